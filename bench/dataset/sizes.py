"""How big the data set is at each scale, its seed and the day it describes."""

import os
from datetime import date

FULL_SIZES = {
    "enterprises": 250_000,
    "support_requests": 200_000,
    "agreements": 20_000,
    "departments": 300,
    "representatives": 25_000,
}
SCALES = {"full": 1.0, "small": 0.012, "tiny": 0.004}
REPORT_YEARS = 10
DEFAULT_SEED = 20260601
# The day the data set describes. Fixed, so the data does not depend on the
# day it is generated; the reminder sweep is timed as of this day.
DEFAULT_TODAY = date(2026, 11, 2)
# Bumped whenever the generator's output changes, so a stored data set of
# an older generator is not mistaken for the current one.
GENERATOR_VERSION = 2


def scale_factor(scale: str | float) -> float:
    if isinstance(scale, (int, float)):
        return float(scale)
    if scale in SCALES:
        return SCALES[scale]
    return float(scale)


def sizes_for(scale: str | float) -> dict[str, int]:
    factor = scale_factor(scale)
    sizes = {name: max(1, round(full * factor)) for name, full in FULL_SIZES.items()}
    sizes["departments"] = max(5, sizes["departments"])
    sizes["representatives"] = max(20, sizes["representatives"])
    return sizes


def anchor_day() -> date:
    raw = os.environ.get("BENCH_TODAY", "")
    return date.fromisoformat(raw) if raw else DEFAULT_TODAY


