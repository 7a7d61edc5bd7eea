"""Sign-in for municipal staff with the municipality's identity provider
(OpenID Connect, through mozilla-django-oidc).

The provider's ``sub`` claim is the stable link to a portal account
(``User.oidc_subject``); the provider's groups decide departments and roles
at every sign-in. Such accounts have no usable password: officials sign in
only through the provider, enterprise representatives only with a password.

``groups`` parses the group map (pure code, safe for settings to import),
``provider`` finds the provider's endpoints, ``sign_in`` creates and
synchronises the official's account, ``backend`` is the authentication
backend, ``views`` and ``urls`` the two ends of the flow.
"""

# Sessions of officials signed in before the package split store the
# backend's original dotted path, ``accounts.oidc.OIDCBackend``; keeping
# that path means nobody is signed out by the deploy. The backend is loaded
# on first use only, since settings import ``groups`` before the models exist.
_LAZY = {"OIDCBackend": "backend", "is_oidc_callback_attempt": "backend"}


def __getattr__(name: str):
    if name not in _LAZY:
        raise AttributeError(name)
    from importlib import import_module

    return getattr(import_module(f"{__name__}.{_LAZY[name]}"), name)
