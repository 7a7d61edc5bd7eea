"""A seeded, national-scale data set for the benchmark, bulk-loaded into
PostgreSQL with COPY (the parts are in ``bench/dataset/``).

At full scale: 250,000 enterprises with service categories, target groups,
representatives and ASF definition checks; 200,000 support requests with
their workflow events; 20,000 agreements; 300 departments with ten years
of annual reports (versions and status changes); and the outbox history
of earlier reminders. The rows have the shape the services give them
(reference numbers from per-year counters, the search document built as
``enterprises.services.search_document_for`` builds it, ASF status copied
from the latest decided check, every model constraint met).

Same seed and scale, same rows: every value comes from one
``random.Random(seed)`` and a fixed anchor date (``BENCH_TODAY``), never
from the clock, and ``generate`` returns a digest of everything it wrote.

    python -m bench.generate [--scale full|small|tiny|<factor>] [--seed N]
"""

import argparse
import json
import os

import django

from .dataset.sizes import DEFAULT_SEED


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", default=os.environ.get("BENCH_SCALE", "full"))
    parser.add_argument("--seed", type=int, default=int(os.environ.get("BENCH_SEED", DEFAULT_SEED)))
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sotenas_portal.settings.local")
    django.setup()
    # The generator imports the apps' models, so only once Django is set up.
    from .dataset.generator import generate

    result = generate(seed=args.seed, scale=args.scale, verbose=True)
    print(json.dumps({"rows": result.rows, "digest": result.digest, "seconds": result.seconds}, indent=2))


if __name__ == "__main__":
    main()
