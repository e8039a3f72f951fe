"""Settings of imtsocial, read from the environment (see .env.example).

Two switches, independent:

- ``IMTSOCIAL_EMBEDDED=1`` (the demo of ./scripts/run): SQLite in var/, Celery tasks run
  in-process, e-mails on the console, plain HTTP on the loopback. Without it (production)
  DATABASE_URL and REDIS_URL are required: the start stops here, instead of silently
  running on a local SQLite file with tasks in the web process.
- ``DJANGO_DEBUG=1``: the developer's tooling (Django's technical error pages, static files
  from the app folders). It implies the embedded mode unless IMTSOCIAL_EMBEDDED=0. The
  demo runs without it, so that people see the intranet's own 403/404/500 pages.
"""

from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from kombu import Queue

from imtsocial.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
# An empty value means the default, not the current folder.
VAR_DIR = Path(env_str("IMTSOCIAL_VAR_DIR").strip() or BASE_DIR / "var")

DEBUG = env_bool("DJANGO_DEBUG", False)
EMBEDDED = env_bool("IMTSOCIAL_EMBEDDED", DEBUG)
SECRET_KEY = env_str("DJANGO_SECRET_KEY")
if not SECRET_KEY:
    if not EMBEDDED:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY is required outside the embedded mode.")
    SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production"  # noqa: S105
# Values that must never reach production (the placeholder of .env.example among them):
# ``check --deploy`` refuses them (imtsocial/checks.py).
PLACEHOLDER_SECRET_KEYS = (
    "change-me-to-a-long-random-string",
    "dev-only-insecure-key-do-not-use-in-production",
)

if not EMBEDDED:
    _missing = [name for name in ("DATABASE_URL", "REDIS_URL") if not env_str(name).strip()]
    if _missing:
        raise ImproperlyConfigured(
            f"{' and '.join(_missing)} required outside the embedded mode: production runs on "
            "PostgreSQL (DATABASE_URL=postgres://…) with a Redis broker for the Celery worker "
            "(REDIS_URL=redis://…). For the embedded demo mode, set IMTSOCIAL_EMBEDDED=1."
        )

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["localhost", "127.0.0.1"] if EMBEDDED else [])
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    "csp",
    "dsfr",
    "simple_history",
    "import_export",
    "imtsocial",
    "imtsocial.accounts",
    "imtsocial.audit",
    "imtsocial.refdata",
    "imtsocial.imports",
    "imtsocial.gdpr",
    "hr",
    "hr.evaluations",
    "hr.training",
    "hr.dialogue",
    "hr.coaching",
    "hr.skills",
    "hr.onboarding",
    "telework",
    "safety",
    "safety.network",
    "safety.qualifications",
    "safety.inspections",
    "safety.exposure",
    "safety.asbestos",
    "safety.registers",
    "safety.trainings",
    "social_action",
    "imtsocial.reports",
    "imtsocial.outbox",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "imtsocial.audit.context.AuditRequestMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "imtsocial.middleware.LanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "imtsocial.middleware.MFARequiredMiddleware",
    "imtsocial.middleware.IdleReauthenticationMiddleware",
    "imtsocial.outbox.middleware.OutboxNoticeMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "imtsocial.middleware.PermissionsPolicyMiddleware",
    "imtsocial.middleware.ParameterCacheMiddleware",
    "csp.middleware.CSPMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "imtsocial.urls"
WSGI_APPLICATION = "imtsocial.wsgi.application"

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
                "imtsocial.context_processors.navigation",
            ],
            "string_if_invalid": env_str("DJANGO_TEMPLATE_STRING_IF_INVALID", ""),
        },
    },
]
FORM_RENDERER = "imtsocial.forms.DsfrFormRenderer"

