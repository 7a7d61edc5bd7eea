"""The definition-check workflow follows its table: every allowed move
works, every other move is refused with a clear message and changes nothing."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from core.models import OutboundEmail
from enterprises import workflow
from enterprises.models import CriterionAssessment, DefinitionCheck
from enterprises.workflow import MOVES
from tests.enterprises.factories import EnterpriseFactory, RepresentationFactory, make_check

pytestmark = pytest.mark.django_db
Status = DefinitionCheck.Status
MET = CriterionAssessment.Verdict.MET
ALL_MET = {n: (MET, "Styrks av stadgarna") for n in range(1, 5)}
ALL_PAIRS = [(state, move) for state in Status.values for move in MOVES]
ALLOWED = [(state, move) for state, move in ALL_PAIRS if state in MOVES[move].sources]
FORBIDDEN = [(state, move) for state, move in ALL_PAIRS if state not in MOVES[move].sources]


def test_the_table_has_the_documented_moves():
    assert {(name, move.target): move.sources for name, move in MOVES.items()} == {
        ("submit", Status.SUBMITTED): {Status.DRAFT, Status.MORE_INFO},
        ("request_info", Status.MORE_INFO): {Status.SUBMITTED},
        ("decide", Status.DECIDED): {Status.SUBMITTED},
    }
    assert len(ALLOWED) == 4
    assert len(ALLOWED) + len(FORBIDDEN) == len(Status.values) * len(MOVES)


@pytest.mark.parametrize("state", Status.values)
def test_available_lists_exactly_the_allowed_moves(state):
    assert [move.name for move in MOVES.available(state)] == [m for s, m in ALLOWED if s == state]


@pytest.fixture
def parties(coordinator):
    enterprise = EnterpriseFactory()
    representative = RepresentationFactory(enterprise=enterprise).user
    return enterprise, representative, coordinator


def actor_for(move, representative, coordinator):
    return representative if move.permission == "enterprises.fill_check" else coordinator


@pytest.mark.parametrize("state,name", ALLOWED, ids=[f"{m}-from-{s}" for s, m in ALLOWED])
def test_every_allowed_move_works(state, name, parties, django_capture_on_commit_callbacks):
    enterprise, representative, coordinator = parties
    move = MOVES[name]
    check = make_check(enterprise, state)
    with django_capture_on_commit_callbacks(execute=True):
        moved = workflow.check_move(check=check, action=name, user=actor_for(move, representative, coordinator),
                                    comment="Skicka stadgarna", verdicts=ALL_MET)
    assert moved.status == move.target
    assert moved.history.latest().status == move.target
    assert len(mail.outbox) == 1  # the other side hears about it


@pytest.mark.parametrize("source,action", FORBIDDEN, ids=[f"{m}-from-{s}" for s, m in FORBIDDEN])
def test_every_other_move_is_refused_and_changes_nothing(action, source, parties,
                                                         django_capture_on_commit_callbacks):
    enterprise, representative, coordinator = parties
    check = make_check(enterprise, source, is_asf=True)
    history_before = check.history.count()
    assessments_before = list(check.assessments.order_by("criterion").values())
    # The actor who may make the move, so only the table refuses it.
    actor = actor_for(MOVES[action], representative, coordinator)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with pytest.raises(ValidationError) as error:
            workflow.check_move(check=check, action=action, user=actor, comment="x", verdicts=ALL_MET)
    assert error.value.code == "move_not_allowed"
    assert error.value.messages == [MOVES.refusal_message(MOVES[action], source)]
    check.refresh_from_db()
    assert check.status == source
    assert check.history.count() == history_before
    assert list(check.assessments.order_by("criterion").values()) == assessments_before
    assert callbacks == [] and not OutboundEmail.objects.exists() and mail.outbox == []


def test_the_refusal_names_the_move_and_the_status():
    from django.utils import translation

    with translation.override("en"):
        assert MOVES.refusal_message(MOVES["decide"], Status.DRAFT) == (
            "“decide the check” is not possible while the status is “Draft”."
        )


def test_an_unknown_move_is_refused(parties):
    enterprise, _, coordinator = parties
    check = make_check(enterprise, Status.SUBMITTED)
    with pytest.raises(ValidationError) as error:
        workflow.check_move(check=check, action="approve", user=coordinator, verdicts=ALL_MET)
    assert error.value.code == "unknown_move"
    check.refresh_from_db()
    assert check.status == Status.SUBMITTED


def test_representative_cannot_decide(parties):
    enterprise, representative, _ = parties
    check = make_check(enterprise, Status.SUBMITTED)
    with pytest.raises(PermissionDenied):
        workflow.check_move(check=check, action="decide", user=representative, verdicts=ALL_MET)
    check.refresh_from_db()
    assert check.status == Status.SUBMITTED


def test_representative_of_another_enterprise_cannot_submit(parties):
    enterprise, _, _ = parties
    stranger = RepresentationFactory().user
    check = make_check(enterprise, Status.DRAFT)
    with pytest.raises(PermissionDenied):
        workflow.check_move(check=check, action="submit", user=stranger)


def test_submit_needs_a_statement_for_every_criterion(parties):
    enterprise, representative, _ = parties
    check = make_check(enterprise, Status.DRAFT, statements=False)
    with pytest.raises(ValidationError) as error:
        workflow.check_move(check=check, action="submit", user=representative)
    assert error.value.code == "statements_missing"
    check.refresh_from_db()
    assert check.status == Status.DRAFT


def test_deciding_needs_a_verdict_and_reasons_for_every_criterion(parties):
    enterprise, _, coordinator = parties
    check = make_check(enterprise, Status.SUBMITTED)
    with pytest.raises(ValidationError) as error:
        workflow.check_move(check=check, action="decide", user=coordinator, verdicts={1: (MET, "ok")})
    assert error.value.code == "verdicts_missing"
    with pytest.raises(ValidationError) as error:
        workflow.check_move(check=check, action="decide", user=coordinator,
                            verdicts={n: (MET, "") for n in range(1, 5)})
    assert error.value.code == "reasoning_missing"
    check.refresh_from_db()
    assert check.status == Status.SUBMITTED
    assert set(check.assessments.values_list("verdict", flat=True)) == {"pending"}


def test_asking_for_information_needs_a_question(parties):
    enterprise, _, coordinator = parties
    check = make_check(enterprise, Status.SUBMITTED)
    with pytest.raises(ValidationError):
        workflow.check_move(check=check, action="request_info", user=coordinator, comment="  ")


def test_no_email_when_the_transaction_rolls_back(parties, django_capture_on_commit_callbacks):
    from django.db import transaction

    enterprise, representative, _ = parties
    check = make_check(enterprise, Status.DRAFT)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        try:
            with transaction.atomic():
                workflow.check_move(check=check, action="submit", user=representative)
                raise RuntimeError("something later failed")
        except RuntimeError:
            pass
    assert callbacks == []
    assert mail.outbox == []
    check.refresh_from_db()
    assert check.status == Status.DRAFT
