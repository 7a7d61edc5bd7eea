"""The definition-check workflow follows its table: every allowed move
works, every other move is refused with a clear message and changes nothing."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core import mail

from enterprises import checks
from enterprises.models import CriterionAssessment, DefinitionCheck
from tests.enterprises.factories import EnterpriseFactory, RepresentationFactory, make_check

pytestmark = pytest.mark.django_db
Status = DefinitionCheck.Status
MET = CriterionAssessment.Verdict.MET
ALL_MET = {n: (MET, "Styrks av stadgarna") for n in range(1, 5)}
ACTIONS = sorted(checks.ACTIONS)
ALLOWED = {(m.action, m.source) for m in checks.TRANSITIONS}
FORBIDDEN = [(a, s) for a in ACTIONS for s in Status.values if (a, s) not in ALLOWED]


@pytest.fixture
def parties(coordinator):
    enterprise = EnterpriseFactory()
    representative = RepresentationFactory(enterprise=enterprise).user
    return enterprise, representative, coordinator


def actor_for(move, representative, coordinator):
    return representative if move.permission == "enterprises.fill_check" else coordinator


@pytest.mark.parametrize("move", checks.TRANSITIONS, ids=lambda m: f"{m.action}-from-{m.source}")
def test_every_allowed_move_works(move, parties, django_capture_on_commit_callbacks):
    enterprise, representative, coordinator = parties
    check = make_check(enterprise, move.source)
    with django_capture_on_commit_callbacks(execute=True):
        moved = checks.check_move(check=check, action=move.action, user=actor_for(move, representative, coordinator),
                                  comment="Skicka stadgarna", verdicts=ALL_MET)
    assert moved.status == move.target
    assert moved.history.latest().status == move.target
    assert len(mail.outbox) == 1  # the other side hears about it


@pytest.mark.parametrize("action,source", FORBIDDEN)
def test_every_other_move_is_refused_and_changes_nothing(action, source, parties):
    enterprise, representative, coordinator = parties
    check = make_check(enterprise, source, is_asf=True)
    with pytest.raises(ValidationError) as error:
        checks.check_move(check=check, action=action, user=coordinator, comment="x", verdicts=ALL_MET)
    assert error.value.code == "illegal_move"
    check.refresh_from_db()
    assert check.status == source


def test_representative_cannot_decide(parties):
    enterprise, representative, _ = parties
    check = make_check(enterprise, Status.SUBMITTED)
    with pytest.raises(PermissionDenied):
        checks.check_move(check=check, action="decide", user=representative, verdicts=ALL_MET)
    check.refresh_from_db()
    assert check.status == Status.SUBMITTED


def test_representative_of_another_enterprise_cannot_submit(parties):
    enterprise, _, _ = parties
    stranger = RepresentationFactory().user
    check = make_check(enterprise, Status.DRAFT)
    with pytest.raises(PermissionDenied):
        checks.check_move(check=check, action="submit", user=stranger)


def test_submit_needs_a_statement_for_every_criterion(parties):
    enterprise, representative, _ = parties
    check = make_check(enterprise, Status.DRAFT, statements=False)
    with pytest.raises(ValidationError) as error:
        checks.check_move(check=check, action="submit", user=representative)
    assert error.value.code == "statements_missing"
    check.refresh_from_db()
    assert check.status == Status.DRAFT


def test_deciding_needs_a_verdict_and_reasons_for_every_criterion(parties):
    enterprise, _, coordinator = parties
    check = make_check(enterprise, Status.SUBMITTED)
    with pytest.raises(ValidationError) as error:
        checks.check_move(check=check, action="decide", user=coordinator, verdicts={1: (MET, "ok")})
    assert error.value.code == "verdicts_missing"
    with pytest.raises(ValidationError) as error:
        checks.check_move(check=check, action="decide", user=coordinator,
                          verdicts={n: (MET, "") for n in range(1, 5)})
    assert error.value.code == "reasoning_missing"
    check.refresh_from_db()
    assert check.status == Status.SUBMITTED
    assert set(check.assessments.values_list("verdict", flat=True)) == {"pending"}


def test_asking_for_information_needs_a_question(parties):
    enterprise, _, coordinator = parties
    check = make_check(enterprise, Status.SUBMITTED)
    with pytest.raises(ValidationError):
        checks.check_move(check=check, action="request_info", user=coordinator, comment="  ")


def test_no_email_when_the_transaction_rolls_back(parties, django_capture_on_commit_callbacks):
    from django.db import transaction

    enterprise, representative, _ = parties
    check = make_check(enterprise, Status.DRAFT)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        try:
            with transaction.atomic():
                checks.check_move(check=check, action="submit", user=representative)
                raise RuntimeError("something later failed")
        except RuntimeError:
            pass
    assert callbacks == []
    assert mail.outbox == []
    check.refresh_from_db()
    assert check.status == Status.DRAFT
