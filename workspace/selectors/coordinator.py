"""The policy coordinator's items: triage, the registry's decisions, the
reporting round, agreements and ASF checks running out, the two-year review."""

from datetime import date

from django.conf import settings
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from enterprises import selectors as registry
from policy_reports import selectors as reports
from policy_reports.constants import ReportStatus
from policy_reports.selectors import Standing
from support import selectors as support
from support.selectors import Late, Scope

from ..constants import AGREEMENT_ENDING_DAYS
from ..items import Item
from .links import with_query


def coordinator_items(*, user, today: date) -> list[Item]:
    work_list = registry.work_list()
    return [
        unassigned_requests(user=user, today=today),
        late_first_responses(user=user, today=today),
        registry_item(
            "checks_to_review", work_list["checks_to_review"].count(), "review",
            lambda n: ngettext("%(count)s ASF check waiting for review", "%(count)s ASF checks waiting for review",
                               n),
            _("Assess each of the four criteria and decide; the enterprise is told by e-mail."),
            _("A check appears here when an enterprise submits one."),
        ),
        registry_item(
            "claims", work_list["pending_claims"].count(), "claims",
            lambda n: ngettext("%(count)s request to represent an enterprise to decide",
                               "%(count)s requests to represent an enterprise to decide", n),
            _("Confirm or reject each request on the registry work list."),
            _("A request appears here when someone asks to represent an enterprise."),
        ),
        *round_items(today=today),
        agreements_ending(today=today),
        registry_item(
            "renewals", work_list["due_for_renewal"].count(), "renewal",
            lambda n: ngettext(
                "%(count)s ASF check expiring within %(days)s days or expired",
                "%(count)s ASF checks expiring within %(days)s days or expired", n,
            ),
            _("The enterprise is reminded to renew its check; a new check replaces the old one when decided."),
            _("No enterprise's ASF check runs out soon."),
        ),
        registry_item(
            "confirmations", work_list["to_confirm"].count(), "confirmation",
            lambda n: ngettext("%(count)s entry without a representative to confirm",
                               "%(count)s entries without a representative to confirm", n),
            _("Check the details with the enterprise, then confirm them with a note, or unpublish the entry."),
            _("Every entry without a representative has been confirmed this year."),
        ),
        two_year_review(today=today),
    ]


def unassigned_requests(*, user, today: date) -> Item:
    count = support.worklist(user=user, scope=Scope.UNASSIGNED, today=today).count()
    return Item(
        key="unassigned",
        label=ngettext("%(count)s unassigned request", "%(count)s unassigned requests", count) % {"count": count},
        url=with_query("support:worklist", lista=Scope.UNASSIGNED),
        count=count,
        next_step=_("Assign each to a department; its officials are told by e-mail.") if count
        else _("New requests appear here when they are submitted."),
        needs_attention=bool(count),
    )


def late_first_responses(*, user, today: date) -> Item:
    count = support.worklist(user=user, scope=Scope.ALL, deadline=Late.FIRST_RESPONSE, today=today).count()
    return Item(
        key="late_first_responses",
        label=ngettext("%(count)s request past its first-response deadline",
                       "%(count)s requests past their first-response deadline", count) % {"count": count},
        url=with_query("support:worklist", lista=Scope.ALL, deadline=Late.FIRST_RESPONSE),
        count=count,
        next_step=_("Remind the department handling it, or assign it if nobody has.") if count
        else _("Every request has had its first response in time."),
        needs_attention=bool(count),
    )


def registry_item(key, count, section, label, next_step, empty) -> Item:
    days = settings.ASF_RENEWAL_WARNING_DAYS
    return Item(
        key=key,
        label=label(count) % {"count": count, "days": days},
        # Only that section of the registry work list (its filter "visa").
        url=with_query("enterprises:work_list", visa=section, anchor=f"h-{section}"),
        count=count,
        next_step=next_step if count else empty,
        needs_attention=bool(count),
    )


