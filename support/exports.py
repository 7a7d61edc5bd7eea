"""Downloads: the agreement register as CSV for the annual report, and a
request with its history and conversation as plain text."""

import csv
import io

from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from enterprises.orgnr import formatted

# Excel with Swedish settings splits columns on semicolons, and needs the
# byte-order mark to read UTF-8 (å, ä, ö).
CSV_DELIMITER = ";"
BOM = "\ufeff"


def agreements_csv(agreements) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=CSV_DELIMITER, lineterminator="\r\n")
    writer.writerow([
        _("Department"), _("Enterprise"), _("Organisation number"), _("Kind of agreement"), _("Title"),
        _("Start date"), _("End date"), _("Annual value (SEK)"), _("Contact person"), _("Support request"),
        _("Shown publicly"),
    ])
    for agreement in agreements:
        writer.writerow([
            agreement.department.name,
            agreement.enterprise.name,
            formatted(agreement.enterprise.organisation_number),
            agreement.get_kind_display(),
            agreement.title,
            agreement.start_date.isoformat(),
            agreement.end_date.isoformat() if agreement.end_date else "",
            "" if agreement.annual_value is None else str(int(agreement.annual_value)),
            agreement.contact_person,
            agreement.source_request.reference if agreement.source_request_id else "",
            _("Yes") if agreement.is_public else _("No"),
        ])
    return BOM + buffer.getvalue()


def request_text(*, support_request, events, messages, attachments) -> str:
    """The request as the downloading user may see it (the caller passes
    messages and attachments already filtered for that user)."""
    return render_to_string(
        "support/request_export.txt",
        {"support_request": support_request, "events": events, "messages": messages, "attachments": attachments},
    )
