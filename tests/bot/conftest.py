"""The bot tests' shared fixture: a quicker per-chat pace for the bots they run in this process.

* ``_quick_chat_pace`` (autouse, per module) — ``bot.app.api_builder`` gives every Application a
  ``FloodLimiter`` that spaces one private chat's messages ``1 / QUICK_CHAT_PER_S`` (+ its margin) apart
  instead of Telegram's second (``bot.flood.PRIVATE_CHAT_PER_S``). Most tests send a handful of messages
  to one chat and wait for each answer, so the real pace made them wait out a second per message; what
  they check does not depend on it. The limiter still sends one message of a chat at a time, in order,
  counted from Telegram's answer: only the interval is shorter. A module testing the pace itself, or whose
  tests lean on it (timings of one chat's messages, the fake's ``enforce_limits``), is marked
  ``telegram_pace`` (``pytestmark``) and keeps the real one. Bots in other processes (``BotProcess``, the
  scale-out roles) keep the real pace. Per module, so that module-scoped bots (the Mini App's seeded
  bot) are built with it too.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

import pytest

import bot.app
from bot.flood import FloodLimiter

QUICK_CHAT_PER_S = 20.0


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "telegram_pace: the module's in-process bots keep Telegram's one message a second per chat"
    )


@pytest.fixture(scope="module", autouse=True)
def _quick_chat_pace(request: pytest.FixtureRequest) -> Iterator[None]:
    if request.node.get_closest_marker("telegram_pace") is not None:
        yield
        return
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(bot.app, "FloodLimiter", partial(FloodLimiter, private_chat_per_s=QUICK_CHAT_PER_S))
        yield
