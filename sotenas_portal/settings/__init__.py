"""Settings package: ``base`` reads the environment; ``local``, ``test`` and
``production`` adjust it for their use. ``manage.py`` and Celery default to
``local``; the WSGI/ASGI entry points default to ``production``."""
