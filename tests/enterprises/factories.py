"""Registry factories with traits for the common states."""

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from core.dates import add_years
from enterprises.constants import Criterion, PublicationStatus
from enterprises.models import CriterionAssessment, DefinitionCheck, Enterprise, Representation, ServiceCategory
from enterprises.orgnr import luhn_check_digit
from enterprises.services import search_document_for
from tests.factories import UserFactory


def valid_orgnr(n: int, first: str = "7") -> str:
    nine = f"{first}69{(n % 1_000_000):06d}"
    return nine + str(luhn_check_digit(nine))


class EnterpriseFactory(DjangoModelFactory):
    class Meta:
        model = Enterprise
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Kooperativet nr {n} ek. för.")
    slug = factory.Sequence(lambda n: f"kooperativet-{n}")
    organisation_number = factory.Sequence(lambda n: valid_orgnr(n))
    legal_form = "ekonomisk_forening"
    kind = "asf"
    short_description = "Café och catering i Kungshamn."
    locality = "kungshamn"
    publication_status = PublicationStatus.PUBLISHED

    class Params:
        draft = factory.Trait(publication_status=PublicationStatus.DRAFT)
        awaiting = factory.Trait(publication_status=PublicationStatus.AWAITING_REVIEW)
        unpublished = factory.Trait(publication_status=PublicationStatus.UNPUBLISHED, unpublished_reason="Upphört")
        with_figures = factory.Trait(figures_year=2025, employees=10, employees_from_target_groups=3, participants=0)

    @factory.post_generation
    def categories(self, create, extracted, **kwargs):
        if create and extracted:
            self.service_categories.set(extracted)

    @factory.post_generation
    def index(self, create, extracted, **kwargs):
        if create:
            Enterprise.objects.filter(pk=self.pk).update(search_document=search_document_for(self))


class RepresentationFactory(DjangoModelFactory):
    class Meta:
        model = Representation

    user = factory.SubFactory(UserFactory)
    enterprise = factory.SubFactory(EnterpriseFactory)
    status = Representation.Status.CONFIRMED


class ServiceCategoryFactory(DjangoModelFactory):
    class Meta:
        model = ServiceCategory
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Kategori {n}")
    slug = factory.Sequence(lambda n: f"kategori-{n}")


def make_check(enterprise, status="draft", *, statements=True, is_asf=None, decided_on=None) -> DefinitionCheck:
    """A check with its four assessments, in any state."""
    outcome = {}
    if status == "decided":
        decided_on = decided_on or timezone.localdate()
        outcome = {"decided_on": decided_on, "valid_until": add_years(decided_on, 2), "is_asf": bool(is_asf)}
    check = DefinitionCheck.objects.create(enterprise=enterprise, status=status, **outcome)
    verdict = CriterionAssessment.Verdict.MET if is_asf else CriterionAssessment.Verdict.PENDING
    for criterion in Criterion.values:
        CriterionAssessment.objects.create(
            definition_check=check, criterion=criterion, verdict=verdict if status == "decided" else "pending",
            statement=f"Påstående om kriterium {criterion}" if statements else "",
        )
    return check


def registry_context(*, user_for, department) -> dict:
    """Objects the permission and accessibility harnesses need for registry
    URLs: a published enterprise the demo representative represents, with an
    open check, a decided one and a piece of evidence."""
    from django.core.files.base import ContentFile

    from enterprises.models import Evidence

    enterprise = EnterpriseFactory(name="Smögens Sociala Kooperativ ek. för.", slug="smogens-sociala-kooperativ",
                                   with_figures=True)
    RepresentationFactory(user=user_for("representative"), enterprise=enterprise)
    decided = make_check(enterprise, "decided", is_asf=True)
    open_check = make_check(enterprise, "submitted")
    evidence = Evidence.objects.create(
        definition_check=decided, criterion=1, original_name="stadgar.pdf", content_type="application/pdf", size=9,
        file=ContentFile(b"%PDF-1.4\n", name="stadgar.pdf"),
    )
    claim = RepresentationFactory(enterprise=enterprise, status=Representation.Status.PENDING)
    return {"enterprise": enterprise, "check": open_check, "decided_check": decided, "evidence": evidence,
            "claim": claim}
