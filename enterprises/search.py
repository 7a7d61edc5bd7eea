"""Registry search: Swedish full-text search on PostgreSQL, a plain
substring fallback elsewhere.

Snowball's Swedish stemmer removes inflections (städer → städ) but not
derivational endings (städning stays städning), so each word is also tried
as a prefix of its root: "städning" finds "Städ", "städ" finds "städning".
"""

import re

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import F, Q, QuerySet

MAX_WORDS = 8
MAX_WORD_LENGTH = 40
DERIVATIONAL_ENDINGS = ("ningarna", "ningar", "ningen", "ning", "andet", "ande", "heten", "het", "else")
MIN_ROOT = 3


def words_of(text: str) -> list[str]:
    """Letters and digits only: nothing of the query reaches SQL as syntax."""
    return [w[:MAX_WORD_LENGTH] for w in re.findall(r"\w+", (text or "").lower())][:MAX_WORDS]


def root_of(word: str) -> str:
    for ending in DERIVATIONAL_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_ROOT:
            return word[: -len(ending)]
    return word


def apply_search(queryset: QuerySet, text: str) -> tuple[QuerySet, bool]:
    """Filter by the search text; returns the queryset and whether it is
    annotated with a ``rank`` to sort by."""
    words = words_of(text)
    if not words:
        return queryset, False
    if connection.vendor == "postgresql":
        raw = " & ".join(f"({word} | {root_of(word)}:*)" for word in words)
        query = SearchQuery(raw, search_type="raw", config="swedish")
        # The stored vector (a trigger keeps it in step with search_document;
        # GIN-indexed): neither the filter nor the rank parses documents.
        matched = queryset.filter(search_vector=query)
        return matched.annotate(rank=SearchRank(F("search_vector"), query)), True
    # The document is stored in lower case, so å, ä and ö match without
    # SQLite's ASCII-only case folding.
    condition = Q()
    for word in words:
        condition &= Q(search_document__contains=root_of(word))
    return queryset.filter(condition), False
