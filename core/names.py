"""Names of managed vocabularies (service categories, target groups, support
kinds, departments) in the reader's language. Each has a Swedish ``name`` and
may have a ``name_en``; an English page shows the English name where there is
one and otherwise the Swedish one, marked ``lang="sv"`` (WCAG 3.1.2)."""

from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language

SOURCE_LANGUAGE = "sv"  # the language of the data people type in


def page_is_swedish() -> bool:
    return (get_language() or SOURCE_LANGUAGE).split("-")[0] == SOURCE_LANGUAGE


def localized_name(obj) -> str:
    """The object's name for the active language, as plain text."""
    if not page_is_swedish() and getattr(obj, "name_en", ""):
        return obj.name_en
    return obj.name


def name_html(obj) -> SafeString:
    """The name as HTML: a Swedish name on a page in another language is
    wrapped in ``<span lang="sv">``."""
    if page_is_swedish() or getattr(obj, "name_en", ""):
        return conditional_escape(localized_name(obj))
    return swedish_html(obj.name)


def swedish_html(text: str) -> SafeString:
    """Swedish-only text (a name, a free-text description) for inline use."""
    if page_is_swedish() or not text:
        return conditional_escape(text)
    return format_html('<span lang="sv">{}</span>', text)
