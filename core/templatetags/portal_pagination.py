"""Page links that stay short however many pages a list has."""

from django import template
from django.core.paginator import Paginator

register = template.Library()


@register.simple_tag
def page_numbers(page_obj, on_each_side: int = 2, on_ends: int = 1) -> list[int | None]:
    """The page numbers to link: the first and last, and a few each side of
    the current one. None marks a gap. A list of ten thousand pages gets
    about nine links, not ten thousand."""
    numbers = page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=on_each_side, on_ends=on_ends)
    return [None if number == Paginator.ELLIPSIS else number for number in numbers]
