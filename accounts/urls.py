from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "accounts"

urlpatterns = [
    path("konto/", views.AccountOverviewView.as_view(), name="overview"),
    path("konto/uppgifter/", views.ProfileUpdateView.as_view(), name="profile"),
    path("konto/aviseringar/", views.NotificationListView.as_view(), name="notifications"),
    path("konto/skapa-konto/", views.SignupView.as_view(), name="signup"),
    path(
        "konto/logga-in/",
        auth_views.LoginView.as_view(redirect_authenticated_user=True, extra_context={"page_title": _("Sign in")}),
        name="login",
    ),
    path("konto/logga-ut/", views.LogoutView.as_view(), name="logout"),
    path(
        "konto/losenord/",
        auth_views.PasswordChangeView.as_view(success_url=reverse_lazy("accounts:password_change_done")),
        name="password_change",
    ),
    path("konto/losenord/klart/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path("konto/aterstall-losenord/", views.PasswordResetView.as_view(), name="password_reset"),
    path("konto/aterstall-losenord/skickat/", auth_views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "konto/aterstall-losenord/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(success_url=reverse_lazy("accounts:password_reset_complete")),
        name="password_reset_confirm",
    ),
    path(
        "konto/aterstall-losenord/klart/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("organisation/", views.DepartmentListView.as_view(), name="department_list"),
    path("organisation/ny/", views.DepartmentFormView.as_view(), name="department_create"),
    path("organisation/<int:pk>/", views.DepartmentDetailView.as_view(), name="department_detail"),
    path("organisation/<int:pk>/andra/", views.DepartmentFormView.as_view(), name="department_update"),
    path("organisation/<int:pk>/historik/", views.DepartmentHistoryView.as_view(), name="department_history"),
]
