from django.urls import path

from . import views

app_name = "statistics"

urlpatterns = [
    path("", views.public_statistics, name="public"),
    path("tjansteman/", views.official_statistics, name="official"),
    path("tjansteman/<slug:key>.csv", views.official_series_csv, name="official_csv"),
    path("<slug:key>.csv", views.public_series_csv, name="public_csv"),
]
