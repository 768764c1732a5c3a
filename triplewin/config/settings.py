"""Django settings, all read from the environment (see README for the variables)."""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from triplewin.config.env import Env, EnvError
from triplewin.config.storage import private_storage
from triplewin.core import retention
from triplewin.operations.backups import encryption

BASE_DIR = Path(__file__).resolve().parent.parent
PROJECT_DIR = BASE_DIR.parent
env = Env()

TESTING = "pytest" in sys.modules


def backup_recipients(keys: list[str]) -> list[str]:
    """The keys as given, once each parses as an age public key (a bad one stops start-up)."""
    try:
        encryption.recipients(keys)
    except encryption.SealError as error:
        raise EnvError(f"BACKUP_AGE_RECIPIENTS: {error}") from None
    return keys


try:
    DEBUG = env.bool("DEBUG", default=False)
    SECRET_KEY = (
        env.str("SECRET_KEY", "insecure-local-development-key-not-for-production")
        if DEBUG or TESTING
        else env.required_str("SECRET_KEY")
    )
    ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
    DATABASE_URL = env.str("DATABASE_URL", f"sqlite:///{PROJECT_DIR / 'var' / 'db.sqlite3'}")
    SITE_URL = env.str("SITE_URL", "http://127.0.0.1:8000")
    EMAIL_BACKEND = env.str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
    DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", "Triple Win <no-reply@triplewin.invalid>")
    SECURE_COOKIES = env.bool("SECURE_COOKIES", default=not DEBUG)
    CONN_MAX_AGE = env.int("CONN_MAX_AGE", 60, minimum=0)
    REDIS_URL = env.redis_url("REDIS_URL")
    CLIENT_IP_HEADER = env.header("CLIENT_IP_HEADER")
    # The background check of partners' published pages refuses private, loopback and
    # link-local addresses (no request forgery into our own network). Only tests, which
    # serve pages from 127.0.0.1, turn this on.
    WEBSITE_CHECK_ALLOW_PRIVATE = env.bool("WEBSITE_CHECK_ALLOW_PRIVATE", default=False)
    # Production behind a TLS-terminating proxy (ADR 0037, README "Production").
    BEHIND_TLS_PROXY = env.bool("BEHIND_TLS_PROXY", default=False)
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=False)
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", 0, minimum=0)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=False)
    SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)
    CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", [])
    # Health and metrics (ADR 0037).
    METRICS_ALLOWED_IPS = env.list("METRICS_ALLOWED_IPS", ["127.0.0.1"])
    TASK_QUEUE_MAX_WAIT_MINUTES = env.int("TASK_QUEUE_MAX_WAIT_MINUTES", 15, minimum=1)
    LOG_FORMAT = env.str("LOG_FORMAT", "console" if DEBUG else "json")
    LOG_LEVEL = env.str("LOG_LEVEL", "INFO").upper()
    # Signed agreements: the local folder, or Azure Blob Storage (ADR 0040).
    # Without Azure, private files live in this folder (a mounted volume in production).
    PRIVATE_STORAGE = private_storage(
        env=env,
        local_root=Path(env.str("PRIVATE_STORAGE_DIR", str(PROJECT_DIR / "var" / "private"))),
    )
    # `manage.py backup` writes its archives here (ADR 0040).
    BACKUP_DIR = Path(env.str("BACKUP_DIR", str(PROJECT_DIR / "var" / "backups")))
    # After each backup, all but the newest this many archives there are deleted; 0 keeps all.
    BACKUP_KEEP = env.int("BACKUP_KEEP", 0, minimum=0)
    # age public keys (age1…, comma-separated) each backup is sealed for; unset writes plain
    # archives. The private keys stay off the servers (ADR 0040).
    BACKUP_AGE_RECIPIENTS = backup_recipients(env.list("BACKUP_AGE_RECIPIENTS", []))
except EnvError as error:
    raise ImproperlyConfigured(f"Triple Win cannot start: {error}") from None

