from django.contrib import admin
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.i18n import set_language

from . import views

urlpatterns = [
    path("", views.home, name="home"),
    path("tillganglighet/", views.accessibility_statement, name="accessibility"),
    path("personuppgifter/", views.privacy, name="privacy"),
    path("sprak/", login_not_required(set_language), name="set_language"),
    path("", include("accounts.urls")),
    path("admin/", admin.site.urls),
]
