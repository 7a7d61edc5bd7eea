from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import SupportKind


@admin.register(SupportKind)
class SupportKindAdmin(SimpleHistoryAdmin):
    """The managed list of kinds of support. Requests and agreements are
    handled in the portal, where the workflow and permissions apply."""

    list_display = ("name", "name_en", "slug", "position", "is_active")
    list_editable = ("position", "is_active")
    list_filter = ("is_active",)
    search_fields = ("name", "name_en")
    prepopulated_fields = {"slug": ("name",)}
    show_facets = admin.ShowFacets.ALWAYS
