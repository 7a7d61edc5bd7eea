"""What a copy of a support request holds: the case facts, the document
list, the history, the conversation and the attachments that may be
released, with every item or field marked secret (records.secrecy) left out
and a note in its place citing the provision. A message marked secret takes
its attachments with it; internal notes are included (masked where marked)
unless the official leaves them out. Every text is finally scrubbed of the
secret texts (see scrubbing.py). Applicants and officials appear by role,
never by name, except the applicant on the application (a field one can
mark)."""

from dataclasses import dataclass, field
from pathlib import PurePosixPath

from django.contrib.contenttypes.models import ContentType
from django.template.defaultfilters import filesizeformat
from django.utils import timezone, translation
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from records.constants import DocumentKind
from records.secrecy import StandingMarks, masking_note, standing_marks

from ..models import Message, RequestAttachment, RequestEvent, SupportRequest
from .scrubbing import Scrubber

# The fields of a request that can be marked secret, in the order of the page.
MARKABLE_FIELDS = {
    "applicant": gettext_lazy("Applicant"),
    "subject": gettext_lazy("Subject"),
    "description": gettext_lazy("Description"),
    "hoped_outcome": gettext_lazy("What the applicant hopes for"),
    "outcome_reason": gettext_lazy("Reason for the decision"),
    "forward_answer": gettext_lazy("Answer from the partner"),
}


@dataclass
class Value:
    """One value of the copy: its text, or the provision it is withheld under."""

    text: str = ""
    provision: str = ""

    @property
    def masked(self) -> bool:
        return bool(self.provision)

    def __str__(self) -> str:
        return f"[{masking_note(self.provision)}]" if self.masked else self.text


@dataclass
class Entry:
    """A message, an attachment or a step of the history."""

    heading: str
    body: Value
    files: list = field(default_factory=list)  # of Value (attachment names)


@dataclass
class CopyContent:
    title: str
    number: str
    reference: str
    facts: list  # of (label, Value)
    documents: list  # of (position, date, direction, kind, party, Value)
    history: list  # of Entry
    conversation: list  # of Entry
    attachments: list  # of (Value, RequestAttachment | None, archive name)
    left_out: list  # of (what, provision)
    include_internal: bool
    produced_at: object

    @property
    def masked_count(self) -> int:
        return len(self.left_out)


def type_of(item) -> int:
    return ContentType.objects.get_for_model(item).pk


def _party(user_id, support_request) -> str:
    if user_id is None:
        return _("Removed account")
    if user_id == support_request.applicant_id:
        return _("The applicant")
    return _("Municipal official")


def format_date(value) -> str:
    if value is None:
        return "–"
    if hasattr(value, "hour"):
        value = timezone.localtime(value)
        return value.strftime("%Y-%m-%d %H:%M")
    return value.strftime("%Y-%m-%d")


def archive_name(position: int, original_name: str) -> str:
    """A safe name inside the ZIP, whatever the uploaded name was."""
    name = get_valid_filename(PurePosixPath(original_name.replace("\\", "/")).name) or "fil"
    return f"bilagor/{position:02d}-{name[:100]}"


def _internal_items(support_request) -> set:
    """(content type id, pk) of the request's internal notes and attachments."""
    notes = Message.objects.filter(request=support_request, is_internal=True).values_list("pk", flat=True)
    files = RequestAttachment.objects.filter(request=support_request, is_internal=True).values_list("pk", flat=True)
    return ({(type_of(Message), pk) for pk in notes} | {(type_of(RequestAttachment), pk) for pk in files})


def _messages(support_request, include_internal: bool):
    messages = Message.objects.filter(request=support_request).order_by("created_at", "pk")
    return list(messages if include_internal else messages.filter(is_internal=False))


def _released(entry, scrub: Scrubber, provision: str) -> tuple:
    """An attachment that may be released: its label and its name in the
    ZIP, neither quoting a secret text (a neutral name if the original did)."""
    attachment, position = entry
    label = f"{attachment.original_name} ({filesizeformat(attachment.size)})"
    if not scrub.hits(attachment.original_name):
        return Value(label), attachment, archive_name(position, attachment.original_name)
    suffix = PurePosixPath(archive_name(position, attachment.original_name)).suffix
    return Value(scrub(label, provision=provision)), attachment, f"bilagor/{position:02d}-bilaga{suffix}"


def build_copy(support_request: SupportRequest, *, registration, include_internal: bool = True) -> CopyContent:
    """What the copy says, with every marked item withheld."""
    with translation.override("sv"):
        return _build(support_request, registration=registration, include_internal=include_internal)


