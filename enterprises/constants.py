"""The registry's choices and fixed figures."""

from django.db import models
from django.utils.translation import gettext_lazy as _

RESERVED_CONTRACT_SHARE_PERCENT = 30  # LOU 4 kap. 18 §, directive 2014/24/EU art. 20


class Locality(models.TextChoices):
    KUNGSHAMN = "kungshamn", "Kungshamn"
    SMOGEN = "smogen", "Smögen"
    HUNNEBOSTRAND = "hunnebostrand", "Hunnebostrand"
    BOVALLSTRAND = "bovallstrand", "Bovallstrand"
    VAJERN = "vajern", "Väjern"
    MALMON = "malmon", "Malmön"
    OUTSIDE = "outside", _("Outside the municipality")


class LegalForm(models.TextChoices):
    ECONOMIC_ASSOCIATION = "ekonomisk_forening", _("Economic association (ekonomisk förening)")
    LIMITED_COMPANY = "aktiebolag", _("Limited company (aktiebolag)")
    LIMITED_COMPANY_SVB = "aktiebolag_svb", _("Limited company with restricted dividends (AB, svb)")
    NON_PROFIT_ASSOCIATION = "ideell_forening", _("Non-profit association (ideell förening)")
    FOUNDATION = "stiftelse", _("Foundation (stiftelse)")
    OTHER = "other", _("Other legal form")


class ActorKind(models.TextChoices):
    ASF = "asf", _("Work-integrating social enterprise (ASF)")
    ASSOCIATION = "association", _("Association")
    COOPERATIVE = "cooperative", _("Cooperative")
    FOUNDATION = "foundation", _("Foundation")
    OTHER = "other", _("Other civil-society actor")


class PublicationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    AWAITING_REVIEW = "awaiting_review", _("Awaiting review")
    PUBLISHED = "published", _("Published")
    UNPUBLISHED = "unpublished", _("Unpublished")


class Criterion(models.IntegerChoices):
    """Tillväxtverket's four criteria, in the policy's order."""

    TRADE = 1, _("Trades with the aim of integrating people far from the labour market")
    PARTICIPATION = 2, _("Employees take part through ownership, agreements or otherwise")
    REINVESTMENT = 3, _("Profits mainly reinvested")
    INDEPENDENCE = 4, _("Organisationally independent of the public sector")


CRITERION_TEXT = {
    Criterion.TRADE: _(
        "Runs a business (produces and sells goods or services) with the overarching aim of integrating "
        "people who have great difficulty getting and/or keeping a job into working life and society."
    ),
    Criterion.PARTICIPATION: _(
        "Creates participation for the employees through ownership, agreements or in another "
        "well-documented way."
    ),
    Criterion.REINVESTMENT: _("Mainly reinvests its profits in its own or similar activities."),
    Criterion.INDEPENDENCE: _("Is organisationally independent of the public sector."),
}


class ConfirmedBy(models.TextChoices):
    """Who last confirmed an entry's details: a role, never a name."""

    REPRESENTATIVE = "representative", _("a representative of the enterprise")
    OFFICIAL = "official", _("the municipality")
