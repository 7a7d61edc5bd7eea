"""The records manager's pages: the overview, the plan and its rules'
form, the plan's history, the series, the disposal log with its CSV and the
dry run."""

import pytest
from django.urls import reverse

from accounts.selectors import HISTORY_ACTIONS
from records.constants import Action, CaseKind, RecordType, Trigger
from records.models import DisposalLogEntry, DisposalRun, RetentionRule, Series, SeriesUse
from tests.conftest import sv
from tests.harness.queries import assert_fixed_query_count

pytestmark = pytest.mark.django_db

@pytest.fixture
def archivist(client_as):
    return client_as("records_manager")


def rule(record_type, action=Action.DISPOSE, months=24, trigger=Trigger.CASE_CLOSED, **extra):
    if action == Action.KEEP:
        months, trigger = None, ""
    return RetentionRule.objects.create(record_type=record_type, action=action, period_months=months,
                                        trigger=trigger, decision=extra.pop("decision", "KS 2025/117 § 4"), **extra)


def test_the_overview_names_missing_rules_and_links_the_pages(archivist):
    rule(RecordType.MESSAGE)
    content = archivist.get(reverse("archive:home")).content.decode()
    assert "Arkiv och diarium" in content
    assert "1 handlingstyp har en regel." in content
    assert "11 handlingstyper saknar regel och gallras aldrig" in content
    for name in ("archive:plan", "archive:dry_run", "archive:disposal_log", "archive:series"):
        assert f'href="{reverse(name)}"' in content
    assert "Gallringsjobbet har inte körts än." in content


def test_the_plan_shows_one_row_per_record_type(archivist, user_for):
    rule(RecordType.MESSAGE, months=24, note="Tillfällig betydelse", updated_by=user_for("records_manager"))
    rule(RecordType.SUPPORT_REQUEST, action=Action.KEEP)
    content = archivist.get(reverse("archive:plan")).content.decode()
    for record_type in RecordType:
        assert f'href="{reverse("archive:rule_edit", args=[record_type.value])}"' in content
    assert "gallras 2 år efter att ärendet avslutades" in content.lower()
    assert "bevaras och levereras till e-arkivet" in content.lower()
    assert "Tillfällig betydelse" in content
    assert content.count("Ingen regel – gallras inte") == len(RecordType) - 2


def test_a_new_rule_is_saved_with_who_and_a_confirmation(archivist, user_for):
    url = reverse("archive:rule_edit", args=["internal_note"])
    response = archivist.post(url, {"action": "dispose", "period_months": "12", "trigger": "case_closed",
                                    "decision": "KS 2025/117 § 4", "note": "Inaktualitet"}, follow=True)
    rule = RetentionRule.objects.get(record_type="internal_note")
    assert (rule.action, rule.period_months, rule.trigger, rule.decision) == ("dispose", 12, "case_closed",
                                                                              "KS 2025/117 § 4")
    assert rule.updated_by == user_for("records_manager")
    message = sv("The rule for %(type)s has been added to the records plan.") % {"type": sv("Internal note")}
    assert message in response.content.decode()


@pytest.mark.parametrize(("data", "field", "message"), [
    ({"action": "dispose", "trigger": "case_closed", "decision": "KS 1"}, "period_months",
     "En gallringsregel behöver en tid: ange antalet månader."),
    ({"action": "dispose", "period_months": "12", "decision": "KS 1"}, "trigger",
     "En gallringsregel behöver den händelse som tiden räknas från."),
    ({"action": "dispose", "period_months": "12", "trigger": "case_closed"}, "decision",
     "Ange beslutet som regeln vilar på, till exempel KS 2025/117 § 4."),
    ({"action": "keep", "decision": "KS 1", "deliver_first": "on"}, "deliver_first",
     "Leverans före gallring gäller bara en gallringsregel."),
    ({"action": "dispose", "period_months": "12", "trigger": "report_accepted", "decision": "KS 1"}, "trigger",
     None),
    ({"action": "dispose", "period_months": "2000", "trigger": "case_closed", "decision": "KS 1"},
     "period_months", "Ange högst 1200 månader (100 år)."),
])
def test_a_bad_rule_is_refused_in_swedish_and_nothing_changes(archivist, data, field, message):
    existing = rule(RecordType.MESSAGE, months=24)
    response = archivist.post(reverse("archive:rule_edit", args=["message"]), data)
    assert response.status_code == 200
    assert field in response.context["form"].errors
    if message:
        assert message in response.content.decode()
    existing.refresh_from_db()
    assert (existing.period_months, existing.trigger, existing.decision) == (24, "case_closed", "KS 2025/117 § 4")


