"""The open data API, version 1, mounted at /api/v1/. Every endpoint is
public, read-only and carries an ETag."""

from django.urls import path

from core.api import public_endpoint
from enterprises import apis as registry
from enterprises import bulk
from sotenas_portal.statistics import apis as statistics
from support import apis as agreements

app_name = "api"

urlpatterns = [
    path("enterprises/", public_endpoint(registry.EnterpriseListApi), name="enterprise_list"),
    # The whole published registry in one streamed download (issue 15).
    path("enterprises.csv", bulk.bulk_endpoint(bulk.EnterpriseBulkCsvApi), name="enterprise_bulk_csv"),
    path("enterprises.json", bulk.bulk_endpoint(bulk.EnterpriseBulkJsonApi), name="enterprise_bulk_json"),
    path("enterprises/<str:organisation_number>/", public_endpoint(registry.EnterpriseDetailApi),
         name="enterprise_detail"),
    path("service-categories/", public_endpoint(registry.ServiceCategoryListApi), name="service_category_list"),
    path("target-groups/", public_endpoint(registry.TargetGroupListApi), name="target_group_list"),
    path("localities/", public_endpoint(registry.LocalityListApi), name="locality_list"),
    path("agreements/", public_endpoint(agreements.PublicAgreementListApi), name="agreement_list"),
    path("statistics/", public_endpoint(statistics.StatisticsApi), name="statistics"),
]
