"""Django settings, all read from the environment (see README "Configuration").

Outside demo mode LaborLens refuses to start with missing or weak secrets. Demo mode is
the only place with convenience shortcuts (public demo keys, plain HTTP), and every page
says so.
"""

from __future__ import annotations

import base64
import binascii
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from laborlens.env import (
    ConfigError,
    env_bool,
    env_choice,
    env_int,
    env_list,
    env_secret,
    env_str,
    parse_database_url,
    weak_secret_reason,
)

PACKAGE_DIR = Path(__file__).resolve().parent
BASE_DIR = Path(env_str("LABORLENS_HOME", str(Path.cwd()))).resolve()

try:
    DEMO_MODE = env_bool("LABORLENS_DEMO", False)
    DEBUG = env_bool("LABORLENS_DEBUG", False)
    DATA_DIR = Path(env_str("LABORLENS_DATA_DIR", str(BASE_DIR / "var"))).resolve()
    DATABASES = {
        "default": parse_database_url(
            env_str("DATABASE_URL", "sqlite:///var/laborlens.sqlite3"), BASE_DIR
        ).as_django()
    }
    SESSION_IDLE_SECONDS = env_int("LABORLENS_SESSION_IDLE_SECONDS", 30 * 60, 60, 30 * 60)
    SESSION_ABSOLUTE_SECONDS = env_int(
        "LABORLENS_SESSION_ABSOLUTE_SECONDS", 12 * 3600, 600, 12 * 3600
    )
    TRUST_X_FORWARDED_FOR = env_bool("LABORLENS_TRUST_X_FORWARDED_FOR", False)
    ALLOWED_HOSTS = env_list("LABORLENS_ALLOWED_HOSTS", "127.0.0.1,localhost" if DEMO_MODE else "")
    _secret_key = env_secret("LABORLENS_SECRET_KEY")
    _field_keys = env_secret("LABORLENS_FIELD_KEYS")
    _blind_index_key = env_secret("LABORLENS_BLIND_INDEX_KEY")
    _audit_key = env_secret("LABORLENS_AUDIT_KEY")
    _audit_signing_key = env_secret("LABORLENS_AUDIT_SIGNING_KEY")
    # The sealer seals events numbered up to what it saw this long ago (see audit/seal.py);
    # verify reports events older than the bound that are still unsealed.
    AUDIT_SEAL_GRACE_SECONDS = float(env_int("LABORLENS_AUDIT_SEAL_GRACE_MS", 1000, 0, 60_000)) / 1000
    AUDIT_SEAL_BOUND_SECONDS = env_int("LABORLENS_AUDIT_SEAL_BOUND_SECONDS", 300, 5, 7 * 24 * 3600)
    # Public keys (url-safe base64) of earlier signing keys whose checkpoints still verify.
    AUDIT_TRUSTED_PUBLIC_KEYS = env_list("LABORLENS_AUDIT_TRUSTED_PUBLIC_KEYS", "")
except ConfigError as error:
    raise ImproperlyConfigured(str(error)) from None

# PgBouncer in transaction mode cannot keep a server-side cursor between statements:
# LABORLENS_DB_DISABLE_SERVER_SIDE_CURSORS=1 makes .iterator() fetch client-side.
try:
    if env_bool("LABORLENS_DB_DISABLE_SERVER_SIDE_CURSORS", False):
        for _alias in DATABASES.values():
            if str(_alias["ENGINE"]).endswith("postgresql"):
                _alias["DISABLE_SERVER_SIDE_CURSORS"] = True
except ConfigError as error:
    raise ImproperlyConfigured(str(error)) from None

if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # The embedded default must work on a fresh clone: create its folder.
    Path(str(DATABASES["default"]["NAME"])).parent.mkdir(parents=True, exist_ok=True)

# Public, published demo keys: only ever used when LABORLENS_DEMO=1.
DEMO_SECRET_KEY = "demo-only-secret-key-published-in-the-readme-never-use-for-real-data-0123456789"  # noqa: S105
DEMO_FIELD_KEY = "ZGVtby1vbmx5LWZpZWxkLWtleS1uZXZlci1yZWFsLSE="  # noqa: S105
DEMO_BLIND_INDEX_KEY = "demo-only-blind-index-key-published-in-the-readme-never-use-0123456789"  # noqa: S105
DEMO_AUDIT_KEY = "demo-only-audit-chain-key-published-in-the-readme-never-use-0123456789"  # noqa: S105
# Ed25519 private key of the demo's signed tree heads (32 bytes: "demo-only-audit-signing-key-0001").
DEMO_AUDIT_SIGNING_KEY = "ZGVtby1vbmx5LWF1ZGl0LXNpZ25pbmcta2V5LTAwMDE="  # noqa: S105


