"""Reads for support requests and agreements, shaped for their pages and
for the annual policy report."""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from types import SimpleNamespace

from django.conf import settings
from django.db.models import BooleanField, Case, Count, DateField, F, Q, QuerySet, Sum, Value, When
from django.utils import timezone
from django.utils.safestring import SafeString

from accounts.roles import is_administrator, is_policy_coordinator
from core.dates import median_days, start_of_day
from core.names import name_html
from enterprises.constants import PublicationStatus

from .constants import ENDED_STATES, OPEN_STATES, AgreementKind, Outcome, RequestState
from .models import Agreement, Message, RequestAttachment, RequestEvent, SupportRequest
from .rules import active_department_ids

LIST_RELATED = ("kind", "enterprise", "department", "handler", "applicant")


# Requests ------------------------------------------------------------------------

def overdue_condition(today: date) -> Q:
    """Open and past the first-response date without a response, or past the
    handler's decision date."""
    first_response_late = Q(first_response_at__isnull=True, first_response_due__lt=today)
    decision_late = Q(decision_due__lt=today) & ~Q(state=RequestState.WAITING)
    return Q(state__in=OPEN_STATES) & (first_response_late | decision_late)


def with_deadlines(queryset: QuerySet, *, today: date | None = None) -> QuerySet:
    today = today or timezone.localdate()
    return queryset.annotate(
        is_overdue=Case(When(overdue_condition(today), then=Value(True)), default=Value(False),
                        output_field=BooleanField()),
        due_date=Case(
            When(Q(state__in=OPEN_STATES, first_response_at__isnull=True), then=F("first_response_due")),
            When(state__in=OPEN_STATES, then=F("decision_due")),
            default=None,
            output_field=DateField(),
        ),
    )


def requests_of_applicant(*, user) -> QuerySet[SupportRequest]:
    return (
        with_deadlines(SupportRequest.objects.filter(applicant=user))
        .select_related("kind", "enterprise", "department")
        .order_by("-created_at", "-pk")
    )


def requests_visible_to_staff(*, user) -> QuerySet[SupportRequest]:
    """Submitted requests an official may see: the coordinator every one, a
    department official their departments' ones."""
    submitted = SupportRequest.objects.exclude(state=RequestState.DRAFT)
    if is_policy_coordinator(user) or is_administrator(user):
        return submitted
    return submitted.filter(department_id__in=active_department_ids(user))


class Scope:
    MINE = "mine"
    DEPARTMENT = "department"
    UNASSIGNED = "unassigned"
    OVERDUE = "overdue"
    ALL = "all"


class Late:
    """The work list's deadline filter: which deadline a request is past."""

    ANY = "any"  # past the first-response or the decision date (what the list marks "overdue")
    FIRST_RESPONSE = "first_response"
    REPLY_BY = "reply_by"  # waiting for the applicant past the reply-by date


def late_condition(late: str, today: date) -> Q | None:
    if late == Late.ANY:
        return overdue_condition(today)
    if late == Late.FIRST_RESPONSE:
        return Q(state__in=OPEN_STATES, first_response_at__isnull=True, first_response_due__lt=today)
    if late == Late.REPLY_BY:
        return Q(state=RequestState.WAITING, reply_by__lt=today)
    return None


def scopes_for(user) -> list[str]:
    if is_policy_coordinator(user) or is_administrator(user):
        return [Scope.UNASSIGNED, Scope.OVERDUE, Scope.ALL, Scope.MINE, Scope.DEPARTMENT]
    return [Scope.MINE, Scope.DEPARTMENT, Scope.OVERDUE]


SORTS = {
    "due": (F("due_date").asc(nulls_last=True), "-submitted_at"),
    "-due": (F("due_date").desc(nulls_last=True), "-submitted_at"),
    "submitted": ("submitted_at", "pk"),
    "-submitted": ("-submitted_at", "-pk"),
    "reference": ("reference_year", "reference_number"),
    "state": ("state", "-submitted_at"),
}


