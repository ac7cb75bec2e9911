"""The queue worker: clips go into SQLite first, then workers take them fairly and answer each once.

Intake (``accept`` / ``regrade``) stores the job within the queue bounds and acknowledges it (the job's
progress message). Workers (as many as the analyzer runs at once) claim jobs with ``Store.claim_next_job``
(fair across users), download the clip into ``<data_dir>/tmp`` (deleted in a ``finally``), analyse it
(the user's recent exercises as the prior, bot.jobs.prior), edit the progress message (queue position →
download → "분석 중이에요… N%" → done), store the result and send the answer, exactly once across restarts
(``Store.mark_answered``; ``start`` requeues interrupted jobs), on a task of its own that ``stop`` awaits.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import math
import secrets
import time
from collections.abc import Awaitable
from dataclasses import dataclass
from pathlib import Path

from telegram import Bot, Message, ReplyParameters
from telegram.constants import ChatAction
from telegram.error import BadRequest, TelegramError
from telegram.ext import Application

from analysis.report.i18n import DEFAULT_LOCALE, translate
from analysis.vocab.types import AnalysisJob, Assessment, Rejection
from bot.context import Services, services
from bot.flood import with_backoff
from bot.jobs.prior import recent_exercises
from bot.jobs.progress import Progress
from bot.jobs.record import analysis_record
from bot.jobs.send import best_effort, send_feedback
from bot.jobs.transient import with_store_retries
from bot.replies.feedback import DEFAULT_DETAIL, Feedback, build_feedback, dashboard_link
from bot.replies.goals import goal_lines
from bot.store.db import Job, JobStatus, QueueFullError, UserSettings

log = logging.getLogger(__name__)
POLL_S = 2.0  # a sleeping worker looks at the queue at least this often
TICK_S = 2.0  # chat action and percent refresh while the analysis runs
EXPECTED_ANALYSIS_S = 6.0  # the percent approaches 90 on this time scale
FAILED_CODES = ("analysis_failed", "analysis_timeout", "download_failed", "storage_full")
MAX_ATTEMPTS = 3  # a job claimed more often than this (restarts mid-analysis) is answered as failed


@dataclass(frozen=True)
class ClipRequest:
    user_id: int
    chat_id: int
    message_id: int  # the user's message holding the clip
    file_id: str
    file_unique_id: str
    exercise_hint: str | None = None


class JobRunner:
    def __init__(self, application: Application, concurrency: int = 1) -> None:
        self.app = application
        self.concurrency = max(1, concurrency)
        self.intake = asyncio.Lock()  # enqueue + ack vs claim: a job is claimed only once its ack exists
        self._wakeup = asyncio.Event()
        self._workers: list[asyncio.Task[None]] = []
        self._answering: set[asyncio.Task[None]] = set()
        self._busy = 0
        self._positions: dict[int, int] = {}  # job id → queue position shown in its progress message
        self._stopping = False

    @property
    def services(self) -> Services:
        return services(self.app)

    @property
    def bot(self) -> Bot:
        return self.app.bot

    async def start(self) -> None:
        """Put jobs a previous run left 'running' back in the queue, then start the workers."""
        requeued = await self.services.store.requeue_running()
        pending = len(await self.services.store.pending_jobs())
        if pending:
            log.info("resuming %d pending job(s) (%d were interrupted while running)", pending, requeued)
        self._stopping = False
        self._workers = [
            asyncio.create_task(self._work(), name=f"formcoach_job_{i}") for i in range(self.concurrency)
        ]
        self.wake()

    async def stop(self, grace_s: float = 20.0) -> None:
        """Stop claiming; cancel analyses in progress (they stay queued for the next start); let answers
        being sent finish (up to ``grace_s``)."""
        self._stopping = True
        for task in self._workers:
            task.cancel()
        await asyncio.gather(*self._workers, return_exceptions=True)
        self._workers = []
        if self._answering:
            await asyncio.wait(set(self._answering), timeout=grace_s)

    def wake(self) -> None:
        self._wakeup.set()

    # --- intake ------------------------------------------------------------------------------------

    async def accept(self, request: ClipRequest, locale: str) -> None:
        """Store the clip's job (within the bounds) and acknowledge it, or say politely why not."""
        store, settings = self.services.store, self.services.settings
        try:
            async with self.intake:
                job_id, created = await store.enqueue_job(
                    request.user_id,
                    request.chat_id,
                    request.message_id,
                    request.file_id,
                    request.file_unique_id,
                    request.exercise_hint,
                    max_queued=settings.max_queue,
                    max_user_active=1 + settings.user_queue,
                )
                if created:
                    await self._acknowledge(job_id, request, locale)
        except QueueFullError as exc:
            key = "clip-busy" if exc.scope == "global" else "clip-user-busy"
            await self._say(request.chat_id, translate(key, locale), reply_to=request.message_id)
            return
        if created:
            await self.submitted(job_id)

    async def regrade(
        self, job: Job, picker: Message, exercise: str, user_id: int, locale: str
    ) -> str | None:
        """A new job for the same clip with the exercise the user chose; the picker message becomes its
        progress message. Returns the locale key to answer the button tap with, or None."""
        store, settings = self.services.store, self.services.settings
        try:
            async with self.intake:
                new_id, created = await store.enqueue_job(
                    user_id,
                    job.chat_id,
                    picker.message_id,
                    job.file_id,
                    job.file_unique_id,
                    exercise,
                    max_queued=settings.max_queue,
                    max_user_active=1 + settings.user_queue,
                )
                if not created:
                    return "pick-already"
                text = translate("progress-regrade", locale, exercise=exercise)
                await best_effort(lambda: picker.edit_text(text), what="editMessageText")
                await store.set_job_message(new_id, picker.message_id)
        except QueueFullError as exc:
            return "clip-busy" if exc.scope == "global" else "clip-user-busy"
        await self.submitted(new_id)
        return None

    async def submitted(self, job_id: int) -> None:
        """A new job is stored and acknowledged: wake the workers (bot.roles.dispatch sends it to Celery)."""
        self.wake()

    async def _acknowledge(self, job_id: int, request: ClipRequest, locale: str) -> None:
        position = await self.services.store.queue_position(job_id) or 1
        waiting = position - (self.concurrency - self._busy)
        if waiting > 0:
            self._positions[job_id] = waiting
            text = translate("clip-queued", locale, position=waiting)
        else:
            text = translate("clip-received", locale)
        ack = await self._say(request.chat_id, text, reply_to=request.message_id)
        if ack is not None:
            await self.services.store.set_job_message(job_id, ack.message_id)

    async def _say(self, chat_id: int, text: str, *, reply_to: int | None = None) -> Message | None:
        reply = ReplyParameters(reply_to, allow_sending_without_reply=True) if reply_to else None
        try:
            return await self.bot.send_message(chat_id, text, reply_parameters=reply)
        except TelegramError as exc:
            log.warning("could not send a message: %s", type(exc).__name__)
            return None

    # --- workers -------------------------------------------------------------------------------------

    async def _work(self) -> None:
        while not self._stopping:
            self._wakeup.clear()
            try:
                async with self.intake:
                    job = await self.services.store.claim_next_job()
                if job is None:
                    with contextlib.suppress(TimeoutError):
                        await asyncio.wait_for(self._wakeup.wait(), POLL_S)
                    continue
                self._busy += 1
                try:
                    await self._refresh_positions()
                    await self._process(job, wait_for_answer=False)  # the next clip need not wait for it
                except Exception:
                    log.exception("job %d failed unexpectedly", job.id)
                    await self._fail(job)
                finally:
                    self._busy -= 1
            except asyncio.CancelledError:
                raise
            except Exception:  # the database itself failed: don't spin
                log.exception("the job worker hit an error; retrying shortly")
                await asyncio.sleep(POLL_S)

    async def run_one(self, job: Job) -> None:
        """Analyse and answer one job that is already marked running (a Celery worker's task)."""
        try:
            await self._process(job)
        except Exception:
            log.exception("job %d failed unexpectedly", job.id)
            await self._fail(job)

    async def _process(self, job: Job, *, wait_for_answer: bool = True) -> None:
        """Analyse, store and answer ``job``; the answer is a task of its own (stop() waits for it), and
        ``wait_for_answer=False`` frees the worker for the next clip while Telegram's pace spaces it out."""
        svc = self.services
        user = await svc.store.get_settings(job.user_id)
        locale = user.language if user else DEFAULT_LOCALE
        voice_on = user.voice_on if user else True
        self._positions.pop(job.id, None)
        progress = Progress(self.bot, svc.store, job, locale)
        if job.message_id is None:
            await progress.show("progress-resumed", force=True)
        if job.attempts > MAX_ATTEMPTS:  # interrupted again and again (a clip that takes the bot down?)
            log.warning("job %d: giving up after %d attempts", job.id, job.attempts - 1)
            result: Assessment | Rejection = Rejection("analysis_failed")
        else:
            result = await self._analyse(job, progress, locale)
        await progress.show("progress-finishing", percent=90)
        analysis_id = await self._record(job, result)
        feedback = build_feedback(
            result,
            locale,
            voice_on=voice_on,
            voice_available=svc.speaker is not None,
            detail=user.feedback_detail if user else DEFAULT_DETAIL,
            extra=await self._goals(user, result, locale),
            dashboard_url=self._dashboard(job, result, analysis_id),
        )
        answering = self._answer(job, progress, feedback, locale, voice_on, result)
        answer = asyncio.create_task(self._or_fail(job, answering))
        self._answering.add(answer)
        answer.add_done_callback(self._answering.discard)
        if wait_for_answer:
            await asyncio.shield(answer)

    async def _or_fail(self, job: Job, answering: Awaitable[None]) -> None:
        try:
            await answering
        except Exception:
            log.exception("job %d failed unexpectedly while answering", job.id)
            await self._fail(job)

    async def _analyse(self, job: Job, progress: Progress, locale: str) -> Assessment | Rejection:
        path = self.services.settings.data_dir / "tmp" / f"job{job.id}_{secrets.token_hex(6)}.clip"
        try:
            started = time.monotonic()
            await progress.show("progress-downloading", percent=10, force=True)
            refused = await self._download(job, path)
            if refused is not None:
                return refused
            downloaded = time.monotonic()
            await progress.show("progress-analyzing", percent=30, force=True)
            recent = await recent_exercises(self.services.store, job)
            request = AnalysisJob(str(path), job.exercise_hint, locale, recent_exercises=recent)
            ticker = asyncio.create_task(self._tick(progress, job.chat_id))
            try:
                result = await self.services.analyzer.analyze(request)
            finally:
                ticker.cancel()
            stages = result.timings_s if isinstance(result, Assessment) else {}
            log.info("job %d: download %.2fs, analysis %.2fs %s", job.id, downloaded - started,
                     time.monotonic() - downloaded, stages)  # fmt: skip
            return result
        finally:
            with contextlib.suppress(OSError):  # the temp folder itself may be what failed
                path.unlink(missing_ok=True)

    async def _download(self, job: Job, path: Path) -> Rejection | None:
        try:
            telegram_file = await self.bot.get_file(job.file_id)
            path.parent.mkdir(parents=True, exist_ok=True)
            # the file server is no Bot API method: the limiter does not see it, so it backs off here
            await with_backoff(lambda: telegram_file.download_to_drive(path), what="download")
        except OSError as exc:  # the temp folder is full (ENOSPC), read-only, or not a folder at all
            log.error("job %d: cannot store the clip in the temp folder: %s", job.id, exc.strerror or exc)
            return Rejection("storage_full")
        except BadRequest as exc:
            if "too big" in str(exc).lower():
                return Rejection("too_large")
            log.warning("job %d: the clip cannot be fetched: %s", job.id, exc.message)
            return Rejection("download_failed")
        except TelegramError as exc:
            log.warning("job %d: downloading the clip failed: %s", job.id, type(exc).__name__)
            return Rejection("download_failed")
        return None

    async def _tick(self, progress: Progress, chat_id: int) -> None:
        started = time.monotonic()
        while True:
            await best_effort(
                lambda: self.bot.send_chat_action(chat_id, ChatAction.TYPING), what="chat action"
            )
            await asyncio.sleep(TICK_S)
            share = 1 - math.exp(-(time.monotonic() - started) / EXPECTED_ANALYSIS_S)
            await progress.show("progress-analyzing", percent=min(80, 30 + int(60 * share) // 10 * 10))

    async def _record(self, job: Job, result: Assessment | Rejection) -> int | None:
        """Store an assessment (with its thumbnails, made in a thread); its analysis id."""
        if not isinstance(result, Assessment):
            return None
        record, store = await asyncio.to_thread(analysis_record, result), self.services.store
        return await with_store_retries(lambda: store.save_analysis(job.user_id, job.id, record), what="save")

    def _dashboard(self, job: Job, result: Assessment | Rejection, analysis_id: int | None) -> str | None:
        """The Mini App page of this analysis, for the "자세히 보기" button (private chats only)."""
        base = self.services.settings.webapp_url
        if base is None or analysis_id is None or job.chat_id != job.user_id:
            return None
        exercise = result.exercise if isinstance(result, Assessment) else ""
        return dashboard_link(base, tab="exercise", exercise=exercise, session=analysis_id)

    async def _goals(
        self, user: UserSettings | None, result: Assessment | Rejection, locale: str
    ) -> list[str]:
        """The weekly goals' progress, the new analysis counted, under the summary."""
        if user is None or not isinstance(result, Assessment):
            return []
        status, now = self.services.store.goal_status, self.services.clock()
        found = await with_store_retries(lambda: status(user.user_id, user.timezone, now), what="goals")
        return goal_lines(found, locale)

    async def _answer(
        self,
        job: Job,
        progress: Progress,
        feedback: Feedback,
        locale: str,
        voice_on: bool,
        result: Assessment | Rejection,
    ) -> None:
        svc = self.services
        if await with_store_retries(lambda: svc.store.mark_answered(job.id), what="mark answered"):
            await progress.show("progress-done", force=True)
            await send_feedback(
                self.bot,
                job.chat_id,
                feedback,
                job_id=job.id,
                locale=locale,
                speaker=svc.speaker if voice_on else None,
                reply_to=job.source_message_id,
            )
        else:
            log.info("job %d was answered before a restart; not answering again", job.id)
        if isinstance(result, Assessment):
            status, code = JobStatus.DONE, None
        else:
            status = JobStatus.FAILED if result.code in FAILED_CODES else JobStatus.REJECTED
            code = result.code
        await with_store_retries(lambda: svc.store.mark_job(job.id, status, code), what="mark job")

    async def _fail(self, job: Job) -> None:
        """The apology for a job that failed unexpectedly, once (recorded first, then said). Whatever cannot
        be recorded (the database stays locked) is logged; a job not yet marked failed stays pending and
        the next start takes it up, never answering it twice."""
        store = self.services.store
        try:
            await with_store_retries(
                lambda: store.mark_job(job.id, JobStatus.FAILED, "internal"), what="mark job"
            )
            if await with_store_retries(lambda: store.mark_answered(job.id), what="mark answered"):
                user = await store.get_settings(job.user_id)
                text = translate("failure-generic", user.language if user else DEFAULT_LOCALE)
                await self._say(job.chat_id, text, reply_to=job.source_message_id)
        except Exception:
            log.exception("job %d: could not record its failure", job.id)

    async def _refresh_positions(self) -> None:
        """A job was claimed: the jobs still waiting moved up; tell them (only when the place changed)."""
        store = self.services.store
        for job in await store.pending_jobs():
            shown = self._positions.get(job.id)
            if shown is None or job.status is not JobStatus.QUEUED or job.message_id is None:
                continue
            position = await store.queue_position(job.id)
            if position is None or position >= shown:
                continue
            self._positions[job.id] = position
            user = await store.get_settings(job.user_id)
            text = translate("clip-queued", user.language if user else DEFAULT_LOCALE, position=position)
            await best_effort(
                lambda j=job, t=text: self.bot.edit_message_text(t, j.chat_id, j.message_id),
                what="editMessageText",
            )
