"""The Mini App's HTTP server: the page, its static files and a JSON API, on tornado (the bot's own loop).

Routes (``make_app``):

* ``GET /`` — the page (``static/index.html`` with the pre-auth notices embedded); ``/static/…`` its files;
* ``GET /api/week?offset=0&lang=ko`` · ``GET /api/exercises`` · ``GET /api/exercise/<id>?session=&lang=``
  · ``GET /api/history?limit=20&before=<analysis id>`` · ``GET /api/thumb/<analysis id>/<n>.jpg``
  · ``GET/POST /api/settings`` · ``GET /api/strings?lang=ko``.

Every ``/api/`` request (unknown paths included) must carry ``Authorization: tma <initData>``, checked by
``bot.webapp.auth`` before anything else; otherwise 401 ``{"error": <reason>}`` and nothing from the
source. A valid user outside ``allowed_users`` (FORMCOACH_ALLOWED_USERS) gets 403 ``not_allowed``. The
user id passed to the source is the validated one, never a request parameter. Other errors are JSON too:
400 ``{"error": "bad_<parameter>"}``, 404 ``{"error": "not_found"}``, 500 ``internal``.

``start_webapp`` listens inside the running asyncio loop (tornado runs on asyncio) and returns a handle
whose ``stop()`` closes the listener and the open connections; ``webapp_routes`` are the same routes for
another tornado server (the webhook front end, bot.roles.webhook).
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn
from zoneinfo import ZoneInfo

from tornado.httpserver import HTTPServer
from tornado.netutil import bind_sockets
from tornado.web import Application, HTTPError, RequestHandler, StaticFileHandler

from analysis.report.i18n import LOCALES
from bot.webapp import views
from bot.webapp.auth import InitDataError, Reason, WebAppUser, validate_init_data
from bot.webapp.source import DashboardSource, SettingsChange
from bot.webapp.strings import boot_strings, page_strings

__all__ = ["DEFAULT_MAX_AGE_S", "WebAppServer", "make_app", "start_webapp", "webapp_routes"]

log = logging.getLogger(__name__)
DEFAULT_MAX_AGE_S = 24 * 3600  # initData is signed when the Mini App opens; a day covers a long session
MAX_BODY_BYTES = 64 * 1024
MAX_WEEKS_BACK = 520
MAX_HISTORY = 50
STATIC = Path(__file__).with_name("static")
CSP = (
    "default-src 'self'; img-src 'self' blob:; style-src 'self'; script-src 'self'; connect-src 'self'; "
    "object-src 'none'; base-uri 'none'; form-action 'none'; "
    "frame-ancestors 'self' https://web.telegram.org https://*.telegram.org"
)
_BOOLEAN_FIELDS = ("voice_on", "weekly_summary", "keep_photos")


@dataclass(frozen=True)
class _Context:
    source: DashboardSource
    bot_token: str = field(repr=False)
    max_age_s: int
    locales: tuple[str, ...]
    clock: Callable[[], float]
    allowed_users: frozenset[int] | None = None  # None: everybody


class _Base(RequestHandler):
    def set_default_headers(self) -> None:
        self.set_header("X-Content-Type-Options", "nosniff")
        self.set_header("Referrer-Policy", "no-referrer")  # not-a-key
        self.set_header("Content-Security-Policy", CSP)


class _Page(_Base):
    def initialize(self, html: str) -> None:
        self.html = html

    def get(self) -> None:
        self.set_header("Content-Type", "text/html; charset=utf-8")
        self.set_header("Cache-Control", "no-cache")  # not-a-key
        self.write(self.html)


class _Api(_Base):
    """Authenticates in ``prepare``; a handler method runs only for a valid user (``self.user``)."""

    ctx: _Context
    user: WebAppUser

    def initialize(self, ctx: _Context) -> None:
        self.ctx = ctx

    def set_default_headers(self) -> None:
        super().set_default_headers()
        self.set_header("Cache-Control", "no-store")  # not-a-key
        self.set_header("Content-Type", "application/json; charset=utf-8")

    def prepare(self) -> None:
        try:
            self.user = self._authenticate()
        except InitDataError as exc:
            self.set_status(401)
            self.set_header("WWW-Authenticate", "tma")
            self.finish(json.dumps({"error": exc.reason.value}))
            return
        allowed = self.ctx.allowed_users
        if allowed is not None and self.user.id not in allowed:
            self.set_status(403)
            self.finish(json.dumps({"error": "not_allowed"}))

    def _authenticate(self) -> WebAppUser:
        header = self.request.headers.get("Authorization")
        if header is None:
            raise InitDataError(Reason.NO_HEADER)
        scheme, _, init_data = header.strip().partition(" ")
        if scheme.lower() != "tma":
            raise InitDataError(Reason.BAD_SCHEME)
        return validate_init_data(
            init_data.strip(), self.ctx.bot_token, max_age_s=self.ctx.max_age_s, now=self.ctx.clock()
        )

    def send(self, body: Any) -> None:
        self.finish(json.dumps(body, ensure_ascii=False, separators=(",", ":")))

    def fail(self, status: int, error: str) -> NoReturn:
        raise HTTPError(status, reason=None, log_message=error)

    def write_error(self, status_code: int, **kwargs: Any) -> None:
        exc = kwargs.get("exc_info", (None, None))[1]
        if isinstance(exc, HTTPError) and exc.log_message and status_code < 500:
            error = exc.log_message
        else:
            error = {400: "bad_request", 404: "not_found", 405: "bad_method"}.get(status_code, "internal")
        self.set_header("Content-Type", "application/json; charset=utf-8")
        self.finish(json.dumps({"error": error}))

    def int_arg(self, name: str, default: int | None, lo: int, hi: int) -> int | None:
        text = self.get_query_argument(name, None)
        if text is None or text == "":
            return default
        if len(text) > 19 or not text.isascii() or not text.isdigit() or not lo <= int(text) <= hi:
            self.fail(400, f"bad_{name}")
        return int(text)

    def lang_arg(self) -> str:
        lang = self.get_query_argument("lang", None) or self.ctx.locales[0]
        if lang not in self.ctx.locales:
            self.fail(400, "bad_lang")
        return lang


class _Week(_Api):
    async def get(self) -> None:
        offset = self.int_arg("offset", 0, 0, MAX_WEEKS_BACK) or 0
        lang = self.lang_arg()
        view = await self.ctx.source.week(self.user.id, offset)
        self.send(views.week_body(view, lang))


class _Exercises(_Api):
    async def get(self) -> None:
        self.send({"exercises": await self.ctx.source.exercises(self.user.id)})


class _Exercise(_Api):
    async def get(self, exercise_id: str) -> None:
        session = self.int_arg("session", None, 1, 2**63 - 1)
        lang = self.lang_arg()
        view = await self.ctx.source.exercise(self.user.id, exercise_id)
        if view is None:
            self.fail(404, "not_found")
        self.send(views.exercise_body(view, lang, session))


class _History(_Api):
    async def get(self) -> None:
        limit = self.int_arg("limit", 20, 1, MAX_HISTORY) or 20
        before = self.int_arg("before", None, 1, 2**63 - 1)
        items = await self.ctx.source.history(self.user.id, limit, before)
        self.send(views.history_body(items, limit))


class _Thumb(_Api):
    async def get(self, analysis_id: str, index: str) -> None:
        jpeg = await self.ctx.source.thumbnail(self.user.id, int(analysis_id), int(index))
        if jpeg is None:
            self.fail(404, "not_found")
        self.set_header("Content-Type", "image/jpeg")
        self.finish(jpeg)


class _Settings(_Api):
    async def get(self) -> None:
        settings = await self.ctx.source.settings(self.user.id)
        self.send(views.settings_body(settings, self.ctx.locales))

    async def post(self) -> None:
        changes = self._changes()
        settings = await self.ctx.source.update_settings(self.user.id, changes)
        self.send(views.settings_body(settings, self.ctx.locales))

    def _changes(self) -> SettingsChange:
        try:
            body = json.loads(self.request.body or b"null")
        except ValueError:
            body = None
        if not isinstance(body, dict) or not body:
            self.fail(400, "bad_body")
        allowed = {"language", "timezone", *_BOOLEAN_FIELDS}
        unknown = sorted(set(body) - allowed)
        if unknown:
            self.fail(400, "bad_field")
        for name in _BOOLEAN_FIELDS:
            if name in body and not isinstance(body[name], bool):
                self.fail(400, f"bad_{name}")
        if "language" in body and body["language"] not in self.ctx.locales:
            self.fail(400, "bad_language")
        if "timezone" in body and not _valid_zone(body["timezone"]):
            self.fail(400, "bad_timezone")
        return SettingsChange(**body)


class _Strings(_Api):
    def get(self) -> None:
        lang = self.lang_arg()
        self.send({"lang": lang, "strings": page_strings(lang)})


class _NotFound(_Api):
    def get(self, *_: str) -> None:
        self.fail(404, "not_found")

    post = get


def _valid_zone(zone: Any) -> bool:
    return isinstance(zone, str) and zone in views.timezones() and bool(ZoneInfo(zone))


def _page_html(locales: tuple[str, ...]) -> str:
    boot = json.dumps({"locales": list(locales), "strings": boot_strings(locales)}, ensure_ascii=False)
    boot = boot.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return (STATIC / "index.html").read_text(encoding="utf-8").replace("{{BOOT}}", boot)


def log_request(handler: RequestHandler) -> None:  # quiet; never the Authorization header
    log.debug(
        "%d %s %s %.1f ms",
        handler.get_status(),
        handler.request.method,
        handler.request.path,
        1000 * handler.request.request_time(),
    )


def webapp_routes(
    source: DashboardSource,
    bot_token: str,
    *,
    max_age_s: int = DEFAULT_MAX_AGE_S,
    locales: tuple[str, ...] = LOCALES,
    clock: Callable[[], float] = time.time,
    allowed_users: frozenset[int] | None = None,
) -> list[Any]:
    """The Mini App's tornado routes: the page at ``/``, ``/static/…`` and ``/api/…``."""
    ctx = {"ctx": _Context(source, bot_token, max_age_s, tuple(locales), clock, allowed_users)}
    return [
        (r"/", _Page, {"html": _page_html(tuple(locales))}),
        (r"/static/(.*)", _Static, {"path": str(STATIC)}),
        (r"/api/week", _Week, ctx),
        (r"/api/exercises", _Exercises, ctx),
        (r"/api/exercise/([a-z0-9_]{1,40})", _Exercise, ctx),
        (r"/api/history", _History, ctx),
        (r"/api/thumb/([0-9]{1,18})/([0-9]{1,3})\.jpg", _Thumb, ctx),
        (r"/api/settings", _Settings, ctx),
        (r"/api/strings", _Strings, ctx),
        (r"/api/(.*)", _NotFound, ctx),
    ]


