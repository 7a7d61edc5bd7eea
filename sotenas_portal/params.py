"""Reading numbers from query strings without tripping over hostile input.

``str.isdigit()`` accepts characters such as "²" and "١" that ``int()``
refuses, and a number past the database's integer range fails the query on
PostgreSQL: both became server errors before this helper."""

DATABASE_INT_MAX = 2**31 - 1


def whole_number(raw, *, maximum: int = DATABASE_INT_MAX) -> int | None:
    """``raw`` as a whole number from 0 to ``maximum``, or None."""
    if not isinstance(raw, str) or not raw or not raw.isascii() or not raw.isdigit():
        return None
    value = int(raw)
    return value if value <= maximum else None
