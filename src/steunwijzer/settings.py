"""Steunwijzer settings, driven by environment variables.

Defaults are safe for the demo (SQLite under the data directory, console e-mail, DEBUG off).
Production sets at least SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL and HTTPS=True.
"""

import os
import secrets
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent


def envbool(name: str, default: str) -> bool:
    return os.getenv(name, default).strip().lower() in ("1", "true", "yes", "on")


def envint(name: str, default: str) -> int:
    return int(os.getenv(name, default))


def envlist(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.getenv(name, default).split(",") if item.strip()]


DATA_DIR = Path(os.getenv("STEUNWIJZER_DATA_DIR", "data")).resolve()
DATA_DIR.mkdir(parents=True, exist_ok=True)


def _secret_key() -> str:
    """Use SECRET_KEY, or a random key kept in the data directory so sessions survive restarts."""
    if os.getenv("SECRET_KEY"):
        return os.environ["SECRET_KEY"]
    key_file = DATA_DIR / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


SECRET_KEY = _secret_key()
DEBUG = envbool("DEBUG", "False")
ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", "")
SITE_URL = os.getenv("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "steunwijzer.core",
    "steunwijzer.organisations",
    "steunwijzer.regional_model",
    "steunwijzer.profiles",
    "steunwijzer.review",
    "steunwijzer.route",
    "steunwijzer.quality_check",
    "steunwijzer.instruments.ijk",
    "steunwijzer.instruments.diversity",
    "steunwijzer.steunpunt",
    "steunwijzer.publication",
    "steunwijzer.dashboards",
    "steunwijzer.notifications",
    "steunwijzer.api",
    "steunwijzer.operations",
    "steunwijzer.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "steunwijzer.core.middleware.RequestSizeLimitMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Instead of Django's LocaleMiddleware: the visitor's language on the public pages only,
    # Dutch everywhere else. Before the kept public responses, which key on the language.
    "steunwijzer.core.middleware.PublicLanguageMiddleware",
    "steunwijzer.publication.middleware.KeptPublicResponses",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "steunwijzer.organisations.middleware.SecurityHeadersMiddleware",
    "steunwijzer.organisations.middleware.SessionIdleMiddleware",
    "steunwijzer.organisations.middleware.TwoFactorMiddleware",
    # Last, as django-axes asks: it turns a flagged lockout into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "steunwijzer.urls"
WSGI_APPLICATION = "steunwijzer.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "steunwijzer.organisations.theme.theme",
                "steunwijzer.notifications.context_processors.unread_notifications",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.getenv("DATABASE_URL", f"sqlite:///{DATA_DIR / 'steunwijzer.sqlite3'}"),
        # Reusing connections saves a PostgreSQL handshake per request; health checks drop
        # connections the server has closed.
        conn_max_age=envint("DB_CONN_MAX_AGE", "60"),
        conn_health_checks=True,
    )
}
# Seconds one database statement may take on PostgreSQL (0: no limit). `steunwijzer serve` sets
# it for the web server (STATEMENT_TIMEOUT in cli.py), so a request's database work stays
# within its budget; commands such as a back-up run without it.
DB_STATEMENT_TIMEOUT = envint("DB_STATEMENT_TIMEOUT", "0")
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and DB_STATEMENT_TIMEOUT:
    DATABASES["default"]["OPTIONS"] = {
        "options": f"-c statement_timeout={DB_STATEMENT_TIMEOUT * 1000}"
    }
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers continue while an autosave writes; IMMEDIATE avoids upgrade deadlocks.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Messages have English msgids; each app's Dutch catalogue is in its own locale/ folder
# (docs/localisation.md). Dutch is the language of the whole application; the public pages for
# parents (TRANSLATED_PATH_PREFIXES) can also be read in English.
LANGUAGE_CODE = "nl"
FORMAT_MODULE_PATH = ["steunwijzer.formats"]
LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
TRANSLATED_PATH_PREFIXES = ("/scholen/",)
# The language chosen with the switch on the public pages (Django's set_language): kept a year.
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
# Django's `nl` formats give the decimal comma and the thousands point that `core.numbers` and
# the templates use. Thousands points only where asked for (amounts): a year stays whole.
USE_THOUSAND_SEPARATOR = False
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": os.getenv(
            "STATICFILES_STORAGE",
            "whitenoise.storage.CompressedManifestStaticFilesStorage",
        )
    },
}