def _check_fernet_keys(raw: str) -> list[str]:
    keys = [key.strip() for key in raw.split(",") if key.strip()]
    for position, key in enumerate(keys, start=1):
        try:
            decoded = base64.urlsafe_b64decode(key.encode())
        except (binascii.Error, ValueError):
            decoded = b""
        if len(decoded) != 32:
            raise ImproperlyConfigured(
                f"LABORLENS_FIELD_KEYS key {position} is not a Fernet key "
                "(32 url-safe base64 bytes); make one with `laborlens keys new`"
            )
    return keys


def _check_signing_key(value: str) -> str:
    try:
        if len(base64.urlsafe_b64decode(value.strip().encode())) == 32:
            return value.strip()
    except (binascii.Error, ValueError):
        pass
    raise ImproperlyConfigured(
        "LABORLENS_AUDIT_SIGNING_KEY is not an Ed25519 private key (32 url-safe base64 bytes); "
        "make one with `laborlens keys new`"
    )


def _require_strong(name: str, value: str) -> str:
    reason = weak_secret_reason(value)
    if reason:
        raise ImproperlyConfigured(
            f"{name} cannot be used because {reason}. Set a strong value (or {name}_FILE), "
            "or set LABORLENS_DEMO=1 for the public demo."
        )
    return value


if DEMO_MODE:
    SECRET_KEY = _secret_key or DEMO_SECRET_KEY
    FIELD_ENCRYPTION_KEYS = _check_fernet_keys(_field_keys or DEMO_FIELD_KEY)
    BLIND_INDEX_KEY = _blind_index_key or DEMO_BLIND_INDEX_KEY
    AUDIT_CHAIN_KEY = _audit_key or DEMO_AUDIT_KEY
    AUDIT_SIGNING_KEY = _check_signing_key(_audit_signing_key or DEMO_AUDIT_SIGNING_KEY)
else:
    SECRET_KEY = _require_strong("LABORLENS_SECRET_KEY", _secret_key)
    if not _field_keys:
        raise ImproperlyConfigured(
            "LABORLENS_FIELD_KEYS is missing; identifying fields cannot be encrypted without it"
        )
    FIELD_ENCRYPTION_KEYS = _check_fernet_keys(_field_keys)
    BLIND_INDEX_KEY = _require_strong("LABORLENS_BLIND_INDEX_KEY", _blind_index_key)
    AUDIT_CHAIN_KEY = _require_strong("LABORLENS_AUDIT_KEY", _audit_key)
    if not _audit_signing_key:
        raise ImproperlyConfigured(
            "LABORLENS_AUDIT_SIGNING_KEY is missing; the audit log's tree heads cannot be signed without it"
        )
    if _audit_signing_key.strip() == DEMO_AUDIT_SIGNING_KEY:
        raise ImproperlyConfigured("LABORLENS_AUDIT_SIGNING_KEY is the public demo key")
    AUDIT_SIGNING_KEY = _check_signing_key(_audit_signing_key)
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured("LABORLENS_ALLOWED_HOSTS is empty; name the host(s) served")

# Backups have their own key (`laborlens backup` / `restore`); its format is checked when a
# backup runs, so a server without it still starts. The demo key is public.
DEMO_BACKUP_KEY = "ZGVtby1vbmx5LWJhY2t1cC1rZXktbmV2ZXItcmVhbCE="  # noqa: S105
try:
    BACKUP_KEY = env_secret("LABORLENS_BACKUP_KEY") or (DEMO_BACKUP_KEY if DEMO_MODE else "")
    CASE_RETENTION_DAYS = env_int("LABORLENS_CASE_RETENTION_DAYS", 7 * 365, 365, 100 * 365)
    # Funder reports show counts from 1 to this minus one as "<this" (small-count suppression).
    METRICS_SMALL_COUNT = env_int("LABORLENS_METRICS_SMALL_COUNT", 5, 2, 100)
    # The dashboard keeps its figures this long per filter (0: compute on every request).
    METRICS_CACHE_SECONDS = env_int("LABORLENS_METRICS_CACHE_SECONDS", 60, 0, 3600)
    # The CTDC file a release may draw on (issue 8); empty means ../shared/data beside the checkout.
    RELEASE_CTDC_FILE = env_str("LABORLENS_CTDC_FILE", "")
    # Research store (laborlens.research): its own database when configured.
    if env_str("RESEARCH_DATABASE_URL", ""):
        DATABASES["research"] = parse_database_url(env_str("RESEARCH_DATABASE_URL", ""), BASE_DIR).as_django()
