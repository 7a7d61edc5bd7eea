"""Secrecy markings on a request's page, for the staff who handle it (the
applicant's view is unchanged):
``{% load support_secrecy %}{% secrecy_for support_request as secrecy %}``,
then ``{% secrecy_badge secrecy message %}`` or
``{% secrecy_badge secrecy support_request "description" %}`` by an item and
``{% include "support/secrecy/panel.html" %}`` for the list of marks."""

from dataclasses import dataclass, field

from django import template
from django.template.loader import render_to_string

from records.secrecy import StandingMarks, marks_of
from records.services import registration_for

from ..forms.secrecy import describe, request_items

register = template.Library()


@dataclass
class Secrecy:
    visible: bool = False
    registration: object = None
    marks: StandingMarks = field(default_factory=lambda: StandingMarks({}))
    history: list = field(default_factory=list)  # of (mark, what it is on)
    may_copy: bool = False

    @property
    def standing(self) -> list:
        return [(mark, what) for mark, what in self.history if mark.is_standing]

    @property
    def removed(self) -> list:
        return [(mark, what) for mark, what in self.history if not mark.is_standing]


@register.simple_tag(takes_context=True)
def secrecy_for(context, support_request) -> Secrecy:
    """The request's marks, if the user may mark it (two queries; three more
    to name what each mark is on when there are any)."""
    user = context["request"].user
    if not user.has_perm("support.mark_secret_request", support_request):
        return Secrecy()
    registration = registration_for(support_request)
    if registration is None:
        return Secrecy(visible=True)
    history = list(marks_of(registration))
    items = request_items(support_request) if history else []
    standing = StandingMarks({(m.item_type_id, m.item_id, m.field_name): m for m in history if m.is_standing})
    return Secrecy(
        visible=True, registration=registration, marks=standing,
        history=[(mark, describe(items, mark)) for mark in history],
        may_copy=user.has_perm("support.copy_request", support_request),
    )


@register.simple_tag
def secrecy_badge(secrecy: Secrecy, item, field_name: str = "") -> str:
    """"Sekretessmarkerad (OSL …)" by a marked item, for staff; nothing otherwise."""
    if not secrecy.visible or not secrecy.marks:
        return ""
    secrecy_mark = secrecy.marks.get(item, field_name)
    if secrecy_mark is None:
        return ""
    return render_to_string("support/secrecy/badge.html", {"mark": secrecy_mark})