# Database -------------------------------------------------------------------
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL").strip() or f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"].endswith("postgresql"):
    # ``iterator()`` (every ModelChoiceField's options) without a server-side cursor: one
    # round trip instead of DECLARE/FETCH/CLOSE, and required behind PgBouncer in
    # transaction mode (docs/scaling.md).
    DATABASES["default"]["DISABLE_SERVER_SIDE_CURSORS"] = True
    # The planner's cost of a random page read: 1.1 for SSD storage. PostgreSQL's default
    # (4, for spinning disks) made it hash all 10 000 employees to join the 143 rows of
    # the prevention network (2.2 ms instead of 0.4). Behind PgBouncer, which refuses
    # startup options, set it on the database (``ALTER DATABASE … SET``) and leave this
    # empty.
    _page_cost = env_str("DATABASE_RANDOM_PAGE_COST", "1.1").strip()
    if _page_cost:
        try:
            float(_page_cost)
        except ValueError as exc:
            raise ImproperlyConfigured(
                f"DATABASE_RANDOM_PAGE_COST={_page_cost!r} is not a number."
            ) from exc
        DATABASES["default"].setdefault("OPTIONS", {})["options"] = (
            f"-c random_page_cost={_page_cost}"
        )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache, Celery --------------------------------------------------------------
REDIS_URL = env_str("REDIS_URL").strip()
if REDIS_URL:
    CACHES = {
        "default": {
            # Pages keep answering when Redis is down (imtsocial/cache.py).
            "BACKEND": "imtsocial.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "imtsocial"),
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 2},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = REDIS_URL or None
# Without a broker (embedded dev default) tasks run in-process. Tests that claim a
# task works run it through a real worker instead (tests/conftest.py).
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = 30 * 60
CELERY_TASK_SOFT_TIME_LIMIT = 25 * 60
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 60 * 60}
CELERY_RESULT_EXPIRES = 7 * 24 * 3600
CELERY_TIMEZONE = "Europe/Paris"
# Queues per kind of task: a worker consumes them all unless WORKER_QUEUES names some
# (scripts/serve worker), so that PDF renders and imports can run on hosts of their own
# without delaying e-mails (docs/scaling.md).
CELERY_TASK_DEFAULT_QUEUE = "celery"
CELERY_TASK_QUEUES = [Queue("celery"), Queue("documents"), Queue("imports")]
CELERY_TASK_ROUTES = {
    "imtsocial.reports.tasks.build_edition": {"queue": "documents"},
    "safety.tasks.render_edition_pdf": {"queue": "documents"},
    "hr.evaluations.tasks.render_interview_pdf": {"queue": "documents"},
    "imtsocial.imports.tasks.analyse_import": {"queue": "imports"},
    "imtsocial.imports.tasks.run_import": {"queue": "imports"},
}
# Social action: largest supporting document accepted (PDF, JPEG, PNG).
SOCIAL_ACTION_MAX_UPLOAD_BYTES = env_int("SOCIAL_ACTION_MAX_UPLOAD_BYTES", 5 * 1024 * 1024)
MINUTES_MAX_UPLOAD_BYTES = env_int("MINUTES_MAX_UPLOAD_BYTES", 10 * 1024 * 1024)
# Prevention: largest letter, certificate or report (PDF) of the registers.
PREVENTION_MAX_UPLOAD_BYTES = env_int("PREVENTION_MAX_UPLOAD_BYTES", 10 * 1024 * 1024)
# The outbox relay resends what waited for the broker (imtsocial/outbox/).
OUTBOX_RELAY_AFTER_SECONDS = env_int("OUTBOX_RELAY_AFTER_SECONDS", 60)
CELERY_BEAT_SCHEDULE = {
    "outbox-relay": {
        "task": "imtsocial.outbox.tasks.relay_outbox",
        "schedule": 60,
    },
    # Logins of people whose departure date has passed are disabled (sessions ended).
    "accounts-close-departed": {
        "task": "imtsocial.accounts.tasks.close_departed_accounts",
        "schedule": crontab(minute=30, hour=0),
    },
    # RULES.md §6: retention periods (dry-run report for the DPO, then applied).
    "gdpr-apply-retention": {
        "task": "imtsocial.gdpr.tasks.apply_retention",
        "schedule": crontab(minute=0, hour=2),
    },
    "audit-purge-expired": {
        "task": "imtsocial.audit.tasks.purge_expired_audit_events",
        "schedule": 24 * 3600,
    },
    "telework-remind-overdue-loans": {
        "task": "telework.tasks.remind_overdue_loans",
        "schedule": 7 * 24 * 3600,
    },
    "safety-remind-late-actions": {
        "task": "safety.tasks.remind_late_actions",
        "schedule": 24 * 3600,
    },
    "imports-sweep": {
        "task": "imtsocial.imports.tasks.sweep_import_jobs",
        "schedule": 10 * 60,
    },
    "evaluations-remind-evaluators": {
        "task": "hr.evaluations.tasks.remind_evaluators",
        "schedule": 7 * 24 * 3600,
    },
    "inspections-remind-due": {
        "task": "safety.inspections.tasks.remind_due_inspections",
        "schedule": 24 * 3600,
    },
    "qualifications-remind-expiring": {
        "task": "safety.qualifications.tasks.remind_expiring_qualifications",
        "schedule": 24 * 3600,
    },
    "social-action-appointment-reminders": {
        "task": "social_action.tasks.send_appointment_reminders",
        "schedule": 3600,
    },
    # The DD&RS report: last year's chapter asked for on 15 January (e-mail when ready).
    "reports-yearly-chapter": {
        "task": "imtsocial.reports.tasks.request_last_year_edition",
        "schedule": crontab(minute=0, hour=6, day_of_month=15, month_of_year=1),
    },
    "reports-sweep-editions": {
        "task": "imtsocial.reports.tasks.sweep_editions",
        "schedule": 10 * 60,
    },
}
# An edition of the report still waiting or running after this long lost its worker for
# good (the build's hard limit is CELERY_TASK_TIME_LIMIT): it is shown « échec ».
REPORTS_EDITION_STALE_AFTER_SECONDS = env_int(
    "REPORTS_EDITION_STALE_AFTER_SECONDS", CELERY_TASK_TIME_LIMIT + 5 * 60
)
# Tests only: each step of a chapter build lasts this long (to kill a worker mid-build).
REPORTS_STEP_DELAY_SECONDS = float(env_str("REPORTS_STEP_DELAY_SECONDS", "0") or 0)

