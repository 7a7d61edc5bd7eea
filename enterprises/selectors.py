"""Reads for the registry pages, shaped so list views need a fixed number
of queries whatever the number of enterprises."""

import hashlib
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import Max, Prefetch, QuerySet
from django.utils import timezone, translation
from django.utils.functional import cached_property

from .confirmation import unrepresented_to_confirm
from .constants import PublicationStatus
from .models import (
    CriterionAssessment,
    DefinitionCheck,
    Enterprise,
    EnterpriseFigures,
    Representation,
    ServiceCategory,
    TargetGroup,
)
from .models.enterprise import asf_current_q
from .reserved_share import meets_reserved_share_now
from .search import apply_search

SORTS = {
    "name": ("name",),
    "newest": ("-created_at", "name"),
    "checked": ("-asf_verified_on", "name"),
}


# Kept for search only: lists and pages never show them, so they are not read.
SEARCH_FIELDS = ("search_document", "search_vector")


@dataclass
class RegistryQuery:
    text: str = ""
    categories: tuple = ()
    target_groups: tuple = ()
    localities: tuple = ()
    legal_forms: tuple = ()
    kinds: tuple = ()
    asf_verified: bool = False
    reserved_share: bool = False
    statuses: tuple = ()  # officials only
    sort: str = ""


def with_list_relations(queryset: QuerySet) -> QuerySet:
    return queryset.prefetch_related(
        Prefetch("service_categories", queryset=ServiceCategory.objects.order_by("name")),
        Prefetch("target_groups", queryset=TargetGroup.objects.order_by("position")),
    )


def with_figures(queryset: QuerySet) -> QuerySet:
    """Every year's figures of each enterprise, latest first, in one query."""
    return queryset.prefetch_related(Prefetch("figures", queryset=EnterpriseFigures.objects.order_by("-year")))


def registry_list(query: RegistryQuery, *, include_unpublished: bool = False) -> QuerySet[Enterprise]:
    queryset = Enterprise.objects.all()
    if include_unpublished:
        if query.statuses:
            queryset = queryset.filter(publication_status__in=query.statuses)
    else:
        queryset = queryset.filter(publication_status=PublicationStatus.PUBLISHED)
    if query.categories:
        queryset = queryset.filter(
            pk__in=Enterprise.service_categories.through.objects.filter(
                servicecategory__slug__in=query.categories
            ).values("enterprise_id")
        )
    if query.target_groups:
        queryset = queryset.filter(
            pk__in=Enterprise.target_groups.through.objects.filter(
                targetgroup__slug__in=query.target_groups
            ).values("enterprise_id")
        )
    if query.localities:
        queryset = queryset.filter(locality__in=query.localities)
    if query.legal_forms:
        queryset = queryset.filter(legal_form__in=query.legal_forms)
    if query.kinds:
        queryset = queryset.filter(kind__in=query.kinds)
    if query.asf_verified:
        queryset = queryset.filter(asf_current_q(timezone.localdate()))
    if query.reserved_share:
        queryset = queryset.filter(meets_reserved_share_now())
    queryset, ranked = apply_search(queryset, query.text)
    if query.sort in SORTS:
        ordering = SORTS[query.sort]
    elif ranked:
        ordering = ("-rank", "name")
    else:
        ordering = SORTS["name"]
    return with_list_relations(queryset.order_by(*ordering, "pk")).defer(*SEARCH_FIELDS)


# Counting the registry's matches is most of a list page's database time at
# national scale (18 ms for the published registry, 110 ms for a common
# target group). The count is cached under a key made of the query's own SQL
# and parameters (the filters, the search words and "today" for the ASF
# filter are all in them) and the registry's latest change: every service
# that changes an enterprise, its categories or target groups saves it, which
# moves ``updated_at`` (an indexed max, one cheap query), so a change in any
# process makes a new key and a cached count is never stale. As with the
# cached statistics, the timeout bounds only what the services do not do
# (a bulk fix in the database by hand, a deletion in the admin).
COUNT_CACHE_SECONDS = 60 * 10
# The registry page's result list (a template fragment), cached the same way.
RESULTS_CACHE_SECONDS = 60 * 10


def registry_version() -> str:
    latest = Enterprise.objects.aggregate(latest=Max("updated_at"))["latest"]
    return latest.isoformat() if latest else "-"


def registry_count(queryset: QuerySet, *, version: str | None = None) -> int:
    """``queryset.count()``, cached until the registry changes (``version``:
    ``registry_version()``, if the caller has read it already)."""
    sql, params = queryset.order_by().query.sql_with_params()
    digest = hashlib.sha256(f"{sql}|{params!r}|{version or registry_version()}".encode()).hexdigest()
    key = f"registry-count:{digest}"
    count = cache.get(key)
    if count is None:
        count = queryset.count()
        cache.set(key, count, COUNT_CACHE_SECONDS)
    return count


