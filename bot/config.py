"""Bot settings from the environment, validated once at start-up.

``Settings.from_env(os.environ)`` raises :class:`ConfigError` naming the variable that is missing or wrong.
The bot token, the webhook secret and passwords in the database and broker URLs never appear in messages,
``repr`` or ``str``.

Roles (FORMCOACH_ROLE) of the scale-out deployment (see deploy/README.md): ``all`` (default: one process
does everything; with FORMCOACH_BROKER_URL it hands clips to Celery workers instead of its own pool),
``frontend`` (webhook only; stateless, run several behind a load balancer), ``worker`` (a Celery worker
analysing clips) and ``scheduler`` (reminders, weekly summaries and retention; no updates).
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

TtsMode = Literal["auto", "gtts", "espeak", "off"]
TTS_MODES: tuple[TtsMode, ...] = ("auto", "gtts", "espeak", "off")
Role = Literal["all", "frontend", "worker", "scheduler"]
ROLES: tuple[Role, ...] = ("all", "frontend", "worker", "scheduler")
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
DEFAULT_API_BASE_URL = "https://api.telegram.org/bot"
DEFAULT_FILE_BASE_URL = "https://api.telegram.org/file/bot"
WEBAPP_DEFAULT_PORT = 8080  # the Mini App server's port when FORMCOACH_WEBAPP_URL is set without a port
CLOUD_API_MAX_FILE_MB = 20  # getFile limit of Telegram's cloud Bot API; a local Bot API server allows 2000
_TOKEN = re.compile(r"\d+:[\w-]{20,}", re.ASCII)
_SECRET = re.compile(r"[A-Za-z0-9_-]{1,256}")  # what Telegram accepts as setWebhook secret_token
_SECRET_FIELDS = ("token", "webhook_secret")
_URL_FIELDS = ("database_url", "broker_url")  # shown with their password masked
_PASSWORD = re.compile(r"(?<=://)([^:/@]*):[^@/]*@")


class ConfigError(ValueError):
    """A setting is missing or invalid; the message names the environment variable."""


@dataclass(frozen=True, repr=False)
class Settings:
    token: str
    api_base_url: str = DEFAULT_API_BASE_URL
    file_base_url: str = DEFAULT_FILE_BASE_URL
    data_dir: Path = Path("./data")
    workers: int = 1
    max_queue: int = 20  # jobs queued in total
    user_queue: int = 2  # jobs one user may have waiting
    tts: TtsMode = "auto"
    allowed_users: frozenset[int] | None = None  # None: everybody may use the bot
    webhook_url: str | None = None
    webhook_secret: str | None = None
    webhook_port: int = 8443
    webhook_listen: str = "0.0.0.0"  # the address the webhook server binds
    api_timeout_s: float = 30.0  # waiting for a Bot API answer before retrying the call
    analysis_timeout_s: float = 120.0  # a clip still analysed after this has its worker replaced
    share_idle_clips: bool = False  # a lone clip's pose shared by two idle workers (bot.jobs.analyzer)
    max_file_mb: int = 20
    default_tz: str = "Asia/Seoul"
    retention_days: int = 365  # 0 keeps history forever
    database_url: str | None = None  # postgresql://…; None: the SQLite file db_path
    broker_url: str | None = None  # redis://…: analyses run on Celery workers instead of the local pool
    role: Role = "all"
    task_time_limit_s: int = 300  # a Celery worker process running a clip longer than this is killed
    analysis_threads: int = 1  # cores (and library threads) of each Celery worker process; 0: unlimited
    sweep_s: int = 60  # the scheduler looks for stored jobs never handed to the broker this often
    sweep_grace_s: int = 120  # … that were stored at least this long ago (a front end may still be on it)
    log_level: str = "INFO"
    webapp_url: str | None = None  # the Mini App's public https URL: menu button and "자세히 보기" buttons
    webapp_port: int | None = None  # polling: the Mini App server's port (0: any free one); None: not served
    webapp_max_age_s: int = 86_400  # Mini App sign-ins (initData) older than this are refused

    def __repr__(self) -> str:
        shown = []
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name in _SECRET_FIELDS and value:
                value = mask_token(value) if f.name == "token" else "***"
            elif f.name in _URL_FIELDS and value:
                value = mask_url(value)
            shown.append(f"{f.name}={value!r}")
        return f"Settings({', '.join(shown)})"

    __str__ = __repr__

    @property
    def bot_id(self) -> int:
        return int(self.token.split(":", 1)[0])

    @property
    def webhook_mode(self) -> bool:
        return self.webhook_url is not None

    @property
    def max_file_bytes(self) -> int:
        return self.max_file_mb * 1024 * 1024

    @property
    def db_path(self) -> Path:
        return self.data_dir / "formcoach.sqlite3"

    @property
    def store_target(self) -> str | Path:
        """What ``Store.open`` opens: the PostgreSQL URL when set, else the SQLite file."""
        return self.database_url or self.db_path

    @property
    def uses_broker(self) -> bool:
        """Clips go to Celery workers (FORMCOACH_BROKER_URL) rather than this process's pool."""
        return self.broker_url is not None

    @property
    def runs_scheduler(self) -> bool:
        """This process fires reminders, weekly summaries and the retention purge."""
        return self.role in ("all", "scheduler")

    @property
    def serves_webapp(self) -> bool:
        """This process serves the Mini App: its own server (polling) or the webhook server's routes."""
        enabled = self.webapp_url is not None or self.webapp_port is not None
        return enabled and self.role in ("all", "frontend")

    @property
    def cache_dir(self) -> Path:
        return self.data_dir / "cache"

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        env = _Env(os.environ if environ is None else environ)
        token = env.token()
        api_base_url = env.url("TELEGRAM_API_BASE_URL", DEFAULT_API_BASE_URL)
        max_queue = env.integer("FORMCOACH_MAX_QUEUE", 20, 1, 10_000)
        webhook_url = env.optional("FORMCOACH_WEBHOOK_URL")
        self_hosted = api_base_url != DEFAULT_API_BASE_URL
        max_file_limit = 2000 if self_hosted else CLOUD_API_MAX_FILE_MB
        role = env.role()
        database_url, broker_url = env.database_url(), env.broker_url()
        _check_role(role, database_url, broker_url, webhook_url)
        webapp_url = env.webapp_url()
        webapp_port = None
        if webapp_url is not None or env.optional("FORMCOACH_WEBAPP_PORT") is not None:
            webapp_port = env.integer("FORMCOACH_WEBAPP_PORT", WEBAPP_DEFAULT_PORT, 1, 65535)
            _check_webapp_beside_webhook(webhook_url)
        return cls(
            token=token,
            api_base_url=api_base_url,
            file_base_url=env.url("TELEGRAM_FILE_BASE_URL", DEFAULT_FILE_BASE_URL),
            data_dir=Path(env.optional("FORMCOACH_DATA_DIR") or "./data"),
            workers=env.integer("FORMCOACH_WORKERS", 1, 1, 16),
            max_queue=max_queue,
            user_queue=env.integer("FORMCOACH_USER_QUEUE", 2, 1, max_queue),
            tts=env.choice("FORMCOACH_TTS", "auto", TTS_MODES),
            allowed_users=env.user_ids("FORMCOACH_ALLOWED_USERS"),
            webhook_url=env.webhook_url(webhook_url, self_hosted),
            webhook_secret=env.webhook_secret(webhook_url),
            webhook_port=env.integer("FORMCOACH_WEBHOOK_PORT", 8443, 1, 65535),
            webhook_listen=env.optional("FORMCOACH_WEBHOOK_LISTEN") or "0.0.0.0",
            api_timeout_s=float(env.integer("FORMCOACH_API_TIMEOUT_S", 30, 1, 600)),
            analysis_timeout_s=float(env.integer("FORMCOACH_ANALYSIS_TIMEOUT_S", 120, 5, 3600)),
            share_idle_clips=env.integer("FORMCOACH_SHARE_IDLE_CLIPS", 0, 0, 1) == 1,
            max_file_mb=env.integer("FORMCOACH_MAX_FILE_MB", 20, 1, max_file_limit),
            default_tz=env.timezone("FORMCOACH_DEFAULT_TZ", "Asia/Seoul"),
            retention_days=env.integer("FORMCOACH_RETENTION_DAYS", 365, 0, 36_500),
            database_url=database_url,
            broker_url=broker_url,
            role=role,
            task_time_limit_s=env.integer("FORMCOACH_TASK_TIME_LIMIT_S", 300, 30, 3600),
            analysis_threads=env.integer("FORMCOACH_ANALYSIS_THREADS", 1, 0, 64),
            sweep_s=env.integer("FORMCOACH_SWEEP_S", 60, 1, 3600),
            sweep_grace_s=env.integer("FORMCOACH_SWEEP_GRACE_S", 120, 1, 86_400),
            log_level=env.log_level(),
            webapp_url=webapp_url,
            webapp_port=webapp_port,
            webapp_max_age_s=env.integer("FORMCOACH_WEBAPP_MAX_AGE_S", 86_400, 60, 30 * 86_400),
        )


