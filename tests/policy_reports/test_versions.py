"""Policy versions: adoption, exactly one in force, status moves."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone

from policy_reports import selectors, services
from policy_reports.models import PolicyVersion
from tests.policy_reports.factories import MINIMAL_PDF, PolicyVersionFactory

pytestmark = pytest.mark.django_db

Status = PolicyVersion.Status


def adopt(decision_date, reference="KF 2026-06-18 § 87", actor=None, **overrides):
    arguments = {
        "title": "Policy för social ekonomi",
        "decision_date": decision_date,
        "decision_reference": reference,
        "document": ContentFile(MINIMAL_PDF, name="policy.pdf"),
        "statements": ["Första ställningstagandet.", "  ", "Andra ställningstagandet."],
        "actor": actor,
        **overrides,
    }
    return services.policy_version_adopt(**arguments)


def test_adopting_derives_the_review_date_and_keeps_the_statements_in_order(coordinator):
    version = adopt(date(2024, 2, 29), actor=coordinator)
    assert version.status == Status.IN_FORCE
    assert version.review_due_on == date(2026, 2, 28)
    assert list(version.statements.values_list("position", "text")) == [
        (1, "Första ställningstagandet."), (2, "Andra ställningstagandet.")
    ]
    assert version.adopted_by == coordinator
    assert version.document.read().startswith(b"%PDF-")


def test_the_review_lead_time_sets_when_preparation_starts(settings):
    settings.POLICY_REVIEW_LEAD_MONTHS = 4
    version = adopt(date(2025, 8, 31))
    assert version.review_lead_months == 4
    assert version.preparation_starts_on == date(2027, 4, 30)
    other = adopt(date(2025, 9, 30), reference="KF 2025-09-30 § 2", review_lead_months=9)
    assert other.preparation_starts_on == date(2026, 12, 30)


def test_a_new_version_replaces_the_one_in_force_and_has_its_own_review_date():
    old = adopt(date(2024, 5, 20), reference="KF 2024-05-20 § 12")
    new = adopt(date(2026, 5, 18), reference="KF 2026-05-18 § 40")
    old.refresh_from_db()
    assert old.status == Status.REPLACED
    assert old.replaced_by == new
    assert new.status == Status.IN_FORCE
    assert new.review_due_on == date(2028, 5, 18)
    assert selectors.version_in_force() == new


def test_a_version_under_review_is_replaced_too():
    old = adopt(date(2024, 5, 20), reference="KF 2024-05-20 § 12")
    services.policy_version_set_status(version=old, to_status=Status.UNDER_REVIEW, actor=None)
    new = adopt(date(2026, 5, 18), reference="KF 2026-05-18 § 40")
    old.refresh_from_db()
    assert (old.status, old.replaced_by) == (Status.REPLACED, new)


@pytest.mark.parametrize(
    "overrides,code",
    [
        ({"statements": ["", "  "]}, "no_statements"),
        ({"decision_date": timezone.localdate() + timedelta(days=1)}, "future_decision"),
        ({"decision_date": date(2024, 5, 20)}, "not_later"),
        ({"decision_date": date(2024, 5, 1)}, "not_later"),
    ],
)
def test_bad_adoptions_are_refused_and_change_nothing(overrides, code):
    overrides = dict(overrides)
    current = adopt(date(2024, 5, 20), reference="KF 2024-05-20 § 12")
    with pytest.raises(ValidationError) as caught:
        adopt(overrides.pop("decision_date", date(2026, 1, 1)), reference="KF ny", **overrides)
    assert caught.value.code == code
    current.refresh_from_db()
    assert current.status == Status.IN_FORCE
    assert PolicyVersion.objects.count() == 1


@pytest.mark.parametrize("second_status", [Status.IN_FORCE, Status.UNDER_REVIEW])
def test_the_database_allows_only_one_version_in_force(second_status):
    PolicyVersionFactory(status=Status.IN_FORCE)
    with pytest.raises(IntegrityError), transaction.atomic():
        PolicyVersionFactory(status=second_status)


def test_any_number_of_replaced_or_expired_versions_may_exist():
    PolicyVersionFactory(status=Status.IN_FORCE)
    PolicyVersionFactory(replaced=True)
    PolicyVersionFactory(replaced=True)
    PolicyVersionFactory(expired=True)
    assert PolicyVersion.objects.filter(status__in=PolicyVersion.CURRENT).count() == 1


def test_model_validation_names_the_version_in_force():
    PolicyVersionFactory(status=Status.IN_FORCE)
    second = PolicyVersionFactory.build(status=Status.IN_FORCE, decision_reference="KF x")
    with pytest.raises(ValidationError) as error:
        second.validate_constraints()
    assert error.value.error_dict["__all__"][0].code != "" and "gäller redan" in str(error.value)


ALL_STATUSES = list(Status)
ALLOWED = services.VERSION_MOVES


@pytest.mark.parametrize(
    "frm,to", [(a, b) for a in ALL_STATUSES for b in ALL_STATUSES if a != b]
)
def test_status_moves_follow_the_table(frm, to):
    version = PolicyVersionFactory(status=frm)
    if (frm, to) in ALLOWED:
        assert services.policy_version_set_status(version=version, to_status=to, actor=None).status == to
    else:
        with pytest.raises(ValidationError) as caught:
            services.policy_version_set_status(version=version, to_status=to, actor=None)
        assert caught.value.code == "invalid_move"
        version.refresh_from_db()
        assert version.status == frm
