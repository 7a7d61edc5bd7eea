from django.urls import path

from . import views

app_name = "saved_views"

urlpatterns = [
    path("", views.SavedViewListView.as_view(), name="list"),
    path("ny/", views.SavedViewCreateView.as_view(), name="create"),
    path("<int:pk>/", views.SavedViewOpenView.as_view(), name="open"),
    path("<int:pk>/andra/", views.SavedViewUpdateView.as_view(), name="update"),
    path("<int:pk>/ta-bort/", views.SavedViewDeleteView.as_view(), name="delete"),
]
