from django.urls import path

from . import views

app_name = "enterprises"

urlpatterns = [
    path("", views.RegistryListView.as_view(), name="list"),
    path("registrera/", views.EnterpriseRegisterView.as_view(), name="register"),
    path("mina/", views.MyEnterprisesView.as_view(), name="mine"),
    path("arbetslista/", views.WorkListView.as_view(), name="work_list"),
    path("kategorier/", views.ServiceCategoryView.as_view(), name="categories"),
    path("export.csv", views.RegistryExportView.as_view(file_format="csv"), name="registry_export_csv"),
    path("export.xlsx", views.RegistryExportView.as_view(file_format="xlsx"), name="registry_export_xlsx"),
    path("reserverade-kontrakt.csv", views.ReservedContractsExportView.as_view(), name="reserved_export"),
    path("ansprak/<int:pk>/", views.RepresentationDecisionView.as_view(), name="representation_decide"),
    path("<slug:slug>/", views.EnterpriseDetailView.as_view(), name="detail"),
    path("<slug:slug>/andra/", views.EnterpriseUpdateView.as_view(), name="update"),
    path("<slug:slug>/historik/", views.EnterpriseHistoryView.as_view(), name="history"),
    path("<slug:slug>/publicera/", views.EnterprisePublishView.as_view(), name="publish"),
    path("<slug:slug>/avpublicera/", views.EnterpriseUnpublishView.as_view(), name="unpublish"),
    path("<slug:slug>/sammanfoga/", views.EnterpriseMergeView.as_view(), name="merge"),
    path("<slug:slug>/foretrad/", views.EnterpriseClaimView.as_view(), name="claim"),
    path("<slug:slug>/kontroll/starta/", views.CheckStartView.as_view(), name="check_start"),
    path("<slug:slug>/kontroll/", views.CheckFillView.as_view(), name="check_fill"),
    path("<slug:slug>/kontroll/<int:pk>/granska/", views.CheckReviewView.as_view(), name="check_review"),
    path("<slug:slug>/underlag/<int:pk>/", views.EvidenceDownloadView.as_view(), name="evidence"),
]
