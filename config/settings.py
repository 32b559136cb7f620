"""Kabar settings: one module, everything from environment variables (see README, "Configuration")."""

import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlparse

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("KABAR_VAR_DIR", BASE_DIR / "var")).resolve()


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DJANGO_ENV = os.environ.get("DJANGO_ENV", "development")
PRODUCTION = DJANGO_ENV == "production"

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if PRODUCTION:
        raise ImproperlyConfigured("SECRET_KEY must be set when DJANGO_ENV=production.")
    SECRET_KEY = "django-insecure-kabar-local-development-only-" + "x" * 20

DEBUG = env_bool("DEBUG", not PRODUCTION)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "" if PRODUCTION else "localhost,127.0.0.1,[::1],testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_filters",
    "axes",
    "anymail",
    "tenancy",
    "candidates",
    "recruitment",
    "notifications",
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
    "tenancy.middleware.AdminOrganizationScopeMiddleware",
    "tenancy.middleware.AdminContentSecurityPolicyMiddleware",
    # Last, as django-axes asks: it turns a lockout raised during login into the lockout page.
    "axes.middleware.AxesMiddleware",
    "config.middleware.DatabaseUnavailableMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
            ],
        },
    },
]

# PostgreSQL only. With no DATABASE_URL an embedded server under var/ is started (or joined).
DATABASE_URL = os.environ.get("DATABASE_URL")
if not DATABASE_URL:
    from config.embedded import postgres_url

    DATABASE_URL = postgres_url(VAR_DIR)
    os.environ["DATABASE_URL"] = DATABASE_URL
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60, conn_health_checks=True)}
if DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
    raise ImproperlyConfigured("Kabar runs on PostgreSQL only: DATABASE_URL must be postgresql://...")
# PostgreSQL with row-level security kept in step with the organization scope (tenancy/rls.py).
DATABASES["default"]["ENGINE"] = "tenancy.database"
# When DATABASE_URL logs in as a privileged role (the owner, a superuser), scoped work switches to this
# role, which must be neither owner nor superuser nor BYPASSRLS. Empty: the login itself is that role.
DATABASE_APP_ROLE = os.environ.get("DATABASE_APP_ROLE", "")
DATABASES["default"].setdefault("OPTIONS", {})["connect_timeout"] = 5

REDIS_URL = os.environ.get("REDIS_URL")
if not REDIS_URL:
    from config.embedded import redis_url

    REDIS_URL = redis_url(VAR_DIR)
    os.environ["REDIS_URL"] = REDIS_URL


def celery_broker_url(redis_url: str) -> str:
    """kombu spells a unix-socket Redis `redis+socket://`; redis-py spells it `unix://`."""
    if redis_url.startswith("unix://"):
        parsed = urlparse(redis_url)
        db = parse_qs(parsed.query).get("db", ["0"])[0]
        return f"redis+socket://{parsed.path}?virtual_host={db}"
    return redis_url


