"""Factories for policy versions, rounds and reports, with traits for the
report's states, and the objects the permission matrix needs."""

from datetime import date, timedelta
from decimal import Decimal

import factory
from django.core.files.base import ContentFile
from django.utils import timezone
from factory.django import DjangoModelFactory

from policy_reports.constants import ReportStatus
from policy_reports.dates import default_round_due_date
from core.dates import add_years
from policy_reports.models import (
    DepartmentReport,
    PolicyStatement,
    PolicyVersion,
    ReportingRound,
    ReportStatusChange,
    ReportVersion,
    StatementEvidence,
)
from tests.factories import DepartmentFactory

MINIMAL_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)

COMPLETE = {
    "description": "Vi har samverkat med ett arbetsintegrerande socialt företag om arbetsträning.",
    "cooperation_description": "Fyra dialogmöten med föreningslivet.",
    "plans_next_year": "Pröva reserverad upphandling.",
    "agreements_in_force": 2,
    "agreements_value": Decimal("150000.00"),
    "requests_handled": 5,
    "requests_decided": 4,
    "placements_with_asf": 3,
    "purchases_from_social_enterprises": Decimal("42000.00"),
    "dialogue_meetings": 4,
    "joint_projects": 1,
}


class PolicyVersionFactory(DjangoModelFactory):
    class Meta:
        model = PolicyVersion

    title = "Policy för främjande av den sociala ekonomin"
    decision_date = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=300))
    decision_reference = factory.Sequence(lambda n: f"KF 2025-06-{(n % 28) + 1:02d} § {n + 10}")
    document = factory.LazyFunction(lambda: ContentFile(MINIMAL_PDF, name="policy.pdf"))
    document_name = "policy.pdf"
    review_due_on = factory.LazyAttribute(lambda version: add_years(version.decision_date, 2))
    status = PolicyVersion.Status.IN_FORCE

    class Params:
        replaced = factory.Trait(status=PolicyVersion.Status.REPLACED)
        expired = factory.Trait(status=PolicyVersion.Status.EXPIRED)

    @factory.post_generation
    def statements(self, create, extracted, **kwargs):
        if not create:
            return
        texts = extracted if extracted is not None else ["Stödja ASF.", "Samverka med civilsamhället."]
        for position, text in enumerate(texts, start=1):
            PolicyStatement.objects.create(version=self, position=position, text=text)


class ReportingRoundFactory(DjangoModelFactory):
    class Meta:
        model = ReportingRound
        django_get_or_create = ("year",)

    year = factory.Sequence(lambda n: 2000 + n % 90)
    due_date = factory.LazyAttribute(lambda r: default_round_due_date(r.year))


class DepartmentReportFactory(DjangoModelFactory):
    """A report; ``submitted``/``accepted``/``returned`` build the state
    directly (with a version row), as if the workflow had run."""

    class Meta:
        model = DepartmentReport

    reporting_round = factory.SubFactory(ReportingRoundFactory)
    department = factory.SubFactory(DepartmentFactory)
    status = ReportStatus.NOT_STARTED

    class Params:
        complete = factory.Trait(**COMPLETE)
        draft = factory.Trait(status=ReportStatus.DRAFT)
        submitted = factory.Trait(
            status=ReportStatus.SUBMITTED, submitted_at=factory.LazyFunction(timezone.now), **COMPLETE
        )
        accepted = factory.Trait(
            status=ReportStatus.ACCEPTED, submitted_at=factory.LazyFunction(timezone.now),
            accepted_at=factory.LazyFunction(timezone.now), **COMPLETE
        )
        returned = factory.Trait(
            status=ReportStatus.RETURNED, submitted_at=factory.LazyFunction(timezone.now),
            return_comment="Komplettera siffrorna.", **COMPLETE
        )

    @factory.post_generation
    def keep_version(self, create, extracted, **kwargs):
        if create and self.submitted_at is not None and not self.versions.exists():
            ReportVersion.objects.create(report=self, number=1, content=self.content_snapshot(),
                                         submitted_at=self.submitted_at)
            ReportStatusChange.objects.create(report=self, from_status=ReportStatus.DRAFT,
                                              to_status=ReportStatus.SUBMITTED, created_at=self.submitted_at)


class PolicyStatementFactory(DjangoModelFactory):
    class Meta:
        model = PolicyStatement

    version = factory.SubFactory(PolicyVersionFactory, statements=[])
    position = factory.Sequence(lambda n: n + 1)
    text = "Sotenäs kommun ska samverka med arbetsintegrerande sociala företag."


class StatementEvidenceFactory(DjangoModelFactory):
    class Meta:
        model = StatementEvidence

    statement = factory.SubFactory(PolicyStatementFactory)
    text = "Arbetsträning ordnad med ASF varje år."


def policy_reports_context(*, user_for, department) -> dict:
    """Objects the policy report URLs need in the permission matrix and the
    accessibility checks: a version in force, a round where the official's
    department has a draft, and a submitted report in an earlier round."""
    own = user_for("official").departments.first()
    version = PolicyVersionFactory(decision_date=date(2025, 6, 18), review_due_on=date(2027, 6, 18))
    current = ReportingRoundFactory(year=2026, policy_version=version)
    previous = ReportingRoundFactory(year=2025, policy_version=version)
    report = DepartmentReportFactory(reporting_round=current, department=own, draft=True)
    submitted = DepartmentReportFactory(reporting_round=previous, department=own, submitted=True)
    DepartmentReportFactory(reporting_round=previous, department=DepartmentFactory(name="Sektor kultur och fritid"))
    evidence = StatementEvidenceFactory(statement=version.statements.first())
    evidence.reports.set([submitted])
    return {
        "policy_version": version,
        "statement": version.statements.first(),
        "reporting_round": current,
        "previous_round": previous,
        "report": report,
        "submitted_report": submitted,
    }
