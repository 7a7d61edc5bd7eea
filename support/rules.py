"""Who may do what with support requests and agreements.

Applicants see and act on their own requests; officials of the department a
request is assigned to handle it; the policy coordinator triages and sees
every request. Agreements are visible to all municipal staff and maintained
by the department's officials and the coordinator."""

import rules

from accounts.roles import (
    is_administrator,
    is_department_official,
    is_municipal_staff,
    is_policy_coordinator,
)

from .constants import RequestState


def active_department_ids(user) -> frozenset:
    """The user's active departments (cached on the user by the role predicate)."""
    if not is_department_official(user):
        return frozenset()
    return user._active_department_ids


@rules.predicate
def is_applicant(user, support_request) -> bool:
    return bool(support_request is not None and user.is_authenticated and support_request.applicant_id == user.pk)


@rules.predicate
def is_draft(user, support_request) -> bool:
    return support_request is not None and support_request.state == RequestState.DRAFT


@rules.predicate
def is_in_request_department(user, support_request) -> bool:
    if support_request is None or support_request.department_id is None:
        return False
    return support_request.department_id in active_department_ids(user)


@rules.predicate
def is_in_agreement_department(user, agreement) -> bool:
    return agreement is not None and agreement.department_id in active_department_ids(user)


@rules.predicate
def is_own_department_or_all(user, department) -> bool:
    """No department named (all the user may see), or one of the user's own."""
    return department is None or department.pk in active_department_ids(user)


sees_every_request = is_policy_coordinator | is_administrator
is_handler_side = is_in_request_department | is_administrator

# Requests
rules.add_perm("support.apply", rules.is_authenticated)
# A draft is the applicant's own until it is submitted.
rules.add_perm("support.view_request", is_applicant | (~is_draft & (is_in_request_department | sees_every_request)))
rules.add_perm("support.edit_draft", is_draft & (is_applicant | is_administrator))
rules.add_perm("support.act_as_applicant", is_applicant | is_administrator)
rules.add_perm("support.view_worklist", is_department_official | sees_every_request)
rules.add_perm("support.triage", sees_every_request)
rules.add_perm("support.handle_request", is_handler_side)
rules.add_perm("support.resume_request", is_applicant | is_handler_side)
rules.add_perm("support.post_message", is_applicant | is_in_request_department | sees_every_request)
rules.add_perm("support.view_internal_notes", is_in_request_department | sees_every_request)
rules.add_perm("support.post_internal_note", is_in_request_department | sees_every_request)
# Typing the number from the municipality's diarium (a series with manual numbers).
rules.add_perm("support.register_request", ~is_draft & (is_in_request_department | sees_every_request))
rules.add_perm("support.export_request", is_applicant | (~is_draft & (is_in_request_department | sees_every_request)))
# Secrecy markings and copies for a public-records request (issue 16): the
# municipality's side of a submitted request, never the applicant as such.
rules.add_perm("support.mark_secret_request", ~is_draft & (is_in_request_department | sees_every_request))
rules.add_perm("support.copy_request", ~is_draft & (is_in_request_department | sees_every_request))
# Deadline follow-up: every department for the coordinator, an official's own only.
rules.add_perm("support.view_followup", sees_every_request | (is_department_official & is_own_department_or_all))

# Agreements
rules.add_perm("support.view_agreements", is_municipal_staff)
rules.add_perm("support.add_agreement", is_department_official | is_policy_coordinator | is_administrator)
rules.add_perm("support.maintain_agreement", is_in_agreement_department | is_policy_coordinator | is_administrator)
rules.add_perm("support.export_agreements", is_municipal_staff)
