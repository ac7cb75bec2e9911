"""Telegram object builders and content checks for the fake Bot API (tests only).

Objects are plain JSON dicts shaped like https://core.telegram.org/bots/api returns them, so
python-telegram-bot parses them as it would parse Telegram's own answers. The checks here (HTML parse
mode, MarkdownV2 escaping, photo decoding, OGG/Opus voice probing) mirror the errors Telegram gives.
"""

from __future__ import annotations

import io
import re
import secrets
import struct
import time
from html.parser import HTMLParser
from typing import Any

from PIL import Image

JSONDict = dict[str, Any]


class ApiError(Exception):
    """An error answer of the Bot API: HTTP status = error_code, body = {"ok": false, …}."""

    def __init__(self, code: int, description: str, retry_after: int | None = None) -> None:
        super().__init__(description)
        self.code = code
        self.description = description
        self.retry_after = retry_after


def bad_request(description: str) -> ApiError:
    return ApiError(400, f"Bad Request: {description}")


def now() -> int:
    return int(time.time())


def new_file_ids(kind: str) -> tuple[str, str]:
    """(file_id, file_unique_id) looking like Telegram's (opaque url-safe base64)."""
    prefix = {"video": "BAAC", "photo": "AgAC", "voice": "AwAC", "document": "BQAC"}.get(kind, "CAAC")
    return prefix + "AgUAAxkBAAI" + secrets.token_urlsafe(24), "AgAD" + secrets.token_urlsafe(9)


def user(user_id: int, first_name: str = "민수", language_code: str | None = "ko") -> JSONDict:
    out: JSONDict = {"id": user_id, "is_bot": False, "first_name": first_name}
    if language_code:
        out["language_code"] = language_code
    return out


def chat(chat_id: int | str) -> JSONDict:
    if isinstance(chat_id, str):
        return {"id": -1001000000001, "type": "channel", "title": "Test channel", "username": chat_id[1:]}
    if chat_id > 0:
        return {"id": chat_id, "type": "private", "first_name": "민수"}
    if str(chat_id).startswith("-100"):
        return {"id": chat_id, "type": "supergroup", "title": "Test supergroup"}
    return {"id": chat_id, "type": "group", "title": "Test group"}


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


_COMMAND = re.compile(r"^/[A-Za-z0-9_]{1,32}(@[A-Za-z0-9_]{5,32})?")


def command_entities(text: str) -> list[JSONDict]:
    """Telegram marks a leading /command with a bot_command entity (CommandHandler relies on it)."""
    match = _COMMAND.match(text)
    return [{"type": "bot_command", "offset": 0, "length": utf16_len(match.group(0))}] if match else []


# --- parse modes -----------------------------------------------------------------------------------

_HTML_ENTITY = {
    "b": "bold", "strong": "bold", "i": "italic", "em": "italic", "u": "underline", "ins": "underline",
    "s": "strikethrough", "strike": "strikethrough", "del": "strikethrough", "code": "code", "pre": "pre",
    "a": "text_link", "tg-spoiler": "spoiler", "span": "spoiler", "blockquote": "blockquote",
    "tg-emoji": "custom_emoji",
}


