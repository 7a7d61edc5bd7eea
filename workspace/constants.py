"""The windows "Mitt arbete" counts in (issue 14, section 1)."""

# Agreements ending within this many days, for the policy coordinator.
AGREEMENT_ENDING_DAYS = 90
# Each list of entries under an item (my drafts, my open requests) shows at most this many.
MAX_ENTRIES = 10
