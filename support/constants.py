"""Choices shared by the models, the workflow and the forms."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class RequestState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    ASSIGNED = "assigned", _("Assigned")
    IN_PROGRESS = "in_progress", _("In progress")
    WAITING = "waiting", _("Waiting for the applicant")
    FORWARDED = "forwarded", _("Forwarded to an external partner")
    DECIDED = "decided", _("Decided")
    CLOSED = "closed", _("Closed")
    WITHDRAWN = "withdrawn", _("Withdrawn")


# A request's life: a draft, then open, then decided, then ended. The two
# groups below are the only definitions; everything imports them.
#
# Submitted and not yet decided: what officials still owe an answer on, and
# what keeps an applicant from deleting the account.
OPEN_STATES = (
    RequestState.SUBMITTED,
    RequestState.ASSIGNED,
    RequestState.IN_PROGRESS,
    RequestState.WAITING,
    RequestState.FORWARDED,
)
# Closed or withdrawn: nothing more can happen, ``ended_at`` is set and the
# retention period counts from it. A decided request is neither open nor
# ended (the handler still closes it).
ENDED_STATES = (RequestState.CLOSED, RequestState.WITHDRAWN)


class Outcome(models.TextChoices):
    GRANTED = "granted", _("Granted")
    PARTLY_GRANTED = "partly_granted", _("Partly granted")
    DECLINED = "declined", _("Declined")


class AgreementKind(models.TextChoices):
    OVERENSKOMMELSE = "overenskommelse", _("Agreement (överenskommelse)")
    SAMARBETSAVTAL = "samarbetsavtal", _("Collaboration contract (samarbetsavtal)")
    IOP = "iop", _("Idea-driven public partnership (IOP)")
    RESERVED_CONTRACT = "reserved_contract", _("Reserved procurement contract")
    PLACEMENT = "placement", _("Work training placement agreement")
    OTHER = "other", _("Other agreement")


# Suggestions for the forwarding form; any partner may be named.
EXTERNAL_PARTNERS = (
    "Arbetsförmedlingen",
    "Försäkringskassan",
    "Samordningsförbundet",
    "Region Västra Götaland",
)