# E-mail: printed to the console unless an SMTP host is configured.
DEFAULT_FROM_EMAIL = os.getenv("DEFAULT_FROM_EMAIL", "Steunwijzer <noreply@steunwijzer.local>")
EMAIL_HOST = os.getenv("EMAIL_HOST", "")
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_PORT = envint("EMAIL_PORT", "587")
EMAIL_HOST_USER = os.getenv("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.getenv("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = envbool("EMAIL_USE_TLS", "True")

# The ouder- en jeugdsteunpunt (steunpunt app): how long parents' messages are kept (the form
# states it; `steunwijzer steunpunt_expire`, run daily, deletes older ones), and how many
# messages one address may send a day.
STEUNPUNT_RETENTION_MONTHS = envint("STEUNPUNT_RETENTION_MONTHS", "12")
STEUNPUNT_DAILY_LIMIT = envint("STEUNPUNT_DAILY_LIMIT", "5")

# HTTPS=True turns on everything `check --deploy` asks for behind a TLS-terminating proxy.
HTTPS = envbool("HTTPS", "False")
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
LANGUAGE_COOKIE_SECURE = HTTPS
SECURE_SSL_REDIRECT = HTTPS
SECURE_HSTS_SECONDS = 31_536_000 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
# Behind a proxy, X-Forwarded-Proto says HTTPS and X-Forwarded-For the client's address.
BEHIND_PROXY = envbool("BEHIND_PROXY", "False")
if BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = envint("SESSION_COOKIE_AGE", str(8 * 3600))
X_FRAME_OPTIONS = "DENY"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"
# The finder's "use my location" asks the browser for its place, on that page only.
FINDER_PERMISSIONS_POLICY = PERMISSIONS_POLICY.replace("geolocation=()", "geolocation=(self)")

# Sign-in hardening (docs/security.md). Lockout (django-axes): failed passwords lock the
# combination of account and address, so an attacker does not lock the person out; an address
# failing on many accounts is stopped at its own, higher limit; wrong two-step codes count per
# account, from any address (organisations/backends.py).
AUTHENTICATION_BACKENDS = [
    "steunwijzer.organisations.backends.LockoutBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_HANDLER = "steunwijzer.organisations.backends.LockoutHandler"
AXES_FAILURE_LIMIT = envint("LOGIN_FAILURE_LIMIT", "5")
LOGIN_ADDRESS_FAILURE_LIMIT = envint("LOGIN_ADDRESS_FAILURE_LIMIT", "30")
AXES_COOLOFF_TIME = timedelta(minutes=envint("LOGIN_LOCKOUT_MINUTES", "15"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "steunwijzer.organisations.backends.client_address"
AXES_LOCKOUT_CALLABLE = "steunwijzer.organisations.two_factor_views.locked_out"
AXES_VERBOSE = False
# Two-step verification (TOTP with recovery codes). Required for the board and partnership
# roles; anyone else may turn it on in Mijn account.
STEUNWIJZER_REQUIRE_2FA = envbool("STEUNWIJZER_REQUIRE_2FA", "True")
OTP_TOTP_ISSUER = os.getenv("OTP_TOTP_ISSUER", "Steunwijzer")
# Only `steunwijzer demo` sets this: the code page then shows the demo accounts' current code.
STEUNWIJZER_DEMO = envbool("STEUNWIJZER_DEMO", "False")
# Idle sessions end; SESSION_COOKIE_AGE stays the absolute maximum.
SESSION_IDLE_TIMEOUT = envint("SESSION_IDLE_TIMEOUT", str(30 * 60))

# The finder: postcodes become coordinates through the geocoder (PDOK's Locatieserver; empty
# switches postcode search off), and the map beside the results loads its tiles from
# MAP_TILE_URL (PDOK's BRT-Achtergrondkaart; empty: no map).
GEOCODER_URL = os.getenv("GEOCODER_URL", "https://api.pdok.nl/bzk/locatieserver/search/v3_1/free")
GEOCODER_TIMEOUT = float(os.getenv("GEOCODER_TIMEOUT", "3"))
MAP_TILE_URL = os.getenv(
    "MAP_TILE_URL",
    "https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png",
)
MAP_TILE_ORIGIN = "{0.scheme}://{0.netloc}".format(urlsplit(MAP_TILE_URL)) if MAP_TILE_URL else ""

# Content Security Policy without 'unsafe-inline' (django-csp 4): no inline scripts, styles,
# style attributes or event handlers anywhere in the served HTML.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        # The finder's map loads its tiles from MAP_TILE_URL's host, and from nowhere else.
        "img-src": ["'self'", "data:", *([MAP_TILE_ORIGIN] if MAP_TILE_ORIGIN else [])],
        "font-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

INVITATION_VALID_DAYS = envint("INVITATION_VALID_DAYS", "14")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # Django's "Not Found: <path>" would name an invitation's token (core/log_redaction.py).
    "filters": {"redact_secrets": {"()": "steunwijzer.core.log_redaction.RedactSecrets"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["redact_secrets"]}},
    "root": {"handlers": ["console"], "level": os.getenv("LOG_LEVEL", "WARNING")},
}

# Uploads: the largest single file is 15 MB (own SOP document, supporting documents); a request
# body above MAX_REQUEST_BYTES is refused before it is read (core/middleware.py). Files above
# FILE_UPLOAD_MAX_MEMORY_SIZE go to a temporary file, never whole into memory; form fields
# (autosave of long chapters included) may be up to DATA_UPLOAD_MAX_MEMORY_SIZE together.
MAX_REQUEST_BYTES = envint("MAX_REQUEST_BYTES", str(20 * 1024 * 1024))
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 5000
# Restore (operations/backup.py, docs/operations.md): the largest back-up file, and the most all its
# parts may unpack to (the demo's JSON unpacks to about 7 times its zipped size). Both only
# guard against the wrong file; raise them for a very large installation.
BACKUP_MAX_BYTES = envint("BACKUP_MAX_BYTES", str(4 * 1024**3))
BACKUP_MAX_UNPACKED_BYTES = envint("BACKUP_MAX_UNPACKED_BYTES", str(32 * 1024**3))
# Public pages (publication): rendered once per published version and kept in each process.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "public_pages": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "public-pages",
        "OPTIONS": {"MAX_ENTRIES": 20000},
    },
}
