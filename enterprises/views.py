"""Registry pages. Permissions are asked of django-rules with the
enterprise as the object; anything not public needs a signed-in user."""


from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, TemplateView
from rules.contrib.views import PermissionRequiredMixin

from accounts.selectors import history_of
from core.uploads import private_file_response
from support.selectors import agreements_in_force, public_agreements_for

from core import exports as tabular

from . import checks, exports, selectors, services
from .forms import (
    CheckReviewForm,
    CheckStatementsForm,
    ClaimForm,
    EnterpriseForm,
    MergeForm,
    RegistryFilterForm,
    ServiceCategoryForm,
    UnpublishForm,
)
from .models import DefinitionCheck, Enterprise, Evidence, Representation, ServiceCategory, TargetGroup
from .prechecks import orgnr_hints


def add_service_error(form, error: ValidationError) -> None:
    """Show a service's refusal on the form: on the field it names, if the
    form has it, otherwise above the form."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


class EnterpriseObjectMixin(PermissionRequiredMixin):
    """Views about one enterprise, found by slug, permission asked of it."""

    def get_permission_object(self):
        return self.enterprise

    def dispatch(self, request, *args, **kwargs):
        self.enterprise = get_object_or_404(Enterprise, slug=kwargs["slug"])
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "enterprise": self.enterprise}


@method_decorator(login_not_required, name="dispatch")
class RegistryListView(TemplateView):
    template_name = "enterprises/list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        for_officials = self.request.user.has_perm("enterprises.view_internal")
        form = RegistryFilterForm(
            self.request.GET or None,
            categories=ServiceCategory.objects.filter(is_active=True).order_by("name"),
            target_groups=TargetGroup.objects.order_by("position"),
            for_officials=for_officials,
        )
        query = form.to_query()
        enterprises = selectors.registry_list(query, include_unpublished=for_officials)
        version = selectors.registry_version()
        paginator = selectors.RegistryPaginator(enterprises, settings.REGISTRY_PAGE_SIZE, version=version)
        page = paginator.get_page(self.request.GET.get("page"))
        active = form.active_filters()
        context.update(
            form=form,
            page_obj=page,
            enterprises=page.object_list,
            active_filters=[
                {"label": label, "remove_url": self._without(name, value)} for name, value, label in active
            ],
            invalid_filters=bool(self.request.GET) and bool(form.errors),
            for_officials=for_officials,
            today=timezone.localdate(),
            results_cache_seconds=selectors.RESULTS_CACHE_SECONDS,
            results_cache_key=selectors.registry_results_key(
                version=version, path=self.request.get_full_path(), for_officials=for_officials,
                labels=form.fields["kategori"].choices,
            ),
        )
        return context

    def _without(self, name: str, value: str) -> str:
        params = self.request.GET.copy()
        params.setlist(name, [v for v in params.getlist(name) if v != value])
        params.pop("page", None)
        return f"?{params.urlencode()}" if params else self.request.path


@method_decorator(login_not_required, name="dispatch")
class EnterpriseDetailView(EnterpriseObjectMixin, TemplateView):
    permission_required = "enterprises.view_enterprise"
    template_name = "enterprises/detail.html"

    def dispatch(self, request, *args, **kwargs):
        self.enterprise = selectors.enterprise_detail(slug=kwargs["slug"])
        if self.enterprise is None or not request.user.has_perm(self.permission_required, self.enterprise):
            raise Http404  # unpublished entries do not exist for the public
        return super(EnterpriseObjectMixin, self).dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user, enterprise = self.request.user, self.enterprise
        context.update(
            today=timezone.localdate(),
            may_edit=user.has_perm("enterprises.change_enterprise", enterprise),
            may_manage=user.has_perm("enterprises.manage_registry"),
            may_see_internal=user.has_perm("enterprises.view_internal"),
            may_fill_check=user.has_perm("enterprises.fill_check", enterprise),
            may_claim=user.has_perm("enterprises.claim_enterprise")
            and not enterprise.representations.filter(user=user).exists(),
        )
        if user.has_perm("enterprises.view_check", enterprise):
            context["checks"] = list(selectors.checks_of(enterprise))
            context["open_check"] = next((c for c in context["checks"] if c.status != DefinitionCheck.Status.DECIDED), None)
        if context["may_see_internal"]:
            context["representatives"] = selectors.representatives_of(enterprise)
            context["hints"] = orgnr_hints(enterprise)
            # Officials see every current agreement, with its value.
            context["agreements"] = agreements_in_force(on_date=timezone.localdate()).filter(
                enterprise=enterprise).select_related("department").order_by("-start_date", "title")
        else:
            context["public_agreements"] = public_agreements_for(enterprise)
        return context


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
            add_service_error(form, error)
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
            add_service_error(form, error)
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
            add_service_error(form, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("%(duplicate)s has been merged into %(kept)s.") % {"duplicate": self.enterprise.name, "kept": kept.name},
        )
        return redirect(kept)


class EnterpriseClaimView(EnterpriseObjectMixin, FormView):
    permission_required = "enterprises.claim_enterprise"
    template_name = "enterprises/claim.html"
    form_class = ClaimForm

    def form_valid(self, form):
        try:
            services.enterprise_claim(user=self.request.user, enterprise=self.enterprise,
                                      message=form.cleaned_data["message"])
        except ValidationError as error:
            add_service_error(form, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("Your request to represent %(name)s has been sent. The policy coordinator confirms it.")
            % {"name": self.enterprise.name},
        )
        return redirect("enterprises:mine")


class RepresentationDecisionView(PermissionRequiredMixin, View):
    permission_required = "enterprises.manage_registry"
    http_method_names = ["post"]

    def post(self, request, pk: int):
        representation = get_object_or_404(Representation, pk=pk, status=Representation.Status.PENDING)
        if request.POST.get("decision") == "confirm":
            services.representation_confirm(representation=representation)
            messages.success(request, _("%(user)s now represents %(name)s.")
                             % {"user": representation.user, "name": representation.enterprise.name})
        else:
            services.representation_reject(representation=representation)
            messages.success(request, _("The request has been rejected."))
        return redirect("enterprises:work_list")


class MyEnterprisesView(PermissionRequiredMixin, TemplateView):
    permission_required = "enterprises.register_enterprise"
    template_name = "enterprises/mine.html"

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "representations": selectors.enterprises_of(self.request.user)}


class WorkListView(PermissionRequiredMixin, TemplateView):
    permission_required = "enterprises.view_internal"
    template_name = "enterprises/work_list.html"

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), **selectors.work_list(), "today": timezone.localdate()}


class EnterpriseHistoryView(EnterpriseObjectMixin, TemplateView):
    permission_required = "enterprises.view_internal"
    template_name = "history/object_history.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(object=self.enterprise, history_rows=history_of(self.enterprise),
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
            category = services.service_category_create(name=form.cleaned_data["name"])
        except ValidationError as error:  # e.g. the same name added at the same moment
            add_service_error(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The category %(name)s has been added.") % {"name": category.name})
        return redirect("enterprises:categories")


class ReservedContractsExportView(PermissionRequiredMixin, View):
    """Suppliers that meet the 30 % share, for procurement officers."""

    permission_required = "enterprises.export_reserved"

    def get(self, request):
        header = [
            _("Name"), _("Organisation number"), _("Legal form"), _("Locality"), _("What it sells"),
            _("Year of the figures"), _("Employees"), _("Of whom from the target groups"), _("Participants"),
            _("Email"), _("Phone"), _("Registry page"),
        ]
        rows = (
            [
                e.name, e.organisation_number_display, e.get_legal_form_display(), e.get_locality_display(),
                ", ".join(c.name for c in e.service_categories.all()), e.figures_year, e.employees,
                e.employees_from_target_groups, e.participants, e.email, e.phone,
                settings.SITE_URL + e.get_absolute_url(),
            ]
            for e in selectors.reserved_contract_suppliers().iterator(chunk_size=500)
        )
        return tabular.csv_response(f"reserverade-kontrakt-{timezone.localdate():%Y-%m-%d}.csv", header, rows)


@method_decorator(login_not_required, name="dispatch")
class RegistryExportView(View):
    """The registry list as CSV or XLSX, with the list page's search and
    filters (same form, same selector). Officials get wider columns."""

    file_format = "csv"

    def get(self, request):
        for_officials = request.user.has_perm("enterprises.view_internal")
        form = RegistryFilterForm(
            request.GET or None,
            categories=ServiceCategory.objects.filter(is_active=True).order_by("name"),
            target_groups=TargetGroup.objects.order_by("position"),
            for_officials=for_officials,
        )
        enterprises = selectors.registry_list(form.to_query(), include_unpublished=for_officials)
        header = exports.official_header() if for_officials else exports.public_header()
        rows = exports.rows(enterprises, for_officials=for_officials)
        filename = f"foretagsregistret-{timezone.localdate():%Y-%m-%d}.{self.file_format}"
        if self.file_format == "xlsx":
            return tabular.xlsx_response(filename, header, rows, title=_("Registry"))
        return tabular.csv_response(filename, header, rows)


# Definition checks -----------------------------------------------------------


class CheckStartView(EnterpriseObjectMixin, View):
    permission_required = "enterprises.fill_check"
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        if selectors.open_check(self.enterprise) is None:
            try:
                checks.check_start(enterprise=self.enterprise, user=request.user)
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
                return redirect(self.enterprise)
        return redirect("enterprises:check_fill", slug=self.enterprise.slug)


class CheckFillView(EnterpriseObjectMixin, FormView):
    """The representative's statements and evidence for the open check."""

    permission_required = "enterprises.fill_check"
    template_name = "enterprises/check_fill.html"
    form_class = CheckStatementsForm

    def dispatch(self, request, *args, **kwargs):
        self.enterprise = get_object_or_404(Enterprise, slug=kwargs["slug"])
        self.check_object = selectors.open_check(self.enterprise)
        if self.check_object is None and request.user.has_perm(self.permission_required, self.enterprise):
            messages.info(request, _("There is no check in progress. Start one from the enterprise's page."))
            return redirect(self.enterprise)
        return super(EnterpriseObjectMixin, self).dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "check": self.check_object}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["check"] = self.check_object
        context["locked"] = self.check_object.status not in (DefinitionCheck.Status.DRAFT, DefinitionCheck.Status.MORE_INFO)
        return context

    def form_valid(self, form):
        check = self.check_object
        submitting = bool(self.request.POST.get("submit_check"))
        try:
            with transaction.atomic():
                checks.check_save_statements(check=check, statements=form.statements())
                for criterion, upload in form.uploads().items():
                    checks.check_add_evidence(check=check, criterion=criterion, upload=upload, user=self.request.user)
                if submitting:
                    checks.check_move(check=check, action="submit", user=self.request.user)
        except ValidationError as error:
            add_service_error(form, error)
            return self.form_invalid(form)
        if submitting:
            messages.success(self.request, _("The check has been submitted. The policy coordinator reviews it."))
            return redirect(self.enterprise)
        messages.success(self.request, _("Your statements have been saved as a draft."))
        return redirect("enterprises:check_fill", slug=self.enterprise.slug)


