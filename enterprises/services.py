"""Writes to the registry: registering, editing, publishing, claiming and
merging enterprises. Definition checks have their own workflow module
(``enterprises.workflow``)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from simple_history.utils import update_change_reason

from .confirmation import mark_confirmed
from .constants import ConfirmedBy, PublicationStatus
from .figures import YearFigures, copy_latest_onto, figures_merge, figures_record
from .models import DefinitionCheck, Enterprise, EnterpriseFigures, Representation, ServiceCategory

# A change to these makes a published enterprise go back to review.
REVIEWED_FIELDS = ("name", "organisation_number")


# Paths under /foretag/ that a slug must not shadow.
RESERVED_SLUGS = {"registrera", "mina", "arbetslista", "kategorier", "ansprak", "import"}


def swedish_slug(text: str) -> str:
    return slugify(text.lower().replace("ö", "o").replace("ä", "a").replace("å", "a"))


def unique_slug(name: str, *, exclude_pk: int | None = None) -> str:
    base = swedish_slug(name)[:200] or "foretag"
    if base in RESERVED_SLUGS:
        base = f"{base}-foretag"
    slug, n = base, 2
    taken = Enterprise.objects.exclude(pk=exclude_pk).values_list("slug", flat=True)
    while taken.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def search_document_for(enterprise: Enterprise) -> str:
    categories = " ".join(enterprise.service_categories.values_list("name", flat=True))
    return " ".join([enterprise.name, enterprise.short_description, enterprise.description, categories]).lower()


def _save(enterprise: Enterprise, *, categories=None, target_groups=None, reason: str = "") -> Enterprise:
    enterprise.full_clean(exclude=["slug"] if not enterprise.slug else None)
    enterprise.save()
    if categories is not None:
        enterprise.service_categories.set(categories)
    if target_groups is not None:
        enterprise.target_groups.set(target_groups)
    Enterprise.objects.filter(pk=enterprise.pk).update(search_document=search_document_for(enterprise))
    if reason:
        update_change_reason(enterprise, reason)
    return enterprise


@transaction.atomic
def enterprise_register(*, user, enterprise: Enterprise, categories, target_groups) -> Enterprise:
    """A representative registers an enterprise; a coordinator reviews it."""
    enterprise.slug = unique_slug(enterprise.name)
    enterprise.publication_status = PublicationStatus.AWAITING_REVIEW
    entered = YearFigures.entered_on(enterprise)
    _save(enterprise, categories=categories, target_groups=target_groups, reason=_("Registered"))
    if entered is not None:
        _record_figures(enterprise, entered)
    Representation.objects.create(user=user, enterprise=enterprise, status=Representation.Status.CONFIRMED)
    return enterprise


def _record_figures(enterprise: Enterprise, entered: YearFigures) -> str:
    """Save the year's figures as their own row and make the enterprise's
    copy its latest row again; a change reason for the history, or ""."""
    try:
        _row, outcome = figures_record(enterprise=enterprise, figures=entered)
    except ValidationError as error:
        if hasattr(error, "error_dict") and "year" in error.error_dict:
            error.error_dict["figures_year"] = error.error_dict.pop("year")
        raise
    copy_latest_onto(enterprise)
    if outcome == "added":
        return _("Figures for %(year)s added") % {"year": entered.year}
    if outcome == "corrected":
        return _("Figures for %(year)s corrected") % {"year": entered.year}
    return ""


@transaction.atomic
def enterprise_update(*, user, enterprise: Enterprise, categories, target_groups, is_manager: bool) -> Enterprise:
    """Save edits. A representative's change to a published enterprise's
    name or organisation number sends it back to review; other edits
    publish at once."""
    before = Enterprise.objects.select_for_update().get(pk=enterprise.pk)
    changed_reviewed = any(getattr(before, f) != getattr(enterprise, f) for f in REVIEWED_FIELDS)
    reason = ""
    if changed_reviewed and not is_manager and before.publication_status == PublicationStatus.PUBLISHED:
        enterprise.publication_status = PublicationStatus.AWAITING_REVIEW
        reason = _("Name or organisation number changed: back to review")
    if before.name != enterprise.name:
        enterprise.slug = unique_slug(enterprise.name, exclude_pk=enterprise.pk)
    # The form edits one year's figures: that year's row, then the
    # enterprise keeps (a copy of) its latest year, whichever year was edited.
    entered = YearFigures.entered_on(enterprise)
    enterprise.full_clean(exclude=["slug"] if not enterprise.slug else None)
    figures_reason = _record_figures(enterprise, entered) if entered is not None else ""
    if entered is None:
        copy_latest_onto(enterprise)
    # Saving the form is also the year's confirmation (enterprises/confirmation.py).
    confirmed = mark_confirmed(enterprise, by=ConfirmedBy.OFFICIAL if is_manager else ConfirmedBy.REPRESENTATIVE,
                               note=_("updated the details") if is_manager else "",
                               may_republish=is_manager or not changed_reviewed)
    reason = "; ".join(part for part in (reason, figures_reason, confirmed) if part)
    return _save(enterprise, categories=categories, target_groups=target_groups, reason=reason)


@transaction.atomic
def enterprise_publish(*, enterprise: Enterprise) -> Enterprise:
    enterprise = Enterprise.objects.select_for_update().get(pk=enterprise.pk)
    if enterprise.merged_into_id:
        raise ValidationError(_("A merged duplicate cannot be published."), code="merged")
    enterprise.publication_status = PublicationStatus.PUBLISHED
    enterprise.unpublished_reason = ""
    enterprise.published_at = enterprise.published_at or timezone.now()
    # The coordinator has reviewed it: publishing confirms the details.
    enterprise.unpublished_unconfirmed_on = None
    enterprise.last_confirmed_on, enterprise.last_confirmed_by = timezone.localdate(), ConfirmedBy.OFFICIAL
    enterprise.confirmation_note = ""
    return _save(enterprise, reason=_("Published"))


@transaction.atomic
def enterprise_unpublish(*, enterprise: Enterprise, reason: str) -> Enterprise:
    if not reason.strip():
        raise ValidationError(_("Give a reason for unpublishing."), code="reason_required")
    enterprise = Enterprise.objects.select_for_update().get(pk=enterprise.pk)
    enterprise.publication_status = PublicationStatus.UNPUBLISHED
    enterprise.unpublished_reason = reason.strip()
    enterprise.unpublished_unconfirmed_on = None  # a confirmation no longer brings it back
    return _save(enterprise, reason=_("Unpublished: %(reason)s") % {"reason": reason.strip()})


@transaction.atomic
def enterprise_claim(*, user, enterprise: Enterprise, message: str = "") -> Representation:
    """Ask to represent an existing enterprise; a coordinator confirms."""
    existing = Representation.objects.filter(user=user, enterprise=enterprise).first()
    if existing is not None:
        raise ValidationError(_("You have already asked to represent this enterprise."), code="already_claimed")
    return Representation.objects.create(
        user=user, enterprise=enterprise, status=Representation.Status.PENDING, message=message
    )


@transaction.atomic
def representation_confirm(*, representation: Representation) -> Representation:
    representation = Representation.objects.select_for_update().get(pk=representation.pk)
    representation.status = Representation.Status.CONFIRMED
    representation.save(update_fields=["status"])
    return representation


@transaction.atomic
def representation_reject(*, representation: Representation) -> None:
    Representation.objects.filter(pk=representation.pk, status=Representation.Status.PENDING).delete()


@transaction.atomic
def enterprise_merge(*, duplicate: Enterprise, into: Enterprise) -> Enterprise:
    """Fold a duplicate into the enterprise that stays: its representatives
    and definition checks move over; the duplicate is unpublished and points
    at the one that stays."""
    if duplicate.pk == into.pk:
        raise ValidationError(_("An enterprise cannot be merged with itself."), code="same")
    if into.merged_into_id:
        raise ValidationError(_("Choose an enterprise that has not itself been merged."), code="merged_target")
    duplicate = Enterprise.objects.select_for_update().get(pk=duplicate.pk)
    kept_users = set(into.representations.values_list("user_id", flat=True))
    duplicate.representations.exclude(user_id__in=kept_users).update(enterprise=into)
    duplicate.representations.all().delete()
    open_checks = duplicate.definition_checks.exclude(status=DefinitionCheck.Status.DECIDED)
    if into.definition_checks.exclude(status=DefinitionCheck.Status.DECIDED).exists():
        open_checks.delete()  # the kept enterprise's own check in progress wins
    duplicate.definition_checks.update(enterprise=into)
    figures_merge(duplicate=duplicate, into=into)
    _move_other_records(duplicate=duplicate, into=into)
    enterprise_refresh_asf_status(enterprise=into)
    duplicate.merged_into = into
    duplicate.publication_status = PublicationStatus.UNPUBLISHED
    duplicate.unpublished_reason = _("Merged into %(name)s") % {"name": into.name}
    _save(duplicate, reason=duplicate.unpublished_reason)
    return into



def _move_other_records(*, duplicate: Enterprise, into: Enterprise) -> None:
    """Whatever else points at the duplicate (support requests, agreements,
    records of apps added later) follows it to the kept enterprise."""
    handled = {Representation, DefinitionCheck, Enterprise, EnterpriseFigures}
    for relation in Enterprise._meta.related_objects:
        if not relation.one_to_many or relation.hidden or relation.related_model in handled:
            continue
        name = relation.field.name
        relation.related_model._base_manager.filter(**{name: duplicate}).update(**{name: into})


def enterprise_refresh_asf_status(*, enterprise: Enterprise, reason: str = "", user=None) -> None:
    """Copy the latest decided check's outcome onto the enterprise, so lists
    can filter on it. A newer negative decision removes the badge. A check
    sent in while the verification is still valid is a renewal: the entry
    stays ASF ("renewal in progress") until it is decided, even past the
    expiry date. With a ``reason`` the step is kept in the entry's history."""
    enterprise = Enterprise.objects.select_for_update().get(pk=enterprise.pk)
    latest = (
        enterprise.definition_checks.filter(status=DefinitionCheck.Status.DECIDED)
        .order_by("-decided_on", "-pk")
        .first()
    )
    positive = latest is not None and latest.is_asf
    enterprise.asf_verified_on = latest.decided_on if positive else None
    enterprise.asf_valid_until = latest.valid_until if positive else None
    waiting = enterprise.definition_checks.filter(
        status__in=[DefinitionCheck.Status.SUBMITTED, DefinitionCheck.Status.MORE_INFO]
    ).exists()
    today = timezone.localdate()
    if not waiting:
        enterprise.asf_renewal_submitted_on = None
    elif enterprise.asf_renewal_submitted_on is None and positive and latest.valid_until >= today:
        enterprise.asf_renewal_submitted_on = today
    if reason:
        enterprise._change_reason = reason
        enterprise._history_user = user
        enterprise.save(update_fields=[*ASF_STATUS_FIELDS, "updated_at"])  # updated_at: the cache keys
    else:
        Enterprise.objects.filter(pk=enterprise.pk).update(
            **{name: getattr(enterprise, name) for name in ASF_STATUS_FIELDS}, updated_at=timezone.now()
        )


ASF_STATUS_FIELDS = ("asf_verified_on", "asf_valid_until", "asf_renewal_submitted_on")


@transaction.atomic
def service_category_create(*, name: str, name_en: str = "") -> ServiceCategory:
    category = ServiceCategory(name=name.strip(), name_en=name_en.strip(), slug=swedish_slug(name))
    category.full_clean()
    category.save()
    return category
