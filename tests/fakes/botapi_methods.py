"""Bot API method handlers and state of the fake server (see ``botapi.FakeBotAPI``).

Each ``api_<method>`` coroutine takes the typed request fields and the uploaded files and returns the
``result`` of a successful answer, or raises ``ApiError`` with the description Telegram would give.
Stored messages are never mutated: an edit replaces the dict, so recorded results stay as answered.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import secrets
from collections import defaultdict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from tests.fakes import tgobjects as tg
from tests.fakes.botapi_updates import UpdateMethods
from tests.fakes.tgobjects import ApiError, JSONDict

MAX_DOWNLOAD = 20 * 1024 * 1024
CHAT_ACTIONS = {
    "typing", "upload_photo", "record_video", "upload_video", "record_voice", "upload_voice",
    "upload_document", "choose_sticker", "find_location", "record_video_note", "upload_video_note",
}
NOT_MODIFIED = ("message is not modified: specified new message content and reply markup are exactly the "
                "same as a current content and reply markup of the message")
_FOLDERS = {"video": "videos", "photo": "photos", "voice": "voice", "audio": "music"}
Handler = Callable[[JSONDict, "dict[str, UploadedFile]"], Awaitable[Any]]


@dataclass(frozen=True)
class UploadedFile:
    """A multipart file part as received: field name, filename, content type and bytes."""

    field: str
    filename: str | None
    content_type: str | None
    data: bytes


@dataclass(frozen=True)
class StoredFile:
    file_id: str
    file_unique_id: str
    data: bytes
    mime_type: str
    file_name: str | None
    file_path: str
    file_size: int


class Signal:
    """Wakes every waiter when the fake's state changes (new call, new update, …)."""

    def __init__(self) -> None:
        self._event = asyncio.Event()

    def fire(self) -> None:
        self._event.set()
        self._event = asyncio.Event()

    async def wait(self, timeout: float) -> None:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._event.wait(), max(timeout, 0.0))