except ConfigError as error:
    raise ImproperlyConfigured(str(error)) from None

# The research store's tables go to the "research" database when it is configured.
DATABASE_ROUTERS = ["laborlens.research.router.ResearchRouter"]

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_tasks_db",
    "laborlens.core",
    "laborlens.accounts",
    "laborlens.audit",
    "laborlens.cases",
    "laborlens.api",
    "laborlens.screening",
    "laborlens.tips",
    "laborlens.victims",
    "laborlens.publishing",
    "laborlens.ops",
    "laborlens.activities",
    "laborlens.feedback",
    "laborlens.readiness",
    "laborlens.barriers",
    "laborlens.metrics",
    "laborlens.threat",
    "laborlens.exchange",
    "laborlens.research",
    "laborlens.notifications",
]

MIDDLEWARE = [
    # First: /health/live, /health/ready (answer probes by IP and over plain HTTP),
    # /internal/metrics, and the X-Request-ID every log line carries.
    "laborlens.ops.observability.ProbeMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "laborlens.core.bounds.BoundedInputMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "laborlens.accounts.middleware.SessionLifetimeMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "laborlens.core.middleware.SecurityHeadersMiddleware",
    "laborlens.audit.reads.OutOfScopeAuditMiddleware",
]

# Background work (laborlens.ops.tasks): a queue in the database, run by `laborlens worker`.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
TASK_RETRY_BASE_SECONDS = 30  # first retry after 30 s, doubling, capped at an hour
# A worker beats every QUEUE_HEARTBEAT_SECONDS; its running task is reclaimed and retried after
# QUEUE_STALE_SECONDS of silence (laborlens.ops.queue).
try:
    QUEUE_HEARTBEAT_SECONDS = env_int("LABORLENS_QUEUE_HEARTBEAT_SECONDS", 10, 1, 600)
    QUEUE_STALE_SECONDS = env_int("LABORLENS_QUEUE_STALE_SECONDS", 60, 3, 86400)
except ConfigError as error:
    raise ImproperlyConfigured(str(error)) from None

# E-mail notifications (laborlens.notifications), sent by the queue worker through Django's
# mailers. LABORLENS_SMTP_HOST turns on SMTP; then LABORLENS_MAIL_FROM and LABORLENS_BASE_URL
# (the links in each mail) are required. Without it the demo writes each mail as a file under
# LABORLENS_DATA_DIR/mail, and a real deployment sends nothing (and says so on the
# preferences page).
try:
    SMTP_HOST = env_str("LABORLENS_SMTP_HOST", "")
    SMTP_PORT = env_int("LABORLENS_SMTP_PORT", 587, 1, 65535)
    SMTP_USER = env_str("LABORLENS_SMTP_USER", "")
    SMTP_PASSWORD = env_secret("LABORLENS_SMTP_PASSWORD")
    SMTP_SECURITY = env_choice("LABORLENS_SMTP_SECURITY", ("starttls", "ssl", "none"), "starttls")
    SMTP_TIMEOUT = env_int("LABORLENS_SMTP_TIMEOUT", 20, 1, 300)
    MAIL_FROM = env_str("LABORLENS_MAIL_FROM", "laborlens@localhost" if DEMO_MODE else "")
    BASE_URL = env_str("LABORLENS_BASE_URL", "http://127.0.0.1:8000" if DEMO_MODE else "").rstrip("/")
except ConfigError as error:
    raise ImproperlyConfigured(str(error)) from None
if SMTP_HOST:
    if not MAIL_FROM or "@" not in MAIL_FROM:
        raise ImproperlyConfigured(
            "LABORLENS_MAIL_FROM is missing or not an address; set the sender of notification "
            "e-mails (e.g. LABORLENS_MAIL_FROM=laborlens@agency.example.org)")
    if not BASE_URL.startswith(("https://", "http://")) or (
            not DEMO_MODE and not BASE_URL.startswith("https://")):
        raise ImproperlyConfigured(
            "LABORLENS_BASE_URL must be the address users open, e.g. https://laborlens.example.org "
            "(https outside demo mode): notification e-mails link to it")
    if SMTP_PASSWORD and not SMTP_USER:
        raise ImproperlyConfigured("LABORLENS_SMTP_PASSWORD is set without LABORLENS_SMTP_USER")
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.smtp.EmailBackend", "OPTIONS": {
        "host": SMTP_HOST, "port": SMTP_PORT, "username": SMTP_USER, "password": SMTP_PASSWORD,
        "use_tls": SMTP_SECURITY == "starttls", "use_ssl": SMTP_SECURITY == "ssl",
        "timeout": SMTP_TIMEOUT}}}
    NOTIFICATIONS_ENABLED = True
