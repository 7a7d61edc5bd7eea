"""The officials' work lists: mine, my department's, unassigned (for the
coordinator), overdue; filters and sorting; a fixed number of queries."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from support.constants import RequestState
from support.selectors import overdue_requests, worklist
from tests.factories import DepartmentFactory, UserFactory
from tests.harness.queries import assert_fixed_query_count
from tests.support.factories import MessageFactory, SupportRequestFactory, request_in_state, support_kind

pytestmark = pytest.mark.django_db


def refs(response) -> set[str]:
    return {r.reference for r in response.context["support_requests"]}


@pytest.fixture
def spread(department, user_for):
    """Requests across departments and states."""
    official = user_for("official")
    other = DepartmentFactory(name="Sektor omsorg")
    return {
        "mine": SupportRequestFactory(in_progress=True, department=department, handler=official),
        "colleague": SupportRequestFactory(assigned=True, department=department, handler=UserFactory()),
        "other_department": SupportRequestFactory(in_progress=True, department=other),
        "unassigned": SupportRequestFactory(submitted=True),
        "closed": SupportRequestFactory(closed=True, department=department, handler=official),
    }


def test_an_official_sees_only_their_departments_requests(client_as, spread):
    client = client_as("official")
    mine = client.get(reverse("support:worklist"))
    assert refs(mine) == {spread["mine"].reference}, "the default list is the official's own"
    department = client.get(reverse("support:worklist"), {"lista": "department"})
    assert refs(department) == {spread["mine"].reference, spread["colleague"].reference}
    every_state = client.get(reverse("support:worklist"), {"lista": "department", "state": "closed"})
    assert refs(every_state) == {spread["closed"].reference}


def test_an_official_cannot_ask_for_the_unassigned_list(client_as, spread):
    response = client_as("official").get(reverse("support:worklist"), {"lista": "unassigned"})
    assert response.status_code == 200
    assert "lista" in response.context["filter_form"].errors
    assert spread["unassigned"].reference not in refs(response)


def test_an_official_cannot_filter_on_another_department(client_as, spread):
    other = spread["other_department"].department
    response = client_as("official").get(reverse("support:worklist"), {"lista": "department",
                                                                       "department": other.pk})
    assert "department" in response.context["filter_form"].errors
    assert spread["other_department"].reference not in refs(response)


def test_the_coordinator_triages_the_unassigned_and_sees_all(client_as, spread):
    client = client_as("coordinator")
    assert refs(client.get(reverse("support:worklist"))) == {spread["unassigned"].reference}
    every = refs(client.get(reverse("support:worklist"), {"lista": "all"}))
    assert every == {r.reference for r in spread.values()}


def test_drafts_never_appear_in_work_lists(client_as, department):
    SupportRequestFactory(department=department)
    assert refs(client_as("coordinator").get(reverse("support:worklist"), {"lista": "all"})) == set()


def test_the_representative_has_no_work_list(client_as):
    assert client_as("representative").get(reverse("support:worklist")).status_code == 403


def test_overdue_first_response_and_decision(department, user_for):
    today = timezone.localdate()
    long_ago = timezone.now() - timedelta(days=30)
    late_answer = SupportRequestFactory(assigned=True, department=department, submitted_at=long_ago)
    answered = SupportRequestFactory(in_progress=True, department=department, submitted_at=long_ago)
    late_decision = SupportRequestFactory(in_progress=True, department=department,
                                          decision_due=today - timedelta(days=1))
    waiting = SupportRequestFactory(waiting=True, department=department, decision_due=today - timedelta(days=1))
    decided = SupportRequestFactory(decided=True, department=department, submitted_at=long_ago,
                                    first_response_at=None)
    on_time = SupportRequestFactory(submitted=True)
    assert set(overdue_requests(on_date=today)) == {late_answer, late_decision}
    listed = {r.pk: r.is_overdue for r in worklist(user=user_for("coordinator"), scope="all")}
    assert listed[late_answer.pk] and listed[late_decision.pk]
    assert not any(listed[r.pk] for r in (answered, waiting, decided, on_time))


def test_the_overdue_list_is_marked(client_as, department):
    late = SupportRequestFactory(assigned=True, department=department,
                                 submitted_at=timezone.now() - timedelta(days=30))
    SupportRequestFactory(assigned=True, department=department)
    response = client_as("official").get(reverse("support:worklist"), {"lista": "overdue"})
    assert refs(response) == {late.reference}
    assert 'class="table-danger"' in response.content.decode()


def test_filter_by_kind_and_state_and_sort_by_due_date(client_as, department):
    advice, premises = support_kind("affarsutveckling"), support_kind("lokaler")
    first = SupportRequestFactory(assigned=True, department=department, kind=premises,
                                  submitted_at=timezone.now() - timedelta(days=20))
    second = SupportRequestFactory(assigned=True, department=department, kind=premises,
                                   submitted_at=timezone.now() - timedelta(days=2))
    SupportRequestFactory(assigned=True, department=department, kind=advice)
    SupportRequestFactory(in_progress=True, department=department, kind=premises)
    client = client_as("official")
    params = {"lista": "department", "kind": premises.pk, "state": "assigned"}
    earliest = [r.reference for r in client.get(reverse("support:worklist"), {**params, "sort": "due"})
                .context["support_requests"]]
    latest = [r.reference for r in client.get(reverse("support:worklist"), {**params, "sort": "-due"})
              .context["support_requests"]]
    assert earliest == [first.reference, second.reference]
    assert latest == [second.reference, first.reference]


def test_a_bad_filter_value_gets_a_message_and_is_ignored(client_as, department):
    request = SupportRequestFactory(assigned=True, department=department)
    response = client_as("official").get(reverse("support:worklist"),
                                         {"lista": "department", "state": "nonsense", "sort": "x"})
    assert response.status_code == 200
    assert {"state", "sort"} <= set(response.context["filter_form"].errors)
    assert refs(response) == {request.reference}


# Query counts ------------------------------------------------------------------------

def add_requests(department, official):
    def add(count: int) -> None:
        for n in range(count):
            state = ["assigned", "in_progress", "waiting", "forwarded", "decided"][n % 5]
            support_request = request_in_state(state, department=department, handler=official,
                                               enterprise=None, kind=support_kind())
            MessageFactory(request=support_request)
    return add


def test_the_official_work_list_has_a_fixed_query_count(client_as, user_for, department):
    official = user_for("official")
    client = client_as("official")
    # session, user, memberships (role), paginator count, the page with its
    # related rows, the kinds and the departments for the filter (no model
    # permission lookups: accounts.backends.PasswordBackend)
    assert_fixed_query_count(
        lambda: client.get(reverse("support:worklist"), {"lista": "department"}),
        add_requests(department, official),
        sizes=(10, 60),
        expected=9,  # the handler choices for the bulk action and the saved views in the menu
    )


def test_the_coordinator_work_list_has_a_fixed_query_count(client_as, user_for, department):
    client = client_as("coordinator")
    assert_fixed_query_count(
        lambda: client.get(reverse("support:worklist"), {"lista": "all", "sort": "-submitted"}),
        add_requests(department, user_for("official")),
        sizes=(10, 60),
        expected=9,  # the handler choices for the bulk action and the saved views in the menu
    )


def test_my_requests_has_a_fixed_query_count(client_as, applicant, department):
    client = client_as("representative")

    def add(count):
        for n in range(count):
            request_in_state(["draft", "submitted", "in_progress"][n % 3], applicant=applicant,
                             **({} if n % 3 == 0 else {"department": department}))

    assert_fixed_query_count(lambda: client.get(reverse("support:my_requests")), add, sizes=(10, 50), expected=5)


def test_the_request_page_has_a_fixed_query_count(client_as, make_request, user_for):
    support_request = make_request("in_progress")
    official = user_for("official")
    client = client_as("official")

    def add(count):
        for n in range(count):
            MessageFactory(request=support_request, author=official if n % 2 else support_request.applicant,
                           is_internal=n % 3 == 0)

    assert_fixed_query_count(lambda: client.get(support_request.get_absolute_url()), add, sizes=(10, 50))


def test_state_filter_offers_every_state_but_draft(client_as):
    form = client_as("official").get(reverse("support:worklist")).context["filter_form"]
    values = [value for value, _ in form.fields["state"].choices if value]
    assert values == [s for s in RequestState.values if s != "draft"]
