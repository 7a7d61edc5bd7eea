"""Writes: saving, renaming, re-sharing and deleting a saved view.

Every refusal is a ValidationError with a message for the form; nothing is
written then."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.http import QueryDict
from django.utils.translation import gettext as _

from accounts.models import Department

from .constants import NAME_MAX_LENGTH, QUERY_MAX_LENGTH, UNSAVED_PARAMETERS
from .lists import WORK_LISTS
from .models import SavedView
from .query_check import check_query, choice_labels
from .rules import shared_department_ids


def _clean_name(name: str) -> str:
    name = " ".join((name or "").split())
    if not name:
        raise ValidationError({"name": _("Give the view a name.")}, code="name_required")
    if len(name) > NAME_MAX_LENGTH:
        raise ValidationError({"name": _("The name can be at most %(max)s characters.") % {"max": NAME_MAX_LENGTH}},
                              code="name_too_long")
    return name


def _check_department(owner, department: Department | None) -> None:
    if department is not None and department.pk not in shared_department_ids(owner):
        raise ValidationError({"department": _("You can share a view only with a department you work in.")},
                              code="not_member")


def _name_taken(owner, list_key: str, name: str, *, exclude_pk=None) -> bool:
    return SavedView.objects.filter(owner=owner, list_key=list_key, name__iexact=name).exclude(pk=exclude_pk).exists()


def _name_taken_error() -> ValidationError:
    return ValidationError({"name": _("You already have a saved view with that name on this list. Choose another name.")},
                           code="name_taken")


def _save(saved_view: SavedView) -> SavedView:
    try:
        with transaction.atomic():
            saved_view.save()
    except IntegrityError:  # the same name saved at the same moment
        raise _name_taken_error() from None
    return saved_view


def saved_view_create(*, owner, list_key: str, name: str, query: str = "", object_id: int | None = None,
                      department: Department | None = None) -> SavedView:
    """Save the list's current filters and sort (``query``, its query string)
    as checked by the list's filter form: the page number, unknown
    parameters and values that do not apply are not saved."""
    work_list = WORK_LISTS.get(list_key)
    if work_list is None:
        raise ValidationError({"list_key": _("There is no such work list.")}, code="unknown_list")
    if not owner.has_perm("saved_views.save_view_of", list_key):
        raise PermissionDenied
    name = _clean_name(name)
    _check_department(owner, department)
    obj = None
    if work_list.object_model:
        obj = work_list.object_model.objects.filter(pk=object_id).first() if object_id else None
        if obj is None:
            raise ValidationError(_("The list this view belongs to no longer exists."), code="object_missing")
    data = QueryDict(query or "", mutable=True)
    for parameter in UNSAVED_PARAMETERS:
        data.pop(parameter, None)
    checked = check_query(work_list, owner, data.urlencode())
    if len(checked.query_string) > QUERY_MAX_LENGTH:
        raise ValidationError(_("The filters are too long to be saved."), code="query_too_long")
    if _name_taken(owner, list_key, name):
        raise _name_taken_error()
    return _save(SavedView(
        owner=owner, list_key=list_key, name=name, query=checked.query_string, labels=choice_labels(checked),
        object_id=obj.pk if obj else None, object_label=str(obj) if obj else "", department=department,
    ))


def saved_view_update(*, saved_view: SavedView, name: str, department: Department | None) -> SavedView:
    """Rename a view, or share it with another department (or none: private)."""
    name = _clean_name(name)
    if department is not None and department.pk != saved_view.department_id:
        _check_department(saved_view.owner, department)
    if _name_taken(saved_view.owner, saved_view.list_key, name, exclude_pk=saved_view.pk):
        raise _name_taken_error()
    saved_view.name, saved_view.department = name, department
    return _save(saved_view)


def saved_view_delete(*, saved_view: SavedView) -> None:
    saved_view.delete()
