"""Permission-matrix rows, accessibility-harness pages and context builders
for one part of issue 15: importing enterprises from CSV/XLSX (§6).

Only the registry's managers (coordinator, system administrator) import;
every other role is refused on every page."""

from pathlib import Path

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.harness.access import MANAGERS, Access

SAMPLE = Path(settings.BASE_DIR) / "enterprises" / "import_files" / "exempel.csv"
SMALL = ("Organisationsnummer;Namn;Juridisk form;Typ av aktör;Kort beskrivning;Ort\n"
         "769999-8881;Importerade Rederiet ek. för.;Ekonomisk förening;ASF;Turer i skärgården.;Malmön\n"
         "769999-8882;Felaktiga Föreningen;Ekonomisk förening;ASF;Fel kontrollsiffra.;Malmön\n")


def imports_context(*, user_for, department) -> dict:
    from enterprises.imports import services

    user = user_for("coordinator")

    def uploaded(name, content):
        return services.enterprise_import_upload(
            user=user, upload=SimpleUploadedFile(name, content, content_type="text/csv"))

    mapping = uploaded("exempel.csv", SAMPLE.read_bytes())
    previewed = uploaded("exempel.csv", SAMPLE.read_bytes())
    previewed = services.enterprise_import_preview(enterprise_import=previewed, mapping=previewed.mapping,
                                                   publish=False)
    confirmed = uploaded("foreningar.csv", SMALL.encode())
    confirmed = services.enterprise_import_preview(enterprise_import=confirmed, mapping=confirmed.mapping,
                                                   publish=False)
    confirmed = services.enterprise_import_confirm(enterprise_import=confirmed, user=user, skip_refused=True)
    return {"import_uploaded": mapping, "import_previewed": previewed, "import_confirmed": confirmed}


def uploaded_kwargs(ctx):
    return {"pk": ctx["import_uploaded"].pk}


def previewed_kwargs(ctx):
    return {"pk": ctx["import_previewed"].pk}


def confirmed_kwargs(ctx):
    return {"pk": ctx["import_confirmed"].pk}


# url name -> Access (tests/harness/test_permission_matrix.py)
MATRIX: dict = {
    "enterprises:import_start": Access(MANAGERS),
    "enterprises:import_template_csv": Access(MANAGERS),
    "enterprises:import_template_xlsx": Access(MANAGERS),
    "enterprises:import_mapping": Access(MANAGERS, kwargs=uploaded_kwargs),
    "enterprises:import_preview": Access(MANAGERS, kwargs=previewed_kwargs),
    "enterprises:import_done": Access(MANAGERS, kwargs=confirmed_kwargs),
    "enterprises:import_cancel": Access(MANAGERS, ok=(405,), kwargs=previewed_kwargs),
}
# (role, url name, kwargs from the context or None) (tests/harness/test_accessibility.py)
PAGES: list = [
    ("coordinator", "enterprises:import_start", None),
    ("coordinator", "enterprises:import_mapping", uploaded_kwargs),
    ("coordinator", "enterprises:import_preview", previewed_kwargs),
    ("coordinator", "enterprises:import_done", confirmed_kwargs),
    ("administrator", "enterprises:import_preview", confirmed_kwargs),
]
# f(user_for=, department=) -> dict of objects the rows above need
CONTEXT_BUILDERS: list = [imports_context]
