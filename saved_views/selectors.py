"""Reads: the saved views a user sees, and their live counts.

The live counts of any number of views take a fixed number of queries: the
views (one), per list the values of its model choice filters (one per such
field, ``ModelChoiceCache``), the reporting rounds the views refer to (one,
and one more for the latest round when a round is gone) and every count at
once (one query of scalar COUNT subqueries)."""

from dataclasses import dataclass, field

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import Q, QuerySet
from django.http import QueryDict
from django.utils import timezone

from .choice_cache import ModelChoiceCache
from .lists import WORK_LISTS, latest_round
from .models import SavedView
from .query_check import CheckedQuery, check_query
from .rules import shared_department_ids


def visible_views(user) -> QuerySet[SavedView]:
    """The user's own views and those shared with their active departments,
    of every list (the caller keeps those of lists the user may see)."""
    if not user.is_authenticated:
        return SavedView.objects.none()
    shared = Q(department_id__in=shared_department_ids(user), department__is_active=True)
    return (SavedView.objects.filter(Q(owner=user) | shared)
            .select_related("owner", "department")
            .order_by("list_key", "name", "pk"))


def views_of_visible_lists(user) -> list[SavedView]:
    return [view for view in visible_views(user) if WORK_LISTS[view.list_key].may_see(user)]


@dataclass
class OpenedView:
    """A saved view as it opens today: its list's object, its checked query
    and where that leads."""

    saved_view: SavedView
    checked: CheckedQuery
    obj: object = None  # the list's object (the round), or None
    object_gone: bool = False  # the saved object no longer exists (``obj`` is the stand-in, if any)
    count: int | None = None
    querysets: list = field(default_factory=list)

    @property
    def work_list(self):
        return WORK_LISTS[self.saved_view.list_key]

    @property
    def url(self) -> str | None:
        if self.work_list.object_model and self.obj is None:
            return None
        query = self.checked.query_string
        return self.work_list.url(self.obj) + (f"?{query}" if query else "")


def open_views(user, saved_views: list[SavedView]) -> list[OpenedView]:
    """Check each view's query against its list's form (the same batch of
    forms per list shares one lookup per model choice field)."""
    rounds_wanted = {view.object_id for view in saved_views if WORK_LISTS[view.list_key].object_model}
    objects, fallback = {}, None
    if rounds_wanted:
        model = next(WORK_LISTS[v.list_key].object_model for v in saved_views if WORK_LISTS[v.list_key].object_model)
        objects = model.objects.in_bulk(rounds_wanted)
        if rounds_wanted - set(objects):
            fallback = latest_round()
    caches = {}
    for key in {view.list_key for view in saved_views}:
        batch = [WORK_LISTS[key].form(user, QueryDict(view.query)) for view in saved_views if view.list_key == key]
        caches[key] = ModelChoiceCache(batch)
    opened = []
    for view in saved_views:
        work_list = WORK_LISTS[view.list_key]
        checked = check_query(work_list, user, view.query, labels=view.labels, prepare=caches[view.list_key].install)
        obj, gone = None, False
        if work_list.object_model:
            obj = objects.get(view.object_id)
            gone = obj is None
            obj = obj or fallback
        opened.append(OpenedView(view, checked, obj, gone))
    return opened


def count_rows(querysets_by_key: dict) -> dict:
    """``{key: [queryset, ...]}`` -> ``{key: total of their counts}``, in one query."""
    parts, params, slots = [], [], []
    for key, querysets in querysets_by_key.items():
        for queryset in querysets:
            try:
                sql, sql_params = queryset.order_by().values("pk").query.sql_with_params()
            except EmptyResultSet:
                continue
            parts.append(f"(SELECT COUNT(*) FROM ({sql}) counted_{len(parts)})")
            params.extend(sql_params)
            slots.append(key)
    totals = dict.fromkeys(querysets_by_key, 0)
    if parts:
        with connection.cursor() as cursor:
            cursor.execute("SELECT " + ", ".join(parts), params)
            for key, count in zip(slots, cursor.fetchone(), strict=True):
                totals[key] += count
    return totals


def views_with_counts(user) -> list[OpenedView]:
    """The user's own and shared views, each with the number of rows its list would show."""
    opened = open_views(user, views_of_visible_lists(user))
    today = timezone.localdate()
    for item in opened:
        item.querysets = item.work_list.rows(user, item.checked.form.filters(), item.obj, today)
    counts = count_rows({item.saved_view.pk: item.querysets for item in opened})
    for item in opened:
        item.count = counts[item.saved_view.pk]
    return opened
