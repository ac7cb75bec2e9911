"""Every Bot API call within Telegram's flood limits: ``FloodLimiter``, which ``bot.app.api_builder`` installs
in every Application (the bot, the scheduler, the Celery workers' client), so commands, buttons, the clip
flow, the error handler and the pushes all go through it.

python-telegram-bot's own ``AIORateLimiter`` (the ``rate-limiter`` extra, built on aiolimiter's leaky
buckets) does the throttling: ~30 messages a second for the whole bot (paced evenly, one call every
1/30 s plus a small margin, not in bursts of 30), 20 a minute per group chat, and a 429 halts every call
for the ``retry_after`` Telegram asks for (+0.1 s) before the call is tried again (``ATTEMPTS`` tries in
all). ``FloodLimiter`` adds what it leaves out:

* private chats: at most one message a second per chat (AIORateLimiter limits only groups), one at a
  time and spaced from the moment Telegram answered the previous one (it arrived there before that).
  Chat actions and edits are not messages and only count against the overall limit.
* 5xx answers, connection errors and timeouts: tried again after 0.5, 1, 2, 4 s (``with_backoff``, also
  used for file downloads, which are no Bot API calls); a 400 or 403 is final. A timed-out send may still
  have been delivered (the Bot API has no idempotency key), so only a call that got no answer at all within
  the read timeout (``Settings.api_timeout_s``, 30 s, far above Telegram's usual latency) is sent again.
* a ``retry_after`` over ``MAX_RETRY_AFTER_S`` is not waited for: the call fails with ``FloodWait``.

What the library does not do stays in the callers: exactly-once bookkeeping (``Store.mark_answered``, the
push outbox, bot.pushes.outbox).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import math
import time
import warnings
from collections.abc import AsyncIterator, Awaitable, Callable, Coroutine
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any, TypeVar

from telegram.error import BadRequest, NetworkError, RetryAfter, TelegramError
from telegram.ext import AIORateLimiter
from telegram.warnings import PTBDeprecationWarning

log = logging.getLogger(__name__)
T = TypeVar("T")
OVERALL_PER_S = 30.0  # "no more than 30 messages per second or so" (Telegram's bot FAQ)
PRIVATE_CHAT_PER_S = 1.0  # "avoid sending more than one message per second in a single chat"
CHAT_MARGIN_S = 0.05  # added to the per-chat interval: the network's jitter must not squeeze two together
OVERALL_MARGIN_S = 0.002  # added to the overall interval (1/30 s → 28.3 a second): calls that left on time
# but were held a moment on the way (a busy event loop, the network) must not make 31 arrive within a second
GROUP_PER_MIN = 20.0  # "no more than 20 messages per minute" in a group
ATTEMPTS = 5  # tries of one call, for 429s and for network errors alike
BASE_DELAY_S = 0.5
MAX_DELAY_S = 30.0
MAX_RETRY_AFTER_S = 120.0
_MESSAGE_PREFIXES = ("send", "copyMessage", "forwardMessage")
_KEEP_CHAT_LIMITERS = 512  # idle per-chat buckets are dropped past this many
Callback = Callable[..., Coroutine[Any, Any, Any]]


class FloodWait(TelegramError):
    """Telegram asked for a wait longer than MAX_RETRY_AFTER_S: the call is given up, not held."""


class FloodLimiter(AIORateLimiter):
    """AIORateLimiter plus one message a second per private chat and bounded backoff on network errors."""

    def __init__(
        self,
        overall_per_s: float = OVERALL_PER_S,
        private_chat_per_s: float = PRIVATE_CHAT_PER_S,
        attempts: int = ATTEMPTS,
        base_delay_s: float = BASE_DELAY_S,
    ) -> None:
        # max_rate 1 per 1/rate s: evenly paced; AsyncLimiter(30, 1) would let 30 go at once, then 30 more
        super().__init__(
            overall_max_rate=1,
            overall_time_period=1 / overall_per_s + OVERALL_MARGIN_S,
            group_max_rate=GROUP_PER_MIN,
            group_time_period=60,
            max_retries=attempts - 1,
        )
        self._chat_period_s = 1 / private_chat_per_s + CHAT_MARGIN_S
        self._chats: dict[int, _ChatGate] = {}
        self._attempts, self._base_delay_s = attempts, base_delay_s

    async def process_request(
        self,
        callback: Callback,
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> Any:
        chat = _private_chat(data) if _is_message(endpoint) else None
        parent = super()

        async def once() -> Any:
            wrapped = _bounded(callback, self._chats[chat] if chat is not None else None)
            return await parent.process_request(wrapped, args, kwargs, endpoint, data, rate_limit_args)

        async def paced() -> Any:
            if chat is None:
                return await once()
            async with self._chat_turn(chat):
                return await once()

        return await with_backoff(
            paced, what=endpoint, attempts=self._attempts, base_delay_s=self._base_delay_s
        )

    async def wait_clear(self) -> None:
        """Until no flood wait holds this process's calls (a 429's ``retry_after`` halts them all)."""
        await self._retry_after_event.wait()

    @contextlib.asynccontextmanager
    async def _chat_turn(self, chat_id: int) -> AsyncIterator[None]:
        """One message of the chat at a time, each ``1 / private_chat_per_s`` after Telegram answered the
        previous one. Measured from the call, not from a bucket's grant (aiolimiter's): a grant made while
        the call still queues for the overall limit would let two messages of the chat out back to back."""
        if len(self._chats) > _KEEP_CHAT_LIMITERS:
            stale = time.monotonic() - self._chat_period_s
            for key, gate in list(self._chats.items()):
                if not gate.lock.locked() and gate.sent_at < stale:
                    del self._chats[key]
        gate = self._chats.setdefault(chat_id, _ChatGate())
        async with gate.lock:
            if (wait := gate.sent_at + self._chat_period_s - time.monotonic()) > 0:
                await asyncio.sleep(wait)
            yield


async def with_backoff(
    call: Callable[[], Awaitable[T]],
    *,
    what: str,
    attempts: int = ATTEMPTS,
    base_delay_s: float = BASE_DELAY_S,
) -> T:
    """``await call()``, tried again with exponential backoff on 5xx, connection errors and timeouts."""
    delay = base_delay_s
    for attempt in range(1, attempts + 1):
        try:
            return await call()
        except BadRequest:
            raise  # a subclass of NetworkError, but final: the same request would fail again
        except NetworkError as exc:  # TimedOut, 5xx, connection reset
            if attempt == attempts:
                raise
            log.info("%s: %s, retrying in %.1fs (%d/%d)", what, type(exc).__name__, delay, attempt, attempts)
            await asyncio.sleep(delay)
            delay = min(delay * 2, MAX_DELAY_S)
    raise AssertionError("unreachable")


def retry_after_s(exc: RetryAfter) -> float:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        value = exc.retry_after
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


@dataclass
class _ChatGate:
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    sent_at: float = -math.inf


def _bounded(callback: Callback, gate: _ChatGate | None) -> Callback:
    """The call, noting when it goes out (for the chat's pace), with a 429 asking for more than
    MAX_RETRY_AFTER_S turned into FloodWait (not waited for)."""

    async def call(*args: Any, **kwargs: Any) -> Any:
        try:
            return await callback(*args, **kwargs)
        except RetryAfter as exc:
            if retry_after_s(exc) > MAX_RETRY_AFTER_S:
                raise FloodWait(f"flood control asks for {retry_after_s(exc):.0f}s") from exc
            raise
        finally:
            # the pace counts from Telegram's answer: the request arrived there before that, so two
            # messages arrive a full interval apart even when one spent a while in transit (a slow upload)
            if gate is not None:
                gate.sent_at = time.monotonic()

    return call


def _is_message(endpoint: str) -> bool:
    return endpoint.startswith(_MESSAGE_PREFIXES) and endpoint != "sendChatAction"


def _private_chat(data: dict[str, Any]) -> int | None:
    """The chat id when the call goes to a private chat (a positive id); groups and channels are not."""
    try:
        chat_id = int(data.get("chat_id"))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return chat_id if chat_id > 0 else None
