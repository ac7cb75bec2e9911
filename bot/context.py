"""What every handler needs, built once at start and kept in ``application.bot_data["services"]``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bot.config import Settings
    from bot.jobs.analyzer import Analyzer
    from bot.replies.voice import Speaker
    from bot.store.db import Store

SERVICES_KEY = "services"


def utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class Services:
    settings: Settings
    store: Store
    analyzer: Analyzer
    speaker: Speaker | None  # None when voice is off for the whole bot (FORMCOACH_TTS=off)
    clock: Callable[[], datetime] = utcnow  # tests pass a controlled clock


def services(context: Any) -> Services:
    """The Services of a handler's CallbackContext (or of an Application)."""
    data = context.bot_data if hasattr(context, "bot_data") else context.application.bot_data
    return data[SERVICES_KEY]  # type: ignore[no-any-return]
