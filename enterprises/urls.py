from django.urls import path

from .views import checks, entries, registry, representation

app_name = "enterprises"

urlpatterns = [
    path("", registry.RegistryListView.as_view(), name="list"),
    path("registrera/", entries.EnterpriseRegisterView.as_view(), name="register"),
    path("mina/", representation.MyEnterprisesView.as_view(), name="mine"),
    path("arbetslista/", representation.WorkListView.as_view(), name="work_list"),
    path("kategorier/", entries.ServiceCategoryView.as_view(), name="categories"),
    path("export.csv", registry.RegistryExportView.as_view(file_format="csv"), name="registry_export_csv"),
    path("export.xlsx", registry.RegistryExportView.as_view(file_format="xlsx"), name="registry_export_xlsx"),
    path("reserverade-kontrakt.csv", registry.ReservedContractsExportView.as_view(), name="reserved_export"),
    path("ansprak/<int:pk>/", representation.RepresentationDecisionView.as_view(), name="representation_decide"),
    path("<slug:slug>/", registry.EnterpriseDetailView.as_view(), name="detail"),
    path("<slug:slug>/andra/", entries.EnterpriseUpdateView.as_view(), name="update"),
    path("<slug:slug>/historik/", entries.EnterpriseHistoryView.as_view(), name="history"),
    path("<slug:slug>/publicera/", entries.EnterprisePublishView.as_view(), name="publish"),
    path("<slug:slug>/avpublicera/", entries.EnterpriseUnpublishView.as_view(), name="unpublish"),
    path("<slug:slug>/sammanfoga/", entries.EnterpriseMergeView.as_view(), name="merge"),
    path("<slug:slug>/foretrad/", representation.EnterpriseClaimView.as_view(), name="claim"),
    path("<slug:slug>/kontroll/starta/", checks.CheckStartView.as_view(), name="check_start"),
    path("<slug:slug>/kontroll/", checks.CheckFillView.as_view(), name="check_fill"),
    path("<slug:slug>/kontroll/<int:pk>/granska/", checks.CheckReviewView.as_view(), name="check_review"),
    path("<slug:slug>/underlag/<int:pk>/", checks.EvidenceDownloadView.as_view(), name="evidence"),
]
