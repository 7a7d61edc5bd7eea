"""Settings package: ``base`` reads the environment (gathering the topic
modules beside it: paths, i18n, security, oidc, auth, storage, celery,
email, api, portal); ``local``, ``test`` and ``production`` adjust it for
their use. ``manage.py`` and Celery default to ``local``; the WSGI/ASGI
entry points default to ``production``."""
