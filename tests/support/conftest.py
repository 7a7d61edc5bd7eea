import pytest

from tests.support.factories import request_in_state


@pytest.fixture
def applicant(user_for):
    return user_for("representative")


@pytest.fixture
def make_request(applicant, department):
    """A request of the representative, in the official's department unless told otherwise."""

    def _make(state="submitted", **kwargs):
        kwargs.setdefault("applicant", applicant)
        if state != "draft":
            kwargs.setdefault("department", department)
        return request_in_state(state, **kwargs)

    return _make
