"""A quicker per-chat pace for the tests' bots: ``FloodLimiter`` spacing one private chat's messages
``1 / per_s`` (+ its margin) apart instead of Telegram's second (``bot.flood.PRIVATE_CHAT_PER_S``).

``quick_limiter(per_s)`` is what ``bot.app.api_builder`` should build instead of ``FloodLimiter()``; the
tests' bot processes (``tests.fakes.run_bot``, ``tests.fakes.celery_worker``) install it at start when
``TESTS_CHAT_PER_S`` is set in their environment (``from_env``), as tests/bot/conftest.py sets it. Without
the variable they keep Telegram's pace, as the benchmarks (scripts/) run them.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from functools import partial

import bot.app
from bot.flood import FloodLimiter

ENV = "TESTS_CHAT_PER_S"


def quick_limiter(per_s: float) -> Callable[[], FloodLimiter]:
    return partial(FloodLimiter, private_chat_per_s=per_s)


def from_env() -> None:
    """In a bot process: the pace ``TESTS_CHAT_PER_S`` names, when it names one."""
    if per_s := os.environ.get(ENV, "").strip():
        bot.app.FloodLimiter = quick_limiter(float(per_s))  # type: ignore[misc]
