"""Hostile input for the property-based tests: what an attacker, a broken
client or a careless paste sends. Every strategy yields values the Django
test client can encode (no lone surrogates)."""

import os

from hypothesis import strategies as st

# FUZZ_SCALE=10 multiplies every property test's examples for a deeper run
# by hand; CI runs the default, sized to take well under two minutes.
FUZZ_SCALE = int(os.environ.get("FUZZ_SCALE", "1"))
# CI replays the same examples every run; a deeper run explores new ones.
DERANDOMIZE = FUZZ_SCALE == 1


def examples(n: int) -> int:
    return n * FUZZ_SCALE

# Fragments worth trying on every field; Hypothesis also explores around them.
FRAGMENTS = (
    "",
    " ",
    "\x00",
    "a\x00b",
    "%00",
    "\x1b[31m",
    "\r\n\t",
    "\u202e\u200b",
    "'",
    "' OR '1'='1",
    "1; DROP TABLE accounts_user; --",
    "\") UNION SELECT password FROM accounts_user --",
    "<script>alert(1)</script>",
    "\"><svg onload=alert(1)>",
    "javascript:alert(1)",
    "{{ 7*7 }}{% debug %}",
    "%(password)s %s %d",
    "../../../../etc/passwd",
    "$(id)",
    "-1",
    "0",
    "-0",
    "1e309",
    "NaN",
    "Infinity",
    "99999999999999999999999999",
    "-99999999999999999999999999",
    "²",
    "١٢٣",
    "0x1F",
    "1.5",
    "2026-02-30",
    "2026-13-01",
    "0000-00-00",
    "9999-12-31",
    "-2026-01-01",
    "31/12/2026",
    "true",
    "None",
    "null",
    "[]",
    "{}",
    "on",
    "🙂" * 3,
    "Ärendeföljd åäö ÅÄÖ",
)


def long_strings() -> st.SearchStrategy[str]:
    return st.builds(lambda piece, n: piece * n, st.sampled_from(["a", "å", "<", "9", "\x00", "'"]),
                     st.integers(min_value=300, max_value=12_000))


def control_strings() -> st.SearchStrategy[str]:
    return st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x1F), min_size=1, max_size=8)


def hostile_text() -> st.SearchStrategy[str]:
    return st.one_of(
        st.sampled_from(FRAGMENTS),
        st.text(max_size=40),
        control_strings(),
        long_strings(),
        st.integers(min_value=-(10**30), max_value=10**30).map(str),
        st.floats().map(str),
        st.dates().map(lambda d: d.isoformat()),
        st.lists(st.sampled_from(FRAGMENTS), min_size=2, max_size=4).map("".join),
    )


def hostile_value() -> st.SearchStrategy:
    """A single value or several (a repeated parameter)."""
    return st.one_of(hostile_text(), st.lists(hostile_text(), min_size=2, max_size=3))


def hostile_params(names) -> st.SearchStrategy[dict]:
    """Some of ``names`` (and sometimes a stray one) with hostile values."""
    names = sorted(set(names)) or ["q"]
    known = st.dictionaries(st.sampled_from(names), hostile_value(), max_size=len(names))
    stray = st.dictionaries(st.sampled_from(["page", "format", "lang", "ordering", "id", "pk", "next"]),
                            hostile_value(), max_size=2)
    return st.builds(lambda a, b: {**b, **a}, known, stray)
