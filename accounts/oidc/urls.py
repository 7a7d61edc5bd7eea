"""The URLs of sign-in through the identity provider (namespace ``oidc``)."""

from django.urls import path

from .views import OIDCCallbackView, OIDCStartView

app_name = "oidc"

urlpatterns = [
    path("logga-in/", OIDCStartView.as_view(), name="start"),
    path("callback/", OIDCCallbackView.as_view(), name="callback"),
]
