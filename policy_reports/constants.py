"""The annual report's states and the groups of states the rules ask about."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ReportStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    RETURNED = "returned", _("Returned for completion")
    ACCEPTED = "accepted", _("Accepted")


# The department may change the content only in these states.
EDITABLE = frozenset({ReportStatus.NOT_STARTED, ReportStatus.DRAFT, ReportStatus.RETURNED})
# A report in these states counts as delivered (in the overview and the compiled report).
DELIVERED = frozenset({ReportStatus.SUBMITTED, ReportStatus.ACCEPTED})
