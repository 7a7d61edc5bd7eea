"""Who may save, see and change saved views.

Staff who may see a work list may save views of it. A view is seen by its
owner and, when shared, by the members of its (active) department who may
see the list too; only the owner renames or deletes it. (Django lets an
active superuser through every permission, as everywhere in the portal.)"""

import rules

from accounts.roles import is_department_official, is_municipal_staff

from .lists import WORK_LISTS


def shared_department_ids(user) -> frozenset:
    """The departments whose shared views the user sees (cached by the role predicate)."""
    if not is_department_official(user):
        return frozenset()
    return user._active_department_ids


@rules.predicate
def may_see_list(user, list_key) -> bool:
    """``list_key`` (a saved view's list, or the view itself) names a list the user may see."""
    key = getattr(list_key, "list_key", list_key)
    return key in WORK_LISTS and WORK_LISTS[key].may_see(user)


@rules.predicate
def owns_view(user, saved_view) -> bool:
    return saved_view is not None and user.is_authenticated and saved_view.owner_id == user.pk


@rules.predicate
def shares_department_of_view(user, saved_view) -> bool:
    return (saved_view is not None and saved_view.department_id is not None
            and saved_view.department_id in shared_department_ids(user))


rules.add_perm("saved_views.use", is_municipal_staff)
rules.add_perm("saved_views.save_view_of", is_municipal_staff & may_see_list)
rules.add_perm("saved_views.view_saved_view", is_municipal_staff & (owns_view | shares_department_of_view)
               & may_see_list)
rules.add_perm("saved_views.change_saved_view", is_municipal_staff & owns_view)
