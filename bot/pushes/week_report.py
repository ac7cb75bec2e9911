"""One week's report to a chat: the text (bot.replies.progress) and, when there were sessions, the
chart (bot.replies.charts).

/progress sends this week so far; the Monday push sends last week. Both compare with the week before.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from datetime import datetime

from telegram import Bot
from telegram.error import TelegramError

from analysis.report.i18n import translate
from bot.context import Services
from bot.profile import locale_of
from bot.replies.charts import week_chart
from bot.replies.progress import report_text, week_bounds
from bot.store.db import Store, UserSettings, WeekSummary

log = logging.getLogger(__name__)
_RENDER_LOCK = threading.Lock()  # matplotlib's font cache is shared between threads


async def send_week_report(
    bot: Bot, svc: Services, chat_id: int, user: UserSettings, *, name: str, weekly: bool
) -> None:
    locale = locale_of(user)
    now, back = svc.clock(), 1 if weekly else 0
    this = await week_summary(svc.store, user, now, back)
    previous = await week_summary(svc.store, user, now, back + 1)
    await bot.send_message(chat_id, report_text(this, previous, locale, name=name, weekly=weekly))
    if this.sessions:
        png = await asyncio.to_thread(_render, this, locale)
        try:  # the text is out: a chart that cannot follow must not make the report go out twice
            await bot.send_photo(chat_id, png, caption=translate("progress-chart-caption", locale))
        except TelegramError as exc:
            log.warning("the week chart could not be sent: %s", type(exc).__name__)


async def week_summary(store: Store, user: UserSettings, now: datetime, weeks_back: int) -> WeekSummary:
    start, end = week_bounds(now, user.timezone, weeks_back)
    return await store.week_summary(user.user_id, start, end, user.timezone)


def _render(summary: WeekSummary, locale: str) -> bytes:
    with _RENDER_LOCK:
        return week_chart(summary, locale)
