from django.urls import path

from . import views

app_name = "policy_reports"

urlpatterns = [
    path("", views.PolicyHomeView.as_view(), name="home"),
    # The policy and its versions
    path("policy/", views.VersionListView.as_view(), name="version_list"),
    path("policy/ny/", views.VersionAdoptView.as_view(), name="version_adopt"),
    path("policy/<int:pk>/", views.VersionDetailView.as_view(), name="version_detail"),
    path("policy/<int:pk>/status/", views.VersionStatusView.as_view(), name="version_status"),
    path("policy/<int:pk>/dokument/", views.VersionDocumentView.as_view(), name="version_document"),
    path("policy/<int:pk>/historik/", views.VersionHistoryView.as_view(), name="version_history"),
    # The two-year review
    path("policy/<int:pk>/underlag/", views.ReviewBasisView.as_view(), name="review_basis"),
    path("policy/<int:pk>/underlag.pdf", views.ReviewBasisPdfView.as_view(), name="review_basis_pdf"),
    path(
        "policy/<int:pk>/stallningstagande/<int:statement_pk>/belagg/",
        views.EvidenceAddView.as_view(),
        name="evidence_add",
    ),
    # Reporting rounds and the compiled report
    path("omgangar/", views.RoundListView.as_view(), name="round_list"),
    path("omgangar/ny/", views.RoundOpenView.as_view(), name="round_open"),
    path("omgangar/<int:pk>/", views.RoundOverviewView.as_view(), name="round_overview"),
    path("omgangar/<int:pk>/komplettera/", views.RoundSyncView.as_view(), name="round_sync"),
    path("omgangar/<int:pk>/sammanstallning/", views.CompiledReportView.as_view(), name="compiled_report"),
    path("omgangar/<int:pk>/sammanstallning.pdf", views.CompiledReportPdfView.as_view(), name="compiled_report_pdf"),
    path("omgangar/<int:pk>/sammanstallning.csv", views.CompiledReportCsvView.as_view(), name="compiled_report_csv"),
    # The departments' reports
    path("mina/", views.MyReportsView.as_view(), name="my_reports"),
    path("<int:pk>/", views.ReportDetailView.as_view(), name="report_detail"),
    path("<int:pk>/redigera/", views.ReportEditView.as_view(), name="report_edit"),
    path("<int:pk>/aterremittera/", views.ReportReturnView.as_view(), name="report_return"),
    path("<int:pk>/godkann/", views.ReportAcceptView.as_view(), name="report_accept"),
    path("<int:pk>/version/<int:number>/", views.ReportVersionView.as_view(), name="report_version"),
]
