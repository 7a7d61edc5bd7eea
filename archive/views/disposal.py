"""The disposal log (gallringslogg), its CSV export and the dry run of the
disposal job. The log is never disposed of itself."""

from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import ListView, TemplateView
from rules.contrib.views import PermissionRequiredMixin

from core.exports import csv_response
from core.pagination import ForgivingPaginationMixin

from .. import selectors
from ..disposal.runner import preview
from ..forms import DisposalLogFilterForm

DRY_RUN_NUMBERS = 50


def filtered_log(request):
    """The log as the query string filters it, and the bound form; invalid
    filters are shown with their message and left out."""
    form = DisposalLogFilterForm(request.GET or None)
    data = {}
    if form.is_bound:
        form.is_valid()  # cleaned_data keeps the fields that are valid
        data = form.cleaned_data
    entries = selectors.disposal_log(since=data.get("fran"), until=data.get("till"), record_type=data.get("typ", ""))
    return form, entries


class DisposalLogView(ForgivingPaginationMixin, PermissionRequiredMixin, ListView):
    permission_required = "archive.view_disposal_log"
    template_name = "archive/disposal_log.html"
    context_object_name = "entries"
    paginate_by = 50

    def get_queryset(self):
        self.filter_form, entries = filtered_log(self.request)
        return entries

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "filter_form": self.filter_form,
                "query": self.request.GET.urlencode()}


class DisposalLogCsvView(PermissionRequiredMixin, View):
    permission_required = "archive.view_disposal_log"

    def get(self, request):
        _form, entries = filtered_log(request)
        header = [_("Disposed of"), _("Applied as of"), _("Record type"), _("Rule"), _("Decision"), _("Records"),
                  _("Registration numbers")]
        rows = (
            [timezone.localtime(entry.disposed_at).strftime("%Y-%m-%d %H:%M"), entry.run.as_of.isoformat(),
             entry.get_record_type_display(), entry.get_action_display(), entry.decision, entry.count,
             ", ".join(entry.registration_numbers)]
            for entry in entries.iterator(chunk_size=500)
        )
        return csv_response(f"gallringslogg-{timezone.localdate():%Y-%m-%d}.csv", header, rows)


class DryRunView(PermissionRequiredMixin, TemplateView):
    permission_required = "archive.view_disposal_log"
    template_name = "archive/dry_run.html"

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "result": preview(numbers_limit=DRY_RUN_NUMBERS),
                "numbers_limit": DRY_RUN_NUMBERS}
