"""The two timings besides the load: the real reminder sweep over the
whole data set (in its own process, its peak memory sampled) and the
compiled annual report of the latest round."""

import subprocess
import sys
import tempfile
import time

import psutil

from core.models import OutboundEmail
from policy_reports.exports import compiled_report_csv
from policy_reports.models import ReportingRound
from policy_reports.pdf import compiled_report_pdf
from policy_reports.selectors import compiled_report

from .paths import BASE_DIR


def time_sweep(*, env: dict, today: str) -> dict:
    """The real reminder sweep over the whole data set in its own process;
    its peak memory is sampled while it runs. What it adds to the outbox is
    removed again, so the next run finds the same data."""
    before = OutboundEmail.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    # Output to files: a pipe nobody reads while the sweep runs would fill and stall it.
    out, err = tempfile.TemporaryFile("w+"), tempfile.TemporaryFile("w+")
    started = time.monotonic()
    process = subprocess.Popen(
        [sys.executable, "manage.py", "send_reminders", "--today", today], cwd=BASE_DIR, env=env,
        stdout=out, stderr=err, text=True,
    )
    watched = psutil.Process(process.pid)
    peak = 0
    while process.poll() is None:
        try:
            peak = max(peak, watched.memory_info().rss)
        except psutil.NoSuchProcess:
            break
        time.sleep(0.05)
    process.wait()
    seconds = time.monotonic() - started
    out.seek(0)
    err.seek(0)
    stdout, stderr = out.read(), err.read()
    if process.returncode != 0:
        raise RuntimeError(f"send_reminders failed:\n{stderr[-3000:]}")
    added = OutboundEmail.objects.filter(pk__gt=before).delete()[0]
    summary = stdout.strip().splitlines()[-1] if stdout.strip() else ""
    return {"seconds": round(seconds, 2), "peak_mb": round(peak / 2**20, 1), "messages": added, "summary": summary}


def time_compiled_report() -> dict:
    """The compiled report of the latest round, as page data, PDF and CSV."""
    reporting_round = ReportingRound.objects.order_by("-year").first()
    started = time.monotonic()
    compiled = compiled_report(reporting_round=reporting_round)
    pdf = compiled_report_pdf(compiled)
    compiled_report_csv(compiled)
    return {"seconds": round(time.monotonic() - started, 2), "year": reporting_round.year,
            "reports": len(compiled.delivered) + len(compiled.not_delivered), "pdf_bytes": len(pdf)}
