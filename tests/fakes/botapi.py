"""A fake Telegram Bot API server for tests: real HTTP on 127.0.0.1, no mocks of python-telegram-bot.

    async with FakeBotAPI() as api:
        bot = telegram.Bot(api.token, base_url=api.base_url, base_file_url=api.base_file_url)
        api.push_message(42, "/start")                     # an update for getUpdates (or the webhook)
        await api.wait_calls(42, "sendMessage", 1)          # what the bot sent, with parsed fields

Routes are Telegram's: ``/bot<token>/<method>`` (GET/POST; JSON, urlencoded or multipart with
``attach://`` references) and ``/file/bot<token>/<file_path>``. Answers are ``{"ok": true, "result": …}``
or ``{"ok": false, "error_code": …, "description": …, "parameters": {"retry_after": n}}``; a 502/504 is
nginx's HTML page, as Telegram's front end sends it. Every call is recorded (``calls``, ``chats``).
Method handlers live in ``botapi_methods``; JSON object builders and content checks in ``tgobjects``.
Flood control (``flood``): ``enforce_limits()`` answers 429 past Telegram's limits (30 messages a second,
1 a second per chat), ``flood_each_method_once()`` answers 429 once per method.

Known deviations: webhooks may be plain ``http://127.0.0.1`` URLs; URLs as file inputs are refused
(tests have no internet); MarkdownV2 is checked for escaping but yields no entities.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import socket
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from aiohttp import web

from tests.fakes import tgobjects as tg
from tests.fakes.botapi_methods import BotApiMethods, StoredFile, UploadedFile
from tests.fakes.flood import FloodGate, OncePerMethod
from tests.fakes.tgobjects import ApiError, JSONDict

T = TypeVar("T")
DEFAULT_TOKEN = "123456789:AAFakeTokenForFormCoachTests_0123456789"
_JSON_FIELDS = {
    "reply_markup", "media", "allowed_updates", "commands", "entities", "caption_entities",
    "link_preview_options", "reply_parameters", "scope", "message_ids", "menu_button",
}
_INT_FIELDS = {
    "message_id", "offset", "limit", "timeout", "duration", "width", "height", "length", "cache_time",
    "message_thread_id", "reply_to_message_id", "max_connections",
}
_BOOL_FIELDS = {
    "disable_notification", "protect_content", "show_alert", "drop_pending_updates", "has_spoiler",
    "allow_sending_without_reply", "supports_streaming", "disable_content_type_detection",
    "allow_paid_broadcast", "show_caption_above_media",
}
_GATEWAY_HTML = (
    "<html>\r\n<head><title>{code} {phrase}</title></head>\r\n<body>\r\n"
    "<center><h1>{code} {phrase}</h1></center>\r\n<hr><center>nginx/1.18.0</center>\r\n</body>\r\n</html>\r\n"
)
_DESCRIPTIONS = {
    400: "Bad Request: injected failure", 403: "Forbidden: bot was blocked by the user",
    409: "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
    500: "Internal Server Error",
}


@dataclass
class Call:
    """One request the fake received, with its fields already typed (ints, JSON objects, booleans)."""

    method: str
    chat_id: int | str | None
    fields: JSONDict
    files: dict[str, UploadedFile]
    status: int = 200
    result: Any = None
    description: str | None = None
    at: float = field(default_factory=time.monotonic)

    @property
    def ok(self) -> bool:
        return self.status == 200


@dataclass
class _Fault:
    kind: str  # "error" | "delay" | "reset" | "hang"
    times: int
    code: int = 0
    description: str = ""
    retry_after: int | None = None
    seconds: float = 0.0


class FakeBotAPI(BotApiMethods):
    """The fake server; an async context manager. Test helpers are the public methods below."""

    def __init__(self, token: str = DEFAULT_TOKEN, *, username: str = "formcoach_test_bot") -> None:
        super().__init__()
        self.token = token
        self.bot_user: JSONDict = {
            "id": int(token.split(":", 1)[0]), "is_bot": True, "first_name": "폼코치", "username": username,
        }
        self.calls: list[Call] = []
        self.chats: dict[int | str | None, list[Call]] = defaultdict(list)
        self._faults: dict[str, list[_Fault]] = defaultdict(list)
        self.flood: FloodGate | None = None  # Telegram's limits, when enforce_limits() was called
        self.flood_once: OncePerMethod | None = None
        self._update_ids = itertools.count(700_000_001)
        self._query_ids = itertools.count(4_000_000_000_001)
        self._runner: web.AppRunner | None = None
        self.port = 0

    # --- lifecycle -------------------------------------------------------------------------------

    async def __aenter__(self) -> FakeBotAPI:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    async def start(self) -> None:
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._handle_api)
        app.router.add_get("/file/bot{token}/{path:.+}", self._handle_file)
        self._runner = web.AppRunner(app, shutdown_timeout=1.0, access_log=None)
        await self._runner.setup()
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.bind(("127.0.0.1", 0))
        self.port = sock.getsockname()[1]
        await web.SockSite(self._runner, sock).start()

    async def stop(self) -> None:
        self.closing = True
        self.signal.fire()
        await self._stop_webhook()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def base_url(self) -> str:
        """For ``telegram.Bot(base_url=…)`` / ``ApplicationBuilder().base_url(…)``."""
        return f"{self.url}/bot"

    @property
    def base_file_url(self) -> str:
        return f"{self.url}/file/bot"

    # --- test helpers: inject ----------------------------------------------------------------------

    def add_file(self, data: bytes, mime: str = "video/mp4", file_name: str | None = None, *,
                 file_size: int | None = None) -> str:
        """Store a file as if a user had uploaded it; returns its file_id. ``file_size`` may claim more."""
        kind = mime.split("/", 1)[0]
        return self.store_file(data, mime, file_name, {"image": "photo"}.get(kind, kind), file_size).file_id

    def push_update(self, update: JSONDict) -> JSONDict:
        """Queue a raw update (``update_id`` is assigned) for getUpdates or the webhook."""
        update = {"update_id": next(self._update_ids), **update}
        self.updates.append(update)
        self.signal.fire()
        return update

    def push_message(self, chat_id: int, text: str, *, user_id: int | None = None,
                     reply_to: int | None = None, **user: Any) -> JSONDict:
        """A text message; ``reply_to``: the id of the chat's message it replies to (Telegram quotes it)."""
        content: JSONDict = {"text": text}
        if entities := tg.command_entities(text):
            content["entities"] = entities
        if reply_to is not None:
            original = self.messages[(chat_id, reply_to)]
            content["reply_to_message"] = {k: v for k, v in original.items() if k != "reply_to_message"}
        return self._push_user_message(chat_id, content, user_id, user)

    def push_voice(self, chat_id: int, file_id: str, *, duration: int = 3, user_id: int | None = None,
                   **user: Any) -> JSONDict:
        """A voice message (``audio`` kind: Telegram's "audio" message, a music file, instead)."""
        keep = ("file_id", "file_unique_id", "file_size", "mime_type")
        meta = {k: v for k, v in self._file_meta(file_id).items() if k in keep} | {"duration": duration}
        kind = "audio" if self.files[file_id].mime_type in ("audio/mpeg", "audio/mp4") else "voice"
        return self._push_user_message(chat_id, {kind: meta}, user_id, user)

    def push_video(self, chat_id: int, file_id: str, *, caption: str | None = None, duration: int = 5,
                   width: int = 720, height: int = 1280, user_id: int | None = None, **user: Any) -> JSONDict:
        video = {**self._file_meta(file_id), "width": width, "height": height, "duration": duration}
        return self._push_user_message(chat_id, {"video": video, **_caption(caption)}, user_id, user)

    def push_video_note(self, chat_id: int, file_id: str, *, duration: int = 5, length: int = 384,
                        user_id: int | None = None, **user: Any) -> JSONDict:
        keep = ("file_id", "file_unique_id", "file_size")
        meta = {k: v for k, v in self._file_meta(file_id).items() if k in keep}
        note = {**meta, "length": length, "duration": duration}
        return self._push_user_message(chat_id, {"video_note": note}, user_id, user)

    def push_animation(self, chat_id: int, file_id: str, *, duration: int = 3, width: int = 480,
                       height: int = 480, caption: str | None = None, user_id: int | None = None,
                       **user: Any) -> JSONDict:
        animation = {**self._file_meta(file_id), "width": width, "height": height, "duration": duration}
        # Telegram sends animations with a "document" twin for old clients; PTB reads both.
        content = {"animation": animation, "document": self._file_meta(file_id), **_caption(caption)}
        return self._push_user_message(chat_id, content, user_id, user)

    def push_document(self, chat_id: int, file_id: str, *, caption: str | None = None,
                      user_id: int | None = None, **user: Any) -> JSONDict:
        content = {"document": self._file_meta(file_id), **_caption(caption)}
        return self._push_user_message(chat_id, content, user_id, user)

    def push_photo(self, chat_id: int, file_id: str, *, caption: str | None = None,
                   user_id: int | None = None, **user: Any) -> JSONDict:
        sizes = self.photo_sizes(self.files[file_id])
        return self._push_user_message(chat_id, {"photo": sizes, **_caption(caption)}, user_id, user)

    def push_callback(self, chat_id: int, message_id: int, data: str, *, user_id: int | None = None,
                      **user: Any) -> JSONDict:
        """A tap on an inline button of a message the bot sent (it must exist)."""
        message = self.messages.get((chat_id, message_id))
        if message is None:
            raise ValueError(f"no message {message_id} in chat {chat_id}")
        query_id = str(next(self._query_ids))
        self.callback_queries[query_id] = None
        query = {"id": query_id, "from": tg.user(user_id or chat_id, **user), "message": message,
                 "chat_instance": f"-{abs(chat_id)}77", "data": data}
        return self.push_update({"callback_query": query})

    def block_chat(self, chat_id: int, blocked: bool = True) -> None:
        """Sending to this chat answers 403 "Forbidden: bot was blocked by the user"."""
        (self.blocked.add if blocked else self.blocked.discard)(chat_id)

    # --- test helpers: faults ------------------------------------------------------------------------

    def fail_next(self, method: str, code: int = 429, *, retry_after: int | None = None, times: int = 1,
                  description: str | None = None) -> None:
        """The next ``times`` calls of ``method`` ("*" = any, "download" = file route) fail with ``code``."""
        if code == 429:
            retry_after = retry_after or 1
            description = description or f"Too Many Requests: retry after {retry_after}"
        fault = _Fault("error", times, code, description or _DESCRIPTIONS.get(code, ""), retry_after)
        self._faults[method.lower()].append(fault)

    def delay_next(self, method: str, seconds: float, *, times: int = 1) -> None:
        """The next ``times`` calls of ``method`` are answered only after ``seconds``."""
        self._faults[method.lower()].append(_Fault("delay", times, seconds=seconds))

    def reset_next(self, method: str, *, times: int = 1) -> None:
        """The next ``times`` calls of ``method`` get their TCP connection aborted, with no answer."""
        self._faults[method.lower()].append(_Fault("reset", times))

    def hang_next(self, method: str, seconds: float, *, times: int = 1) -> None:
        """The next ``times`` calls of ``method`` get no answer for ``seconds``, then their connection is
        aborted and the request dropped unprocessed (a front end that lost it: the client times out)."""
        self._faults[method.lower()].append(_Fault("hang", times, seconds=seconds))

    def enforce_limits(self, overall_per_s: float = 30.0, chat_per_s: float = 1.0, *,
                       retry_after: int = 1) -> FloodGate:
        """Telegram's flood control from now on: 429 past ``overall_per_s`` messages a second or
        ``chat_per_s`` per chat (tests.fakes.flood); the gate counts what it refused and accepted."""
        self.flood = FloodGate(overall_per_s, chat_per_s, retry_after)
        return self.flood

    def flood_each_method_once(self, retry_after: int = 1, methods: list[str] | None = None) -> OncePerMethod:
        """From now on the first call of every method (``methods=None``), or the next call of each of
        ``methods`` (added to those armed before), answers 429 with ``retry_after``."""
        if methods is None or self.flood_once is None:
            self.flood_once = OncePerMethod(retry_after, every=methods is None)
        self.flood_once.arm(methods or ())
        return self.flood_once

    # --- test helpers: inspect ------------------------------------------------------------------------

    def calls_for(self, chat_id: int | str | None = None, method: str | None = None, *,
                  ok: bool | None = True) -> list[Call]:
        """Recorded calls, filtered by chat, method (case-insensitive) and success (None = all)."""
        source = self.calls if chat_id is None else self.chats.get(chat_id, [])
        return [c for c in source if (method is None or c.method.lower() == method.lower())
                and (ok is None or c.ok == ok)]

    def message(self, chat_id: int, message_id: int) -> JSONDict | None:
        """The current state of a message (after edits); None once deleted or unknown."""
        return self.messages.get((chat_id, message_id))

    async def wait_for(self, predicate: Callable[[], T], timeout: float = 5.0) -> T:
        """Wait until ``predicate()`` is truthy (re-checked on every state change); returns its value."""
        deadline = time.monotonic() + timeout
        while not (value := predicate()):
            if time.monotonic() >= deadline:
                raise AssertionError(f"condition not met within {timeout}s; calls so far: {self._summary()}")
            await self.signal.wait(min(0.25, deadline - time.monotonic()))
        return value

    async def wait_calls(self, chat_id: int | str | None, method: str, n: int = 1,
                         timeout: float = 5.0) -> list[Call]:
        """Wait for at least ``n`` successful ``method`` calls to ``chat_id``; returns all of them."""
        def enough() -> list[Call] | None:
            found = self.calls_for(chat_id, method)
            return found if len(found) >= n else None

        return await self.wait_for(enough, timeout)

    async def wait_updates_consumed(self, timeout: float = 5.0) -> None:
        """Wait until every pushed update was confirmed (getUpdates offset) or delivered to the webhook."""
        await self.wait_for(lambda: not self.updates, timeout)

    def _summary(self) -> str:
        return ", ".join(f"{c.method}→{c.chat_id}({c.status})" for c in self.calls[-30:]) or "none"

    # --- HTTP ------------------------------------------------------------------------------------------

    async def _handle_api(self, request: web.Request) -> web.StreamResponse:
        method = request.match_info["method"]
        if request.match_info["token"] != self.token:
            return _error_response(ApiError(401, "Unauthorized"))
        try:
            fields, files = await _parse_request(request)
        except ApiError as exc:
            return _error_response(exc)
        call = Call(method, _chat_key(fields.get("chat_id")), fields, files)
        try:
            if (early := await self._apply_fault(method, request)) is not None:
                return self._finish(call, early)
            if (wait := self._flood_wait(method, call.chat_id)) is not None:
                raise ApiError(429, f"Too Many Requests: retry after {wait}", wait)
            handler = self.handlers.get(method.lower())
            if handler is None:
                raise ApiError(404, "Not Found")
            call.result = await handler(fields, files)
            body = {"ok": True, "result": call.result}
            response: web.StreamResponse = web.json_response(body, dumps=_dumps)
        except ApiError as exc:
            response = _error_response(exc)
        return self._finish(call, response)

    def _flood_wait(self, method: str, chat_id: int | str | None) -> int | None:
        if self.flood_once is not None and (wait := self.flood_once.check(method)) is not None:
            return wait
        return self.flood.check(method, chat_id) if self.flood is not None else None

    def _finish(self, call: Call, response: web.StreamResponse) -> web.StreamResponse:
        call.status = response.status
        is_json = isinstance(response, web.Response) and response.content_type.endswith("json")
        if call.status != 200 and is_json:
            call.description = json.loads(response.text or "{}").get("description")
        self.calls.append(call)
        self.chats[call.chat_id].append(call)
        self.signal.fire()
        return response

    async def _handle_file(self, request: web.Request) -> web.StreamResponse:
        if request.match_info["token"] != self.token:
            return web.Response(status=401, text="Unauthorized")
        if (early := await self._apply_fault("download", request)) is not None:
            return early
        stored = next((f for f in self.files.values() if f.file_path == request.match_info["path"]), None)
        if stored is None:
            return web.Response(status=404, text="Not Found")
        return web.Response(body=stored.data, content_type="application/octet-stream")

    async def _apply_fault(self, method: str, request: web.Request) -> web.StreamResponse | None:
        for key in (method.lower(), "*"):
            queue = self._faults.get(key)
            if not queue or (key == "*" and method == "download"):
                continue
            fault = queue[0]
            fault.times -= 1
            if fault.times <= 0:
                queue.pop(0)
            if fault.kind == "delay":
                await asyncio.sleep(fault.seconds)
                return None
            if fault.kind == "hang":
                await asyncio.sleep(fault.seconds)
            if fault.kind in ("reset", "hang"):
                if request.transport is not None:
                    request.transport.abort()
                return web.Response(status=599)
            return _error_response(ApiError(fault.code, fault.description, fault.retry_after))
        return None

    def _push_user_message(self, chat_id: int, content: JSONDict, user_id: int | None,
                           user: dict[str, Any]) -> JSONDict:
        message = self.new_message(chat_id, content, sender=tg.user(user_id or chat_id, **user))
        return self.push_update({"message": message})

    def _file_meta(self, file_id: str) -> JSONDict:
        stored: StoredFile = self.files[file_id]
        meta: JSONDict = {"file_id": stored.file_id, "file_unique_id": stored.file_unique_id,
                          "file_size": stored.file_size, "mime_type": stored.mime_type}
        if stored.file_name:
            meta["file_name"] = stored.file_name
        return meta


