"""The one workflow engine: a move, a table of moves keyed by name, and the
refusal every app gives for a move its table does not allow.

An app declares its table once::

    MOVES = Workflow(RequestState, [
        Move("submit", {S.DRAFT}, S.SUBMITTED, "support.act_as_applicant", _("Submit")),
        ...
    ])

and asks it ``MOVES.available(state)``, ``MOVES.find(name, state)`` or
``MOVES.get_or_refuse(name, state)``. An app that needs flags of its own on
a move (does it need a comment, does it send an email) subclasses ``Move``
with more dataclass fields, each with a default. The engine knows no domain:
the app's service still locks the row, checks permissions and applies the
move's effects.
"""

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db.models import Choices
from django.utils.functional import Promise
from django.utils.translation import gettext

# The ValidationError codes of the two refusals.
MOVE_NOT_ALLOWED = "move_not_allowed"
UNKNOWN_MOVE = "unknown_move"


@dataclass(frozen=True)
class Move:
    """One named move: from any of ``sources`` to ``target``, for a user
    who has ``permission`` (asked with the moved object, or the object it
    belongs to, as the rule's object). ``label`` names the move to people."""

    name: str
    sources: frozenset
    target: str
    permission: str
    label: str | Promise

    def __post_init__(self):
        # A table may write the sources as any collection; the move keeps a frozenset.
        object.__setattr__(self, "sources", frozenset(self.sources))

    def allowed_from(self, state: str) -> bool:
        return state in self.sources


def refusal_message(move: Move, state_label: str) -> str:
    """The one message for a move that the table does not allow now."""
    return gettext("“%(action)s” is not possible while the status is “%(state)s”.") % {
        "action": move.label,
        "state": state_label,
    }


class Workflow(Mapping):
    """A table of moves keyed by move name, over the states of ``states``
    (a Django choices class, used for the labels in refusals)."""

    def __init__(self, states: type[Choices], moves: Iterable[Move]):
        self.states = states
        self._moves: dict[str, Move] = {}
        for move in moves:
            if move.name in self._moves:
                raise ValueError(f"Two moves are named {move.name!r}.")
            unknown = (move.sources | {move.target}) - set(states.values)
            if unknown:
                raise ValueError(f"The move {move.name!r} names unknown states: {sorted(unknown)}.")
            self._moves[move.name] = move

    # A read-only mapping of name -> Move.
    def __getitem__(self, name: str) -> Move:
        return self._moves[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._moves)

    def __len__(self) -> int:
        return len(self._moves)

    def available(self, state: str) -> list[Move]:
        """The moves that may be made from ``state``, in table order."""
        return [move for move in self._moves.values() if move.allowed_from(state)]

    def find(self, name: str, state: str) -> Move | None:
        """The move ``name`` if it may be made from ``state``, else None."""
        move = self._moves.get(name)
        return move if move is not None and move.allowed_from(state) else None

    def named(self, name: str) -> Move:
        """The move ``name``; a name the table does not know is refused."""
        move = self._moves.get(name)
        if move is None:
            raise ValidationError(gettext("Unknown action."), code=UNKNOWN_MOVE)
        return move

    def refusal_message(self, move: Move, state: str) -> str:
        return refusal_message(move, self.states(state).label)

    def refuse_unless_allowed(self, move: Move, state: str) -> None:
        """Raise the shared refusal unless ``move`` may be made from ``state``."""
        if not move.allowed_from(state):
            raise ValidationError(self.refusal_message(move, state), code=MOVE_NOT_ALLOWED)

    def get_or_refuse(self, name: str, state: str) -> Move:
        """The move ``name`` from ``state``, or a ValidationError: ``unknown_move``
        for a name the table does not know, ``move_not_allowed`` with the shared
        message for a move not allowed from ``state``."""
        move = self.named(name)
        self.refuse_unless_allowed(move, state)
        return move
