"""Account and organisation pages. Each view declares its permission;
anything without ``login_not_required`` needs a signed-in user."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.generic import DetailView, FormView, ListView, TemplateView
from rules.contrib.views import PermissionRequiredMixin

from core.pagination import ForgivingPaginationMixin

from . import selectors, services
from .forms import DepartmentForm, ProfileForm, SignupForm
from .models import Department
from .roles import roles_of


class AccountOverviewView(PermissionRequiredMixin, TemplateView):
    permission_required = "accounts.view_own_account"
    template_name = "accounts/overview.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["roles"] = roles_of(self.request.user)
        context["departments"] = selectors.user_departments(user=self.request.user)
        return context


class NotificationListView(ForgivingPaginationMixin, PermissionRequiredMixin, ListView):
    """Reminders and messages the portal sent about the user's work."""

    permission_required = "accounts.view_own_account"
    template_name = "accounts/notifications.html"
    context_object_name = "notifications"
    paginate_by = 25

    def get_queryset(self):
        return selectors.notifications_for(user=self.request.user)


class ProfileUpdateView(PermissionRequiredMixin, FormView):
    permission_required = "accounts.view_own_account"
    template_name = "accounts/profile_form.html"
    form_class = ProfileForm
    success_url = reverse_lazy("accounts:overview")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.request.user}

    def form_valid(self, form):
        services.user_update_profile(user=self.request.user, **form.cleaned_data)
        messages.success(self.request, _("Your details have been saved."))
        return super().form_valid(form)


@method_decorator(login_not_required, name="dispatch")
class SignupView(FormView):
    template_name = "accounts/signup.html"
    form_class = SignupForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            return redirect("workspace:start")
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        data = form.cleaned_data
        user = services.user_register(
            username=data["username"],
            email=data["email"],
            first_name=data["first_name"],
            last_name=data["last_name"],
            password=data["password1"],
            preferred_language=data["preferred_language"],
        )
        login(self.request, user, backend="accounts.backends.PasswordBackend")
        messages.success(self.request, _("Welcome! Your account has been created and you are signed in."))
        # Their start page, "Mitt arbete", offers the next steps.
        return redirect("workspace:start")


@method_decorator(login_not_required, name="dispatch")
class LogoutView(auth_views.LogoutView):
    """Signing out is a POST; a GET (a bookmarked link) shows a confirmation."""

    http_method_names = ["get", "post", "options"]
    template_name = "registration/logout_confirm.html"

    def get(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect("home")
        return self.render_to_response(self.get_context_data())


@method_decorator(login_not_required, name="dispatch")
class PasswordResetView(auth_views.PasswordResetView):
    """Reset links point at the public SITE_URL, not at whatever host the
    request claimed to come from."""

    email_template_name = "registration/password_reset_email.txt"
    subject_template_name = "registration/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")

    def form_valid(self, form):
        self.extra_email_context = {"site_url": settings.SITE_URL}
        return super().form_valid(form)


class DepartmentListView(ForgivingPaginationMixin, PermissionRequiredMixin, ListView):
    permission_required = "accounts.view_departments"
    template_name = "accounts/department_list.html"
    context_object_name = "departments"
    paginate_by = 25

    def get_queryset(self):
        return selectors.department_list()


class DepartmentDetailView(PermissionRequiredMixin, DetailView):
    permission_required = "accounts.view_departments"
    template_name = "accounts/department_detail.html"
    model = Department
    context_object_name = "department"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["members"] = selectors.department_detail_members(department=self.object)
        context["may_manage"] = self.request.user.has_perm("accounts.manage_departments")
        return context


class DepartmentFormView(PermissionRequiredMixin, FormView):
    """Create (no pk) or edit a department or company."""

    permission_required = "accounts.manage_departments"
    template_name = "accounts/department_form.html"
    form_class = DepartmentForm

    def get_department(self) -> Department | None:
        if "pk" not in self.kwargs:
            return None
        return get_object_or_404(Department, pk=self.kwargs["pk"])

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.get_department()}

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "department": self.get_department()}

    def form_valid(self, form):
        is_new = form.instance.pk is None
        department = services.department_save(department=form.instance)
        if is_new:
            messages.success(self.request, _("%(name)s has been added.") % {"name": department.name})
        else:
            messages.success(self.request, _("Your changes to %(name)s have been saved.") % {"name": department.name})
        return redirect(department)


class DepartmentHistoryView(PermissionRequiredMixin, DetailView):
    permission_required = "accounts.view_history"
    template_name = "history/object_history.html"
    model = Department

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["history_rows"] = selectors.history_of(self.object)
        context["back_url"] = self.object.get_absolute_url()
        return context


