"""One way to send a notification: who gets it (``Recipient``), each address
once (``unique``), subject and body rendered from templates in each
recipient's language (``render``), and one outbox row per address
(``send`` for one, ``notify`` for a list).

Finding the addresses (a user's, a department's, the coordinators') needs
the accounts models, so it lives one layer up, in ``accounts.recipients``.
Everything written here goes through ``core.outbox.enqueue``: inside the
caller's transaction, sent once it commits."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.template.loader import render_to_string
from django.utils import translation

from .models import OutboundEmail
from .outbox import enqueue


@dataclass(frozen=True)
class Recipient:
    """An address and the language to write to it in. ``user`` ties the
    outbox row to an account (it shows on their notifications page);
    ``wants_digest``: they chose one daily summary of support messages."""

    email: str
    language: str
    user: Any = None
    wants_digest: bool = False


@dataclass(frozen=True)
class Email:
    subject: str
    body: str


def unique(recipients: Iterable[Recipient]) -> list[Recipient]:
    """Each address once, compared without case (the first one wins);
    blank addresses are left out."""
    seen, result = set(), []
    for recipient in recipients:
        key = recipient.email.lower()
        if key and key not in seen:
            seen.add(key)
            result.append(recipient)
    return result


def by_language(recipients: Iterable[Recipient]) -> dict[str, list[Recipient]]:
    """The recipients grouped by language, in the order each language first appears."""
    groups: dict[str, list[Recipient]] = {}
    for recipient in recipients:
        groups.setdefault(recipient.language, []).append(recipient)
    return groups


def subject_template(template: str) -> str:
    """``x/emails/done.txt`` has its subject in ``x/emails/done_subject.txt``."""
    return template.removesuffix(".txt") + "_subject.txt"


def render(template: str, context: dict, language: str, *, subject: Callable[[], str] | None = None) -> Email:
    """Subject and body in ``language``. The body comes from ``template``, the
    subject from its ``_subject.txt`` sibling, unless ``subject`` (called in
    that language) gives it. The subject is put on one line."""
    with translation.override(language):
        text = subject() if subject else render_to_string(subject_template(template), context)
        body = render_to_string(template, context)
    return Email(" ".join(text.split()), body)


def send(recipient: Recipient, email: Email, *, kind: str, link: str = "", dedup_key: str | None = None,
         digest: bool = False) -> OutboundEmail | None:
    """One outbox row. With ``digest``, a recipient who chose the daily
    summary gets the message held for it instead of at once."""
    return enqueue(recipient=recipient.email, subject=email.subject, body=email.body, kind=kind,
                   user=recipient.user, link=link, dedup_key=dedup_key, hold=digest and recipient.wants_digest)


def notify(recipients: Iterable[Recipient], *, template: str, context: dict, kind: str, link: str = "",
           subject: Callable[[], str] | None = None, personal: bool = False, digest: bool = False) -> int:
    """One message to each address (see ``unique``), rendered once per
    language; with ``personal``, once per recipient, the templates then
    seeing ``recipient``. Returns how many outbox rows were written."""
    written = 0
    for language, group in by_language(unique(recipients)).items():
        shared = None if personal else render(template, context, language, subject=subject)
        for recipient in group:
            email = shared or render(template, {**context, "recipient": recipient}, language, subject=subject)
            written += send(recipient, email, kind=kind, link=link, digest=digest) is not None
    return written