def _check_role(
    role: Role, database_url: str | None, broker_url: str | None, webhook_url: str | None
) -> None:
    """The combinations that work: processes that share work share a PostgreSQL database and a broker."""
    if broker_url is not None and database_url is None:
        raise ConfigError(
            "FORMCOACH_BROKER_URL needs FORMCOACH_DATABASE_URL: front ends and workers must share one"
            " PostgreSQL database"
        )
    if role in ("frontend", "worker") and broker_url is None:
        raise ConfigError(f"FORMCOACH_ROLE={role} needs FORMCOACH_BROKER_URL (redis://…) to pass clips on")
    if role == "scheduler" and database_url is None:
        raise ConfigError("FORMCOACH_ROLE=scheduler needs FORMCOACH_DATABASE_URL (the shared PostgreSQL)")
    if role == "frontend" and webhook_url is None:
        raise ConfigError(
            "FORMCOACH_ROLE=frontend needs FORMCOACH_WEBHOOK_URL: replicas behind a load balancer receive"
            " updates by webhook (only one process may long-poll)"
        )


def _check_webapp_beside_webhook(webhook_url: str | None) -> None:
    """In webhook mode the Mini App shares the webhook server: the webhook needs a path of its own."""
    if webhook_url is None:
        return
    path = urlsplit(webhook_url).path
    if path in ("", "/") or path.startswith(("/api/", "/static/")):
        raise ConfigError(
            "FORMCOACH_WEBHOOK_URL needs a path of its own (e.g. https://example.org/hook) when the Mini App"
            " is served: the webhook server also serves the Mini App at /, /static/ and /api/"
        )


