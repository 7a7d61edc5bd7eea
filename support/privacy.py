"""The support part of a person's data download and account deletion: their
support requests and the messages they wrote on other people's requests.
``sotenas_portal.privacy`` runs it with the other apps' parts.

The applicant's own requests come with their decisions and the messages to
the applicant, which are part of their case; internal notes are the
municipality's working material and never included.
"""

from django.utils.translation import gettext as _

from accounts.deletion import Blocker
from accounts.models import User
from accounts.personal_data import when

from .constants import ENDED_STATES, OPEN_STATES, RequestState
from .models import Message, SupportRequest


def _support_requests(user: User) -> list[dict]:
    requests = (
        SupportRequest.objects.filter(applicant=user)
        .select_related("kind", "enterprise", "department")
        .prefetch_related("messages", "events", "attachments")
        .order_by("created_at", "pk")
    )
    return [
        {
            "reference": r.reference,
            "kind": r.kind.name,
            "enterprise": r.enterprise.name if r.enterprise_id else None,
            "subject": r.subject,
            "description": r.description,
            "hoped_outcome": r.hoped_outcome,
            "state": r.state,
            "department": r.department.name if r.department_id else None,
            "submitted_at": when(r.submitted_at),
            "outcome": r.outcome,
            "outcome_reason": r.outcome_reason,
            "decided_at": when(r.decided_at),
            "ended_at": when(r.ended_at),
            "personal_content_removed_at": when(r.anonymised_at),
            # The conversation the applicant can see.
            "messages": [
                {"written_by_you": m.author_id == user.pk, "sent_at": when(m.created_at), "text": m.body}
                for m in r.messages.all() if not m.is_internal
            ],
            "events": [
                {"state": e.to_state, "at": when(e.created_at), "by_you": e.actor_id == user.pk,
                 "comment": e.comment}
                for e in r.events.all()
            ],
        }
        for r in requests
    ]


def _messages_written(user: User) -> list[dict]:
    """Messages and notes the user wrote on requests that are not their own
    (an official's side of a conversation)."""
    rows = (
        Message.objects.filter(author=user).exclude(request__applicant=user)
        .select_related("request").order_by("created_at", "pk")
    )
    return [
        {"request": m.request.reference, "sent_at": when(m.created_at), "internal_note": m.is_internal,
         "text": m.body}
        for m in rows
    ]


def export_personal_data(user: User) -> dict:
    return {
        "support_requests": _support_requests(user),
        "messages_written_on_other_requests": _messages_written(user),
    }


def erasure_blockers(*, user: User) -> list[Blocker]:
    """Support requests still being handled: the department would be left
    answering someone who no longer exists. The applicant withdraws them (or
    waits for the decision) first."""
    open_references = list(
        SupportRequest.objects.filter(applicant=user, state__in=OPEN_STATES)
        .order_by("reference")
        .values_list("reference", flat=True)
    )
    if not open_references:
        return []
    return [Blocker("open_requests", _(
        "You have support requests that are still being handled (%(references)s). Withdraw them, or wait "
        "until they are closed, before you delete your account."
    ) % {"references": ", ".join(open_references)})]


def erase_user(user: User) -> None:
    # Unsent drafts are the person's own, never a record of the municipality.
    SupportRequest.objects.filter(applicant=user, state=RequestState.DRAFT).delete()
    # Requests still being handled go back to their department's queue.
    SupportRequest.objects.filter(handler=user).exclude(state__in=ENDED_STATES).update(handler=None)
