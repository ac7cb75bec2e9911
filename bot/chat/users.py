"""Who is talking: the user's language, whether they may use the bot, and how often they send clips."""

from __future__ import annotations

import math
import time
from collections import defaultdict, deque
from collections.abc import Callable

from telegram import User

from analysis.report.i18n import DEFAULT_LOCALE, LOCALES, normalise_locale
from bot.config import Settings
from bot.store.db import Store


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


CLIP_LIMIT, CLIP_WINDOW_S = 6, 60.0  # clips one user may send in any minute


class RateLimiter:
    """At most ``limit`` events per user in any ``window_s`` seconds (a sliding window, in memory: the
    embedded bot, one process). An event with the ``ref`` of one already counted in the window (the same
    Telegram message delivered again after its processing failed) is allowed without counting twice."""

    def __init__(
        self,
        limit: int = CLIP_LIMIT,
        window_s: float = CLIP_WINDOW_S,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.limit, self.window_s, self._clock = limit, window_s, clock
        self._events: defaultdict[int, deque[tuple[float, str | None]]] = defaultdict(deque)

    def hit(self, user_id: int, ref: str | None = None) -> int | None:
        """Record an event: None when allowed, else the whole seconds to wait (the event is not recorded)."""
        now = self._clock()
        events = self._events[user_id]
        while events and now - events[0][0] >= self.window_s:
            events.popleft()
        if ref is not None and any(seen == ref for _, seen in events):
            return None
        if len(events) >= self.limit:
            return max(1, math.ceil(self.window_s - (now - events[0][0])))
        events.append((now, ref))
        return None

    async def acquire(self, user_id: int, ref: str | None = None) -> int | None:
        """``hit`` behind the interface the handlers use (shared with SharedRateLimiter)."""
        return self.hit(user_id, ref)


class SharedRateLimiter:
    """The same sliding window counted in the database (``Store.hit_rate_limit``): every process sharing
    it (front ends behind a balancer) enforces one limit per user."""

    def __init__(
        self, store: Store, action: str = "clip", limit: int = CLIP_LIMIT, window_s: float = CLIP_WINDOW_S
    ) -> None:
        self.store, self.action, self.limit, self.window_s = store, action, limit, window_s

    async def acquire(self, user_id: int, ref: str | None = None) -> int | None:
        """Record an event: None when allowed, else the whole seconds to wait (the event is not recorded)."""
        return await self.store.hit_rate_limit(user_id, self.action, self.limit, self.window_s, ref)
