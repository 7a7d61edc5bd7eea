"""Fixtures of the security tests: the permission matrix's objects, and
another department's and enterprise's things that must stay untouched."""

import pytest

from tests.enterprises.factories import EnterpriseFactory, RepresentationFactory
from tests.factories import DepartmentFactory, UserFactory
from tests.harness.test_permission_matrix import CONTEXT_BUILDERS
from tests.policy_reports.factories import DepartmentReportFactory
from tests.support.factories import AgreementFactory, SupportRequestFactory



@pytest.fixture
def ctx(department, user_for):
    """The objects every URL of the permission matrix needs."""
    context = {"department": department}
    for build in CONTEXT_BUILDERS:
        context.update(build(user_for=user_for, department=department))
    return context


@pytest.fixture
def foreign(db, ctx):
    """Another department's and another enterprise's things: no test user
    has any business changing them."""
    other_department = DepartmentFactory(name="Sektor samhällsbyggnad och miljö")
    other_official = UserFactory(username="other_official", departments=[other_department])
    other_rep = UserFactory(username="other_rep")
    enterprise = EnterpriseFactory(name="Hunnebo Återbruk ek. för.", slug="hunnebo-aterbruk")
    RepresentationFactory(user=other_rep, enterprise=enterprise)
    support_request = SupportRequestFactory(
        applicant=other_rep, enterprise=enterprise, department=other_department, handler=other_official,
        in_progress=True, subject="Lokal i Hunnebostrand",
    )
    draft = SupportRequestFactory(applicant=other_rep, enterprise=enterprise, subject="Främmande utkast")
    agreement = AgreementFactory(department=other_department, enterprise=enterprise, title="Återbruksavtal")
    report = DepartmentReportFactory(reporting_round=ctx["report"].reporting_round, department=other_department,
                                     draft=True)
    return {
        "department": other_department,
        "official": other_official,
        "representative": other_rep,
        "enterprise": enterprise,
        "support_request": support_request,
        "draft": draft,
        "agreement": agreement,
        "report": report,
    }
