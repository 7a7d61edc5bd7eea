"""The work lists a view can be saved of: where each lives, who may see it,
its own filter form and the rows it shows for a form's filters.

Every list's filter form has ``filters()``, the keyword arguments of the
list's selector, so a field another part adds to a form is saved, checked
and counted here without a change."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.db.models import Model, QuerySet
from django.urls import reverse

from enterprises import selectors as registry_selectors
from enterprises.forms_worklist import WorkListFilterForm
from policy_reports.models import ReportingRound
from policy_reports.round_filters import RoundOverviewFilterForm, reports_matching
from support import selectors as support_selectors
from support.forms import AgreementFilterForm, WorklistFilterForm

from .constants import ListKey


@dataclass(frozen=True)
class WorkList:
    key: str
    url_name: str
    permission: str
    form_class: type
    # (user, filters, the list's object or None, today) -> the querysets of the rows it shows
    rows: Callable[..., list[QuerySet]]
    takes_user: bool = False
    # The model of the object the list belongs to (its pk is in the URL), if any.
    object_model: type[Model] | None = None

    @property
    def label(self) -> str:
        return ListKey(self.key).label

    def form(self, user, data):
        """The list's filter form as the list itself binds it (no query string: unbound)."""
        kwargs = {"user": user} if self.takes_user else {}
        return self.form_class(data or None, **kwargs)

    def url(self, obj=None) -> str:
        return reverse(self.url_name, kwargs={"pk": obj.pk} if self.object_model else None)

    def may_see(self, user) -> bool:
        return user.has_perm(self.permission)


def _support_rows(user, filters, obj, today: date) -> list[QuerySet]:
    return [support_selectors.worklist(user=user, today=today, **filters)]


def _agreement_rows(user, filters, obj, today: date) -> list[QuerySet]:
    return [support_selectors.agreement_list(today=today, **filters)]


def _registry_rows(user, filters, obj, today: date) -> list[QuerySet]:
    return list(registry_selectors.work_list(**filters).values())


def _round_rows(user, filters, obj, today: date) -> list[QuerySet]:
    return [reports_matching(obj, today=today, **filters)] if obj is not None else []


WORK_LISTS: dict[str, WorkList] = {
    work_list.key: work_list
    for work_list in (
        WorkList(ListKey.SUPPORT_REQUESTS, "support:worklist", "support.view_worklist", WorklistFilterForm,
                 _support_rows, takes_user=True),
        WorkList(ListKey.REGISTRY_WORK_LIST, "enterprises:work_list", "enterprises.view_internal",
                 WorkListFilterForm, _registry_rows),
        WorkList(ListKey.AGREEMENTS, "support:agreement_list", "support.view_agreements", AgreementFilterForm,
                 _agreement_rows),
        WorkList(ListKey.ROUND_OVERVIEW, "policy_reports:round_overview", "policy_reports.manage_rounds",
                 RoundOverviewFilterForm, _round_rows, object_model=ReportingRound),
    )
}


def latest_round() -> ReportingRound | None:
    """Where a round overview whose round is gone opens instead."""
    return ReportingRound.objects.order_by("-year").first()
