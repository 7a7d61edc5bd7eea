"""The adapter to the support app: the real figures where support offers
them, zeros where it does not (yet).

The cross-app test (figures equal to real agreements and requests) is the
lead's, once both apps have landed; here the adapter is tested against
whatever the support app offers now."""

from decimal import Decimal
from importlib import import_module

import pytest

from policy_reports import prefill

pytestmark = pytest.mark.django_db


def support_selectors():
    try:
        return import_module("support.selectors")
    except ImportError:
        return None


@pytest.fixture
def without_support(monkeypatch):
    def refuse(name):
        raise ImportError(name)

    monkeypatch.setattr(prefill, "import_module", refuse)


def test_without_the_support_app_the_figures_are_zeros(without_support, department):
    assert prefill.department_year_figures(department=department, year=2025) == prefill.empty_year_figures()
    assert prefill.report_prefill(department=department, year=2025) == {
        "agreements_in_force": 0, "agreements_value": Decimal("0"), "requests_handled": 0, "requests_decided": 0,
        "placement_agreements": 0,
    }
    assert prefill.agreements_in_force_count(on_date=None) is None
    assert prefill.request_summary(start=None, end=None) == prefill.empty_request_summary()


def test_a_support_module_without_the_functions_gives_zeros(monkeypatch, department):
    monkeypatch.setattr(prefill, "import_module", lambda name: object())
    assert prefill.department_year_figures(department=department, year=2025) == prefill.empty_year_figures()
    assert prefill.request_summary(start=None, end=None)["available"] is False


def test_the_support_figures_go_to_the_report_fields(monkeypatch, department):
    class FakeSupport:
        @staticmethod
        def department_year_figures(*, department, year):
            assert year == 2025
            return {"agreements_in_force": 3, "agreements_total_value": Decimal("250000"),
                    "placement_agreements": 2, "requests_handled": 8, "requests_decided": 6}

        @staticmethod
        def agreements_in_force(*, on_date):
            return ["a", "b"]

        @staticmethod
        def request_summary(*, start, end):
            return {"volume": 9, "by_kind": [("Rådgivning", 9)], "by_outcome": [], "median_days_to_decision": 12.5}

    monkeypatch.setattr(prefill, "import_module", lambda name: FakeSupport)
    assert prefill.report_prefill(department=department, year=2025) == {
        "agreements_in_force": 3, "agreements_value": Decimal("250000"), "requests_handled": 8,
        "requests_decided": 6, "placement_agreements": 2,
    }
    assert prefill.agreements_in_force_count(on_date=None) == 2
    summary = prefill.request_summary(start=None, end=None)
    assert summary["available"] and summary["volume"] == 9 and summary["median_days_to_decision"] == 12.5


def test_the_adapter_agrees_with_the_support_app_as_it_is(department):
    selectors = support_selectors()
    expected = prefill.empty_year_figures()
    if selectors is not None and hasattr(selectors, "department_year_figures"):
        expected.update(selectors.department_year_figures(department=department, year=2025))
    assert prefill.department_year_figures(department=department, year=2025) == expected
