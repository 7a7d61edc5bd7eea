"""Saved views: the list of them, saving one from a work list, opening,
renaming and deleting."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView, View
from rules.contrib.views import PermissionRequiredMixin

from core.forms import add_service_errors
from core.views import ObjectPermissionMixin

from . import selectors, services
from .forms import SavedViewForm, SaveViewForm
from .lists import WORK_LISTS
from .models import SavedView


class SavedViewListView(PermissionRequiredMixin, TemplateView):
    """/vyer/: my saved views and those shared with my department, with live counts."""

    permission_required = "saved_views.use"
    template_name = "saved_views/list.html"

    def get_context_data(self, **kwargs):
        opened = selectors.views_with_counts(self.request.user)
        user = self.request.user
        return {**super().get_context_data(**kwargs),
                "own": [item for item in opened if item.saved_view.owner_id == user.pk],
                "shared": [item for item in opened if item.saved_view.owner_id != user.pk]}


class SavedViewCreateView(PermissionRequiredMixin, FormView):
    """Save a work list's current filters and sort (posted from the list's
    "Save this view"; a GET shows the same form on its own page)."""

    permission_required = "saved_views.use"
    template_name = "saved_views/form.html"
    form_class = SaveViewForm

    def get_initial(self):
        params = self.request.GET
        return {"list_key": params.get("lista", ""), "query": params.get("fragor", ""),
                "object_id": params.get("objekt") or None}

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def work_list(self, form):
        key = form.data.get("list_key") if form.is_bound else form.initial.get("list_key")
        return WORK_LISTS.get(key)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        work_list = self.work_list(context["form"])
        return {**context, "work_list": work_list, "creating": True}

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            saved_view = services.saved_view_create(
                owner=self.request.user, list_key=data["list_key"], name=data["name"], query=data["query"],
                object_id=data["object_id"], department=data.get("department"),
            )
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The view “%(name)s” has been saved.") % {"name": saved_view.name})
        return redirect(saved_view)


class SavedViewMixin(ObjectPermissionMixin):
    model = SavedView

    def get_object_queryset(self):
        return SavedView.objects.select_related("owner", "department")


class SavedViewOpenView(SavedViewMixin, View):
    """Open a view: to its list with the filters that still apply, naming the ones left out."""

    permission_required = "saved_views.view_saved_view"

    def get(self, request, *args, **kwargs):
        saved_view = self.get_object()
        opened = selectors.open_views(request.user, [saved_view])[0]
        if opened.object_gone:
            if opened.obj is None:
                messages.warning(request, _("The list of the view “%(name)s” (%(what)s) no longer exists.")
                                 % {"name": saved_view.name, "what": saved_view.object_label})
                return redirect(reverse("saved_views:list"))
            messages.warning(request, _("%(what)s no longer exists; the view “%(name)s” shows %(instead)s instead.")
                             % {"what": saved_view.object_label, "name": saved_view.name, "instead": opened.obj})
        if opened.checked.dropped:
            messages.warning(request, _(
                "Some filters of the view “%(name)s” refer to something that no longer exists and were left out: "
                "%(dropped)s. The other filters are applied."
            ) % {"name": saved_view.name, "dropped": "; ".join(str(item) for item in opened.checked.dropped)})
        return redirect(opened.url)


class SavedViewUpdateView(SavedViewMixin, FormView):
    permission_required = "saved_views.change_saved_view"
    template_name = "saved_views/form.html"
    form_class = SavedViewForm

    def get_initial(self):
        saved_view = self.get_object()
        return {"name": saved_view.name, "department": saved_view.department}

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_context_data(self, **kwargs):
        saved_view = self.get_object()
        return {**super().get_context_data(**kwargs), "saved_view": saved_view,
                "work_list": WORK_LISTS[saved_view.list_key]}

    def form_valid(self, form):
        try:
            saved_view = services.saved_view_update(saved_view=self.get_object(), name=form.cleaned_data["name"],
                                                    department=form.cleaned_data.get("department"))
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The view “%(name)s” has been saved.") % {"name": saved_view.name})
        return redirect("saved_views:list")


class SavedViewDeleteView(SavedViewMixin, TemplateView):
    """A confirmation page; the POST deletes."""

    permission_required = "saved_views.change_saved_view"
    template_name = "saved_views/delete.html"

    def get_context_data(self, **kwargs):
        saved_view = self.get_object()
        return {**super().get_context_data(**kwargs), "saved_view": saved_view,
                "work_list": WORK_LISTS[saved_view.list_key]}

    def post(self, request, *args, **kwargs):
        saved_view = self.get_object()
        name = saved_view.name
        services.saved_view_delete(saved_view=saved_view)
        messages.success(request, _("The view “%(name)s” has been deleted.") % {"name": name})
        return redirect("saved_views:list")