class CheckReviewView(EnterpriseObjectMixin, FormView):
    permission_required = "enterprises.review_check"
    template_name = "enterprises/check_review.html"
    form_class = CheckReviewForm

    def get_form_kwargs(self):
        self.check_object = get_object_or_404(selectors.checks_of(self.enterprise), pk=self.kwargs["pk"])
        return {**super().get_form_kwargs(), "check": self.check_object}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(check=self.check_object, hints=orgnr_hints(self.enterprise),
                       reviewable=self.check_object.status == DefinitionCheck.Status.SUBMITTED)
        return context

    def form_valid(self, form):
        action = "request_info" if self.request.POST.get("request_info") else "decide"
        try:
            check = checks.check_move(check=self.check_object, action=action, user=self.request.user,
                                      comment=form.cleaned_data["comment"], verdicts=form.verdicts())
        except ValidationError as error:
            add_service_error(form, error)
            return self.form_invalid(form)
        if action == "request_info":
            messages.success(self.request, _("The enterprise has been asked for more information."))
        elif check.is_asf:
            messages.success(self.request, _("Decided: the enterprise meets the ASF definition."))
        else:
            messages.success(self.request, _("Decided: the enterprise does not meet the ASF definition."))
        return redirect(self.enterprise)


class EvidenceDownloadView(EnterpriseObjectMixin, View):
    permission_required = "enterprises.view_check"

    def get(self, request, slug: str, pk: int):
        evidence = get_object_or_404(Evidence, pk=pk, definition_check__enterprise=self.enterprise)
        return private_file_response(evidence.file, evidence.original_name)


