"""The copy as plain text, always in Swedish: the case for the ZIP's
arende.txt, and the list (förteckning) of what the ZIP holds and what was
left out. The notice on internal notes and the left-out lines are shared
with the PDF."""

from django.utils import translation
from django.utils.translation import gettext as _

from records.secrecy import masking_note

from .content import CopyContent, format_date

AUTHOR = "Sotenäs kommun"


def copy_text(content: CopyContent, *, note: str = "") -> str:
    with translation.override("sv"):
        return _text(content, note=note)


def _text(content: CopyContent, *, note: str) -> str:
    lines = [
        _("Copy of a public record: %(number)s") % {"number": content.number},
        content.title,
        _("Produced by %(author)s on %(date)s.") % {"author": AUTHOR, "date": format_date(content.produced_at)},
    ]
    if note:
        lines.append(_("Requested by: %(note)s") % {"note": note})
    lines.append(internal_notes_notice(content))
    lines += ["", _("The case"), "=" * len(_("The case"))]
    lines += [f"{label}: {value}" for label, value in content.facts]
    lines += ["", _("Documents of the case"), "=" * len(_("Documents of the case"))]
    for position, date, direction, kind, party, description in content.documents:
        lines.append(f"{position}. {date} {direction}, {kind}, {party}: {description}")
    if not content.documents:
        lines.append(_("No documents are listed."))
    lines += ["", _("History"), "=" * len(_("History"))]
    for entry in content.history:
        lines.append(entry.heading + (f": {entry.body}" if str(entry.body) else ""))
    if not content.history:
        lines.append(_("No steps are recorded."))
    lines += ["", _("Conversation"), "=" * len(_("Conversation"))]
    for entry in content.conversation:
        lines += [entry.heading, str(entry.body)]
        lines += [_("Attachment: %(name)s") % {"name": name} for name in entry.files]
        lines.append("")
    if not content.conversation:
        lines.append(_("No messages."))
    lines += ["", _("Attachments"), "=" * len(_("Attachments"))]
    lines += [f"{number}. {value}" for number, (value, _stored, _name) in enumerate(content.attachments, start=1)]
    if not content.attachments:
        lines.append(_("No attachments."))
    lines += ["", *left_out_lines(content)]
    return "\n".join(lines) + "\n"


def internal_notes_notice(content: CopyContent) -> str:
    if content.include_internal:
        return _("Internal notes of the case are included.")
    return _("Internal notes of the case are not included.")


def left_out_lines(content: CopyContent) -> list[str]:
    lines = [_("Left out of this copy"), "=" * len(_("Left out of this copy"))]
    if not content.left_out:
        return [*lines, _("Nothing is classified as secret; the copy is complete.")]
    return [*lines, *(f"- {what}: {masking_note(provision)}" for what, provision in content.left_out)]


def left_out_text(content: CopyContent) -> str:
    """The ZIP's list (förteckning) of what it holds and what was left out."""
    with translation.override("sv"):
        lines = [_("Copy of a public record: %(number)s") % {"number": content.number}, "",
                 _("Contents"), "=" * len(_("Contents")), f"arende.txt: {_('the case, its documents and conversation')}"]
        lines += [f"{name}: {value}" for value, stored, name in content.attachments if stored is not None]
        lines += ["", *left_out_lines(content)]
    return "\n".join(lines) + "\n"
