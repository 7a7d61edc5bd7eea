"""The officials' work lists: mine, my department's, unassigned, overdue."""

from django.utils import timezone
from django.views.generic import ListView
from rules.contrib.views import PermissionRequiredMixin

from sotenas_portal.pagination import ForgivingPaginationMixin

from .. import exports, selectors
from ..forms import WorklistFilterForm


class WorklistView(ForgivingPaginationMixin, PermissionRequiredMixin, ListView):
    permission_required = "support.view_worklist"
    template_name = "support/worklist.html"
    context_object_name = "support_requests"
    paginate_by = 25

    def get_filter_form(self) -> WorklistFilterForm:
        if not hasattr(self, "_filter_form"):
            self._filter_form = WorklistFilterForm(self.request.GET or None, user=self.request.user)
        return self._filter_form

    def get_queryset(self):
        filters = self.get_filter_form().filters()
        self.scope = filters["scope"]
        return selectors.worklist(user=self.request.user, **filters)

    def get_context_data(self, **kwargs):
        form = self.get_filter_form()
        return {
            **super().get_context_data(**kwargs),
            "filter_form": form,
            "scope": self.scope,
            "scope_label": form.SCOPE_LABELS[self.scope],
            "scopes": [(value, label) for value, label in form.fields["lista"].choices],
            "today": timezone.localdate(),
        }


class WorklistExportView(WorklistView):
    """The work list as filtered, as CSV or XLSX, streamed."""

    paginate_by = None
    file_format = "csv"

    def get(self, request, *args, **kwargs):
        return exports.worklist_export(self.file_format, self.get_queryset())
