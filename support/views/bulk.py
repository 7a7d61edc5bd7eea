"""Bulk actions on the work list (see support.bulk): the POST from the list's
form, and the page that reports what was changed and what was refused."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.generic import TemplateView, View
from rules.contrib.views import PermissionRequiredMixin

from .. import bulk, exports, selectors

RESULT_SESSION_KEY = "support_bulk_result"


class BadInput(Exception):
    """Input the action cannot run with; its message is shown, nothing changes."""


def _selected_ids(post) -> list[int]:
    values = post.getlist("requests")
    try:
        ids = list(dict.fromkeys(int(value) for value in values))
    except (TypeError, ValueError):
        raise BadInput(_("The selection is not valid. Select the requests again.")) from None
    if not ids:
        raise BadInput(_("Select at least one request."))
    if len(ids) > bulk.MAX_SELECTED:
        raise BadInput(_("Select at most %(max)s requests at a time.") % {"max": bulk.MAX_SELECTED})
    return ids


def _chosen(post, name: str, options: dict, message: str):
    value = post.get(name, "")
    if not value.isdigit() or int(value) not in options:
        raise BadInput(message)
    return options[int(value)]


class WorklistBulkView(PermissionRequiredMixin, View):
    """Runs one action on the selected requests (POST only)."""

    permission_required = "support.view_worklist"
    http_method_names = ("post",)

    def back_url(self) -> str:
        candidate = self.request.POST.get("next", "")
        worklist = reverse("support:worklist")
        if candidate.startswith(worklist) and url_has_allowed_host_and_scheme(candidate, allowed_hosts=None):
            return candidate
        return worklist

    def post(self, request, *args, **kwargs):
        action = request.POST.get("action", "")
        try:
            if action not in bulk.action_labels():
                raise BadInput(_("Choose what to do with the selected requests."))
            ids = _selected_ids(request.POST)
            if action in bulk.EXPORTS:
                return self.export(bulk.EXPORTS[action], ids)
            department, handler = self.arguments(action)
        except BadInput as error:
            messages.error(request, str(error))
            return redirect(self.back_url())
        result = bulk.run_bulk_action(user=request.user, action=action, request_ids=ids, department=department,
                                      handler=handler)
        request.session[RESULT_SESSION_KEY] = {**result.as_dict(), "back": self.back_url()}
        return redirect("support:worklist_bulk_result")

    def arguments(self, action: str):
        user = self.request.user
        if action == bulk.ASSIGN_DEPARTMENT:
            if not bulk.may_assign_department(user):
                raise PermissionDenied(_("Only the policy coordinator assigns requests to departments."))
            departments = {d.pk: d for d in bulk.assignable_departments(user)}
            return _chosen(self.request.POST, "department", departments, _("Choose an active department.")), None
        handlers = {m.user_id: m.user for m in bulk.assignable_handlers(user)}
        if not handlers:
            raise PermissionDenied(_("Only officials of a department assign its requests to handlers."))
        return None, _chosen(self.request.POST, "handler", handlers, _("Choose a handler in your department."))

    def export(self, file_format: str, ids: list[int]):
        # Only what the user may see is exported, whatever was posted.
        queryset = selectors.worklist(user=self.request.user, scope=selectors.Scope.ALL).filter(pk__in=ids)
        return exports.worklist_export(file_format, queryset)


class WorklistBulkResultView(PermissionRequiredMixin, TemplateView):
    """What the last bulk action did: how many were changed, which were
    refused and why (kept in the session, so a reload posts nothing)."""

    permission_required = "support.view_worklist"
    template_name = "support/bulk_result.html"

    def get_context_data(self, **kwargs):
        data = self.request.session.get(RESULT_SESSION_KEY)
        result = bulk.BulkResult.from_dict(data) if data else None
        return {
            **super().get_context_data(**kwargs),
            "result": result,
            "action_label": bulk.action_labels().get(result.action, "") if result else "",
            "back_url": (data or {}).get("back") or reverse("support:worklist"),
        }
