"""The permission matrix: every URL of the project, who may use it, and proof
that every other role is refused (403 or a redirect to a login page), never
served (200) and never crashing (500), on GET and on POST (where 405 also
counts as refused, and a refused POST must leave the database unchanged).

URLs are discovered from the URL conf; a view missing here fails
``test_every_url_is_in_the_matrix``. Each later issue adds its rows.
"""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from accounts.models import Department
from tests.conftest import ROLES
from tests.enterprises.factories import registry_context
from tests.harness import rows
from tests.harness.access import (
    ADMINISTRATORS,
    EVERYONE,
    MANAGERS,
    NOT_RECORDS_MANAGER,
    REPRESENTATIVE_AND_MANAGERS,
    REPRESENTATIVE_AND_STAFF,
    SIGNED_IN,
    STAFF,
    Access,
    department_kwargs,
    enterprise_kwargs,
    support_agreement_kwargs,
    support_request_kwargs,
)
from tests.harness.dbstate import database_state
from tests.harness.urls import discover_urls
from tests.policy_reports.factories import policy_reports_context
from tests.support.factories import support_context

pytestmark = pytest.mark.django_db

MATRIX: dict[str, Access] = {
    # Site pages
    "home": Access(EVERYONE),
    "accessibility": Access(EVERYONE),
    "privacy": Access(EVERYONE),
    "health": Access(EVERYONE),
    "set_language": Access(EVERYONE, ok=(302,)),
    # Accounts
    "accounts:overview": Access(SIGNED_IN),
    "accounts:profile": Access(SIGNED_IN),
    "accounts:notifications": Access(SIGNED_IN),
    # Privacy (issue 8): each signed-in user's own data only; the page after a
    # deletion is shown to the (by then signed-out) visitor.
    "privacy:personal_data": Access(SIGNED_IN),
    "privacy:personal_data_download": Access(SIGNED_IN),
    "privacy:delete": Access(SIGNED_IN),
    "privacy:deleted": Access(EVERYONE),
    "accounts:signup": Access(EVERYONE, ok_for={role: (302,) for role in SIGNED_IN}),
    "accounts:login": Access(EVERYONE, ok_for={role: (302,) for role in SIGNED_IN}),
    "accounts:logout": Access(EVERYONE, ok_for={"anonymous": (302,)}),
    "accounts:password_change": Access(SIGNED_IN),
    "accounts:password_change_done": Access(SIGNED_IN),
    "accounts:password_reset": Access(EVERYONE),
    "accounts:password_reset_done": Access(EVERYONE),
    "accounts:password_reset_confirm": Access(EVERYONE, kwargs=lambda ctx: {"uidb64": "MQ", "token": "set-password"}),
    "accounts:password_reset_complete": Access(EVERYONE),
    # Sign-in through the municipality's identity provider: off in the test
    # settings, so 404 for everyone; switched on it is tested against a real
    # provider in tests/accounts/test_oidc.py.
    "oidc:start": Access(EVERYONE, ok=(404,)),
    "oidc:callback": Access(EVERYONE, ok=(404,)),
    # Organisation
    "accounts:department_list": Access(STAFF),
    "accounts:department_detail": Access(STAFF, kwargs=department_kwargs),
    "accounts:department_history": Access(STAFF, kwargs=department_kwargs),
    "accounts:department_create": Access(MANAGERS),
    "accounts:department_update": Access(MANAGERS, kwargs=department_kwargs),
    # Registry
    "enterprises:list": Access(EVERYONE),
    "enterprises:register": Access(SIGNED_IN),
    "enterprises:mine": Access(SIGNED_IN),
    "enterprises:work_list": Access(STAFF),
    "enterprises:categories": Access(STAFF),
    "enterprises:reserved_export": Access(STAFF),
    "enterprises:representation_decide": Access(MANAGERS, ok=(405,), kwargs=lambda ctx: {"pk": ctx["claim"].pk}),
    "enterprises:detail": Access(EVERYONE, kwargs=enterprise_kwargs),
    "enterprises:update": Access(REPRESENTATIVE_AND_MANAGERS, kwargs=enterprise_kwargs),
    "enterprises:history": Access(STAFF, kwargs=enterprise_kwargs),
    "enterprises:publish": Access(MANAGERS, ok=(405,), kwargs=enterprise_kwargs),
    "enterprises:unpublish": Access(MANAGERS, kwargs=enterprise_kwargs),
    "enterprises:merge": Access(MANAGERS, kwargs=enterprise_kwargs),
    # Superusers hold every permission, as Django intends.
    "enterprises:claim": Access(frozenset({"representative", "administrator"}), kwargs=enterprise_kwargs),
    "enterprises:check_start": Access(REPRESENTATIVE_AND_MANAGERS, ok=(405,), kwargs=enterprise_kwargs),
    "enterprises:check_fill": Access(REPRESENTATIVE_AND_MANAGERS, kwargs=enterprise_kwargs),
    "enterprises:check_review": Access(
        MANAGERS, kwargs=lambda ctx: {"slug": ctx["enterprise"].slug, "pk": ctx["check"].pk}
    ),
    "enterprises:evidence": Access(
        REPRESENTATIVE_AND_STAFF, kwargs=lambda ctx: {"slug": ctx["enterprise"].slug, "pk": ctx["evidence"].pk}
    ),
    # Policy versions and the two-year review
    "policy_reports:home": Access(EVERYONE, ok_for={role: (302,) for role in STAFF}),
    "policy_reports:version_list": Access(STAFF),
    "policy_reports:version_adopt": Access(MANAGERS),
    "policy_reports:version_detail": Access(STAFF, kwargs=lambda ctx: {"pk": ctx["policy_version"].pk}),
    "policy_reports:version_status": Access(MANAGERS, kwargs=lambda ctx: {"pk": ctx["policy_version"].pk}),
    # The adopted policy is a public document.
    "policy_reports:version_document": Access(EVERYONE, kwargs=lambda ctx: {"pk": ctx["policy_version"].pk}),
    "policy_reports:version_history": Access(STAFF, kwargs=lambda ctx: {"pk": ctx["policy_version"].pk}),
    "policy_reports:review_basis": Access(MANAGERS, kwargs=lambda ctx: {"pk": ctx["policy_version"].pk}),
    "policy_reports:review_basis_pdf": Access(MANAGERS, kwargs=lambda ctx: {"pk": ctx["policy_version"].pk}),
    "policy_reports:evidence_add": Access(
        MANAGERS, kwargs=lambda ctx: {"pk": ctx["policy_version"].pk, "statement_pk": ctx["statement"].pk}
    ),
    # Reporting rounds and the compiled report
    "policy_reports:round_list": Access(MANAGERS),
    "policy_reports:round_open": Access(MANAGERS),
    "policy_reports:round_overview": Access(MANAGERS, kwargs=lambda ctx: {"pk": ctx["reporting_round"].pk}),
    "policy_reports:round_sync": Access(MANAGERS, ok=(405,), kwargs=lambda ctx: {"pk": ctx["reporting_round"].pk}),
    "policy_reports:compiled_report": Access(MANAGERS, kwargs=lambda ctx: {"pk": ctx["reporting_round"].pk}),
    "policy_reports:compiled_report_pdf": Access(MANAGERS, kwargs=lambda ctx: {"pk": ctx["reporting_round"].pk}),
    "policy_reports:compiled_report_csv": Access(MANAGERS, kwargs=lambda ctx: {"pk": ctx["reporting_round"].pk}),
    # A department's reports: its officials edit, the coordinator sees and reviews.
    "policy_reports:my_reports": Access(frozenset({"official", "administrator"})),
    "policy_reports:report_detail": Access(STAFF, kwargs=lambda ctx: {"pk": ctx["report"].pk}),
    "policy_reports:report_edit": Access(
        frozenset({"official", "administrator"}), kwargs=lambda ctx: {"pk": ctx["report"].pk}
    ),
    "policy_reports:report_return": Access(MANAGERS, kwargs=lambda ctx: {"pk": ctx["submitted_report"].pk}),
    "policy_reports:report_accept": Access(MANAGERS, kwargs=lambda ctx: {"pk": ctx["submitted_report"].pk}),
    "policy_reports:report_version": Access(
        STAFF, kwargs=lambda ctx: {"pk": ctx["submitted_report"].pk, "number": 1}
    ),
    # Support requests: the representative is the applicant, the official works
    # at the request's department (object-level rules are tested in tests/support).
    # The records manager handles no cases and sees none.
    "support:home": Access(SIGNED_IN, ok=(302,)),
    "support:my_requests": Access(SIGNED_IN),
    "support:request_create": Access(SIGNED_IN),
    "support:request_detail": Access(NOT_RECORDS_MANAGER, kwargs=support_request_kwargs),
    "support:request_receipt": Access(NOT_RECORDS_MANAGER, kwargs=support_request_kwargs),
    "support:request_export": Access(NOT_RECORDS_MANAGER, kwargs=support_request_kwargs),
    "support:request_attachment": Access(NOT_RECORDS_MANAGER, kwargs=lambda ctx: {
        "pk": ctx["support_request"].pk, "attachment_pk": ctx["support_attachment"].pk}),
    "support:request_update": Access(frozenset({"representative", "administrator"}),
                                     kwargs=lambda ctx: {"pk": ctx["support_draft"].pk}),
    "support:request_transition": Access(frozenset({"official", "administrator"}),
                                         kwargs=lambda ctx: {"pk": ctx["support_request"].pk, "move": "decide"}),
    "support:request_decision_due": Access(frozenset({"official", "administrator"}), kwargs=support_request_kwargs),
    "support:worklist": Access(STAFF),
    # Agreements
    "support:agreement_list": Access(STAFF),
    "support:agreement_create": Access(STAFF),
    "support:agreement_export": Access(STAFF),
    "support:agreement_detail": Access(STAFF, kwargs=support_agreement_kwargs),
    "support:agreement_update": Access(STAFF, kwargs=support_agreement_kwargs),
    "support:agreement_history": Access(STAFF, kwargs=support_agreement_kwargs),
    "support:agreement_attachment": Access(STAFF, kwargs=lambda ctx: {
        "pk": ctx["support_agreement"].pk, "attachment_pk": ctx["support_agreement_attachment"].pk}),
    # Exports (issue 7): the registry for everyone (officials get wider
    # columns), work lists and agreements for staff.
    "enterprises:registry_export_csv": Access(EVERYONE),
    "enterprises:registry_export_xlsx": Access(EVERYONE),
    "support:worklist_export_csv": Access(STAFF),
    "support:worklist_export_xlsx": Access(STAFF),
    "support:agreement_export_xlsx": Access(STAFF),
    # Open data API and its documentation: public and read-only.
    "api_schema": Access(EVERYONE),
    "api_docs": Access(EVERYONE),
    "api_explorer": Access(EVERYONE),
    "api:enterprise_list": Access(EVERYONE),
    "api:enterprise_detail": Access(EVERYONE, kwargs=lambda ctx: {
        "organisation_number": ctx["enterprise"].organisation_number_display}),
    "api:service_category_list": Access(EVERYONE),
    "api:target_group_list": Access(EVERYONE),
    "api:locality_list": Access(EVERYONE),
    "api:agreement_list": Access(EVERYONE),
    "api:statistics": Access(EVERYONE),
    # Statistics: public figures for all, the fuller page for municipal staff.
    "statistics:public": Access(EVERYONE),
    "statistics:public_csv": Access(EVERYONE, kwargs=lambda ctx: {"key": "by-kind"}),
    "statistics:official": Access(STAFF),
    "statistics:official_csv": Access(STAFF, kwargs=lambda ctx: {"key": "agreements"}),
    # Later features keep their rows in tests/harness/rows/.
    **rows.MATRIX,
}

