"""The shipped sample file: its preview, its confirmation, and a file with a
bad row that saves nothing until the row is dropped or fixed (issue 15, §6)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from enterprises.constants import PublicationStatus
from enterprises.models import Enterprise, EnterpriseImport
from tests.conftest import sv
from tests.enterprises.factories import EnterpriseFactory
from tests.enterprises.import_helpers import (
    IMPORT_FILES,
    XLSX_TYPE,
    confirm,
    csv_file,
    map_columns,
    preview_outcomes,
    shipped,
    upload,
)

pytestmark = pytest.mark.django_db

SAMPLE_OUTCOMES = {2: "new", 3: "new", 4: "refused", 5: "refused", 6: "refused", 7: "new", 8: "refused"}
SAMPLE_REFUSED_FIELDS = {4: {"organisation_number"}, 5: {"service_categories"}, 6: {"name"},
                         8: {"organisation_number"}}
NEW_NAMES = {"Smögens Kaffestuga ek. för.", "Hunnebo Återbruk", "Kungshamns Tvätteri AB (svb)"}


def previewed(client, name="exempel.csv", **kwargs):
    enterprise_import = upload(client, shipped(name))
    response = map_columns(client, enterprise_import, **kwargs)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    enterprise_import.refresh_from_db()
    return enterprise_import


@pytest.mark.parametrize("name", ["exempel.csv", "exempel.xlsx"])
def test_the_sample_file_gives_the_expected_preview_and_saves_nothing(name, client_as):
    client = client_as("coordinator")
    enterprise_import = upload(client, shipped(name))
    # The template's headers are recognised: every column is chosen already.
    assert len(enterprise_import.mapping) == 15
    page = client.get(reverse("enterprises:import_mapping", kwargs={"pk": enterprise_import.pk}))
    assert page.status_code == 200 and "Organisationsnummer" in page.content.decode()
    map_columns(client, enterprise_import)
    enterprise_import.refresh_from_db()
    assert preview_outcomes(enterprise_import) == SAMPLE_OUTCOMES
    refused = {row.number: set(row.errors) for row in enterprise_import.rows.filter(outcome="refused")}
    assert refused == SAMPLE_REFUSED_FIELDS
    assert (enterprise_import.new_count, enterprise_import.update_count, enterprise_import.refused_count) == (3, 0, 4)
    assert Enterprise.objects.count() == 0
    text = client.get(reverse("enterprises:import_preview", kwargs={"pk": enterprise_import.pk})).content.decode()
    assert sv("The check digit is wrong. Check the number again.") in text
    assert sv("Unknown service category: %(names)s.") % {"names": "Raketbyggen"} in text
    assert sv("%(label)s is missing; a new entry needs it.") % {"label": sv("Name")} in text


def test_a_personal_identity_number_is_refused_and_not_kept(client_as):
    enterprise_import = previewed(client_as("coordinator"))
    row = enterprise_import.rows.get(number=8)
    assert row.organisation_number == ""
    assert "801212" not in str(row.errors)


def test_a_file_with_bad_rows_saves_nothing_until_they_are_skipped(client_as, user_for):
    client = client_as("coordinator")
    enterprise_import = previewed(client)
    response = confirm(client, enterprise_import)
    assert response.status_code == 200
    assert sv("Some rows are refused. Fix them in the file and upload it again, or choose to skip them.") in (
        response.content.decode())
    assert Enterprise.objects.count() == 0
    enterprise_import.refresh_from_db()
    assert enterprise_import.status == EnterpriseImport.Status.PREVIEWED

    response = confirm(client, enterprise_import, skip_refused=True)
    assert response.status_code == 302
    assert response["Location"] == reverse("enterprises:import_done", kwargs={"pk": enterprise_import.pk})
    assert set(Enterprise.objects.values_list("name", flat=True)) == NEW_NAMES
    cafe = Enterprise.objects.get(organisation_number="7696001234")
    assert cafe.publication_status == PublicationStatus.DRAFT and cafe.published_at is None
    assert (cafe.legal_form, cafe.kind, cafe.locality) == ("ekonomisk_forening", "asf", "smogen")
    assert cafe.website == "https://www.kaffestugan.example" and cafe.year_founded == 2012
    assert set(cafe.service_categories.values_list("slug", flat=True)) == {"cafe-catering"}
    assert set(cafe.target_groups.values_list("slug", flat=True)) == {"langtidsarbetslosa", "nyanlanda"}
    assert cafe.slug == "smogens-kaffestuga-ek-for"
    assert "café och lunchservering" in cafe.search_document
    assert Enterprise.objects.get(organisation_number="5591112221").legal_form == "aktiebolag_svb"
    record = cafe.history.get()
    assert record.history_user == user_for("coordinator")
    # The history row keeps the categories and target groups too (m2m_fields).
    assert set(record.service_categories.values_list("servicecategory__slug", flat=True)) == {"cafe-catering"}
    assert set(record.target_groups.values_list("targetgroup__slug", flat=True)) == {"langtidsarbetslosa",
                                                                                   "nyanlanda"}
    assert record.history_type == "+"
    assert "exempel.csv" in record.history_change_reason
    done = client.get(response["Location"]).content.decode()
    assert sv("The import is done") in done
    drafts = reverse("enterprises:list") + "?status=draft"
    assert drafts in done
    assert "Smögens Kaffestuga" in client.get(drafts).content.decode()
    enterprise_import.refresh_from_db()
    assert enterprise_import.status == EnterpriseImport.Status.CONFIRMED
    assert (enterprise_import.new_count, enterprise_import.update_count) == (3, 0)
    assert not enterprise_import.file
    # A second confirmation does nothing.
    confirm(client, enterprise_import, skip_refused=True)
    assert Enterprise.objects.count() == 3


def test_the_fixed_file_imports_without_skipping(client_as):
    """The same file with the bad rows fixed or dropped imports in full."""
    client = client_as("administrator")
    lines = (IMPORT_FILES / "exempel.csv").read_text("utf-8-sig").splitlines()
    fixed = [lines[0], lines[1], lines[2], lines[3].replace("556700-7893", "556700-7892"),
             lines[4].replace("Raketbyggen", "Båt- och marinatjänster"), lines[6]]
    enterprise_import = upload(client, csv_file("\n".join(fixed), name="exempel-rattad.csv"))
    map_columns(client, enterprise_import)
    enterprise_import.refresh_from_db()
    assert set(preview_outcomes(enterprise_import).values()) == {"new"}
    assert confirm(client, enterprise_import).status_code == 302
    assert Enterprise.objects.count() == 5
    assert Enterprise.objects.get(organisation_number="7164201118").service_categories.get().slug == "bat-marina"


def test_an_existing_entry_is_updated_and_keeps_what_the_file_leaves_empty(client_as):
    existing = EnterpriseFactory(organisation_number="8024004569", name="Hunnebo Återbruksförening",
                                 description="Vår egen text.", phone="0523-111 11", slug="hunnebo")
    client = client_as("coordinator")
    enterprise_import = previewed(client)
    row = enterprise_import.rows.get(number=3)
    assert (row.outcome, row.existing_id) == ("update", existing.pk)
    text = client.get(reverse("enterprises:import_preview", kwargs={"pk": enterprise_import.pk}) + "?visa=uppdateringar"
                      ).content.decode()
    assert existing.get_absolute_url() in text and "Smögens Kaffestuga" not in text
    confirm(client, enterprise_import, skip_refused=True)
    existing.refresh_from_db()
    assert existing.name == "Hunnebo Återbruk"
    assert existing.description == "Vår egen text." and existing.phone == "0523-111 11"
    assert existing.publication_status == PublicationStatus.PUBLISHED
    assert existing.slug == "hunnebo"
    assert set(existing.target_groups.values_list("slug", flat=True)) == {"funktionsnedsattning"}
    latest = existing.history.first()
    assert latest.history_type == "~" and latest.name == "Hunnebo Återbruk"
    assert list(latest.target_groups.values_list("targetgroup__slug", flat=True)) == ["funktionsnedsattning"]
    assert "exempel.csv" in latest.history_change_reason
    history_page = client.get(reverse("enterprises:history", kwargs={"slug": existing.slug}))
    assert history_page.status_code == 200 and "exempel.csv" in history_page.content.decode()
    assert Enterprise.objects.count() == 3


def test_the_import_can_publish_the_new_entries(client_as):
    client = client_as("coordinator")
    enterprise_import = previewed(client, publish=True)
    confirm(client, enterprise_import, skip_refused=True)
    published = Enterprise.objects.filter(publication_status=PublicationStatus.PUBLISHED)
    assert set(published.values_list("name", flat=True)) == NEW_NAMES
    assert all(e.published_at for e in published)
    # Searchable at once (on PostgreSQL through the search vector its trigger keeps).
    found = client_as("anonymous").get(reverse("enterprises:list"), {"q": "lunchservering"}).content.decode()
    assert "Smögens Kaffestuga" in found and "Hunnebo Återbruk" not in found


def test_a_registry_change_after_the_preview_saves_nothing_and_shows_a_new_preview(client_as):
    client = client_as("coordinator")
    enterprise_import = previewed(client)
    EnterpriseFactory(organisation_number="7696001234", name="Kaffestugan")
    response = confirm(client, enterprise_import, skip_refused=True)
    assert response.status_code == 302
    assert response["Location"] == reverse("enterprises:import_preview", kwargs={"pk": enterprise_import.pk})
    assert Enterprise.objects.count() == 1
    enterprise_import.refresh_from_db()
    assert enterprise_import.rows.get(number=2).outcome == "update"
    confirm(client, enterprise_import, skip_refused=True)
    assert Enterprise.objects.count() == 3
    assert Enterprise.objects.get(organisation_number="7696001234").name == "Smögens Kaffestuga ek. för."


def test_own_columns_are_mapped_by_hand_and_problems_named(client_as):
    client = client_as("coordinator")
    text = ("Förening,Org nr,Var,Slag,Form,Om oss\n"
            "Bovallstrands Båtlag,802111-4445,Bovallstrand,förening,ideell förening,Båtlag för unga.\n"
            "Väjerns IF,802111-4445,Väjern,förening,ideell förening,Idrott.\n"
            "Smögens Rederi,769999-8881,Göteborg,rederi,ideell förening,Turer.\n")
    enterprise_import = upload(client, csv_file(text, encoding="cp1252"))
    assert enterprise_import.encoding == "cp1252" and enterprise_import.delimiter == ","
    mapping = {"name": "Förening", "organisation_number": "Org nr", "locality": "Var", "kind": "Slag",
               "legal_form": "Form", "short_description": "Om oss"}
    assert map_columns(client, enterprise_import, mapping).status_code == 302
    enterprise_import.refresh_from_db()
    assert preview_outcomes(enterprise_import) == {2: "new", 3: "refused", 4: "refused"}
    assert set(enterprise_import.rows.get(number=3).errors) == {"organisation_number"}
    assert set(enterprise_import.rows.get(number=4).errors) == {"locality", "kind"}


def test_the_mapping_needs_the_organisation_number_column(client_as):
    client = client_as("coordinator")
    enterprise_import = upload(client, shipped("exempel.csv"))
    mapping = {**enterprise_import.mapping, "organisation_number": ""}
    response = map_columns(client, enterprise_import, mapping)
    assert response.status_code == 200
    assert enterprise_import.rows.count() == 0


def test_the_templates_can_be_downloaded_and_match_the_shipped_one(client_as):
    client = client_as("coordinator")
    response = client.get(reverse("enterprises:import_template_csv"))
    assert response.status_code == 200 and response["Content-Disposition"].startswith("attachment;")
    assert response.content == (IMPORT_FILES / "mall.csv").read_bytes()
    response = client.get(reverse("enterprises:import_template_xlsx"))
    assert response["Content-Type"] == XLSX_TYPE
    # The XLSX template is itself a valid import file whose columns are all recognised.
    template = upload(client, SimpleUploadedFile("mall.xlsx", response.content, content_type=XLSX_TYPE))
    assert len(template.mapping) == 15
    assert map_columns(client, template).status_code == 302
    template.refresh_from_db()
    assert template.row_count == 0
    assert sv("No row of the file can be imported. Fix the file and upload it again.") in client.get(
        reverse("enterprises:import_preview", kwargs={"pk": template.pk})).content.decode()


def test_the_work_list_links_to_the_import_for_those_who_may_import(client_as):
    url = reverse("enterprises:import_start")
    assert url in client_as("coordinator").get(reverse("enterprises:work_list")).content.decode()
    assert url not in client_as("official").get(reverse("enterprises:work_list")).content.decode()
    page = client_as("coordinator").get(url).content.decode()
    assert sv("No file has been imported yet.") in page


def test_a_merged_duplicate_is_not_updated(client_as):
    kept = EnterpriseFactory(name="Hunnebo Återbruk (kvar)")
    EnterpriseFactory(organisation_number="8024004569", merged_into=kept, unpublished=True)
    enterprise_import = previewed(client_as("coordinator"))
    row = enterprise_import.rows.get(number=3)
    assert row.outcome == "refused" and set(row.errors) == {"organisation_number"}


def test_categories_and_target_groups_are_found_by_their_english_names_too(client_as):
    from enterprises.models import ServiceCategory, TargetGroup

    ServiceCategory.objects.filter(slug="stad").update(name_en="Cleaning")
    TargetGroup.objects.filter(slug="nyanlanda").update(name_en="Newly arrived refugees")
    client = client_as("coordinator")
    text = ("Organisationsnummer;Namn;Juridisk form;Typ av aktör;Kort beskrivning;Ort;Kategorier;Målgrupper\n"
            "802111-4445;Städkooperativet;Economic association (ekonomisk förening);Cooperative;Städning.;"
            "Outside the municipality;cleaning;Newly arrived refugees\n")
    enterprise_import = upload(client, csv_file(text))
    map_columns(client, enterprise_import)
    enterprise_import.refresh_from_db()
    assert preview_outcomes(enterprise_import) == {2: "new"}, list(enterprise_import.rows.values("errors"))
    confirm(client, enterprise_import)
    created = Enterprise.objects.get(organisation_number="8021114445")
    assert (created.legal_form, created.kind, created.locality) == ("ekonomisk_forening", "cooperative", "outside")
    assert created.service_categories.get().slug == "stad" and created.target_groups.get().slug == "nyanlanda"
