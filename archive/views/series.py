"""The registration series and which series each kind of case uses."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.generic import FormView
from rules.contrib.views import PermissionRequiredMixin

from records.models import Series

from .. import selectors, services
from ..forms import SeriesForm, SeriesUseForm


class SeriesListView(PermissionRequiredMixin, FormView):
    """The series, and the form choosing each kind of case's series."""

    permission_required = "archive.change_series"
    template_name = "archive/series_list.html"
    form_class = SeriesUseForm

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "series_list": selectors.series_list()}

    def form_valid(self, form):
        changed = services.save_series_uses(form.cleaned_data)
        if changed:
            messages.success(self.request, _("The series for the kinds of case have been saved."))
        else:
            messages.info(self.request, _("Nothing was changed."))
        return redirect("archive:series")


class SeriesEditView(PermissionRequiredMixin, FormView):
    """Create (no pk) or edit a series."""

    permission_required = "archive.change_series"
    template_name = "archive/series_form.html"
    form_class = SeriesForm

    def get_series(self) -> Series | None:
        if "pk" not in self.kwargs:
            return None
        if not hasattr(self, "_series"):
            self._series = get_object_or_404(Series, pk=self.kwargs["pk"])
        return self._series

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.get_series()}

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "series": self.get_series()}

    def form_valid(self, form):
        is_new = self.get_series() is None
        series = services.save_series(form)
        if is_new:
            messages.success(self.request, _("The series %(prefix)s has been added.") % {"prefix": series.prefix})
        else:
            messages.success(self.request, _("Your changes to the series %(prefix)s have been saved.")
                             % {"prefix": series.prefix})
        return redirect("archive:series")
