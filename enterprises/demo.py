"""About 25 believable (fictional) social economy actors in Sotenäs, with
definition checks in every state. Idempotent: an enterprise that exists
(by organisation number) is left as it is."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from accounts.models import User

from core.dates import add_years
from .constants import Criterion
from .models import (
    CriterionAssessment,
    DefinitionCheck,
    Enterprise,
    EnterpriseFigures,
    Representation,
    ServiceCategory,
    TargetGroup,
)
from .orgnr import luhn_check_digit
from .services import enterprise_refresh_asf_status, search_document_for, unique_slug

GROUP_DIGIT = {"ekonomisk_forening": "7", "aktiebolag_svb": "5", "aktiebolag": "5", "ideell_forening": "8",
               "stiftelse": "8", "other": "2"}

# name, legal form, kind, locality, categories, target groups, (year, employees, from groups, participants),
# status, check state, short description
ENTERPRISES = [
    ("Smögens Sociala Kooperativ ek. för.", "ekonomisk_forening", "asf", "smogen", ["cafe-catering"],
     ["langtidsarbetslosa", "funktionsnedsattning"], (2025, 12, 7, 5), "published", "valid",
     "Café och catering vid Smögenbryggan, drivet av medarbetarna."),
    ("Kungshamns Återbruk ek. för.", "ekonomisk_forening", "asf", "kungshamn", ["second-hand", "handel"],
     ["nyanlanda", "langtidsarbetslosa"], (2025, 9, 4, 6), "published", "valid",
     "Second hand-butik och återbruk av möbler och båttillbehör."),
    ("Hunnebo Trädgård & Fastighet ek. för.", "ekonomisk_forening", "asf", "hunnebostrand",
     ["tradgard-fastighet"], ["unga", "langtidssjukskrivna"], (2025, 8, 3, 4), "published", "valid",
     "Trädgårdsskötsel, snöröjning och enklare fastighetsskötsel."),
    ("Bovallstrands Båtvård ek. för.", "ekonomisk_forening", "asf", "bovallstrand", ["bat-marina"],
     ["unga", "nyanlanda"], (2024, 6, 2, 3), "published", "expired",
     "Båtvård, vinterförvaring och bryggunderhåll."),
    ("Väjerns Tvätteri ek. för.", "ekonomisk_forening", "asf", "vajern", ["tvatt"],
     ["funktionsnedsattning", "lss-daglig-verksamhet"], (2025, 5, 3, 4), "published", "more_info",
     "Tvätt och mangling för företag, föreningar och privatpersoner."),
    ("Malmöns Hantverkskooperativ ek. för.", "ekonomisk_forening", "asf", "malmon", ["hantverk", "handel"],
     ["funktionsnedsattning"], (2025, 4, 2, 2), "published", "expiring",
     "Hantverk i sten och trä med försäljning i egen bod."),
    ("Sotenäs Städkooperativ ek. för.", "ekonomisk_forening", "asf", "kungshamn", ["stad"],
     ["langtidsarbetslosa", "nyanlanda"], (2025, 14, 6, 4), "published", "submitted",
     "Städning av kontor, fritidshus och trapphus i hela Sotenäs."),
    ("Kustnära Catering AB (svb)", "aktiebolag_svb", "asf", "kungshamn", ["cafe-catering"],
     ["unga", "langtidsarbetslosa"], (2025, 10, 3, 2), "published", "renewing",
     "Luncher och catering med lokala råvaror."),
    ("Skärgårdsturism i Sotenäs AB (svb)", "aktiebolag_svb", "asf", "smogen", ["turism"],
     ["unga"], (2025, 7, 2, 1), "published", "valid",
     "Guidade turer, cykeluthyrning och stugservice under säsong."),
    ("Transportkooperativet Väst AB (svb)", "aktiebolag_svb", "asf", "outside", ["transport"],
     ["langtidssjukskrivna"], (2025, 11, 2, 0), "published", "negative",
     "Budtransporter och flytthjälp i norra Bohuslän."),
    ("Sotenäs Snickeriverkstad ek. för.", "ekonomisk_forening", "asf", "kungshamn", ["snickeri"],
     ["funktionsnedsattning", "langtidsarbetslosa"], (2025, 6, 3, 3), "awaiting_review", "draft",
     "Snickeri, reparationer och tillverkning av utemöbler."),
    ("Hamnens Second Hand AB (svb)", "aktiebolag_svb", "asf", "hunnebostrand", ["second-hand"],
     ["nyanlanda"], None, "awaiting_review", None, "Second hand med fokus på kläder och sjöprylar."),
    ("Gamla Kafferosteriet ek. för.", "ekonomisk_forening", "asf", "smogen", ["cafe-catering"],
     [], None, "unpublished", None, "Kafferosteri och café."),
    ("Kungshamns Idrottsförening", "ideell_forening", "association", "kungshamn", [],
     ["unga"], None, "published", None, "Fotboll, friidrott och sommarläger för barn och unga."),
    ("Smögens Samhällsförening", "ideell_forening", "association", "smogen", ["turism"],
     [], None, "published", None, "Arbetar för ett levande Smögen året runt."),
    ("PRO Sotenäs", "ideell_forening", "association", "kungshamn", [],
     [], None, "published", None, "Pensionärsförening med träffar, resor och studiecirklar."),
    ("Hunnebostrands Kulturförening", "ideell_forening", "association", "hunnebostrand", [],
     [], None, "published", None, "Konserter, utställningar och kulturvandringar."),
    ("Sotenäs Ungdomsförening", "ideell_forening", "association", "kungshamn", [],
     ["unga"], None, "published", None, "Mötesplats och fritidsaktiviteter för unga."),
    ("Föreningen Funktionsrätt Sotenäs", "ideell_forening", "association", "kungshamn", [],
     ["funktionsnedsattning"], None, "published", None, "Samarbetsorgan för funktionsrättsföreningarna i kommunen."),
    ("Stiftelsen Smögens Fiskeläge", "stiftelse", "foundation", "smogen", ["turism"],
     [], None, "published", None, "Bevarar och visar det gamla fiskeläget."),
    ("Stiftelsen Bovallstrands Bygdegård", "stiftelse", "foundation", "bovallstrand", [],
     [], None, "published", None, "Driver bygdegården och hyr ut lokaler."),
    ("Malmöns Bykooperativ ek. för.", "ekonomisk_forening", "cooperative", "malmon", ["handel"],
     [], (2025, 3, 0, 0), "published", None, "Byns lanthandel och postombud, ägd av de boende."),
    ("Väjerns Fiskare ek. för.", "ekonomisk_forening", "cooperative", "vajern", ["handel"],
     [], (2025, 4, 0, 0), "published", None, "Gemensam försäljning av fångst från lokala yrkesfiskare."),
    ("Sotenäs församling, arbetsträning", "other", "other", "kungshamn", ["tradgard-fastighet"],
     ["langtidssjukskrivna"], None, "published", None, "Arbetsträning i kyrkogårdsarbete i samverkan med kommunen."),
    ("Studieförbundet Kustbygd, Sotenäs", "ideell_forening", "association", "kungshamn", [],
     ["nyanlanda"], None, "published", None, "Studiecirklar, svenska för nyanlända och kulturprogram."),
]

# Earlier years' figures (year, employees, from groups, participants): the
# enterprise page shows officials every year, the statistics each year's own.
EARLIER_FIGURES = {
    "Smögens Sociala Kooperativ ek. för.": [(2023, 10, 6, 4), (2024, 11, 6, 5)],
    "Kungshamns Återbruk ek. för.": [(2023, 7, 3, 5), (2024, 8, 3, 6)],
    "Bovallstrands Båtvård ek. för.": [(2022, 5, 2, 2), (2023, 6, 2, 3)],
    "Sotenäs Städkooperativ ek. för.": [(2024, 12, 5, 3)],
}

REPRESENTED_BY_DEMO_USER = ["Smögens Sociala Kooperativ ek. för.", "Sotenäs Städkooperativ ek. för."]
CLAIMED_BY_DEMO_USER = "Kungshamns Återbruk ek. för."


def demo_orgnr(index: int, legal_form: str) -> str:
    nine = f"{GROUP_DIGIT[legal_form]}69{index:06d}"
    return nine + str(luhn_check_digit(nine))


@transaction.atomic
def load() -> dict[str, int]:
    created = {"enterprises": 0, "definition checks": 0}
    categories = {c.slug: c for c in ServiceCategory.objects.all()}
    groups = {g.slug: g for g in TargetGroup.objects.all()}
    coordinator = User.objects.filter(is_policy_coordinator=True).order_by("pk").first()
    for index, row in enumerate(ENTERPRISES, start=1):
        name, legal_form, kind, locality, cats, tgs, figures, status, check_state, short = row
        number = demo_orgnr(index, legal_form)
        if Enterprise.objects.filter(organisation_number=number).exists():
            continue
        year, employees, from_groups, participants = figures or (None, None, None, None)
        enterprise = Enterprise.objects.create(
            name=name, slug=unique_slug(name), organisation_number=number, legal_form=legal_form, kind=kind,
            locality=locality, short_description=short, publication_status=status,
            unpublished_reason="Verksamheten har upphört." if status == "unpublished" else "",
            figures_year=year, employees=employees, employees_from_target_groups=from_groups,
            participants=participants, email=f"info@demo{index}.sotenas.example",
            published_at=timezone.now() if status == "published" else None,
        )
        enterprise.service_categories.set([categories[c] for c in cats if c in categories])
        enterprise.target_groups.set([groups[g] for g in tgs if g in groups])
        for earlier, *counts in EARLIER_FIGURES.get(name, ()):
            EnterpriseFigures.objects.create(enterprise=enterprise, year=earlier, **dict(zip(
                ("employees", "employees_from_target_groups", "participants"), counts)))
        Enterprise.objects.filter(pk=enterprise.pk).update(search_document=search_document_for(enterprise))
        created["enterprises"] += 1
        if check_state:
            _demo_check(enterprise, check_state, coordinator)
            created["definition checks"] += 1
    _demo_representations()
    _demo_confirmation()
    from .registration import register_existing

    created["registered ASF checks"] = register_existing()  # numbers and document lists (issue 16)
    return created


def _demo_confirmation() -> None:
    """The yearly confirmation: the demo representative's second enterprise
    waits for it (a task on "Mitt arbete"), and an unrepresented one, last
    confirmed 14 months ago, waits on the work list with the public notice."""
    from .confirmation import cycle_start

    asked_on = cycle_start(timezone.localdate())
    Enterprise.objects.filter(name=REPRESENTED_BY_DEMO_USER[1], publication_status="published").update(
        last_confirmed_on=asked_on - timedelta(days=300), confirmation_requested_on=asked_on)
    unrepresented = (Enterprise.objects.filter(publication_status="published", representations__isnull=True)
                     .order_by("name").first())
    if unrepresented:
        Enterprise.objects.filter(pk=unrepresented.pk).update(
            last_confirmed_on=add_years(asked_on, -1) - timedelta(days=60), confirmation_requested_on=asked_on)


def _demo_check(enterprise: Enterprise, state: str, coordinator) -> None:
    today = timezone.localdate()
    decided_on = {
        "valid": today - timedelta(days=200),
        "negative": today - timedelta(days=90),
        "expired": today - timedelta(days=760),
        "expiring": add_years(today, -2) + timedelta(days=40),
        "renewing": add_years(today, -2) + timedelta(days=20),  # and a renewal sent in (below)
    }.get(state)
    status = {"draft": "draft", "submitted": "submitted", "more_info": "more_info"}.get(state, "decided")
    check = DefinitionCheck.objects.create(
        enterprise=enterprise,
        status=status,
        submitted_at=timezone.now() - timedelta(days=10) if status != "draft" else None,
        info_request="Bifoga gärna stadgarna som visar hur vinsten återinvesteras." if state == "more_info" else "",
        decided_by=coordinator if decided_on else None,
        decided_on=decided_on,
        valid_until=add_years(decided_on, 2) if decided_on else None,
        is_asf=(state != "negative") if decided_on else None,
    )
    statements = {
        Criterion.TRADE: "Vi säljer tjänster på marknaden för att ge arbete åt personer långt från arbetsmarknaden.",
        Criterion.PARTICIPATION: "Medarbetarna är medlemmar i föreningen och sitter i styrelsen.",
        Criterion.REINVESTMENT: "Enligt stadgarna återinvesteras vinsten i verksamheten.",
        Criterion.INDEPENDENCE: "Föreningen är fristående från kommunen och andra offentliga aktörer.",
    }
    for criterion, statement in statements.items():
        verdict = CriterionAssessment.Verdict.PENDING
        reasoning = ""
        if decided_on:
            met = not (state == "negative" and criterion == Criterion.INDEPENDENCE)
            verdict = CriterionAssessment.Verdict.MET if met else CriterionAssessment.Verdict.NOT_MET
            reasoning = "Styrks av stadgar och årsredovisning." if met else "Kommunen äger majoriteten av bolaget."
        CriterionAssessment.objects.create(definition_check=check, criterion=criterion, statement=statement,
                                           verdict=verdict, reasoning=reasoning)
    if state == "renewing":  # sent in before the expiry: "ASF, förnyelse pågår" until decided
        renewal = DefinitionCheck.objects.create(enterprise=enterprise, status="submitted",
                                                 submitted_at=timezone.now() - timedelta(days=3))
        CriterionAssessment.objects.bulk_create(
            CriterionAssessment(definition_check=renewal, criterion=criterion, statement=statement)
            for criterion, statement in statements.items()
        )
    enterprise_refresh_asf_status(enterprise=enterprise)


def _demo_representations() -> None:
    user = User.objects.filter(username="foretagare").first()
    if user is None:
        return
    for name in REPRESENTED_BY_DEMO_USER:
        enterprise = Enterprise.objects.filter(name=name).first()
        if enterprise:
            Representation.objects.get_or_create(user=user, enterprise=enterprise,
                                                 defaults={"status": Representation.Status.CONFIRMED})
    claimed = Enterprise.objects.filter(name=CLAIMED_BY_DEMO_USER).first()
    if claimed:
        Representation.objects.get_or_create(
            user=user, enterprise=claimed,
            defaults={"status": Representation.Status.PENDING, "message": "Jag är ordförande i föreningen."},
        )
