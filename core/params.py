"""Reading numbers from query strings without tripping over hostile input.

``str.isdigit()`` accepts characters such as "²" and "١" that ``int()``
refuses, ``int()`` refuses more than 4,300 digits, and a number past the
database's integer range fails the query: all were server errors before."""

DATABASE_INT_MAX = 2**31 - 1


def whole_number(raw, *, maximum: int = DATABASE_INT_MAX) -> int | None:
    """``raw`` as a whole number from 0 to ``maximum``, or None."""
    if not isinstance(raw, str) or not raw or not raw.isascii() or not raw.isdigit():
        return None
    if len(raw.lstrip("0")) > len(str(maximum)):
        return None  # int() refuses strings past 4,300 digits; no need to try
    value = int(raw)
    return value if value <= maximum else None