class _Static(StaticFileHandler):
    def set_default_headers(self) -> None:
        self.set_header("X-Content-Type-Options", "nosniff")
        self.set_header("Content-Security-Policy", CSP)


def make_app(
    source: DashboardSource,
    bot_token: str,
    *,
    max_age_s: int = DEFAULT_MAX_AGE_S,
    locales: tuple[str, ...] = LOCALES,
    clock: Callable[[], float] = time.time,
    allowed_users: frozenset[int] | None = None,
) -> Application:
    """The tornado Application of the Mini App (``locales[0]`` is the default language)."""
    routes = webapp_routes(
        source, bot_token, max_age_s=max_age_s, locales=locales, clock=clock, allowed_users=allowed_users
    )
    return Application(routes, log_function=log_request)


@dataclass
class WebAppServer:
    """A listening Mini App server: ``url`` to open, ``stop()`` to close it."""

    server: HTTPServer
    address: str
    port: int

    @property
    def url(self) -> str:
        return f"http://{self.address}:{self.port}/"

    async def stop(self) -> None:
        self.server.stop()
        await self.server.close_all_connections()


async def start_webapp(
    source: DashboardSource,
    bot_token: str,
    *,
    port: int,
    address: str = "127.0.0.1",
    max_age_s: int = DEFAULT_MAX_AGE_S,
    locales: tuple[str, ...] = LOCALES,
    allowed_users: frozenset[int] | None = None,
) -> WebAppServer:
    """Listen on ``address:port`` (0: a free port, see ``.port``) in the running loop."""
    app = make_app(source, bot_token, max_age_s=max_age_s, locales=locales, allowed_users=allowed_users)
    server = HTTPServer(app, max_body_size=MAX_BODY_BYTES, xheaders=False)
    sockets = bind_sockets(port, address)
    server.add_sockets(sockets)
    bound = sockets[0].getsockname()[1]
    log.info("Mini App server listening on %s:%d", address, bound)
    return WebAppServer(server, address, bound)
