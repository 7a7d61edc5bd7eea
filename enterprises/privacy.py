"""The enterprises part of a person's data download and account deletion:
the enterprises they represent. ``sotenas_portal.privacy`` runs it with the
other apps' parts."""

from accounts.models import User
from accounts.personal_data import when

from .models import Representation


def export_personal_data(user: User) -> dict:
    """The enterprises the person represents, with what they wrote when claiming one."""
    rows = Representation.objects.filter(user=user).select_related("enterprise").order_by("created_at", "pk")
    return {
        "enterprises_represented": [
            {
                "enterprise": r.enterprise.name,
                "organisation_number": r.enterprise.organisation_number_display,
                "status": r.status,
                "message": r.message,
                "since": when(r.created_at),
            }
            for r in rows
        ],
    }


def erase_user(user: User) -> None:
    """Remove the person's links to enterprises."""
    # What the person wrote when claiming an enterprise goes with the link.
    Representation.history.filter(user_id=user.pk).update(message="")
    Representation.objects.filter(user=user).delete()
