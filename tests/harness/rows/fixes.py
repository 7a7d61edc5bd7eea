"""Permission-matrix rows, accessibility-harness pages and context builders
for one feature of issue 14 (fixes). No new URLs; one page state is new: a
request waiting for the applicant, its question in the conversation."""

from datetime import timedelta

from django.utils import timezone

from support.workflow import support_request_transition
from tests.harness.access import Access  # noqa: F401
from tests.support.factories import SupportRequestFactory

# url name -> Access (tests/harness/test_permission_matrix.py)
MATRIX: dict = {}
# (role, url name, kwargs from the context or None) (tests/harness/test_accessibility.py)
PAGES: list = [
    ("representative", "support:request_detail", lambda ctx: {"pk": ctx["waiting_for_applicant"].pk}),
]


def waiting_request_context(*, user_for, department) -> dict:
    official = user_for("official")
    support_request = SupportRequestFactory(
        applicant=user_for("representative"), department=official.departments.order_by("pk").first(),
        handler=official, in_progress=True, subject="Samarbetsavtal om återbruk",
    )
    support_request_transition(request_id=support_request.pk, move="request_info", actor=official,
                               comment="Kan ni skicka er senaste verksamhetsberättelse?",
                               data={"reply_by": timezone.localdate() + timedelta(days=10)})
    return {"waiting_for_applicant": support_request}


# f(user_for=, department=) -> dict of objects the rows above need
CONTEXT_BUILDERS: list = [waiting_request_context]
