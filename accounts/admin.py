from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from .models import Department, Membership, User


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["department"]


@admin.register(User)
class PortalUserAdmin(SimpleHistoryAdmin, UserAdmin):
    fieldsets = UserAdmin.fieldsets + (
        (_("Portal"), {"fields": ("preferred_language", "is_policy_coordinator", "is_records_manager")}),
    )
    add_fieldsets = UserAdmin.add_fieldsets + (
        (_("Portal"), {"fields": ("email", "first_name", "last_name", "is_policy_coordinator", "is_records_manager")}),
    )
    list_display = ("username", "email", "first_name", "last_name", "is_policy_coordinator", "is_superuser")
    list_filter = ("is_policy_coordinator", "is_records_manager", "is_superuser", "is_active", "memberships__department")
    inlines = [MembershipInline]
    show_facets = admin.ShowFacets.ALWAYS


@admin.register(Department)
class DepartmentAdmin(SimpleHistoryAdmin):
    list_display = ("name", "name_en", "kind", "contact_email", "is_active")
    list_filter = ("kind", "is_active")
    search_fields = ("name", "contact_email")
    show_facets = admin.ShowFacets.ALWAYS
