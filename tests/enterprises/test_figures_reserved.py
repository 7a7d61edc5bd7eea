"""The reserved-contract indicator (LOU 4:18, at least 30 %) reads the
latest year's figures, says which year, shows officials the percentage, and
says "uppgifter saknas" (never "ja") for figures more than two years old;
the registry filter, the reserved-contracts export and the API agree."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from enterprises.reserved_share import MISSING, NO, YES, reserved_share_of, share_percent
from tests.enterprises.factories import EnterpriseFactory

pytestmark = pytest.mark.django_db

THIS_YEAR = timezone.localdate().year


def meeting(name: str, year: int):
    """5 of 10 from the target groups: 50 %."""
    return EnterpriseFactory(name=name, figures_year=year, employees=8, employees_from_target_groups=3,
                             participants=2)


def test_the_indicator_by_the_age_of_the_figures():
    today = date(2026, 3, 15)
    fresh, two_years, old = meeting("Ny", 2025), meeting("Två år", 2024), meeting("Gammal", 2023)
    assert reserved_share_of(fresh, today=today).state == YES
    assert reserved_share_of(two_years, today=today).state == YES
    old_share = reserved_share_of(old, today=today)
    assert (old_share.state, old_share.year, old_share.outdated) == (MISSING, 2023, True)
    assert reserved_share_of(EnterpriseFactory(), today=today).state == MISSING


@pytest.mark.parametrize("employees,from_groups,participants,state,percent", [
    (7, 0, 3, YES, "30.0"),  # exactly 30 %
    (10, 2, 0, NO, "20.0"),
    (3, 1, 0, YES, "33.3"),
    (6, 1, 1, NO, "28.5"),  # 2 of 7, rounded down, never up over the line
    (0, 0, 0, NO, None),
])
def test_the_share_and_its_percentage(employees, from_groups, participants, state, percent):
    enterprise = EnterpriseFactory(figures_year=THIS_YEAR - 1, employees=employees,
                                   employees_from_target_groups=from_groups, participants=participants)
    share = reserved_share_of(enterprise)
    assert share.state == state
    assert (str(share.percent) if share.percent is not None else None) == percent
    assert share_percent(employees, from_groups, participants) == share.percent


def test_the_page_says_which_year_and_officials_see_the_percentage(client, client_as):
    enterprise = meeting("Hamncaféet", THIS_YEAR - 1)
    public = client.get(enterprise.get_absolute_url()).content.decode()
    assert f"Ja, enligt uppgifterna för {THIS_YEAR - 1}" in public
    assert "av dem som arbetar där kommer från målgrupperna" not in public
    official = client_as("official").get(enterprise.get_absolute_url()).content.decode()
    assert "50,0 % av dem som arbetar där kommer från målgrupperna" in official


def test_old_figures_say_figures_missing_not_yes(client, client_as):
    enterprise = meeting("Gamla siffror", THIS_YEAR - 3)
    html = client.get(enterprise.get_absolute_url()).content.decode()
    assert f"Uppgifter saknas: de senaste avser {THIS_YEAR - 3}, för mer än två år sedan" in html
    assert "Ja, enligt uppgifterna" not in html


def test_filter_export_and_api_follow_the_same_rule(client, client_as):
    meeting("Aktuell", THIS_YEAR - 2)
    meeting("Inaktuell", THIS_YEAR - 3)
    EnterpriseFactory(name="Under gränsen", figures_year=THIS_YEAR - 1, employees=10, employees_from_target_groups=1,
                      participants=0)
    listed = [e.name for e in client.get(reverse("enterprises:list"), {"reserverat": "on"}).context["enterprises"]]
    assert listed == ["Aktuell"]
    export = b"".join(client_as("official").get(reverse("enterprises:reserved_export")).streaming_content).decode()
    assert "Aktuell;" in export and "Inaktuell" not in export and "Under gränsen" not in export
    api = {row["name"]: row["meets_reserved_share"] for row in client.get("/api/v1/enterprises/").json()["results"]}
    assert api == {"Aktuell": True, "Inaktuell": False, "Under gränsen": False}
    assert [row["name"] for row in client.get("/api/v1/enterprises/", {"reserverat": "on"}).json()["results"]] == [
        "Aktuell"]


def test_the_registry_export_says_figures_missing_for_old_figures(client):
    meeting("Inaktuell", THIS_YEAR - 3)
    body = b"".join(client.get(reverse("enterprises:registry_export_csv")).streaming_content).decode()
    row = next(line for line in body.splitlines() if line.startswith("Inaktuell;"))
    assert "Uppgifter saknas" in row