def worklist(*, user, scope: str, state: str = "", kind=None, department=None, sort: str = "due", deadline: str = "",
             today: date | None = None) -> QuerySet[SupportRequest]:
    today = today or timezone.localdate()
    queryset = with_deadlines(requests_visible_to_staff(user=user), today=today)
    if scope == Scope.MINE:
        queryset = queryset.filter(handler=user)
    elif scope == Scope.DEPARTMENT:
        queryset = queryset.filter(department_id__in=active_department_ids(user))
    elif scope == Scope.UNASSIGNED:
        queryset = queryset.filter(state=RequestState.SUBMITTED)
    elif scope == Scope.OVERDUE:
        queryset = queryset.filter(is_overdue=True)
    if state:
        queryset = queryset.filter(state=state)
    else:
        queryset = queryset.exclude(state__in=ENDED_STATES) if scope != Scope.ALL else queryset
    if kind is not None:
        queryset = queryset.filter(kind=kind)
    if department is not None:
        queryset = queryset.filter(department=department)
    if (condition := late_condition(deadline, today)) is not None:
        queryset = queryset.filter(condition)
    return queryset.select_related(*LIST_RELATED).order_by(*SORTS.get(sort, SORTS["due"]))


# What the work list's page shows of each request and its related rows. The
# page query joins five tables; loading every column (the request's texts,
# the enterprise's description and search vector, the users' passwords)
# made each row about 2.7 kB wide and most of the page's database and model
# time. The CSV/XLSX export reads more columns and does not use this.
_PERSON_FIELDS = ("first_name", "last_name", "username", "erased_at")
WORKLIST_PAGE_FIELDS = (
    "reference", "subject", "state", "first_response_due", "first_response_at", "decision_due",
    "submitted_at", "kind__name", "enterprise__name", "department__name",
    *(f"applicant__{name}" for name in _PERSON_FIELDS),
    *(f"handler__{name}" for name in _PERSON_FIELDS),
)


def worklist_page(queryset: QuerySet[SupportRequest]) -> QuerySet[SupportRequest]:
    """A :func:`worklist` queryset narrowed to the columns its page renders."""
    return queryset.only(*WORKLIST_PAGE_FIELDS)


def overdue_requests(*, on_date: date) -> QuerySet[SupportRequest]:
    """Open requests past a deadline on ``on_date`` (for the reminders)."""
    return SupportRequest.objects.filter(overdue_condition(on_date)).select_related(*LIST_RELATED)


def request_detail(*, pk: int) -> SupportRequest:
    return with_deadlines(SupportRequest.objects.select_related(*LIST_RELATED)).get(pk=pk)


def may_see_internal(user, support_request: SupportRequest) -> bool:
    return user.has_perm("support.view_internal_notes", support_request)


def request_events(*, support_request: SupportRequest) -> QuerySet[RequestEvent]:
    return support_request.events.select_related("actor").order_by("created_at", "pk")


def request_messages(*, support_request: SupportRequest, user) -> QuerySet[Message]:
    """The conversation as this user may read it: internal notes only for the
    municipality's side."""
    messages = support_request.messages.select_related("author").order_by("created_at", "pk")
    if not may_see_internal(user, support_request):
        messages = messages.filter(is_internal=False)
    return messages


def request_attachments(*, support_request: SupportRequest, user) -> QuerySet[RequestAttachment]:
    attachments = support_request.attachments.order_by("uploaded_at", "pk")
    if not may_see_internal(user, support_request):
        attachments = attachments.filter(is_internal=False)
    return attachments


# Agreements ------------------------------------------------------------------------

def in_force_during(start: date, end: date) -> Q:
    return Q(start_date__lte=end) & (Q(end_date__isnull=True) | Q(end_date__gte=start))


def agreements_in_force(*, on_date: date) -> QuerySet[Agreement]:
    """Agreements of every department in force on ``on_date``."""
    return Agreement.objects.filter(in_force_during(on_date, on_date)).select_related("department", "enterprise")


def ending_soon_cutoff(today: date | None = None) -> date:
    return (today or timezone.localdate()) + timedelta(days=settings.SUPPORT_AGREEMENT_ENDING_SOON_DAYS)


class AgreementStatus:
    CURRENT = "current"
    ENDING_SOON = "ending_soon"
    UPCOMING = "upcoming"
    ENDED = "ended"


