import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def directives(header: str) -> dict[str, list[str]]:
    parsed = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            parsed[words[0]] = words[1:]
    return parsed


def test_start_page_sends_the_security_headers(client):
    response = client.get(reverse("home"))
    assert response.status_code == 200
    csp = directives(response["Content-Security-Policy"])
    assert csp["script-src"] == ["'self'"]
    assert "'unsafe-inline'" not in csp["style-src"]
    assert csp["default-src"] == ["'self'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["object-src"] == ["'none'"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_pages_load_no_third_party_resources(client):
    html = client.get(reverse("home")).content.decode()
    for marker in ("src=\"http", "href=\"http", "src=\"//", "href=\"//"):
        assert marker not in html, f"third-party resource in the start page: {marker}"
    assert "/static/vendor/bootstrap/bootstrap.min.css" in html
