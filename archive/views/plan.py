"""The records manager's overview and the records plan: its rules, editing
one, and the plan's history."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView
from rules.contrib.views import PermissionRequiredMixin

from records.constants import RecordType
from records.models import RetentionRule

from .. import selectors, services
from ..disposal.runner import preview
from ..forms import RuleForm


class ArchiveHomeView(PermissionRequiredMixin, TemplateView):
    permission_required = "archive.view_records_plan"
    template_name = "archive/home.html"

    def get_context_data(self, **kwargs):
        rows = selectors.plan_rows()
        upcoming = preview(numbers_limit=0)
        return {
            **super().get_context_data(**kwargs),
            "rule_count": len(rows) - len(selectors.missing_record_types(rows)),
            "missing": selectors.missing_record_types(rows),
            "upcoming": upcoming,
            "due_outcomes": [outcome for outcome in upcoming.outcomes if outcome.count],
            "last_runs": selectors.last_runs(),
            "awaiting_receipt": selectors.deliveries_awaiting_receipt(),
        }


class PlanView(PermissionRequiredMixin, TemplateView):
    permission_required = "archive.view_records_plan"
    template_name = "archive/plan.html"

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "rows": selectors.plan_rows()}


class RuleEditView(PermissionRequiredMixin, FormView):
    """Create or change the rule of the record type in the URL."""

    permission_required = "archive.change_records_plan"
    template_name = "archive/rule_form.html"
    form_class = RuleForm

    def get_record_type(self) -> RecordType:
        try:
            return RecordType(self.kwargs["record_type"])
        except ValueError:
            raise Http404 from None

    def get_rule(self) -> RetentionRule | None:
        if not hasattr(self, "_rule"):
            self._rule = RetentionRule.objects.filter(record_type=self.get_record_type()).first()
        return self._rule

    def get_form_kwargs(self):
        record_type = self.get_record_type()
        rule = self.get_rule() or RetentionRule(record_type=record_type)
        return {**super().get_form_kwargs(), "instance": rule, "record_type": record_type}

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "record_type": self.get_record_type(),
                "rule": self.get_rule()}

    def form_valid(self, form):
        is_new = self.get_rule() is None
        rule = services.save_rule(form, by=self.request.user)
        label = rule.get_record_type_display()
        if is_new:
            messages.success(self.request, _("The rule for %(type)s has been added to the records plan.")
                             % {"type": label})
        else:
            messages.success(self.request, _("The rule for %(type)s has been saved.") % {"type": label})
        return redirect("archive:plan")


class PlanHistoryView(PermissionRequiredMixin, TemplateView):
    permission_required = "archive.view_records_plan"
    template_name = "archive/plan_history.html"
    paginate_by = 50

    def get_context_data(self, **kwargs):
        page = Paginator(selectors.plan_history(), self.paginate_by).get_page(self.request.GET.get("page"))
        return {**super().get_context_data(**kwargs), "page_obj": page, "history_rows": page.object_list}
