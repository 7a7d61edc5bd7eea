"""Permission-matrix rows, accessibility-harness pages and context builders
for issue 16 §3: secrecy markings and copies of a case for a public-records
request. Three new addresses, all about one registered request at the
official's department: marking an item secret, removing a mark, and the
copy page. Only the municipality's side of the request may use them (the
official of its department, the coordinator, the administrator); the
applicant, the records manager and visitors are refused (officials of other
departments are refused in tests/support/test_case_copy.py). The harness
pages show the forms, the copy page with its log, and the request's page
with its badges and list of marks."""

from tests.harness.access import STAFF, Access


def secret_request_kwargs(ctx):
    return {"pk": ctx["secret_request"].pk}


def secrecy_mark_kwargs(ctx):
    return {"pk": ctx["secret_request"].pk, "mark_pk": ctx["secrecy_mark"].pk}


# url name -> Access (tests/harness/test_permission_matrix.py)
MATRIX: dict = {
    "support:request_secrecy_mark": Access(STAFF, kwargs=secret_request_kwargs),
    "support:request_secrecy_unmark": Access(STAFF, kwargs=secrecy_mark_kwargs),
    "support:request_copy": Access(STAFF, kwargs=secret_request_kwargs),
}
# (role, url name, kwargs from the context or None) (tests/harness/test_accessibility.py)
PAGES: list = [
    ("official", "support:request_secrecy_mark", secret_request_kwargs),
    ("official", "support:request_secrecy_unmark", secrecy_mark_kwargs),
    ("official", "support:request_copy", secret_request_kwargs),
    ("coordinator", "support:request_detail", secret_request_kwargs),
    ("representative", "support:request_detail", secret_request_kwargs),
]


def ensure_default_series() -> None:
    """The series the data migration seeds (made again if a transactional
    test has flushed the tables)."""
    from records.constants import CaseKind
    from records.models import Series, SeriesUse

    series, _created = Series.objects.get_or_create(prefix="KS", defaults={"name": "Kommunstyrelsen"})
    SeriesUse.objects.get_or_create(case_kind=CaseKind.SUPPORT_REQUEST, defaults={"series": series})


def secrecy_context(*, user_for, department) -> dict:
    """A registered request of the representative at the official's
    department with a secret internal note, a secret field, a removed mark
    and one copy already produced."""
    from django.core.files.base import ContentFile

    from records.constants import CaseKind
    from records.secrecy import log_copy, mark, unmark
    from records.services import register
    from support.models import RequestAttachment
    from tests.support.factories import MessageFactory, SupportRequestFactory

    applicant, official = user_for("representative"), user_for("official")
    department = official.departments.order_by("pk").first() or department
    ensure_default_series()
    support_request = SupportRequestFactory(
        applicant=applicant, department=department, handler=official, in_progress=True,
        subject="Arbetsträning med anpassning", description="Vi vill ta emot två deltagare i köket.",
    )
    registration = register(support_request, case_kind=CaseKind.SUPPORT_REQUEST, title="Ansökan om stöd",
                            by=applicant)
    MessageFactory(request=support_request, author=applicant, body="Vi har en handledare.")
    note = MessageFactory(request=support_request, author=official, body="Uppgift om hälsa.", is_internal=True)
    RequestAttachment.objects.create(
        request=support_request, original_name="intyg.pdf", content_type="application/pdf", size=9,
        file=ContentFile(b"%PDF-1.4\n", name="intyg.pdf"), uploaded_by=applicant,
    )
    mark(registration, note, provision="OSL 21 kap. 1 §", reason="Uppgift om en deltagares hälsa.", by=official)
    field_mark = mark(registration, support_request, field_name="description", provision="OSL 31 kap. 16 §",
                      reason="Affärsförhållanden.", by=official)
    old = mark(registration, support_request, field_name="subject", provision="OSL 21 kap. 1 §", reason="Hälsa.",
               by=official)
    unmark(old, reason="Ämnet säger inget om hälsa.", by=official)
    log_copy(registration, format="pdf", masked_items=2, note="En journalist", by=official)
    return {"secret_request": support_request, "secrecy_mark": field_mark}


# f(user_for=, department=) -> dict of objects the rows above need
CONTEXT_BUILDERS: list = [secrecy_context]
