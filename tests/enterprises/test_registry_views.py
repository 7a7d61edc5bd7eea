"""Browsing, searching, registering, editing and curating the registry."""

import pytest
from django.urls import reverse

from enterprises.constants import PublicationStatus
from enterprises.models import Enterprise, Representation, ServiceCategory
from tests.enterprises.factories import EnterpriseFactory, RepresentationFactory, make_check, valid_orgnr
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
LIST = reverse("enterprises:list")


def names(response) -> list[str]:
    return [e.name for e in response.context["enterprises"]]


def registration_data(**overrides) -> dict:
    data = {
        "name": "Hamnens Cykelverkstad ek. för.",
        "organisation_number": "769600-0008",
        "legal_form": "ekonomisk_forening",
        "kind": "asf",
        "short_description": "Cykelreparationer och uthyrning.",
        "locality": "kungshamn",
        "figures_year": "2025",
        "employees": "6",
        "employees_from_target_groups": "2",
        "participants": "1",
        "service_categories": [ServiceCategory.objects.get(slug="transport").pk],
    }
    number = data["organisation_number"].replace("-", "")
    from enterprises.orgnr import luhn_check_digit

    data["organisation_number"] = number[:9] + str(luhn_check_digit(number[:9]))
    data.update(overrides)
    return data


class TestPublicList:
    def test_only_published_enterprises_are_listed(self, client):
        EnterpriseFactory(name="Synlig ek. för.")
        EnterpriseFactory(name="Utkast ek. för.", draft=True)
        EnterpriseFactory(name="Avpublicerad ek. för.", unpublished=True)
        assert names(client.get(LIST)) == ["Synlig ek. för."]

    def test_officials_also_see_drafts_and_can_filter_by_status(self, client_as):
        EnterpriseFactory(name="Synlig ek. för.")
        EnterpriseFactory(name="Utkast ek. för.", draft=True)
        client = client_as("official")
        assert set(names(client.get(LIST))) == {"Synlig ek. för.", "Utkast ek. för."}
        assert names(client.get(LIST, {"status": "draft"})) == ["Utkast ek. för."]

    def test_search_finds_words_in_name_descriptions_and_categories(self, client):
        cleaning = ServiceCategory.objects.get(slug="stad")
        EnterpriseFactory(name="Rena Hem ek. för.", short_description="Vi hjälper hushåll.", categories=[cleaning])
        EnterpriseFactory(name="Bryggcaféet", short_description="Fika vid hamnen.")
        assert names(client.get(LIST, {"q": "städning"})) == ["Rena Hem ek. för."]
        assert names(client.get(LIST, {"q": "fika"})) == ["Bryggcaféet"]
        assert names(client.get(LIST, {"q": "BRYGGCAFÉET"})) == ["Bryggcaféet"]

    def test_filters_combine_and_are_shown_removable(self, client):
        cafe = ServiceCategory.objects.get(slug="cafe-catering")
        EnterpriseFactory(name="A-café", locality="smogen", categories=[cafe])
        EnterpriseFactory(name="B-café", locality="kungshamn", categories=[cafe])
        EnterpriseFactory(name="C-båt", locality="smogen")
        response = client.get(LIST, {"kategori": "cafe-catering", "ort": "smogen"})
        assert names(response) == ["A-café"]
        labels = [f["label"] for f in response.context["active_filters"]]
        assert any("Smögen" in label for label in labels)
        remove_locality = next(f["remove_url"] for f in response.context["active_filters"] if "Smögen" in f["label"])
        assert "ort" not in remove_locality and "kategori=cafe-catering" in remove_locality

    def test_verified_asf_and_reserved_share_filters(self, client, coordinator):
        verified = EnterpriseFactory(name="Kontrollerad")
        make_check(verified, "decided", is_asf=True)
        from enterprises.services import enterprise_refresh_asf_status

        enterprise_refresh_asf_status(enterprise=verified)
        EnterpriseFactory(name="Okontrollerad", with_figures=True)
        EnterpriseFactory(name="Under gränsen", figures_year=2025, employees=10, employees_from_target_groups=2,
                          participants=0)
        assert names(client.get(LIST, {"asf": "on"})) == ["Kontrollerad"]
        assert names(client.get(LIST, {"reserverat": "on"})) == ["Okontrollerad"]

    def test_invalid_filters_are_ignored_with_a_message(self, client):
        EnterpriseFactory(name="Finns")
        response = client.get(LIST, {"ort": "atlantis", "sortera": "'; drop table"})
        assert response.status_code == 200
        assert names(response) == ["Finns"]
        assert response.context["invalid_filters"]

    def test_empty_result_says_so(self, client):
        response = client.get(LIST, {"q": "zzzz"})
        assert response.status_code == 200
        assert response.context["page_obj"].paginator.count == 0
        assert "alert-info" in response.content.decode()

    def test_sorting_and_pagination_keep_the_filters_in_the_address(self, client, settings):
        settings.REGISTRY_PAGE_SIZE = 2
        for n in range(5):
            EnterpriseFactory(name=f"Företag {n}", locality="smogen")
        response = client.get(LIST, {"ort": "smogen", "sortera": "newest"})
        assert names(response) == ["Företag 4", "Företag 3"]
        html = response.content.decode()
        assert "?ort=smogen&amp;sortera=newest&amp;page=2" in html
        page2 = client.get(LIST, {"ort": "smogen", "sortera": "newest", "page": 2})
        assert names(page2) == ["Företag 2", "Företag 1"]


