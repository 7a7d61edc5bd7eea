"""The self-service privacy pages (issue 8), under the account's URLs."""

from django.urls import path

from . import views

app_name = "privacy"

urlpatterns = [
    path("konto/mina-uppgifter/", views.PersonalDataView.as_view(), name="personal_data"),
    path("konto/mina-uppgifter/hamta/", views.PersonalDataDownloadView.as_view(), name="personal_data_download"),
    path("konto/radera/", views.AccountDeleteView.as_view(), name="delete"),
    path("konto/raderat/", views.AccountDeletedView.as_view(), name="deleted"),
]
