"""Django's templates and translations for the command line, without a database.

`regiekompas rapport` renders the same templates as the web app, so it needs Django's
template engine, the translation catalogue and the number formats — but no database,
sessions or secret. `configure()` sets up exactly that when Django is not configured yet (in
the web app's own processes it does nothing). The models of the web apps are importable
(the results builders import their modules) but no query is ever made: `DATABASES` is empty,
so an accidental query fails loudly instead of creating a file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

WEB: Final = Path(__file__).resolve().parent.parent

#: Every app of the project (the results sections import models and templates of several,
#: and more may join): their models load, their tables are never read.
APPS: Final = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "regiekompas.web.accounts",
    "regiekompas.web.regions",
    "regiekompas.web.scans",
    "regiekompas.web.invitations",
    "regiekompas.web.responses",
    "regiekompas.web.questionnaire",
    "regiekompas.web.results",
    "regiekompas.web.jobs",
    "regiekompas.web.targets",
    "regiekompas.web.workshop",
    "regiekompas.web.documents",
    "regiekompas.web.reports",
    "regiekompas.web.api",
]


def configure() -> None:
    """Configure Django for rendering reports, once, unless it is configured already."""
    import django
    import django_stubs_ext
    from django.conf import settings

    if settings.configured:
        return
    django_stubs_ext.monkeypatch()  # as the web app's settings: `ModelForm[Model]` etc.
    settings.configure(
        DEBUG=False,
        INSTALLED_APPS=APPS,
        DATABASES={},
        TEMPLATES=[
            {
                "BACKEND": "django.template.backends.django.DjangoTemplates",
                "DIRS": [WEB / "templates"],
                "APP_DIRS": True,
                "OPTIONS": {"context_processors": []},
            }
        ],
        LANGUAGE_CODE="nl",
        LANGUAGES=[("nl", "Nederlands"), ("en", "English")],
        LOCALE_PATHS=[WEB / "locale"],
        USE_I18N=True,
        TIME_ZONE="Europe/Amsterdam",
        USE_TZ=True,
        DEFAULT_AUTO_FIELD="django.db.models.BigAutoField",
        # Only to satisfy Django's checks; nothing is signed or stored.
        SECRET_KEY="regiekompas-rapport-without-sessions",
    )
    django.setup()
