"""initData validation (bot.webapp.auth): known-good data passes; every bad case raises with its reason.

The good data is built independently of sign_init_data too (the HMAC spelled out from Telegram's text),
so a mistake shared by signing and validating would not go unnoticed.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from urllib.parse import quote

import pytest

from bot.webapp.auth import InitDataError, Reason, WebAppUser, sign_init_data, validate_init_data
from tests.bot.webapp.fake_source import OTHER_TOKEN, TOKEN

NOW = 1_741_600_000.0
MAX_AGE = 3600
USER = json.dumps(
    {"id": 42, "first_name": "민지", "username": "minji", "language_code": "ko"}, ensure_ascii=False
)
FIELDS = {"query_id": "AAHdF6IQAAAAAN0XohDhrOrc", "user": USER, "auth_date": str(int(NOW) - 60)}


def validate(init_data: str, token: str = TOKEN, now: float = NOW) -> WebAppUser:
    return validate_init_data(init_data, token, max_age_s=MAX_AGE, now=now)


def reason_of(init_data: str, token: str = TOKEN, now: float = NOW) -> Reason:
    with pytest.raises(InitDataError) as caught:
        validate(init_data, token, now)
    return caught.value.reason


def by_hand(fields: dict[str, str], token: str) -> str:
    """Telegram's recipe, step by step, with our own encoding of the query string."""
    secret = hmac.new(b"WebAppData", token.encode(), hashlib.sha256).digest()
    check = "\n".join(f"{k}={v}" for k, v in sorted(fields.items()))
    digest = hmac.new(secret, check.encode(), hashlib.sha256).hexdigest()
    return "&".join(f"{k}={quote(v, safe='')}" for k, v in [*fields.items(), ("hash", digest)])


def test_known_good_data_gives_the_user() -> None:
    for init_data in (sign_init_data(FIELDS, TOKEN), by_hand(FIELDS, TOKEN)):
        user = validate(init_data)
        assert user == WebAppUser(
            id=42,
            first_name="민지",
            last_name=None,
            username="minji",
            language_code="ko",
            auth_date=int(NOW) - 60,
            query_id="AAHdF6IQAAAAAN0XohDhrOrc",
        )


def test_field_order_spaces_and_extra_fields_do_not_matter() -> None:
    fields = {**FIELDS, "start_param": "week", "chat_type": "private", "signature": "abc-_DEF"}
    signed = sign_init_data(fields, TOKEN)
    shuffled = "&".join(reversed(signed.split("&")))
    assert validate(shuffled).start_param == "week"
    assert "%20" in signed and validate(signed.replace("%20", "+")).id == 42  # "+" is a space too
    spaced = {**FIELDS, "user": json.dumps({"id": 5, "first_name": "Ann Lee"})}
    assert validate(sign_init_data(spaced, TOKEN)).first_name == "Ann Lee"


def test_upper_case_hex_is_the_same_hash() -> None:
    signed = sign_init_data(FIELDS, TOKEN)
    head, digest = signed.rsplit("hash=", 1)
    assert validate(head + "hash=" + digest.upper()).id == 42


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        ("wrong hash", Reason.WRONG_HASH),
        ("altered user", Reason.WRONG_HASH),
        ("another bot's token", Reason.WRONG_HASH),
        ("missing hash", Reason.MISSING_HASH),
        ("empty hash", Reason.BAD_HASH),
        ("non-ASCII hash", Reason.BAD_HASH),
        ("raw non-ASCII hash", Reason.BAD_HASH),
        ("full-width digits hash", Reason.BAD_HASH),
        ("short hash", Reason.BAD_HASH),
        ("stale date", Reason.EXPIRED),
        ("future date", Reason.FUTURE),
        ("missing date", Reason.MISSING_AUTH_DATE),
        ("non-numeric date", Reason.BAD_AUTH_DATE),
        ("missing user", Reason.MISSING_USER),
        ("user without id", Reason.BAD_USER),
        ("user not JSON", Reason.BAD_USER),
        ("empty", Reason.EMPTY),
        ("field without =", Reason.MALFORMED),
        ("duplicate key", Reason.MALFORMED),
        ("bad percent-escape", Reason.MALFORMED),
        ("line feed in a value", Reason.MALFORMED),
        ("odd key", Reason.MALFORMED),
        ("too long", Reason.TOO_LONG),
    ],
)
def test_each_bad_case_has_its_reason(case: str, expected: Reason) -> None:
    good = sign_init_data(FIELDS, TOKEN)
    head, digest = good.rsplit("&hash=", 1)
    signed = {
        "wrong hash": f"{head}&hash={'0' * 64}",
        "altered user": good.replace("minji", "mallory"),
        "another bot's token": sign_init_data(FIELDS, OTHER_TOKEN),
        "missing hash": head,
        "empty hash": f"{head}&hash=",
        "non-ASCII hash": f"{head}&hash={quote('한' * 64)}",
        "raw non-ASCII hash": f"{head}&hash={'é' * 64}",
        "full-width digits hash": f"{head}&hash={quote('０' * 64)}",
        "short hash": f"{head}&hash={digest[:-2]}",
        "stale date": sign_init_data({**FIELDS, "auth_date": str(int(NOW) - MAX_AGE - 1)}, TOKEN),
        "future date": sign_init_data({**FIELDS, "auth_date": str(int(NOW) + 3600)}, TOKEN),
        "missing date": sign_init_data({k: v for k, v in FIELDS.items() if k != "auth_date"}, TOKEN),
        "non-numeric date": sign_init_data({**FIELDS, "auth_date": "1e9"}, TOKEN),
        "missing user": sign_init_data({k: v for k, v in FIELDS.items() if k != "user"}, TOKEN),
        "user without id": sign_init_data({**FIELDS, "user": '{"first_name": "x"}'}, TOKEN),
        "user not JSON": sign_init_data({**FIELDS, "user": "{id: 42"}, TOKEN),
        "empty": "",
        "field without =": f"user&{good}",
        "duplicate key": f"auth_date=1&{good}",
        "bad percent-escape": f"x=%ff%fe&{good}",
        "line feed in a value": sign_init_data({**FIELDS, "query_id": "a\nauth_date=1"}, TOKEN),
        "odd key": sign_init_data({**FIELDS, "us-er": "1"}, TOKEN),
        "too long": sign_init_data({**FIELDS, "start_param": "x" * 9000}, TOKEN),
    }[case]
    assert reason_of(signed) == expected


def test_age_limit_is_inclusive_and_configurable() -> None:
    at_limit = sign_init_data({**FIELDS, "auth_date": str(int(NOW) - MAX_AGE)}, TOKEN)
    assert validate(at_limit).id == 42
    with pytest.raises(InitDataError, match="expired"):
        validate_init_data(at_limit, TOKEN, max_age_s=MAX_AGE - 1, now=NOW)


def test_the_signature_is_checked_before_anything_is_read() -> None:
    """Unsigned junk fails on its hash, not on its (attacker-chosen) contents."""
    junk = "user=%7B%22id%22%3A1%7D&auth_date=0&hash=" + "a" * 64
    assert reason_of(junk) == Reason.WRONG_HASH


def test_error_message_names_only_the_reason() -> None:
    err = InitDataError(Reason.WRONG_HASH)
    assert str(err) == "invalid initData: wrong_hash" and err.reason == "wrong_hash"