def test_an_unknown_record_type_is_not_found(archivist):
    assert archivist.get(reverse("archive:rule_edit", args=["receipt"])).status_code == 404


def test_outbox_rules_cannot_wait_for_a_delivery(archivist):
    response = archivist.get(reverse("archive:rule_edit", args=["outbox_email"]))
    form = response.context["form"]
    assert "deliver_first" not in form.fields and "remove_after_receipt" not in form.fields
    assert [value for value, _label in form.fields["trigger"].choices] == ["", "created"]


def test_every_change_to_the_plan_is_in_its_history(archivist, user_for):
    url = reverse("archive:rule_edit", args=["message"])
    archivist.post(url, {"action": "dispose", "period_months": "24", "trigger": "case_closed", "decision": "KS 1"})
    archivist.post(url, {"action": "dispose", "period_months": "36", "trigger": "case_closed", "decision": "KS 2"})
    response = archivist.get(reverse("archive:plan_history"))
    content = response.content.decode()
    assert str(user_for("records_manager")) in content
    assert "24 → 36" in content
    assert "KS 1 → KS 2" in content
    newest, oldest = response.context["history_rows"]
    assert (newest["action"], oldest["action"]) == (HISTORY_ACTIONS["~"], HISTORY_ACTIONS["+"])


def test_the_series_and_their_uses_can_be_changed(archivist):
    series = Series.objects.create(prefix="SN", name="Socialnämnden")
    response = archivist.post(reverse("archive:series"), {kind: series.pk for kind in CaseKind.values}, follow=True)
    assert set(SeriesUse.objects.values_list("series_id", flat=True)) == {series.pk}
    assert "Serierna för ärendetyperna har sparats." in response.content.decode()


def test_a_bad_number_format_is_refused(archivist):
    series = Series.objects.create(prefix="SN", name="Socialnämnden")
    data = {"prefix": "SN", "name": "Socialnämnden", "number_format": "{prefix}-{år}", "manual_pattern": "^x$",
            "is_active": "on"}
    response = archivist.post(reverse("archive:series_edit", args=[series.pk]), data)
    assert "Formatet måste innehålla {number}" in response.content.decode()
    series.refresh_from_db()
    assert series.number_format == "{prefix} {year}/{number:04d}"


def test_a_series_with_numbers_keeps_its_prefix_and_says_formats_apply_ahead(archivist):
    from records.services import register, series_for
    from tests.support.factories import SupportRequestFactory

    register(SupportRequestFactory(submitted=True), case_kind=CaseKind.SUPPORT_REQUEST, title="Stöd")
    series = series_for(CaseKind.SUPPORT_REQUEST)
    url = reverse("archive:series_edit", args=[series.pk])
    content = archivist.get(url).content.decode()
    assert "gäller bara kommande nummer" in content
    archivist.post(url, {"prefix": "XX", "name": series.name, "number_format": "{prefix} {year}-{number:05d}",
                         "manual_pattern": series.manual_pattern, "is_active": "on"})
    series.refresh_from_db()
    assert series.prefix != "XX"
    assert series.number_format == "{prefix} {year}-{number:05d}"


def log_entry(record_type="message", count=3, numbers=("KS 2026/0001",), decision="KS 2025/117 § 4"):
    run = DisposalRun.objects.create(as_of="2026-06-01")
    return DisposalLogEntry.objects.create(run=run, record_type=record_type, action="dispose", decision=decision,
                                           count=count, registration_numbers=list(numbers))


