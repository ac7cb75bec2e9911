"""``python -m bot``: settings from the environment → logging (token redacted) → polling or webhook.

FORMCOACH_ROLE picks the process of a scale-out deployment (deploy/README.md): ``all`` (default) and
``frontend`` serve updates as below, ``worker`` runs a Celery worker node, ``scheduler`` fires pushes.

Long polling by default; with FORMCOACH_WEBHOOK_URL set, FormCoach's own webhook server (bot.roles.webhook) on
FORMCOACH_WEBHOOK_PORT whose path is the URL's path: it checks Telegram's secret-token header
(FORMCOACH_WEBHOOK_SECRET) and answers Telegram only once the update was processed (a clip's job stored
and handed on), so an update is never acknowledged and then lost with its process.
"""

from __future__ import annotations

import logging
import os
import sys

from telegram import Update
from telegram.ext import Application

from bot.config import ConfigError, Settings, install_log_redaction
from bot.roles.wiring import build_application

log = logging.getLogger("bot")


def setup_logging(token: str, level: str | None = None) -> None:
    """Logging for a FormCoach process; ``level`` defaults to FORMCOACH_LOG_LEVEL (Settings.log_level)."""
    logging.basicConfig(
        level=(level or os.environ.get("FORMCOACH_LOG_LEVEL") or "INFO").upper(),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    logging.getLogger("httpx").setLevel(logging.WARNING)  # one line per Bot API request otherwise
    if logging.getLogger().getEffectiveLevel() < logging.INFO:  # PTB's DEBUG lines quote whole updates
        logging.getLogger("telegram").setLevel(logging.INFO)
    install_log_redaction(token)
    os.environ.setdefault("GLOG_minloglevel", "2")  # MediaPipe's C++ logging, inherited by the workers


def main() -> int:
    try:
        settings = Settings.from_env()
    except ConfigError as exc:
        print(f"formcoach: {exc}", file=sys.stderr)
        return 2
    setup_logging(settings.token, settings.log_level)
    log.info("starting with %r", settings)  # Settings' repr masks the token, the secret, passwords
    if settings.role == "worker":  # a Celery worker node (bot.roles.celery_app)
        from bot.roles.celery_app import run_worker

        return run_worker(settings)
    application = build_application(settings)
    if settings.role == "scheduler":  # pushes and retention, no updates (bot.roles.scheduler)
        from bot.roles.scheduler import run_scheduler

        run_scheduler(application)
        return 0
    serve(application, settings)
    return 0


def serve(application: Application, settings: Settings) -> None:
    """Run until SIGINT/SIGTERM: long polling, or the webhook server when FORMCOACH_WEBHOOK_URL is set."""
    if settings.webhook_url is None:
        application.run_polling(allowed_updates=Update.ALL_TYPES)
        return
    from bot.roles.webhook import run_webhook

    run_webhook(application, settings)


if __name__ == "__main__":
    sys.exit(main())