def mask_url(url: str) -> str:
    """``postgresql://user:secret@host/db`` → ``postgresql://user:***@host/db``."""
    return _PASSWORD.sub(lambda m: f"{m.group(1)}:***@", url)


def mask_token(token: str) -> str:
    """``123456:AAE…`` → ``123456:***`` (the bot id is public; the secret part is not)."""
    bot_id, _, secret = token.partition(":")
    return f"{bot_id}:***" if secret else "***"


class RedactTokenFilter(logging.Filter):
    """Masks the bot token in log records: httpx logs request URLs (``…/bot<token>/getUpdates``) and
    python-telegram-bot puts the token in InvalidToken's message. Attach it to handlers, not loggers
    (a logger's filters do not see records propagated from child loggers): see ``install_log_redaction``.
    """

    def __init__(self, token: str) -> None:
        super().__init__()
        self._token = token
        self._mask = mask_token(token)

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if self._token in message:
            record.msg, record.args = message.replace(self._token, self._mask), None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text and self._token in record.exc_text:
            record.exc_text = record.exc_text.replace(self._token, self._mask)
        return True


def install_log_redaction(token: str, logger: logging.Logger | None = None) -> RedactTokenFilter:
    """Add a RedactTokenFilter to every handler of ``logger`` (default: the root logger)."""
    redactor = RedactTokenFilter(token)
    for handler in (logger or logging.getLogger()).handlers:
        handler.addFilter(redactor)
    return redactor