def test_the_disposal_log_filters_by_record_type_and_dates(archivist):
    log_entry("message", numbers=["KS 2026/0001"])
    log_entry("evidence", numbers=["KS 2026/0002"])
    content = archivist.get(reverse("archive:disposal_log"), {"typ": "evidence"}).content.decode()
    assert "KS 2026/0002" in content and "KS 2026/0001" not in content
    content = archivist.get(reverse("archive:disposal_log"), {"fran": "2001-01-01", "till": "2001-12-31"}).content
    assert "Inget har gallrats under perioden." in content.decode()


def test_a_bad_filter_gets_a_swedish_message(archivist):
    log_entry()
    response = archivist.get(reverse("archive:disposal_log"), {"fran": "2026-05-01", "till": "2026-01-01"})
    assert sv("The end date cannot be before the start date.") in response.content.decode()
    response = archivist.get(reverse("archive:disposal_log"), {"fran": "igår"})
    assert "Ange ett datum som ÅÅÅÅ-MM-DD." in response.content.decode()


def test_the_log_is_exported_as_csv(archivist):
    log_entry(numbers=["KS 2026/0001", "KS 2026/0007"])
    response = archivist.get(reverse("archive:disposal_log_csv"))
    assert response["Content-Type"].startswith("text/csv")
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    header, row = body.splitlines()[:2]
    assert "Diarienummer" in header
    assert "KS 2026/0001, KS 2026/0007" in row and "KS 2025/117 § 4" in row and ";3;" in row


def test_the_dry_run_page_counts_per_rule(archivist):
    rule(RecordType.SIGN_IN_RECORD, months=1, trigger=Trigger.CREATED)
    content = archivist.get(reverse("archive:dry_run")).content.decode()
    assert "Inloggningslogg" in content
    assert "0 handlingar totalt." in content


def test_the_records_manager_lands_on_a_start_page_with_a_records_section(archivist):
    rule(RecordType.MESSAGE)
    content = archivist.get(reverse("workspace:start")).content.decode()
    assert "11 handlingstyper saknar regel i dokumenthanteringsplanen" in content
    assert "0 handlingar ska gallras" in content
    assert f'href="{reverse("archive:plan")}"' in content


def test_the_records_manager_signs_in_and_lands_on_that_start_page(client, user_for):
    from tests.factories import TEST_PASSWORD

    manager = user_for("records_manager")
    response = client.post(reverse("accounts:login"), {"username": manager.username, "password": TEST_PASSWORD},
                           follow=True)
    assert response.redirect_chain[-1][0] == reverse("workspace:start")
    assert sv("Records management") in response.content.decode()
    assert response.context["sections"][0].key == "records_manager"


def test_the_navigation_shows_the_pages_to_the_records_manager_only(client_as):
    assert f'href="{reverse("archive:home")}"' in client_as("records_manager").get(reverse("home")).content.decode()
    assert f'href="{reverse("archive:home")}"' not in client_as("official").get(reverse("home")).content.decode()


def test_the_list_pages_keep_a_fixed_query_count(archivist):
    def add_entries(count):
        for n in range(count):
            log_entry(numbers=[f"KS 2026/{n:04d}"])

    assert_fixed_query_count(lambda: archivist.get(reverse("archive:disposal_log")), add_entries, sizes=(5, 40))

    def add_changes(count):
        for n in range(count):
            RetentionRule.objects.update_or_create(
                record_type="message", defaults={"action": "dispose", "period_months": n + 1,
                                                 "trigger": "case_closed", "decision": f"KS {n}"})

    assert_fixed_query_count(lambda: archivist.get(reverse("archive:plan_history")), add_changes, sizes=(5, 30))

    def add_series(count):
        for n in range(count):
            Series.objects.create(prefix=f"S{Series.objects.count()}", name=f"Serie {n}")

    assert_fixed_query_count(lambda: archivist.get(reverse("archive:series")), add_series, sizes=(3, 15))
    assert_fixed_query_count(lambda: archivist.get(reverse("archive:plan")), add_changes, sizes=(1, 10))
