"""Several reminder sweeps at the same moment, each in its own thread with
its own database connection, as two servers' beat schedulers would run them."""

import threading

from django.db import connection

from sotenas_portal.reminders.sweep import run_sweep


def sweeps_at_once(today, count: int = 4) -> list[Exception]:
    """Run ``count`` sweeps for ``today`` at once; return what any of them raised."""
    errors = []

    def sweep():
        try:
            run_sweep(today=today)
        except Exception as error:  # noqa: BLE001 - returned to the test
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=sweep) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors
