"""Who may do what with the policy and its annual reports.

A department official sees and edits only the reports of the departments
they belong to; the policy coordinator sees every report, returns or
accepts them, runs the rounds and compiles the report for Kommunstyrelsen.
(Django lets an active superuser through every permission, as everywhere in
the portal.)
"""

import rules

from accounts.roles import is_administrator, is_department_official, is_municipal_staff, is_policy_coordinator


@rules.predicate
def belongs_to_report_department(user, report) -> bool:
    """The user is an official of the (active) department the report belongs to."""
    if report is None or not is_department_official(user):
        return False
    # is_department_official caches the user's active department ids.
    return report.department_id in user._active_department_ids


is_policy_manager = is_policy_coordinator | is_administrator

rules.add_perm("policy_reports.view_policy", is_municipal_staff)
# The adopted policy is a public document (offentlig handling).
rules.add_perm("policy_reports.view_policy_document", rules.always_allow)
rules.add_perm("policy_reports.manage_policy", is_policy_manager)
rules.add_perm("policy_reports.manage_rounds", is_policy_manager)
rules.add_perm("policy_reports.view_own_reports", is_department_official)
rules.add_perm("policy_reports.view_report", belongs_to_report_department | is_policy_manager)
rules.add_perm("policy_reports.change_report", belongs_to_report_department)
rules.add_perm("policy_reports.submit_report", belongs_to_report_department)
rules.add_perm("policy_reports.review_report", is_policy_manager)
