"""The product's settings with the floor app and its URL added (bench/ on PYTHONPATH)."""

from regiekompas.web.settings import *  # noqa: F403
from regiekompas.web.settings import INSTALLED_APPS

INSTALLED_APPS = [*INSTALLED_APPS, "floor"]
ROOT_URLCONF = "floor.urls"
