"""Secrecy markings (sekretess) on the items of a registered case, and the
log of copies made for a public-records request.

Generic over every kind of case: an item is any model instance (a message,
an attachment, the case itself for one of its fields). Which items and
fields a case offers is the domain app's business; this module keeps the
marks, their history and the lookup the pages and copies read."""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import CaseCopy, Registration, SecrecyMark

# The provisions of offentlighets- och sekretesslagen (2009:400) that come up
# most often in the portal's cases; any other is typed in. The value is what
# the copy cites ("Uppgift sekretessbelagd enligt OSL 21 kap. 1 §").
COMMON_PROVISIONS = (
    ("OSL 21 kap. 1 §", gettext_lazy("OSL 21 kap. 1 § (health or sexual life)")),
    ("OSL 21 kap. 3 §", gettext_lazy("OSL 21 kap. 3 § (address and the like, risk of threats or violence)")),
    ("OSL 21 kap. 7 §", gettext_lazy("OSL 21 kap. 7 § (processing in breach of data protection rules)")),
    ("OSL 31 kap. 16 §", gettext_lazy("OSL 31 kap. 16 § (business or operating conditions)")),
    ("OSL 19 kap. 3 §", gettext_lazy("OSL 19 kap. 3 § (public procurement)")),
    ("OSL 26 kap. 1 §", gettext_lazy("OSL 26 kap. 1 § (social services)")),
    ("OSL 39 kap. 1 §", gettext_lazy("OSL 39 kap. 1 § (staff welfare)")),
)
PROVISION_MAX_LENGTH = SecrecyMark._meta.get_field("provision").max_length


def masking_note(provision: str) -> str:
    """What a copy says in place of a marked item."""
    return _("Information classified as secret under %(provision)s") % {"provision": provision}


@dataclass(frozen=True)
class StandingMarks:
    """The standing marks of one case, looked up by item and field without
    a query per item (content types come from Django's cache)."""

    by_key: dict

    @staticmethod
    def key(item, field_name: str = "") -> tuple:
        return ContentType.objects.get_for_model(item).pk, item.pk, field_name

    def get(self, item, field_name: str = "") -> SecrecyMark | None:
        if item is None or item.pk is None:
            return None
        return self.by_key.get(self.key(item, field_name))

    def get_by_ids(self, item_type_id, item_id, field_name: str = "") -> SecrecyMark | None:
        """The mark on an item named by its content type and id (as a
        CaseDocument names its record), without loading the item."""
        return self.by_key.get((item_type_id, item_id, field_name))

    def on_item(self, item_type_id, item_id) -> list[SecrecyMark]:
        """Every standing mark on the item, on the whole or on a field."""
        return [m for (type_id, pk, _field), m in self.by_key.items() if (type_id, pk) == (item_type_id, item_id)]

    def __contains__(self, item) -> bool:
        return self.get(item) is not None

    def __len__(self) -> int:
        return len(self.by_key)

    def __iter__(self):
        return iter(self.by_key.values())


def standing_marks(registration: Registration | None) -> StandingMarks:
    """The case's marks that stand (not removed), in one query."""
    if registration is None:
        return StandingMarks({})
    marks = registration.secrecy_marks.filter(removed_at__isnull=True).select_related("marked_by")
    return StandingMarks({(m.item_type_id, m.item_id, m.field_name): m for m in marks})


def standing_marks_for(registrations) -> dict[int, StandingMarks]:
    """The standing marks of many cases in one query (for lists such as the
    postlista or a delivery): registration id -> StandingMarks."""
    ids = [r.pk if isinstance(r, Registration) else r for r in registrations]
    grouped: dict[int, dict] = {pk: {} for pk in ids}
    for m in SecrecyMark.objects.filter(registration_id__in=ids, removed_at__isnull=True):
        grouped[m.registration_id][(m.item_type_id, m.item_id, m.field_name)] = m
    return {pk: StandingMarks(by_key) for pk, by_key in grouped.items()}


def marks_of(registration: Registration) -> QuerySet[SecrecyMark]:
    """Every mark of the case, standing and removed, oldest first."""
    return registration.secrecy_marks.select_related("marked_by", "removed_by").order_by("marked_at", "pk")


def _check_text(value: str, *, field: str, message: str) -> str:
    value = (value or "").strip()
    if not value:
        raise ValidationError({field: message}, code="required")
    return value


@transaction.atomic
def mark(registration: Registration, item, *, field_name: str = "", provision: str, reason: str, by) -> SecrecyMark:
    """Mark ``item`` (or its field ``field_name``) of the case secret under
    ``provision``, for ``reason``. Refused with a Swedish message if the
    case's content is disposed of, the provision or reason is missing, or
    the item is already marked."""
    provision = _check_text(provision, field="provision", message=_("State the provision the secrecy rests on."))
    if len(provision) > PROVISION_MAX_LENGTH:
        raise ValidationError(
            {"provision": _("The provision may be at most %(limit)s characters.") % {"limit": PROVISION_MAX_LENGTH}},
            code="max_length",
        )
    reason = _check_text(reason, field="reason", message=_("State why the information is secret."))
    if registration.disposed_at is not None:
        raise ValidationError(_("The content of this case has been disposed of; nothing is left to mark."),
                              code="disposed")
    if item is None or item.pk is None:
        raise ValidationError(_("Choose what to mark."), code="no_item")
    item_type = ContentType.objects.get_for_model(item)
    standing = SecrecyMark.objects.filter(item_type=item_type, item_id=item.pk, field_name=field_name,
                                          removed_at__isnull=True)
    if standing.exists():
        raise ValidationError(_("This is already marked as secret."), code="already_marked")
    secrecy_mark = SecrecyMark(registration=registration, item_type=item_type, item_id=item.pk,
                               field_name=field_name, provision=provision, reason=reason,
                               marked_by=by if getattr(by, "is_authenticated", False) else None)
    secrecy_mark._change_reason = reason
    try:
        with transaction.atomic():
            secrecy_mark.save()
    except IntegrityError:  # marked by someone else a moment ago
        raise ValidationError(_("This is already marked as secret."), code="already_marked") from None
    return secrecy_mark


@transaction.atomic
def unmark(secrecy_mark: SecrecyMark, *, reason: str, by) -> SecrecyMark:
    """Remove a standing mark. The row stays, with who removed it, when and
    why; the history holds both changes."""
    reason = _check_text(reason, field="reason", message=_("State why the marking is removed."))
    locked = SecrecyMark.objects.select_for_update().get(pk=secrecy_mark.pk)
    if locked.removed_at is not None:
        raise ValidationError(_("This marking has already been removed."), code="already_removed")
    locked.removed_at = timezone.now()
    locked.removed_by = by if getattr(by, "is_authenticated", False) else None
    locked.removal_reason = reason
    locked._change_reason = reason
    locked.save(update_fields=["removed_at", "removed_by", "removal_reason"])
    return locked


def log_copy(registration: Registration, *, format: str, masked_items: int, note: str = "", by) -> CaseCopy:
    """Record who produced a copy of the case, when, in which form and how
    much was left out."""
    return CaseCopy.objects.create(
        registration=registration, format=format, masked_items=masked_items, note=(note or "").strip()[:200],
        produced_by=by if getattr(by, "is_authenticated", False) else None,
    )


def copies_of(registration: Registration) -> QuerySet[CaseCopy]:
    return registration.copies.select_related("produced_by").order_by("-produced_at", "-pk")
