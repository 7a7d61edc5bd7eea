from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PolicyReportsConfig(AppConfig):
    """Policy versions and annual reports (built by the policy reports issue)."""

    name = "policy_reports"
    verbose_name = _("Policy reports")
