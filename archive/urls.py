"""The records manager's pages under /arkiv/: the records plan and its
disposal (``urls_plan``) and the deliveries to the e-archive (``urls_delivery``)."""

from .urls_delivery import urlpatterns as delivery_urls
from .urls_plan import urlpatterns as plan_urls

app_name = "archive"

urlpatterns = plan_urls + delivery_urls
