"""What the parts of the data set share while it is made: the cursor, the
one random source, the anchor day and sizes, the digest and row count of
every table, and the ids one part makes for the next."""

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from .copier import Copier


@dataclass
class Build:
    cursor: object
    rng: random.Random
    today: date
    sizes: dict[str, int]
    log: Callable[[str], None]
    digests: dict[str, str] = field(default_factory=dict)
    rows: dict[str, int] = field(default_factory=dict)
    # Made by one part, read by the later ones.
    officials_of: dict[int, list[int]] = field(default_factory=dict)
    official_ids: list[int] = field(default_factory=list)
    representative_ids: range = range(0)
    published_ids: list[int] = field(default_factory=list)
    expired_checks: list[tuple[int, date]] = field(default_factory=list)
    ended_agreements: list[tuple[int, int, date]] = field(default_factory=list)
    late_reports: list[tuple[int, int]] = field(default_factory=list)

    def copier(self, key: str, model, fields: list[str]) -> Copier:
        return Copier(self.cursor, model, fields, key=key)

    def close(self, *copiers: Copier) -> None:
        for c in copiers:
            self.digests[c.key] = c.close()
            self.rows[c.key] = c.count
