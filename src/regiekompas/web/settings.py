"""Django settings, all read from the environment (see `.env.example`).

Strict by default: outside development mode (`REGIEKOMPAS_DEV`), a secret key is required,
DEBUG is off and cookies are secure. Every variable is documented where it is read.
"""

from __future__ import annotations

import secrets
from pathlib import Path

import dj_database_url
import django_stubs_ext
from django.utils.translation import gettext_lazy as _

from regiekompas.web.config import ConfigError, env_bool, env_int, env_list, env_str

# Lets classes such as ModelAdmin[Model] be subscripted at run time, as the type hints do.
django_stubs_ext.monkeypatch()

BASE_DIR = Path(__file__).resolve().parent

# REGIEKOMPAS_DEV: development mode (`regiekompas demo`, tests). Allows DEBUG, a generated
# secret key, plain-HTTP cookies and the console mail backend. Never set it in production.
DEV = env_bool("REGIEKOMPAS_DEV", False)

# DEBUG: Django's debug pages; only honoured in development mode.
DEBUG = DEV and env_bool("DEBUG", False)

# SECRET_KEY: signs sessions and password-reset links. Required outside development mode.
SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not DEV:
        raise ConfigError("SECRET_KEY is required (or set REGIEKOMPAS_DEV=true for a demo)")
    SECRET_KEY = secrets.token_urlsafe(50)

# ALLOWED_HOSTS: comma-separated host names this installation answers to.
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEV else "")

# CSRF_TRUSTED_ORIGINS: comma-separated origins (https://regiekompas.example.nl) behind a proxy.
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# REGIEKOMPAS_BASE_URL: the public address used in invitation links and emails.
BASE_URL = env_str("REGIEKOMPAS_BASE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "axes",
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

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "axes.middleware.AxesMiddleware",
    "regiekompas.web.throttle.TokenGuessingMiddleware",
    "regiekompas.web.outages.OutageMiddleware",
]

ROOT_URLCONF = "regiekompas.web.urls"
WSGI_APPLICATION = "regiekompas.web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    }
]

# DATABASE_URL: e.g. postgres://user:pass@host:5432/regiekompas. Default: SQLite in
# REGIEKOMPAS_DATA_DIR (WAL mode and a busy timeout, so concurrent answers wait, not fail).
DATA_DIR = Path(env_str("REGIEKOMPAS_DATA_DIR", str(Path.cwd() / "var"))).resolve()
_database_url = env_str("DATABASE_URL")
# DATABASE_PREPARED_STATEMENTS (PostgreSQL only, default true): let the server plan each of
# the app's queries once per connection instead of on every request (a respondent's click
# runs the same three statements each time; bench/web_load.py measured 15–20 % more answers
# per second). Set to false behind a connection pooler in transaction mode that cannot
# handle prepared statements (PgBouncer before 1.21).
if _database_url:
    DATABASES = {"default": dj_database_url.parse(_database_url, conn_max_age=60)}
    if env_bool("DATABASE_PREPARED_STATEMENTS", True) and DATABASES["default"]["ENGINE"].endswith(
        "postgresql"
    ):
        # Django turns psycopg's automatic preparing off; it needs server-side binding.
        DATABASES["default"].setdefault("OPTIONS", {}).update(
            {"server_side_binding": True, "prepare_threshold": 5}
        )
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(DATA_DIR / "regiekompas.sqlite3"),
            # Keep connections: opening one (and checkpointing the WAL when the last one
            # closes) per request costs more than the request itself.
            "CONN_MAX_AGE": 60,
            "CONN_HEALTH_CHECKS": True,
            "OPTIONS": {
                "timeout": 20,
                "transaction_mode": "IMMEDIATE",
                "init_command": (
                    "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=20000;"
                ),
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# REDIS_URL: optional shared cache (redis://127.0.0.1:6379/0) for several app processes;
# without it each process keeps its own in-memory cache of computed results.
_redis_url = env_str("REDIS_URL")
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": _redis_url}
        if _redis_url
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "regions:list"
LOGOUT_REDIRECT_URL = "accounts:login"

# AXES_FAILURE_LIMIT: failed logins for one username from one address before a lockout.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
# AXES_COOLOFF_MINUTES: how long a lockout lasts.
AXES_COOLOFF_TIME = env_int("AXES_COOLOFF_MINUTES", 30) / 60
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_RESET_ON_SUCCESS = True
# Lockouts count per client address as `web/throttle.py:client_ip` sees it, which honours
# REGIEKOMPAS_TRUSTED_PROXIES below (without it, behind a proxy every client would share the
# proxy's address, and one attacker could lock everybody out of an account).
AXES_CLIENT_IP_CALLABLE = "regiekompas.web.throttle.client_ip"

# REGIEKOMPAS_TRUSTED_PROXIES: how many reverse proxies (nginx, a load balancer) stand in
# front of the app, each appending the address it saw to X-Forwarded-For. 0 (default): the
# app is reached directly and X-Forwarded-For is ignored. 1: one proxy; the client is the
# last entry it appended. Set it exactly: too high lets clients choose their own address
# (and escape lockouts and throttles), too low makes every client look like the proxy.
TRUSTED_PROXIES = env_int("REGIEKOMPAS_TRUSTED_PROXIES", 0)

# Abuse limits (web/throttle.py), counted in the cache (shared via REDIS_URL):
# REGIEKOMPAS_THROTTLE_WINDOW_SECONDS: the window for token guessing; password resets count
# per 60 such windows (an hour by default).
THROTTLE_WINDOW_SECONDS = env_int("REGIEKOMPAS_THROTTLE_WINDOW_SECONDS", 60)
# REGIEKOMPAS_TOKEN_FAILURES: unknown respondent links a client may try per window, after
# which it is refused (429) until the window ends. Valid links are never counted.
TOKEN_FAILURES_PER_WINDOW = env_int("REGIEKOMPAS_TOKEN_FAILURES", 20)
# REGIEKOMPAS_RESETS_PER_ADDRESS / _PER_CLIENT: password-reset requests per hour.
RESETS_PER_ADDRESS = env_int("REGIEKOMPAS_RESETS_PER_ADDRESS", 3)
RESETS_PER_CLIENT = env_int("REGIEKOMPAS_RESETS_PER_CLIENT", 10)
# REGIEKOMPAS_MEMBER_LOOKUPS: failed account look-ups per facilitator per hour on the
# members page.
MEMBER_LOOKUPS_PER_HOUR = env_int("REGIEKOMPAS_MEMBER_LOOKUPS", 20)

# EMAIL_URL-like settings. EMAIL_HOST empty: mails go to the console (development).
EMAIL_HOST = env_str("EMAIL_HOST")
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
# DEFAULT_FROM_EMAIL: sender of invitations, reminders and password-reset mails.
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Regiekompas <noreply@localhost>")
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)