def _build(support_request, *, registration, include_internal: bool) -> CopyContent:
    marks: StandingMarks = standing_marks(registration)
    left_out: list = []
    secrets: list = []
    withheld: dict = {}  # (content type id, pk) of an item left out -> its provision

    def field_value(name: str, text: str) -> Value:
        mark = marks.get(support_request, name)
        if mark is None:
            return Value(text or "–")
        secrets.append(text)
        left_out.append((str(MARKABLE_FIELDS[name]), mark.provision))
        return Value(provision=mark.provision)

    request = support_request
    facts = [
        (_("Registration number"), Value(registration.number)),
        (_("Reference"), Value(request.reference or "–")),
        (_("Kind of support"), Value(str(request.kind))),
        (_("Applicant"), field_value("applicant", str(request.applicant))),
        (_("On behalf of"), Value(request.enterprise.name if request.enterprise_id
                                  else _("Planning to start a social enterprise"))),
        (_("Department"), Value(str(request.department) if request.department_id else "–")),
        (_("Submitted"), Value(format_date(request.submitted_at))),
        (_("State"), Value(str(request.get_state_display()))),
        (_("Subject"), field_value("subject", request.subject)),
        (_("Description"), field_value("description", request.description)),
        (_("What the applicant hopes for"), field_value("hoped_outcome", request.hoped_outcome)),
    ]
    if request.forwarded_to:
        facts.append((_("Forwarded to"), Value(f"{request.forwarded_to} ({format_date(request.forwarded_on)})")))
    if request.forward_answer or marks.get(request, "forward_answer"):
        facts.append((_("Answer from the partner"), field_value("forward_answer", request.forward_answer)))
    if request.outcome:
        facts.append((_("Decision"), Value(f"{request.get_outcome_display()} ({format_date(request.decided_at)})")))
    if request.outcome_reason or marks.get(request, "outcome_reason"):
        facts.append((_("Reason for the decision"), field_value("outcome_reason", request.outcome_reason)))

    history = []
    for event in RequestEvent.objects.filter(request=request).order_by("created_at", "pk"):
        heading = f"{format_date(event.created_at)} {event.get_to_state_display()} ({_party(event.actor_id, request)})"
        mark = marks.get(event)
        if mark is not None and event.comment:
            withheld[(type_of(event), event.pk)] = mark.provision
            secrets.append(event.comment)
            left_out.append((_("Comment on the step “%(step)s” of %(date)s")
                             % {"step": event.get_to_state_display(), "date": format_date(event.created_at)},
                             mark.provision))
            body = Value(provision=mark.provision)
        else:
            body = Value(event.comment)
        history.append(Entry(heading, body))

    conversation, attachments = [], []
    message_marks = {}
    messages = _messages(request, include_internal)
    for number, message in enumerate(messages, start=1):
        kind = _("Internal note") if message.is_internal else _("Message")
        heading = f"{number}. {kind}, {format_date(message.created_at)}, {_party(message.author_id, request)}"
        mark = marks.get(message)
        if mark is not None:
            message_marks[message.pk] = mark
            withheld[(type_of(message), message.pk)] = mark.provision
            secrets.append(message.body)
            left_out.append((f"{kind} {number} ({format_date(message.created_at)})", mark.provision))
            body = Value(provision=mark.provision)
        else:
            body = Value(message.body)
        conversation.append(Entry(heading, body))

    attachment_rows = request.attachments.order_by("uploaded_at", "pk")
    if not include_internal:
        attachment_rows = attachment_rows.filter(is_internal=False)
    for position, attachment in enumerate(attachment_rows, start=1):
        mark = marks.get(attachment) or message_marks.get(attachment.message_id)
        if mark is not None:
            withheld[(type_of(attachment), attachment.pk)] = mark.provision
            secrets.append(attachment.original_name)
            left_out.append((_("Attachment %(number)s") % {"number": position}, mark.provision))
            attachments.append((Value(provision=mark.provision), None, ""))
        else:
            attachments.append((attachment, position))

    scrub = Scrubber(secrets)
    provision_for_scrub = left_out[0][1] if left_out else ""
    attachments = [_released(entry, scrub, provision_for_scrub) if len(entry) == 2 else entry for entry in attachments]
    for entry, message in zip(conversation, messages, strict=True):
        entry.files = [value for value, stored, _name in attachments if stored is not None
                       and stored.message_id == message.pk]

    left_aside = set() if include_internal else _internal_items(request)
    documents = []
    for document in registration.documents.order_by("position"):
        if not include_internal and (document.kind == DocumentKind.INTERNAL_NOTE
                                     or (document.record_type_id, document.record_id) in left_aside):
            continue
        provision = withheld.get((document.record_type_id, document.record_id))
        description = document.description
        if provision:
            description_value = Value(provision=provision)
        elif scrub.hits(description):
            description_value = Value(provision=provision_for_scrub)
        else:
            description_value = Value(description)
        documents.append((document.position, format_date(document.date), document.get_direction_display(),
                          document.get_kind_display(), document.party or "–", description_value))

    title = registration.title
    if scrub.hits(title):
        title = str(Value(provision=provision_for_scrub))

    def scrubbed(value: Value) -> Value:
        if value.masked or not scrub.candidates:
            return value
        return Value(scrub(value.text, provision=provision_for_scrub))

    facts = [(label, value if label == _("Registration number") else scrubbed(value)) for label, value in facts]
    for entry in (*history, *conversation):
        entry.body = scrubbed(entry.body)
    return CopyContent(
        title=title, number=registration.number, reference=request.reference, facts=facts, documents=documents,
        history=history, conversation=conversation, attachments=attachments, left_out=left_out,
        include_internal=include_internal, produced_at=timezone.now(),
    )


def download_name(content: CopyContent, extension: str) -> str:
    stem = get_valid_filename(content.number.replace("/", "-").replace(" ", "-")) or "arende"
    return f"{stem}-kopia.{extension}"
