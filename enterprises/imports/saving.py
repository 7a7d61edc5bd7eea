"""Saving an import's valid rows: new entries and updates, a chunk at a
time with bulk queries, each with a history row naming who imported which
file. Called inside the confirmation's transaction."""

import functools

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from ..constants import PublicationStatus
from ..models import Enterprise, ServiceCategory
from ..services import RESERVED_SLUGS, swedish_slug
from .validation import RowResult

Categories = Enterprise.service_categories.through
TargetGroups = Enterprise.target_groups.through


@functools.cache
def m2m_history_models():
    """(through model, its history model, the vocabulary column) for each
    many-to-many field the enterprise's history keeps."""
    history = Enterprise.history.model
    related = {rel.related_model.__name__: rel.related_model for rel in history._meta.related_objects}
    found = []
    for through, column, field in ((Categories, "servicecategory_id", "service_categories"),
                                   (TargetGroups, "targetgroup_id", "target_groups")):
        model = related.get(f"{history.__name__}_{field}")
        if model is not None:
            found.append((through, model, column))
    return found


EDITABLE = ("name", "legal_form", "kind", "short_description", "description", "locality", "visiting_address",
            "postal_address", "phone", "email", "website", "year_founded")


def change_reason(enterprise_import) -> str:
    return _("Imported from the file “%(file)s” (import %(pk)s)") % {
        "file": enterprise_import.original_name, "pk": enterprise_import.pk}


class ImportWriter:
    def __init__(self, enterprise_import, user):
        self.enterprise_import = enterprise_import
        self.user = user
        self.reason = change_reason(enterprise_import)[:100]
        self.now = timezone.now()
        self.slugs: set[str] = set()
        self.category_names = dict(ServiceCategory.objects.values_list("pk", "name"))
        self.created = self.updated = 0

    def write(self, results: list[RowResult]) -> None:
        new = [r for r in results if r.outcome == "new"]
        updates = [r for r in results if r.outcome == "update"]
        if new:
            self._create(new)
        if updates:
            self._update(updates)

    # New entries -------------------------------------------------------

    def _create(self, results: list[RowResult]) -> None:
        publish = self.enterprise_import.publish
        slugs = self._unique_slugs([r.values["name"] for r in results])
        enterprises = []
        for result, slug in zip(results, slugs):
            enterprise = Enterprise(**result.values, slug=slug)
            enterprise.publication_status = PublicationStatus.PUBLISHED if publish else PublicationStatus.DRAFT
            enterprise.published_at = self.now if publish else None
            enterprise.search_document = self._search_document(enterprise, result.categories or [])
            enterprises.append(enterprise)
        Enterprise.objects.bulk_create(enterprises)
        if any(e.pk is None for e in enterprises):  # databases that return no keys
            keys = dict(Enterprise.objects.filter(organisation_number__in=[e.organisation_number for e in enterprises])
                        .values_list("organisation_number", "pk"))
            for enterprise in enterprises:
                enterprise.pk = keys[enterprise.organisation_number]
        self._set_vocabularies(enterprises, results, replace=False)
        Enterprise.history.bulk_history_create(enterprises, default_user=self.user, default_change_reason=self.reason,
                                               default_date=self.now)
        self._record_vocabulary_history(enterprises)
        self.created += len(enterprises)

    def _unique_slugs(self, names: list[str]) -> list[str]:
        """Like ``services.unique_slug``, for a chunk of names in a few queries."""
        wanted = []
        for name in names:
            base = swedish_slug(name)[:200] or "foretag"
            wanted.append(f"{base}-foretag" if base in RESERVED_SLUGS else base)
        chosen: list[str | None] = [None] * len(wanted)
        attempt = {i: 1 for i in range(len(wanted))}
        while pending := [i for i, slug in enumerate(chosen) if slug is None]:
            candidates = {i: wanted[i] if attempt[i] == 1 else f"{wanted[i]}-{attempt[i]}" for i in pending}
            taken = set(Enterprise.objects.filter(slug__in=set(candidates.values())).values_list("slug", flat=True))
            for i, slug in candidates.items():
                if slug in taken or slug in self.slugs:
                    attempt[i] += 1
                else:
                    chosen[i] = slug
                    self.slugs.add(slug)
        return chosen

    # Updates -----------------------------------------------------------

    def _update(self, results: list[RowResult]) -> None:
        by_pk = {r.existing_id: r for r in results}
        enterprises = list(Enterprise.objects.filter(pk__in=by_pk).prefetch_related("service_categories"))
        fields = {"updated_at", "search_document"}
        for enterprise in enterprises:
            result = by_pk[enterprise.pk]
            for name in EDITABLE:
                if name in result.values:
                    setattr(enterprise, name, result.values[name])
                    fields.add(name)
            categories = result.categories
            if categories is None:
                categories = [c.pk for c in enterprise.service_categories.all()]
            enterprise.updated_at = self.now
            enterprise.search_document = self._search_document(enterprise, categories)
        # Small batches: each row of an UPDATE ... CASE WHEN is matched against the whole batch.
        Enterprise.objects.bulk_update(enterprises, sorted(fields), batch_size=50)
        self._set_vocabularies(enterprises, [by_pk[e.pk] for e in enterprises], replace=True)
        Enterprise.history.bulk_history_create(enterprises, update=True, default_user=self.user,
                                               default_change_reason=self.reason, default_date=self.now)
        self._record_vocabulary_history(enterprises)
        self.updated += len(enterprises)

    # Shared ------------------------------------------------------------

    def _search_document(self, enterprise: Enterprise, category_ids) -> str:
        categories = " ".join(self.category_names[pk] for pk in category_ids)
        parts = [enterprise.name, enterprise.short_description, enterprise.description, categories]
        return " ".join(parts).lower()

    def _record_vocabulary_history(self, enterprises) -> None:
        """What ``HistoricalRecords(m2m_fields=...)`` keeps on save: each new
        history row's categories and target groups, copied in bulk."""
        pks = [e.pk for e in enterprises]
        history_ids = dict(Enterprise.history.filter(id__in=pks, history_date=self.now)
                           .values_list("id", "history_id"))
        for through, history_model, column in m2m_history_models():
            rows = through.objects.filter(enterprise_id__in=pks).values_list("id", "enterprise_id", column)
            history_model.objects.bulk_create([
                history_model(id=pk, enterprise_id=enterprise_id, history_id=history_ids[enterprise_id],
                              **{column: value})
                for pk, enterprise_id, value in rows
            ])

    @staticmethod
    def _set_vocabularies(enterprises, results, *, replace: bool) -> None:
        for through, attribute, column in ((Categories, "categories", "servicecategory_id"),
                                           (TargetGroups, "target_groups", "targetgroup_id")):
            pairs = [(e.pk, pk) for e, r in zip(enterprises, results) if getattr(r, attribute) is not None
                     for pk in getattr(r, attribute)]
            if replace:
                touched = [e.pk for e, r in zip(enterprises, results) if getattr(r, attribute) is not None]
                if touched:
                    through.objects.filter(Q(enterprise_id__in=touched)).delete()
            through.objects.bulk_create([through(enterprise_id=e, **{column: v}) for e, v in pairs])
