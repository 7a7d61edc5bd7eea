"""The follow-up's figures, aggregated in the database: per group (month of
the first-response deadline, department or kind of support) one grouped
query counts the requests, and one per median reads how many requests
share each pair of dates, so the number of queries never grows with the
data. Working days are then counted once per distinct pair of dates.

Which requests count (the page says the same in plain Swedish): a
submitted request counts in the month its first-response deadline falls
in; it was answered in time when the first response came on the deadline
day at the latest (local date). Requests withdrawn before any response are
left out. The share in time is taken of the requests answered or past
their deadline, so an ongoing month's requests not yet due do not lower it.
The medians are over the same requests, from the day of submission."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, F, Q, QuerySet
from django.db.models.functions import TruncDate, TruncMonth

from core.dates import add_months

from ..constants import RequestState
from ..deadlines import working_days_between
from ..selectors import overdue_condition, requests_visible_to_staff
from .periods import month_starts, weighted_median

BY_MONTH = "month"
BY_DEPARTMENT = "department"
BY_KIND = "kind"
GROUPS = {
    BY_MONTH: TruncMonth("first_response_due"),
    BY_DEPARTMENT: F("department_id"),
    BY_KIND: F("kind_id"),
}


@dataclass(frozen=True)
class Figures:
    """One row of the follow-up: counts of requests and medians in working days."""

    total: int = 0
    in_time: int = 0
    late: int = 0
    unanswered: int = 0  # no response, and the deadline has passed
    median_first_response: float | None = None
    median_decision: float | None = None
    overdue_now: int | None = None  # open and past a deadline today (not for months)

    @property
    def not_yet_due(self) -> int:
        return self.total - self.in_time - self.late - self.unanswered

    @property
    def share_in_time(self) -> float | None:
        counted = self.in_time + self.late + self.unanswered
        return self.in_time / counted if counted else None


def window(today: date) -> tuple[date, date]:
    """The first day of the oldest month shown and the first day after the current one."""
    months = month_starts(today)
    return months[0], add_months(months[-1], 1)


def cohort(requests: QuerySet, *, today: date) -> QuerySet:
    """The requests whose first-response deadline falls in the months shown."""
    start, end = window(today)
    return (requests.exclude(state=RequestState.DRAFT)
            .filter(first_response_due__gte=start, first_response_due__lt=end)
            .exclude(state=RequestState.WITHDRAWN, first_response_at__isnull=True))


def _counts(requests: QuerySet, group, today: date) -> dict:
    rows = (requests.annotate(group=group).values("group").order_by().annotate(
        total=Count("pk"),
        in_time=Count("pk", filter=Q(first_response_at__date__lte=F("first_response_due"))),
        late=Count("pk", filter=Q(first_response_at__date__gt=F("first_response_due"))),
        unanswered=Count("pk", filter=Q(first_response_at__isnull=True, first_response_due__lt=today)),
    ))
    return {row.pop("group"): row for row in rows}


def _medians(requests: QuerySet, group, end_field: str) -> dict:
    """Per group, the median working days from submission to ``end_field``."""
    rows = (requests.filter(**{f"{end_field}__isnull": False})
            .annotate(group=group, start=TruncDate("submitted_at"), end=TruncDate(end_field))
            .values_list("group", "start", "end").order_by().annotate(n=Count("pk")))
    days = defaultdict(list)
    for key, start, end, n in rows:
        days[key].append((working_days_between(start, end), n))
    return {key: weighted_median(pairs) for key, pairs in days.items()}


def _overdue_now(requests: QuerySet, group, today: date) -> dict:
    rows = (requests.filter(overdue_condition(today)).annotate(group=group).values_list("group")
            .order_by().annotate(n=Count("pk")))
    return dict(rows)


def figures_by(requests: QuerySet, *, by: str, today: date) -> dict:
    """Figures per month (keyed by its first day), department or kind (keyed
    by primary key) over ``requests``; a group without requests is missing."""
    group = GROUPS[by]
    members = cohort(requests, today=today)
    counts = _counts(members, group, today)
    first = _medians(members, group, "first_response_at")
    decision = _medians(members, group, "decided_at")
    overdue = _overdue_now(requests, group, today) if by != BY_MONTH else {}
    keys = set(counts) | set(overdue)
    return {
        key: Figures(**counts.get(key, {}), median_first_response=first.get(key),
                     median_decision=decision.get(key), overdue_now=overdue.get(key, 0) if by != BY_MONTH else None)
        for key in keys
    }


def overdue_now(requests: QuerySet, *, today: date) -> int:
    """Open requests past a deadline today: what the work list's "Overdue" shows."""
    return requests.filter(overdue_condition(today)).count()


def requests_for(user, *, department=None, kind=None) -> QuerySet:
    """The submitted requests ``user`` may follow up, narrowed to a
    department and a kind of support when given."""
    requests = requests_visible_to_staff(user=user)
    if department is not None:
        requests = requests.filter(department=department)
    if kind is not None:
        requests = requests.filter(kind=kind)
    return requests
