"""The roles on top of ``bot.app``: ``build_application(settings)`` is the application ``bot.app`` builds,
with what the settings' role adds (``wiring``): the Celery dispatcher when a broker is configured, and the
scheduler's resync (shared database) and sweeper (broker) where pushes fire.
"""

from __future__ import annotations

import logging
from functools import partial
from typing import Any

from telegram.ext import Application

from bot import app
from bot.config import Settings
from bot.jobs.runner import JobRunner
from bot.roles import scheduler

log = logging.getLogger(__name__)


def _dispatcher(settings: Settings, application: Application) -> JobRunner:  # type: ignore[type-arg]
    from bot.roles.celery_app import create_celery  # Celery is imported only where a broker is used
    from bot.roles.dispatch import CeleryDispatcher

    return CeleryDispatcher(application, create_celery(settings))


def wiring(settings: Settings) -> app.Wiring:
    """What this process's role adds to the application."""
    on_start: list[Any] = []
    if settings.runs_scheduler and settings.database_url is not None:  # others change the database too
        on_start.append(scheduler.start_resync)
    if settings.runs_scheduler and settings.uses_broker:  # re-send jobs a dying front end never handed over
        on_start.append(partial(scheduler.start_sweeper, settings=settings))
    elif settings.role == "scheduler":
        log.warning("no FORMCOACH_BROKER_URL: jobs stored but never handed to the broker are not swept")
    dispatcher = partial(_dispatcher, settings) if settings.uses_broker else None
    return app.Wiring(dispatcher=dispatcher, on_start=tuple(on_start))


def build_application(settings: Settings, **kwargs: Any) -> Application:  # type: ignore[type-arg]
    """``bot.app.build_application`` with this role's wiring."""
    return app.build_application(settings, wiring=wiring(settings), **kwargs)