class TestDetail:
    def test_public_detail_shows_badge_and_reserved_note(self, client):
        enterprise = EnterpriseFactory(with_figures=True)
        make_check(enterprise, "decided", is_asf=True)
        from enterprises.services import enterprise_refresh_asf_status

        enterprise_refresh_asf_status(enterprise=enterprise)
        html = client.get(enterprise.get_absolute_url()).content.decode()
        assert enterprise.organisation_number_display in html
        assert "asf-badge" in html
        assert "LOU 4 kap. 18" in html
        assert "Påstående om kriterium" not in html  # check details are not public

    def test_unpublished_enterprise_does_not_exist_for_the_public(self, client, client_as):
        enterprise = EnterpriseFactory(draft=True)
        assert client.get(enterprise.get_absolute_url()).status_code == 404
        assert client_as("representative").get(enterprise.get_absolute_url()).status_code == 404
        assert client_as("official").get(enterprise.get_absolute_url()).status_code == 200

    def test_expired_check_shows_no_badge(self, client):
        from datetime import timedelta

        from django.utils import timezone

        enterprise = EnterpriseFactory()
        make_check(enterprise, "decided", is_asf=True, decided_on=timezone.localdate() - timedelta(days=800))
        from enterprises.services import enterprise_refresh_asf_status

        enterprise_refresh_asf_status(enterprise=enterprise)
        assert "asf-badge" not in client.get(enterprise.get_absolute_url()).content.decode()

    def test_officials_see_check_history_and_representatives(self, client_as):
        enterprise = EnterpriseFactory()
        RepresentationFactory(enterprise=enterprise, user=UserFactory(username="lina", email="lina@example.org"))
        make_check(enterprise, "decided", is_asf=True)
        html = client_as("official").get(enterprise.get_absolute_url()).content.decode()
        assert "lina@example.org" in html
        assert "Påstående om kriterium 1" in html


class TestRegistration:
    def test_representative_registers_and_it_waits_for_review(self, client_as, representative):
        response = client_as("representative").post(reverse("enterprises:register"), registration_data())
        enterprise = Enterprise.objects.get(name="Hamnens Cykelverkstad ek. för.")
        assert response.status_code == 302
        assert enterprise.publication_status == PublicationStatus.AWAITING_REVIEW
        assert enterprise.representations.get().user == representative
        assert enterprise.slug == "hamnens-cykelverkstad-ek-for"

    @pytest.mark.parametrize(
        "number,code",
        [
            ("769600-0009", "check_digit"),
            ("76960000", "wrong_length"),
            ("811228-9874", "personal_number"),
        ],
    )
    def test_bad_organisation_number_is_explained_and_nothing_is_saved(self, client_as, number, code):
        response = client_as("representative").post(
            reverse("enterprises:register"), registration_data(organisation_number=number)
        )
        assert response.status_code == 200
        error = response.context["form"].errors.as_data()["organisation_number"][0]
        assert error.code == code
        assert error.messages[0] in response.content.decode()  # shown, in Swedish
        assert not Enterprise.objects.exists()

    def test_duplicate_organisation_number_points_to_the_claim(self, client_as):
        existing = EnterpriseFactory()
        response = client_as("representative").post(
            reverse("enterprises:register"), registration_data(organisation_number=existing.organisation_number)
        )
        assert response.status_code == 200
        assert Enterprise.objects.count() == 1

    def test_more_target_group_employees_than_employees_is_refused(self, client_as):
        response = client_as("representative").post(
            reverse("enterprises:register"), registration_data(employees="2", employees_from_target_groups="5")
        )
        assert response.status_code == 200
        assert not Enterprise.objects.exists()