elif DEMO_MODE:
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.filebased.EmailBackend",
                           "OPTIONS": {"file_path": str(DATA_DIR / "mail")}}}
    NOTIFICATIONS_ENABLED = True
else:
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.dummy.EmailBackend"}}
    NOTIFICATIONS_ENABLED = False
    # No SMTP configured: notifications are off and nothing is queued (the preferences page
    # says so), so Django's warning about a development mail backend does not apply.
    SILENCED_SYSTEM_CHECKS = ["mail.E001"]
DEFAULT_FROM_EMAIL = MAIL_FROM or "laborlens@localhost"
SERVER_EMAIL = DEFAULT_FROM_EMAIL

ROOT_URLCONF = "laborlens.urls"
WSGI_APPLICATION = "laborlens.wsgi.application"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:home"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "laborlens.core.context_processors.site",
                "laborlens.core.victim_i18n.page_context",
            ],
        },
    }
]

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
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

# Sessions live in the database so that logout and deactivation kill them server-side.
SESSION_ENGINE = "django.contrib.sessions.backends.db"
SESSION_COOKIE_AGE = SESSION_ABSOLUTE_SECONDS
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_NAME = "laborlens_session" if DEMO_MODE else "__Host-laborlens_session"
CSRF_COOKIE_NAME = "laborlens_csrf" if DEMO_MODE else "__Host-laborlens_csrf"

