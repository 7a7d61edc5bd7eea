from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import OutboundEmail
from .tasks import queue_sending


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
        ids = list(queryset.values_list("pk", flat=True))
        queryset.update(status=OutboundEmail.Status.PENDING, next_attempt_at=None)
        for message_id in ids:
            queue_sending(message_id)

    def has_add_permission(self, request):
        return False
