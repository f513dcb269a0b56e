"""Settings for the test suite: the real settings, with a throwaway data directory."""

import os
import tempfile

os.environ.setdefault("STEUNWIJZER_DATA_DIR", tempfile.mkdtemp(prefix="steunwijzer-test-"))

from steunwijzer.settings import *  # noqa: E402, F403
from steunwijzer.settings import STATIC_ROOT, STORAGES  # noqa: E402

STATIC_ROOT.mkdir(parents=True, exist_ok=True)

STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
# Argon2 is the production hasher; tests only need speed.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
