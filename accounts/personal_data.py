"""Everything the portal holds about one person, for their own download
(GDPR art. 15 and 20): ``data.json`` plus the files they uploaded, in a ZIP.

Each section selects by the user's own id, username or email address only,
so another person's data can never end up in the archive; texts other
people wrote are left out, except the applicant's own support requests,
whose decisions and messages to the applicant are part of their case.
"""

import json
import tempfile
import zipfile
from pathlib import PurePosixPath

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.apps import apps
from django.db.models import Q
from django.utils import timezone
from django.utils.text import get_valid_filename

from core.models import OutboundEmail, StoredFile

from .models import User

FORMAT_VERSION = 1


def _when(value):
    return value.isoformat() if value else None


def _account(user: User) -> dict:
    return {
        "username": user.username,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "preferred_language": user.preferred_language,
        "support_email_delivery": user.support_email_delivery,
        "is_policy_coordinator": user.is_policy_coordinator,
        "is_system_administrator": user.is_superuser,
        "date_joined": _when(user.date_joined),
        "last_login": _when(user.last_login),
    }


def _memberships(user: User) -> list[dict]:
    return [
        {"department": m.department.name, "since": _when(m.created_at)}
        for m in user.memberships.select_related("department").order_by("created_at", "pk")
    ]


def _representations(user: User) -> list[dict]:
    from enterprises.models import Representation

    rows = Representation.objects.filter(user=user).select_related("enterprise").order_by("created_at", "pk")
    return [
        {
            "enterprise": r.enterprise.name,
            "organisation_number": r.enterprise.organisation_number_display,
            "status": r.status,
            "message": r.message,
            "since": _when(r.created_at),
        }
        for r in rows
    ]


def _support_requests(user: User) -> list[dict]:
    from support.models import SupportRequest

    requests = (
        SupportRequest.objects.filter(applicant=user)
        .select_related("kind", "enterprise", "department")
        .prefetch_related("messages", "events", "attachments")
        .order_by("created_at", "pk")
    )
    result = []
    for r in requests:
        result.append({
            "reference": r.reference,
            "kind": r.kind.name,
            "enterprise": r.enterprise.name if r.enterprise_id else None,
            "subject": r.subject,
            "description": r.description,
            "hoped_outcome": r.hoped_outcome,
            "state": r.state,
            "department": r.department.name if r.department_id else None,
            "submitted_at": _when(r.submitted_at),
            "outcome": r.outcome,
            "outcome_reason": r.outcome_reason,
            "decided_at": _when(r.decided_at),
            "ended_at": _when(r.ended_at),
            "personal_content_removed_at": _when(r.anonymised_at),
            # The conversation the applicant can see; internal notes are the
            # municipality's working material and never shown to them.
            "messages": [
                {"written_by_you": m.author_id == user.pk, "sent_at": _when(m.created_at), "text": m.body}
                for m in r.messages.all() if not m.is_internal
            ],
            "events": [
                {"state": e.to_state, "at": _when(e.created_at), "by_you": e.actor_id == user.pk,
                 "comment": e.comment}
                for e in r.events.all()
            ],
        })
    return result


def _messages_written(user: User) -> list[dict]:
    """Messages and notes the user wrote on requests that are not their own
    (an official's side of a conversation)."""
    from support.models import Message

    rows = (
        Message.objects.filter(author=user).exclude(request__applicant=user)
        .select_related("request").order_by("created_at", "pk")
    )
    return [
        {"request": m.request.reference, "sent_at": _when(m.created_at), "internal_note": m.is_internal,
         "text": m.body}
        for m in rows
    ]


def _emails(user: User) -> list[dict]:
    addressed = Q(user=user)
    if user.email:
        addressed |= Q(recipient__iexact=user.email)
    return [
        {"to": e.recipient, "subject": e.subject, "text": e.body, "status": e.status,
         "created_at": _when(e.created_at), "sent_at": _when(e.sent_at)}
        for e in OutboundEmail.objects.filter(addressed).order_by("created_at", "pk")
    ]


def _login_records(user: User) -> list[dict]:
    records = []
    for model, kind, time_field in ((AccessAttempt, "failed_attempts", "attempt_time"),
                                    (AccessFailureLog, "failure", "attempt_time"),
                                    (AccessLog, "sign_in", "attempt_time")):
        for row in model.objects.filter(username=user.username).order_by(time_field):
            records.append({"kind": kind, "at": _when(getattr(row, time_field)), "ip_address": row.ip_address,
                            "user_agent": row.user_agent})
    return records


def history_models() -> list:
    """The django-simple-history models of every tracked model."""
    return [model for model in apps.get_models() if hasattr(model, "instance_type") and hasattr(model, "history_user")]


def _history(user: User) -> list[dict]:
    """Changes the user made (who, when, to what), not the changed data itself."""
    rows = []
    for model in history_models():
        for record in model.objects.filter(history_user=user).order_by("history_date"):
            rows.append({
                "what": str(model.instance_type._meta.verbose_name),
                "object_id": getattr(record, model.instance_type._meta.pk.attname),
                "change": {"+": "created", "~": "changed", "-": "deleted"}.get(record.history_type, ""),
                "at": _when(record.history_date),
                "reason": record.history_change_reason or "",
            })
    rows.sort(key=lambda row: row["at"])
    return rows


def uploaded_files(user: User) -> list[StoredFile]:
    files = []
    for model in apps.get_models():
        if issubclass(model, StoredFile):
            files.extend(model.objects.filter(uploaded_by=user).order_by("uploaded_at", "pk"))
    return files


def _archive_name(stored: StoredFile) -> str:
    folder = stored._meta.model_name
    name = get_valid_filename(PurePosixPath(stored.original_name).name) or "file"
    return f"files/{folder}/{stored.pk}-{name}"


def collect(user: User) -> dict:
    files = uploaded_files(user)
    return {
        "format_version": FORMAT_VERSION,
        "exported_at": timezone.now().isoformat(),
        "account": _account(user),
        "memberships": _memberships(user),
        "enterprises_represented": _representations(user),
        "support_requests": _support_requests(user),
        "messages_written_on_other_requests": _messages_written(user),
        "emails": _emails(user),
        "sign_in_records": _login_records(user),
        "changes_made": _history(user),
        "uploaded_files": [
            {"name": f.original_name, "type": f.content_type, "size": f.size, "uploaded_at": _when(f.uploaded_at),
             "in_archive": _archive_name(f)}
            for f in files
        ],
    }


def personal_data_archive(user: User):
    """A ZIP on disk (a temporary file, rewound) with data.json and the files."""
    archive_file = tempfile.TemporaryFile()
    with zipfile.ZipFile(archive_file, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        data = collect(user)
        archive.writestr("data.json", json.dumps(data, ensure_ascii=False, indent=2))
        for stored in uploaded_files(user):
            try:
                with stored.file.open("rb") as source, archive.open(_archive_name(stored), "w") as target:
                    for chunk in iter(lambda: source.read(1024 * 1024), b""):
                        target.write(chunk)
            except FileNotFoundError:
                continue  # listed in data.json; the file itself is gone from disk
    archive_file.seek(0)
    return archive_file
