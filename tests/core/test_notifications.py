"""The one way to send a notification: each address once, rendered once per
language (or per recipient when personal), held for the daily summary only
when both the caller and the recipient want it."""

import pytest
from django.test import override_settings
from django.utils import translation
from django.utils.translation import gettext

from core import notifications
from core.models import OutboundEmail
from core.notifications import Email, Recipient, notify, render, send, unique

pytestmark = pytest.mark.django_db

TEMPLATES = {
    "test/emails/hello.txt": '{% load i18n %}{% translate "Hello," %} {{ who }}',
    "test/emails/hello_subject.txt": '{% load i18n %}\n  {% translate "State" %}\n  {{ who }}  \n',
    "test/emails/personal.txt": "To {{ recipient.email }} ({{ recipient.language }})",
    "test/emails/personal_subject.txt": "For {{ recipient.email }}",
}


@pytest.fixture(autouse=True)
def test_templates():
    engine = {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "OPTIONS": {"loaders": [("django.template.loaders.locmem.Loader", TEMPLATES)]},
    }
    with override_settings(TEMPLATES=[engine]):
        yield


@pytest.fixture
def renders(monkeypatch):
    """Every (template, language) the module renders."""
    seen = []
    original = notifications.render_to_string

    def counting(template, context=None, *args, **kwargs):
        seen.append((template, translation.get_language()))
        return original(template, context, *args, **kwargs)

    monkeypatch.setattr(notifications, "render_to_string", counting)
    return seen


def rows():
    return list(OutboundEmail.objects.order_by("pk").values_list("recipient", "subject", "body", "status"))


def test_unique_keeps_the_first_of_each_address_whatever_its_case_and_drops_blank_ones():
    first = Recipient("Anna@Example.org", "sv")
    found = unique([first, Recipient("", "sv"), Recipient("anna@example.org", "en"), Recipient("b@example.org", "en")])
    assert found == [first, Recipient("b@example.org", "en")]


def test_renders_once_per_language_and_each_reads_their_own(renders):
    recipients = [Recipient("a@example.org", "sv"), Recipient("b@example.org", "en"),
                  Recipient("c@example.org", "sv"), Recipient("d@example.org", "en")]
    written = notify(recipients, template="test/emails/hello.txt", context={"who": "Kim"}, kind="test.hello",
                     link="https://portal.example/x")
    assert written == 4
    assert sorted(renders) == sorted([
        ("test/emails/hello.txt", "sv"), ("test/emails/hello_subject.txt", "sv"),
        ("test/emails/hello.txt", "en"), ("test/emails/hello_subject.txt", "en"),
    ])
    by_address = {recipient: (subject, body) for recipient, subject, body, _ in rows()}
    assert by_address["a@example.org"] == by_address["c@example.org"] == ("Status Kim", "Hej, Kim")
    assert by_address["b@example.org"] == by_address["d@example.org"] == ("State Kim", "Hello, Kim")
    assert set(OutboundEmail.objects.values_list("kind", "link")) == {("test.hello", "https://portal.example/x")}


def test_each_address_gets_one_message():
    recipients = [Recipient("a@example.org", "sv"), Recipient("A@EXAMPLE.ORG", "en"), Recipient("", "sv")]
    assert notify(recipients, template="test/emails/hello.txt", context={"who": "Kim"}, kind="test.hello") == 1
    assert [row[0] for row in rows()] == ["a@example.org"]


def test_personal_messages_are_rendered_for_each_recipient(renders):
    recipients = [Recipient("a@example.org", "sv"), Recipient("b@example.org", "sv")]
    notify(recipients, template="test/emails/personal.txt", context={}, kind="test.personal", personal=True)
    assert [(r, s, b) for r, s, b, _ in rows()] == [
        ("a@example.org", "For a@example.org", "To a@example.org (sv)"),
        ("b@example.org", "For b@example.org", "To b@example.org (sv)"),
    ]
    assert len(renders) == 4


def test_a_given_subject_is_translated_in_the_recipients_language():
    recipients = [Recipient("a@example.org", "sv"), Recipient("b@example.org", "en")]
    notify(recipients, template="test/emails/hello.txt", context={"who": "Kim"}, kind="test.hello",
           subject=lambda: f"[S-1] {gettext('State')}")
    assert {r: s for r, s, _, _ in rows()} == {"a@example.org": "[S-1] Status", "b@example.org": "[S-1] State"}


def test_held_for_the_digest_only_when_the_caller_allows_and_the_recipient_wants_it(
        django_capture_on_commit_callbacks):
    wants = Recipient("wants@example.org", "sv", wants_digest=True)
    does_not = Recipient("now@example.org", "sv")
    with django_capture_on_commit_callbacks() as callbacks:
        notify([wants, does_not], template="test/emails/hello.txt", context={"who": "Kim"}, kind="test.digest",
               digest=True)
        notify([wants], template="test/emails/hello.txt", context={"who": "Kim"}, kind="test.always")
    statuses = {(m.recipient, m.kind): m.status for m in OutboundEmail.objects.all()}
    assert statuses == {
        ("wants@example.org", "test.digest"): OutboundEmail.Status.HELD,
        ("now@example.org", "test.digest"): OutboundEmail.Status.PENDING,
        ("wants@example.org", "test.always"): OutboundEmail.Status.PENDING,
    }
    assert len(callbacks) == 2  # a held message waits for the summary instead of the mail worker


def test_send_with_a_dedup_key_writes_once():
    recipient = Recipient("a@example.org", "sv")
    email = render("test/emails/hello.txt", {"who": "Kim"}, "en")
    assert email == Email("State Kim", "Hello, Kim")
    assert send(recipient, email, kind="test.once", dedup_key="once:1") is not None
    assert send(recipient, email, kind="test.once", dedup_key="once:1") is None
    assert OutboundEmail.objects.count() == 1
