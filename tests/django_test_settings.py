"""Settings for the test suite: development mode, fast hashing, plain static files.

`DATABASE_URL` is honoured as in production, so `.ci/run` runs the same suite on PostgreSQL.
"""

import os
import tempfile

os.environ.setdefault("REGIEKOMPAS_DEV", "true")
os.environ.setdefault("REGIEKOMPAS_DATA_DIR", tempfile.mkdtemp(prefix="regiekompas-test-"))

from regiekompas.web.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
RESULTS_BOOTSTRAP = 200
JOBS_BACKEND = "eager"
BASE_URL = "http://testserver"
LANGUAGE_CODE = "nl"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405 (whitenoise warns when missing)
