"""Uploads: every path that takes a file checks it by content against an
allow-list and a size limit, stores it outside the web root under a random
name, and every download view asks permission and serves an attachment
that the browser may not sniff or render."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from enterprises.models import Enterprise, Evidence
from policy_reports.admin import PolicyVersionAdminForm
from policy_reports.models import PolicyVersion
from support.models import AgreementAttachment, RequestAttachment
from tests.conftest import sv
from tests.enterprises.factories import EnterpriseFactory, RepresentationFactory, make_check
from tests.support.factories import support_kind

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>'
REFUSED_TYPE = sv("This type of file is not accepted. Allowed types: %(allowed)s.").split("%(")[0].strip()
TOO_LARGE = sv("The file is too large (%(size)s). The largest allowed size is %(limit)s.").split("(%(")[0].strip()


def upload(name: str, content: bytes, content_type: str = "application/octet-stream") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=content_type)


# Each upload path of the portal: who uses it, what it posts, what it stores.
def post_request_attachment(client_as, ctx, file):
    data = {"kind": support_kind().pk, "subject": "Lokaler i Väjern", "description": "Vi behöver en lokal.",
            "hoped_outcome": "Ett möte.", "save": "1", "attachments": file}
    return client_as("representative").post(reverse("support:request_create"), data)


def post_message_attachment(client_as, ctx, file):
    url = reverse("support:request_detail", kwargs={"pk": ctx["support_request"].pk})
    return client_as("representative").post(url, {"body": "Här är budgeten.", "attachments": file})


def post_agreement_attachment(client_as, ctx, file):
    today = timezone.localdate()
    data = {"department": ctx["support_request"].department_id, "enterprise": ctx["enterprise"].pk,
            "kind": "samarbetsavtal", "title": "Avtal om städning", "description": "",
            "start_date": today.isoformat(), "end_date": today.replace(year=today.year + 1).isoformat(),
            "annual_value": "1000", "contact_person": "Karin Berg", "is_public": "on", "attachments": file}
    return client_as("official").post(reverse("support:agreement_create"), data)


def post_check_evidence(client_as, ctx, file):
    representative = client_as("representative")
    enterprise = Enterprise.objects.filter(slug="bovallstrands-batvard").first()
    if enterprise is None:
        enterprise = EnterpriseFactory(name="Bovallstrands Båtvård ek. för.", slug="bovallstrands-batvard")
        RepresentationFactory(user=ctx["representative_user"], enterprise=enterprise)
        make_check(enterprise, "draft")
    data = {f"statement_{n}": f"Påstående {n}" for n in range(1, 5)} | {"evidence_1": file}
    return representative.post(reverse("enterprises:check_fill", kwargs={"slug": enterprise.slug}), data)


def post_policy_document(client_as, ctx, file):
    data = {"title": "Policy för social ekonomi 2026", "decision_date": timezone.localdate().isoformat(),
            "decision_reference": "KF § 12", "statements": "Stödja ASF.\n\nSamverka.",
            "review_lead_months": "6", "document": file}
    return client_as("coordinator").post(reverse("policy_reports:version_adopt"), data)


UPLOAD_PATHS = {
    "request_attachment": (post_request_attachment, RequestAttachment, "file", "support-requests"),
    "message_attachment": (post_message_attachment, RequestAttachment, "file", "support-requests"),
    "agreement_attachment": (post_agreement_attachment, AgreementAttachment, "file", "agreements"),
    "check_evidence": (post_check_evidence, Evidence, "file", "evidence"),
    "policy_document": (post_policy_document, PolicyVersion, "document", "policy"),
}
HOSTILE_FILES = {
    "html_named_png": lambda: upload("logga.png", HTML, "image/png"),
    "html_named_pdf": lambda: upload("stadgar.pdf", HTML, "application/pdf"),
    "html": lambda: upload("sida.html", HTML, "text/html"),
    "svg": lambda: upload("logga.svg", SVG, "image/svg+xml"),
    "svg_named_png": lambda: upload("logga.png", SVG, "image/png"),
    "pdf_named_html": lambda: upload("stadgar.html", PDF, "text/html"),
    "empty": lambda: upload("tom.pdf", b"", "application/pdf"),
}


@pytest.fixture
def uploads_ctx(ctx, user_for):
    return {**ctx, "representative_user": user_for("representative")}


def stored_files() -> set[Path]:
    from django.conf import settings

    root = Path(settings.MEDIA_ROOT)
    return {p for p in root.rglob("*") if p.is_file()} if root.exists() else set()


@pytest.mark.parametrize("path", sorted(UPLOAD_PATHS))
def test_files_of_a_refused_type_are_refused_with_a_swedish_message(path, uploads_ctx, client_as, settings,
                                                                   tmp_path):
    settings.MEDIA_ROOT = tmp_path  # an empty folder: any file stored shows
    post, model, _field, _folder = UPLOAD_PATHS[path]
    for kind, hostile in sorted(HOSTILE_FILES.items()):
        before_rows, before_files = model.objects.count(), stored_files()
        response = post(client_as, uploads_ctx, hostile())
        assert response.status_code == 200, f"{kind}: {response.status_code}"
        text = response.content.decode()
        refused = (REFUSED_TYPE, sv("The file is empty."), sv("The submitted file is empty."))
        assert any(message in text for message in refused), kind
        assert model.objects.count() == before_rows, kind
        assert stored_files() == before_files, kind


@pytest.mark.parametrize("path", sorted(UPLOAD_PATHS))
def test_files_over_the_size_limit_are_refused(path, uploads_ctx, client_as, settings):
    settings.UPLOAD_MAX_BYTES = 1024
    post, model, _field, _folder = UPLOAD_PATHS[path]
    before = model.objects.count()
    response = post(client_as, uploads_ctx, upload("stor.pdf", PDF + b"0" * 2048, "application/pdf"))
    assert response.status_code == 200
    assert TOO_LARGE in response.content.decode()
    assert model.objects.count() == before


@pytest.mark.parametrize("path", sorted(UPLOAD_PATHS))
def test_accepted_files_get_random_names_outside_the_web_root(path, uploads_ctx, client_as):
    post, model, field, folder = UPLOAD_PATHS[path]
    before = set(model.objects.values_list("pk", flat=True))
    response = post(client_as, uploads_ctx, upload("Stadgar Hunnebo.pdf", PDF, "application/pdf"))
    assert response.status_code == 302, response.context and [f.errors for f in [response.context.get("form")] if f]
    (created,) = model.objects.exclude(pk__in=before)
    stored = getattr(created, field)
    assert re.fullmatch(rf"{folder}/[0-9a-f]{{32}}\.pdf", stored.name), stored.name
    assert "stadgar" not in stored.name.lower()
    location = Path(stored.path).resolve()
    assert location.read_bytes() == PDF
    assert location.is_relative_to(Path(settings.MEDIA_ROOT).resolve())
    web_roots = [Path(settings.STATIC_ROOT), *map(Path, settings.STATICFILES_DIRS), Path(settings.BASE_DIR) / "static"]
    assert not any(location.is_relative_to(root.resolve()) for root in web_roots)
    # Nothing serves the media folder directly.
    assert not settings.MEDIA_URL or settings.MEDIA_URL == "/"
    assert client_as("administrator").get(f"/{stored.name}").status_code == 404
    assert client_as("administrator").get(f"/media/{stored.name}").status_code == 404


def test_the_admin_refuses_a_policy_document_that_is_not_a_pdf(db):
    form = PolicyVersionAdminForm(
        data={"title": "Policy", "decision_date": "2027-06-17", "decision_reference": "KF 1",
              "review_lead_months": 6},
        files={"document": upload("policy.pdf", HTML, "application/pdf")},
    )
    assert not form.is_valid()
    assert REFUSED_TYPE in " ".join(form.errors["document"])


# Downloads ------------------------------------------------------------------

DOWNLOADS = {
    "enterprises:evidence": ("representative", lambda c: {"slug": c["enterprise"].slug, "pk": c["evidence"].pk}),
    "support:request_attachment": ("representative", lambda c: {"pk": c["support_request"].pk,
                                                                "attachment_pk": c["support_attachment"].pk}),
    "support:agreement_attachment": ("official", lambda c: {"pk": c["support_agreement"].pk,
                                                            "attachment_pk": c["support_agreement_attachment"].pk}),
    "policy_reports:version_document": ("anonymous", lambda c: {"pk": c["policy_version"].pk}),
}


@pytest.mark.parametrize("name", sorted(DOWNLOADS))
def test_downloads_are_attachments_never_sniffed(name, ctx, client_as):
    role, kwargs = DOWNLOADS[name]
    response = client_as(role).get(reverse(name, kwargs=kwargs(ctx)))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Type"] in ("application/pdf", "application/octet-stream")
    assert "sandbox" in response["Content-Security-Policy"]
    b"".join(response.streaming_content)
    response.close()


def test_every_download_view_is_covered():
    from tests.harness.test_permission_matrix import PROJECT_URLS

    downloads = {n for n in PROJECT_URLS if n.endswith(("_attachment", ":evidence", "_document"))}
    assert downloads == set(DOWNLOADS)


# Another user's file: (role, URL name, kwargs) that must be refused.
FOREIGN_FILES = [
    ("foreign_representative", "support:request_attachment",
     lambda c, f: {"pk": c["support_request"].pk, "attachment_pk": c["support_attachment"].pk}),
    # The attachment of someone else's request, under one's own request's address.
    ("foreign_representative", "support:request_attachment",
     lambda c, f: {"pk": f["support_request"].pk, "attachment_pk": c["support_attachment"].pk}),
    ("foreign_official", "support:request_attachment",
     lambda c, f: {"pk": c["support_request"].pk, "attachment_pk": c["support_attachment"].pk}),
    # The agreement register is open to all municipal staff by design, never to enterprises.
    ("foreign_representative", "support:agreement_attachment",
     lambda c, f: {"pk": c["support_agreement"].pk, "attachment_pk": c["support_agreement_attachment"].pk}),
    ("foreign_official", "support:agreement_attachment",
     lambda c, f: {"pk": f["agreement"].pk, "attachment_pk": c["support_agreement_attachment"].pk}),
    ("foreign_representative", "enterprises:evidence",
     lambda c, f: {"slug": c["enterprise"].slug, "pk": c["evidence"].pk}),
    ("foreign_representative", "enterprises:evidence",
     lambda c, f: {"slug": f["enterprise"].slug, "pk": c["evidence"].pk}),
    ("anonymous", "support:request_attachment",
     lambda c, f: {"pk": c["support_request"].pk, "attachment_pk": c["support_attachment"].pk}),
]


@pytest.mark.parametrize("who,name,kwargs", FOREIGN_FILES)
def test_another_users_file_is_refused(who, name, kwargs, ctx, foreign, client):
    if who != "anonymous":
        client.force_login(foreign[who.removeprefix("foreign_")])
    response = client.get(reverse(name, kwargs=kwargs(ctx, foreign)))
    assert response.status_code in (403, 404) or response.status_code == 302 and "logga-in" in response["Location"]
    assert not response.has_header("Content-Disposition")


HOSTILE_NAMES = ["a\nb.pdf", 'a"; filename="x.html.pdf', "..\\..\\x.pdf", "a\rContent-Type: text/html.pdf", "å ä ö.pdf"]


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_a_hostile_file_name_cannot_shape_the_download_headers(name, ctx, client_as):
    before = set(RequestAttachment.objects.values_list("pk", flat=True))
    post_message_attachment(client_as, ctx, upload(name, PDF, "application/pdf"))
    (attachment,) = RequestAttachment.objects.exclude(pk__in=before)
    response = client_as("representative").get(reverse("support:request_attachment", kwargs={
        "pk": ctx["support_request"].pk, "attachment_pk": attachment.pk}))
    assert response.status_code == 200
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;") and "\n" not in disposition and "\r" not in disposition
    assert disposition.count("filename") == 1
    assert response["Content-Type"] == "application/pdf"
    response.close()
