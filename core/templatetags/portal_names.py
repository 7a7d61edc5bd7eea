"""Vocabulary names in the reader's language, and Swedish-only text marked
as Swedish on pages in another language (``core.names``)."""

from django import template
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe

from core import names

register = template.Library()


@register.filter
def localized(obj):
    """``{{ category|localized }}``: the name in the page's language, a
    Swedish fallback marked lang="sv"."""
    return names.name_html(obj) if obj is not None else ""


@register.filter
def localized_list(objects, separator=", "):
    """``{{ categories|localized_list }}``: the names joined."""
    return format_html_join(separator, "{}", ((names.name_html(obj),) for obj in objects))


@register.filter
def swedish(text):
    """``{{ enterprise.short_description|swedish }}``: inline Swedish-only text."""
    return names.swedish_html(text or "")


@register.simple_tag
def lang_sv():
    """`` lang="sv"`` for an element holding Swedish-only text, on a page in
    another language; nothing on a Swedish page."""
    return "" if names.page_is_swedish() else mark_safe(' lang="sv"')