def _caption(caption: str | None) -> JSONDict:
    return {"caption": caption} if caption else {}


def _dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False)


def _chat_key(value: Any) -> int | str | None:
    return value if value is None or isinstance(value, int | str) else str(value)


def _error_response(exc: ApiError) -> web.Response:
    if exc.code in (502, 504):
        phrase = "Bad Gateway" if exc.code == 502 else "Gateway Time-out"
        return web.Response(status=exc.code, text=_GATEWAY_HTML.format(code=exc.code, phrase=phrase),
                            content_type="text/html")
    body: JSONDict = {"ok": False, "error_code": exc.code, "description": exc.description}
    if exc.retry_after is not None:
        body["parameters"] = {"retry_after": exc.retry_after}
    return web.json_response(body, status=exc.code, dumps=_dumps)


async def _parse_request(request: web.Request) -> tuple[JSONDict, dict[str, UploadedFile]]:
    """Fields from the query string and the body, typed as the Bot API types them; uploaded files apart."""
    raw: dict[str, Any] = dict(request.query)
    files: dict[str, UploadedFile] = {}
    if request.content_type == "application/json" and request.can_read_body:
        try:
            body = await request.json()
        except ValueError as exc:
            raise tg.bad_request("can't parse JSON request body") from exc
        return {**{k: _coerce(k, v) for k, v in raw.items()}, **body}, files
    if request.content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
        for key, value in (await request.post()).items():
            if isinstance(value, web.FileField):
                files[key] = UploadedFile(key, value.filename, value.content_type, value.file.read())
            else:
                raw[key] = value if isinstance(value, str) else bytes(value).decode()
    return {key: _coerce(key, value) for key, value in raw.items()}, files


def _coerce(name: str, value: str) -> Any:
    try:
        if name in _JSON_FIELDS:
            return json.loads(value)
        if name in _INT_FIELDS:
            return int(value)
    except ValueError as exc:
        raise tg.bad_request(f"invalid value of parameter {name}") from exc
    if name in _BOOL_FIELDS:
        return value.lower() in ("true", "1")
    if name in ("chat_id", "from_chat_id"):
        return int(value) if value.lstrip("-").isdigit() else value
    return value


__all__ = ["DEFAULT_TOKEN", "Call", "FakeBotAPI", "StoredFile", "UploadedFile"]
