"""The workflow engine on a small table of its own: what a table lists and
finds for every (state, move) pair, the one refusal, and the table's checks
of itself."""

from dataclasses import FrozenInstanceError, dataclass

import pytest
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import translation

from core.workflow import MOVE_NOT_ALLOWED, UNKNOWN_MOVE, Move, Workflow, refusal_message


class Door(models.TextChoices):
    OPEN = "open", "Open"
    CLOSED = "closed", "Closed"
    LOCKED = "locked", "Locked"


@dataclass(frozen=True)
class DoorMove(Move):
    needs_key: bool = False


DOOR = Workflow(Door, [
    DoorMove("close", {Door.OPEN}, Door.CLOSED, "door.use", "Close"),
    DoorMove("open", {Door.CLOSED}, Door.OPEN, "door.use", "Open"),
    DoorMove("lock", [Door.CLOSED], Door.LOCKED, "door.lock", "Lock", needs_key=True),
    DoorMove("unlock", (Door.LOCKED,), Door.CLOSED, "door.lock", "Unlock", needs_key=True),
])
ALLOWED = {(Door.OPEN, "close"), (Door.CLOSED, "open"), (Door.CLOSED, "lock"), (Door.LOCKED, "unlock")}
PAIRS = [(state, name) for state in Door.values for name in ["close", "open", "lock", "unlock"]]


def test_the_table_is_keyed_by_move_name_in_table_order():
    assert list(DOOR) == ["close", "open", "lock", "unlock"]
    assert len(DOOR) == 4
    assert DOOR["lock"].target == Door.LOCKED
    assert DOOR.get("kick") is None
    assert "unlock" in DOOR and "kick" not in DOOR


def test_sources_are_kept_as_a_frozenset_whatever_the_table_wrote():
    assert all(isinstance(move.sources, frozenset) for move in DOOR.values())
    assert DOOR["lock"].sources == {Door.CLOSED}


def test_a_move_is_frozen_and_carries_the_apps_own_fields():
    assert DOOR["lock"].needs_key and not DOOR["open"].needs_key
    with pytest.raises(FrozenInstanceError):
        DOOR["open"].target = Door.LOCKED


@pytest.mark.parametrize("state", Door.values)
def test_available_lists_the_moves_from_a_state_in_table_order(state):
    expected = [name for name in DOOR if (state, name) in ALLOWED]
    assert [move.name for move in DOOR.available(state)] == expected


@pytest.mark.parametrize("state,name", PAIRS)
def test_find_and_get_or_refuse_agree_with_the_table_for_every_pair(state, name):
    if (state, name) in ALLOWED:
        assert DOOR.find(name, state) is DOOR[name]
        assert DOOR.get_or_refuse(name, state) is DOOR[name]
    else:
        assert DOOR.find(name, state) is None
        with pytest.raises(ValidationError) as refused:
            DOOR.get_or_refuse(name, state)
        assert refused.value.code == MOVE_NOT_ALLOWED
        assert refused.value.messages == [DOOR.refusal_message(DOOR[name], state)]


def test_the_refusal_names_the_move_and_the_states_label():
    with translation.override("en"):
        assert DOOR.refusal_message(DOOR["open"], Door.LOCKED) == "“Open” is not possible while the status is “Locked”."
        assert refusal_message(DOOR["lock"], "Open") == "“Lock” is not possible while the status is “Open”."


def test_an_unknown_name_is_refused_as_unknown():
    assert DOOR.find("kick", Door.OPEN) is None
    for call in (lambda: DOOR.named("kick"), lambda: DOOR.get_or_refuse("kick", Door.OPEN)):
        with pytest.raises(ValidationError) as refused:
            call()
        assert refused.value.code == UNKNOWN_MOVE


def test_refuse_unless_allowed_passes_an_allowed_move():
    DOOR.refuse_unless_allowed(DOOR["open"], Door.CLOSED)
    with pytest.raises(ValidationError):
        DOOR.refuse_unless_allowed(DOOR["open"], Door.OPEN)


def test_a_table_refuses_two_moves_of_one_name():
    with pytest.raises(ValueError, match="Two moves are named 'open'"):
        Workflow(Door, [Move("open", {Door.CLOSED}, Door.OPEN, "p", "Open"),
                        Move("open", {Door.LOCKED}, Door.OPEN, "p", "Open")])


def test_a_table_refuses_a_state_its_choices_do_not_have():
    with pytest.raises(ValueError, match="ajar"):
        Workflow(Door, [Move("push", {Door.CLOSED}, "ajar", "p", "Push")])
