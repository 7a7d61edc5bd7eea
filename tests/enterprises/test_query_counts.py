"""Registry lists keep a fixed number of queries from 10 to 500 enterprises."""

import pytest
from django.urls import reverse

from enterprises.models import Enterprise, ServiceCategory, TargetGroup
from tests.enterprises.factories import make_check, valid_orgnr
from tests.harness.queries import assert_fixed_query_count

pytestmark = pytest.mark.django_db


def add_enterprises(count: int) -> None:
    start = Enterprise.objects.count()
    created = Enterprise.objects.bulk_create(
        Enterprise(
            name=f"Företag {start + n:04d}", slug=f"foretag-{start + n}", organisation_number=valid_orgnr(start + n),
            legal_form="ekonomisk_forening", kind="asf", short_description="Café", locality="smogen",
            publication_status="published", search_document=f"företag {start + n} café",
            figures_year=2025, employees=10, employees_from_target_groups=4, participants=1,
        )
        for n in range(count)
    )
    categories = list(ServiceCategory.objects.all()[:3])
    groups = list(TargetGroup.objects.all()[:2])
    Enterprise.service_categories.through.objects.bulk_create(
        Enterprise.service_categories.through(enterprise=e, servicecategory=c) for e in created for c in categories
    )
    Enterprise.target_groups.through.objects.bulk_create(
        Enterprise.target_groups.through(enterprise=e, targetgroup=g) for e in created for g in groups
    )


@pytest.mark.parametrize("params", [{}, {"q": "café", "ort": "smogen", "kategori": "cafe-catering"}])
def test_public_list(client, params):
    # filter choices (categories, target groups), the registry's latest change (the count's cache key),
    # count, page, two prefetches; the data changes between sizes, so the count is never cached here
    assert_fixed_query_count(lambda: client.get(reverse("enterprises:list"), params), add_enterprises,
                             sizes=(10, 500), expected=7)


@pytest.mark.parametrize("params", [{}, {"q": "café", "ort": "smogen", "kategori": "cafe-catering"}])
def test_public_list_with_the_count_cached(client, params):
    # the first request counts and renders (7 queries); the second reads the count and the rendered
    # result list from the cache (3: filter choices and the registry's latest change)
    def fetch_twice():
        client.get(reverse("enterprises:list"), params)
        return client.get(reverse("enterprises:list"), params)

    assert_fixed_query_count(fetch_twice, add_enterprises, sizes=(10, 500), expected=7 + 3)


def test_officials_list(client_as):
    client = client_as("official")
    assert_fixed_query_count(lambda: client.get(reverse("enterprises:list")), add_enterprises, sizes=(10, 200))


def test_work_list(client_as):
    client = client_as("coordinator")

    def add_waiting(count):
        add_enterprises(count)
        for enterprise in Enterprise.objects.filter(definition_checks__isnull=True)[:count]:
            make_check(enterprise, "submitted")

    assert_fixed_query_count(lambda: client.get(reverse("enterprises:work_list")), add_waiting, sizes=(5, 40))


def test_detail_with_many_checks(client_as):
    add_enterprises(1)
    enterprise = Enterprise.objects.get()
    client = client_as("official")

    def add_checks(count):
        for _ in range(count):
            make_check(enterprise, "decided", is_asf=True)

    assert_fixed_query_count(lambda: client.get(enterprise.get_absolute_url()), add_checks, sizes=(2, 20))
