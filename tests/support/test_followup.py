"""Deadline follow-up (/stod/uppfoljning/): the figures against requests
counted by hand, the page's table and its CSV, who may see which
department, and a fixed number of queries."""

import csv
import io
import re
from datetime import date, datetime, timedelta
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from core.charts import bar_chart
from support.deadlines import first_response_due
from support.followup import selectors, tables
from support.deadlines import working_days_between
from support.followup.periods import month_starts, weighted_median
from tests.factories import DepartmentFactory, UserFactory
from tests.harness.queries import assert_fixed_query_count
from tests.support.factories import SupportKindFactory, SupportRequestFactory

pytestmark = pytest.mark.django_db

URL = reverse("support:followup")
# A Monday after the Christmas holidays; the twelve months are February 2024 to January 2025.
TODAY = date(2025, 1, 20)


def local(year, month, day, hour=10, minute=0) -> datetime:
    return timezone.make_aware(datetime(year, month, day, hour, minute))


def make(department, kind, *, submitted, due, state="in_progress", responded=None, decided=None, **extra):
    """A request with exactly the dates given (the factory's own are replaced)."""
    return SupportRequestFactory(**{state: True}, department=department, kind=kind, submitted_at=submitted,
                                 first_response_due=due, first_response_at=responded, decided_at=decided, **extra)


@pytest.fixture
def kinds():
    return (SupportKindFactory(name="Rådgivning i uppföljningen", slug="fu-rad"),
            SupportKindFactory(name="Lokalfrågor i uppföljningen", slug="fu-lok"))


@pytest.fixture
def fixtures(department, other_department, kinds):
    """Hand-counted requests. Working days skip weekends, Christmas Eve,
    Christmas Day, Boxing Day, New Year's Eve, New Year's Day and Epiphany
    (6 January 2025)."""
    advice, premises = kinds
    a, b = department, other_department
    return {
        # Deadline 16 Dec; answered after 3 working days (in time), decided after 9.
        "r1": make(a, advice, submitted=local(2024, 12, 2), due=date(2024, 12, 16), state="decided",
                   responded=local(2024, 12, 5, 14), decided=local(2024, 12, 13)),
        # Deadline 23 Dec; answered 2 Jan after 13 working days (late: over Christmas).
        "r2": make(a, premises, submitted=local(2024, 12, 9), due=date(2024, 12, 23),
                   responded=local(2025, 1, 2, 9)),
        # Submitted in December, deadline 2 January; answered at 00:30 on 3 January
        # Swedish time (still 2 January in UTC): late, 11 working days.
        "r3": make(b, advice, submitted=local(2024, 12, 12), due=date(2025, 1, 2),
                   responded=local(2025, 1, 3, 0, 30)),
        # Deadline 13 January, never answered: overdue now.
        "r4": make(b, premises, submitted=local(2024, 12, 20), due=date(2025, 1, 13), state="assigned"),
        # Deadline 28 January, not answered yet: not yet due.
        "r5": make(a, advice, submitted=local(2025, 1, 14), due=date(2025, 1, 28), state="assigned"),
        # Deadline 22 January; answered after 1 working day, decided after 7.
        "r6": make(a, advice, submitted=local(2025, 1, 8), due=date(2025, 1, 22), state="decided",
                   responded=local(2025, 1, 9), decided=local(2025, 1, 17)),
        # Left out: withdrawn before any response; a deadline before the twelve months; a draft.
        "withdrawn": make(a, premises, submitted=local(2024, 12, 3), due=date(2024, 12, 17), state="withdrawn"),
        "old": make(a, advice, submitted=local(2024, 1, 2), due=date(2024, 1, 17), state="closed",
                    responded=local(2024, 1, 3), decided=local(2024, 1, 4)),
        "draft": SupportRequestFactory(department=a, kind=advice, first_response_due=date(2024, 12, 20)),
    }


def figures(by, **filters):
    return selectors.figures_by(_all_requests(**filters), by=by, today=TODAY)


def _all_requests(**filters):
    """What the coordinator follows up, as the page asks for it."""
    return selectors.requests_for(UserFactory(coordinator=True), **filters)


def test_the_hand_counted_deadlines_agree_with_the_portals_counter(fixtures):
    for name in ("r1", "r2", "r3", "r4", "r5", "r6"):
        request = fixtures[name]
        assert first_response_due(timezone.localdate(request.submitted_at)) == request.first_response_due, name
    assert working_days_between(date(2024, 12, 9), date(2025, 1, 2)) == 13
    assert working_days_between(date(2024, 12, 20), date(2025, 1, 13)) == 10
    assert working_days_between(date(2025, 1, 9), date(2025, 1, 9)) == 0


