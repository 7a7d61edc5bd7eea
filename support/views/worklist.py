"""The officials' work lists: mine, my department's, unassigned, overdue."""

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.generic import ListView
from rules.contrib.views import PermissionRequiredMixin

from core.pagination import ForgivingPaginationMixin

from .. import bulk, exports, selectors
from ..constants import RequestState
from ..forms import WorklistFilterForm


class WorklistView(ForgivingPaginationMixin, PermissionRequiredMixin, ListView):
    permission_required = "support.view_worklist"
    template_name = "support/worklist.html"
    context_object_name = "support_requests"
    paginate_by = 25
    page_columns_only = True

    def get_filter_form(self) -> WorklistFilterForm:
        if not hasattr(self, "_filter_form"):
            self._filter_form = WorklistFilterForm(self.request.GET or None, user=self.request.user)
        return self._filter_form

    def get_queryset(self):
        filters = self.get_filter_form().filters()
        self.scope = filters["scope"]
        queryset = selectors.worklist(user=self.request.user, **filters)
        return selectors.worklist_page(queryset) if self.page_columns_only else queryset

    def get_context_data(self, **kwargs):
        form = self.get_filter_form()
        context = super().get_context_data(**kwargs)
        # The state badge inline (as support/includes/state.html draws it),
        # labels from one dict: an include and get_state_display() per row
        # were a fifth of the page's rendering.
        state_labels = {value: str(label) for value, label in RequestState.choices}
        select_label = _("Select %(reference)s")
        for support_request in context["object_list"]:
            support_request.state_label = state_labels.get(support_request.state, support_request.state)
            support_request.select_label = select_label % {"reference": support_request.reference}
        return {
            **context,
            **self.bulk_context(),
            "overdue_label": _("Overdue"),
            "filter_form": form,
            "scope": self.scope,
            "scope_label": form.SCOPE_LABELS[self.scope],
            "scopes": [(value, label) for value, label in form.fields["lista"].choices],
            "today": timezone.localdate(),
        }

    def bulk_context(self) -> dict:
        """The bulk action form: who may be chosen (two queries whatever the
        list's size) and the live caption's two forms."""
        user = self.request.user
        handler_groups: dict[str, list] = {}
        for membership in bulk.assignable_handlers(user):
            handler_groups.setdefault(membership.department.name, []).append(membership.user)
        return {
            "bulk_departments": list(bulk.assignable_departments(user)),
            "bulk_handler_groups": list(handler_groups.items()),
            "bulk_selected_one": ngettext("%(count)s request selected", "%(count)s requests selected", 1),
            "bulk_selected_other": ngettext("%(count)s request selected", "%(count)s requests selected", 2),
        }


class WorklistExportView(WorklistView):
    """The work list as filtered, as CSV or XLSX, streamed."""

    paginate_by = None
    page_columns_only = False
    file_format = "csv"

    def get(self, request, *args, **kwargs):
        return exports.worklist_export(self.file_format, self.get_queryset())
