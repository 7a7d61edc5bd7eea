from django.urls import path

from .views import checks, confirmation, entries, imports, registry, representation

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
    path("import/", imports.ImportStartView.as_view(), name="import_start"),
    path("import/mall.csv", imports.ImportTemplateView.as_view(file_format="csv"), name="import_template_csv"),
    path("import/mall.xlsx", imports.ImportTemplateView.as_view(file_format="xlsx"), name="import_template_xlsx"),
    path("import/<int:pk>/kolumner/", imports.ImportMappingView.as_view(), name="import_mapping"),
    path("import/<int:pk>/forhandsgranskning/", imports.ImportPreviewView.as_view(), name="import_preview"),
    path("import/<int:pk>/klar/", imports.ImportDoneView.as_view(), name="import_done"),
    path("import/<int:pk>/avbryt/", imports.ImportCancelView.as_view(), name="import_cancel"),
    path("<slug:slug>/", registry.EnterpriseDetailView.as_view(), name="detail"),
    path("<slug:slug>/andra/", entries.EnterpriseUpdateView.as_view(), name="update"),
    path("<slug:slug>/historik/", entries.EnterpriseHistoryView.as_view(), name="history"),
    path("<slug:slug>/publicera/", entries.EnterprisePublishView.as_view(), name="publish"),
    path("<slug:slug>/avpublicera/", entries.EnterpriseUnpublishView.as_view(), name="unpublish"),
    path("<slug:slug>/sammanfoga/", entries.EnterpriseMergeView.as_view(), name="merge"),
    path("<slug:slug>/foretrad/", representation.EnterpriseClaimView.as_view(), name="claim"),
    path("<slug:slug>/bekrafta/", confirmation.EnterpriseConfirmView.as_view(), name="confirm"),
    path("<slug:slug>/kontroll/starta/", checks.CheckStartView.as_view(), name="check_start"),
    path("<slug:slug>/kontroll/", checks.CheckFillView.as_view(), name="check_fill"),
    path("<slug:slug>/kontroll/<int:pk>/granska/", checks.CheckReviewView.as_view(), name="check_review"),
    path("<slug:slug>/underlag/<int:pk>/", checks.EvidenceDownloadView.as_view(), name="evidence"),
]
