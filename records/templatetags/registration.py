"""A case's registration on its page: ``{% registration_of case as registration %}``
and the filters the postlista uses to hide secret items."""

from django import template

from .. import selectors

register = template.Library()


@register.simple_tag
def registration_of(case):
    return selectors.registration_of(case)


@register.simple_tag
def case_documents(registration):
    return list(selectors.documents_of(registration)) if registration is not None else []


@register.filter
def title_is_secret(registration, secret):
    return secret.title_is_secret(registration)


@register.filter
def document_is_secret(document, secret):
    return secret.document_is_secret(document)
