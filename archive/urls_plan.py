"""The records plan's pages for the records manager, under /arkiv/."""

from django.urls import path

from .views import disposal, plan, series

urlpatterns = [
    path("", plan.ArchiveHomeView.as_view(), name="home"),
    path("plan/", plan.PlanView.as_view(), name="plan"),
    path("plan/historik/", plan.PlanHistoryView.as_view(), name="plan_history"),
    path("plan/<str:record_type>/", plan.RuleEditView.as_view(), name="rule_edit"),
    path("serier/", series.SeriesListView.as_view(), name="series"),
    path("serier/ny/", series.SeriesEditView.as_view(), name="series_create"),
    path("serier/<int:pk>/", series.SeriesEditView.as_view(), name="series_edit"),
    path("gallringslogg/", disposal.DisposalLogView.as_view(), name="disposal_log"),
    path("gallringslogg.csv", disposal.DisposalLogCsvView.as_view(), name="disposal_log_csv"),
    path("gallring/provkorning/", disposal.DryRunView.as_view(), name="dry_run"),
]