class _TelegramHTML(HTMLParser):
    """Parses Telegram's HTML subset into (text, entities), raising ApiError where Telegram would."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text = ""
        self.entities: list[JSONDict] = []
        self.stack: list[tuple[str, int, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _HTML_ENTITY or (tag == "span" and ("class", "tg-spoiler") not in attrs):
            raise bad_request(f'can\'t parse entities: Unsupported start tag "{tag}" at byte offset 0')
        self.stack.append((tag, utf16_len(self.text), dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1][0] != tag:
            expected = f'"</{self.stack[-1][0]}>"' if self.stack else "nothing"
            found = f'"</{tag}>"'
            raise bad_request(f"can't parse entities: Unmatched end tag, expected {expected}, found {found}")
        name, start, attrs = self.stack.pop()
        length = utf16_len(self.text) - start
        if length:
            entity: JSONDict = {"type": _HTML_ENTITY[name], "offset": start, "length": length}
            if name == "a":
                entity["url"] = attrs.get("href") or ""
            self.entities.append(entity)

    def handle_data(self, data: str) -> None:
        self.text += data


def parse_html(text: str) -> tuple[str, list[JSONDict]]:
    parser = _TelegramHTML()
    parser.feed(text)
    parser.close()
    if parser.stack:
        tag = parser.stack[-1][0]
        raise bad_request(f'can\'t parse entities: Can\'t find end tag corresponding to start tag "{tag}"')
    return parser.text, sorted(parser.entities, key=lambda e: (e["offset"], -e["length"]))


_MD2_RESERVED = set("_*[]()~`>#+-=|{}.!")
_MD2_MARKUP = set("_*[]()~`|")


def parse_markdown_v2(text: str) -> tuple[str, list[JSONDict]]:
    """Checks MarkdownV2 escaping the way Telegram does; returns the text without markup (no entities)."""
    out: list[str] = []
    i = 0
    while i < len(text):
        char = text[i]
        if char == "\\" and i + 1 < len(text):
            out.append(text[i + 1])
            i += 2
            continue
        quote = char == ">" and (i == 0 or text[i - 1] == "\n")
        if char in _MD2_RESERVED and char not in _MD2_MARKUP and not quote:
            raise bad_request(f"can't parse entities: Character '{char}' is reserved and must be escaped "
                              "with the preceding '\\'")
        if char not in _MD2_MARKUP:
            out.append(char)
        i += 1
    return "".join(out), []


def format_text(text: str, parse_mode: str | None) -> tuple[str, list[JSONDict]]:
    mode = (parse_mode or "").lower()
    if mode == "html":
        return parse_html(text)
    if mode == "markdownv2":
        return parse_markdown_v2(text)
    if mode in ("", "markdown"):
        return text, []
    raise bad_request(f"unsupported parse_mode {parse_mode}")


# --- media -------------------------------------------------------------------------------------------

PHOTO_SIDES = (90, 320, 800, 1280, 2560)


def image_size(data: bytes) -> tuple[int, int]:
    """(width, height) of a JPEG/PNG/WebP; IMAGE_PROCESS_FAILED like Telegram for anything else."""
    try:
        with Image.open(io.BytesIO(data)) as image:
            image.verify()
            width, height = image.size
    except Exception as exc:
        raise bad_request("IMAGE_PROCESS_FAILED") from exc
    if width + height > 10000 or max(width, height) > 20 * min(width, height):
        raise bad_request("PHOTO_INVALID_DIMENSIONS")
    return width, height


def photo_sides(width: int, height: int) -> list[tuple[int, int]]:
    """The sizes Telegram makes of one photo: thumbnails up to the original (capped at 2560)."""
    longest = max(width, height)
    sides = [s for s in PHOTO_SIDES if s < longest] + [min(longest, PHOTO_SIDES[-1])]
    return [(max(1, round(width * s / longest)), max(1, round(height * s / longest))) for s in sides]


def ogg_opus_duration(data: bytes) -> float | None:
    """Seconds of an OGG/Opus stream (last page granule − pre-skip) / 48 kHz; None when not OGG/Opus."""
    if not data.startswith(b"OggS") or b"OpusHead" not in data[:200]:
        return None
    head = data.index(b"OpusHead")
    pre_skip = struct.unpack_from("<H", data, head + 10)[0]
    last = data.rfind(b"OggS")
    granule = struct.unpack_from("<q", data, last + 6)[0]
    return max(0.0, (granule - pre_skip) / 48000.0)


def is_mp3(data: bytes) -> bool:
    return data.startswith(b"ID3") or (len(data) > 1 and data[0] == 0xFF and data[1] & 0xE0 == 0xE0)


def is_m4a(data: bytes) -> bool:
    return data[4:8] == b"ftyp"
