"""The bot tests' shared fixture: a quicker per-chat pace for the bots they run.

* ``_quick_chat_pace`` (autouse, per module) — ``bot.app.api_builder`` gives every Application a
  ``FloodLimiter`` that spaces one private chat's messages ``1 / QUICK_CHAT_PER_S`` (+ its margin) apart
  instead of Telegram's second (``bot.flood.PRIVATE_CHAT_PER_S``); the tests' bot processes
  (``BotProcess``, the scale-out workers) get the same through ``TESTS_CHAT_PER_S`` (tests.fakes.pace).
  Most tests send a handful of messages to one chat and wait for each answer, so the real pace made them
  wait out a second per message; what they check does not depend on it. The limiter still sends one
  message of a chat at a time, in order, counted from Telegram's answer: only the interval is shorter.
  A module testing the pace itself, or whose tests lean on it (timings of one chat's messages, the fake's
  ``enforce_limits``), is marked ``telegram_pace`` (``pytestmark``) and keeps the real one, as do the
  scale-out front ends (``python -m bot`` as in production). Per module, so that module-scoped bots (the
  Mini App's seeded bot) are built with it too.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

import bot.app
from tests.fakes import pace

QUICK_CHAT_PER_S = 20.0


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "telegram_pace: the module's bots keep Telegram's one message a second per chat"
    )


@pytest.fixture(scope="module", autouse=True)
def _quick_chat_pace(request: pytest.FixtureRequest) -> Iterator[None]:
    if request.node.get_closest_marker("telegram_pace") is not None:
        yield
        return
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(bot.app, "FloodLimiter", pace.quick_limiter(QUICK_CHAT_PER_S))
        patch.setenv(pace.ENV, str(QUICK_CHAT_PER_S))
        yield
