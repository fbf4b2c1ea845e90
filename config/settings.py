"""Settings of the archive, read from the environment.

Every value that differs between a laptop and a deployment comes from an
environment variable (listed in the README); the defaults run the embedded
archive: SQLite and a Whoosh index under ``ARCHIVE_DATA_DIR``.
"""

import os
import secrets
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(os.environ.get("ARCHIVE_DATA_DIR", BASE_DIR / "data")).resolve()


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def private_file(path: Path) -> None:
    """Make ``path`` readable by its owner only, before anything writes it.

    The database holds every editor's password hash; SQLite would create it
    with the umask's mode (0644), and its -wal and -shm files take its mode.
    """
    if path.name and not path.exists() and str(path) != ":memory:":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.touch(mode=0o600)


def local_secret_key() -> str:
    """A key generated once per data folder, so no key is ever committed."""
    key_file = DATA_DIR / "secret_key"
    if not key_file.exists():
        DATA_DIR.mkdir(parents=True, exist_ok=True)
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY") or local_secret_key()
ALLOWED_HOSTS = [
    host.strip() for host in os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if host.strip()
]
CSRF_TRUSTED_ORIGINS = [
    origin.strip() for origin in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if origin.strip()
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "csp",
    "axes",
    "haystack",
    "archive",
    "search",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "config.middleware.RefusedWriteMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into its lockout page.
    "axes.middleware.AxesMiddleware",
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
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{DATA_DIR / 'archive.sqlite3'}"),
        conn_max_age=60,
    )
}
# Answers to searches (search.answers), kept in files that every gunicorn worker reads;
# an answer is keyed by the index's version, so a commit of the writer retires it.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "search": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": DATA_DIR / "search_answers",
        "TIMEOUT": 24 * 3600,
        "OPTIONS": {"MAX_ENTRIES": 5000},
    },
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several gunicorn workers and the index writer share one SQLite file: a
    # transaction takes the write lock when it begins, and waits for it, instead
    # of failing with "database is locked" half-way through. In WAL mode readers
    # never wait for a writer, nor a writer for readers (sqlite.org/wal.html).
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        # Seconds a write waits for another to finish before "database is locked"
        # (answered by config.middleware with an Arabic 503).
        "timeout": float(os.environ.get("SQLITE_BUSY_TIMEOUT", "20")),
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    private_file(Path(DATABASES["default"]["NAME"]))
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Arabic is the only interface language: no LocaleMiddleware, so a browser that
# asks for English still gets the Arabic, right-to-left admin.
LANGUAGE_CODE = "ar"
LANGUAGES = [("ar", "العربية")]
USE_I18N = True
TIME_ZONE = os.environ.get("TIME_ZONE", "Africa/Algiers")
# The digits of every number and date shown: "western" (2021) or "arabic-indic" (٢٠٢١); see archive/conf.py.
ARCHIVE_DIGITS = os.environ.get("ARCHIVE_DIGITS", "western")
USE_TZ = True  # stored in UTC, shown in TIME_ZONE

FIXTURE_DIRS = [BASE_DIR / "fixtures"]

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = DATA_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}

# The search index: Whoosh on local disk, read through the Arabic analyzer
# (search/backends.py). Errors are raised, never only logged, so an edit that
# fails to reach the index stays queued and is retried.
HAYSTACK_CONNECTIONS = {
    "default": {
        "ENGINE": "search.backends.ArabicWhooshEngine",
        "PATH": os.environ.get("ARCHIVE_INDEX_PATH", str(DATA_DIR / "whoosh_index")),
        "SILENTLY_FAIL": False,
        # update_index and rebuild_index write this many articles a transaction:
        # each commit leaves segments that later searches read, and starts the
        # analysing processes anew, so fewer and larger is faster.
        "BATCH_SIZE": 5000,
    },
}
# Every search names the models it wants; the default would add a search per query.
HAYSTACK_LIMIT_TO_REGISTERED_MODELS = False
# Saves and deletes are queued in the database and indexed by one writer process.
HAYSTACK_SIGNAL_PROCESSOR = "search.signals.QueuedSignalProcessor"

SESSION_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

# Served over HTTPS (behind a reverse proxy that terminates TLS): HTTPS=true turns on
# every protection `check --deploy` asks for. HSTS tells browsers to come back only
# over HTTPS for a year; HSTS_SECONDS=0 turns it off while a deployment is tried.
HTTPS = env_bool("HTTPS", False)
SECURE_SSL_REDIRECT = HTTPS
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = int(os.environ.get("HSTS_SECONDS", "31536000")) if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HSTS_PRELOAD = HTTPS and env_bool("HSTS_PRELOAD", True)
# A load balancer's health check asks over plain HTTP, from inside.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
# The proxy says in X-Forwarded-Proto which scheme the reader used, so that the
# links the archive writes (API, feed, OpenSearch) say https. Set it only behind a
# proxy that overwrites that header: a reader could otherwise send it.
if env_bool("BEHIND_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Content Security Policy (django-csp): the pages load only the archive's own
# styles, scripts and images; no inline script anywhere, no framing.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# Failed logins (django-axes): five in a row for one user name from one address lock
# that pair out for an hour, with an Arabic page that says so.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
# Behind a proxy, the reader's address is the first of X-Forwarded-For.
AXES_IPWARE_META_PRECEDENCE_ORDER = (
    ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"] if env_bool("BEHIND_PROXY", False) else ["REMOTE_ADDR"]
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}
