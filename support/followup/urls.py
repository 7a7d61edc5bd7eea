"""/stod/uppfoljning/: the page, and its table as CSV for the filters the key names."""

from django.urls import path

from ..views import followup

urlpatterns = [
    path("", followup.FollowupView.as_view(), name="followup"),
    path("<slug:key>.csv", followup.FollowupCsvView.as_view(), name="followup_csv"),
]
