"""The national-scale benchmark (issue 9): a seeded data generator
(``bench.generate``) and the load test that serves the app with gunicorn
and drives it with locust (``bench.run``). Not part of ``make test``; a
small version of it is (``tests/bench/test_bench_smoke.py``)."""
