"""What "Mitt arbete" shows: per role a section of items, each a count (or
a state) with a link to the list it counts and what happens next."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Action:
    label: str
    url: str


@dataclass(frozen=True)
class Entry:
    """One row under an item: an enterprise, a request, a draft, a state."""

    title: str
    url: str = ""
    note: str = ""
    # The number of rows the linked list shows, where the entry counts something.
    count: int | None = None
    actions: tuple[Action, ...] = ()
    needs_attention: bool = False


@dataclass(frozen=True)
class Item:
    key: str
    label: str  # the link text, with the count in it
    next_step: str  # what happens next, or what the user can do
    url: str = ""
    # The number of rows the linked list shows; None for a state (a report, beat's last run).
    count: int | None = None
    detail: str = ""
    entries: tuple[Entry, ...] = ()
    needs_attention: bool = False


@dataclass(frozen=True)
class Section:
    key: str  # the role
    title: str
    items: tuple[Item, ...]
    # Links to start something new (the representative's next steps).
    actions: tuple[Action, ...] = ()
    # Rendered by its own template tag (the official's saved views).
    saved_views: bool = False
    intro: str = ""

    @property
    def needs_attention(self) -> bool:
        return any(item.needs_attention for item in self.items)

