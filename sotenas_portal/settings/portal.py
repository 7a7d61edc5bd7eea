"""The portal's own rules: the registry's, support's and the policy's
periods, and the reminders' lead times (see sotenas_portal/reminders)."""

from .env import env_int, env_list

# Registry ---------------------------------------------------------------------
# The policy's own rhythm: a definition check is valid for two years.
ASF_CHECK_VALID_YEARS = env_int("ASF_CHECK_VALID_YEARS", 2)
# Officials' work list shows checks that expire within this many days.
ASF_RENEWAL_WARNING_DAYS = env_int("ASF_RENEWAL_WARNING_DAYS", 60)
REGISTRY_PAGE_SIZE = 20
# Yearly confirmation (enterprises/confirmation.py): the month the requests
# go out (3 = March, after the annual accounts); the public notice after this
# many months without a confirmation; unpublishing after this many, but never
# sooner than this many days after the latest request.
REGISTRY_CONFIRMATION_MONTH = env_int("REGISTRY_CONFIRMATION_MONTH", 3)
REGISTRY_CONFIRMATION_NOTICE_MONTHS = env_int("REGISTRY_CONFIRMATION_NOTICE_MONTHS", 13)
REGISTRY_CONFIRMATION_UNPUBLISH_MONTHS = env_int("REGISTRY_CONFIRMATION_UNPUBLISH_MONTHS", 24)
REGISTRY_CONFIRMATION_LAST_CALL_DAYS = env_int("REGISTRY_CONFIRMATION_LAST_CALL_DAYS", 30)

# Support ------------------------------------------------------------------------
# A support request gets its first response within this many working days of
# submission (weekends and Swedish public holidays excluded).
SUPPORT_FIRST_RESPONSE_WORKING_DAYS = env_int("SUPPORT_FIRST_RESPONSE_WORKING_DAYS", 10)
# Agreements ending within this many days are flagged as ending soon.
SUPPORT_AGREEMENT_ENDING_SOON_DAYS = env_int("SUPPORT_AGREEMENT_ENDING_SOON_DAYS", 90)
# How long closed requests keep their personal content is decided by the
# records plan (archive.disposal, issue 16), not by a setting.

# Policy reports -------------------------------------------------------------------
# The policy governs for this many years from the council's decision, then it
# is followed up, evaluated and possibly revised.
POLICY_PERIOD_YEARS = 2
# Default months before the review date when the review's preparation should
# start (each policy version can set its own).
POLICY_REVIEW_LEAD_MONTHS = env_int("POLICY_REVIEW_LEAD_MONTHS", 6)

# Reminders: lead times in days before the due date (see sotenas_portal/reminders).
REMINDER_REVIEW_DAYS_BEFORE = [int(d) for d in env_list("REMINDER_REVIEW_DAYS_BEFORE", ["180", "90", "30", "7"])]
REMINDER_REVIEW_REPEAT_DAYS = env_int("REMINDER_REVIEW_REPEAT_DAYS", 30)
REMINDER_REPORT_DAYS_BEFORE = [int(d) for d in env_list("REMINDER_REPORT_DAYS_BEFORE", ["30", "7"])]
REMINDER_REPORT_REPEAT_DAYS = env_int("REMINDER_REPORT_REPEAT_DAYS", 7)
REMINDER_AGREEMENT_DAYS_BEFORE = [int(d) for d in env_list("REMINDER_AGREEMENT_DAYS_BEFORE", ["90", "30"])]
# ASF checks: reminders this many days before the expiry date and on the day
# (representatives and the coordinator); the day after, without a renewal, the
# coordinator is told the badge went. A sweep that was down catches that
# notice up for this many days after the expiry, not for ever.
REMINDER_ASF_CHECK_DAYS_BEFORE = [int(d) for d in env_list("REMINDER_ASF_CHECK_DAYS_BEFORE", ["90", "30"])]
REMINDER_ASF_EXPIRY_CATCH_UP_DAYS = env_int("REMINDER_ASF_EXPIRY_CATCH_UP_DAYS", 30)