# Auth -----------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
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
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "account_login"

ACCOUNT_ADAPTER = "imtsocial.accounts.adapter.AccountAdapter"
ACCOUNT_FORMS = {"login": "imtsocial.accounts.forms.LoginForm"}
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_PASSWORD_RESET_BY_CODE_ENABLED = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[imtsocial] "
ACCOUNT_RATE_LIMITS = {
    "login_failed": "10/m/ip,5/5m/key",
    "reset_password": "20/m/ip,5/m/key",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "imtsocial"
MFA_ADAPTER = "imtsocial.accounts.adapter.MFAAdapter"
# A second factor (TOTP, with recovery codes) is mandatory for the roles that read other
# people's files (imtsocial.accounts.mfa.MFA_ROLES) and for superusers: once signed in,
# they are taken to its setup until it is done. Off in the embedded demo, so that its
# shared demo logins stay usable with the password alone.
IMTSOCIAL_MFA_REQUIRED = env_bool("IMTSOCIAL_MFA_REQUIRED", not EMBEDDED)
# An aid file (social action) asks for the password again when the session was idle for
# longer than this (imtsocial.middleware.IdleReauthenticationMiddleware).
IDLE_REAUTH_SECONDS = env_int("IDLE_REAUTH_SECONDS", 15 * 60)
IDLE_REAUTH_VIEWS = ["social_action:request_detail"]

# Single sign-on by OpenID Connect (imtsocial.accounts.sso), configured only here, from the
# environment: nothing set, no provider and no button on the sign-in page. It signs in
# existing logins only (matched by their verified e-mail), never creates one; the second
# factor is still asked for. The provider class adds the nonce and the signed userinfo
# (``application/jwt``) that the State's agent SSO (ProConnect) requires.
SOCIALACCOUNT_ADAPTER = "imtsocial.accounts.sso.SocialAccountAdapter"
SOCIALACCOUNT_STORE_TOKENS = False
SOCIALACCOUNT_EMAIL_AUTHENTICATION = False
OIDC_SERVER_URL = env_str("OIDC_SERVER_URL").strip()
_oidc_apps = []
if OIDC_SERVER_URL:
    _oidc_client_id = env_str("OIDC_CLIENT_ID").strip()
    if not _oidc_client_id:
        raise ImproperlyConfigured("OIDC_CLIENT_ID is required when OIDC_SERVER_URL is set.")
    _oidc_apps.append(
        {
            "provider_id": env_str("OIDC_PROVIDER_ID", "sso").strip() or "sso",
            "name": env_str("OIDC_NAME", "").strip() or "SSO",
            "client_id": _oidc_client_id,
            "secret": env_str("OIDC_CLIENT_SECRET"),
            "settings": {
                "server_url": OIDC_SERVER_URL,
                "scope": env_str("OIDC_SCOPE", "openid email profile").split(),
                # Providers that verify every address and send no ``email_verified``.
                "email_always_verified": env_bool("OIDC_EMAIL_ALWAYS_VERIFIED", False),
                "oauth_pkce_enabled": env_bool("OIDC_PKCE", True),
            },
        }
    )
SOCIALACCOUNT_PROVIDERS = {
    "openid_connect": {
        "provider_class": "imtsocial.accounts.oidc.provider.OIDCProvider",
        "APPS": _oidc_apps,
    }
}
# The Django admin (superusers only, behind MFA) is not at the well-known « admin/ ».
DJANGO_ADMIN_PATH = env_str("DJANGO_ADMIN_PATH", "gestion-technique/").strip("/") + "/"

SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 8 * 3600)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

