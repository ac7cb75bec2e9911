"""Telegram's flood control, as the fake Bot API plays it (``FakeBotAPI.enforce_limits`` and
``FakeBotAPI.flood_each_method_once``).

``FloodGate``: a message (a ``send*`` method but sendChatAction, ``copyMessage``, ``forwardMessage``; a
media group counts as one) is refused with 429 and ``retry_after`` when, within the second before it, the
bot already had ``overall_per_s`` messages accepted, or when the same chat got a message less than
``1 / chat_per_s`` seconds before. Refused calls do not count. Sliding windows, measured when a request
arrives: stricter than Telegram, which lets short bursts through.

``OncePerMethod``: the first call of every method, or the next call of each armed one, answers 429 once.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

MESSAGE_PREFIXES = ("send", "copymessage", "forwardmessage")
NEVER_FLOODED = ("getupdates", "getme", "setwebhook", "deletewebhook", "setmycommands", "getmycommands")


def is_message(method: str) -> bool:
    lowered = method.lower()
    return lowered.startswith(MESSAGE_PREFIXES) and lowered != "sendchataction"


@dataclass
class FloodGate:
    overall_per_s: float = 30.0
    chat_per_s: float = 1.0
    retry_after: int = 1
    clock: Callable[[], float] = time.monotonic
    refused: int = 0
    accepted: int = 0
    _recent: deque[float] = field(default_factory=deque)
    _last_in_chat: dict[object, float] = field(default_factory=dict)

    def check(self, method: str, chat_id: object) -> int | None:
        """None when the call may go through (and is counted), else the retry_after to answer with."""
        if not is_message(method):
            return None
        now = self.clock()
        while self._recent and now - self._recent[0] >= 1.0:
            self._recent.popleft()
        last = self._last_in_chat.get(chat_id)
        if len(self._recent) >= self.overall_per_s or (last is not None and now - last < 1 / self.chat_per_s):
            self.refused += 1
            return self.retry_after
        self._recent.append(now)
        self._last_in_chat[chat_id] = now
        self.accepted += 1
        return None


@dataclass
class OncePerMethod:
    """429 once for each armed method (``arm``), and with ``every`` for the first call of every method."""

    retry_after: int = 1
    every: bool = False
    armed: set[str] = field(default_factory=set)
    done: set[str] = field(default_factory=set)
    refused: list[str] = field(default_factory=list)

    def arm(self, methods: Iterable[str]) -> None:
        """The next call of each of ``methods`` answers 429 (again, if one did before)."""
        self.armed |= {m.lower() for m in methods}

    def check(self, method: str) -> int | None:
        """The retry_after to refuse this call with, or None to let it through."""
        lowered = method.lower()
        if lowered in self.armed:
            self.armed.discard(lowered)
        elif not self.every or lowered in NEVER_FLOODED or lowered in self.done:
            return None
        self.done.add(lowered)
        self.refused.append(method)
        return self.retry_after