# Plain HTTP is allowed only for the local demo; production runs behind TLS.
SECURE_PRODUCTION = not DEMO_MODE and not DEBUG
SESSION_COOKIE_SECURE = SECURE_PRODUCTION
CSRF_COOKIE_SECURE = SECURE_PRODUCTION
SECURE_SSL_REDIRECT = SECURE_PRODUCTION and env_bool("LABORLENS_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = 31536000 if SECURE_PRODUCTION else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_PRODUCTION
SECURE_HSTS_PRELOAD = SECURE_PRODUCTION
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if TRUST_X_FORWARDED_FOR else None
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CSRF_TRUSTED_ORIGINS = env_list("LABORLENS_CSRF_TRUSTED_ORIGINS")

# No inline script or style anywhere; every asset is served from this host.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "worker-src": [CSP.SELF],
    "manifest-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("es", _("Español"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
LANGUAGE_COOKIE_NAME = "laborlens_language"
LANGUAGE_COOKIE_SECURE = SECURE_PRODUCTION
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
TIME_ZONE = env_str("LABORLENS_TIME_ZONE", "America/New_York")
USE_I18N = True
FORMAT_MODULE_PATH = ["laborlens.formats"]  # one date format per language (formats/en, formats/es)
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
# Evidence files (laborlens.core.storage): MEDIA_ROOT/cases on local disk, or an
# S3-compatible bucket when LABORLENS_S3_BUCKET is set (every app server then sees every file).
try:
    S3_BUCKET = env_str("LABORLENS_S3_BUCKET", "")
    _s3_options = {
        "bucket_name": S3_BUCKET,
        "endpoint_url": env_str("LABORLENS_S3_ENDPOINT_URL", "") or None,
        "region_name": env_str("LABORLENS_S3_REGION", "") or None,
        "access_key": env_secret("LABORLENS_S3_ACCESS_KEY") or None,
        "secret_key": env_secret("LABORLENS_S3_SECRET_KEY") or None,
        "location": env_str("LABORLENS_S3_PREFIX", "cases"),
        "default_acl": None,
        "querystring_auth": True,
        "file_overwrite": True,  # names are random; key rotation rewrites in place
        "addressing_style": env_str("LABORLENS_S3_ADDRESSING_STYLE", "path"),
    }
except ConfigError as error:
    raise ImproperlyConfigured(str(error)) from None
EVIDENCE_STORAGE = (
    {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": _s3_options}
    if S3_BUCKET
    else {"BACKEND": "laborlens.core.storage.LocalEvidenceStorage"}
)

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "evidence": EVIDENCE_STORAGE,
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if SECURE_PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = not SECURE_PRODUCTION
if not SECURE_PRODUCTION:
    # Demo and development serve from the app folders; whitenoise still wants the root.
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)
MEDIA_ROOT = DATA_DIR / "uploads"

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Every limit, throttle and cache (sign-in and tip rate limits, the API throttle, the
# dashboard figures) lives in the default cache. Several server processes must share it:
# outside demo mode LABORLENS_CACHE_URL (redis://host:port/db, rediss:// for TLS) is required.
try:
    CACHE_URL = env_str("LABORLENS_CACHE_URL", "")
    CACHE_KEY_PREFIX = env_str("LABORLENS_CACHE_PREFIX", "laborlens")
except ConfigError as error:
    raise ImproperlyConfigured(str(error)) from None
if CACHE_URL:
    if not CACHE_URL.startswith(("redis://", "rediss://", "unix://")):
        raise ImproperlyConfigured(
            "LABORLENS_CACHE_URL must be a Redis URL (redis://host:6379/0, rediss:// or unix://)")
    CACHES = {"default": {"BACKEND": "laborlens.core.redis.RedisCache",  # Django's, one client per pool
                          "LOCATION": CACHE_URL, "KEY_PREFIX": CACHE_KEY_PREFIX,
                          "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2}}}
elif DEMO_MODE:
    # The demo is one process: per-process memory is enough there and only there.
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
else:
    raise ImproperlyConfigured(
        "LABORLENS_CACHE_URL is missing; rate limits and throttles must be shared by every "
        "server process (e.g. LABORLENS_CACHE_URL=redis://127.0.0.1:6379/0)")

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "laborlens.api.authentication.BearerTokenAuthentication",
        "laborlens.api.authentication.VerifiedSessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["laborlens.api.permissions.RolePermission"],
    "DEFAULT_PAGINATION_CLASS": "laborlens.api.base.Pagination",
    "DEFAULT_THROTTLE_CLASSES": ["laborlens.api.base.TokenRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {"token": env_str("LABORLENS_API_RATE", "600/min")},
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "laborlens.api.exceptions.problem_details_handler",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "LaborLens API",
    "DESCRIPTION": "The same rules as the web app: scoped, audited, consent-gated. "
    "Authenticate with `Authorization: Bearer <token>` (create tokens after signing in with MFA).",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.IsAuthenticated"],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "AgeGroupEnum": "laborlens.screening.models.AGE_GROUPS",
        "ScreeningSettingEnum": "laborlens.screening.models.SETTINGS",
        "QuestionLanguageEnum": "laborlens.screening.models.LANGUAGES",
        "VictimStatusEnum": "laborlens.victims.models.VictimRecord.Status",
        "NeedStatusEnum": "laborlens.victims.models.NeedItem.Status",
        "ReferralStatusEnum": "laborlens.victims.models.Referral.Status",
        "DataCategoryEnum": "laborlens.victims.models.Category",
        "ReferralActionEnum": "laborlens.victims.api.referrals.REFERRAL_ACTIONS",
        "ConsentMethodEnum": "laborlens.victims.models.Consent.Method",
        "ReleaseMethodEnum": "laborlens.publishing.models.Method",
        "ReleaseStatusEnum": "laborlens.publishing.models.Status",
        "ReleaseDatasetEnum": "laborlens.publishing.models.Dataset",
    },
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "laborlens.api.schema.add_problem_responses",
    ],
}

LOCKOUT_FAILURES = 5
LOCKOUT_WINDOW_SECONDS = 15 * 60
OTP_TOTP_ISSUER = "LaborLens"

# Prometheus scrapes /internal/metrics with this bearer token or from these networks (CIDRs).
try:
    METRICS_TOKEN = env_secret("LABORLENS_METRICS_TOKEN")
    METRICS_NETWORKS = env_list("LABORLENS_METRICS_NETWORKS")
    # "json" (one object per line, with request_id) or "plain"; JSON outside demo mode.
    LOG_FORMAT = env_str("LABORLENS_LOG_FORMAT", "plain" if DEMO_MODE else "json")
except ConfigError as error:
    raise ImproperlyConfigured(str(error)) from None
if LOG_FORMAT not in {"json", "plain"}:
    raise ImproperlyConfigured("LABORLENS_LOG_FORMAT must be json or plain")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "laborlens.ops.observability.RequestIdFilter"}},
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
        "json": {"()": "laborlens.ops.observability.JsonFormatter"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT,
                             "filters": ["request_id"]}},
    "root": {"handlers": ["console"], "level": env_str("LABORLENS_LOG_LEVEL", "INFO")},
    "loggers": {"django.server": {"level": "WARNING"}},
}

# The framework of the screening headline reading: "us" (18 U.S.C. 1589/1590 or the ILO/EC rule)
# or "ilo" (the ILO/EC rule alone). Both readings are always shown.
SCREENING_JURISDICTION = env_choice("LABORLENS_JURISDICTION", ("us", "ilo"), "us")
