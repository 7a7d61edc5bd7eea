"""What django-axes records about a failed sign-in."""

from django.conf import settings

# AccessAttempt.username is a varchar(255); no account has a longer name.
USERNAME_LENGTH = 255


def attempted_username(request, credentials=None) -> str | None:
    """The username a failed sign-in is counted under: as typed, cut to
    the column's length and without NUL characters. PostgreSQL refused to
    save a longer or NUL-carrying one, and the sign-in page answered 500."""
    field = settings.AXES_USERNAME_FORM_FIELD
    if credentials:
        username = credentials.get(field)
    else:
        username = getattr(request, "data", request.POST).get(field)
    if not isinstance(username, str):
        return username
    return username.replace("\x00", "")[:USERNAME_LENGTH]
