"""Live counts: each saved view's count equals what its list shows, and the
panel and the saved-views page take a fixed number of queries whatever the
number of views."""

from datetime import timedelta
from itertools import cycle

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from saved_views.selectors import views_with_counts
from tests.enterprises.factories import EnterpriseFactory, RepresentationFactory, make_check
from tests.factories import DepartmentFactory
from tests.harness.queries import assert_fixed_query_count, count_queries
from tests.policy_reports.factories import DepartmentReportFactory, ReportingRoundFactory
from tests.saved_views.factories import SavedViewFactory
from tests.support.factories import AgreementFactory, SupportRequestFactory, support_kind

pytestmark = pytest.mark.django_db


@pytest.fixture
def data(department):
    kind, other_kind = support_kind(), support_kind("lokaler")
    for n in range(5):
        SupportRequestFactory(assigned=True, department=department, kind=kind if n % 2 else other_kind)
    SupportRequestFactory(submitted=True, kind=kind)  # unassigned
    AgreementFactory(department=department)
    AgreementFactory(department=department, end_date=timezone.localdate() - timedelta(days=3))
    AgreementFactory()
    EnterpriseFactory(awaiting=True, kind="association", locality="smogen")
    EnterpriseFactory(awaiting=True)
    make_check(EnterpriseFactory(), "submitted")
    make_check(EnterpriseFactory(kind="association"), "more_info")
    RepresentationFactory(enterprise=EnterpriseFactory(locality="smogen"))
    reporting_round = ReportingRoundFactory(year=2025, due_date=timezone.localdate() + timedelta(days=10))
    for traits in ({"submitted": True}, {}, {"draft": True}, {"accepted": True}):
        DepartmentReportFactory(reporting_round=reporting_round, **traits)
    return {"kind": kind, "round": reporting_round}


QUERIES = {
    "support_requests": ["", "lista=department", "lista=all&state=assigned", "lista=unassigned", "kind={kind}"],
    "agreements": ["", "status=current", "department={department}", "status=ended"],
    "registry_work_list": ["", "visa=publication", "typ=association", "ort=smogen&sortera=name",
                           "visa=review&visa=waiting"],
    "round_overview": ["", "standing=delivered", "status=not_started", "standing=late"],
}


def shown_on_the_list(client, saved_view, data) -> int:
    response = client.get(client.get(saved_view.get_absolute_url())["Location"])
    context = response.context
    if saved_view.list_key in ("support_requests", "agreements"):
        return context["paginator"].count
    if saved_view.list_key == "round_overview":
        return len(context["rows"])
    return sum(len(context[name]) for name in ("awaiting_publication", "pending_claims", "checks_to_review",
                                              "waiting_for_enterprise", "due_for_renewal") if name in context)


def test_each_count_equals_what_its_list_shows(client_as, coordinator, department, data):
    coordinator.memberships.create(department=department)
    for list_key, queries in QUERIES.items():
        for n, query in enumerate(queries):
            SavedViewFactory(owner=coordinator, list_key=list_key, name=f"{list_key} {n}",
                             query=query.format(kind=data["kind"].pk, department=department.pk),
                             object_id=data["round"].pk if list_key == "round_overview" else None)
    client = client_as("coordinator")
    counts = {item.saved_view.name: item.count for item in views_with_counts(coordinator)}
    assert len(counts) == sum(len(queries) for queries in QUERIES.values())
    for item in views_with_counts(coordinator):
        assert item.count == shown_on_the_list(client, item.saved_view, data), item.saved_view.name
    assert len(set(counts.values())) > 3  # the filters really differ


def render_panel(user):
    user.__dict__.pop("_active_department_ids", None)  # as in a new request
    request = RequestFactory().get("/mitt-arbete/")
    request.user = user
    return Template("{% load saved_views %}{% saved_views_panel %}").render(Context({"request": request}))


def test_the_panel_shows_each_view_with_its_count(official, department, data):
    SavedViewFactory(owner=official, name="Avdelningens", query="lista=department")
    html = render_panel(official)
    assert "Avdelningens" in html and "5" in html


def add_views(owner, data, department):
    keys = cycle(QUERIES)
    made = dict.fromkeys(QUERIES, 0)

    def add(count):
        for _ in range(count):
            key = next(keys)
            query = QUERIES[key][made[key] % len(QUERIES[key])].format(kind=data["kind"].pk, department=department.pk)
            SavedViewFactory(owner=owner, list_key=key, query=query,
                             object_id=data["round"].pk if key == "round_overview" else None)
            made[key] += 1
    return add


def test_the_panel_takes_a_fixed_number_of_queries(coordinator, department, data):
    # the user's departments (role), the views, the kinds and the departments
    # chosen (one query each), the rounds, all counts at once
    assert_fixed_query_count(lambda: render_panel(coordinator), add_views(coordinator, data, department),
                             sizes=(20, 60), expected=6)


def test_a_gone_round_costs_one_query_more_not_one_per_view(coordinator, department, data):
    add_views(coordinator, data, department)(8)
    before, _html = count_queries(lambda: render_panel(coordinator))
    for _ in range(3):
        SavedViewFactory(owner=coordinator, list_key="round_overview", object_id=987654)
    count, _html = count_queries(lambda: render_panel(coordinator))
    assert count == before + 1  # the latest round, where the views open instead


def test_the_saved_views_page_takes_a_fixed_number_of_queries(client_as, coordinator, department, data):
    client = client_as("coordinator")
    assert_fixed_query_count(lambda: client.get(reverse("saved_views:list")), add_views(coordinator, data, department),
                             sizes=(20, 60))


def test_the_navigation_links_take_one_query(client_as, official, department):
    client = client_as("official")
    SavedViewFactory(owner=official)
    baseline, _ = count_queries(lambda: client.get(reverse("accounts:overview")))

    def add(count):
        for _ in range(count):
            SavedViewFactory(owner=official, department=department)
            SavedViewFactory(owner=official, list_key="registry_work_list")

    assert_fixed_query_count(lambda: client.get(reverse("accounts:overview")), add, sizes=(2, 20),
                             expected=baseline)
    DepartmentFactory()  # unrelated
