"""A saved view: a work list's filters and sort under a name, private or
shared with one of the owner's departments."""

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from accounts.models import Department

from .constants import NAME_MAX_LENGTH, QUERY_MAX_LENGTH, ListKey


class SavedView(models.Model):
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_views",
                              verbose_name=_("owner"))
    list_key = models.CharField(_("list"), max_length=30, choices=ListKey)
    name = models.CharField(_("name"), max_length=NAME_MAX_LENGTH)
    # The list's query string (filters and sort), without the page number.
    query = models.CharField(_("filters"), max_length=QUERY_MAX_LENGTH, blank=True)
    # What each saved choice was called when saved ({parameter: {value: label}}),
    # so a choice that no longer exists can be named when the view is opened.
    labels = models.JSONField(_("names of the choices"), default=dict, blank=True)
    # The object a list belongs to (the reporting round of a round overview).
    object_id = models.PositiveIntegerField(_("object"), null=True, blank=True)
    object_label = models.CharField(_("object name"), max_length=200, blank=True)
    # Shared with this department's members; none: private.
    department = models.ForeignKey(Department, null=True, blank=True, on_delete=models.CASCADE,
                                   related_name="saved_views", verbose_name=_("shared with"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("saved view")
        verbose_name_plural = _("saved views")
        constraints = [
            models.UniqueConstraint("owner", "list_key", Lower("name"), name="saved_view_name_unique_per_owner_list"),
        ]
        indexes = [models.Index(fields=["department", "list_key"], name="saved_view_shared_idx")]

    def __str__(self) -> str:
        return self.name

    @property
    def is_shared(self) -> bool:
        return self.department_id is not None

    def get_absolute_url(self) -> str:
        return reverse("saved_views:open", kwargs={"pk": self.pk})
