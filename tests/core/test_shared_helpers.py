"""The small helpers every app shares, one definition each: the median of
days between two moments, the check of several uploads, a service's
refusal shown on a form, and whether a port answers."""

import socket
from datetime import datetime, timedelta

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from core.dates import median_days
from core.forms import add_service_errors
from core.net import port_open
from core.uploads import validate_uploads
from support.models import SupportRequest

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
START = datetime(2026, 3, 2, 9, 0)


def test_median_days_leaves_out_pairs_missing_an_end_and_rounds_to_one_decimal():
    pairs = [(START, START + timedelta(days=2)), (START, None), (None, START),
             (START, START + timedelta(days=3, hours=12)), (START, START + timedelta(days=10))]
    assert median_days(pairs) == 3.5
    assert median_days([(START, START + timedelta(days=1)), (START, START + timedelta(days=2))]) == 1.5
    assert median_days([(START, None)]) is None
    assert median_days([]) is None


def test_validate_uploads_names_each_refused_file():
    good = SimpleUploadedFile("stadgar.pdf", PDF)
    script = SimpleUploadedFile("stadgar.html", b"<script>alert(1)</script>")
    empty = SimpleUploadedFile("tom.pdf", b"")
    validate_uploads([good])
    with pytest.raises(ValidationError) as refused:
        validate_uploads([good, script, empty])
    assert [m.split(":")[0] for m in refused.value.messages] == ["stadgar.html", "tom.pdf"]
    with pytest.raises(ValidationError) as on_field:
        validate_uploads([script], field="attachments")
    assert list(on_field.value.message_dict) == ["attachments"]


class CommentForm(forms.Form):
    comment = forms.CharField(required=False)


def bound_form() -> CommentForm:
    form = CommentForm(data={"comment": "x"})
    assert form.is_valid()
    return form


def test_a_service_error_about_a_field_of_the_form_lands_on_that_field():
    form = bound_form()
    add_service_errors(form, ValidationError({"comment": "Write a comment for the applicant."}))
    assert form.errors == {"comment": ["Write a comment for the applicant."]}


def test_other_service_errors_land_above_the_form_named_by_their_field():
    form = bound_form()
    add_service_errors(form, ValidationError({"__all__": "Not now.", "reply_by": "Too early."}),
                       model=SupportRequest)
    label = str(SupportRequest._meta.get_field("reply_by").verbose_name).capitalize()
    assert form.non_field_errors() == ["Not now.", f"{label}: Too early."]
    plain = bound_form()
    add_service_errors(plain, ValidationError({"nonsense": "Odd."}))
    add_service_errors(plain, ValidationError("Only a draft can be changed."))
    assert plain.non_field_errors() == ["nonsense: Odd.", "Only a draft can be changed."]


def test_port_open_tells_a_listening_port_from_a_closed_one():
    with socket.socket() as listening:
        listening.bind(("127.0.0.1", 0))
        listening.listen()
        port = listening.getsockname()[1]
        assert port_open("127.0.0.1", port)
    assert not port_open("127.0.0.1", port)
