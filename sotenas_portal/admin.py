from django.contrib import admin
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse

from accounts.roles import is_administrator


class PortalAdminSite(admin.AdminSite):
    """The admin is for system administrators only, whatever ``is_staff`` says."""

    site_header = "Sotenäs kommun – administration"
    site_title = "Sotenäs social ekonomi"

    def has_permission(self, request) -> bool:
        return is_administrator(request.user) and request.user.is_staff

    def login(self, request, extra_context=None):
        """One sign-in page for the whole site, throttled by axes."""
        if request.user.is_authenticated:
            if self.has_permission(request):
                return redirect("admin:index")
            # Signed in without admin rights: the sign-in page would send
            # them straight back here, in a loop.
            raise PermissionDenied
        return redirect_to_login(request.GET.get("next", reverse("admin:index")), reverse("accounts:login"))

    def logout(self, request, extra_context=None):
        return redirect("accounts:logout")
