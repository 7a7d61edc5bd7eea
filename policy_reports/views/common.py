"""Shared pieces of the policy report views: file downloads and a
service's messages for the messages framework."""

from django.http import HttpResponse


def download(content: bytes | str, *, filename: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


def error_messages(error) -> list[str]:
    """The messages of a ValidationError, for the messages framework."""
    return list(error.messages)