class TestEditing:
    def test_representative_edits_own_enterprise_and_it_stays_published(self, client_as, representative):
        enterprise = EnterpriseFactory()
        RepresentationFactory(user=representative, enterprise=enterprise)
        data = registration_data(name=enterprise.name, organisation_number=enterprise.organisation_number,
                                 short_description="Ny beskrivning.")
        response = client_as("representative").post(reverse("enterprises:update", args=[enterprise.slug]), data)
        assert response.status_code == 302
        enterprise.refresh_from_db()
        assert enterprise.short_description == "Ny beskrivning."
        assert enterprise.publication_status == PublicationStatus.PUBLISHED
        assert enterprise.history.latest().history_user == representative

    def test_renaming_a_published_enterprise_goes_back_to_review(self, client_as, representative):
        enterprise = EnterpriseFactory()
        RepresentationFactory(user=representative, enterprise=enterprise)
        data = registration_data(name="Nytt namn ek. för.", organisation_number=enterprise.organisation_number)
        client_as("representative").post(reverse("enterprises:update", args=[enterprise.slug]), data)
        enterprise.refresh_from_db()
        assert enterprise.name == "Nytt namn ek. för."
        assert enterprise.publication_status == PublicationStatus.AWAITING_REVIEW

    def test_coordinator_renames_without_review(self, client_as):
        enterprise = EnterpriseFactory()
        data = registration_data(name="Nytt namn ek. för.", organisation_number=enterprise.organisation_number)
        client_as("coordinator").post(reverse("enterprises:update", args=[enterprise.slug]), data)
        enterprise.refresh_from_db()
        assert enterprise.publication_status == PublicationStatus.PUBLISHED

    def test_representative_cannot_edit_another_enterprise(self, client_as, representative):
        mine, theirs = EnterpriseFactory(), EnterpriseFactory(name="Någon annans")
        RepresentationFactory(user=representative, enterprise=mine)
        data = registration_data(name="Kapat", organisation_number=theirs.organisation_number)
        response = client_as("representative").post(reverse("enterprises:update", args=[theirs.slug]), data)
        assert response.status_code == 403
        theirs.refresh_from_db()
        assert theirs.name == "Någon annans"

    def test_pending_claim_does_not_give_edit_rights(self, client_as, representative):
        enterprise = EnterpriseFactory()
        RepresentationFactory(user=representative, enterprise=enterprise, status=Representation.Status.PENDING)
        assert client_as("representative").get(reverse("enterprises:update", args=[enterprise.slug])).status_code == 403


