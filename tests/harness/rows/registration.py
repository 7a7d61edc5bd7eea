"""Permission-matrix rows, accessibility-harness pages and context builders
for one part of issue 16: registration numbers and the postlista (§1).

Two new addresses: the public postlista (everyone), and the page where the
handling side types a number from the municipality's diarium (the request's
department, the coordinator and the administrator). The harness pages show
the postlista with a secret document and the request's page with its
document list, as the official and as the applicant (the number only)."""

from tests.harness.access import EVERYONE, STAFF, Access, support_request_kwargs

# url name -> Access (tests/harness/test_permission_matrix.py)
MATRIX: dict = {
    "records:postlista": Access(EVERYONE),
    "support:request_register": Access(STAFF, kwargs=support_request_kwargs),
}
# (role, url name, kwargs from the context or None) (tests/harness/test_accessibility.py)
PAGES: list = [
    ("anonymous", "records:postlista", None),
    ("official", "records:postlista", None),
    ("official", "support:request_detail", support_request_kwargs),
    ("representative", "support:request_detail", support_request_kwargs),
    ("coordinator", "support:request_register", support_request_kwargs),
    ("official", "support:agreement_detail", lambda ctx: {"pk": ctx["support_agreement"].pk}),
]


def registration_context(*, user_for, department) -> dict:
    """Register the support context's request and agreement (made by
    factories, without the workflow) with their documents, plus a case
    with a secret document for the postlista."""
    from django.contrib.contenttypes.models import ContentType

    from records.models import SecrecyMark
    from support import registration
    from support.models import Agreement, SupportRequest
    from tests.support.factories import MessageFactory, SupportRequestFactory

    for support_request in SupportRequest.objects.exclude(submitted_at=None).order_by("submitted_at", "pk"):
        registration.register_request(support_request)
    for agreement in Agreement.objects.order_by("pk"):
        registration.register_agreement(agreement)
    secret = SupportRequestFactory(in_progress=True, department=department, subject="Skyddad identitet")
    message = MessageFactory(request=secret, author=secret.applicant, body="Min adress är skyddad.")
    case = registration.register_request(secret)
    SecrecyMark.objects.create(registration=case, item_type=ContentType.objects.get_for_model(message),
                               item_id=message.pk, provision="OSL 21 kap. 3 §", reason="Skyddade personuppgifter.")
    return {"registered_secret_request": secret}


# f(user_for=, department=) -> dict of objects the rows above need
CONTEXT_BUILDERS: list = [registration_context]
