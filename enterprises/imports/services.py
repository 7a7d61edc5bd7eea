"""An import's life: upload, mapping and preview, confirmation, cancelling,
and clearing away imports nobody confirmed."""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import EnterpriseImport, EnterpriseImportRow
from .columns import BY_FIELD, suggested_mapping
from .reading import check_upload, headers_of, load_dataset, mapped_rows
from .saving import ImportWriter
from .validation import RowJudge

# An import nobody confirmed is cleared away after this long, file and all.
UNCONFIRMED_KEPT_FOR = timedelta(days=7)


@transaction.atomic
def enterprise_import_upload(*, user, upload) -> EnterpriseImport:
    """Keep the file privately and read its headers; nothing else is saved."""
    enterprise_import_cleanup()
    details = check_upload(upload)
    enterprise_import = EnterpriseImport(original_name=upload.name[:255], uploaded_by=user, **details)
    enterprise_import.file.save(upload.name, upload, save=False)
    try:
        dataset = load_dataset(enterprise_import)
    except ValidationError:
        enterprise_import.file.delete(save=False)
        raise
    enterprise_import.headers = headers_of(dataset)
    enterprise_import.mapping = suggested_mapping(enterprise_import.headers)
    enterprise_import.save()
    return enterprise_import


def _check_mapping(enterprise_import, mapping: dict[str, str]) -> dict[str, str]:
    mapping = {field: header for field, header in mapping.items() if header}
    unknown = [h for h in mapping.values() if h not in enterprise_import.headers]
    if unknown or set(mapping) - set(BY_FIELD):
        raise ValidationError(_("Choose columns that are in the file."), code="unknown_column")
    if "organisation_number" not in mapping:
        raise ValidationError(
            _("Choose the column with the organisation number: it tells new entries from existing ones."),
            code="orgnr_unmapped")
    headers = list(mapping.values())
    duplicates = sorted({h for h in headers if headers.count(h) > 1})
    if duplicates:
        raise ValidationError(_("Each column can fill only one field: %(columns)s.") % {
            "columns": ", ".join(duplicates)}, code="column_twice")
    return mapping


@transaction.atomic
def enterprise_import_preview(*, enterprise_import, mapping: dict[str, str], publish: bool) -> EnterpriseImport:
    """Judge every row under the mapping and keep the outcomes for the
    preview. The registry itself is not touched."""
    enterprise_import = EnterpriseImport.objects.select_for_update().get(pk=enterprise_import.pk)
    if enterprise_import.status == EnterpriseImport.Status.CONFIRMED:
        raise ValidationError(_("This import has already been confirmed."), code="confirmed")
    enterprise_import.mapping = _check_mapping(enterprise_import, mapping)
    enterprise_import.publish = publish
    enterprise_import.rows.all().delete()
    counts = {"new": 0, "update": 0, "refused": 0}
    dataset = load_dataset(enterprise_import)
    for chunk in RowJudge(enterprise_import.mapping).judge_all(mapped_rows(dataset, enterprise_import.mapping)):
        EnterpriseImportRow.objects.bulk_create([
            EnterpriseImportRow(enterprise_import=enterprise_import, number=r.number, outcome=r.outcome,
                                organisation_number=r.organisation_number, name=r.name,
                                existing_id=r.existing_id, errors=r.errors)
            for r in chunk
        ])
        for result in chunk:
            counts[result.outcome] += 1
    del dataset
    enterprise_import.new_count, enterprise_import.update_count = counts["new"], counts["update"]
    enterprise_import.refused_count = counts["refused"]
    enterprise_import.status = EnterpriseImport.Status.PREVIEWED
    enterprise_import.save()
    return enterprise_import


@transaction.atomic
def enterprise_import_confirm(*, enterprise_import, user, skip_refused: bool) -> EnterpriseImport:
    """Save every valid row in one transaction, or nothing.

    The file is judged again, since the registry may have changed since the
    preview; if the outcome differs, nothing is saved and the preview is
    shown anew."""
    enterprise_import = EnterpriseImport.objects.select_for_update().get(pk=enterprise_import.pk)
    if enterprise_import.status != EnterpriseImport.Status.PREVIEWED:
        raise ValidationError(_("This import cannot be confirmed now."), code="not_previewed")
    if enterprise_import.refused_count and not skip_refused:
        raise ValidationError(
            _("Some rows are refused. Fix them in the file and upload it again, or choose to skip them."),
            code="refused_rows")
    if not enterprise_import.valid_count:
        raise ValidationError(_("No row of the file can be imported."), code="nothing_valid")
    expected = dict(enterprise_import.rows.values_list("number", "outcome"))
    writer = ImportWriter(enterprise_import, user)
    dataset = load_dataset(enterprise_import)
    for chunk in RowJudge(enterprise_import.mapping).judge_all(mapped_rows(dataset, enterprise_import.mapping)):
        if any(expected.get(r.number) != r.outcome for r in chunk):
            raise ValidationError(
                _("The registry has changed since the preview. Nothing has been saved; look at the new preview."),
                code="stale")
        try:
            writer.write([r for r in chunk if r.outcome != "refused"])
        except IntegrityError:  # an entry with the same number was saved at this very moment
            raise ValidationError(
                _("The registry has changed since the preview. Nothing has been saved; look at the new preview."),
                code="stale") from None
    del dataset
    stored, storage = enterprise_import.file.name, enterprise_import.file.storage
    transaction.on_commit(lambda: storage.delete(stored))
    enterprise_import.file = ""
    enterprise_import.status = EnterpriseImport.Status.CONFIRMED
    enterprise_import.confirmed_at = timezone.now()
    enterprise_import.confirmed_by = user
    enterprise_import.new_count, enterprise_import.update_count = writer.created, writer.updated
    enterprise_import.save()
    return enterprise_import


@transaction.atomic
def enterprise_import_cancel(*, enterprise_import) -> None:
    if enterprise_import.status == EnterpriseImport.Status.CONFIRMED:
        raise ValidationError(_("This import has already been confirmed."), code="confirmed")
    enterprise_import.file.delete(save=False)
    enterprise_import.delete()


def enterprise_import_cleanup(*, now=None) -> int:
    """Delete unconfirmed imports older than a week, with their files."""
    cutoff = (now or timezone.now()) - UNCONFIRMED_KEPT_FOR
    old = EnterpriseImport.objects.filter(created_at__lt=cutoff).exclude(status=EnterpriseImport.Status.CONFIRMED)
    count = 0
    for enterprise_import in old:
        enterprise_import.file.delete(save=False)
        enterprise_import.delete()
        count += 1
    return count
