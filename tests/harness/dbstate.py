"""The stored state of the database, to prove that a refused or rejected
request changed nothing."""

from django.apps import apps
from django.core import serializers

PROJECT_APPS = ("core", "accounts", "enterprises", "support", "policy_reports")
# Written by the machinery of a request, not by the user's input.
VOLATILE_FIELDS = {"last_login"}


def snapshot(*objects) -> list[dict]:
    """The stored state of ``objects`` (re-read from the database)."""
    rows = []
    for obj in objects:
        fresh = type(obj)._default_manager.filter(pk=obj.pk)
        for row in serializers.serialize("python", fresh):
            rows.append({k: v for k, v in row["fields"].items() if k not in VOLATILE_FIELDS} | {"pk": row["pk"]})
    return rows


def database_state() -> dict[str, list]:
    """Every row of the project's own tables, for "nothing changed"."""
    state = {}
    for label in PROJECT_APPS:
        for model in apps.get_app_config(label).get_models():
            rows = serializers.serialize("python", model._default_manager.order_by("pk"))
            state[model._meta.label] = [
                ({k: v for k, v in row["fields"].items() if k not in VOLATILE_FIELDS}, row["pk"]) for row in rows
            ]
    return state