# I18n -----------------------------------------------------------------------
LANGUAGE_CODE = "fr"
# Each language named in itself, as language pickers should.
LANGUAGES = [("fr", "Français"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = True

# Static and media -----------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(VAR_DIR / "static")))
STATICFILES_DIRS = [BASE_DIR / "static"]
# Private files (aid documents, PDFs): never served by a public URL; views check
# the reader and stream them.
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
MEDIA_URL = "/media-non-servi/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if EMBEDDED or env_bool("STATIC_USE_FINDERS", False)
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = EMBEDDED or env_bool("STATIC_USE_FINDERS", False)
WHITENOISE_AUTOREFRESH = WHITENOISE_USE_FINDERS
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# Email ----------------------------------------------------------------------
EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if EMBEDDED
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = 20
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "imtsocial <no-reply@imtsocial.fr>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
ADMINS = [("Admin", a) for a in env_list("DJANGO_ADMINS")]

# Security -------------------------------------------------------------------
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Browser features the intranet never uses, denied to every page (and to any frame).
PERMISSIONS_POLICY = (
    "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), "
    "gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), usb=()"
)
CSRF_COOKIE_HTTPONLY = True
if not EMBEDDED:
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", True)
    CSRF_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", True)
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

# No inline script or style: every script and stylesheet is a static file.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        # data: for the SVG icons of the DSFR and the TOTP QR code of allauth.mfa.
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# Public pages (accessibility statement, legal notice, personal data): who publishes,
# who hosts, whom to write to. Names and addresses only; the texts are in the templates.
LEGAL_PUBLISHER = env_str("LEGAL_PUBLISHER", "IMT – école d'ingénieurs, établissement public")
LEGAL_PUBLISHER_ADDRESS = env_str("LEGAL_PUBLISHER_ADDRESS", "")
LEGAL_HOST = env_str("LEGAL_HOST", "IMT – direction du système d'information")
CONTACT_EMAIL = env_str("CONTACT_EMAIL", "rh@imtsocial.fr")
DPO_EMAIL = env_str("DPO_EMAIL", "dpo@imtsocial.fr")
ACCESSIBILITY_EMAIL = env_str("ACCESSIBILITY_EMAIL", "accessibilite@imtsocial.fr")
# Date of the last accessibility self-assessment (the browser journeys with axe).
ACCESSIBILITY_AUDIT_DATE = env_str("ACCESSIBILITY_AUDIT_DATE", "2026-12-02")

# Application ----------------------------------------------------------------
AUDIT_RETENTION_DAYS = env_int("AUDIT_RETENTION_DAYS", 3 * 365 + 1)
# The daily retention task (imtsocial.gdpr) only reports, changes nothing, when set.
GDPR_RETENTION_DRY_RUN = env_bool("GDPR_RETENTION_DRY_RUN", False)
# The reverse proxy's addresses: behind it, the audit journal takes the client address
# from the X-Forwarded-For hop it appended (imtsocial.audit.context), not REMOTE_ADDR.
AUDIT_TRUSTED_PROXIES = env_list("AUDIT_TRUSTED_PROXIES", [])
# Who takes the final decision on telework requests, after the manager: "hr" or "director".
TELEWORK_FINAL_DECIDER = env_str("TELEWORK_FINAL_DECIDER", "hr")
if TELEWORK_FINAL_DECIDER not in {"hr", "director"}:
    raise ImproperlyConfigured("TELEWORK_FINAL_DECIDER must be 'hr' or 'director'.")
PAGE_SIZE = 50
# Aggregates: groups of fewer people than this are shown « < N » (imtsocial.privacy).
SMALL_GROUP_THRESHOLD = env_int("SMALL_GROUP_THRESHOLD", 5)
SENSITIVE_REAUTH_SECONDS = env_int("SENSITIVE_REAUTH_SECONDS", 15 * 60)
# Salary entry, bulk exports, 2FA changes ask for the password again after this delay.
ACCOUNT_REAUTHENTICATION_TIMEOUT = SENSITIVE_REAUTH_SECONDS
# Imports (imtsocial/imports): limits for every importer, and the sweeper's delays.
IMPORT_MAX_BYTES = env_int("IMPORT_MAX_BYTES", 10 * 1024 * 1024)
IMPORT_MAX_ROWS = env_int("IMPORT_MAX_ROWS", 50_000)
IMPORT_MAX_UNCOMPRESSED_BYTES = env_int("IMPORT_MAX_UNCOMPRESSED_BYTES", 100 * 1024 * 1024)
IMPORT_FILE_RETENTION_DAYS = env_int("IMPORT_FILE_RETENTION_DAYS", 30)
# A workbook is a zip: refused before parsing when its parts, unzipped, exceed
# IMPORT_MAX_UNCOMPRESSED_BYTES, inflate more than IMPORT_MAX_COMPRESSION_RATIO times, or
# are more than IMPORT_MAX_ZIP_MEMBERS; every file: at most IMPORT_MAX_COLUMNS columns and
# IMPORT_MAX_CELL_CHARS characters per cell.
IMPORT_MAX_COMPRESSION_RATIO = env_int("IMPORT_MAX_COMPRESSION_RATIO", 100)
IMPORT_MAX_ZIP_MEMBERS = env_int("IMPORT_MAX_ZIP_MEMBERS", 500)
IMPORT_MAX_COLUMNS = env_int("IMPORT_MAX_COLUMNS", 60)
IMPORT_MAX_CELL_CHARS = env_int("IMPORT_MAX_CELL_CHARS", 1000)
# The analysis (and the import) of a file stops after this many seconds: the job is failed
# with a French message (Celery soft time limit; the hard limit follows a minute later).
IMPORT_TASK_TIME_LIMIT = env_int("IMPORT_TASK_TIME_LIMIT", 10 * 60)
# Plausible dates, the one place of their real-world bounds (imtsocial.formats.date_bounds):
# per kind of date, the earliest accepted and how many years after today the latest is.
DATE_BOUNDS = {
    "birth": {"earliest": "1900-01-01", "years_ahead": 0},  # a birth date
    "done": {"earliest": "1950-01-01", "years_ahead": 0},  # something done (not yet: no)
    "due": {"earliest": "1950-01-01", "years_ahead": 5},  # a return date, a due date
    "event": {"earliest": "1900-01-01", "years_ahead": 50},  # any other date of a file
}
# Identifiers typed or imported (imtsocial.formats.check_identifier).
IDENTIFIER_PATTERNS = {
    "employee_number": r"[A-Za-z]{0,4}[0-9]{1,12}",  # « S0001 », « E00041 », « 123456 »
    "asset_tag": r"[A-Za-z]{1,8}-?[0-9]{1,10}",  # « PC-9001 », « PORT-0042 »
}
# A job analysing or importing for longer than the tasks' hard limit has lost its worker.
IMPORT_STALE_AFTER_SECONDS = CELERY_TASK_TIME_LIMIT + 5 * 60

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"require_debug_false": {"()": "django.utils.log.RequireDebugFalse"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        "mail_admins": {
            "class": "django.utils.log.AdminEmailHandler",
            "level": "ERROR",
            "filters": ["require_debug_false"],
        },
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        # Django's own default adds a console handler in debug: the lines reach the root
        # handler only, so that they are printed once.
        "django": {"handlers": ["mail_admins"], "level": env_str("LOG_LEVEL", "INFO")},
        "django.db.backends": {"level": "INFO"},
        # WeasyPrint reports each rendering step at INFO: keep only its warnings.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
