"""The derived rules: ASF only when all four criteria are met, validity for
two years, and the 30 % share for reserved contracts at and around its edge."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from core.dates import add_years
from enterprises import workflow
from enterprises.models import CriterionAssessment, Enterprise
from tests.enterprises.factories import EnterpriseFactory, RepresentationFactory, make_check

pytestmark = pytest.mark.django_db
MET, NOT_MET = CriterionAssessment.Verdict.MET, CriterionAssessment.Verdict.NOT_MET


@pytest.mark.parametrize(
    "employees,from_groups,participants,expected",
    [
        (10, 3, 0, True),     # exactly 30 %
        (10, 2, 0, False),    # 20 %
        (100, 29, 0, False),  # 29 %: just under
        (100, 30, 0, True),
        (7, 0, 3, True),      # participants count as target-group people: 3 of 10
        (7, 0, 2, False),     # 2 of 9 = 22 %
        (3, 1, 0, True),      # 33 %
        (0, 0, 0, False),     # nobody works there
        (0, 0, 1, True),
    ],
)
def test_reserved_contract_share(employees, from_groups, participants, expected):
    enterprise = EnterpriseFactory(figures_year=2025, employees=employees,
                                   employees_from_target_groups=from_groups, participants=participants)
    enterprise.refresh_from_db()
    assert enterprise.meets_reserved_share is expected
    assert Enterprise.objects.filter(meets_reserved_share=True).contains(enterprise) is expected


def test_missing_figures_never_meet_the_share():
    enterprise = EnterpriseFactory()
    enterprise.refresh_from_db()
    assert enterprise.meets_reserved_share is False


def test_database_refuses_more_target_group_employees_than_employees():
    enterprise = EnterpriseFactory.build(figures_year=2025, employees=2, employees_from_target_groups=3,
                                         participants=0)
    with pytest.raises(ValidationError):
        enterprise.full_clean()


@pytest.mark.parametrize(
    "verdicts,is_asf",
    [
        ((MET, MET, MET, MET), True),
        ((MET, MET, MET, NOT_MET), False),
        ((NOT_MET, MET, MET, MET), False),
        ((NOT_MET,) * 4, False),
    ],
)
def test_asf_only_when_all_four_are_met(verdicts, is_asf, coordinator):
    enterprise = EnterpriseFactory()
    check = make_check(enterprise, "submitted")
    decided = workflow.check_move(
        check=check, action="decide", user=coordinator,
        verdicts={n: (v, "Motivering") for n, v in enumerate(verdicts, start=1)},
    )
    assert decided.is_asf is is_asf
    enterprise.refresh_from_db()
    assert (enterprise.asf_valid_until is not None) is is_asf


def test_decision_is_valid_for_two_years(coordinator):
    enterprise = EnterpriseFactory()
    check = make_check(enterprise, "submitted")
    decided = workflow.check_move(check=check, action="decide", user=coordinator,
                                  verdicts={n: (MET, "Ok") for n in range(1, 5)})
    today = timezone.localdate()
    assert decided.decided_on == today
    assert decided.valid_until == add_years(today, 2)
    assert workflow.is_current(decided, today + timedelta(days=729))
    assert not workflow.is_current(decided, add_years(today, 2) + timedelta(days=1))


def test_add_years_handles_leap_day():
    assert add_years(date(2024, 2, 29), 2) == date(2026, 2, 28)
    assert add_years(date(2024, 2, 29), 4) == date(2028, 2, 29)


def test_a_newer_negative_check_removes_the_badge(coordinator):
    enterprise = EnterpriseFactory()
    make_check(enterprise, "decided", is_asf=True, decided_on=timezone.localdate() - timedelta(days=300))
    second = make_check(enterprise, "submitted")
    workflow.check_move(check=second, action="decide", user=coordinator,
                        verdicts={1: (MET, "a"), 2: (MET, "b"), 3: (MET, "c"), 4: (NOT_MET, "d")})
    enterprise.refresh_from_db()
    assert enterprise.asf_valid_until is None


def test_only_one_open_check_per_enterprise(user_for):
    enterprise = EnterpriseFactory()
    representative = RepresentationFactory(enterprise=enterprise).user
    workflow.check_start(enterprise=enterprise, user=representative)
    with pytest.raises(ValidationError):
        workflow.check_start(enterprise=enterprise, user=representative)
