"""'Mitt arbete': each signed-in user's start page (stub until it lands)."""

from django.views.generic import TemplateView


class StartView(TemplateView):
    template_name = "workspace/start.html"