class TestCuration:
    def test_publish_and_unpublish_with_reason(self, client_as, client):
        enterprise = EnterpriseFactory(awaiting=True)
        coordinator = client_as("coordinator")
        coordinator.post(reverse("enterprises:publish", args=[enterprise.slug]))
        enterprise.refresh_from_db()
        assert enterprise.is_published and enterprise.published_at is not None
        response = coordinator.post(reverse("enterprises:unpublish", args=[enterprise.slug]), {"reason": ""})
        assert response.status_code == 200
        enterprise.refresh_from_db()
        assert enterprise.is_published  # nothing changed without a reason
        coordinator.post(reverse("enterprises:unpublish", args=[enterprise.slug]), {"reason": "Har upphört"})
        enterprise.refresh_from_db()
        assert enterprise.publication_status == PublicationStatus.UNPUBLISHED
        assert enterprise.unpublished_reason == "Har upphört"
        assert client.get(enterprise.get_absolute_url()).status_code == 404

    def test_merge_moves_representatives_and_checks(self, client_as):
        kept = EnterpriseFactory(name="Rätt post")
        duplicate = EnterpriseFactory(name="Dubblett")
        rep = RepresentationFactory(enterprise=duplicate).user
        make_check(duplicate, "decided", is_asf=True)
        response = client_as("coordinator").post(reverse("enterprises:merge", args=[duplicate.slug]),
                                                 {"into": kept.pk})
        assert response.status_code == 302
        duplicate.refresh_from_db()
        assert duplicate.merged_into == kept
        assert duplicate.publication_status == PublicationStatus.UNPUBLISHED
        assert kept.representations.filter(user=rep).exists()
        assert kept.definition_checks.count() == 1
        kept.refresh_from_db()
        assert kept.asf_valid_until is not None

    def test_claim_then_coordinator_confirms(self, client_as, representative):
        enterprise = EnterpriseFactory()
        client_as("representative").post(reverse("enterprises:claim", args=[enterprise.slug]),
                                         {"message": "Ordförande"})
        claim = Representation.objects.get(user=representative, enterprise=enterprise)
        assert claim.status == Representation.Status.PENDING
        response = client_as("representative").post(reverse("enterprises:claim", args=[enterprise.slug]), {})
        assert response.status_code == 200  # a second claim is refused with a message
        client_as("coordinator").post(reverse("enterprises:representation_decide", args=[claim.pk]),
                                      {"decision": "confirm"})
        claim.refresh_from_db()
        assert claim.status == Representation.Status.CONFIRMED

    def test_officials_add_a_service_category(self, client_as):
        client_as("official").post(reverse("enterprises:categories"), {"name": "Fönsterputs"})
        assert ServiceCategory.objects.filter(name="Fönsterputs", slug="fonsterputs").exists()

    def test_reserved_contract_export_lists_only_those_meeting_the_share(self, client_as):
        cafe = ServiceCategory.objects.get(slug="cafe-catering")
        EnterpriseFactory(name="Uppfyller", with_figures=True, categories=[cafe])
        EnterpriseFactory(name="Uppfyller inte", figures_year=2025, employees=10, employees_from_target_groups=1,
                          participants=0)
        response = client_as("official").get(reverse("enterprises:reserved_export"))
        body = b"".join(response.streaming_content).decode("utf-8")
        assert body.startswith("\ufeff")
        assert "Uppfyller;" in body and "Café och catering" in body
        assert "Uppfyller inte" not in body

    def test_work_list_shows_what_waits(self, client_as):
        EnterpriseFactory(name="Väntar på publicering", awaiting=True)
        waiting = EnterpriseFactory(name="Har skickat kontroll")
        make_check(waiting, "submitted")
        html = client_as("coordinator").get(reverse("enterprises:work_list")).content.decode()
        assert "Väntar på publicering" in html and "Har skickat kontroll" in html

    def test_work_list_links_each_role_to_a_page_it_may_open(self, client_as):
        waiting = EnterpriseFactory(name="Har skickat kontroll")
        check = make_check(waiting, "submitted")
        review = reverse("enterprises:check_review", args=[waiting.slug, check.pk])
        for role, target in (("coordinator", review), ("official", waiting.get_absolute_url())):
            client = client_as(role)
            html = client.get(reverse("enterprises:work_list")).content.decode()
            assert f'href="{target}"' in html, role
            assert client.get(target).status_code == 200, role
        assert review not in client_as("official").get(reverse("enterprises:work_list")).content.decode()


def test_slug_never_shadows_a_fixed_path():
    from enterprises.services import unique_slug

    assert unique_slug("Registrera") == "registrera-foretag"
    assert valid_orgnr(1)


class TestAgreementsOnTheEnterprisePage:
    def test_public_sees_current_agreements_without_values(self, client, client_as):
        from tests.support.factories import AgreementFactory

        enterprise = EnterpriseFactory()
        AgreementFactory(enterprise=enterprise, title="Caféet i stadshuset", annual_value=123456)
        html = client.get(enterprise.get_absolute_url()).content.decode()
        assert "Caféet i stadshuset" in html
        assert "123456" not in html and "123 456" not in html
        official_html = client_as("official").get(enterprise.get_absolute_url()).content.decode()
        assert "123456" in official_html.replace("\xa0", "").replace(" ", "") or "123456" in official_html

    def test_merge_moves_agreements_too(self, client_as):
        from tests.support.factories import AgreementFactory

        kept, duplicate = EnterpriseFactory(), EnterpriseFactory()
        agreement = AgreementFactory(enterprise=duplicate)
        client_as("coordinator").post(reverse("enterprises:merge", args=[duplicate.slug]), {"into": kept.pk})
        agreement.refresh_from_db()
        assert agreement.enterprise == kept
