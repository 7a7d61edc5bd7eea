"""The vocabularies of records management: kinds of registered case, record
types of the records plan, document directions and the plan's events."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CaseKind(models.TextChoices):
    """What a registration number is given to."""

    SUPPORT_REQUEST = "support_request", _("Support request")
    AGREEMENT = "agreement", _("Agreement")
    REPORTING_ROUND = "reporting_round", _("Annual report round")
    ASF_CHECK = "asf_check", _("ASF check")


class Direction(models.TextChoices):
    INCOMING = "incoming", _("Incoming")
    OUTGOING = "outgoing", _("Outgoing")
    INTERNAL = "internal", _("Internal")


class DocumentKind(models.TextChoices):
    APPLICATION = "application", _("Application")
    MESSAGE = "message", _("Message")
    ATTACHMENT = "attachment", _("Attachment")
    REQUEST_FOR_INFORMATION = "request_info", _("Request for information")
    DECISION = "decision", _("Decision")
    INTERNAL_NOTE = "internal_note", _("Internal note")
    FORWARDING = "forwarding", _("Forwarding")
    AGREEMENT = "agreement", _("Agreement")
    AGREEMENT_ATTACHMENT = "agreement_attachment", _("Agreement attachment")
    ROUND_OPENED = "round_opened", _("Request for annual reports")
    ANNUAL_REPORT = "annual_report", _("Annual report")
    COMPILED_REPORT = "compiled_report", _("Compiled report")
    ASF_CHECK = "asf_check", _("ASF check")
    EVIDENCE = "evidence", _("Evidence")


class RecordType(models.TextChoices):
    """One rule of the records plan per record type."""

    SUPPORT_REQUEST = "support_request", _("Support request")
    MESSAGE = "message", _("Message")
    ATTACHMENT = "attachment", _("Attachment to a support request")
    DECISION = "decision", _("Decision on a support request")
    INTERNAL_NOTE = "internal_note", _("Internal note")
    AGREEMENT = "agreement", _("Agreement")
    AGREEMENT_ATTACHMENT = "agreement_attachment", _("Agreement attachment")
    ANNUAL_REPORT = "annual_report", _("Annual report and its versions")
    ASF_CHECK = "asf_check", _("ASF check")
    EVIDENCE = "evidence", _("Evidence for an ASF check")
    OUTBOX_EMAIL = "outbox_email", _("Sent e-mail (outbox)")
    SIGN_IN_RECORD = "sign_in_record", _("Sign-in record")


class Action(models.TextChoices):
    KEEP = "keep", _("Kept (bevaras)")
    DISPOSE = "dispose", _("Disposed of (gallras)")


class Trigger(models.TextChoices):
    """The event a disposal period is counted from."""

    CASE_CLOSED = "case_closed", _("the case was closed")
    AGREEMENT_ENDED = "agreement_ended", _("the agreement ended")
    REPORT_ACCEPTED = "report_accepted", _("the report was accepted")
    CREATED = "created", _("the record was created")
