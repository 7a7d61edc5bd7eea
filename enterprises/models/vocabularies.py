"""The registry's managed vocabularies: service categories and target groups."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.names import localized_name
from core.uploads import private_upload_path  # noqa: F401 - migrations refer to it here


class ServiceCategory(models.Model):
    """What enterprises sell: a managed list officials can extend."""

    name = models.CharField(_("name"), max_length=80, unique=True)
    name_en = models.CharField(_("name in English"), max_length=80, blank=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    is_active = models.BooleanField(_("active"), default=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("service category")
        verbose_name_plural = _("service categories")
        ordering = ["name"]

    def __str__(self) -> str:
        return localized_name(self)  # the English name on English pages, where there is one


class TargetGroup(models.Model):
    """The policy's target groups; a managed list."""

    name = models.CharField(_("name"), max_length=150, unique=True)
    name_en = models.CharField(_("name in English"), max_length=150, blank=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return localized_name(self)  # the English name on English pages, where there is one
