"""A seeded, national-scale data set for the benchmark, bulk-loaded into
PostgreSQL with COPY.

At full scale: 250,000 enterprises with service categories, target groups,
representatives and ASF definition checks; 200,000 support requests with
their workflow events; 20,000 agreements; 300 departments with ten years
of annual reports (versions and status changes); and the outbox history
of earlier reminders. The rows have the shape the services give them
(reference numbers from per-year counters, the search document built as
``enterprises.services.search_document_for`` builds it, ASF status copied
from the latest decided check, every model constraint met).

Same seed and scale, same rows: every value comes from one
``random.Random(seed)`` and a fixed anchor date (``BENCH_TODAY``), never
from the clock, and ``generate`` returns a digest of everything it wrote.

    python -m bench.generate [--scale full|small|tiny|<factor>] [--seed N]
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import os
import random
import time
from dataclasses import dataclass
from datetime import UTC, date, datetime, time as clock, timedelta
from decimal import Decimal

from core.dates import add_years
from enterprises.orgnr import luhn_check_digit

FULL_SIZES = {
    "enterprises": 250_000,
    "support_requests": 200_000,
    "agreements": 20_000,
    "departments": 300,
    "representatives": 25_000,
}
SCALES = {"full": 1.0, "small": 0.012, "tiny": 0.004}
REPORT_YEARS = 10
DEFAULT_SEED = 20260601
# The day the data set describes. Fixed, so the data does not depend on the
# day it is generated; the reminder sweep is timed as of this day.
DEFAULT_TODAY = date(2026, 11, 2)
COPY_BATCH_ROWS = 50_000
# Bumped whenever the generator's output changes, so a stored data set of
# an older generator is not mistaken for the current one.
GENERATOR_VERSION = 2


def scale_factor(scale: str | float) -> float:
    if isinstance(scale, (int, float)):
        return float(scale)
    if scale in SCALES:
        return SCALES[scale]
    return float(scale)


def sizes_for(scale: str | float) -> dict[str, int]:
    factor = scale_factor(scale)
    sizes = {name: max(1, round(full * factor)) for name, full in FULL_SIZES.items()}
    sizes["departments"] = max(5, sizes["departments"])
    sizes["representatives"] = max(20, sizes["representatives"])
    return sizes


def anchor_day() -> date:
    raw = os.environ.get("BENCH_TODAY", "")
    return date.fromisoformat(raw) if raw else DEFAULT_TODAY


# Text pools -----------------------------------------------------------------------

PLACES = [
    "Kungshamns", "Smögens", "Hunnebostrands", "Bovallstrands", "Väjerns", "Malmöns", "Lysekils", "Strömstads",
    "Tanums", "Munkedals", "Uddevalla", "Orusts", "Tjörns", "Stenungsunds", "Kungälvs", "Göteborgs", "Borås",
    "Trollhättans", "Vänersborgs", "Åmåls", "Karlstads", "Örebro", "Västerås", "Uppsala", "Gävle", "Umeå",
    "Luleå", "Kiruna", "Sundsvalls", "Östersunds", "Falu", "Norrköpings", "Linköpings", "Jönköpings", "Växjö",
    "Kalmar", "Visby", "Karlskrona", "Kristianstads", "Malmö", "Lunds", "Helsingborgs", "Halmstads", "Varbergs",
]
# What an actor does: (name part, its service category or None, sentences
# that describe it). Trading actors (ASF, cooperatives, others) draw from
# the first list, associations and foundations from the second, so a word
# like "städning" matches a few per cent of the registry, as it would.
TRADING = [
    ("Städkooperativ", "stad", ["Vi erbjuder städning av kontor, trapphus och fritidshus.",
                                "Hemstädning och storstädning med miljömärkta medel."]),
    ("Café", "cafe-catering", ["Café med hembakat bröd, smörgåsar och dagens lunch.",
                               "Fika och luncher i hamnen året om."]),
    ("Catering", "cafe-catering", ["Catering till möten, fester och konferenser.",
                                   "Matlådor och buffé lagade från grunden."]),
    ("Trädgårdsservice", "tradgard-fastighet", ["Trädgårdsskötsel, gräsklippning och häckklippning.",
                                                "Snöröjning och sandning under vintern."]),
    ("Fastighetsservice", "tradgard-fastighet", ["Fastighetsskötsel, enklare reparationer och flytt.",
                                                 "Tillsyn av fritidshus och sommarstugor."]),
    ("Snickeri", "snickeri", ["Snickeri som tillverkar möbler och bryggor av återvunnet virke.",
                              "Renovering av fönster, dörrar och båtar i trä."]),
    ("Second hand", "second-hand", ["Second hand-butik med kläder, möbler och böcker.",
                                    "Insamling och sortering av skänkta saker."]),
    ("Återbruk", "second-hand", ["Återbruk av byggmaterial och möbler.",
                                 "Reparationer av cyklar och elektronik."]),
    ("Båtservice", "bat-marina", ["Båtvård, bottenmålning och vinterförvaring av båtar.",
                                  "Tillsyn av båtar och bryggor i gästhamnen."]),
    ("Marina", "bat-marina", ["Gästhamn med service för seglare.", "Uthyrning av båtplatser och sjöbodar."]),
    ("Turism", "turism", ["Guidade turer i skärgården och uthyrning av kajaker.",
                          "Sälsafari och fisketurer för besökare."]),
    ("Vandrarhem", "turism", ["Vandrarhem med rum för grupper och familjer.", "Stugby och camping vid havet."]),
    ("Tvätteri", "tvatt", ["Tvätt och mangling för företag och hushåll.", "Tvätt av arbetskläder och textilier."]),
    ("Transport", "transport", ["Transporter, flytthjälp och budkörning.", "Körningar av gods och möbler."]),
    ("Handelsbod", "handel", ["Handel med lokala produkter, fisk och skaldjur.", "Gårdsbutik med ägg och grönsaker."]),
    ("Hantverk", "hantverk", ["Keramik, textil och smide från egen verkstad.", "Kurser i hantverk och slöjd."]),
]
ASSOCIATIONS = [
    ("Idrottsförening", None, ["Fotboll, handboll och friidrott för barn och vuxna.",
                               "Träningar och matcher varje vecka."]),
    ("Seglarklubb", None, ["Seglarskola och kappseglingar för unga.", "Klubbhus med bastu och bryggor."]),
    ("Pensionärsförening", None, ["Träffar, resor och studiecirklar för seniorer.", "Boule, bingo och dans."]),
    ("Kulturförening", None, ["Konserter, teater och utställningar.", "Filmvisningar och författarkvällar."]),
    ("Ungdomsförening", None, ["Fritidsgård och läxhjälp för unga.", "Musik, dans och e-sport för tonåringar."]),
    ("Samhällsförening", None, ["Föreningen sköter badplatser och midsommarfirande.", "Byagård och lokal service."]),
    ("Studieförbund", None, ["Studiecirklar, kurser och föreläsningar.", "Språkcaféer och folkbildning."]),
    ("Församling", None, ["Gudstjänster, körer och öppet hus.", "Diakoni och stöd till behövande."]),
    ("Funktionsrättsförening", None, ["Stöd och gemenskap för personer med funktionsnedsättning.",
                                       "Påverkansarbete för tillgänglighet."]),
    ("Hembygdsförening", None, ["Hembygdsgård och lokalhistoriskt arkiv.", "Slåtter och hantverksdagar."]),
    ("Stiftelse", None, ["Stiftelsen delar ut stipendier och bidrag.", "Förvaltning av en kulturbyggnad."]),
]
GENERIC = [
    "Arbetsträning och praktik för personer som står långt från arbetsmarknaden.",
    "Verksamheten drivs av medlemmarna och vinsten återinvesteras.",
    "Vi samverkar med kommunen och Arbetsförmedlingen om platser för arbetsträning.",
    "Daglig verksamhet enligt LSS med meningsfulla arbetsuppgifter.",
    "Språkträning och introduktion för nyanlända.",
    "Föreningen är öppen för alla och drivs ideellt.",
    "Verksamheten finansieras med medlemsavgifter och bidrag.",
    "Vi söker fler volontärer och medlemmar.",
]
SENTENCES = [sentence for _n, _c, texts in TRADING + ASSOCIATIONS for sentence in texts] + GENERIC
ACTIVITIES = TRADING + ASSOCIATIONS
SURNAMES = ["Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson",
            "Svensson", "Gustafsson", "Pettersson", "Jonsson", "Jansson", "Hansson", "Bengtsson", "Lindberg"]
FIRST_NAMES = ["Anna", "Eva", "Maria", "Karin", "Sara", "Lena", "Emma", "Erik", "Lars", "Karl", "Anders",
               "Johan", "Per", "Nils", "Ali", "Fatima", "Amir", "Leila"]
SECTORS = ["Sektor arbetsmarknad och integration", "Sektor omsorg", "Sektor barn och utbildning",
           "Sektor samhällsbyggnad", "Sektor kultur och fritid", "Bostadsbolag", "Energibolag", "Hamnbolag"]
LOCALITIES = ["kungshamn", "smogen", "hunnebostrand", "bovallstrand", "vajern", "malmon", "outside"]
KINDS = [("asf", 15), ("association", 45), ("cooperative", 15), ("foundation", 10), ("other", 15)]
LEGAL_FORMS_BY_KIND = {
    "asf": ["ekonomisk_forening", "aktiebolag_svb", "ekonomisk_forening", "ideell_forening"],
    "association": ["ideell_forening"],
    "cooperative": ["ekonomisk_forening"],
    "foundation": ["stiftelse"],
    "other": ["ideell_forening", "aktiebolag", "other"],
}
FIRST_DIGIT = {"ekonomisk_forening": "7", "aktiebolag": "5", "aktiebolag_svb": "5", "ideell_forening": "8",
               "stiftelse": "8", "other": "9"}
OUTCOMES = ["granted", "partly_granted", "declined"]
AGREEMENT_KINDS = ["overenskommelse", "samarbetsavtal", "iop", "reserved_contract", "placement", "other"]


def organisation_number(index: int, legal_form: str) -> str:
    """Unique per index; digits 3-4 are 20 or more (a legal entity)."""
    nine = f"{FIRST_DIGIT[legal_form]}{(index // 10**6) % 10}2{index % 10**6:06d}"
    return nine + str(luhn_check_digit(nine))



def at(day: date, rng: random.Random) -> datetime:
    """A time during office hours on ``day`` (UTC)."""
    return datetime.combine(day, clock(7 + rng.randrange(9), rng.randrange(60), rng.randrange(60)), tzinfo=UTC)


# COPY -----------------------------------------------------------------------------

def encode(value) -> str:
    if value is None:
        return r"\N"
    if value is True:
        return "t"
    if value is False:
        return "f"
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, dict):
        value = json.dumps(value, sort_keys=True, ensure_ascii=False)
    text = str(value)
    if "\\" in text or "\t" in text or "\n" in text or "\r" in text:
        text = text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
    return text


class Copier:
    """Rows for one table, sent with COPY in batches; the digest covers
    every row in the order it was added."""

    def __init__(self, cursor, model, fields: list[str]):
        self.cursor, self.model = cursor, model
        self.columns = [model._meta.get_field(name).column for name in fields]
        self.buffer = io.StringIO()
        self.pending = 0
        self.count = 0
        self.digest = hashlib.sha256()

    def add(self, *values) -> None:
        line = "\t".join(encode(v) for v in values) + "\n"
        self.buffer.write(line)
        self.digest.update(line.encode())
        self.pending += 1
        self.count += 1
        if self.pending >= COPY_BATCH_ROWS:
            self.flush()

    def flush(self) -> None:
        if not self.pending:
            return
        self.buffer.seek(0)
        columns = ", ".join(f'"{c}"' for c in self.columns)
        self.cursor.copy_expert(f'COPY "{self.model._meta.db_table}" ({columns}) FROM STDIN', self.buffer)
        self.buffer = io.StringIO()
        self.pending = 0

    def close(self) -> str:
        self.flush()
        return self.digest.hexdigest()


# The data set ---------------------------------------------------------------------

@dataclass
class Result:
    seed: int
    scale: str
    today: date
    rows: dict
    digest: str
    seconds: float


def _models():
    from accounts.models import Department, Membership, User
    from enterprises.models import (
        CriterionAssessment, DefinitionCheck, Enterprise, Representation, ServiceCategory, TargetGroup,
    )
    from policy_reports.models import (
        DepartmentReport, PolicyStatement, PolicyVersion, ReportingRound, ReportStatusChange, ReportVersion,
    )
    from core.models import OutboundEmail
    from support.models import Agreement, ReferenceCounter, RequestEvent, SupportKind, SupportRequest

    return locals()


# Tables the generator fills; emptied first (vocabularies from the
# migrations are kept).
FILLED_TABLES = [
    "sotenas_portal_outboundemail", "policy_reports_reportstatuschange", "policy_reports_reportversion",
    "policy_reports_statementevidence_reports", "policy_reports_statementevidence",
    "policy_reports_departmentreport", "policy_reports_reportinground", "policy_reports_policystatement",
    "policy_reports_policyversion", "support_requestevent", "support_message", "support_requestattachment",
    "support_agreementattachment", "support_agreement", "support_supportrequest", "support_referencecounter",
    "enterprises_evidence", "enterprises_criterionassessment", "enterprises_definitioncheck",
    "enterprises_representation", "enterprises_enterprise_service_categories",
    "enterprises_enterprise_target_groups", "enterprises_enterprise", "accounts_membership",
    "accounts_department", "django_session", "accounts_user",
]


def reset(cursor) -> None:
    from django.db import connection

    existing = set(connection.introspection.table_names(cursor))
    history = [t for t in existing if "historical" in t]
    tables = [t for t in FILLED_TABLES if t in existing] + sorted(history)
    cursor.execute("TRUNCATE " + ", ".join(f'"{t}"' for t in tables) + " RESTART IDENTITY CASCADE")


def reset_sequences(cursor, models) -> None:
    for model in models:
        table, pk = model._meta.db_table, model._meta.pk.column
        cursor.execute(
            f"SELECT setval(pg_get_serial_sequence('\"{table}\"', '{pk}'), "
            f"COALESCE((SELECT MAX(\"{pk}\") FROM \"{table}\"), 0) + 1, false)"
        )


def generate(*, seed: int = DEFAULT_SEED, scale: str | float = "full", verbose: bool = False,
             vacuum: bool = True) -> Result:
    """Empty the generated tables and fill them again. PostgreSQL only."""
    from django.db import connection, transaction

    if connection.vendor != "postgresql":
        raise RuntimeError("The benchmark data set is loaded with COPY and needs PostgreSQL (DATABASE_URL).")
    started = time.monotonic()
    m = _models()
    sizes = sizes_for(scale)
    today = anchor_day()
    rng = random.Random(seed)
    digests: dict[str, str] = {}
    rows: dict[str, int] = {}

    def log(message: str) -> None:
        if verbose:
            print(f"[{time.monotonic() - started:6.1f}s] {message}", flush=True)

    with transaction.atomic(), connection.cursor() as cursor:
        reset(cursor)

        def copier(key: str, model, fields: list[str]) -> Copier:
            c = Copier(cursor, model, fields)
            c.key = key
            return c

        def close(*copiers: Copier) -> None:
            for c in copiers:
                digests[c.key] = c.close()
                rows[c.key] = c.count

        categories = list(m["ServiceCategory"].objects.order_by("name").values_list("pk", "slug", "name"))
        category_rank = {pk: rank for rank, (pk, _s, _n) in enumerate(categories)}
        category_by_slug = {slug: pk for pk, slug, _n in categories}
        category_name = {pk: name for pk, _s, name in categories}
        target_groups = list(m["TargetGroup"].objects.order_by("position").values_list("pk", flat=True))
        support_kinds = list(m["SupportKind"].objects.order_by("position", "pk").values_list("pk", flat=True))

        # Departments, officials, a coordinator and representatives ---------------------
        n_departments = sizes["departments"]
        departments = copier("departments", m["Department"], ["id", "name", "kind", "contact_email", "is_active",
                                                               "created_at"])
        base_time = datetime.combine(today - timedelta(days=3650), clock(8), tzinfo=UTC)
        for d in range(1, n_departments + 1):
            kind = "kommunstyrelsen" if d == 1 else ("company" if d % 6 == 0 else "sector")
            name = "Kommunstyrelsens förvaltning" if d == 1 else f"{SECTORS[d % len(SECTORS)]} {d:03d}"
            departments.add(d, name, kind, f"avdelning{d}@bench.example", d % 50 != 0, base_time)
        close(departments)

        users = copier("users", m["User"], [
            "id", "password", "last_login", "is_superuser", "username", "first_name", "last_name", "email",
            "is_staff", "is_active", "date_joined", "preferred_language", "support_email_delivery",
            "is_policy_coordinator"])
        memberships = copier("memberships", m["Membership"], ["user", "department", "created_at"])

        def add_user(pk: int, username: str, *, coordinator: bool = False) -> None:
            users.add(pk, "!bench", None, False, username, rng.choice(FIRST_NAMES), rng.choice(SURNAMES),
                      f"{username}@bench.example", False, True, base_time, "sv" if rng.random() < 0.9 else "en",
                      "digest" if rng.random() < 0.1 else "immediate", coordinator)

        add_user(1, "bench-samordnare", coordinator=True)
        officials_of: dict[int, list[int]] = {}
        user_id = 1
        for d in range(1, n_departments + 1):
            officials_of[d] = []
            for _ in range(2):
                user_id += 1
                add_user(user_id, f"bench-tjansteman-{user_id}")
                memberships.add(user_id, d, base_time)
                officials_of[d].append(user_id)
        first_representative = user_id + 1
        for _ in range(sizes["representatives"]):
            user_id += 1
            add_user(user_id, f"bench-foretagare-{user_id}")
        representative_ids = range(first_representative, user_id + 1)
        close(users, memberships)
        log(f"{rows['users']} users, {n_departments} departments")

        # Enterprises, their vocabularies, representatives and checks ------------------
        n_enterprises = sizes["enterprises"]
        enterprises = copier("enterprises", m["Enterprise"], [
            "id", "name", "slug", "organisation_number", "legal_form", "kind", "short_description", "description",
            "locality", "visiting_address", "postal_address", "phone", "email", "website", "year_founded",
            "figures_year", "employees", "employees_from_target_groups", "participants", "publication_status",
            "unpublished_reason", "asf_verified_on", "asf_valid_until", "search_document", "created_at",
            "updated_at", "published_at"])
        through_categories = copier("enterprise_categories", m["Enterprise"].service_categories.through,
                                    ["enterprise", "servicecategory"])
        through_groups = copier("enterprise_target_groups", m["Enterprise"].target_groups.through,
                                ["enterprise", "targetgroup"])
        representations = copier("representations", m["Representation"],
                                 ["user", "enterprise", "status", "message", "created_at"])
        checks = copier("definition_checks", m["DefinitionCheck"], [
            "id", "enterprise", "status", "created_by", "created_at", "submitted_at", "info_request", "decided_by",
            "decided_on", "valid_until", "is_asf"])
        assessments = copier("criterion_assessments", m["CriterionAssessment"],
                             ["definition_check", "criterion", "statement", "verdict", "reasoning"])
        kind_names = [k for k, w in KINDS for _ in range(w)]
        slug_counts: dict[str, int] = {}
        published_ids: list[int] = []
        check_id = 0
        official_ids = [u for ids in officials_of.values() for u in ids]
        expired_checks: list[tuple[int, date]] = []
        from enterprises.services import swedish_slug

        for e in range(1, n_enterprises + 1):
            kind = rng.choice(kind_names)
            legal_form = rng.choice(LEGAL_FORMS_BY_KIND[kind])
            trading = kind in ("asf", "cooperative") or (kind == "other" and rng.random() < 0.5)
            activity, activity_category, texts = rng.choice(TRADING if trading else ASSOCIATIONS)
            place = rng.choice(PLACES)
            name = f"{place} {activity}"
            if legal_form == "aktiebolag_svb":
                name += " AB (svb)"
            elif legal_form == "aktiebolag":
                name += " AB"
            base = swedish_slug(name)[:200]
            n = slug_counts.get(base, 0) + 1
            slug_counts[base] = n
            slug = base if n == 1 else f"{base}-{n}"
            short = rng.choice(texts)
            description = " ".join([*texts, rng.choice(GENERIC), f"Vi finns i {place.rstrip('s')} med omnejd."])
            chosen = {category_by_slug[activity_category]} if activity_category else set()
            if rng.random() < (0.3 if trading else 0.05):
                chosen.add(rng.choice(categories)[0])
            chosen_sorted = sorted(chosen, key=category_rank.__getitem__)
            groups = sorted(rng.sample(target_groups, rng.randint(0, 3) if kind != "asf" else rng.randint(1, 4)))
            created = at(today - timedelta(days=rng.randrange(3650)), rng)
            roll = rng.random()
            status = ("published" if roll < 0.85 else "awaiting_review" if roll < 0.90
                      else "draft" if roll < 0.95 else "unpublished")
            if kind in ("asf", "cooperative") or rng.random() < 0.1:
                employees = rng.randint(1, 60)
                figures = (today.year - rng.randint(0, 9), employees, rng.randint(0, employees), rng.randint(0, 40))
            else:
                figures = (None, None, None, None)
            # The latest decided check decides the ASF status, as
            # enterprise_refresh_asf_status copies it.
            verified_on = valid_until = None
            if kind == "asf":
                check_id += 1
                decided_on = today - timedelta(days=rng.randrange(1000))
                until = add_years(decided_on, 2)
                is_asf = rng.random() < 0.9
                checks.add(check_id, e, "decided", rng.choice(representative_ids),
                           at(decided_on - timedelta(days=30), rng), at(decided_on - timedelta(days=20), rng), "",
                           rng.choice(official_ids), decided_on, until, is_asf)
                for criterion in range(1, 5):
                    assessments.add(check_id, criterion, rng.choice(GENERIC), "met" if is_asf else "not_met",
                                    "Uppfyllt enligt underlaget." if is_asf else "Underlaget räcker inte.")
                if is_asf:
                    verified_on, valid_until = decided_on, until
                    if until < today:
                        expired_checks.append((e, until))
                if rng.random() < 0.08:
                    check_id += 1
                    open_status = rng.choice(["draft", "submitted", "more_info"])
                    checks.add(check_id, e, open_status, rng.choice(representative_ids),
                               at(today - timedelta(days=rng.randrange(60)), rng),
                               None if open_status == "draft" else at(today - timedelta(days=rng.randrange(30)), rng),
                               "Bifoga stadgarna." if open_status == "more_info" else "", None, None, None, None)
                    for criterion in range(1, 5):
                        assessments.add(check_id, criterion, rng.choice(GENERIC), "pending", "")
            document = " ".join([name, short, description, " ".join(category_name[pk] for pk in chosen_sorted)])
            shown = status in ("published", "unpublished")
            published_at = created + timedelta(days=rng.randrange(1, 30)) if shown else None
            enterprises.add(
                e, name, slug, organisation_number(e, legal_form), legal_form, kind, short, description,
                rng.choice(LOCALITIES), f"Hamngatan {rng.randint(1, 80)}", f"Box {rng.randint(1, 999)}",
                f"0523-{rng.randint(10000, 99999)}", f"info{e}@foretag.bench.example", "",
                rng.randint(1900, today.year),
                *figures, status, "Uppgifterna är inaktuella." if status == "unpublished" else "",
                verified_on, valid_until, document.lower(), created, created, published_at,
            )
            for pk in chosen_sorted:
                through_categories.add(e, pk)
            for pk in groups:
                through_groups.add(e, pk)
            if rng.random() < 0.3:
                representations.add(rng.choice(representative_ids), e, "confirmed", "", created)
            if status == "published":
                published_ids.append(e)
        close(enterprises, through_categories, through_groups, representations, checks, assessments)
        log(f"{rows['enterprises']} enterprises, {rows['definition_checks']} checks")

        # Support requests with their workflow history --------------------------------
        n_requests = sizes["support_requests"]
        requests = copier("support_requests", m["SupportRequest"], [
            "id", "applicant", "enterprise", "kind", "subject", "description", "hoped_outcome", "reference",
            "reference_year", "reference_number", "state", "department", "handler", "submitted_at",
            "first_response_due", "first_response_at", "decision_due", "reply_by", "forwarded_to", "forwarded_on",
            "forward_answer", "forward_answered_on", "outcome", "outcome_reason", "decided_at", "ended_at",
            "created_at", "updated_at"])
        events = copier("request_events", m["RequestEvent"],
                        ["request", "move", "from_state", "to_state", "actor", "comment", "created_at"])
        counters = copier("reference_counters", m["ReferenceCounter"], ["year", "last_number"])
        # Older years hold fewer requests: the portal grows.
        ages = sorted((int(3650 * rng.random() ** 1.6) for _ in range(n_requests)), reverse=True)
        last_number: dict[int, int] = {}
        open_request_ids: list[int] = []
        for r, age in enumerate(ages, start=1):
            day = today - timedelta(days=age)
            submitted = at(day, rng)
            applicant = rng.choice(representative_ids)
            enterprise = rng.randint(1, n_enterprises) if rng.random() < 0.85 else None
            if age < 5 and rng.random() < 0.3:
                state = "draft"
            elif age < 90:
                state = rng.choice(["submitted", "assigned", "in_progress", "in_progress", "waiting", "forwarded",
                                    "decided", "closed"])
            else:
                roll = rng.random()
                state = "closed" if roll < 0.7 else "decided" if roll < 0.9 else "withdrawn"
            department = handler = None
            if state not in ("draft", "submitted"):
                department = rng.randint(1, n_departments)
                handler = rng.choice(officials_of[department]) if state != "withdrawn" else None
            reference = ""
            year = number = None
            if state != "draft":
                year = submitted.year
                number = last_number.get(year, 0) + 1
                last_number[year] = number
                reference = f"STOD-{year}-{number:04d}"
            responded = state in ("in_progress", "waiting", "forwarded", "decided", "closed")
            first_response_at = submitted + timedelta(days=rng.randint(1, 12)) if responded else None
            decision_due = (first_response_at.date() + timedelta(days=30)) if responded else None
            decided = state in ("decided", "closed")
            decided_at = first_response_at + timedelta(days=rng.randint(1, 40)) if decided else None
            ended_at = (decided_at + timedelta(days=rng.randint(1, 30)) if state == "closed"
                        else submitted + timedelta(days=rng.randint(1, 20)) if state == "withdrawn" else None)
            last_change = ended_at or decided_at or first_response_at or submitted
            requests.add(
                r, applicant, enterprise, rng.choice(support_kinds), f"Stöd till {rng.choice(ACTIVITIES)[0].lower()}",
                rng.choice(SENTENCES), "Råd om finansiering och samverkan.", reference, year, number, state,
                department, handler, None if state == "draft" else submitted,
                None if state == "draft" else day + timedelta(days=14), first_response_at, decision_due,
                day + timedelta(days=40) if state == "waiting" else None,
                "Arbetsförmedlingen" if state == "forwarded" else "",
                first_response_at.date() if state == "forwarded" else None, "", None,
                rng.choice(OUTCOMES) if decided else "", "Beslut enligt riktlinjerna." if decided else "",
                decided_at, ended_at, submitted - timedelta(hours=1), last_change,
            )
            if state == "draft":
                continue
            if state not in ("decided", "closed", "withdrawn"):
                open_request_ids.append(r)
            chain = [("submit", "draft", "submitted", applicant, submitted)]
            if department is not None and state != "withdrawn":
                chain.append(("assign", "submitted", "assigned", 1, submitted + timedelta(hours=2)))
            if responded:
                chain.append(("start", "assigned", "in_progress", handler, first_response_at))
            if state == "waiting":
                chain.append(("request_info", "in_progress", "waiting", handler,
                              first_response_at + timedelta(hours=1)))
            if state == "forwarded":
                chain.append(("forward", "in_progress", "forwarded", handler, first_response_at + timedelta(hours=1)))
            if decided:
                chain.append(("decide", "in_progress", "decided", handler, decided_at))
            if state == "closed":
                chain.append(("close", "decided", "closed", handler, ended_at))
            if state == "withdrawn":
                chain.append(("withdraw", "submitted", "withdrawn", applicant, ended_at))
            for move, source, target, actor, when in chain:
                events.add(r, move, source, target, actor, "", when)
        for year in sorted(last_number):
            counters.add(year, last_number[year])
        close(requests, events, counters)
        log(f"{rows['support_requests']} support requests, {rows['request_events']} events")

        # Agreements ------------------------------------------------------------------
        agreements = copier("agreements", m["Agreement"], [
            "id", "department", "enterprise", "kind", "title", "description", "start_date", "end_date",
            "annual_value", "contact_person", "is_public", "created_by", "created_at", "updated_at"])
        ended_agreements: list[tuple[int, int, date]] = []
        for a in range(1, sizes["agreements"] + 1):
            department = rng.randint(1, n_departments)
            start = today - timedelta(days=rng.randrange(2200))
            end = None if rng.random() < 0.2 else start + timedelta(days=rng.randint(180, 1460))
            created = at(start - timedelta(days=10), rng)
            agreements.add(
                a, department, rng.choice(published_ids), rng.choice(AGREEMENT_KINDS),
                f"{rng.choice(['Avtal om', 'Överenskommelse om', 'IOP om'])} {rng.choice(ACTIVITIES)[0].lower()}",
                rng.choice(SENTENCES), start, end, Decimal(rng.randint(10, 2000) * 1000),
                f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}", rng.random() < 0.8,
                rng.choice(officials_of[department]), created, created,
            )
            if end is not None and end < today:
                ended_agreements.append((a, department, end))
        close(agreements)

        # Policy versions and ten years of annual reports ------------------------------
        versions = copier("policy_versions", m["PolicyVersion"], [
            "id", "title", "decision_date", "decision_reference", "document", "document_name", "review_due_on",
            "review_lead_months", "status", "replaced_by", "adopted_by", "created_at"])
        decided_in_force = today - timedelta(days=540)
        decided_before = add_years(decided_in_force, -2)
        versions.add(2, "Policy för främjande av den sociala ekonomin", decided_before,
                     f"KF {decided_before.isoformat()} § 41", "policy/bench-2.pdf", "policy-2.pdf",
                     add_years(decided_before, 2), 6, "replaced", None, 1, at(decided_before, rng))
        versions.add(1, "Policy för främjande av den sociala ekonomin och ASF", decided_in_force,
                     f"KF {decided_in_force.isoformat()} § 87", "policy/bench-1.pdf", "policy-1.pdf",
                     add_years(decided_in_force, 2), 6, "in_force", None, 1, at(decided_in_force, rng))
        close(versions)
        cursor.execute(f'UPDATE "{m["PolicyVersion"]._meta.db_table}" SET replaced_by_id = 1 WHERE id = 2')
        statements = copier("policy_statements", m["PolicyStatement"], ["version", "position", "text"])
        for version in (1, 2):
            for position, text in enumerate(SENTENCES[:8], start=1):
                statements.add(version, position, text)
        close(statements)

        from policy_reports.dates import default_round_due_date

        rounds = copier("reporting_rounds", m["ReportingRound"],
                        ["id", "year", "due_date", "policy_version", "opened_by", "opened_at"])
        reports = copier("annual_reports", m["DepartmentReport"], [
            "id", "reporting_round", "department", "status", "description", "agreements_in_force",
            "agreements_value", "requests_handled", "requests_decided", "placements_with_asf",
            "purchases_from_social_enterprises", "dialogue_meetings", "joint_projects", "cooperation_description",
            "plans_next_year", "portal_figures", "return_comment", "submitted_at", "submitted_by", "accepted_at",
            "accepted_by", "created_at", "updated_at"])
        report_versions = copier("report_versions", m["ReportVersion"],
                                 ["report", "number", "content", "submitted_by", "submitted_at"])
        status_changes = copier("report_status_changes", m["ReportStatusChange"],
                                ["report", "from_status", "to_status", "actor", "comment", "created_at"])
        report_id = 0
        late_reports: list[tuple[int, int]] = []
        last_year = today.year - 1
        for index, year in enumerate(range(last_year - REPORT_YEARS + 1, last_year + 1), start=1):
            due = default_round_due_date(year)
            opened = at(date(year, 12, 1), rng)
            rounds.add(index, year, due, 1 if year >= decided_in_force.year else 2, 1, opened)
            for d in range(1, n_departments + 1):
                report_id += 1
                official = officials_of[d][0]
                recent = year == last_year
                roll = rng.random()
                accepted_below, submitted_below = (0.6, 0.85) if recent else (0.93, 0.97)
                status = ("accepted" if roll < accepted_below else "submitted" if roll < submitted_below
                          else "draft" if roll < 0.95 else "not_started")
                handled = rng.randint(0, 60)
                figures = {
                    "agreements_in_force": rng.randint(0, 20), "agreements_value": Decimal(rng.randint(0, 5000) * 1000),
                    "requests_handled": handled, "requests_decided": rng.randint(0, handled),
                    "placements_with_asf": rng.randint(0, 30),
                    "purchases_from_social_enterprises": Decimal(rng.randint(0, 900) * 1000),
                    "dialogue_meetings": rng.randint(0, 12), "joint_projects": rng.randint(0, 5),
                }
                texts = {"description": rng.choice(SENTENCES), "cooperation_description": rng.choice(SENTENCES),
                         "plans_next_year": rng.choice(SENTENCES)}
                if status == "not_started":
                    figures = dict.fromkeys(figures)
                    texts = dict.fromkeys(texts, "")
                delivered = status in ("submitted", "accepted")
                submitted_at = at(due - timedelta(days=rng.randint(-20, 40)), rng) if delivered else None
                accepted_at = submitted_at + timedelta(days=rng.randint(1, 30)) if status == "accepted" else None
                reports.add(
                    report_id, index, d, status, texts["description"], figures["agreements_in_force"],
                    figures["agreements_value"], figures["requests_handled"], figures["requests_decided"],
                    figures["placements_with_asf"], figures["purchases_from_social_enterprises"],
                    figures["dialogue_meetings"], figures["joint_projects"], texts["cooperation_description"],
                    texts["plans_next_year"], {}, "", submitted_at, official if delivered else None, accepted_at,
                    1 if accepted_at else None, opened, accepted_at or submitted_at or opened,
                )
                if delivered:
                    content = {**texts, **{k: (str(v) if isinstance(v, Decimal) else v) for k, v in figures.items()},
                               "portal_figures": {}}
                    report_versions.add(report_id, 1, content, official, submitted_at)
                    status_changes.add(report_id, "draft", "submitted", official, "", submitted_at)
                    if accepted_at:
                        status_changes.add(report_id, "submitted", "accepted", 1, "", accepted_at)
                elif recent:
                    late_reports.append((report_id, d))
        close(rounds, reports, report_versions, status_changes)
        log(f"{rows['annual_reports']} annual reports")

        # The outbox's memory of earlier reminders -------------------------------------
        outbox = copier("outbox", m["OutboundEmail"], [
            "recipient", "user", "kind", "subject", "body", "link", "dedup_key", "status", "attempts", "last_error",
            "created_at", "sent_at"])

        def sent(recipient: str, user, kind: str, key: str, day: date) -> None:
            when = at(day, rng)
            outbox.add(recipient, user, kind, "Påminnelse", "Påminnelse från portalen.", "", key, "sent", 1, "",
                       when, when)

        for a, department, end in ended_agreements:
            for offset in (-90, -30):
                for official in officials_of[department]:
                    sent(f"bench-tjansteman-{official}@bench.example", official, "reminder.agreement",
                         f"agreement:{a}:{offset}", end + timedelta(days=offset))
        for e, until in expired_checks:
            sent(f"info{e}@foretag.bench.example", None, "reminder.asf_check",
                 f"asf-check:{e}:{until.isoformat()}:-60", until - timedelta(days=60))
        for report, department in late_reports:
            for official in officials_of[department]:
                sent(f"bench-tjansteman-{official}@bench.example", official, "reminder.report",
                     f"report:{report}:-30", default_round_due_date(last_year) - timedelta(days=30))
        for back in range(1, 31):
            day = today - timedelta(days=back)
            for official in official_ids[: max(10, len(official_ids) // 3)]:
                email = f"bench-tjansteman-{official}@bench.example"
                sent(email, official, "reminder.support_digest", f"support-digest:{email}:{day.isoformat()}", day)
        close(outbox)
        log(f"{rows['outbox']} outbox rows")

        reset_sequences(cursor, [m["Department"], m["User"], m["Enterprise"], m["DefinitionCheck"],
                                 m["SupportRequest"], m["Agreement"], m["PolicyVersion"], m["ReportingRound"],
                                 m["DepartmentReport"]])

    if vacuum:
        # Fresh statistics and visibility maps, as autovacuum would give a
        # long-running database.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    log("vacuumed and analysed")
    digest = hashlib.sha256(json.dumps(digests, sort_keys=True).encode()).hexdigest()
    return Result(seed=seed, scale=str(scale), today=today, rows=rows, digest=digest,
                  seconds=round(time.monotonic() - started, 1))


def main(argv=None) -> None:
    import django

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", default=os.environ.get("BENCH_SCALE", "full"))
    parser.add_argument("--seed", type=int, default=int(os.environ.get("BENCH_SEED", DEFAULT_SEED)))
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sotenas_portal.settings.local")
    django.setup()
    result = generate(seed=args.seed, scale=args.scale, verbose=True)
    print(json.dumps({"rows": result.rows, "digest": result.digest, "seconds": result.seconds}, indent=2))


if __name__ == "__main__":
    main()
