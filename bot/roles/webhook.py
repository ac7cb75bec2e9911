"""FormCoach's webhook server (FORMCOACH_WEBHOOK_URL): Telegram gets its HTTP 200 only once the update
was processed.

python-telegram-bot's own ``run_webhook`` answers 200 as soon as an update is queued in the process, so a
front end that dies right after that loses the update (Telegram never sends it again). This server is the
"custom webhook server" of python-telegram-bot's documentation, on tornado (which PTB's webhooks extra
already installs): each POST processes its update inside the request (through bot.updates, so a chat's
updates keep their order), so for a clip the job is stored, acknowledged and handed to the broker (or
the local queue) before Telegram hears 200. Answers:

* 403 when the ``X-Telegram-Bot-Api-Secret-Token`` header is missing or wrong (nothing is processed);
* 400 for a body that is not an update (Telegram would send it again in vain);
* 500 when a handler raised (the error handler has logged it): Telegram delivers the update again, and
  the job's idempotency per Telegram message (``Store.enqueue_job``) makes the repetition harmless;
* 200 otherwise.

The same server serves the Mini App (``bot.webapp.hosting.routes``: ``/``, ``/static/``, ``/api/``) when it
is configured, so the front ends behind the load balancer answer it too.

``run_webhook(application, settings)`` runs the Application's start/stop sequence around the server
until SIGTERM/SIGINT; on the way out it stops listening and lets updates being processed finish.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import json
import logging
import re
import signal
from contextvars import ContextVar
from typing import Any
from urllib.parse import urlsplit

from telegram import Update
from telegram.ext import Application, CallbackContext
from tornado.httpserver import HTTPServer
from tornado.web import Application as TornadoApplication
from tornado.web import RequestHandler

from bot.config import Settings
from bot.webapp import hosting as webapp

log = logging.getLogger(__name__)
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
MAX_BODY_BYTES = 4 * 2**20  # an update is a few kB; clips themselves are downloaded by file id
DRAIN_S = 20.0  # at shutdown, updates being processed get this long to finish
App = Application[Any, Any, Any, Any, Any, Any]
_failures: ContextVar[list[BaseException | None] | None] = ContextVar(
    "formcoach_webhook_failures", default=None
)


class WebhookServer:
    """The HTTP side: one route (the webhook URL's path), POST only."""

    def __init__(self, application: App, settings: Settings) -> None:
        if not settings.webhook_url or not settings.webhook_secret:
            raise ValueError("the webhook server needs settings.webhook_url and settings.webhook_secret")
        self.application = application
        self.path = urlsplit(settings.webhook_url).path or "/"
        self.address, self.port = settings.webhook_listen, settings.webhook_port
        self._secret = settings.webhook_secret.encode()
        self._in_flight = 0
        self._idle = asyncio.Event()
        self._idle.set()
        self._server: HTTPServer | None = None

    def listen(self) -> None:
        routes = [(re.escape(self.path), _UpdateHandler, {"hook": self}), *webapp.routes(self.application)]
        app = TornadoApplication(routes, log_function=_log_request)
        self._server = HTTPServer(app, max_body_size=MAX_BODY_BYTES)
        self._server.listen(self.port, self.address)
        log.info("webhook server listening on %s:%d%s", self.address, self.port, self.path)

    def authorised(self, header: str | None) -> bool:
        return header is not None and hmac.compare_digest(header.encode(), self._secret)

    async def handle(self, body: bytes) -> int:
        """The HTTP status for one delivery: 200 once processed, 500 when a handler raised, 400 junk."""
        update = self._parse(body)
        if update is None:
            return 400
        self._in_flight += 1
        self._idle.clear()
        try:
            ok = await asyncio.create_task(_processed(self.application, update))  # its own context
        finally:
            self._in_flight -= 1
            if self._in_flight == 0:
                self._idle.set()
        if not ok:
            log.warning(
                "update %d failed; answering 500 so that Telegram delivers it again", update.update_id
            )
        return 200 if ok else 500

    def _parse(self, body: bytes) -> Update | None:
        try:
            data = json.loads(body)
            update = Update.de_json(data, self.application.bot) if isinstance(data, dict) else None
        except (ValueError, TypeError, KeyError) as exc:
            log.warning("webhook: a body that is not an update (%s)", type(exc).__name__)
            return None
        return update

    async def close(self) -> None:
        """Stop listening; let updates being processed finish (up to DRAIN_S); close the connections."""
        if self._server is None:
            return
        self._server.stop()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._idle.wait(), DRAIN_S)
        await self._server.close_all_connections()
        self._server = None


class _UpdateHandler(RequestHandler):
    hook: WebhookServer

    def initialize(self, hook: WebhookServer) -> None:
        self.hook = hook

    async def post(self) -> None:
        if not self.hook.authorised(self.request.headers.get(SECRET_HEADER)):
            self.set_status(403)
            return
        self.set_status(await self.hook.handle(self.request.body))


def _log_request(handler: RequestHandler) -> None:  # tornado's access log, kept quiet (no bodies)
    log.debug(
        "%d %s %.1f ms", handler.get_status(), handler.request.method, 1000 * handler.request.request_time()
    )


async def _processed(application: App, update: Update) -> bool:
    """Process the update; False when a handler raised (the error handlers saw it)."""
    failures: list[BaseException | None] = []
    _failures.set(failures)  # this task's own context: concurrent deliveries do not mix
    # through the update processor (bot.updates): one chat's deliveries in order, other chats meanwhile
    await application.update_processor.process_update(update, application.process_update(update))
    return not failures


async def _note_failure(update: object, context: CallbackContext[Any, Any, Any, Any]) -> None:
    """An error handler: tell the delivery in progress (if any) that its update failed."""
    failures = _failures.get()
    if failures is not None:
        failures.append(context.error)


def run_webhook(application: App, settings: Settings) -> None:
    """Serve the webhook until SIGTERM/SIGINT (the Application's whole start/stop sequence)."""
    asyncio.run(serve_webhook(application, settings))


async def serve_webhook(application: App, settings: Settings, stop: asyncio.Event | None = None) -> None:
    stop = stop or _stop_on_signals()
    await application.initialize()
    try:
        if application.post_init:
            await application.post_init(application)
        application.add_error_handler(_note_failure)
        server = WebhookServer(application, settings)
        server.listen()
        try:
            await _set_webhook(application, settings)
            await application.start()
            await stop.wait()
        finally:
            await server.close()
        await _stop(application)
    finally:
        await application.shutdown()
        if application.post_shutdown:
            await application.post_shutdown(application)


async def _set_webhook(application: App, settings: Settings) -> None:
    await application.bot.set_webhook(  # retried by the flood limiter (bot.flood)
        url=settings.webhook_url or "",
        secret_token=settings.webhook_secret,
        allowed_updates=Update.ALL_TYPES,
    )


async def _stop(application: App) -> None:
    if application.running:
        await application.stop()
    if application.post_stop:
        await application.post_stop(application)


def _stop_on_signals() -> asyncio.Event:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    return stop