# Language: Dutch by default, English available; source strings are English.
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Europe/Amsterdam"
USE_TZ = True

STATIC_URL = "/static/"
# The project's own static files (vendored NL Design System CSS, htmx, site CSS).
STATICFILES_DIRS = [BASE_DIR / "static"]
# STATIC_ROOT: where `collectstatic` puts files for whitenoise (`regiekompas serve`).
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(DATA_DIR / "static")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEV
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# In development whitenoise serves straight from the source folders (no collectstatic).
WHITENOISE_USE_FINDERS = DEV
WHITENOISE_AUTOREFRESH = DEV

# REGIEKOMPAS_MAX_UPLOAD_MB: largest import file accepted (responses, region tables,
# respondent lists). The other upload limits (unpacked XLSX size, rows, cells) are in
# core/io/limits.py and docs/security.md.
MAX_UPLOAD_BYTES = env_int("REGIEKOMPAS_MAX_UPLOAD_MB", 20) * 1024 * 1024
# REGIEKOMPAS_IMPORT_SECONDS: time budget for reading and checking one upload; keep it well
# under gunicorn's 30 s worker timeout, since storing the rows comes after it.
IMPORT_SECONDS = env_int("REGIEKOMPAS_IMPORT_SECONDS", 15)
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 5000

# REGIEKOMPAS_BOOTSTRAP: bootstrap resamples for the confidence intervals on results pages.
RESULTS_BOOTSTRAP = env_int("REGIEKOMPAS_BOOTSTRAP", 1000)

# REGIEKOMPAS_JOBS: who runs background work (web/jobs/queue.py): "thread" (default; in the
# app process, nothing else needed), "celery" (a worker on CELERY_BROKER_URL) or "eager"
# (inside the request; tests).
JOBS_BACKEND = env_str("REGIEKOMPAS_JOBS", "thread")
if JOBS_BACKEND not in ("thread", "celery", "eager"):
    raise ConfigError("REGIEKOMPAS_JOBS must be thread, celery or eager")
# CELERY_BROKER_URL: the Redis database that app processes hand jobs to and `regiekompas
# worker` takes them from (e.g. redis://127.0.0.1:6379/1; required with REGIEKOMPAS_JOBS=celery).
# Use another database number than REDIS_URL's cache, so that clearing one keeps the other.
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL")
if JOBS_BACKEND == "celery" and not CELERY_BROKER_URL:
    raise ConfigError("CELERY_BROKER_URL is required with REGIEKOMPAS_JOBS=celery")
# CELERY_QUEUE: the queue name on that broker (default "regiekompas"); give each installation
# sharing one Redis database its own.
CELERY_QUEUE = env_str("CELERY_QUEUE", "regiekompas")

# Security headers. Behind a TLS-terminating proxy set SECURE_PROXY_SSL_HEADER via
# REGIEKOMPAS_BEHIND_PROXY=true (the proxy must set X-Forwarded-Proto).
_secure = not DEV
SESSION_COOKIE_SECURE = _secure
CSRF_COOKIE_SECURE = _secure
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SECURE = _secure
LANGUAGE_COOKIE_SAMESITE = "Lax"
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", _secure)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEV else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEV
# SECURE_HSTS_PRELOAD: adds `preload` to the HSTS header (default on outside development), so
# the domain may be submitted to the browsers' preload list; `manage.py check --deploy` is
# then clean. Set it to false when subdomains must stay reachable over plain HTTP.
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", not DEV)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if env_bool("REGIEKOMPAS_BEHIND_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Content Security Policy (django-csp): only our own scripts, styles and images.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}
