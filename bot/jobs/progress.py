"""A job's progress message: the acknowledgement, edited in place as the work proceeds (created when a job
resumed after a restart has none). Edits are best effort and at most one a second, except the steps that
must show (``force``)."""

from __future__ import annotations

import logging
import math
import time

from telegram import Bot
from telegram.error import TelegramError

from analysis.report.i18n import translate
from bot.jobs.send import best_effort
from bot.store.db import Job, Store

log = logging.getLogger(__name__)
MIN_EDIT_INTERVAL_S = 1.0  # progress edits closer than this are skipped (Telegram's per-chat pace)


class Progress:
    """The job's progress message: edited in place (created when a resumed job has none)."""

    def __init__(self, bot: Bot, store: Store, job: Job, locale: str) -> None:
        self.bot, self.store, self.job, self.locale = bot, store, job, locale
        self.message_id = job.message_id
        self._last = ""
        self._at = -math.inf

    async def show(self, key: str, *, force: bool = False, **args: object) -> None:
        text = translate(key, self.locale, **args)
        now = time.monotonic()
        if text == self._last or (not force and now - self._at < MIN_EDIT_INTERVAL_S):
            return
        self._last, self._at = text, now
        if self.message_id is not None:
            message_id = self.message_id
            await best_effort(
                lambda: self.bot.edit_message_text(text, self.job.chat_id, message_id), what="editMessageText"
            )
            return
        try:
            sent = await self.bot.send_message(self.job.chat_id, text)
        except TelegramError as exc:
            log.warning("job %d: no progress message: %s", self.job.id, type(exc).__name__)
            return
        self.message_id = sent.message_id
        await self.store.set_job_message(self.job.id, sent.message_id)