def test_figures_per_month(fixtures):
    by_month = figures(selectors.BY_MONTH)
    assert set(by_month) == {date(2024, 12, 1), date(2025, 1, 1)}
    december, january = by_month[date(2024, 12, 1)], by_month[date(2025, 1, 1)]
    assert (december.total, december.in_time, december.late, december.unanswered, december.not_yet_due) == (
        2, 1, 1, 0, 0)
    assert december.share_in_time == 0.5
    assert december.median_first_response == 8  # 3 and 13 working days
    assert december.median_decision == 9
    assert (january.total, january.in_time, january.late, january.unanswered, january.not_yet_due) == (
        4, 1, 1, 1, 1)
    assert january.share_in_time == pytest.approx(1 / 3)  # the request not yet due is not counted
    assert january.median_first_response == 6  # 1 and 11 working days
    assert january.median_decision == 7


def test_figures_per_department_and_kind(fixtures, department, other_department, kinds):
    advice, premises = kinds
    by_department = figures(selectors.BY_DEPARTMENT)
    a, b = by_department[department.pk], by_department[other_department.pk]
    assert (a.total, a.in_time, a.late, a.unanswered, a.overdue_now) == (4, 2, 1, 0, 0)
    assert (a.median_first_response, a.median_decision) == (3, 8)  # 1, 3, 13; 7, 9
    assert (b.total, b.in_time, b.late, b.unanswered, b.overdue_now) == (2, 0, 1, 1, 1)
    assert (b.median_first_response, b.median_decision) == (11, None)
    by_kind = figures(selectors.BY_KIND)
    assert (by_kind[advice.pk].total, by_kind[advice.pk].in_time, by_kind[advice.pk].late) == (4, 2, 1)
    assert (by_kind[advice.pk].median_first_response, by_kind[advice.pk].median_decision) == (3, 8)
    assert (by_kind[premises.pk].total, by_kind[premises.pk].unanswered, by_kind[premises.pk].overdue_now) == (
        2, 1, 1)
    # Filters combine: department A's advice requests in January.
    january = figures(selectors.BY_MONTH, department=department, kind=advice)[date(2025, 1, 1)]
    assert (january.total, january.in_time, january.not_yet_due, january.share_in_time) == (2, 1, 1, 1.0)
    assert selectors.overdue_now(_all_requests(), today=TODAY) == 1


def test_the_month_tables_show_every_month_with_zero_and_dash_when_empty(fixtures):
    by_month = figures(selectors.BY_MONTH)
    with translation.override("sv"):
        answers = tables.month_series(by_month, which=tables.ANSWERS, key="svar-alla-alla", today=TODAY)
        times = tables.month_series(by_month, which=tables.TIMES, key="tid-alla-alla", today=TODAY)
        labels = [row[1] for row in answers.rows]
    assert [row[0] for row in answers.rows] == [f"{m:%Y-%m}" for m in month_starts(TODAY)]
    assert len(answers.rows) == 12 and answers.rows[0][0] == "2024-02"
    assert labels[0] == "februari 2024" and labels[-1] == "januari 2025 (pågår)"
    assert answers.rows[0][2:] == (0, 0, 0, "–")
    assert answers.rows[-2][2:] == (1, 1, 0, "50\u00a0%")
    assert answers.rows[-1][2:] == (1, 1, 1, "33\u00a0%")
    assert [str(value) for value in times.rows[0][2:]] == ["–", "–"]
    assert times.rows[-2][2:] == (8, 9) and times.rows[-1][2:] == (6, 7)


def test_the_chart_writes_each_bar_s_number_as_the_table_does(fixtures):
    by_month = figures(selectors.BY_MONTH)
    with translation.override("sv"):
        times = tables.month_series(by_month, which=tables.TIMES, key="tid-alla-alla", today=TODAY)
        svg = bar_chart(times)
    assert svg.count(">–</text>") == 2 * 10  # both medians of the ten months without requests
    assert ">8</text>" in svg and ">9</text>" in svg and "None" not in svg


def test_weighted_median_and_month_starts():
    assert weighted_median([(3, 1), (13, 1)]) == 8
    assert weighted_median([(1, 3), (10, 1)]) == 1
    assert weighted_median([(5, 0)]) is None
    assert weighted_median([(2, 1), (1, 1), (4, 2)]) == 3  # 1, 2, 4, 4
    assert month_starts(date(2025, 3, 31))[0] == date(2024, 4, 1)
    assert tables.median(2.5) == 2.5 and tables.median(8.0) == 8 and not tables.median(None)
    with translation.override("sv"):
        assert tables.cell_text(2.5) == "2,5" and tables.cell_text(tables.median(None)) == "–"