AUTH_USER_MODEL = "tenancy.User"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("id", "Bahasa Indonesia")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Email: SMTP from EMAIL_URL (smtp://user:pass@host:port, ?tls=1 for STARTTLS, smtps:// or ?ssl=1 for TLS),
# else one .eml file per message under var/mail/. EMAIL_BACKEND swaps in another backend (e.g. django-anymail).
EMAIL_URL = os.environ.get("EMAIL_URL", "")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Kabar <kabar@localhost>")


def mailer_from_url(email_url: str) -> dict:
    if not email_url:
        return {
            "BACKEND": "notifications.backends.EmlFileBackend",
            "OPTIONS": {"directory": str(VAR_DIR / "mail")},
        }
    parsed = urlparse(email_url)
    options = parse_qs(parsed.query)
    return {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {
            "host": parsed.hostname or "localhost",
            "port": parsed.port or (465 if parsed.scheme == "smtps" else 25),
            "username": unquote(parsed.username or ""),
            "password": unquote(parsed.password or ""),
            "use_tls": options.get("tls", ["0"])[0] in {"1", "true"},
            "use_ssl": parsed.scheme == "smtps" or options.get("ssl", ["0"])[0] in {"1", "true"},
            "timeout": int(options.get("timeout", ["20"])[0]),
        },
    }


# ESP inbound webhooks (django-anymail) at /anymail/<esp>/inbound/, protected by HTTP basic auth.
ANYMAIL = {
    "WEBHOOK_SECRET": os.environ.get("ANYMAIL_WEBHOOK_SECRET")
    or ("" if PRODUCTION else "kabar:local-inbound")
}

KABAR_BASE_URL = os.environ.get("KABAR_BASE_URL", "http://localhost:8000").rstrip("/")
# Candidates' replies go to <slug>+<token>@KABAR_INBOUND_DOMAIN, routed to Kabar by the ESP or MTA.
KABAR_INBOUND_DOMAIN = os.environ.get("KABAR_INBOUND_DOMAIN", "inbound.kabar.local")
INBOUND_EMAIL_MAX_BYTES = 10 * 1024 * 1024

MAILERS = {"default": mailer_from_url(EMAIL_URL)}
if os.environ.get("EMAIL_BACKEND"):
    MAILERS["default"] = {"BACKEND": os.environ["EMAIL_BACKEND"]}

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_AUTHENTICATION_CLASSES": ["tenancy.api.authentication.ApiKeyAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["tenancy.api.permissions.HasApiKeyScope"],
    "UNAUTHENTICATED_USER": None,
    "EXCEPTION_HANDLER": "tenancy.api.errors.api_exception_handler",
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "tenancy.api.pagination.KabarCursorPagination",
    # JSON only: API keys travel in a header a browser does not send, so DRF's browsable pages could only
    # ever show a 401; the API is browsed in the Swagger UI.
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
}
API_RATE_LIMIT_PER_MINUTE = int(os.environ.get("API_RATE_LIMIT_PER_MINUTE", "600"))
# An authenticated API key is remembered this long per process (tenancy.services.RecentApiKeys).
API_KEY_CACHE_SECONDS = float(os.environ.get("API_KEY_CACHE_SECONDS", "5"))
SPECTACULAR_SETTINGS = {
    "TITLE": "Kabar API",
    "DESCRIPTION": "Recruitment pipelines, follow-ups and candidate emails for ATS integrations.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    # Swagger UI served from our own static files, not a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "tenancy.api.schema.add_error_responses",
    ],
    "ENUM_NAME_OVERRIDES": {
        "JobStatusEnum": "recruitment.models.JobStatus",
        "ApplicationStatusEnum": "recruitment.models.ApplicationStatus",
        "StageKindEnum": "recruitment.models.StageKind",
        "InterviewKindEnum": "recruitment.models.InterviewKind",
        "FollowUpKindEnum": "recruitment.classification.FollowUpKind",
        "FollowUpChannelEnum": "recruitment.models.FollowUpChannel",
        "RejectionTypeEnum": "recruitment.models.RejectionType",
        "LanguageEnum": "tenancy.models.Language",
        "NotificationStatusEnum": "notifications.models.NotificationStatus",
        "NotificationKindEnum": "notifications.models.NotificationKind",
    },
}

CELERY_BROKER_URL = celery_broker_url(REDIS_URL)
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_IGNORE_RESULT = True
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 3600}
CELERY_TASK_SOFT_TIME_LIMIT = 300
CELERY_TASK_TIME_LIMIT = 360
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TIMEZONE = "UTC"
# A broker that is down must not hold up a request: publishing fails fast and the relay catches up.
CELERY_TASK_PUBLISH_RETRY = False
CELERY_BROKER_CONNECTION_TIMEOUT = 3
CELERY_BROKER_TRANSPORT_OPTIONS |= {
    "socket_connect_timeout": 3,
    "socket_timeout": 10,
    "max_retries": 1,
    "interval_start": 0,
    "interval_step": 0.5,
    "interval_max": 1,
}

# Outbox: a `sending` row older than the lease is taken again; failed sends wait these delays, then fail.
NOTIFICATION_LEASE_SECONDS = int(os.environ.get("NOTIFICATION_LEASE_SECONDS", "300"))
NOTIFICATION_RETRY_DELAYS = [
    int(seconds) for seconds in env_list("NOTIFICATION_RETRY_DELAYS", "60,300,1800,7200,21600")
]
WEBHOOK_RETRY_DELAYS = [
    int(seconds) for seconds in env_list("WEBHOOK_RETRY_DELAYS", "60,300,1800,7200,18000,36000")
]
NOTIFICATION_RELAY_BATCH = 500
# Emails one `deliver` task sends over one SMTP connection: a worker's message and claim per email would
# cost more than the email itself.
NOTIFICATION_DELIVERY_BATCH = int(os.environ.get("NOTIFICATION_DELIVERY_BATCH", "50"))

# Login lockout (django-axes): 5 failures for one email from one address lock it for 15 minutes.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# The login form's field and authenticate()'s keyword are `username` (the email); axes would look for `email`.
AXES_USERNAME_FORM_FIELD = "username"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "kabar/locked_out.html"

# The HR admin's Content-Security-Policy (tenancy.middleware.AdminContentSecurityPolicyMiddleware):
# scripts and styles from Kabar's own static files, or inline ones carrying the request's nonce.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.NONCE],
    "img-src": [CSP.SELF, "data:"],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
}

SESSION_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
if PRODUCTION:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = 31536000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}
