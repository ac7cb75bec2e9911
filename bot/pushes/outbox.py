"""The push sender: drains the push outbox (bot.store.outbox) at the broadcast pace, earliest due first
(each user's local push time), and sends every push once.

The JobQueue jobs (bot.pushes.schedule) only store a push in the outbox when it falls due; this sender
sends it. It runs wherever pushes fire (FORMCOACH_ROLE ``all``: the embedded bot; ``scheduler``: one or
more scheduler processes): ``start_sender`` (from bot.pushes.schedule.restore, at start-up),
``stop_sender`` (bot.app post_stop; pushes on their way are finished). Senders sharing a database share
one pace: each claim takes the next turn, ``1 / BROADCAST_PER_S`` s after the last of any sender
(``Store.claim_outbox_push``), just under Telegram's 30 messages a second; the process's FloodLimiter
(bot.flood) still paces every call, keeps one message a second per chat and waits out 429s. A push is
claimed up to ``AHEAD_S`` before its turn (and prepared meanwhile: database, chart), marked 'sending' at
its turn as it goes out (when the turn passed — a flood wait, a slow preparation — it takes the next free
turn rather than go out late, which would crowd the next turns), and 'sent' once Telegram answered: a restart
resumes with the pushes not yet sent (claims of a killed sender lapse after ``CLAIM_LEASE_S``), and a push
whose sender was killed mid-send is never sent again (it may have been delivered).

Outcomes: delivered → ``sent``; the user gone, opted out or the reminder erased → ``skipped``; blocked
(403) or refused (400) → ``failed``; anything else from Telegram (a flood wait past the limiter's, network
errors past its retries) → due again after ``RETRY_DELAY_S``, ``failed`` after ``MAX_ATTEMPTS`` claims.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import secrets
import socket
from collections.abc import Awaitable, Callable
from typing import Any

from telegram.error import BadRequest, Forbidden, TelegramError
from telegram.ext import Application

from analysis.report.i18n import translate
from bot.context import Services, services
from bot.flood import FloodLimiter
from bot.jobs.transient import with_store_retries
from bot.profile import locale_of
from bot.pushes.week_report import send_report, week_report
from bot.store.db import OutboxPush, UserSettings

log = logging.getLogger(__name__)
App = Application[Any, Any, Any, Any, Any, Any]
BROADCAST_PER_S = 28.0  # pushes a second across all senders: Telegram's ~30, less room for timing jitter
LATE_S = 0.05  # a push whose turn passed by more than this (slow to prepare, a flood wait) takes a new one
MAX_IN_FLIGHT = 32  # pushes of one sender being prepared or on their way at once
AHEAD_S = 0.5  # turns are claimed up to this far ahead: the push is prepared by the time its turn comes
POLL_S = 5.0  # an idle sender looks at the outbox at least this often (a push stored here wakes it sooner)
RETRY_DELAY_S = 60.0
MAX_ATTEMPTS = 5
SENDER_KEY = "push_sender"
Send = Callable[[], Awaitable[object]]
Prepare = Callable[[App, Services, OutboxPush, UserSettings], Awaitable[Send | None]]


async def _weekly(app: App, svc: Services, push: OutboxPush, user: UserSettings) -> Send | None:
    if not user.weekly_summary:
        return None
    report = await week_report(svc, user, name="", weekly=True)
    return lambda: send_report(app.bot, push.chat_id, report)


async def _reminder(app: App, svc: Services, push: OutboxPush, user: UserSettings) -> Send | None:
    reminder_id = int(push.push_key.split(":", 1)[1])
    if not any(r.id == reminder_id for r in await svc.store.list_reminders(push.user_id)):
        return None
    text = translate("remind-message", locale_of(user))
    return lambda: app.bot.send_message(push.chat_id, text)


KINDS: dict[str, Prepare] = {"weekly": _weekly, "reminder": _reminder}  # None: nothing to send (skipped)


class PushSender:
    """One process's sender loop; ``per_s`` is the pace shared with every other sender of the database."""

    def __init__(
        self, application: App, *, per_s: float = BROADCAST_PER_S, in_flight: int = MAX_IN_FLIGHT
    ) -> None:
        self.app, self.interval_s = application, 1 / per_s
        self.owner = f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(3)}"
        self._slots = asyncio.Semaphore(in_flight)
        self._wakeup = asyncio.Event()
        self._sending: set[asyncio.Task[None]] = set()
        self._loop: asyncio.Task[None] | None = None
        self._stopping = False

    def start(self) -> None:
        self._stopping = False
        self._loop = asyncio.create_task(self._run(), name="formcoach_push_sender")

    def wake(self) -> None:
        self._wakeup.set()

    async def stop(self, grace_s: float = 20.0) -> None:
        """Claim nothing more; let the pushes on their way finish (up to ``grace_s``)."""
        self._stopping = True
        self.wake()
        if self._loop is not None:
            await asyncio.wait({self._loop}, timeout=grace_s)
            self._loop.cancel()
        if self._sending:
            await asyncio.wait(set(self._sending), timeout=grace_s)

    async def _run(self) -> None:
        store = services(self.app).store
        while not self._stopping:
            await self._slots.acquire()
            self._wakeup.clear()
            try:
                claim = await store.claim_outbox_push(self.owner, self.interval_s, ahead_s=AHEAD_S)
            except Exception:  # the database is away: try again shortly
                log.exception("the push sender could not claim a push")
                self._slots.release()
                await self._sleep(POLL_S)
                continue
            if claim.push is None:
                self._slots.release()
                await self._sleep(claim.wait_s or POLL_S)
                continue
            task = asyncio.create_task(self._deliver(claim.push, claim.wait_s))
            self._sending.add(task)
            task.add_done_callback(self._sent)

    def _sent(self, task: asyncio.Task[None]) -> None:
        self._sending.discard(task)
        self._slots.release()

    async def _sleep(self, seconds: float) -> None:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._wakeup.wait(), seconds)

    async def _on_time(self, turn: float) -> bool:
        """Wait for the turn (and for a flood wait of this process to end): whether it is still the turn."""
        loop = asyncio.get_running_loop()
        await asyncio.sleep(turn - loop.time())
        if isinstance(limiter := self.app.bot.rate_limiter, FloodLimiter):
            await limiter.wait_clear()  # a 429 halts this process's calls: its turns pass meanwhile
        return loop.time() - turn <= LATE_S

    async def _deliver(self, push: OutboxPush, turn_s: float) -> None:
        """Prepare the push (database, chart) while its turn comes, then mark it going out and send it."""
        turn = asyncio.get_running_loop().time() + turn_s
        svc = services(self.app)
        store = svc.store
        send: Send | None = None
        if push.attempts > MAX_ATTEMPTS:  # claimed again and again, never sent (it fails to prepare)
            await with_store_retries(lambda: store.finish_push(push.id, "failed", "attempts"), what="mark")
            return
        try:
            user = await store.get_settings(push.user_id)
            prepare = KINDS.get(push.kind)
            if user is not None and prepare is not None:
                send = await prepare(self.app, svc, push, user)
            while not await self._on_time(turn):  # sent late, it would crowd the next turns
                wait = await store.retake_turn(push.id, self.owner, self.interval_s)
                if wait is None:
                    log.warning("push %d was taken back before it went out (this sender stalled)", push.id)
                    return
                turn = asyncio.get_running_loop().time() + wait
            if not await store.start_push(push.id, self.owner):
                log.warning("push %d was taken back before it went out (this sender stalled)", push.id)
                return
        except Exception:  # the claim lapses (CLAIM_LEASE_S) and another turn sends it
            log.exception("push %d could not be prepared", push.id)
            return
        outcome, error = await _send(send, push)
        try:
            if outcome == "retry":
                await with_store_retries(
                    lambda: store.retry_push(push.id, RETRY_DELAY_S, error or ""), what="retry push"
                )
            else:
                await with_store_retries(lambda: store.finish_push(push.id, outcome, error), what="mark push")
        except Exception:  # stays 'sending': never sent again
            log.exception("push %d: could not record that it was %s", push.id, outcome)
        if error is not None:
            log.info("push %d (%s): %s, %s", push.id, push.kind, outcome, error)