# The page ---------------------------------------------------------------------------


class TableReader(HTMLParser):
    """The rows (header cells and data cells as text) of the table whose caption is given."""

    def __init__(self, caption: str):
        super().__init__()
        self.caption, self.tables, self.rows = caption, [], None
        self.in_caption = self.in_cell = False
        self.text = ""

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.rows, self.current_caption = [], ""
        elif tag == "caption":
            self.in_caption = True
        elif tag == "tr" and self.rows is not None:
            self.rows.append([])
        elif tag in ("th", "td") and self.rows is not None:
            self.in_cell, self.text = True, ""

    def handle_endtag(self, tag):
        if tag == "caption":
            self.in_caption = False
        elif tag in ("th", "td") and self.in_cell:
            self.rows[-1].append(re.sub(r"[ \t\r\n]+", " ", self.text).strip())
            self.in_cell = False
        elif tag == "table" and self.rows is not None:
            self.tables.append((self.current_caption.strip(), self.rows))
            self.rows = None

    def handle_data(self, data):
        if self.in_caption:
            self.current_caption += data
        elif self.in_cell:
            self.text += data

    def table(self, html: str) -> list[list[str]]:
        self.feed(html)
        return next(rows for caption, rows in self.tables if caption == self.caption)


def month_table(response, which: int = 0) -> list[list[str]]:
    """The answers (0) or the medians (1) per month, as the page shows them."""
    return TableReader(response.context["charts"][which]["series"].title).table(response.content.decode())


def csv_url(which: str, department=None, kind=None) -> str:
    key = f"{which}-{department.pk if department else 'alla'}-{kind.pk if kind else 'alla'}"
    return reverse("support:followup_csv", args=[key])


def csv_rows(response) -> list[list[str]]:
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=";"))


def recent(department, kind, **kwargs):
    """A request answered in time with its deadline yesterday."""
    due = timezone.localdate() - timedelta(days=1)
    return make(department, kind, submitted=timezone.now() - timedelta(days=15), due=due,
                responded=timezone.now() - timedelta(days=10), **kwargs)


def overdue(department, kind):
    """Unanswered, its deadline 40 days ago: always another month than yesterday's."""
    return make(department, kind, submitted=timezone.now() - timedelta(days=55),
                due=timezone.localdate() - timedelta(days=40), state="assigned")


def row_for(table, day: date) -> list[str]:
    with translation.override("sv"):
        label = tables.month_label(day.replace(day=1), timezone.localdate())
    return next(row for row in table if row and row[0] == label)


def test_coordinator_sees_every_department_and_each_csv_equals_its_table(client_as, department, other_department,
                                                                         kinds):
    first = recent(department, kinds[0])
    recent(other_department, kinds[1])
    overdue(other_department, kinds[1])
    client = client_as("coordinator")
    response = client.get(URL)
    assert response.status_code == 200
    answers, times = month_table(response, 0), month_table(response, 1)
    assert len(answers) == len(times) == 13  # the heading and twelve months
    yesterday = timezone.localdate() - timedelta(days=1)
    assert row_for(answers, yesterday)[1:] == ["2", "0", "0", "100\u00a0%"]
    days = working_days_between(timezone.localdate(first.submitted_at), timezone.localdate(first.first_response_at))
    assert row_for(times, yesterday)[1:] == [str(days), "–"]  # both answered after the same days
    assert response.context["overdue_now"] == 1
    content = response.content.decode()
    assert "Uppföljning av tidsfrister" in content and "(pågår)" in content
    assert "tidsfrist för första svar infaller (10 arbetsdagar" in content  # the definition, in Swedish
    for which, table in (("svar", answers), ("tid", times)):
        assert f'href="{csv_url(which)}"' in content
        download = client.get(csv_url(which))
        assert download.status_code == 200
        assert csv_rows(download) == table
    by_department = {row[0]: row for row in TableReader(
        "De senaste tolv månaderna per förvaltning").table(content)[1:]}
    assert by_department[other_department.name][1:4] == ["2", "1", "50\u00a0%"]
    assert by_department[other_department.name][-1] == "1"  # overdue now
    assert by_department[department.name][-1] == "0"


