"""The saved views' part of a person's data download and account deletion.
``sotenas_portal.privacy`` runs it with the other apps' parts."""

from accounts.models import User
from accounts.personal_data import when

from .models import SavedView


def export_personal_data(user: User) -> dict:
    """The views the person saved, with their filters and who they are shared with."""
    views = SavedView.objects.filter(owner=user).select_related("department").order_by("created_at", "pk")
    return {
        "saved_views": [
            {
                "name": view.name,
                "list": view.list_key,
                "filters": view.query,
                "shared_with": view.department.name if view.department_id else None,
                "saved_at": when(view.created_at),
            }
            for view in views
        ],
    }


def erase_user(user: User) -> None:
    """The person's saved views go with them, the shared ones too."""
    SavedView.objects.filter(owner=user).delete()
