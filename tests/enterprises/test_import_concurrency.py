"""Two officials confirming the same import at the same moment: it is saved
once, and the other is told it was already confirmed (PostgreSQL)."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from enterprises.imports import services
from enterprises.models import Enterprise, EnterpriseImport
from tests.enterprises.import_helpers import shipped
from tests.factories import UserFactory
from tests.services import need_postgres

CONFIRMERS = 4


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_confirmations_save_the_rows_once(settings, tmp_path, seeded_vocabularies):
    need_postgres()
    settings.MEDIA_ROOT = tmp_path
    users = [UserFactory(username=f"samordnare{n}", coordinator=True) for n in range(CONFIRMERS)]
    enterprise_import = services.enterprise_import_upload(user=users[0], upload=shipped("exempel.csv"))
    enterprise_import = services.enterprise_import_preview(
        enterprise_import=enterprise_import, mapping=enterprise_import.mapping, publish=False)
    barrier = threading.Barrier(CONFIRMERS)
    outcomes = []

    def confirm(user):
        try:
            barrier.wait(timeout=30)
            services.enterprise_import_confirm(enterprise_import=enterprise_import, user=user, skip_refused=True)
            outcomes.append("saved")
        except ValidationError as error:
            outcomes.append(error.code)
        except Exception as error:  # noqa: BLE001 - reported below
            outcomes.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=confirm, args=(user,)) for user in users]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert sorted(outcomes) == ["not_previewed"] * (CONFIRMERS - 1) + ["saved"]
    assert Enterprise.objects.count() == 3
    assert Enterprise.history.count() == 3
    assert EnterpriseImport.objects.get().status == EnterpriseImport.Status.CONFIRMED
