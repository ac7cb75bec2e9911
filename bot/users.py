"""Who is talking: the user's language, whether they may use the bot, and how often they send clips."""

from __future__ import annotations

import math
import time
from collections import defaultdict, deque
from collections.abc import Callable

from telegram import User

from analysis.i18n import DEFAULT_LOCALE, LOCALES, normalise_locale
from bot.config import Settings
from bot.store import Store


def telegram_locale(user: User | None) -> str:
    """The user's Telegram app language when we speak it, else Korean."""
    code = normalise_locale(user.language_code if user else None)
    return code if code in LOCALES else DEFAULT_LOCALE


async def user_locale(store: Store, user: User) -> str:
    """The language stored for the user (created from their Telegram language on first contact)."""
    settings = await store.ensure_user(user.id, language=telegram_locale(user))
    return settings.language


def is_allowed(settings: Settings, user: User | None) -> bool:
    return user is not None and (settings.allowed_users is None or user.id in settings.allowed_users)


class RateLimiter:
    """At most ``limit`` events per user in any ``window_s`` seconds (a sliding window, in memory)."""

    def __init__(
        self, limit: int = 6, window_s: float = 60.0, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.limit, self.window_s, self._clock = limit, window_s, clock
        self._events: defaultdict[int, deque[float]] = defaultdict(deque)

    def hit(self, user_id: int) -> int | None:
        """Record an event: None when allowed, else the whole seconds to wait (the event is not recorded)."""
        now = self._clock()
        events = self._events[user_id]
        while events and now - events[0] >= self.window_s:
            events.popleft()
        if len(events) >= self.limit:
            return max(1, math.ceil(self.window_s - (now - events[0])))
        events.append(now)
        return None
