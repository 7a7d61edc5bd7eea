"""The registry fields an import can fill, the template's column headers
and matching a file's own headers to them."""

import re
from dataclasses import dataclass

import tablib
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from ..constants import ActorKind, LegalForm, Locality


@dataclass(frozen=True)
class Column:
    field: str
    header: str  # the template's header: Swedish, fixed, so files keep working in any language
    label: object
    required_for_new: bool = False
    help: object = ""
    aliases: tuple[str, ...] = ()


def _choices_help(choices) -> str:
    return ", ".join(str(label) for _value, label in choices.choices)


choices_help = lazy(_choices_help, str)

# Figures are left out: they are kept per year (EnterpriseFigures) and are
# reported by the enterprises themselves.
COLUMNS = (
    Column("organisation_number", "Organisationsnummer", _("Organisation number"), True,
           _("Ten digits, NNNNNN-NNNN. An entry with the same number is updated."), ("orgnr", "org.nr")),
    Column("name", "Namn", _("Name"), True, aliases=("företagsnamn", "föreningens namn", "organisation")),
    Column("legal_form", "Juridisk form", _("Legal form"), True, choices_help(LegalForm), ("bolagsform",)),
    Column("kind", "Typ av aktör", _("Kind of actor"), True, choices_help(ActorKind), ("typ",)),
    Column("short_description", "Kort beskrivning", _("Short description"), True,
           _("At most 300 characters.")),
    Column("locality", "Ort", _("Locality"), True, choices_help(Locality)),
    Column("description", "Beskrivning", _("Description")),
    Column("service_categories", "Kategorier", _("What it sells"),
           help=_("Names of service categories, separated by semicolons.")),
    Column("target_groups", "Målgrupper", _("Target groups it serves"),
           help=_("Names of target groups, separated by semicolons.")),
    Column("visiting_address", "Besöksadress", _("Visiting address")),
    Column("postal_address", "Postadress", _("Postal address")),
    Column("phone", "Telefon", _("Phone")),
    Column("email", "E-post", _("Email"), aliases=("epost", "mejl")),
    Column("website", "Webbplats", _("Website"), aliases=("hemsida", "webb")),
    Column("year_founded", "Grundat år", _("Year founded"), aliases=("grundat", "startår")),
)
BY_FIELD = {column.field: column for column in COLUMNS}
LIST_SEPARATOR = ";"


def _key(text: str) -> str:
    return re.sub(r"[^0-9a-zåäö]", "", str(text).lower())


def suggested_mapping(headers: list[str]) -> dict[str, str]:
    """Registry field -> the file's header, for every header that is the
    template's, the field's name or label, or a common alias."""
    by_key = {}
    for header in headers:
        by_key.setdefault(_key(header), header)
    mapping = {}
    for column in COLUMNS:
        for name in (column.header, column.field, str(column.label), *column.aliases):
            if _key(name) in by_key:
                mapping[column.field] = by_key[_key(name)]
                break
    return mapping


def template_dataset() -> tablib.Dataset:
    return tablib.Dataset(headers=[column.header for column in COLUMNS], title="Företag")


def template_book() -> tablib.Databook:
    """The XLSX template: the columns, and a sheet with the allowed values."""
    values = tablib.Dataset(headers=["Kolumn", "Tillåtna värden"], title="Värden")
    for column in COLUMNS:
        values.append([column.header, str(column.help)])
    return tablib.Databook([template_dataset(), values])
