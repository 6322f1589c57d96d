"""WSGI entry point for gunicorn (`regiekompas serve`)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "regiekompas.web.settings")
application = get_wsgi_application()