class _Env:
    """Typed readers over the environment; errors name the variable (secret values are never shown)."""

    def __init__(self, environ: Mapping[str, str]) -> None:
        self._environ = environ

    def optional(self, name: str) -> str | None:
        value = self._environ.get(name, "").strip()
        return value or None

    def token(self) -> str:
        token = self.optional("TELEGRAM_BOT_TOKEN")
        if token is None:
            raise ConfigError("TELEGRAM_BOT_TOKEN is not set (get one from @BotFather)")
        if not _TOKEN.fullmatch(token):
            raise ConfigError("TELEGRAM_BOT_TOKEN is malformed: expected '<digits>:<20+ of A-Z a-z 0-9 _ ->'")
        return token

    def url(self, name: str, default: str) -> str:
        value = self.optional(name) or default
        if not re.fullmatch(r"https?://[^\s]+", value):
            raise ConfigError(f"{name} must be an http(s) URL")  # not echoed: it may embed the token
        return value

    def integer(self, name: str, default: int, low: int, high: int) -> int:
        raw = self.optional(name)
        if raw is None:
            return default
        try:
            value = int(raw)
        except ValueError:
            raise ConfigError(f"{name} must be an integer, got {raw!r}") from None
        if not low <= value <= high:
            raise ConfigError(f"{name} must be between {low} and {high}, got {value}")
        return value

    def choice(self, name: str, default: TtsMode, allowed: tuple[TtsMode, ...]) -> TtsMode:
        raw = (self.optional(name) or default).lower()
        for option in allowed:
            if raw == option:
                return option
        raise ConfigError(f"{name} must be one of {', '.join(allowed)}, got {raw!r}")

    def user_ids(self, name: str) -> frozenset[int] | None:
        raw = self.optional(name)
        if raw is None:
            return None
        parts = [p.strip() for p in raw.split(",") if p.strip()]
        if not parts or not all(p.isdigit() for p in parts):
            raise ConfigError(f"{name} must be a comma-separated list of numeric Telegram user ids")
        return frozenset(int(p) for p in parts)

    def timezone(self, name: str, default: str) -> str:
        value = self.optional(name) or default
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ConfigError(f"{name} is not a known IANA time zone: {value!r}") from None
        return value

    def webhook_url(self, url: str | None, self_hosted: bool) -> str | None:
        if url is None or re.fullmatch(r"https://[^\s]+", url):
            return url
        if self_hosted and re.fullmatch(r"http://[^\s]+", url):
            return url  # a self-hosted Bot API server (--local) also delivers to plain http
        raise ConfigError("FORMCOACH_WEBHOOK_URL must be an https:// URL (Telegram refuses others)")

    def role(self) -> Role:
        raw = (self.optional("FORMCOACH_ROLE") or "all").lower()
        for option in ROLES:
            if raw == option:
                return option
        raise ConfigError(f"FORMCOACH_ROLE must be one of {', '.join(ROLES)}, got {raw!r}")

    def log_level(self) -> str:
        raw = (self.optional("FORMCOACH_LOG_LEVEL") or "INFO").upper()
        if raw not in LOG_LEVELS:
            raise ConfigError(f"FORMCOACH_LOG_LEVEL must be one of {', '.join(LOG_LEVELS)}, got {raw!r}")
        return raw

    def database_url(self) -> str | None:
        url = self.optional("FORMCOACH_DATABASE_URL")
        if url is not None and not re.fullmatch(r"postgres(ql)?://[^\s]+", url):
            raise ConfigError(  # not echoed: it may hold a password
                "FORMCOACH_DATABASE_URL must be a postgresql:// URL (unset: the SQLite file in the data dir)"
            )
        return url

    def broker_url(self) -> str | None:
        url = self.optional("FORMCOACH_BROKER_URL")
        if url is not None and not re.fullmatch(r"rediss?://[^\s]+", url):
            raise ConfigError("FORMCOACH_BROKER_URL must be a redis:// or rediss:// URL")
        return url

    def webapp_url(self) -> str | None:
        url = self.optional("FORMCOACH_WEBAPP_URL")
        if url is not None and not re.fullmatch(r"https://[^\s#]+", url):
            raise ConfigError(
                "FORMCOACH_WEBAPP_URL must be an https:// URL without a #fragment (Telegram opens Mini Apps"
                " over HTTPS only)"
            )
        return url

    def webhook_secret(self, url: str | None) -> str | None:
        secret = self.optional("FORMCOACH_WEBHOOK_SECRET")
        if url is not None and secret is None:
            raise ConfigError("FORMCOACH_WEBHOOK_SECRET is required when FORMCOACH_WEBHOOK_URL is set")
        if secret is not None and not _SECRET.fullmatch(secret):
            raise ConfigError("FORMCOACH_WEBHOOK_SECRET must be 1-256 characters of A-Z, a-z, 0-9, _ and -")
        return secret
