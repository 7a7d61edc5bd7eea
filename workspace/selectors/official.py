"""The department official's items: requests assigned to me by state, my
department's late requests, and my department's report in the latest round.
(Their saved views with live counts are rendered by the saved views' tag.)"""

from datetime import date

from django.db.models import Count
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from policy_reports import selectors as reports
from policy_reports.constants import EDITABLE, ReportStatus
from support import selectors as support
from support.constants import RequestState
from support.selectors import Late, Scope

from ..items import Entry, Item
from .links import with_query


def official_items(*, user, today: date) -> list[Item]:
    return [
        assigned_to_me(user=user, today=today),
        department_late(user=user, today=today, deadline=Late.ANY),
        department_late(user=user, today=today, deadline=Late.REPLY_BY),
        *report_items(user=user, today=today),
    ]


def assigned_to_me(*, user, today: date) -> Item:
    by_state = dict(
        support.worklist(user=user, scope=Scope.MINE, today=today)
        .order_by().values_list("state").annotate(count=Count("pk"))
    )
    entries = tuple(
        Entry(
            title=_("%(state)s: %(count)s") % {"state": label, "count": by_state[state]},
            url=with_query("support:worklist", lista=Scope.MINE, state=state),
            count=by_state[state],
        )
        for state, label in RequestState.choices
        if by_state.get(state)
    )
    count = sum(by_state.values())
    return Item(
        key="assigned_to_me",
        label=ngettext("%(count)s request assigned to you", "%(count)s requests assigned to you", count)
        % {"count": count},
        url=with_query("support:worklist", lista=Scope.MINE),
        count=count,
        entries=entries,
        next_step=_("Open each to answer the applicant, ask for information or decide.") if count
        else _("Requests appear here when you are made their handler."),
        needs_attention=bool(count),
    )


LATE_LABELS = {
    Late.ANY: lambda n: ngettext(
        "%(count)s request at your department past a deadline",
        "%(count)s requests at your department past a deadline", n),
    Late.REPLY_BY: lambda n: ngettext(
        "%(count)s request waiting for the applicant past the reply-by date",
        "%(count)s requests waiting for the applicant past the reply-by date", n),
}


def late_next_step(deadline: str, count: int) -> str:
    if deadline == Late.REPLY_BY:
        return (_("Remind the applicant in the conversation, or continue handling without the answer.") if count
                else _("No applicant is late with an answer."))
    return (_("The first response or the decision is late: answer the applicant or set a new decision date.")
            if count else _("Your department's requests are within their deadlines."))


def department_late(*, user, today: date, deadline: str) -> Item:
    count = support.worklist(user=user, scope=Scope.DEPARTMENT, deadline=deadline, today=today).count()
    return Item(
        key=f"department_late_{deadline}",
        label=LATE_LABELS[deadline](count) % {"count": count},
        url=with_query("support:worklist", lista=Scope.DEPARTMENT, deadline=deadline),
        count=count,
        next_step=late_next_step(deadline, count),
        needs_attention=bool(count),
    )


REPORT_NEXT_STEPS = {
    ReportStatus.NOT_STARTED: lambda: _("Write the report and submit it by the deadline."),
    ReportStatus.DRAFT: lambda: _("Complete the report and submit it by the deadline."),
    ReportStatus.RETURNED: lambda: _("The policy coordinator returned it: complete it and submit it again."),
    ReportStatus.SUBMITTED: lambda: _("The policy coordinator reviews it; you are told when it is accepted."),
    ReportStatus.ACCEPTED: lambda: _("Accepted: nothing more to do this year."),
}


def report_items(*, user, today: date) -> list[Item]:
    items = []
    for report in reports.own_reports_in_current_round(user=user):
        due = report.reporting_round.due_date
        editable = report.status in EDITABLE
        items.append(Item(
            key=f"report_{report.pk}",
            label=_("Report for %(year)s from %(department)s: %(status)s") % {
                "department": report.department.name, "year": report.reporting_round.year,
                "status": report.get_status_display()},
            url=reverse("policy_reports:report_edit" if editable else "policy_reports:report_detail",
                        kwargs={"pk": report.pk}),
            detail=_("Due %(date)s.") % {"date": due.isoformat()},
            next_step=REPORT_NEXT_STEPS[report.status](),
            needs_attention=editable and (due - today).days <= 30,
        ))
    return items
