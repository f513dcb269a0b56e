"""Settings for the test suite: the real settings, with a throwaway data directory."""

import os
import tempfile

os.environ.setdefault("STEUNWIJZER_DATA_DIR", tempfile.mkdtemp(prefix="steunwijzer-test-"))

from steunwijzer.settings import *  # noqa: F403
from steunwijzer.settings import STATIC_ROOT, STORAGES

STATIC_ROOT.mkdir(parents=True, exist_ok=True)

STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
# Argon2 is the production hasher; tests only need speed.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# A file, not SQLite's shared in-memory database: the browser tests' live server runs
# requests in threads, and in-memory tables lock instead of waiting like a real database.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": str(STATIC_ROOT.parent / "test.sqlite3")}  # noqa: F405

# Hundreds of tests sign in officers and staff with force_login; tests/test_two_factor.py
# turns the requirement on again for itself.
STEUNWIJZER_REQUIRE_2FA = False

# Never the internet: no geocoder (tests that need one start a stand-in, tests/geocoder/).
GEOCODER_URL = ""
