"""Judging each row of an import: a new entry, an update of the entry with
the same organisation number, or refused with a reason per cell. Existing
entries are looked up a chunk of rows at a time, never one query a row."""

from dataclasses import dataclass, field
from itertools import islice

from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext as _

from ..constants import ActorKind, LegalForm, Locality
from ..models import Enterprise, ServiceCategory, TargetGroup
from ..orgnr import formatted, normalise, validate_organisation_number
from .columns import BY_FIELD, COLUMNS, LIST_SEPARATOR

CHUNK = 500
CHOICE_FIELDS = {"legal_form": LegalForm, "kind": ActorKind, "locality": Locality}
# Words people write in their own lists, beyond the choices' labels.
ALIASES = {
    "legal_form": {"ek för": "ekonomisk_forening", "ekonomisk förening": "ekonomisk_forening", "ab": "aktiebolag",
                   "aktiebolag": "aktiebolag", "ab svb": "aktiebolag_svb", "aktiebolag svb": "aktiebolag_svb",
                   "ideell förening": "ideell_forening", "stiftelse": "stiftelse", "annan": "other",
                   "annan juridisk form": "other", "annan bolagsform": "other"},
    "kind": {"asf": "asf", "förening": "association", "kooperativ": "cooperative", "stiftelse": "foundation",
             "annan": "other", "socialt företag": "asf"},
    "locality": {"utanför kommunen": "outside", "annan ort": "outside"},
}
TEXT_FIELDS = ("name", "short_description", "description", "visiting_address", "postal_address", "phone",
               "email", "website", "year_founded")


def _choice_key(text: str) -> str:
    return " ".join(text.lower().replace("(", " ").replace(")", " ").replace(",", " ").replace(".", " ").split())


def _choice_lookup(field_name: str) -> dict[str, str]:
    choices = CHOICE_FIELDS[field_name]
    lookup = {_choice_key(k): v for k, v in ALIASES.get(field_name, {}).items()}
    for language in ("sv", "en"):
        with translation.override(language):
            for value, label in choices.choices:
                lookup[_choice_key(str(label))] = value
    for value in choices.values:
        lookup[_choice_key(value)] = value
    return lookup


@dataclass
class RowResult:
    number: int
    outcome: str  # "new", "update" or "refused"
    organisation_number: str = ""
    name: str = ""
    existing_id: int | None = None
    errors: dict = field(default_factory=dict)
    values: dict = field(default_factory=dict)  # cleaned values of the filled cells
    categories: list | None = None  # None: leave as they are
    target_groups: list | None = None


class RowJudge:
    """Holds what every row is judged against: the vocabularies, the
    organisation numbers seen so far in the file."""

    def __init__(self, mapping: dict[str, str]):
        self.mapped = set(mapping)
        self.choices = {name: _choice_lookup(name) for name in CHOICE_FIELDS}
        self.categories = self._vocabulary(ServiceCategory.objects.filter(is_active=True))
        self.target_groups = self._vocabulary(TargetGroup.objects.all())
        self.seen: dict[str, int] = {}

    @staticmethod
    def _vocabulary(queryset) -> dict[str, int]:
        lookup = {}
        for pk, name, slug, name_en in queryset.values_list("pk", "name", "slug", "name_en"):
            if name_en:
                lookup.setdefault(name_en.lower(), pk)
            lookup[name.lower()] = lookup[slug.lower()] = pk
        return lookup

    def judge_all(self, rows):
        """Chunks of ``RowResult`` for an iterable of (number, cells)."""
        rows = iter(rows)
        while chunk := list(islice(rows, CHUNK)):
            numbers = {normalise(cells.get("organisation_number", "")) for _n, cells in chunk}
            existing = {
                number: (pk, merged)
                for number, pk, merged in Enterprise.objects.filter(organisation_number__in=numbers)
                .values_list("organisation_number", "pk", "merged_into_id")
            }
            yield [self.judge(number, cells, existing) for number, cells in chunk]

    def judge(self, number: int, cells: dict, existing: dict) -> RowResult:
        result = RowResult(number=number, outcome="new", name=cells.get("name", "")[:200])
        orgnr = self._organisation_number(cells.get("organisation_number", ""), result)
        if orgnr and orgnr in existing:
            pk, merged = existing[orgnr]
            if merged:
                result.errors["organisation_number"] = _(
                    "The entry with this organisation number has been merged into another entry. "
                    "Import into the entry that was kept.")
            result.outcome, result.existing_id = "update", pk
        for name in TEXT_FIELDS:
            self._clean_text(name, cells.get(name, ""), result)
        for name in CHOICE_FIELDS:
            self._clean_choice(name, cells.get(name, ""), result)
        result.categories = self._clean_list("service_categories", cells, self.categories, result,
                                             _("Unknown service category: %(names)s."))
        result.target_groups = self._clean_list("target_groups", cells, self.target_groups, result,
                                                _("Unknown target group: %(names)s."))
        if result.outcome == "new":
            for column in COLUMNS:
                if column.required_for_new and column.field not in result.values and column.field not in result.errors:
                    result.errors[column.field] = _("%(label)s is missing; a new entry needs it.") % {
                        "label": column.label}
        if result.errors:
            result.outcome = "refused"
        return result

    def _organisation_number(self, raw: str, result: RowResult) -> str:
        if not raw:
            return ""
        number = normalise(raw)
        try:
            validate_organisation_number(raw)
        except ValidationError as error:
            result.errors["organisation_number"] = " ".join(error.messages)
            # A personal identity number is personal data: not kept in the preview.
            result.organisation_number = "" if error.code == "personal_number" else raw[:20]
            return ""
        result.organisation_number = formatted(number)
        if number in self.seen:
            result.errors["organisation_number"] = _("The same organisation number is also on row %(row)s.") % {
                "row": self.seen[number]}
        else:
            self.seen[number] = result.number
        result.values["organisation_number"] = number
        return number

    def _clean_text(self, name: str, raw: str, result: RowResult) -> None:
        if not raw:
            return
        if name == "website" and "://" not in raw:
            raw = f"https://{raw}"
        try:
            result.values[name] = Enterprise._meta.get_field(name).clean(raw, None)
        except ValidationError as error:
            result.errors[name] = " ".join(error.messages)

    def _clean_choice(self, name: str, raw: str, result: RowResult) -> None:
        if not raw:
            return
        value = self.choices[name].get(_choice_key(raw))
        if value is None:
            result.errors[name] = _("Unknown value “%(value)s”. Allowed: %(allowed)s.") % {
                "value": raw[:80], "allowed": BY_FIELD[name].help}
        else:
            result.values[name] = value

    def _clean_list(self, name: str, cells: dict, vocabulary: dict, result: RowResult, message: str):
        raw = cells.get(name, "")
        if name not in self.mapped or not raw:
            return None
        names = [part.strip() for part in raw.split(LIST_SEPARATOR) if part.strip()]
        unknown = [part for part in names if part.lower() not in vocabulary]
        if unknown:
            result.errors[name] = message % {"names": ", ".join(unknown)[:200]}
            return None
        return sorted({vocabulary[part.lower()] for part in names})
