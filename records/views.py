"""The public list of registered cases (postlista)."""

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Paginator
from django.utils.decorators import method_decorator
from django.views.generic import TemplateView
from rules.contrib.views import PermissionRequiredMixin

from . import selectors
from .forms import PostlistaForm

PAGE_SIZE = getattr(settings, "POSTLISTA_PAGE_SIZE", 25)


@method_decorator(login_not_required, name="dispatch")
class PostlistaView(PermissionRequiredMixin, TemplateView):
    """Registered cases for a date range: number, date, kind, description
    and their documents; a secret item shows as "Sekretessmarkerad". A bad
    range answers 400 with the form's message and lists nothing."""

    permission_required = "records.view_postlista"
    template_name = "records/postlista.html"

    def get(self, request, *args, **kwargs):
        form = PostlistaForm(request.GET or None)
        if request.GET and not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        date_range = form.cleaned_data["range"] if request.GET else selectors.default_range()
        page = Paginator(selectors.postlista(date_range), PAGE_SIZE).get_page(request.GET.get("page"))
        registrations = list(page.object_list)
        return self.render_to_response(self.get_context_data(
            form=form if request.GET else PostlistaForm(initial={"fran": date_range.start, "till": date_range.end}),
            date_range=date_range, page_obj=page, registrations=registrations,
            secret=selectors.secret_items(registrations),
        ))
