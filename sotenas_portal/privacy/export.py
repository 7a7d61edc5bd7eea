"""Everything the portal holds about one person, for their own download
(GDPR art. 15 and 20): ``data.json`` plus the files they uploaded, in a ZIP.

Each app offers its own part (``export_...(user) -> dict`` of sections);
this module calls them in order and adds what looks across every app: the
changes the person made in any tracked register and the files they
uploaded anywhere.
"""

import json
import tempfile
import zipfile
from pathlib import PurePosixPath

from django.apps import apps
from django.utils import timezone
from django.utils.text import get_valid_filename

from accounts import personal_data as accounts_data
from accounts.models import User
from accounts.personal_data import when
from core.models import StoredFile
from enterprises import privacy as enterprises_privacy
from saved_views import privacy as saved_views_privacy
from support import privacy as support_privacy

FORMAT_VERSION = 1

# The apps' parts, in the order their sections appear in data.json.
EXPORTERS = (
    accounts_data.export_account,
    enterprises_privacy.export_personal_data,
    support_privacy.export_personal_data,
    saved_views_privacy.export_personal_data,
    accounts_data.export_account_records,
)


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
                "at": when(record.history_date),
                "reason": record.history_change_reason or "",
            })
    rows.sort(key=lambda row: row["at"])
    return rows


def uploaded_files(user: User) -> list[StoredFile]:
    """The person's uploads in every app (each kind of ``StoredFile``)."""
    files = []
    for model in apps.get_models():
        if issubclass(model, StoredFile):
            files.extend(model.objects.filter(uploaded_by=user).order_by("uploaded_at", "pk"))
    return files


def _archive_name(stored: StoredFile) -> str:
    folder = stored._meta.model_name
    name = get_valid_filename(PurePosixPath(stored.original_name).name) or "file"
    return f"files/{folder}/{stored.pk}-{name}"


def collect(user: User, files: list[StoredFile]) -> dict:
    """data.json's content; ``files`` are the person's uploads (``uploaded_files``)."""
    data = {"format_version": FORMAT_VERSION, "exported_at": timezone.now().isoformat()}
    for export in EXPORTERS:
        data.update(export(user))
    data["changes_made"] = _history(user)
    data["uploaded_files"] = [
        {"name": f.original_name, "type": f.content_type, "size": f.size, "uploaded_at": when(f.uploaded_at),
         "in_archive": _archive_name(f)}
        for f in files
    ]
    return data


def personal_data_archive(user: User):
    """A ZIP on disk (a temporary file, rewound) with data.json and the files."""
    archive_file = tempfile.TemporaryFile()
    with zipfile.ZipFile(archive_file, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        files = uploaded_files(user)
        archive.writestr("data.json", json.dumps(collect(user, files), ensure_ascii=False, indent=2))
        for stored in files:
            try:
                with stored.file.open("rb") as source, archive.open(_archive_name(stored), "w") as target:
                    for chunk in iter(lambda: source.read(1024 * 1024), b""):
                        target.write(chunk)
            except FileNotFoundError:
                continue  # listed in data.json; the file itself is gone from disk
    archive_file.seek(0)
    return archive_file
