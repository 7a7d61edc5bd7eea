"""The admin shows the policy's data for support; statuses move only through
the portal's services (the workflow), so they are read-only here."""

from django import forms
from django.contrib import admin
from django.core.files.uploadedfile import UploadedFile
from simple_history.admin import SimpleHistoryAdmin

from core.uploads import PDF_ONLY, validate_upload

from .models import DepartmentReport, PolicyStatement, PolicyVersion, ReportingRound, ReportStatusChange, ReportVersion


class PolicyStatementInline(admin.TabularInline):
    model = PolicyStatement
    extra = 0


class PolicyVersionAdminForm(forms.ModelForm):
    """The admin is an upload path too: the same content check as the
    portal's own form."""

    class Meta:
        model = PolicyVersion
        fields = "__all__"

    def clean_document(self):
        document = self.cleaned_data.get("document")
        if isinstance(document, UploadedFile):
            validate_upload(document, kinds=PDF_ONLY)
        return document


@admin.register(PolicyVersion)
class PolicyVersionAdmin(SimpleHistoryAdmin):
    form = PolicyVersionAdminForm
    list_display = ("title", "decision_reference", "decision_date", "review_due_on", "status")
    list_filter = ("status",)
    search_fields = ("title", "decision_reference")
    readonly_fields = ("status", "replaced_by", "review_due_on", "adopted_by", "created_at")
    inlines = [PolicyStatementInline]
    show_facets = admin.ShowFacets.ALWAYS


@admin.register(ReportingRound)
class ReportingRoundAdmin(admin.ModelAdmin):
    list_display = ("year", "due_date", "policy_version", "opened_at")
    readonly_fields = ("opened_by", "opened_at")


class ReportVersionInline(admin.TabularInline):
    model = ReportVersion
    extra = 0
    can_delete = False
    readonly_fields = ("number", "content", "submitted_by", "submitted_at")

    def has_add_permission(self, request, obj=None):
        return False


class ReportStatusChangeInline(admin.TabularInline):
    model = ReportStatusChange
    extra = 0
    can_delete = False
    readonly_fields = ("from_status", "to_status", "actor", "comment", "created_at")

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(DepartmentReport)
class DepartmentReportAdmin(SimpleHistoryAdmin):
    list_display = ("department", "reporting_round", "status", "submitted_at")
    list_filter = ("status", "reporting_round")
    search_fields = ("department__name",)
    readonly_fields = ("status", "submitted_at", "submitted_by", "accepted_at", "accepted_by", "portal_figures")
    inlines = [ReportVersionInline, ReportStatusChangeInline]
    show_facets = admin.ShowFacets.ALWAYS
