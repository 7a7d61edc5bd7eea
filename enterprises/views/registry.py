"""The public registry: the list with its filters, an enterprise's page and the exports."""

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.http import Http404
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView
from rules.contrib.views import PermissionRequiredMixin

from core import exports as tabular

from .. import confirmation, exports, selectors
from ..figures import figures_of
from ..forms import (
    RegistryFilterForm,
)
from ..models import DefinitionCheck, ServiceCategory, TargetGroup
from ..prechecks import orgnr_hints
from .common import EnterpriseObjectMixin


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
            # The yearly confirmation (enterprises/confirmation.py).
            confirmation_overdue=confirmation.shows_notice(enterprise),
            may_confirm=confirmation.is_asked(enterprise)
            and user.has_perm("enterprises.confirm_enterprise", enterprise),
        )
        if user.has_perm("enterprises.view_check", enterprise):
            context["checks"] = list(selectors.checks_of(enterprise))
            open_checks = (c for c in context["checks"] if c.status != DefinitionCheck.Status.DECIDED)
            context["open_check"] = next(open_checks, None)
        if context["may_see_internal"]:
            context["representatives"] = selectors.representatives_of(enterprise)
            context["hints"] = orgnr_hints(enterprise)
            context["figures_years"] = figures_of(enterprise)  # every year's, latest first
        # The agreements section comes from support ({% enterprise_agreements %}).
        return context


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
            return tabular.xlsx_response(filename, header, rows, title=_("Registry"), open_data=not for_officials)
        return tabular.csv_response(filename, header, rows, open_data=not for_officials)


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
