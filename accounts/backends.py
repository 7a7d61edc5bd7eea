"""Password sign-in without Django's model permissions.

Who may do what comes from the roles (memberships, the coordinator flag) and
the rules in each app's ``rules.py``; the Django admin is open to system
administrators only, who are superusers and pass every check without a
lookup. Model permissions granted to users or groups would therefore decide
nothing, yet ``ModelBackend`` loads them (two queries) on every page that asks
about a permission the rules refuse. This backend signs in exactly as
``ModelBackend`` does and answers that there are none.
"""

from django.contrib.auth.backends import ModelBackend


class PasswordBackend(ModelBackend):
    def get_user_permissions(self, user_obj, obj=None):
        return set()

    def get_group_permissions(self, user_obj, obj=None):
        return set()

    def get_all_permissions(self, user_obj, obj=None):
        return set()