# The admin is for system administrators only. Its own sign-in and sign-out
# send everyone to the portal's (throttled) sign-in page.
ADMIN_PUBLIC = {"admin:login": ("accounts:login",), "admin:logout": ("accounts:logout", "admin:login", "admin:index")}
# Admin pages that answer an administrator with something other than 200 by
# design: axes' records are read-only, autocomplete needs its parameters.
ADMIN_EXPECTED = {
    "admin:axes_accessattempt_add": (403,),
    "admin:axes_accessfailurelog_add": (403,),
    "admin:axes_accesslog_add": (403,),
    # The outbox is written by the portal only; nobody adds messages by hand.
    "admin:core_outboundemail_add": (403,),
}
ADMIN_QUERY = {"admin:autocomplete": "?app_label=accounts&model_name=membership&field_name=department"}


def admin_kwargs(params: tuple[str, ...], ctx) -> dict:
    values = {
        "app_label": "accounts",
        "object_id": str(ctx["department"].pk),
        "content_type_id": str(ContentType.objects.get_for_model(Department).pk),
        "url": "missing",
        "id": str(ctx["department"].pk),
    }
    return {name: values[name] for name in params}


DISCOVERED = discover_urls()
PROJECT_URLS = sorted({u.name for u in DISCOVERED if u.name and not u.name.startswith("admin:")})
ADMIN_URLS = sorted({(u.name, u.params, u.positional) for u in DISCOVERED if u.name and u.name.startswith("admin:")})


