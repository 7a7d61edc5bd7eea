"""Pin a view's query count and prove it does not grow with the data."""

from typing import Callable

from django.db import connection
from django.test.utils import CaptureQueriesContext


def count_queries(fetch: Callable[[], object]) -> tuple[int, object]:
    with CaptureQueriesContext(connection) as captured:
        result = fetch()
    return len(captured), result


def assert_fixed_query_count(
    fetch: Callable[[], object],
    add_rows: Callable[[int], None],
    *,
    sizes: tuple[int, ...] = (10, 50),
    expected: int | None = None,
) -> int:
    """Grow the data to each size in turn (``add_rows(n)`` adds n rows), call
    ``fetch`` and require the same number of queries every time; with
    ``expected``, require exactly that number too."""
    counts = {}
    have = 0
    for size in sizes:
        add_rows(size - have)
        have = size
        counts[size], response = count_queries(fetch)
        status = getattr(response, "status_code", 200)
        assert status == 200, f"fetch answered {status} at {size} rows"
    assert len(set(counts.values())) == 1, f"query count grows with the data: {counts}"
    count = counts[sizes[0]]
    if expected is not None:
        assert count == expected, f"expected {expected} queries, got {count}"
    return count
