from django.urls import include, path

from .views import agreements, bulk, drafts, registration, requests, secrecy, worklist

app_name = "support"

urlpatterns = [
    path("", requests.SupportHomeView.as_view(), name="home"),
    # Applicants
    path("mina/", requests.MyRequestsView.as_view(), name="my_requests"),
    path("ny/", requests.RequestCreateView.as_view(), name="request_create"),
    path("<int:pk>/", requests.RequestDetailView.as_view(), name="request_detail"),
    path("<int:pk>/andra/", requests.RequestUpdateView.as_view(), name="request_update"),
    path("<int:pk>/kvitto/", requests.RequestReceiptView.as_view(), name="request_receipt"),
    path("<int:pk>/atgard/<slug:move>/", requests.RequestTransitionView.as_view(), name="request_transition"),
    path("<int:pk>/beslutsdatum/", requests.DecisionDueView.as_view(), name="request_decision_due"),
    path("<int:pk>/bilagor/<int:attachment_pk>/", requests.RequestAttachmentView.as_view(),
         name="request_attachment"),
    path("<int:pk>/export/", requests.RequestExportView.as_view(), name="request_export"),
    path("<int:pk>/diarienummer/", registration.RequestRegisterView.as_view(), name="request_register"),
    path("<int:pk>/ta-bort/", drafts.RequestDeleteView.as_view(), name="request_delete"),
    # Secrecy markings and copies for a public-records request (issue 16)
    path("<int:pk>/sekretess/", secrecy.SecrecyMarkView.as_view(), name="request_secrecy_mark"),
    path("<int:pk>/sekretess/<int:mark_pk>/ta-bort/", secrecy.SecrecyUnmarkView.as_view(),
         name="request_secrecy_unmark"),
    path("<int:pk>/kopia/", secrecy.RequestCopyView.as_view(), name="request_copy"),
    path("<int:pk>/bilagor/<int:attachment_pk>/ta-bort/", drafts.DraftAttachmentDeleteView.as_view(),
         name="draft_attachment_delete"),
    # Officials
    path("arenden/", worklist.WorklistView.as_view(), name="worklist"),
    path("uppfoljning/", include("support.followup.urls")),  # followup, followup_csv
    path("arenden/atgard/", bulk.WorklistBulkView.as_view(), name="worklist_bulk"),
    path("arenden/atgard/resultat/", bulk.WorklistBulkResultView.as_view(), name="worklist_bulk_result"),
    path("arenden/export.csv", worklist.WorklistExportView.as_view(file_format="csv"), name="worklist_export_csv"),
    path("arenden/export.xlsx", worklist.WorklistExportView.as_view(file_format="xlsx"),
         name="worklist_export_xlsx"),
    path("overenskommelser/", agreements.AgreementListView.as_view(), name="agreement_list"),
    path("overenskommelser/ny/", agreements.AgreementFormView.as_view(), name="agreement_create"),
    path("overenskommelser/export/", agreements.AgreementExportView.as_view(), name="agreement_export"),
    path("overenskommelser/export.xlsx", agreements.AgreementExportView.as_view(file_format="xlsx"),
         name="agreement_export_xlsx"),
    path("overenskommelser/<int:pk>/", agreements.AgreementDetailView.as_view(), name="agreement_detail"),
    path("overenskommelser/<int:pk>/andra/", agreements.AgreementFormView.as_view(), name="agreement_update"),
    path("overenskommelser/<int:pk>/historik/", agreements.AgreementHistoryView.as_view(), name="agreement_history"),
    path("overenskommelser/<int:pk>/bilagor/<int:attachment_pk>/", agreements.AgreementAttachmentView.as_view(),
         name="agreement_attachment"),
]
