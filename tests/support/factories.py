"""Factories for support requests and agreements, with a trait per state."""

from datetime import timedelta

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from support.constants import AgreementKind, Outcome, RequestState
from support.deadlines import first_response_due
from support.models import Agreement, Message, SupportKind, SupportRequest
from tests.enterprises.factories import EnterpriseFactory, RepresentationFactory  # noqa: F401 - re-exported
from tests.factories import DepartmentFactory, UserFactory


def support_kind(slug: str = "affarsutveckling") -> SupportKind:
    """One of the kinds the data migration seeds (made again if a
    transactional test has flushed the table)."""
    kind, _created = SupportKind.objects.get_or_create(slug=slug, defaults={"name": f"Stöd: {slug}"})
    return kind


class SupportKindFactory(DjangoModelFactory):
    class Meta:
        model = SupportKind
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Stödform {n}")
    slug = factory.Sequence(lambda n: f"stodform-{n}")


_reference_numbers = iter(range(1, 10**6))


def _submitted(days_ago: int = 1):
    return timezone.now() - timedelta(days=days_ago)


class SupportRequestFactory(DjangoModelFactory):
    """A request in any state. States after "submitted" get a reference, a
    department and the fields their state needs (as the workflow would)."""

    class Meta:
        model = SupportRequest

    applicant = factory.SubFactory(UserFactory)
    enterprise = None
    kind = factory.LazyFunction(support_kind)
    subject = factory.Sequence(lambda n: f"Ansökan {n}")
    description = "Vi behöver råd om att starta ett arbetskooperativ."
    hoped_outcome = "Ett möte med kommunen."
    state = RequestState.DRAFT

    class Params:
        submitted = factory.Trait(
            state=RequestState.SUBMITTED,
            submitted_at=factory.LazyFunction(_submitted),
            reference_year=factory.LazyAttribute(lambda o: timezone.localdate(o.submitted_at).year),
            reference_number=factory.LazyFunction(lambda: 9000 + next(_reference_numbers)),
            reference=factory.LazyAttribute(lambda o: f"STOD-{o.reference_year}-{o.reference_number:04d}"),
            first_response_due=factory.LazyAttribute(
                lambda o: first_response_due(timezone.localdate(o.submitted_at))
            ),
        )
        assigned = factory.Trait(submitted=True, state=RequestState.ASSIGNED,
                                 department=factory.SubFactory(DepartmentFactory))
        in_progress = factory.Trait(assigned=True, state=RequestState.IN_PROGRESS,
                                    first_response_at=factory.LazyFunction(timezone.now))
        waiting = factory.Trait(in_progress=True, state=RequestState.WAITING,
                                reply_by=factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=7)))
        forwarded = factory.Trait(in_progress=True, state=RequestState.FORWARDED, forwarded_to="Arbetsförmedlingen",
                                  forwarded_on=factory.LazyFunction(timezone.localdate))
        decided = factory.Trait(in_progress=True, state=RequestState.DECIDED, outcome=Outcome.GRANTED,
                                outcome_reason="Vi kan hjälpa till.", decided_at=factory.LazyFunction(timezone.now))
        closed = factory.Trait(decided=True, state=RequestState.CLOSED, ended_at=factory.LazyFunction(timezone.now))
        withdrawn = factory.Trait(submitted=True, state=RequestState.WITHDRAWN,
                                  ended_at=factory.LazyFunction(timezone.now))


def request_in_state(state: str, **kwargs) -> SupportRequest:
    if state == RequestState.DRAFT:
        return SupportRequestFactory(**kwargs)
    return SupportRequestFactory(**{state: True}, **kwargs)


class MessageFactory(DjangoModelFactory):
    class Meta:
        model = Message

    request = factory.SubFactory(SupportRequestFactory, in_progress=True)
    author = factory.SelfAttribute("request.applicant")
    body = "Hej! Här är mer information."
    is_internal = False


class AgreementFactory(DjangoModelFactory):
    class Meta:
        model = Agreement

    department = factory.SubFactory(DepartmentFactory)
    enterprise = factory.SubFactory(EnterpriseFactory)
    kind = AgreementKind.SAMARBETSAVTAL
    title = factory.Sequence(lambda n: f"Samarbetsavtal {n}")
    start_date = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=100))
    end_date = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=200))
    annual_value = 100000
    contact_person = "Karin Berg"

    class Params:
        placement = factory.Trait(kind=AgreementKind.PLACEMENT)
        open_ended = factory.Trait(end_date=None)


def support_context(*, user_for, department) -> dict:
    """Objects the permission and accessibility harnesses need for support
    URLs: the representative's request in progress at the official's
    department (with a message, an internal note and an attachment), a draft
    of theirs, and an agreement of the department with an attachment."""
    from django.core.files.base import ContentFile

    from support.models import AgreementAttachment, RequestAttachment

    applicant = user_for("representative")
    official = user_for("official")
    # The request and agreement belong to the official's own department
    # (a harness may pass another one).
    department = official.departments.order_by("pk").first() or department
    for slug in ("affarsutveckling", "lokaler"):
        support_kind(slug)
    support_request = SupportRequestFactory(
        applicant=applicant, department=department, handler=official, in_progress=True,
        subject="Två platser för arbetsträning",
    )
    MessageFactory(request=support_request, author=applicant, body="Vi har en handledare.")
    MessageFactory(request=support_request, author=official, body="Stäm av med AF.", is_internal=True)
    attachment = RequestAttachment.objects.create(
        request=support_request, original_name="budget.pdf", content_type="application/pdf", size=9,
        file=ContentFile(b"%PDF-1.4\n", name="budget.pdf"), uploaded_by=applicant,
    )
    draft = SupportRequestFactory(applicant=applicant, subject="Ett utkast")
    # Unanswered for weeks: marked overdue in the work lists.
    SupportRequestFactory(assigned=True, department=department, subject="Lokal för verkstad",
                          submitted_at=timezone.now() - timedelta(days=40))
    agreement = AgreementFactory(department=department, title="Arbetsträningsplatser i caféet",
                                 source_request=support_request)
    agreement.contact_person = "Johan Karlsson"
    agreement.save()  # a second history row, so the history shows a change
    agreement_attachment = AgreementAttachment.objects.create(
        agreement=agreement, original_name="avtal.pdf", content_type="application/pdf", size=9,
        file=ContentFile(b"%PDF-1.4\n", name="avtal.pdf"), uploaded_by=official,
    )
    return {
        "support_request": support_request,
        "support_attachment": attachment,
        "support_draft": draft,
        "support_agreement": agreement,
        "support_agreement_attachment": agreement_attachment,
    }
