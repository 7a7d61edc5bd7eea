"""Settings for the portal under gunicorn in tests (tests/harness/live_server.py).

The test settings, with what a real deployment has and the test client
lacks: DEBUG off, static files served by WhiteNoise straight from the
source folders (tests never run collectstatic), and persistent database
connections when a test asks for them with LIVE_CONN_MAX_AGE.
"""

import os

from sotenas_portal.settings.test import *  # noqa: F401,F403
from sotenas_portal.settings.test import DATABASES

DEBUG = False
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = False
DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("LIVE_CONN_MAX_AGE", "0"))