def is_login_redirect(response) -> bool:
    if response.status_code != 302:
        return False
    location = response["Location"]
    return location.startswith(reverse("accounts:login")) or location.startswith(reverse("admin:login"))


def assert_refused(response, role: str, url: str) -> None:
    assert response.status_code == 403 or is_login_redirect(response), (
        f"{role} must be refused at {url}, got {response.status_code} {response.get('Location', '')}"
    )


# What a refused POST sends: fields of many of the portal's forms, so a view
# that validated or saved before asking permission would show it.
INTRUSION = {
    "name": "Intrång", "contact_email": "x@example.org", "title": "Intrång", "subject": "Intrång",
    "body": "Intrång", "comment": "Intrång", "reason": "Intrång", "decision": "confirm", "status": "in_force",
    "outcome": "granted", "outcome_reason": "Intrång", "description": "Intrång", "action": "submit",
}


def assert_post_refused(client, role: str, url: str) -> None:
    """A refused role's POST: 403, a sign-in redirect or 405, and no change."""
    before = database_state()
    response = client.post(url, INTRUSION)
    assert response.status_code in (403, 405) or is_login_redirect(response), (
        f"{role} must be refused POST at {url}, got {response.status_code} {response.get('Location', '')}"
    )
    assert database_state() == before, f"{role}'s refused POST at {url} changed data"


