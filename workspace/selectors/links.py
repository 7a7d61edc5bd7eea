"""Links to a list with its filters in the query string."""

from django.urls import reverse
from django.utils.http import urlencode


def with_query(name: str, *, anchor: str = "", **params) -> str:
    url = reverse(name)
    if params:
        url += "?" + urlencode(params)
    return url + (f"#{anchor}" if anchor else "")
