"""The two ends of the sign-in through the municipality's identity provider.

Both URLs always exist and answer 404 while OIDC_ENABLED is off, so switching
it on needs no change to the URL configuration and tests can switch it per
test."""

import logging

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import SuspiciousOperation
from django.http import Http404
from django.shortcuts import redirect
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from .provider import PROVIDER_ERRORS, provider
from .sign_in import ACCOUNT_CONFLICT, ACCOUNT_INACTIVE, NO_ACCESS

logger = logging.getLogger(__name__)


def refusal_message(reason: str | None) -> str:
    if reason == NO_ACCESS:
        return _("Your municipal account gives no access to the portal. Ask the system administrator to add you "
                 "to the group for your department.")
    if reason == ACCOUNT_INACTIVE:
        return _("Your account in the portal has been closed. Contact the system administrator.")
    if reason == ACCOUNT_CONFLICT:
        return _("Another account in the portal already uses your email address. Contact the system administrator.")
    return _("Signing in with the municipality's account did not work. Try again, and contact the system "
             "administrator if it keeps failing.")


def require_enabled() -> None:
    if not settings.OIDC_ENABLED:
        raise Http404


def sign_in_failed(request, reason: str | None = None):
    messages.error(request, refusal_message(reason))
    return redirect(settings.LOGIN_URL)


@method_decorator(login_not_required, name="dispatch")
class OIDCStartView(OIDCAuthenticationRequestView):
    """Sends the browser to the provider, with state, nonce and PKCE kept in
    the session."""

    def get(self, request):
        require_enabled()
        try:
            self.OIDC_OP_AUTH_ENDPOINT = provider().authorization_endpoint
        except PROVIDER_ERRORS as exc:
            logger.warning("OIDC sign-in could not start: %s: %s", type(exc).__name__, exc)
            return sign_in_failed(request)
        self.OIDC_RP_CLIENT_ID = settings.OIDC_RP_CLIENT_ID
        return super().get(request)


@method_decorator(login_not_required, name="dispatch")
class OIDCCallbackView(OIDCAuthenticationCallbackView):
    """The provider sends the browser back here with a code; the backend
    (accounts.oidc.OIDCBackend) exchanges it and signs the official in."""

    def get(self, request):
        require_enabled()
        try:
            return super().get(request)
        except SuspiciousOperation as exc:
            # A state this browser never started: an old tab, or a forged link.
            logger.warning("OIDC callback refused: %s", exc)
            return self.login_failure()

    def login_failure(self):
        return sign_in_failed(self.request, getattr(self.request, "oidc_refusal", None))
