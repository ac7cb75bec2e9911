"""Bot settings from the environment, validated once at start-up.

``Settings.from_env(os.environ)`` raises :class:`ConfigError` naming the variable that is missing or wrong.
The bot token and the webhook secret never appear in messages, ``repr`` or ``str``.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

TtsMode = Literal["auto", "gtts", "espeak", "off"]
TTS_MODES: tuple[TtsMode, ...] = ("auto", "gtts", "espeak", "off")
DEFAULT_API_BASE_URL = "https://api.telegram.org/bot"
DEFAULT_FILE_BASE_URL = "https://api.telegram.org/file/bot"
CLOUD_API_MAX_FILE_MB = 20  # getFile limit of Telegram's cloud Bot API; a local Bot API server allows 2000
_TOKEN = re.compile(r"\d+:[\w-]{20,}", re.ASCII)
_SECRET = re.compile(r"[A-Za-z0-9_-]{1,256}")  # what Telegram accepts as setWebhook secret_token
_SECRET_FIELDS = ("token", "webhook_secret")


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
    max_file_mb: int = 20
    default_tz: str = "Asia/Seoul"
    retention_days: int = 365  # 0 keeps history forever

    def __repr__(self) -> str:
        shown = []
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name in _SECRET_FIELDS and value:
                value = mask_token(value) if f.name == "token" else "***"
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
    def cache_dir(self) -> Path:
        return self.data_dir / "cache"

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        env = _Env(os.environ if environ is None else environ)
        token = env.token()
        api_base_url = env.url("TELEGRAM_API_BASE_URL", DEFAULT_API_BASE_URL)
        max_queue = env.integer("FORMCOACH_MAX_QUEUE", 20, 1, 10_000)
        webhook_url = env.optional("FORMCOACH_WEBHOOK_URL")
        max_file_limit = CLOUD_API_MAX_FILE_MB if api_base_url == DEFAULT_API_BASE_URL else 2000
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
            webhook_url=env.webhook_url(webhook_url),
            webhook_secret=env.webhook_secret(webhook_url),
            webhook_port=env.integer("FORMCOACH_WEBHOOK_PORT", 8443, 1, 65535),
            max_file_mb=env.integer("FORMCOACH_MAX_FILE_MB", 20, 1, max_file_limit),
            default_tz=env.timezone("FORMCOACH_DEFAULT_TZ", "Asia/Seoul"),
            retention_days=env.integer("FORMCOACH_RETENTION_DAYS", 365, 0, 36_500),
        )


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

    def webhook_url(self, url: str | None) -> str | None:
        if url is not None and not re.fullmatch(r"https://[^\s]+", url):
            raise ConfigError("FORMCOACH_WEBHOOK_URL must be an https:// URL (Telegram refuses others)")
        return url

    def webhook_secret(self, url: str | None) -> str | None:
        secret = self.optional("FORMCOACH_WEBHOOK_SECRET")
        if url is not None and secret is None:
            raise ConfigError("FORMCOACH_WEBHOOK_SECRET is required when FORMCOACH_WEBHOOK_URL is set")
        if secret is not None and not _SECRET.fullmatch(secret):
            raise ConfigError("FORMCOACH_WEBHOOK_SECRET must be 1-256 characters of A-Z, a-z, 0-9, _ and -")
        return secret