# The retention policy's periods (ADR 0041): a malformed RETENTION_<RULE>_DAYS stops start-up
# rather than keeping personal data for a period nobody chose.
try:
    retention.policy(os.environ)
except retention.PolicyError as error:
    raise ImproperlyConfigured(f"Triple Win cannot start: {error}") from None

try:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=CONN_MAX_AGE)}
except (ValueError, KeyError) as error:
    raise ImproperlyConfigured(
        f"Triple Win cannot start: DATABASE_URL is not a database URL I understand ({error}). "
        "Use sqlite:///path/to/file.sqlite3 or postgres://user@host:port/name."
    ) from None
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    # WAL: readers never wait for the writer, and the writer never waits for readers; with a
    # 20-second busy timeout a second writer waits its turn instead of failing (issue 19).
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    # A file, not memory, so concurrency tests can use several connections at once.
    # The process id keeps parallel test runs on one machine from sharing a file.
    DATABASES["default"]["TEST"] = {
        "NAME": str(PROJECT_DIR / "var" / f"test-{os.getpid()}.sqlite3")
    }

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    # allauth's list of active sessions says "3 minutes ago".
    "django.contrib.humanize",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.usersessions",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    "django_tasks",
    "django_tasks_db",
    "triplewin.audit",
    "triplewin.submissions",
    "triplewin.accounts",
    "triplewin.organisations",
    "triplewin.partnerships",
    "triplewin.scoping",
    "triplewin.concept",
    "triplewin.team",
    "triplewin.conflicts",
    "triplewin.meetings",
    "triplewin.contributions",
    "triplewin.plans",
    "triplewin.signoff",
    "triplewin.pid",
    "triplewin.agreement",
    "triplewin.executive_summary",
    "triplewin.kpis",
    "triplewin.delivery",
    "triplewin.amendments",
    "triplewin.outcomes",
    "triplewin.documents",
    "triplewin.learning",
    "triplewin.register",
    "triplewin.library",
    "triplewin.transfers",
    "triplewin.obligations",
    "triplewin.oversight",
    "triplewin.notifications",
    "triplewin.retention",
    "triplewin.guide",
    "triplewin.demo",
    "triplewin.api",
    "triplewin.monitoring",
    "triplewin.operations",
    "django_structlog",
]

MIDDLEWARE = [
    # First and last: the latency counted is the whole of Django's work on the request.
    "django_prometheus.middleware.PrometheusBeforeMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # After authentication, so the log lines of a request name its user.
    "django_structlog.middlewares.RequestMiddleware",
    "triplewin.monitoring.logs.RequestIdHeaderMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "allauth.usersessions.middleware.UserSessionsMiddleware",
    # After authentication: a person whose roles need two-factor sets it up first (ADR 0032).
    "triplewin.accounts.middleware.TwoFactorRequiredMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_prometheus.middleware.PrometheusAfterMiddleware",
]

ROOT_URLCONF = "triplewin.config.urls"
WSGI_APPLICATION = "triplewin.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [BASE_DIR / "jinja2"],
        "APP_DIRS": True,
        "OPTIONS": {"environment": "triplewin.config.jinja2_env.environment"},
    },
    {
        # The admin and django-allauth render with Django templates; ours for allauth come
        # first, so its pages wear a minimal NHS.UK layout (ADR 0032).
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "accounts" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ]
        },
    },
]

# The shared cache: every worker and server must count sign-in failures and verification checks
# together (ADR 0015). Redis when configured; otherwise a table in the database, made by the
# accounts app's migration so every deployment has it.
CACHE_TABLE = "triplewin_cache"
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": CACHE_TABLE}
    )
}

AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]