def test_filtered_csv_equals_the_filtered_table(client_as, department, other_department, kinds):
    recent(department, kinds[0])
    recent(department, kinds[1])
    recent(other_department, kinds[0])
    overdue(department, kinds[0])
    client = client_as("coordinator")
    response = client.get(URL, {"department": department.pk, "kind": kinds[0].pk})
    table = month_table(response)
    assert row_for(table, timezone.localdate() - timedelta(days=1))[1] == "1"
    assert response.context["overdue_now"] == 1
    url = csv_url("svar", department, kinds[0])
    assert f'href="{url}"' in response.content.decode()
    assert csv_rows(client.get(url)) == table
    # The link to the overdue requests lists as many as the page counts.
    link = f"{reverse('support:worklist')}?lista=overdue&department={department.pk}&kind={kinds[0].pk}"
    assert f'href="{link.replace("&", "&amp;")}"' in response.content.decode()
    assert client.get(link).context["paginator"].count == 1


def test_official_sees_only_their_own_department(client_as, department, other_department, kinds):
    recent(department, kinds[0])
    recent(other_department, kinds[0])
    overdue(other_department, kinds[0])
    client = client_as("official")
    response = client.get(URL)
    assert response.status_code == 200
    assert row_for(month_table(response), timezone.localdate() - timedelta(days=1))[1] == "1"
    assert response.context["overdue_now"] == 0
    assert other_department.name not in response.content.decode()
    assert list(response.context["filter_form"].fields["department"].queryset) == [department]
    # Another department by the query string or the CSV key: refused.
    assert client.get(URL, {"department": other_department.pk}).status_code == 403
    assert client.get(csv_url("svar", other_department)).status_code == 403
    assert client.get(csv_url("tid", other_department)).status_code == 403
    assert csv_rows(client.get(csv_url("svar"))) == month_table(response)
    assert client.get(URL, {"department": department.pk}).status_code == 200
    assert client.get(csv_url("svar", department)).status_code == 200


def test_official_of_an_inactive_department_is_refused(client_as, department):
    client = client_as("official")
    department.is_active = False
    department.save()
    assert client.get(URL).status_code == 403


def test_a_representative_is_refused_and_a_visitor_sent_to_sign_in(client_as):
    representative = client_as("representative")
    assert representative.get(URL).status_code == 403
    assert representative.get(csv_url("svar")).status_code == 403
    for url in (URL, csv_url("svar")):
        response = client_as("anonymous").get(url)
        assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:login"))


def test_bad_filters_give_a_swedish_message_and_the_full_figures(client_as, department, kinds):
    recent(department, kinds[0])
    response = client_as("coordinator").get(URL, {"department": "999999", "kind": "inte-en-typ"})
    assert response.status_code == 200
    assert response.content.decode().count("Välj ett giltigt alternativ") == 2
    assert response.context["department"] is None and response.context["kind"] is None
    assert row_for(month_table(response), timezone.localdate() - timedelta(days=1))[1] == "1"


@pytest.mark.parametrize("key", ["alla", "svar-999999-alla", "svar-alla-999999", "x-alla-alla", "svar-alla-",
                                 "svar-alla", "svar-alla-alla-alla"])
def test_csv_keys_naming_nothing_are_not_found(client_as, key):
    assert client_as("coordinator").get(reverse("support:followup_csv", args=[key])).status_code == 404


def test_an_empty_portal_shows_zeros_and_dashes(client_as):
    response = client_as("coordinator").get(URL)
    assert [row[1:] for row in month_table(response, 0)[1:]] == [["0", "0", "0", "–"]] * 12
    assert [row[1:] for row in month_table(response, 1)[1:]] == [["–", "–"]] * 12
    assert response.context["overdue_now"] == 0


def test_the_page_and_csv_keep_a_fixed_query_count(client_as, department, other_department, kinds):
    client = client_as("coordinator")

    def add_rows(count: int) -> None:
        departments = [department, other_department, DepartmentFactory()]
        for n in range(count):
            submitted = timezone.now() - timedelta(days=n * 7 % 330 + 14)
            due = first_response_due(timezone.localdate(submitted))
            make(departments[n % 3], kinds[n % 2], submitted=submitted, due=due, state="decided",
                 responded=submitted + timedelta(days=n % 12), decided=submitted + timedelta(days=n % 20 + 1))
            overdue(departments[n % 3], kinds[n % 2])

    assert_fixed_query_count(lambda: client.get(URL), add_rows, sizes=(6, 40))
    official = client_as("official")
    assert_fixed_query_count(lambda: official.get(URL, {"department": department.pk}), add_rows, sizes=(45, 60))
    assert_fixed_query_count(lambda: client.get(csv_url("tid")), add_rows, sizes=(65, 80))
