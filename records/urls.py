from django.urls import path

from . import views

app_name = "records"

urlpatterns = [
    path("", views.PostlistaView.as_view(), name="postlista"),
]
