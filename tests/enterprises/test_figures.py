"""Figures per year: one row per enterprise and year, never overwritten by
another year; the form adds a year or corrects one; the enterprise's own
figure fields always equal its latest row; the page shows the latest year,
and officials every year."""

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from enterprises.models import Enterprise, EnterpriseFigures
from tests.enterprises.factories import EnterpriseFactory, RepresentationFactory

pytestmark = pytest.mark.django_db


def form_data(enterprise: Enterprise, **figures) -> dict:
    """The update form as the enterprise stands, with other figures."""
    data = {
        "name": enterprise.name, "organisation_number": enterprise.organisation_number_display,
        "legal_form": enterprise.legal_form, "kind": enterprise.kind,
        "short_description": enterprise.short_description, "locality": enterprise.locality,
    }
    data.update({key: "" if value is None else str(value) for key, value in figures.items()})
    return data


def rows_of(enterprise) -> list[tuple]:
    return list(EnterpriseFigures.objects.filter(enterprise=enterprise).order_by("-year").values_list(
        "year", "employees", "employees_from_target_groups", "participants"))


def cached(enterprise) -> tuple:
    enterprise.refresh_from_db()
    return (enterprise.figures_year, enterprise.employees, enterprise.employees_from_target_groups,
            enterprise.participants)


def post_figures(client, enterprise, year, employees, from_groups, participants):
    return client.post(reverse("enterprises:update", args=[enterprise.slug]), form_data(
        enterprise, figures_year=year, employees=employees, employees_from_target_groups=from_groups,
        participants=participants))


@pytest.fixture
def cafe():
    return EnterpriseFactory(name="Hamncaféet ek. för.", figures_year=2023, employees=8,
                             employees_from_target_groups=3, participants=2)


def test_three_years_give_three_rows_and_the_latest_stays_on_the_enterprise(client_as, cafe):
    client = client_as("coordinator")
    assert post_figures(client, cafe, 2024, 9, 4, 3).status_code == 302
    assert post_figures(client, cafe, 2025, 10, 5, 1).status_code == 302
    assert rows_of(cafe) == [(2025, 10, 5, 1), (2024, 9, 4, 3), (2023, 8, 3, 2)]
    assert cached(cafe) == (2025, 10, 5, 1)


def test_the_same_year_corrects_that_row_only(client_as, cafe):
    client = client_as("coordinator")
    post_figures(client, cafe, 2025, 10, 5, 1)
    post_figures(client, cafe, 2025, 11, 5, 1)
    assert rows_of(cafe) == [(2025, 11, 5, 1), (2023, 8, 3, 2)]
    # An earlier year corrected: its row changes, the enterprise keeps the latest year.
    post_figures(client, cafe, 2023, 7, 3, 2)
    assert rows_of(cafe) == [(2025, 11, 5, 1), (2023, 7, 3, 2)]
    assert cached(cafe) == (2025, 11, 5, 1)


def test_a_representative_adds_the_new_years_figures(client, cafe):
    representation = RepresentationFactory(enterprise=cafe)
    client.force_login(representation.user)
    response = post_figures(client, cafe, 2024, 9, 4, 3)
    assert response.status_code == 302
    assert rows_of(cafe)[0] == (2024, 9, 4, 3)


def test_history_names_the_year_added_and_corrected(client_as, cafe):
    client = client_as("coordinator")
    post_figures(client, cafe, 2024, 9, 4, 3)
    post_figures(client, cafe, 2023, 7, 3, 2)
    reasons = list(cafe.history.order_by("-history_date", "-history_id").values_list(
        "history_change_reason", flat=True)[:2])
    # (other parts may add their own reason to the same save, e.g. the confirmation)
    assert "Uppgifter för 2023 rättade" in reasons[0] and "Uppgifter för 2024 tillagda" in reasons[1]
    page = client.get(reverse("enterprises:history", args=[cafe.slug])).content.decode()
    assert "Uppgifter för 2023 rättade" in page
    assert EnterpriseFigures.history.filter(enterprise_id=cafe.pk, year=2023, history_type="~").exists()


@pytest.mark.parametrize("year,employees,from_groups,participants,message", [
    (2025, 2, 5, 0, "Antalet anställda från målgrupperna kan inte vara större än antalet anställda."),
    (2025, None, None, None, "Ange åtminstone antalet anställda eller deltagare för året."),
    (None, None, None, None, "Uppgifter som redan har lämnats finns kvar."),
    (1999, 3, 1, 0, "lika med 2000"),
])
def test_bad_figures_are_refused_with_a_swedish_message_and_nothing_changes(
        client_as, cafe, year, employees, from_groups, participants, message):
    response = post_figures(client_as("coordinator"), cafe, year, employees, from_groups, participants)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert rows_of(cafe) == [(2023, 8, 3, 2)]
    assert cached(cafe) == (2023, 8, 3, 2)