def agreement_list(*, department=None, enterprise=None, kind: str = "", status: str = "", year: int | None = None,
                   ending_within: int | None = None, today: date | None = None) -> QuerySet[Agreement]:
    today = today or timezone.localdate()
    queryset = Agreement.objects.select_related("department", "enterprise").annotate(
        is_current=Case(When(in_force_during(today, today), then=Value(True)), default=Value(False),
                        output_field=BooleanField()),
        is_ending_soon=Case(
            When(in_force_during(today, today) & Q(end_date__lte=ending_soon_cutoff(today)), then=Value(True)),
            default=Value(False), output_field=BooleanField(),
        ),
    )
    if department is not None:
        queryset = queryset.filter(department=department)
    if enterprise is not None:
        queryset = queryset.filter(enterprise=enterprise)
    if kind:
        queryset = queryset.filter(kind=kind)
    if status == AgreementStatus.CURRENT:
        queryset = queryset.filter(is_current=True)
    elif status == AgreementStatus.ENDING_SOON:
        queryset = queryset.filter(is_ending_soon=True)
    elif status == AgreementStatus.UPCOMING:
        queryset = queryset.filter(start_date__gt=today)
    elif status == AgreementStatus.ENDED:
        queryset = queryset.filter(end_date__lt=today)
    if year is not None:
        queryset = queryset.filter(in_force_during(date(year, 1, 1), date(year, 12, 31)))
    if ending_within is not None:
        # In force today and ending within that many days (today included).
        queryset = queryset.filter(is_current=True, end_date__lte=today + timedelta(days=ending_within))
    return queryset.order_by("department__name", "-start_date", "title")


def agreement_detail(*, pk: int) -> Agreement:
    return Agreement.objects.select_related("department", "enterprise", "source_request", "created_by").get(pk=pk)


@dataclass(frozen=True)
class PublicAgreement:
    """What the public may know about an agreement: never its value."""

    title: str
    department_sv: str
    start_date: date
    end_date: date | None
    department_en: str = ""

    @property
    def department(self) -> SafeString:
        """The department's name in the page's language (``core.names``)."""
        return name_html(SimpleNamespace(name=self.department_sv, name_en=self.department_en))


def public_agreements_for(enterprise, *, today: date | None = None) -> list[PublicAgreement]:
    """Current agreements shown on a published enterprise's public page."""
    if enterprise is None or enterprise.publication_status != PublicationStatus.PUBLISHED:
        return []
    rows = (
        agreements_in_force(on_date=today or timezone.localdate())
        .filter(enterprise=enterprise, is_public=True)
        .order_by("-start_date", "title")
        .values_list("title", "department__name", "start_date", "end_date", "department__name_en")
    )
    return [PublicAgreement(*row) for row in rows]


# The annual policy report ----------------------------------------------------------

def department_year_figures(*, department, year: int) -> dict:
    """Figures for a department's annual policy report.

    - agreements_in_force: the department's agreements in force at any time during the year
    - agreements_total_value: the sum of their annual values in SEK (Decimal, 0 if none)
    - placement_agreements: of those, the work training placement agreements
    - requests_handled: requests assigned to the department that were open at some time during
      the year (submitted before the year ended, not closed or withdrawn before it began)
    - requests_decided: the department's requests decided during the year
    """
    year_start, next_year_start = start_of_day(date(year, 1, 1)), start_of_day(date(year + 1, 1, 1))
    agreements = Agreement.objects.filter(
        in_force_during(date(year, 1, 1), date(year, 12, 31)), department=department
    ).aggregate(
        count=Count("pk"),
        total=Sum("annual_value"),
        placements=Count("pk", filter=Q(kind=AgreementKind.PLACEMENT)),
    )
    requests = SupportRequest.objects.filter(department=department).aggregate(
        handled=Count(
            "pk",
            filter=Q(submitted_at__lt=next_year_start) & (Q(ended_at__isnull=True) | Q(ended_at__gte=year_start)),
        ),
        decided=Count("pk", filter=Q(decided_at__gte=year_start, decided_at__lt=next_year_start)),
    )
    return {
        "agreements_in_force": agreements["count"],
        "agreements_total_value": Decimal(agreements["total"] or 0),
        "placement_agreements": agreements["placements"],
        "requests_handled": requests["handled"],
        "requests_decided": requests["decided"],
    }


def request_summary(*, start: date, end: date) -> dict:
    """Requests submitted from ``start`` to ``end`` (both included), for the
    two-year review: how many, of which kinds, with which outcomes, and the
    median number of days from submission to decision."""
    submitted = SupportRequest.objects.filter(
        submitted_at__gte=start_of_day(start), submitted_at__lt=start_of_day(end + timedelta(days=1))
    )
    by_kind = [
        (row["kind__name"], row["count"])
        for row in submitted.values("kind__name").annotate(count=Count("pk")).order_by("-count", "kind__name")
    ]
    by_outcome = [
        (str(Outcome(row["outcome"]).label), row["count"])
        for row in submitted.exclude(outcome="").values("outcome").annotate(count=Count("pk")).order_by("outcome")
    ]
    decided = submitted.filter(decided_at__isnull=False).values_list("submitted_at", "decided_at")
    return {
        "volume": submitted.count(),
        "by_kind": by_kind,
        "by_outcome": by_outcome,
        "median_days_to_decision": median_days(decided),
    }