class BotApiMethods(UpdateMethods):
    bot_user: JSONDict

    def __init__(self) -> None:
        self.files: dict[str, StoredFile] = {}
        self.messages: dict[tuple[int | str, int], JSONDict] = {}
        self.outgoing: set[tuple[int | str, int]] = set()
        self.updates: list[JSONDict] = []  # pushed, not yet confirmed by an offset (or webhook delivery)
        self.allowed_updates: list[str] = []
        self.callback_queries: dict[str, JSONDict | None] = {}  # id → answer fields, None until answered
        self.blocked: set[int | str] = set()
        self.commands: dict[tuple[str, str], list[JSONDict]] = {}
        self.menu_buttons: dict[int | None, JSONDict] = {}  # chat id (None: the default) → MenuButton
        self.webhook: JSONDict | None = None
        self.webhook_deliveries: list[JSONDict] = []
        self.closing = False
        self.signal = Signal()
        self._message_ids: dict[int | str, int] = defaultdict(int)
        self._file_numbers = itertools.count(1)
        self._photo_sizes: dict[str, list[JSONDict]] = {}
        self._poll_seq = 0
        self._webhook_task: asyncio.Task[None] | None = None
        self.handlers: dict[str, Handler] = {
            name[4:].lower(): getattr(self, name) for name in dir(self) if name.startswith("api_")
        }

    # --- state helpers ---------------------------------------------------------------------------

    def store_file(self, data: bytes, mime: str, file_name: str | None, kind: str,
                   file_size: int | None = None) -> StoredFile:
        file_id, unique_id = tg.new_file_ids(kind)
        folder = _FOLDERS.get(kind, "documents")
        ext = (file_name or "").rsplit(".", 1)[-1] if file_name and "." in file_name else mime.split("/")[-1]
        path = f"{folder}/file_{next(self._file_numbers)}.{ext}"
        stored = StoredFile(file_id, unique_id, data, mime, file_name, path, file_size or len(data))
        self.files[file_id] = stored
        return stored

    def new_message(self, chat_id: int | str, content: JSONDict, *, sender: JSONDict | None = None,
                    fields: JSONDict | None = None) -> JSONDict:
        """Assign the next id of the chat (shared by both sides, as in private chats) and store it."""
        extra: JSONDict = {}
        if fields is not None:
            if markup := _inline_markup(fields, chat_id):
                extra["reply_markup"] = markup
            if original := self._reply_target(chat_id, fields):
                extra["reply_to_message"] = {k: v for k, v in original.items() if k != "reply_to_message"}
        self._message_ids[chat_id] += 1
        message_id = self._message_ids[chat_id]
        message: JSONDict = {"message_id": message_id, "from": sender or self.bot_user,
                             "chat": tg.chat(chat_id), "date": tg.now(), **content, **extra}
        self.messages[(chat_id, message_id)] = message
        if sender is None:
            self.outgoing.add((chat_id, message_id))
        return message

    def _reply_target(self, chat_id: int | str, fields: JSONDict) -> JSONDict | None:
        parameters = fields.get("reply_parameters") or {}
        reply_to = parameters.get("message_id", fields.get("reply_to_message_id"))
        if not reply_to:
            return None
        original = self.messages.get((chat_id, reply_to))
        lenient = parameters.get("allow_sending_without_reply", fields.get("allow_sending_without_reply"))
        if original is None and not lenient:
            raise tg.bad_request("message to be replied not found")
        return original

    def photo_sizes(self, stored: StoredFile) -> list[JSONDict]:
        if stored.file_id not in self._photo_sizes:
            width, height = tg.image_size(stored.data)
            sides = tg.photo_sides(width, height)
            sizes = []
            for i, (w, h) in enumerate(sides):
                size_file = stored if i == len(sides) - 1 else self.store_file(stored.data, stored.mime_type,
                                                                               None, "photo")
                sizes.append({"file_id": size_file.file_id, "file_unique_id": size_file.file_unique_id,
                              "file_size": size_file.file_size, "width": w, "height": h})
            self._photo_sizes[stored.file_id] = sizes
        return self._photo_sizes[stored.file_id]

    def _chat(self, fields: JSONDict) -> int | str:
        chat_id = fields.get("chat_id")
        if chat_id in (None, ""):
            raise tg.bad_request("chat_id is empty")
        if chat_id == 0 or isinstance(chat_id, str):
            raise tg.bad_request("chat not found")
        if chat_id in self.blocked:
            raise ApiError(403, "Forbidden: bot was blocked by the user")
        return chat_id

    def _own_message(self, fields: JSONDict, verb: str) -> tuple[tuple[int | str, int], JSONDict]:
        if "inline_message_id" in fields:
            raise tg.bad_request("inline messages are not supported by the fake")
        key = (self._chat(fields), fields.get("message_id"))
        if not isinstance(key[1], int):
            raise tg.bad_request("message identifier is not specified")
        message = self.messages.get(key)  # type: ignore[arg-type]
        if message is None:
            raise tg.bad_request(f"message to {verb} not found")
        if key not in self.outgoing:
            raise tg.bad_request("message can't be edited")
        return key, message  # type: ignore[return-value]

    def _input_file(self, fields: JSONDict, files: dict[str, UploadedFile], name: str,
                    kind: str) -> StoredFile:
        """A file parameter: an upload under ``name``, ``attach://part``, or a known file_id."""
        if name in files:
            return self._from_upload(files[name], kind)
        value = fields.get(name)
        if not isinstance(value, str) or not value:
            raise tg.bad_request(f"there is no {name} in the request")
        return self._resolve(value, files, kind)

    def _resolve(self, value: str, files: dict[str, UploadedFile], kind: str) -> StoredFile:
        if value.startswith("attach://"):
            if value[9:] not in files:
                raise tg.bad_request(f"file attach://{value[9:]} is not found in the request")
            return self._from_upload(files[value[9:]], kind)
        if value.startswith(("http://", "https://")):
            raise tg.bad_request("failed to get HTTP URL content")
        if value not in self.files:
            raise tg.bad_request("wrong file identifier/HTTP URL specified")
        return self.files[value]

    def _from_upload(self, upload: UploadedFile, kind: str) -> StoredFile:
        mime = upload.content_type or "application/octet-stream"
        if kind == "photo" or mime == "application/octet-stream":
            mime = {"photo": "image/jpeg", "voice": "audio/ogg", "video": "video/mp4"}.get(kind, mime)
        return self.store_file(upload.data, mime, upload.filename, kind)

    def _meta(self, stored: StoredFile, *, with_name: bool = True) -> JSONDict:
        meta: JSONDict = {"file_id": stored.file_id, "file_unique_id": stored.file_unique_id,
                          "file_size": stored.file_size, "mime_type": stored.mime_type}
        if with_name and stored.file_name:
            meta["file_name"] = stored.file_name
        return meta

    def _media_content(self, kind: str, stored: StoredFile, fields: JSONDict) -> JSONDict:
        if kind == "photo":
            return {"photo": self.photo_sizes(stored)}
        if kind == "video":
            size = {"width": fields.get("width") or 720, "height": fields.get("height") or 1280}
            return {"video": {**self._meta(stored), **size, "duration": fields.get("duration") or 0}}
        if kind in ("audio", "voice"):
            return self._audio_content(kind, stored, fields)
        return self._document(stored, "document")

    def _audio_content(self, kind: str, stored: StoredFile, fields: JSONDict) -> JSONDict:
        seconds = tg.ogg_opus_duration(stored.data)
        mime = "audio/ogg" if seconds is not None else "audio/mpeg" if tg.is_mp3(stored.data) else "audio/mp4"
        if seconds is None and not (tg.is_mp3(stored.data) or tg.is_m4a(stored.data)):
            return self._document(stored, "audio")
        duration = fields.get("duration") or (max(1, round(seconds)) if seconds else 0)
        meta = {**self._meta(stored, with_name=False), "mime_type": mime, "duration": duration}
        return {kind: meta}

    def _document(self, stored: StoredFile, default_name: str) -> JSONDict:
        meta = self._meta(stored, with_name=False)
        return {"document": {**meta, "file_name": stored.file_name or default_name}}

    def _caption(self, fields: JSONDict) -> JSONDict:
        if "caption" not in fields:
            return {}
        caption, entities = tg.format_text(str(fields["caption"]), fields.get("parse_mode"))
        if tg.utf16_len(caption) > 1024:
            raise tg.bad_request("message caption is too long")
        return {"caption": caption, **({"caption_entities": entities} if entities else {})}

    # --- messages ----------------------------------------------------------------------------------

    async def api_sendMessage(self, f: JSONDict, files: dict[str, UploadedFile]) -> JSONDict:
        chat_id = self._chat(f)
        text, entities = tg.format_text(str(f.get("text", "")), f.get("parse_mode"))
        if not text.strip():
            raise tg.bad_request("message text is empty")
        if tg.utf16_len(text) > 4096:
            raise tg.bad_request("message is too long")
        entities = entities or f.get("entities") or []
        content = {"text": text, **({"entities": entities} if entities else {})}
        return self.new_message(chat_id, content, fields=f)

    async def api_editMessageText(self, f: JSONDict, files: dict[str, UploadedFile]) -> JSONDict:
        key, old = self._own_message(f, "edit")
        if "text" not in old:
            raise tg.bad_request("there is no text in the message to edit")
        text, entities = tg.format_text(str(f.get("text", "")), f.get("parse_mode"))
        if not text.strip():
            raise tg.bad_request("message text is empty")
        return self._replace(key, old, {"text": text, "entities": entities or None}, f)

    async def api_editMessageCaption(self, f: JSONDict, files: dict[str, UploadedFile]) -> JSONDict:
        key, old = self._own_message(f, "edit")
        if "text" in old:
            raise tg.bad_request("there is no caption in the message to edit")
        caption = self._caption(f)
        return self._replace(key, old, {"caption": caption.get("caption"),
                                        "caption_entities": caption.get("caption_entities")}, f)

    async def api_editMessageReplyMarkup(self, f: JSONDict, files: dict[str, UploadedFile]) -> JSONDict:
        key, old = self._own_message(f, "edit")
        return self._replace(key, old, {}, f)

    def _replace(self, key: tuple[int | str, int], old: JSONDict, changes: dict[str, Any],
                 fields: JSONDict) -> JSONDict:
        """An edit: without ``reply_markup`` Telegram removes the inline keyboard, as here."""
        markup = _inline_markup(fields, key[0])
        new = {k: v for k, v in {**old, **changes, "reply_markup": markup}.items() if v}
        if _without_edit_date(new) == _without_edit_date(old):
            raise tg.bad_request(NOT_MODIFIED)
        new["edit_date"] = tg.now()
        self.messages[key] = new
        return new

    async def api_deleteMessage(self, f: JSONDict, files: dict[str, UploadedFile]) -> bool:
        key = (self._chat(f), f.get("message_id"))
        if self.messages.pop(key, None) is None:  # type: ignore[arg-type]
            raise tg.bad_request("message to delete not found")
        return True

    async def api_sendChatAction(self, f: JSONDict, files: dict[str, UploadedFile]) -> bool:
        self._chat(f)
        if f.get("action") not in CHAT_ACTIONS:
            raise tg.bad_request("wrong parameter action in request")
        return True

    async def api_answerCallbackQuery(self, f: JSONDict, files: dict[str, UploadedFile]) -> bool:
        query_id = str(f.get("callback_query_id", ""))
        if self.callback_queries.get(query_id, {}) is not None:
            raise tg.bad_request("query is too old and response timeout expired or query ID is invalid")
        if len(str(f.get("text", ""))) > 200:
            raise tg.bad_request("MESSAGE_TOO_LONG")
        self.callback_queries[query_id] = f
        return True

    # --- media -------------------------------------------------------------------------------------

    async def api_sendPhoto(self, f: JSONDict, files: dict[str, UploadedFile]) -> JSONDict:
        return self._send_media(f, files, "photo")

    async def api_sendVoice(self, f: JSONDict, files: dict[str, UploadedFile]) -> JSONDict:
        return self._send_media(f, files, "voice")

    async def api_sendDocument(self, f: JSONDict, files: dict[str, UploadedFile]) -> JSONDict:
        return self._send_media(f, files, "document")

    async def api_sendVideo(self, f: JSONDict, files: dict[str, UploadedFile]) -> JSONDict:
        return self._send_media(f, files, "video")

    def _send_media(self, f: JSONDict, files: dict[str, UploadedFile], kind: str) -> JSONDict:
        chat_id = self._chat(f)
        stored = self._input_file(f, files, kind, kind)
        content = {**self._media_content(kind, stored, f), **self._caption(f)}
        return self.new_message(chat_id, content, fields=f)

    async def api_sendMediaGroup(self, f: JSONDict, files: dict[str, UploadedFile]) -> list[JSONDict]:
        chat_id = self._chat(f)
        media = f.get("media")
        if not isinstance(media, list) or not 2 <= len(media) <= 10:
            raise tg.bad_request("media group must contain 2 to 10 items")
        kinds = {item.get("type") for item in media}
        if not kinds <= {"photo", "video", "document", "audio"}:
            raise tg.bad_request("wrong media type in the media group")
        if len(kinds) > 1 and kinds & {"document", "audio"}:
            alone = sorted(kinds & {"document", "audio"})[0]
            raise tg.bad_request(f"{alone} can't be mixed with other media types")
        prepared = [(item, self._resolve(str(item.get("media", "")), files, item["type"])) for item in media]
        contents = [{**self._media_content(item["type"], stored, item), **self._caption(item)}
                    for item, stored in prepared]
        group_id = str(secrets.randbelow(10**18) + 10**17)
        return [self.new_message(chat_id, {**content, "media_group_id": group_id}) for content in contents]

    async def api_getFile(self, f: JSONDict, files: dict[str, UploadedFile]) -> JSONDict:
        stored = self.files.get(str(f.get("file_id", "")))
        if stored is None:
            raise tg.bad_request("invalid file_id")
        if stored.file_size > MAX_DOWNLOAD:
            raise tg.bad_request("file is too big")
        return {"file_id": stored.file_id, "file_unique_id": stored.file_unique_id,
                "file_size": stored.file_size, "file_path": stored.file_path}

    # --- bot -------------------------------------------------------------------------------------------

    async def api_getMe(self, f: JSONDict, files: dict[str, UploadedFile]) -> JSONDict:
        return {**self.bot_user, "can_join_groups": True, "can_read_all_group_messages": False,
                "supports_inline_queries": False, "can_connect_to_business": False, "has_main_web_app": False}

    async def api_logOut(self, f: JSONDict, files: dict[str, UploadedFile]) -> bool:
        return True

    async def api_close(self, f: JSONDict, files: dict[str, UploadedFile]) -> bool:
        return True

    async def api_setMyCommands(self, f: JSONDict, files: dict[str, UploadedFile]) -> bool:
        commands = f.get("commands")
        if not isinstance(commands, list) or len(commands) > 100:
            raise tg.bad_request("commands must be a list of at most 100 BotCommand")
        for command in commands:
            name, description = str(command.get("command", "")), str(command.get("description", ""))
            if not (1 <= len(name) <= 32 and all(c.islower() or c.isdigit() or c == "_" for c in name)):
                raise tg.bad_request("BOT_COMMAND_INVALID")
            if not 1 <= len(description) <= 256:
                raise tg.bad_request("BOT_COMMAND_DESCRIPTION_INVALID")
        self.commands[_commands_key(f)] = commands
        return True

    async def api_getMyCommands(self, f: JSONDict, files: dict[str, UploadedFile]) -> list[JSONDict]:
        return self.commands.get(_commands_key(f), [])

    async def api_deleteMyCommands(self, f: JSONDict, files: dict[str, UploadedFile]) -> bool:
        self.commands.pop(_commands_key(f), None)
        return True

    async def api_setChatMenuButton(self, f: JSONDict, files: dict[str, UploadedFile]) -> bool:
        button = f.get("menu_button") or {"type": "default"}
        if button.get("type") == "web_app":
            if not button.get("text"):
                raise tg.bad_request("BUTTON_TEXT_INVALID")
            _check_web_app(button)
        elif button.get("type") not in ("commands", "default"):
            raise tg.bad_request("unsupported menu button type")
        chat_id = f.get("chat_id")
        self.menu_buttons[int(chat_id) if chat_id is not None else None] = button
        return True

    async def api_getChatMenuButton(self, f: JSONDict, files: dict[str, UploadedFile]) -> JSONDict:
        chat_id = f.get("chat_id")
        found = self.menu_buttons.get(int(chat_id) if chat_id is not None else None)
        return found or self.menu_buttons.get(None) or {"type": "commands"}