# Identity (ADR 0032): django-allauth signs people in by email and password or through their
# organisation's OpenID Connect provider, with TOTP two-factor and a list of active sessions.
ACCOUNT_ADAPTER = "triplewin.accounts.adapters.AccountAdapter"
SOCIALACCOUNT_ADAPTER = "triplewin.accounts.adapters.SocialAccountAdapter"
ACCOUNT_FORMS = {"login": "triplewin.accounts.forms.SignInForm"}
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*"]
ACCOUNT_UNIQUE_EMAIL = True
# Existing accounts hold their address on the user row only; allauth reads it from there.
ACCOUNT_EMAIL_VERIFICATION = "none"
# Nobody learns from a page whether an address has an account, and strangers get no mail.
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS = False
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_LOGOUT_REDIRECT_URL = "register:index"
ACCOUNT_EMAIL_SUBJECT_PREFIX = "Triple Win: "
SOCIALACCOUNT_EMAIL_AUTHENTICATION = False
SOCIALACCOUNT_LOGIN_ON_GET = False
SOCIALACCOUNT_STORE_TOKENS = False
MFA_ADAPTER = "triplewin.accounts.adapters.MFAAdapter"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
# allauth refuses two-factor to an account with an unconfirmed address, against someone who
# signs up with another's address. Nobody signs themselves up here: accounts are made by an
# administrator, an invitation or the organisation's own provider.
MFA_ALLOW_UNVERIFIED_EMAIL = True
MFA_TOTP_ISSUER = "Triple Win"
# One step either side of now, so a phone whose clock is a few seconds out still works.
MFA_TOTP_TOLERANCE = 1
USERSESSIONS_TRACK_ACTIVITY = True

# Throttling (ADR 0015, replaced in part by ADR 0032): one mechanism, allauth's rate limits,
# counted in the shared cache below. Ten failed sign-ins (password or two-factor code) for one
# account, or from one address, within fifteen minutes close sign-in until the oldest of them is
# fifteen minutes old. The public verification page's limit lives in the same table.
ACCOUNT_RATE_LIMITS = {
    # allauth's extra cap on every sign-in post would answer before ours, with its own page.
    "login": None,
    "login_failed": "10/15m/ip,10/15m/key",
    "verify_document": "20/m/ip",
    # The API (ADR 0036): per token for partners' systems, per address for the public.
    "api_token": os.environ.get("API_TOKEN_RATE", "600/m") + "/key",
    "api_public": os.environ.get("API_PUBLIC_RATE", "300/m") + "/ip",
    # A new organisation's request to join (ADR 0033).
    "join_request": "5/h/ip",
}
SIGN_IN_COOL_OFF = dt.timedelta(minutes=15)

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "accounts:sign-in"
LOGIN_REDIRECT_URL = "partnerships:list"
LOGOUT_REDIRECT_URL = "register:index"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = PROJECT_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Uploaded files (signed agreements) are never served directly: only through views that
    # check who is asking. Locally they live outside STATIC_ROOT and have no MEDIA_URL.
    "private": PRIVATE_STORAGE,
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or TESTING
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = DEBUG or TESTING
WHITENOISE_AUTOREFRESH = DEBUG or TESTING

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 12 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024

# The proxy terminates TLS and says so in X-Forwarded-Proto; only trusted when the proxy is ours
# and overwrites the header (BEHIND_TLS_PROXY).
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if BEHIND_TLS_PROXY else None
# Health checks come from the load balancer over plain HTTP inside the network.
SECURE_REDIRECT_EXEMPT = [r"^health/", r"^metrics$"]
SESSION_COOKIE_SECURE = SECURE_COOKIES
CSRF_COOKIE_SECURE = SECURE_COOKIES
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# NONCE makes django-csp send this request's own nonce; templates put the same value on each
# inline script (`csp_nonce` in the layout), and every other script is a file from 'self'.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
    }
}

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# One line per event, each with the request id (or, in the task worker, the task id) bound by
# django-structlog: JSON for log collectors in production, readable columns for `make run`.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "structured": {
            "()": "triplewin.monitoring.logs.formatter",
            "renderer": LOG_FORMAT,
        }
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "structured"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        # pypdf logs a warning for every bad token of a damaged or hostile PDF, thousands for
        # one upload; the refusal shown to the uploader already says what matters.
        "pypdf": {"level": "ERROR"},
        "django_structlog": {"level": LOG_LEVEL},
        "triplewin": {"level": LOG_LEVEL},
    },
}
