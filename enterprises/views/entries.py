"""Registering, editing, publishing, merging and categorising entries, and their history."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, TemplateView
from rules.contrib.views import PermissionRequiredMixin

from core.forms import add_service_errors

from .. import services
from ..forms import (
    EnterpriseForm,
    MergeForm,
    ServiceCategoryForm,
    UnpublishForm,
)
from ..history import enterprise_history
from ..models import ServiceCategory
from .common import EnterpriseObjectMixin


class EnterpriseRegisterView(PermissionRequiredMixin, FormView):
    permission_required = "enterprises.register_enterprise"
    template_name = "enterprises/form.html"
    form_class = EnterpriseForm

    def form_valid(self, form):
        try:
            enterprise = services.enterprise_register(
                user=self.request.user,
                enterprise=form.instance,
                categories=form.cleaned_data["service_categories"],
                target_groups=form.cleaned_data["target_groups"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("%(name)s has been registered. The policy coordinator reviews it before it is published.")
            % {"name": enterprise.name},
        )
        return redirect(enterprise)


class EnterpriseUpdateView(EnterpriseObjectMixin, FormView):
    permission_required = "enterprises.change_enterprise"
    template_name = "enterprises/form.html"
    form_class = EnterpriseForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.enterprise}

    def form_valid(self, form):
        was_published = self.enterprise.is_published
        try:
            enterprise = services.enterprise_update(
                user=self.request.user,
                enterprise=form.instance,
                categories=form.cleaned_data["service_categories"],
                target_groups=form.cleaned_data["target_groups"],
                is_manager=self.request.user.has_perm("enterprises.manage_registry"),
            )
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        if was_published and not enterprise.is_published:
            messages.warning(
                self.request,
                _("The name or organisation number changed, so the enterprise goes back to review before it is "
                  "shown again."),
            )
        else:
            messages.success(self.request, _("Your changes have been saved."))
        return redirect(enterprise)


class EnterprisePublishView(EnterpriseObjectMixin, View):
    permission_required = "enterprises.manage_registry"
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        try:
            services.enterprise_publish(enterprise=self.enterprise)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("%(name)s is published.") % {"name": self.enterprise.name})
        return redirect(self.enterprise)


class EnterpriseUnpublishView(EnterpriseObjectMixin, FormView):
    permission_required = "enterprises.manage_registry"
    template_name = "enterprises/unpublish.html"
    form_class = UnpublishForm

    def form_valid(self, form):
        services.enterprise_unpublish(enterprise=self.enterprise, reason=form.cleaned_data["reason"])
        messages.success(self.request, _("%(name)s is no longer published.") % {"name": self.enterprise.name})
        return redirect(self.enterprise)


class EnterpriseMergeView(EnterpriseObjectMixin, FormView):
    permission_required = "enterprises.manage_registry"
    template_name = "enterprises/merge.html"
    form_class = MergeForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "duplicate": self.enterprise}

    def form_valid(self, form):
        try:
            kept = services.enterprise_merge(duplicate=self.enterprise, into=form.cleaned_data["into"])
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("%(duplicate)s has been merged into %(kept)s.") % {"duplicate": self.enterprise.name, "kept": kept.name},
        )
        return redirect(kept)


class EnterpriseHistoryView(EnterpriseObjectMixin, TemplateView):
    permission_required = "enterprises.view_internal"
    template_name = "history/object_history.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(object=self.enterprise, history_rows=enterprise_history(self.enterprise),
                       back_url=self.enterprise.get_absolute_url())
        return context


class ServiceCategoryView(PermissionRequiredMixin, FormView):
    permission_required = "enterprises.view_internal"
    template_name = "enterprises/categories.html"
    form_class = ServiceCategoryForm

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "categories": ServiceCategory.objects.order_by("name")}

    def form_valid(self, form):
        try:
            category = services.service_category_create(name=form.cleaned_data["name"],
                                                        name_en=form.cleaned_data.get("name_en", ""))
        except ValidationError as error:  # e.g. the same name added at the same moment
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The category %(name)s has been added.") % {"name": category.name})
        return redirect("enterprises:categories")
