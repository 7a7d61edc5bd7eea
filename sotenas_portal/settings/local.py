"""Development defaults: DEBUG on unless the environment says otherwise."""

import os

os.environ.setdefault("DEBUG", "1")

from .base import *  # noqa: E402,F401,F403
from .base import DEBUG, SECRET_KEY, refuse_default_secret_key  # noqa: E402

refuse_default_secret_key(DEBUG, SECRET_KEY)
