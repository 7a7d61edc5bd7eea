"""The registry work list's and the round overview's filters, and the
registry work list offering each role only what it may do (issue 14, section 6)."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from enterprises import selectors
from tests.conftest import sv
from tests.enterprises.factories import EnterpriseFactory, RepresentationFactory, make_check
from tests.policy_reports.factories import DepartmentReportFactory, ReportingRoundFactory

pytestmark = pytest.mark.django_db

WORK_LIST = reverse("enterprises:work_list")


@pytest.fixture
def waiting():
    return {
        "publish": EnterpriseFactory(name="Nytt café", awaiting=True, kind="association", locality="smogen"),
        "publish_asf": EnterpriseFactory(name="Nytt kooperativ", awaiting=True),
        "review": make_check(EnterpriseFactory(name="Granskas AB", locality="smogen"), "submitted"),
        "answer": make_check(EnterpriseFactory(name="Svarar snart", kind="association"), "more_info"),
        "claim": RepresentationFactory(enterprise=EnterpriseFactory(name="Anspråket"), status="pending"),
        "renew": EnterpriseFactory(name="Förnyas", asf_valid_until=timezone.localdate() + timedelta(days=5)),
    }


def test_the_default_work_list_is_every_section_unfiltered(waiting):
    rows = selectors.work_list()
    assert set(rows) == {"awaiting_publication", "pending_claims", "checks_to_review", "waiting_for_enterprise",
                         "due_for_renewal", "to_confirm"}
    assert {e.name for e in rows["awaiting_publication"]} == {"Nytt café", "Nytt kooperativ"}
    assert [c.enterprise.name for c in rows["checks_to_review"]] == ["Granskas AB"]
    assert [c.enterprise.name for c in rows["waiting_for_enterprise"]] == ["Svarar snart"]
    assert [r.enterprise.name for r in rows["pending_claims"]] == ["Anspråket"]
    assert [e.name for e in rows["due_for_renewal"]] == ["Förnyas"]


def test_filter_by_section_kind_and_locality(client_as, waiting):
    client = client_as("coordinator")
    html = client.get(WORK_LIST, {"visa": ["publication", "review"]}).content.decode()
    assert 'id="h-publication"' in html and 'id="h-review"' in html
    assert 'id="h-claims"' not in html and 'id="h-renewal"' not in html and 'id="h-waiting"' not in html
    html = client.get(WORK_LIST, {"typ": "association"}).content.decode()
    assert "Nytt café" in html and "Svarar snart" in html
    assert "Nytt kooperativ" not in html and "Granskas AB" not in html
    html = client.get(WORK_LIST, {"ort": "smogen"}).content.decode()
    assert "Nytt café" in html and "Granskas AB" in html and "Nytt kooperativ" not in html


def test_sort_by_name_and_bad_input_is_ignored(client_as, waiting):
    client = client_as("coordinator")
    html = client.get(WORK_LIST, {"sortera": "name", "visa": "publication"}).content.decode()
    assert html.index("Nytt café") < html.index("Nytt kooperativ")
    html = client.get(WORK_LIST, {"sortera": "newest", "visa": "publication"}).content.decode()
    assert html.index("Nytt kooperativ") < html.index("Nytt café")
    response = client.get(WORK_LIST, {"typ": "nonsense", "visa": "nothing"})
    assert response.status_code == 200
    assert "Nytt café" in response.content.decode() and "Nytt kooperativ" in response.content.decode()


def test_the_official_is_told_who_acts(client_as, waiting):
    official = client_as("official").get(WORK_LIST).content.decode()
    for text in ("The policy coordinator reviews new entries and publishes them.",
                 "The policy coordinator reviews the checks. The links lead to each enterprise's page.",
                 "The policy coordinator confirms or rejects requests to represent an enterprise."):
        assert sv(text) in official
    assert reverse("enterprises:check_review", args=[waiting["review"].enterprise.slug, waiting["review"].pk]) \
        not in official
    assert "representation_decide" not in official and sv("Confirm") not in official
    assert waiting["claim"].user.email not in official  # no personal data the official cannot act on
    coordinator = client_as("coordinator").get(WORK_LIST).content.decode()
    assert sv("The policy coordinator reviews the checks. The links lead to each enterprise's page.") \
        not in coordinator
    assert waiting["claim"].user.email in coordinator


@pytest.mark.parametrize("role", ["official", "coordinator", "administrator"])
def test_every_link_on_the_registry_work_list_opens_for_the_role(client_as, role, waiting):
    client = client_as(role)
    html = client.get(WORK_LIST).content.decode()
    main = html[html.index('<main'):html.index('</main>')]
    links = {link.replace("&amp;", "&") for link in re.findall(r'href="([^"#]+)"', main)}
    assert len(links) > 6
    for link in links:
        assert client.get(link).status_code not in (403, 404, 500), (role, link)


def test_the_round_overview_filters_by_standing_and_status(client_as):
    reporting_round = ReportingRoundFactory(year=2025, due_date=timezone.localdate() + timedelta(days=10))
    submitted = DepartmentReportFactory(reporting_round=reporting_round, submitted=True)
    not_started = DepartmentReportFactory(reporting_round=reporting_round)
    draft = DepartmentReportFactory(reporting_round=reporting_round, draft=True)
    url = reverse("policy_reports:round_overview", args=[reporting_round.pk])
    client = client_as("coordinator")

    def names(**params):
        return [row.report.department.name for row in client.get(url, params).context["rows"]]

    assert names() == sorted([submitted.department.name, not_started.department.name, draft.department.name])
    assert names(standing="delivered") == [submitted.department.name]
    assert names(standing="in_progress") == [draft.department.name]
    assert names(status="not_started") == [not_started.department.name]
    assert names(standing="late") == []
    assert names(sortera="submitted")[0] == submitted.department.name
    assert names(standing="bogus") == names()  # bad input is left out, not obeyed
    html = client.get(url, {"standing": "late"}).content.decode()
    assert sv("No report in this round matches the filter.") in html
    # The totals at the top stay those of the whole round.
    assert client.get(url, {"standing": "late"}).context["overview"].counts == \
        client.get(url).context["overview"].counts
