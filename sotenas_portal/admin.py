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


from django.utils.translation import gettext_lazy as _  # noqa: E402

from .models import OutboundEmail  # noqa: E402


@admin.register(OutboundEmail)
class OutboundEmailAdmin(admin.ModelAdmin):
    """Administrators see the outbox with its states and can resend."""

    list_display = ("created_at", "recipient", "kind", "subject", "status", "attempts", "sent_at")
    list_filter = ("status", "kind")
    search_fields = ("recipient", "subject", "dedup_key")
    readonly_fields = [f.name for f in OutboundEmail._meta.fields]
    show_facets = admin.ShowFacets.ALWAYS
    actions = ["resend"]

    @admin.action(description=_("Send again"))
    def resend(self, request, queryset):
        from .outbox import queue_sending

        ids = list(queryset.values_list("pk", flat=True))
        queryset.update(status=OutboundEmail.Status.PENDING, next_attempt_at=None)
        for message_id in ids:
            queue_sending(message_id)

    def has_add_permission(self, request):
        return False