def test_the_database_keeps_one_row_per_year_and_the_share_within_employees(cafe):
    with pytest.raises(IntegrityError), transaction.atomic():
        EnterpriseFigures.objects.create(enterprise=cafe, year=2023, employees=1, participants=0)
    with pytest.raises(IntegrityError), transaction.atomic():
        EnterpriseFigures.objects.create(enterprise=cafe, year=2024, employees=1, employees_from_target_groups=2)


def test_saving_figures_on_the_enterprise_keeps_the_rows_and_the_copy_in_step(cafe):
    """Whoever saves the enterprise (the import, the admin): its figures
    become their year's row, and its copy is its latest row again."""
    cafe.figures_year, cafe.employees, cafe.employees_from_target_groups, cafe.participants = 2022, 5, 1, 1
    cafe.save()
    assert rows_of(cafe) == [(2023, 8, 3, 2), (2022, 5, 1, 1)]
    assert cached(cafe) == (2023, 8, 3, 2)
    assert Enterprise.objects.filter(pk=cafe.pk, meets_reserved_share=True).exists()  # 5 of 10 from the groups


def test_a_row_saved_or_deleted_on_its_own_updates_the_copy(cafe):
    before = Enterprise.objects.values_list("updated_at", flat=True).get(pk=cafe.pk)
    row = EnterpriseFigures.objects.create(enterprise=cafe, year=2024, employees=10, employees_from_target_groups=0,
                                           participants=0)
    assert cached(cafe) == (2024, 10, 0, 0)
    assert cafe.updated_at > before  # the registry's caches key on it
    assert not Enterprise.objects.filter(pk=cafe.pk, meets_reserved_share=True).exists()
    row.delete()
    assert cached(cafe) == (2023, 8, 3, 2)


def test_registration_saves_the_first_row(client_as):
    from tests.enterprises.test_registry_views import registration_data

    response = client_as("representative").post(reverse("enterprises:register"), registration_data())
    assert response.status_code == 302
    enterprise = Enterprise.objects.get(name="Hamnens Cykelverkstad ek. för.")
    assert rows_of(enterprise) == [(2025, 6, 2, 1)]


class TestPage:
    @pytest.fixture
    def three_years(self, cafe):
        EnterpriseFigures.objects.create(enterprise=cafe, year=2024, employees=9, employees_from_target_groups=4,
                                         participants=3)
        cafe.figures_year, cafe.employees, cafe.employees_from_target_groups, cafe.participants = 2025, 10, 5, 1
        cafe.save()
        return cafe

    def test_officials_see_every_year_in_a_table(self, client_as, three_years):
        page = client_as("official").get(three_years.get_absolute_url())
        assert [row.year for row in page.context["figures_years"]] == [2025, 2024, 2023]
        html = page.content.decode()
        table = html[html.index("<caption>Uppgifter per år"):html.index("</table>", html.index("<caption>Uppgifter per år"))]
        assert table.count('<th scope="row">') == 3
        assert "<th scope=\"row\">2024</th>" in table and "<th scope=\"row\">2023</th>" in table

    def test_the_public_sees_the_latest_year_only(self, client, three_years):
        page = client.get(three_years.get_absolute_url())
        html = page.content.decode()
        assert "figures_years" not in page.context
        assert "Uppgifter per år" not in html
        assert "2025" in html and "<th scope=\"row\">2023</th>" not in html


def test_merging_a_duplicate_keeps_the_kept_ones_years_and_adds_the_others(coordinator):
    from enterprises.services import enterprise_merge

    kept = EnterpriseFactory(name="Kvar", figures_year=2024, employees=9, employees_from_target_groups=4,
                             participants=3)
    duplicate = EnterpriseFactory(name="Dubblett", figures_year=2025, employees=10, employees_from_target_groups=5,
                                  participants=1)
    EnterpriseFigures.objects.create(enterprise=duplicate, year=2024, employees=1, participants=1)
    enterprise_merge(duplicate=duplicate, into=kept)
    assert rows_of(kept) == [(2025, 10, 5, 1), (2024, 9, 4, 3)]
    assert cached(kept) == (2025, 10, 5, 1)
    assert rows_of(duplicate) == [] and cached(duplicate) == (None, None, None, None)
