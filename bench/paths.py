"""Where the benchmark runs from and writes its results, and its log line."""

import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
RESULTS = BASE_DIR / "bench" / "results.json"


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S', time.gmtime())} UTC] {message}", flush=True)
