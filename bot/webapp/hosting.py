"""The Mini App in the running bot: its server, its routes on the webhook server, and Telegram's menu button.

* polling (``python -m bot``): ``start(application)`` in post_init listens on FORMCOACH_WEBAPP_PORT
  (address FORMCOACH_WEBHOOK_LISTEN) inside the bot's own event loop; ``stop(application)`` in
  post_shutdown closes it;
* webhook (one process or scale-out front ends): ``routes(application)`` are added to FormCoach's webhook
  server (bot.roles.webhook), so the front ends behind the load balancer serve the Mini App too;
* FORMCOACH_WEBAPP_URL (the public https address behind the user's proxy) also sets the chat menu button
  (``setChatMenuButton`` with ``web_app``) at start-up.

Both read the same Store the bot writes (SQLite or PostgreSQL), through ``store_source.source_for``.
"""

from __future__ import annotations

import logging
from typing import Any

from telegram import MenuButtonWebApp, WebAppInfo
from telegram.error import TelegramError
from telegram.ext import Application

from analysis.report.i18n import DEFAULT_LOCALE, translate
from bot.config import WEBAPP_DEFAULT_PORT, Settings
from bot.context import services
from bot.webapp.server import WebAppServer, start_webapp, webapp_routes
from bot.webapp.store_source import source_for

__all__ = ["SERVER_KEY", "routes", "set_menu_button", "start", "stop"]

log = logging.getLogger(__name__)
SERVER_KEY = "webapp_server"  # application.bot_data: the polling mode's WebAppServer
App = Application[Any, Any, Any, Any, Any, Any]


def _own_server(settings: Settings) -> bool:
    return settings.serves_webapp and not settings.webhook_mode


async def start(application: App) -> WebAppServer | None:
    """Polling: start the Mini App server (when configured) and set the menu button (when a URL is set)."""
    settings = services(application).settings
    server = None
    if _own_server(settings):
        server = await start_webapp(
            source_for(application),
            settings.token,
            port=WEBAPP_DEFAULT_PORT if settings.webapp_port is None else settings.webapp_port,
            address=settings.webhook_listen,
            max_age_s=settings.webapp_max_age_s,
            allowed_users=settings.allowed_users,
        )
        application.bot_data[SERVER_KEY] = server
    if settings.webapp_url is not None and settings.role in ("all", "frontend"):
        await set_menu_button(application, settings.webapp_url)
    return server


async def stop(application: App) -> None:
    server: WebAppServer | None = application.bot_data.pop(SERVER_KEY, None)
    if server is not None:
        await server.stop()


def routes(application: App) -> list[Any]:
    """The Mini App's routes for the webhook server ([] when this process does not serve it)."""
    settings = services(application).settings
    if not settings.serves_webapp:
        return []
    return webapp_routes(
        source_for(application),
        settings.token,
        max_age_s=settings.webapp_max_age_s,
        allowed_users=settings.allowed_users,
    )


async def set_menu_button(application: App, url: str) -> None:
    """Every private chat's menu button opens the Mini App (a failure is logged; the bot runs on)."""
    button = MenuButtonWebApp(translate("webapp-menu-button", DEFAULT_LOCALE), WebAppInfo(url))
    try:
        await application.bot.set_chat_menu_button(menu_button=button)
    except TelegramError as exc:
        log.warning("setChatMenuButton failed: %s", type(exc).__name__)
