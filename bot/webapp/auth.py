"""Telegram Mini App initData: validation by Telegram's rules, and signing (for tests and dev tools).

The Mini App gets ``initData``, a URL query string signed by Telegram with the bot's token
(https://core.telegram.org/bots/webapps#validating-data-received-via-the-mini-app):

* secret key = HMAC-SHA256(key=b"WebAppData", msg=bot_token);
* data-check-string = every received field except ``hash``, as ``key=value`` (values URL-decoded), sorted
  by key, joined by "\\n";
* ``hash`` = hex HMAC-SHA256(key=secret key, msg=data-check-string), compared in constant time;
* ``auth_date`` (Unix seconds) must be at most ``max_age_s`` old.

Nothing of the data is trusted before the signature checks out. Every way to fail raises
``InitDataError`` whose ``reason`` (a ``Reason``) is safe to show to the client; the server answers 401
with it and no data. Stricter than Telegram's text on purpose: duplicate keys, keys outside
``[A-Za-z0-9_]``, values with a line feed (they would blur the data-check-string) and undecodable
percent-escapes are "malformed"; a hash that is not 64 hex digits (non-ASCII included) is "bad_hash".
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import parse_qsl, quote, urlencode

__all__ = ["InitDataError", "Reason", "WebAppUser", "sign_init_data", "validate_init_data"]

MAX_INIT_DATA_CHARS = 8192  # Telegram's initData is well under 2 kB
FUTURE_SKEW_S = 300  # an auth_date this far ahead of our clock is refused (clocks differ a little)
_KEY = re.compile(r"[A-Za-z0-9_]{1,64}", re.ASCII)
_HEX64 = re.compile(r"[0-9a-fA-F]{64}", re.ASCII)
_DIGITS = re.compile(r"[0-9]{1,12}", re.ASCII)


class Reason(StrEnum):
    """Machine reason codes of a refused request (the 401 body's ``error``)."""

    NO_HEADER = "no_header"  # no Authorization header (server)
    BAD_SCHEME = "bad_scheme"  # an Authorization header that is not "tma <initData>" (server)
    EMPTY = "empty"
    TOO_LONG = "too_long"
    MALFORMED = "malformed"
    MISSING_HASH = "missing_hash"
    BAD_HASH = "bad_hash"  # not 64 hex digits
    WRONG_HASH = "wrong_hash"  # the signature does not match (altered data, another bot's token)
    MISSING_AUTH_DATE = "missing_auth_date"
    BAD_AUTH_DATE = "bad_auth_date"
    EXPIRED = "expired"
    FUTURE = "future"
    MISSING_USER = "missing_user"
    BAD_USER = "bad_user"


class InitDataError(ValueError):
    def __init__(self, reason: Reason) -> None:
        super().__init__(f"invalid initData: {reason.value}")
        self.reason = reason


@dataclass(frozen=True)
class WebAppUser:
    """The validated user: ``id`` is Telegram's user id (the only one the dashboard may show data of)."""

    id: int
    first_name: str
    last_name: str | None
    username: str | None
    language_code: str | None
    auth_date: int
    query_id: str | None = None
    start_param: str | None = None


def secret_key(bot_token: str) -> bytes:
    return hmac.new(b"WebAppData", bot_token.encode(), hashlib.sha256).digest()


def data_check_string(fields: dict[str, str]) -> str:
    return "\n".join(f"{key}={fields[key]}" for key in sorted(fields) if key != "hash")


def sign_init_data(fields: dict[str, str], bot_token: str) -> str:
    """A query string that ``validate_init_data`` accepts for ``bot_token`` (any ``hash`` given is replaced).

    ``fields`` are the decoded values (``user`` as its JSON text); the result percent-encodes them as
    Telegram does (%20 for a space).
    """
    fields = {k: v for k, v in fields.items() if k != "hash"}
    digest = hmac.new(secret_key(bot_token), data_check_string(fields).encode(), hashlib.sha256).hexdigest()
    return urlencode({**fields, "hash": digest}, quote_via=quote)


def validate_init_data(init_data: str, bot_token: str, *, max_age_s: int, now: float) -> WebAppUser:
    """The user of ``init_data`` if Telegram signed it for ``bot_token`` at most ``max_age_s`` before ``now``.

    Raises InitDataError (with its ``reason``) for every other input.
    """
    fields = _parse(init_data)
    given = fields.get("hash")
    if given is None:
        raise InitDataError(Reason.MISSING_HASH)
    if not _HEX64.fullmatch(given):
        raise InitDataError(Reason.BAD_HASH)
    expected = hmac.new(secret_key(bot_token), data_check_string(fields).encode(), hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected.encode(), given.lower().encode()):
        raise InitDataError(Reason.WRONG_HASH)
    auth_date = _auth_date(fields, max_age_s, now)
    return _user(fields, auth_date)


def _parse(init_data: str) -> dict[str, str]:
    if not init_data:
        raise InitDataError(Reason.EMPTY)
    if len(init_data) > MAX_INIT_DATA_CHARS:
        raise InitDataError(Reason.TOO_LONG)
    try:
        pairs = parse_qsl(init_data, keep_blank_values=True, strict_parsing=True, errors="strict")
    except ValueError as exc:  # a field without "=", bad UTF-8 behind percent-escapes
        raise InitDataError(Reason.MALFORMED) from exc
    fields = dict(pairs)
    if len(fields) != len(pairs) or any(not _KEY.fullmatch(k) or "\n" in v for k, v in pairs):
        raise InitDataError(Reason.MALFORMED)
    return fields


def _auth_date(fields: dict[str, str], max_age_s: int, now: float) -> int:
    text = fields.get("auth_date")
    if text is None:
        raise InitDataError(Reason.MISSING_AUTH_DATE)
    if not _DIGITS.fullmatch(text):
        raise InitDataError(Reason.BAD_AUTH_DATE)
    auth_date = int(text)
    if auth_date > now + FUTURE_SKEW_S:
        raise InitDataError(Reason.FUTURE)
    if now - auth_date > max_age_s:
        raise InitDataError(Reason.EXPIRED)
    return auth_date


def _user(fields: dict[str, str], auth_date: int) -> WebAppUser:
    text = fields.get("user")
    if text is None:
        raise InitDataError(Reason.MISSING_USER)
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise InitDataError(Reason.BAD_USER) from exc
    user_id = data.get("id") if isinstance(data, dict) else None
    if not isinstance(user_id, int) or isinstance(user_id, bool) or user_id <= 0:
        raise InitDataError(Reason.BAD_USER)

    def text_of(key: str) -> str | None:
        value = data.get(key)
        return value if isinstance(value, str) else None

    return WebAppUser(
        id=user_id,
        first_name=text_of("first_name") or "",
        last_name=text_of("last_name"),
        username=text_of("username"),
        language_code=text_of("language_code"),
        auth_date=auth_date,
        query_id=fields.get("query_id"),
        start_param=fields.get("start_param"),
    )
