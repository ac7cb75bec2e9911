"""The Telegram application: ``build_application(settings)`` wires handlers and the start/stop sequence.

post_init (before the first update): open the Store, start the Analyzer (its workers load MediaPipe
before the first user), publish Services in ``bot_data["services"]``, set the localised command menu
(ko, en), register the commands module when it is there (``bot.chat.commands.register`` /
``on_startup``), resume jobs a previous run left pending, and start the Mini App (bot.webapp.hosting:
its server in polling mode, the chat menu button). post_stop: stop the job workers (answers being sent
are finished). post_shutdown: stop the Mini App server and the analyzer, close the store.

``run_polling`` / ``run_webhook`` call these hooks; tests and scripts use ``async with running(app):``,
which does the same sequence on the current event loop.

Roles (FORMCOACH_ROLE, bot.config): with a broker the clips go to Celery and this process starts no
analysis pool; a ``frontend`` has no JobQueue (the ``scheduler`` fires the pushes and sweeps jobs never
handed to the broker); a ``scheduler`` takes no clips. This module never imports the roles: what they add
comes in as a ``Wiring`` (``bot.roles.build_application`` passes the one the settings ask for). On a shared
database (FORMCOACH_DATABASE_URL) the per-user clip rate limit is counted there (one limit across front ends).
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
import shutil
import warnings
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from telegram import BotCommand
from telegram.error import TelegramError
from telegram.ext import Application, ApplicationBuilder, CallbackContext, JobQueue
from telegram.warnings import PTBUserWarning

from analysis.report.i18n import LOCALES, translate
from bot.chat import buttons, handlers
from bot.chat.users import SharedRateLimiter
from bot.config import Settings
from bot.context import SERVICES_KEY, Services, services, utcnow
from bot.flood import FloodLimiter
from bot.jobs.analyzer import Analyzer
from bot.jobs.runner import JobRunner
from bot.pushes.outbox import stop_sender
from bot.replies.voice import Speaker, build_speaker
from bot.store.db import Store
from bot.updates import ChatOrderedUpdates
from bot.webapp import hosting as webapp

log = logging.getLogger(__name__)
COMMANDS = ("start", "help", "progress", "history", "remind", "settings", "export", "delete")
COMMANDS_MODULE = "bot.chat.commands"
_PARTS_KEY = "_formcoach_parts"
# A send that timed out may still have been delivered (Telegram has no idempotency key), so a retry can
# duplicate it: the read timeout (Settings.api_timeout_s, 30 s) is far above Telegram's usual latency,
# and only a call that got no answer at all within it is sent again. Connecting is retried sooner.
CONNECT_TIMEOUT_S = 10.0


@dataclass(frozen=True)
class Wiring:
    """What the scale-out roles add to the application (built by ``bot.roles.wiring``): who takes clips
    in when a broker is configured, and what starts with the application (resync, sweeper)."""

    dispatcher: Callable[[Application], JobRunner] | None = None
    on_start: tuple[Callable[[Application], None], ...] = ()


@dataclass(frozen=True)
class _Parts:
    """What post_init needs that build_application already has."""

    settings: Settings
    analyzer: Analyzer
    speaker: Speaker | None
    clock: Callable[[], datetime] | None
    wiring: Wiring


def api_builder(settings: Settings) -> ApplicationBuilder:  # type: ignore[type-arg]
    """An ApplicationBuilder speaking to the configured Bot API server with the bot's timeouts, every call
    through the flood limiter (bot.flood)."""
    return (
        ApplicationBuilder()
        .rate_limiter(FloodLimiter())
        .token(settings.token)
        .base_url(settings.api_base_url)
        .base_file_url(settings.file_base_url)
        .connect_timeout(CONNECT_TIMEOUT_S)
        .read_timeout(settings.api_timeout_s)
        .write_timeout(settings.api_timeout_s)
        .media_write_timeout(2 * settings.api_timeout_s)
        .pool_timeout(settings.api_timeout_s)
    )


def build_application(
    settings: Settings,
    *,
    analyzer: Analyzer | None = None,
    speaker: Speaker | None = None,
    clock: Callable[[], datetime] | None = None,
    wiring: Wiring | None = None,
) -> Application:
    """The bot. ``speaker=None`` builds one from ``settings.tts`` (None as well when it is "off");
    ``wiring`` is what the scale-out roles add (required when the settings name a broker)."""
    wiring = wiring or Wiring()
    if settings.uses_broker and wiring.dispatcher is None:
        raise ValueError("a broker is configured: build the application with bot.roles.build_application")
    application = (
        api_builder(settings)
        .job_queue(JobQueue() if settings.runs_scheduler else None)  # front ends fire no pushes
        .concurrent_updates(ChatOrderedUpdates())  # one chat's flood wait never holds another's updates
        .post_init(_post_init)
        .post_stop(_post_stop)
        .post_shutdown(_post_shutdown)
        .build()
    )
    if not settings.runs_scheduler:  # no JobQueue on purpose: PTB would warn at every look at it
        warnings.filterwarnings("ignore", message="No `JobQueue` set up", category=PTBUserWarning)
    if speaker is None:
        speaker = build_speaker(settings.tts, settings.cache_dir / "voice")
    analyzer = analyzer or Analyzer(
        settings.workers, timeout_s=settings.analysis_timeout_s, share_idle=settings.share_idle_clips
    )
    parts = _Parts(settings, analyzer, speaker, clock, wiring)
    application.bot_data[_PARTS_KEY] = parts
    handlers.register(application)
    return application


async def _post_init(application: Application) -> None:
    parts: _Parts = application.bot_data[_PARTS_KEY]
    settings = parts.settings
    _clean_tmp(settings)
    store = await Store.open(settings.store_target, clock=parts.clock or utcnow)
    application.bot_data[SERVICES_KEY] = Services(  # from here on, post_shutdown closes the store
        settings=settings,
        store=store,
        analyzer=parts.analyzer,
        speaker=parts.speaker,
        clock=parts.clock or utcnow,
    )
    if settings.role == "all" and not settings.uses_broker:  # clips are analysed in this process
        await parts.analyzer.start()
    if settings.database_url is not None:  # other processes may take clips from the same users
        handlers.share_rate_limit(application, SharedRateLimiter(store))
    module = commands_module()
    await set_commands(application, module)
    await _start_commands(application, module)
    runner = _intake(application, parts)
    if runner is not None:
        application.bot_data[buttons.RUNNER_KEY] = runner
        await runner.start()
    for start in parts.wiring.on_start:
        start(application)
    await webapp.start(application)  # the Mini App (FORMCOACH_WEBAPP_URL / _PORT), when configured
    if settings.retention_days and application.job_queue is not None:
        application.job_queue.run_repeating(
            purge_expired, interval=RETENTION_EVERY_S, first=60, name="retention"
        )


RETENTION_EVERY_S = 24 * 3600


def _intake(application: Application, parts: _Parts) -> JobRunner | None:
    """Who takes clips in: this process's pool, the roles' dispatcher (a broker), or nobody (scheduler)."""
    if parts.settings.role == "scheduler":
        return None
    if parts.wiring.dispatcher is not None:
        return parts.wiring.dispatcher(application)
    return JobRunner(application, parts.analyzer.concurrency)


async def purge_expired(context: CallbackContext) -> None:  # type: ignore[type-arg]
    """The retention policy: history older than FORMCOACH_RETENTION_DAYS is deleted once a day."""
    svc = services(context)
    removed = await svc.store.purge_older_than(svc.settings.retention_days)
    log.info("retention: removed %s", removed)


async def _post_stop(application: Application) -> None:
    runner: JobRunner | None = application.bot_data.get(buttons.RUNNER_KEY)
    if runner is not None:
        await runner.stop()
    await stop_sender(application)  # pushes on their way are finished


async def _post_shutdown(application: Application) -> None:
    await _post_stop(application)
    await webapp.stop(application)
    parts: _Parts = application.bot_data[_PARTS_KEY]
    await parts.analyzer.stop()
    services: Services | None = application.bot_data.pop(SERVICES_KEY, None)
    if services is not None:
        await services.store.close()


def commands_module() -> Any | None:
    """The other half of the bot (bot.chat.commands: /start, /settings, reminders …), when it is installed."""
    if importlib.util.find_spec(COMMANDS_MODULE) is None:
        log.info("%s is not there: running without the commands", COMMANDS_MODULE)
        return None
    return importlib.import_module(COMMANDS_MODULE)


def command_menu(language: str, module: Any | None = None) -> list[BotCommand]:
    """The command menu in ``language``: bot.chat.commands' own descriptions when it has them, else ours."""
    describe = getattr(module, "command_descriptions", None)
    if callable(describe):
        return [BotCommand(command, text) for command, text in describe(language)]
    return [BotCommand(c, translate(f"mycommands-{c}", language)) for c in COMMANDS]


