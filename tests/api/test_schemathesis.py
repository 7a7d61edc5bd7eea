"""Property-based check of the whole API against its own OpenAPI schema:
schemathesis generates requests (valid and invalid) for every operation and
requires responses that match the schema and never a server error. Runs
in-process through the WSGI app, bounded to a few examples per operation."""

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from drf_spectacular.generators import SchemaGenerator
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from tests.enterprises.factories import EnterpriseFactory, ServiceCategoryFactory
from tests.support.factories import AgreementFactory

pytestmark = pytest.mark.django_db

schema = schemathesis.openapi.from_dict(SchemaGenerator().get_schema(request=None, public=True))
APP = get_wsgi_application()


@pytest.fixture
def keep_test_connection():
    """The WSGI handler closes the database connection after each request,
    which would end the test's transaction; Django's own test client
    disconnects the same handler for the same reason."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def published_data(db, keep_test_connection):
    category = ServiceCategoryFactory(name="Städ", slug="stad")
    for _ in range(3):
        AgreementFactory(enterprise=EnterpriseFactory(categories=[category], with_figures=True))
    EnterpriseFactory(organisation_number="5560360793")
    EnterpriseFactory(draft=True)


@schema.parametrize()
# Derandomised so a run is reproducible; raise max_examples locally to dig deeper.
@settings(max_examples=25, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_schema(case, published_data):
    # The kategori and malgrupp vocabularies are managed data, so the schema
    # cannot enumerate them: a well-formed but unknown slug is rightly a 400,
    # which the "schema-valid request rejected" check would call a failure.
    case.call_and_validate(app=APP, excluded_checks=[positive_data_acceptance])
