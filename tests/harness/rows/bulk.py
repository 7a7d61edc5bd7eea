"""Permission-matrix rows, accessibility-harness pages and context builders
for one feature of issue 14 (bulk): bulk actions on the support work list,
and a representative deleting a draft request or one of its attachments."""

from django.core.files.base import ContentFile

from support.models import RequestAttachment
from tests.harness.access import STAFF, Access
from tests.support.factories import SupportRequestFactory

# The applicant deletes their own draft (and the system administrator, who may
# act as the applicant, as on the draft's edit page).
APPLICANT = frozenset({"representative", "administrator"})


def draft_kwargs(ctx):
    return {"pk": ctx["bulk_draft"].pk}


def draft_attachment_kwargs(ctx):
    return {"pk": ctx["bulk_draft"].pk, "attachment_pk": ctx["bulk_draft_attachment"].pk}


# url name -> Access (tests/harness/test_permission_matrix.py)
MATRIX: dict = {
    "support:worklist_bulk": Access(STAFF, ok=(405,)),
    "support:worklist_bulk_result": Access(STAFF),
    "support:request_delete": Access(APPLICANT, kwargs=draft_kwargs),
    "support:draft_attachment_delete": Access(APPLICANT, kwargs=draft_attachment_kwargs),
}
# (role, url name, kwargs from the context or None) (tests/harness/test_accessibility.py)
PAGES: list = [
    ("official", "support:worklist_bulk_result", None),
    ("representative", "support:request_delete", draft_kwargs),
    ("representative", "support:draft_attachment_delete", draft_attachment_kwargs),
]


def bulk_context(*, user_for, department) -> dict:
    """A draft of the representative's with an attachment (its own, so the
    matrix's allowed POSTs that delete it leave the other rows alone)."""
    draft = SupportRequestFactory(applicant=user_for("representative"), subject="Utkast att ta bort")
    attachment = RequestAttachment.objects.create(
        request=draft, original_name="offert.pdf", content_type="application/pdf", size=9,
        file=ContentFile(b"%PDF-1.4\n", name="offert.pdf"), uploaded_by=draft.applicant,
    )
    return {"bulk_draft": draft, "bulk_draft_attachment": attachment}


# f(user_for=, department=) -> dict of objects the rows above need
CONTEXT_BUILDERS: list = [bulk_context]
