"""The registry: enterprises with their service categories, target groups,
representatives and ASF definition checks (the latest decided check
decides the ASF status, as the services keep it)."""

from datetime import date, timedelta

from core.dates import add_years
from enterprises.models import (
    CriterionAssessment,
    DefinitionCheck,
    Enterprise,
    EnterpriseFigures,
    Representation,
    ServiceCategory,
    TargetGroup,
)
from enterprises.services import swedish_slug

from .context import Build
from .pools import (
    ASSOCIATIONS,
    GENERIC,
    KINDS,
    LEGAL_FORMS_BY_KIND,
    LOCALITIES,
    PLACES,
    TRADING,
    at,
    organisation_number,
)


def add_registry(b: Build) -> None:
    """The enterprises, their vocabularies, representatives and definition checks."""
    rng, today, sizes, copier, close, log, rows = b.rng, b.today, b.sizes, b.copier, b.close, b.log, b.rows
    officials_of, representative_ids = b.officials_of, b.representative_ids
    categories = list(ServiceCategory.objects.order_by("name").values_list("pk", "slug", "name"))
    category_rank = {pk: rank for rank, (pk, _s, _n) in enumerate(categories)}
    category_by_slug = {slug: pk for pk, slug, _n in categories}
    category_name = {pk: name for pk, _s, name in categories}
    target_groups = list(TargetGroup.objects.order_by("position").values_list("pk", flat=True))

    n_enterprises = sizes["enterprises"]
    enterprises = copier("enterprises", Enterprise, [
        "id", "name", "slug", "organisation_number", "legal_form", "kind", "short_description", "description",
        "locality", "visiting_address", "postal_address", "phone", "email", "website", "year_founded",
        "figures_year", "employees", "employees_from_target_groups", "participants", "publication_status",
        "unpublished_reason", "asf_verified_on", "asf_valid_until", "search_document", "created_at",
        "updated_at", "published_at", "last_confirmed_on", "last_confirmed_by", "confirmation_note"])
    through_categories = copier("enterprise_categories", Enterprise.service_categories.through,
                                ["enterprise", "servicecategory"])
    through_groups = copier("enterprise_target_groups", Enterprise.target_groups.through,
                            ["enterprise", "targetgroup"])
    representations = copier("representations", Representation,
                             ["user", "enterprise", "status", "message", "created_at"])
    # The enterprise's figures are a copy of its latest year's row (enterprises/figures.py).
    figure_rows = copier("enterprise_figures", EnterpriseFigures, [
        "enterprise", "year", "employees", "employees_from_target_groups", "participants", "created_at",
        "updated_at"])
    checks = copier("definition_checks", DefinitionCheck, [
        "id", "enterprise", "status", "created_by", "created_at", "submitted_at", "info_request", "decided_by",
        "decided_on", "valid_until", "is_asf"])
    assessments = copier("criterion_assessments", CriterionAssessment,
                         ["definition_check", "criterion", "statement", "verdict", "reasoning"])
    kind_names = [k for k, w in KINDS for _ in range(w)]
    slug_counts: dict[str, int] = {}
    published_ids: list[int] = []
    check_id = 0
    official_ids = [u for ids in officials_of.values() for u in ids]
    expired_checks: list[tuple[int, date]] = []
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
            (published_at or created).date(), "", "",
        )
        if figures[0] is not None:
            figure_rows.add(e, *figures, created, created)
        for pk in chosen_sorted:
            through_categories.add(e, pk)
        for pk in groups:
            through_groups.add(e, pk)
        if rng.random() < 0.3:
            representations.add(rng.choice(representative_ids), e, "confirmed", "", created)
        if status == "published":
            published_ids.append(e)
    close(enterprises, through_categories, through_groups, representations, checks, assessments, figure_rows)
    log(f"{rows['enterprises']} enterprises, {rows['definition_checks']} checks")
    b.official_ids, b.published_ids, b.expired_checks = official_ids, published_ids, expired_checks