class RegistryPaginator(Paginator):
    """A paginator over ``registry_list`` whose count is ``registry_count``."""

    def __init__(self, *args, version: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.version = version

    @cached_property
    def count(self) -> int:
        return registry_count(self.object_list, version=self.version)


def registry_results_key(*, version: str, path: str, for_officials: bool, labels) -> str:
    """The template fragment cache key of the registry page's result list
    (templates/enterprises/list.html): the registry's latest change, the
    address with its query string (filters, search, page), whether the
    reader sees unpublished entries, the day (the ASF badge), the language
    and the category names (``labels``; renaming one does not save the
    enterprises). Nothing per user and no CSRF token is in the fragment."""
    parts = [version, path, "officials" if for_officials else "public", timezone.localdate().isoformat(),
             translation.get_language() or "", repr(list(labels))]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()


def enterprise_detail(*, slug: str) -> Enterprise | None:
    return (
        with_list_relations(Enterprise.objects.select_related("merged_into"))
        .defer(*SEARCH_FIELDS, "merged_into__search_document", "merged_into__search_vector")
        .filter(slug=slug)
        .first()
    )


def checks_of(enterprise: Enterprise) -> QuerySet[DefinitionCheck]:
    return enterprise.definition_checks.select_related("decided_by", "created_by").prefetch_related(
        Prefetch("assessments", queryset=CriterionAssessment.objects.order_by("criterion")),
        "evidence",
    )


def open_check(enterprise: Enterprise) -> DefinitionCheck | None:
    return checks_of(enterprise).exclude(status=DefinitionCheck.Status.DECIDED).first()


def representatives_of(enterprise: Enterprise) -> QuerySet[Representation]:
    return enterprise.representations.select_related("user").order_by("status", "user__last_name")


def enterprises_of(user) -> QuerySet[Representation]:
    return (
        Representation.objects.filter(user=user)
        .select_related("enterprise")
        .order_by("enterprise__name")
    )


# The registry work list's sections (their ids in the page are "h-<key>"),
# the context name of each, and how each sorts: (waiting longest first,
# newest first, by the enterprise's name).
WORK_LIST_SECTIONS = {
    "publication": "awaiting_publication",
    "claims": "pending_claims",
    "review": "checks_to_review",
    "waiting": "waiting_for_enterprise",
    "renewal": "due_for_renewal",
    "confirmation": "to_confirm",
}
WORK_LIST_SORTS = ("oldest", "newest", "name")
_SECTION_ORDER = {
    "awaiting_publication": ("updated_at", "-updated_at", "name"),
    "pending_claims": ("created_at", "-created_at", "enterprise__name"),
    "checks_to_review": ("submitted_at", "-submitted_at", "enterprise__name"),
    "waiting_for_enterprise": ("submitted_at", "-submitted_at", "enterprise__name"),
    "due_for_renewal": ("asf_valid_until", "-asf_valid_until", "name"),
    "to_confirm": ("last_confirmed_on", "-last_confirmed_on", "name"),
}
# Rows whose enterprise is the filtered one: the enterprise itself, or the
# claim's or check's enterprise.
_ENTERPRISE_PATH = {
    "awaiting_publication": "", "pending_claims": "enterprise__", "checks_to_review": "enterprise__",
    "waiting_for_enterprise": "enterprise__", "due_for_renewal": "", "to_confirm": "",
}


def work_list_shown(sections=()) -> tuple[str, ...]:
    """The section keys shown for the chosen ``sections`` (none chosen: all)."""
    return tuple(key for key in WORK_LIST_SECTIONS if not sections or key in sections)


def work_list(*, sections=(), kind: str = "", locality: str = "", sort: str = "oldest") -> dict[str, QuerySet]:
    """What waits for the registry's officials, by section (context name ->
    rows). Without arguments every section, unfiltered, waiting longest
    first; ``sections`` leaves the others out of the dict."""
    today = timezone.localdate()
    soon = today + timedelta(days=settings.ASF_RENEWAL_WARNING_DAYS)
    rows = {
        "awaiting_publication": Enterprise.objects.filter(publication_status=PublicationStatus.AWAITING_REVIEW),
        "pending_claims": Representation.objects.filter(status=Representation.Status.PENDING)
        .select_related("user", "enterprise"),
        "checks_to_review": DefinitionCheck.objects.filter(status=DefinitionCheck.Status.SUBMITTED)
        .select_related("enterprise"),
        "waiting_for_enterprise": DefinitionCheck.objects.filter(status=DefinitionCheck.Status.MORE_INFO)
        .select_related("enterprise"),
        "due_for_renewal": Enterprise.objects.filter(asf_valid_until__isnull=False, asf_valid_until__lte=soon)
        .exclude(definition_checks__status__in=[DefinitionCheck.Status.SUBMITTED, DefinitionCheck.Status.MORE_INFO]),
        # The yearly confirmation of entries nobody represents (enterprises/confirmation.py).
        "to_confirm": unrepresented_to_confirm().defer(*SEARCH_FIELDS),
    }
    position = WORK_LIST_SORTS.index(sort) if sort in WORK_LIST_SORTS else 0
    shown = {WORK_LIST_SECTIONS[key] for key in work_list_shown(sections)}
    result = {}
    for name, queryset in rows.items():
        if name not in shown:
            continue
        prefix = _ENTERPRISE_PATH[name]
        if kind:
            queryset = queryset.filter(**{f"{prefix}kind": kind})
        if locality:
            queryset = queryset.filter(**{f"{prefix}locality": locality})
        result[name] = queryset.order_by(_SECTION_ORDER[name][position], "pk")
    return result


def reserved_contract_suppliers() -> QuerySet[Enterprise]:
    return with_list_relations(
        Enterprise.objects.filter(meets_reserved_share_now(), publication_status=PublicationStatus.PUBLISHED)
    ).order_by("name")