async def set_commands(application: Application, module: Any | None = None) -> None:
    """The command menu for every locale (language_code) and, in Korean, for everyone else."""
    for language in ("", *LOCALES):
        try:
            await application.bot.set_my_commands(
                command_menu(language or "ko", module), language_code=language or None
            )
        except TelegramError as exc:
            log.warning("setMyCommands (%s) failed: %s", language or "default", type(exc).__name__)


async def _start_commands(application: Application, module: Any | None) -> None:
    """``register(application)`` and ``await on_startup(application)`` of bot.chat.commands, when present."""
    if callable(getattr(module, "register", None)):
        module.register(application)
    if callable(getattr(module, "on_startup", None)):
        await module.on_startup(application)


def _clean_tmp(settings: Settings) -> None:
    """Clips a crashed run left behind (they would never be deleted otherwise)."""
    shutil.rmtree(settings.data_dir / "tmp", ignore_errors=True)
    (settings.data_dir / "tmp").mkdir(parents=True, exist_ok=True)


@asynccontextmanager
async def running(application: Application, *, poll_timeout: float = 1.0) -> AsyncIterator[Application]:
    """Run the bot (long polling) on the current event loop, with run_polling's start/stop sequence."""
    await application.initialize()
    try:
        if application.post_init:
            await application.post_init(application)
        assert application.updater is not None
        await application.updater.start_polling(poll_interval=0.0, timeout=int(poll_timeout) or 1)
        await application.start()
        try:
            yield application
        finally:
            if application.updater.running:
                await application.updater.stop()
            if application.running:
                await application.stop()
            if application.post_stop:
                await application.post_stop(application)
    finally:
        await application.shutdown()
        if application.post_shutdown:
            await application.post_shutdown(application)
