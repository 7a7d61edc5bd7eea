"""The transition table: every allowed move works and is recorded, every
other move is refused with the exact message and changes nothing."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from core.models import OutboundEmail
from support.constants import Outcome, RequestState
from support.models import RequestEvent, SupportRequest
from support.workflow import MOVES, available_moves, support_request_transition
from tests.factories import DepartmentFactory, UserFactory

pytestmark = pytest.mark.django_db

ALL_PAIRS = [(state, move) for state in RequestState.values for move in MOVES]
ALLOWED = [(state, move) for state, move in ALL_PAIRS if state in MOVES[move].sources]
REFUSED = [(state, move) for state, move in ALL_PAIRS if state not in MOVES[move].sources]


def actor_for(move: str, user_for):
    if move in ("submit", "withdraw"):
        return user_for("representative")
    if move == "assign":
        return user_for("coordinator")
    return user_for("official")


def data_for(move: str, department) -> dict:
    today = timezone.localdate()
    if move == "assign_handler":
        return {"handler": UserFactory(username="kollega", departments=[department])}
    return {
        "assign": {"department": department},
        "request_info": {"reply_by": today + timedelta(days=5)},
        "forward": {"forwarded_to": "Försäkringskassan", "forwarded_on": today},
        "record_answer": {"forward_answer": "De kan ta emot två personer.", "forward_answered_on": today},
        "decide": {"outcome": Outcome.PARTLY_GRANTED, "outcome_reason": "Rådgivning men inget bidrag."},
    }.get(move, {})


def snapshot(support_request: SupportRequest) -> dict:
    values = SupportRequest.objects.filter(pk=support_request.pk).values().get()
    values.pop("updated_at")
    return values


def test_the_table_covers_every_state():
    reachable = {move.target for move in MOVES.values()} | {RequestState.DRAFT}
    assert reachable == set(RequestState.values)
    assert len(ALLOWED) + len(REFUSED) == len(RequestState.values) * len(MOVES)


@pytest.mark.parametrize("state", RequestState.values)
def test_available_lists_exactly_the_moves_allowed_from_each_state(state):
    assert [move.name for move in MOVES.available(state)] == [move for s, move in ALLOWED if s == state]
    for move in MOVES:
        assert (MOVES.find(move, state) is not None) == ((state, move) in ALLOWED)


@pytest.mark.parametrize("role,expected", [
    ("official", ["assign_handler", "request_info", "forward", "decide"]),
    ("coordinator", ["assign"]),
    ("representative", ["withdraw"]),
])
def test_available_moves_are_those_the_user_may_make_now(role, expected, make_request, user_for):
    support_request = make_request("in_progress")
    assert [move.name for move in available_moves(user_for(role), support_request)] == expected


@pytest.mark.parametrize("state,move", ALLOWED, ids=[f"{s}-{m}" for s, m in ALLOWED])
def test_every_allowed_move_works(state, move, make_request, user_for, department,
                                  django_capture_on_commit_callbacks):
    support_request = make_request(state)
    actor = actor_for(move, user_for)
    with django_capture_on_commit_callbacks() as callbacks:
        result = support_request_transition(request_id=support_request.pk, move=move, actor=actor,
                                            comment="En kommentar.", data=data_for(move, department))
    support_request.refresh_from_db()
    assert result.state == support_request.state == MOVES[move].target
    event = RequestEvent.objects.get(request=support_request)
    assert (event.move, event.from_state, event.to_state, event.actor, event.comment) == (
        move, state, MOVES[move].target, actor, "En kommentar."
    )
    assert OutboundEmail.objects.exists(), "the emails are written with the change"
    assert len(callbacks) == OutboundEmail.objects.count(), "and sent after the commit"
    assert mail.outbox == []
    assert support_request.history.latest().history_change_reason == move


@pytest.mark.parametrize("state,move", REFUSED, ids=[f"{s}-{m}" for s, m in REFUSED])
def test_every_other_move_is_refused_with_the_exact_message(state, move, make_request, user_for, department,
                                                            django_capture_on_commit_callbacks):
    # In the official's department, so every actor passes the permission check.
    support_request = make_request(state, department=department)
    before = snapshot(support_request)
    with django_capture_on_commit_callbacks() as callbacks:
        with pytest.raises(ValidationError) as refused:
            support_request_transition(request_id=support_request.pk, move=move, actor=actor_for(move, user_for),
                                       comment="Försök.", data=data_for(move, department))
    assert refused.value.code == "move_not_allowed"
    assert refused.value.messages == [MOVES.refusal_message(MOVES[move], state)]
    assert snapshot(support_request) == before
    assert not RequestEvent.objects.filter(request=support_request).exists()
    assert callbacks == []
    assert not OutboundEmail.objects.exists()


def test_refusal_message_names_the_action_and_state():
    from django.utils import translation

    with translation.override("en"):
        assert MOVES.refusal_message(MOVES["decide"], RequestState.WAITING) == (
            "“Decide” is not possible while the status is “Waiting for the applicant”."
        )


def test_unknown_move_is_refused(make_request, user_for):
    support_request = make_request("in_progress")
    with pytest.raises(ValidationError) as refused:
        support_request_transition(request_id=support_request.pk, move="approve", actor=user_for("official"))
    assert refused.value.code == "unknown_move"


# Who may make a move -------------------------------------------------------------

WRONG_ACTORS = [
    ("submitted", "assign", "official"),
    ("submitted", "assign", "representative"),
    ("assigned", "start", "coordinator"),
    ("assigned", "start", "representative"),
    ("in_progress", "decide", "representative"),
    ("in_progress", "decide", "coordinator"),
    ("decided", "close", "representative"),
    ("in_progress", "withdraw", "official"),
    ("in_progress", "withdraw", "coordinator"),
    ("draft", "submit", "official"),
]


@pytest.mark.parametrize("state,move,role", WRONG_ACTORS)
def test_the_wrong_role_is_refused_and_nothing_changes(state, move, role, make_request, user_for, department):
    support_request = make_request(state)
    before = snapshot(support_request)
    with pytest.raises(PermissionDenied):
        support_request_transition(request_id=support_request.pk, move=move, actor=user_for(role),
                                   data=data_for(move, department))
    assert snapshot(support_request) == before


def test_an_official_of_another_department_may_not_handle(make_request):
    support_request = make_request("assigned")
    outsider = UserFactory(departments=[DepartmentFactory(name="Sektor omsorg")])
    with pytest.raises(PermissionDenied):
        support_request_transition(request_id=support_request.pk, move="start", actor=outsider)


def test_another_applicant_may_not_withdraw(make_request):
    support_request = make_request("submitted")
    with pytest.raises(PermissionDenied):
        support_request_transition(request_id=support_request.pk, move="withdraw", actor=UserFactory())


def test_the_applicant_may_resume_a_waiting_request(make_request, applicant):
    support_request = make_request("waiting")
    support_request_transition(request_id=support_request.pk, move="resume", actor=applicant)
    support_request.refresh_from_db()
    assert support_request.state == RequestState.IN_PROGRESS
    assert support_request.reply_by is None


# Bad data is refused with a message on the field, and changes nothing --------------

BAD_DATA = [
    ("in_progress", "decide", {"outcome": Outcome.GRANTED, "outcome_reason": ""}, "outcome_reason"),
    ("in_progress", "decide", {"outcome": "maybe", "outcome_reason": "Därför."}, "outcome"),
    ("in_progress", "request_info", {"reply_by": None}, "reply_by"),
    ("in_progress", "request_info", {"reply_by": timezone.localdate()}, "reply_by"),
    ("in_progress", "forward", {"forwarded_to": "", "forwarded_on": timezone.localdate()}, "forwarded_to"),
    ("in_progress", "forward", {"forwarded_to": "Arbetsförmedlingen",
                                "forwarded_on": timezone.localdate() + timedelta(days=1)}, "forwarded_on"),
    ("forwarded", "record_answer", {"forward_answer": "Ja.",
                                    "forward_answered_on": timezone.localdate() - timedelta(days=30)},
     "forward_answered_on"),
    ("assigned", "start", {"decision_due": timezone.localdate() - timedelta(days=1)}, "decision_due"),
]


@pytest.mark.parametrize("state,move,data,field", BAD_DATA)
def test_bad_data_is_refused_on_its_field(state, move, data, field, make_request, user_for,
                                          django_capture_on_commit_callbacks):
    support_request = make_request(state)
    before = snapshot(support_request)
    with django_capture_on_commit_callbacks() as callbacks:
        with pytest.raises(ValidationError) as refused:
            support_request_transition(request_id=support_request.pk, move=move, actor=user_for("official"),
                                       comment="Kommentar", data=data)
    assert field in refused.value.message_dict
    assert snapshot(support_request) == before
    assert callbacks == []


def test_asking_for_information_needs_a_comment(make_request, user_for):
    support_request = make_request("in_progress")
    with pytest.raises(ValidationError) as refused:
        support_request_transition(request_id=support_request.pk, move="request_info", actor=user_for("official"),
                                   data={"reply_by": timezone.localdate() + timedelta(days=3)})
    assert "comment" in refused.value.message_dict


def test_assigning_a_handler_from_another_department_is_refused(make_request, user_for, department):
    support_request = make_request("submitted")
    outsider = UserFactory(departments=[DepartmentFactory(name="Sektor omsorg")])
    with pytest.raises(ValidationError) as refused:
        support_request_transition(request_id=support_request.pk, move="assign", actor=user_for("coordinator"),
                                   data={"department": department, "handler": outsider})
    assert "handler" in refused.value.message_dict
    support_request.refresh_from_db()
    assert support_request.state == RequestState.SUBMITTED


def test_assigning_to_an_inactive_department_is_refused(make_request, user_for):
    support_request = make_request("submitted")
    closed = DepartmentFactory(name="Nedlagd sektor", is_active=False)
    with pytest.raises(ValidationError) as refused:
        support_request_transition(request_id=support_request.pk, move="assign", actor=user_for("coordinator"),
                                   data={"department": closed})
    assert "department" in refused.value.message_dict


def test_assign_with_a_handler_and_start_takes_the_first_response(make_request, user_for, department):
    official = user_for("official")
    support_request = make_request("submitted", department=None)
    support_request_transition(request_id=support_request.pk, move="assign", actor=user_for("coordinator"),
                               data={"department": department, "handler": official})
    support_request.refresh_from_db()
    assert (support_request.department, support_request.handler) == (department, official)
    assert support_request.first_response_at is None, "triage is not an answer"
    support_request_transition(request_id=support_request.pk, move="start", actor=official)
    support_request.refresh_from_db()
    assert support_request.first_response_at is not None


def test_start_without_a_handler_makes_the_official_the_handler(make_request, user_for):
    support_request = make_request("assigned")
    support_request_transition(request_id=support_request.pk, move="start", actor=user_for("official"))
    support_request.refresh_from_db()
    assert support_request.handler == user_for("official")


def test_decide_and_close_record_when(make_request, user_for):
    support_request = make_request("in_progress")
    official = user_for("official")
    support_request_transition(request_id=support_request.pk, move="decide", actor=official,
                               data={"outcome": Outcome.DECLINED, "outcome_reason": "Ingen budget i år."})
    support_request_transition(request_id=support_request.pk, move="close", actor=official)
    support_request.refresh_from_db()
    assert support_request.outcome == Outcome.DECLINED
    assert support_request.decided_at is not None and support_request.ended_at is not None
    assert list(support_request.events.values_list("move", flat=True)) == ["decide", "close"]
