"""Users, the municipality's departments and companies, and who belongs where.

Roles are not stored as one field: a user is a department official through
memberships, a policy coordinator by an explicit flag, a system administrator
as a superuser, and an enterprise representative through links to
enterprises. ``accounts.roles`` turns that into questions a view can ask.
"""

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.names import localized_name


class Language(models.TextChoices):
    SWEDISH = "sv", _("Swedish")
    ENGLISH = "en", _("English")


class EmailDelivery(models.TextChoices):
    IMMEDIATE = "immediate", _("At once, one email per message")
    DIGEST = "digest", _("One summary a day")


class User(AbstractUser):
    email = models.EmailField(_("email address"))
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=2,
        choices=Language,
        default=Language.SWEDISH,
        help_text=_("The language of emails from the portal."),
    )
    support_email_delivery = models.CharField(
        _("emails about support requests"),
        max_length=10,
        choices=EmailDelivery,
        default=EmailDelivery.IMMEDIATE,
        help_text=_("Reminders about annual reports and the policy review are always sent; they cannot be switched off."),
    )
    is_policy_coordinator = models.BooleanField(
        _("policy coordinator"),
        default=False,
        help_text=_("Oversees the whole policy on behalf of Kommunstyrelsen."),
    )
    is_records_manager = models.BooleanField(
        _("records manager"),
        default=False,
        help_text=_("Keeps the records plan, the disposal log and the deliveries to the e-archive."),
    )
    # The identity provider's stable "sub" claim for officials who sign in
    # with the municipality's account (accounts.oidc); empty for everyone else.
    oidc_subject = models.CharField(
        _("municipal account identifier"),
        max_length=255,
        unique=True,
        null=True,
        blank=True,
        editable=False,
        help_text=_("Set when the user signs in with the municipality's account; such users have no password here."),
    )
    # Set when the account's owner deleted it (or the retention rules took
    # its place): the row stays so the municipality's records keep their
    # links, but everything personal is gone (see accounts.deletion).
    erased_at = models.DateTimeField(_("deleted"), null=True, blank=True, editable=False)

    history = HistoricalRecords(excluded_fields=["password", "last_login"])

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                condition=~models.Q(email=""),
                name="accounts_user_email_unique_ci",
                violation_error_message=_("An account with this email address already exists."),
            ),
        ]

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    @property
    def is_erased(self) -> bool:
        return self.erased_at is not None

    def get_full_name(self) -> str:
        # The one place a deleted account's name is decided: every template
        # that shows a user goes through __str__ or this.
        if self.is_erased:
            return str(_("Deleted user"))
        return super().get_full_name()


class Department(models.Model):
    """A förvaltning/sektor or a kommunalt bolag."""

    class Kind(models.TextChoices):
        KOMMUNSTYRELSEN = "kommunstyrelsen", _("Kommunstyrelsen's office")
        SECTOR = "sector", _("Department (sektor/förvaltning)")
        COMPANY = "company", _("Municipal company")

    name = models.CharField(_("name"), max_length=150, unique=True)
    name_en = models.CharField(_("name in English"), max_length=150, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.SECTOR)
    contact_email = models.EmailField(_("contact email"))
    is_active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_("Only active departments and companies owe annual reports and receive requests."),
    )
    members = models.ManyToManyField(
        User, through="Membership", related_name="departments", verbose_name=_("members")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("department or company")
        verbose_name_plural = _("departments and companies")
        ordering = ["name"]
        constraints = [
            # Kommunstyrelsen's office is unique: the policy coordinator sits
            # there and reminders go to its contact address.
            models.UniqueConstraint(
                fields=["kind"],
                condition=models.Q(kind="kommunstyrelsen"),
                name="accounts_department_one_kommunstyrelsen",
                violation_error_message=_("There is already a Kommunstyrelsen office."),
            ),
        ]

    def __str__(self) -> str:
        return localized_name(self)  # the English name on English pages, where there is one

    def get_absolute_url(self) -> str:
        return reverse("accounts:department_detail", kwargs={"pk": self.pk})


class Membership(models.Model):
    """A user works in a department (and so is a department official there)."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("user"))
    department = models.ForeignKey(
        Department, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("department")
    )
    created_at = models.DateTimeField(_("member since"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["user", "department"], name="accounts_membership_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.department}"
