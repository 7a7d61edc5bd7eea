"""The texts the records keep (a registered case's title, a document's
description) are written in Swedish whatever the language of the user who
caused them: the registry and the postlista are the municipality's record.

Source strings stay in English like every other one; mark them with
``gettext_noop`` so makemessages finds them, and pass
them through ``in_swedish`` when they are written:
``in_swedish(gettext_noop("Decision: %(outcome)s"), outcome=...)``."""

from django.utils.translation import gettext, override


def in_swedish(message: str, **params) -> str:
    with override("sv"):
        text = gettext(message)
    return text % params if params else text