def deadline_text(due: date, today: date) -> str:
    days = (due - today).days
    if days > 0:
        return ngettext("%(days)s day to the deadline %(date)s.", "%(days)s days to the deadline %(date)s.",
                        days) % {"days": days, "date": due.isoformat()}
    if days == 0:
        return _("The deadline is today.")
    return ngettext("The deadline %(date)s passed %(days)s day ago.", "The deadline %(date)s passed %(days)s days ago.",
                    -days) % {"days": -days, "date": due.isoformat()}


def round_items(*, today: date) -> list[Item]:
    reporting_round = reports.current_round_progress()
    if reporting_round is None:
        return [Item(
            key="no_round",
            label=_("No reporting round has been opened"),
            url=reverse("policy_reports:round_list"),
            next_step=_("Open the year's round when the departments are to report; each active department "
                        "then owes a report."),
        )]
    url = reporting_round.get_absolute_url()
    missing, returned, year = reporting_round.not_delivered, reporting_round.returned, reporting_round.year
    # Past the deadline every report not delivered is "late", so the overview
    # can show exactly those; before it, it shows every department.
    missing_url = f"{url}?{urlencode({'standing': Standing.LATE})}" if today > reporting_round.due_date else url
    return [
        Item(
            key="round_not_delivered",
            label=ngettext("%(count)s department or company has not delivered its report for %(year)s",
                           "%(count)s departments and companies have not delivered their reports for %(year)s",
                           missing) % {"count": missing, "year": year},
            url=missing_url,
            count=missing,
            detail=deadline_text(reporting_round.due_date, today),
            next_step=_("They are reminded by e-mail before and after the deadline; you get a weekly list of "
                        "late ones.") if missing else _("Every report of the round is in."),
            needs_attention=bool(missing) and today > reporting_round.due_date,
        ),
        Item(
            key="round_returned",
            label=ngettext("%(count)s report for %(year)s returned and not yet resubmitted",
                           "%(count)s reports for %(year)s returned and not yet resubmitted",
                           returned) % {"count": returned, "year": year},
            url=f"{url}?{urlencode({'status': ReportStatus.RETURNED})}",
            count=returned,
            next_step=_("The department completes and resubmits it; then you accept it.") if returned
            else _("No report is waiting to be completed."),
        ),
    ]


def agreements_ending(*, today: date) -> Item:
    days = AGREEMENT_ENDING_DAYS
    count = support.agreement_list(ending_within=days, today=today).count()
    return Item(
        key="agreements_ending",
        label=ngettext("%(count)s agreement ending within %(days)s days",
                       "%(count)s agreements ending within %(days)s days", count) % {"count": count, "days": days},
        url=with_query("support:agreement_list", ending_within=days),
        count=count,
        next_step=_("Agree with the department whether to renew or end it; both are reminded 90 and 30 days "
                    "before.") if count else _("No agreement ends in the coming three months."),
        needs_attention=bool(count),
    )


def two_year_review(*, today: date) -> Item:
    version = reports.version_in_force()
    if version is None:
        return Item(
            key="review",
            label=_("No policy version is in force"),
            url=reverse("policy_reports:version_list"),
            next_step=_("Record the council's decision; the two-year period starts from its date."),
            needs_attention=True,
        )
    days = (version.review_due_on - today).days
    if days >= 0:
        label = ngettext("%(days)s day until the policy's two-year review (%(date)s)",
                         "%(days)s days until the policy's two-year review (%(date)s)", days)
    else:
        label = ngettext("The policy's two-year review was due %(days)s day ago (%(date)s)",
                         "The policy's two-year review was due %(days)s days ago (%(date)s)", -days)
    return Item(
        key="review",
        label=label % {"days": abs(days), "date": version.review_due_on.isoformat()},
        url=reverse("policy_reports:review_basis", kwargs={"pk": version.pk}),
        next_step=_("The review basis gathers the reports, figures and evidence for the follow-up and "
                    "evaluation."),
        needs_attention=days < 90,
    )
