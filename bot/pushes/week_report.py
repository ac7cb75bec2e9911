"""One week's report to a chat: the text (bot.replies.progress) with the weekly goals (bot.replies.goals)
and, when there were sessions, the chart (bot.replies.charts).

/progress sends this week so far; the Monday push sends last week. Both compare with the week before.
With FORMCOACH_WEBAPP_URL set, the text has a "자세히 보기" button opening the Mini App (private chats).
"""

from __future__ import annotations

import asyncio
import logging
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, WebAppInfo
from telegram.error import TelegramError

from analysis.report.i18n import translate
from bot.context import Services
from bot.profile import locale_of
from bot.replies.charts import week_chart
from bot.replies.feedback import dashboard_button, dashboard_link
from bot.replies.goals import goal_lines
from bot.replies.progress import report_text, week_bounds
from bot.store.db import Store, UserSettings, WeekSummary

log = logging.getLogger(__name__)
_RENDER_LOCK = threading.Lock()  # matplotlib's font cache is shared between threads


@dataclass(frozen=True)
class WeekReport:
    """A week's report ready to send: its text and, when there were sessions, the chart (PNG)."""

    text: str
    chart: bytes | None
    locale: str
    markup: InlineKeyboardMarkup | None = None  # the Mini App's week page, when it has a URL


async def send_week_report(
    bot: Bot, svc: Services, chat_id: int, user: UserSettings, *, name: str, weekly: bool
) -> None:
    await send_report(bot, chat_id, await week_report(svc, user, name=name, weekly=weekly, chat_id=chat_id))


async def week_report(
    svc: Services, user: UserSettings, *, name: str, weekly: bool, chat_id: int | None = None
) -> WeekReport:
    """The report of this week so far (or, ``weekly``, of last week), compared with the week before;
    ``chat_id`` (default: the user's private chat) decides whether the Mini App button may be shown."""
    locale = locale_of(user)
    now, back = svc.clock(), 1 if weekly else 0
    this = await week_summary(svc.store, user, now, back)
    previous = await week_summary(svc.store, user, now, back + 1)
    text = report_text(this, previous, locale, name=name, weekly=weekly)
    statuses = await svc.store.goal_status(user.user_id, user.timezone, now - timedelta(weeks=back))
    if goals := goal_lines(statuses, locale, finished=weekly):
        text = "\n".join([text, "", *goals])
    chart = await asyncio.to_thread(_render, this, locale) if this.sessions else None
    markup = _dashboard(svc, user.user_id if chat_id is None else chat_id, user, locale, back)
    return WeekReport(text, chart, locale, markup)


async def send_report(bot: Bot, chat_id: int, report: WeekReport) -> None:
    await bot.send_message(chat_id, report.text, reply_markup=report.markup)
    if report.chart is not None:
        try:  # the text is out: a chart that cannot follow must not make the report go out twice
            caption = translate("progress-chart-caption", report.locale)
            await bot.send_photo(chat_id, report.chart, caption=caption)
        except TelegramError as exc:
            log.warning("the week chart could not be sent: %s", type(exc).__name__)


def _dashboard(
    svc: Services, chat_id: int, user: UserSettings, locale: str, weeks_back: int
) -> InlineKeyboardMarkup | None:
    """The Mini App's week page as a button, in the user's private chat when the Mini App has a URL."""
    base = svc.settings.webapp_url
    if base is None or chat_id != user.user_id:
        return None
    button = dashboard_button(dashboard_link(base, tab="week", offset=weeks_back), locale)
    return InlineKeyboardMarkup([[InlineKeyboardButton(button.text, web_app=WebAppInfo(button.web_app))]])


async def week_summary(store: Store, user: UserSettings, now: datetime, weeks_back: int) -> WeekSummary:
    start, end = week_bounds(now, user.timezone, weeks_back)
    return await store.week_summary(user.user_id, start, end, user.timezone)


def _render(summary: WeekSummary, locale: str) -> bytes:
    with _RENDER_LOCK:
        return week_chart(summary, locale)