# Each builder adds the objects its app's URLs need: f(user_for=, department=) -> dict.
CONTEXT_BUILDERS = [registry_context, policy_reports_context, support_context, *rows.CONTEXT_BUILDERS]


@pytest.fixture
def ctx(department, user_for):
    context = {"department": department}
    for build in CONTEXT_BUILDERS:
        context.update(build(user_for=user_for, department=department))
    return context


def test_every_url_is_named():
    unnamed = [u.route for u in DISCOVERED if not u.name and not u.route.startswith("admin/")]
    assert unnamed == [], "Give every URL pattern a name so the matrix can cover it"


def test_every_url_is_in_the_matrix():
    assert set(PROJECT_URLS) - set(MATRIX) == set(), "Add the new views to MATRIX with who may use them"
    assert set(MATRIX) - set(PROJECT_URLS) == set(), "MATRIX names URLs that no longer exist"


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", PROJECT_URLS)
def test_project_url_access(name, role, ctx, client_as):
    access = MATRIX[name]
    url = reverse(name, kwargs=access.kwargs(ctx))
    client = client_as(role)
    response = client.get(url)
    if role in access.allowed:
        expected = access.ok_for.get(role, access.ok)
        assert response.status_code in expected, f"{role} GET {url}: {response.status_code}, expected {expected}"
        # Allowed to POST or not (405), a stray POST must not crash.
        assert client.post(url, INTRUSION).status_code < 500
    else:
        assert_refused(response, role, url)
        assert_post_refused(client, role, url)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name,params,positional", ADMIN_URLS)
def test_admin_url_access(name, params, positional, role, ctx, client_as):
    if positional:
        url = reverse(name, args=[str(ctx["department"].pk)] * positional)
    else:
        url = reverse(name, kwargs=admin_kwargs(params, ctx))
    url += ADMIN_QUERY.get(name, "")
    response = client_as(role).get(url)
    if name == "admin:login" and role != "anonymous":
        # Signed in: administrators go to the admin, everyone else is refused
        # (the portal's sign-in page would send them back in a loop).
        expected = reverse("admin:index") if role in ADMINISTRATORS else None
        assert response.status_code == (302 if expected else 403), f"{role} GET {url}: {response.status_code}"
        assert not expected or response["Location"] == expected
    elif name in ADMIN_PUBLIC:
        assert response.status_code == 302
        assert response["Location"].startswith(tuple(reverse(target) for target in ADMIN_PUBLIC[name]))
    elif role in ADMINISTRATORS:
        expected = ADMIN_EXPECTED.get(name, (200,) if not (params or positional) else (200, 302, 404))
        assert response.status_code in expected, f"administrator GET {url}: {response.status_code}"
    else:
        assert_refused(response, role, url)
        assert_post_refused(client_as(role), role, url)


def test_inactive_department_members_lose_official_access(client_as, user_for, department):
    client = client_as("official")
    department.is_active = False
    department.save()
    assert client.get(reverse("accounts:department_list")).status_code == 403
