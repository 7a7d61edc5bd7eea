"""Who may keep the records plan: the records manager (arkivansvarig) and
the system administrator. Nobody else sees the plan's pages, the series or
the disposal log (the log names registration numbers, never content, but
it is the records manager's tool)."""

import rules

from accounts.roles import is_administrator, is_records_manager

keeps_the_records = is_records_manager | is_administrator

rules.add_perm("archive.view_records_plan", keeps_the_records)
rules.add_perm("archive.change_records_plan", keeps_the_records)
rules.add_perm("archive.change_series", keeps_the_records)
rules.add_perm("archive.view_disposal_log", keeps_the_records)

# The deliveries to the e-archive declare their own permissions.
from . import rules_delivery  # noqa: E402,F401
