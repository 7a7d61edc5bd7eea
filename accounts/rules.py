"""Who may do what in the accounts app (discovered by rules' autodiscovery)."""

import rules

from .roles import is_administrator, is_municipal_staff, is_policy_coordinator

rules.add_perm("accounts.view_own_account", rules.is_authenticated)
rules.add_perm("accounts.view_departments", is_municipal_staff)
rules.add_perm("accounts.manage_departments", is_policy_coordinator | is_administrator)
# Audit history of domain objects is open to every municipal official.
rules.add_perm("accounts.view_history", is_municipal_staff)
rules.add_perm("accounts.use_admin", is_administrator)
# Privacy (issue 8): everyone signed in may download and delete their own data.
rules.add_perm("accounts.download_own_data", rules.is_authenticated)
rules.add_perm("accounts.delete_own_account", rules.is_authenticated)