def _check_web_app(button: JSONDict) -> None:
    """A web_app button opens an HTTPS page (Telegram refuses anything else)."""
    url = str((button.get("web_app") or {}).get("url", ""))
    if not url.startswith("https://"):
        raise tg.bad_request("BUTTON_URL_INVALID")


def _inline_markup(fields: JSONDict, chat_id: int | str) -> JSONDict | None:
    """The reply_markup a Message echoes back (inline keyboards only), checked like Telegram checks it:
    web_app buttons only in private chats (a group answers BUTTON_TYPE_INVALID), with an https URL."""
    markup = fields.get("reply_markup")
    if not isinstance(markup, dict) or "inline_keyboard" not in markup:
        return None
    for row in markup["inline_keyboard"]:
        for button in row:
            if not button.get("text"):
                raise tg.bad_request("BUTTON_TEXT_INVALID")
            data = button.get("callback_data")
            if data is not None and not 1 <= len(str(data).encode()) <= 64:
                raise tg.bad_request("BUTTON_DATA_INVALID")
            if "web_app" in button:
                if tg.chat(chat_id)["type"] != "private":
                    raise tg.bad_request("BUTTON_TYPE_INVALID")
                _check_web_app(button)
    return markup


def _without_edit_date(message: JSONDict) -> JSONDict:
    return {k: v for k, v in message.items() if k != "edit_date"}


def _commands_key(fields: JSONDict) -> tuple[str, str]:
    scope = fields.get("scope") or {"type": "default"}
    return json.dumps(scope, sort_keys=True), str(fields.get("language_code") or "")
