"""The deliveries to the e-archive, under /arkiv/leveranser/."""

from django.urls import path

from .views import deliveries

urlpatterns = [
    path("leveranser/", deliveries.DeliveryListView.as_view(), name="deliveries"),
    path("leveranser/ny/", deliveries.DeliveryCreateView.as_view(), name="delivery_new"),
    path("leveranser/<int:pk>/", deliveries.DeliveryDetailView.as_view(), name="delivery_detail"),
    path("leveranser/<int:pk>/kvitto/", deliveries.ReceiptView.as_view(), name="delivery_receipt"),
    path("leveranser/<int:pk>/paket/<int:package_pk>/", deliveries.PackageDownloadView.as_view(),
         name="delivery_package"),
]
