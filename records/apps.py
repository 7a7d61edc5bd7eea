from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RecordsConfig(AppConfig):
    """Records management (issue 16): registration numbers and each case's
    list of documents, secrecy markings, the records plan, its disposal log
    and deliveries to the e-archive. The domain apps register their cases
    here; the parts that read every domain (disposal, export, case copies)
    live in ``archive`` above them."""

    name = "records"
    verbose_name = _("Records management")