async def _send(send: Send | None, push: OutboxPush) -> tuple[str, str | None]:
    """(outcome, error) of sending a prepared push: sent, skipped, failed, or retry (Telegram did not take
    it: a flood wait past the limiter's, the network past its retries)."""
    if send is None:
        return "skipped", None
    try:
        await send()
    except Forbidden:
        return "failed", "blocked"
    except BadRequest as exc:
        return "failed", exc.message[:200]
    except TelegramError as exc:
        return ("failed" if push.attempts >= MAX_ATTEMPTS else "retry"), type(exc).__name__
    except Exception:
        log.exception("push %d failed unexpectedly", push.id)
        return "failed", "internal"
    return "sent", None


def start_sender(application: App) -> PushSender:
    """Start this process's sender (once); pushes stored in the outbox are sent from now on."""
    sender: PushSender | None = application.bot_data.get(SENDER_KEY)
    if sender is None:
        sender = application.bot_data[SENDER_KEY] = PushSender(application)
        sender.start()
    return sender


def wake_sender(application: App) -> None:
    """A push was stored: the sender of this process looks at once (others within POLL_S)."""
    sender: PushSender | None = application.bot_data.get(SENDER_KEY)
    if sender is not None:
        sender.wake()


async def stop_sender(application: App) -> None:
    sender: PushSender | None = application.bot_data.pop(SENDER_KEY, None)
    if sender is not None:
        await sender.stop()
