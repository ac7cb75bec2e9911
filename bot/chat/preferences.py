"""/settings: language (ko/en), voice feedback, feedback detail, time zone, the weekly summary and keeping
analysis photos.

Inline buttons (callback data ``set:lang:<ko|en>``, ``set:voice:<0|1>``, ``set:weekly:<0|1>``,
``set:detail:<brief|detailed>``, ``set:photos:<0|1>``, ``set:tz:<IANA zone>``) or a text form:
``/settings tz Europe/Berlin``, ``/settings lang en``, ``/settings voice off``, ``/settings weekly on``,
``/settings detail brief``, ``/settings photos off`` ("사진 저장 안 함": no key-frame thumbnails are kept for
the Mini App, and those kept are deleted). Time zones are validated with zoneinfo. The detail is also set in
words ("짧게 말해줘": bot.chat.talk).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update

from analysis.report.i18n import LOCALES, translate
from bot.context import services
from bot.profile import Context, display_name, edit_query, guarded, locale_of, user_profile
from bot.pushes.schedule import follow_timezone, schedule_weekly
from bot.store.db import UserSettings

CALLBACK_PATTERN = r"^set:"
TIMEZONE_CHOICES = {
    "Asia/Seoul": "settings-tz-seoul",
    "Asia/Tokyo": "settings-tz-tokyo",
    "Europe/London": "settings-tz-london",
    "Europe/Berlin": "settings-tz-berlin",
    "America/New_York": "settings-tz-new_york",
    "America/Los_Angeles": "settings-tz-los_angeles",
}
LANGUAGE_NAMES = {"ko": "settings-language-ko", "en": "settings-language-en"}
_FIELDS = {
    "tz": "tz",
    "timezone": "tz",
    "시간대": "tz",
    "lang": "lang",
    "language": "lang",
    "언어": "lang",
    "voice": "voice",
    "음성": "voice",
    "weekly": "weekly",
    "주간": "weekly",
    "주간요약": "weekly",
    "detail": "detail",
    "feedback": "detail",
    "피드백": "detail",
    "photos": "photos",
    "사진": "photos",
}
_DETAILS = {"brief": "brief", "short": "brief", "짧게": "brief", "detailed": "detailed", "자세히": "detailed"}
_FLAGS = {
    "on": True,
    "1": True,
    "true": True,
    "yes": True,
    "켜기": True,
    "켜짐": True,
    "off": False,
    "0": False,
    "false": False,
    "no": False,
    "끄기": False,
    "꺼짐": False,
}
Button = InlineKeyboardButton


@cache
def _zones() -> dict[str, str]:
    return {zone.lower(): zone for zone in available_timezones()}


def resolve_timezone(text: str) -> str | None:
    """A known IANA zone, matched case-insensitively ("europe/berlin" → "Europe/Berlin"); else None."""
    zone = _zones().get(text.strip().lower())
    if zone is None:
        return None
    try:
        ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        return None
    return zone


async def apply_setting(context: Context, user: UserSettings, field: str, value: str) -> UserSettings | None:
    """Change "lang", "voice", "weekly", "photos" or "tz" and reschedule what depends on it; None: invalid."""
    store, value = services(context).store, value.strip()
    flag = _FLAGS.get(value.lower())
    if field == "lang" and value.lower() in LOCALES:
        return await store.update_settings(user.user_id, language=value.lower())
    if field == "voice" and flag is not None:
        return await store.update_settings(user.user_id, voice_on=flag)
    if field == "photos" and flag is not None:
        return await store.update_settings(user.user_id, keep_photos=flag)
    if field == "weekly" and flag is not None:
        updated = await store.update_settings(user.user_id, weekly_summary=flag)
        if context.job_queue is not None:
            schedule_weekly(context.job_queue, updated)
        return updated
    if field == "detail" and value.lower() in _DETAILS:
        return await store.update_settings(user.user_id, feedback_detail=_DETAILS[value.lower()])
    if field == "tz" and (zone := resolve_timezone(value)) is not None:
        updated = await store.update_settings(user.user_id, timezone=zone)
        await follow_timezone(context, updated)
        return updated
    return None


def settings_view(user: UserSettings, name: str) -> tuple[str, InlineKeyboardMarkup]:
    locale = locale_of(user)
    on, off = translate("settings-on", locale), translate("settings-off", locale)
    text = translate(
        "settings-text",
        locale,
        name=name,
        language=translate(LANGUAGE_NAMES[locale], locale),
        voice=on if user.voice_on else off,
        timezone=user.timezone,
        weekly=on if user.weekly_summary else off,
        detail=translate(f"settings-detail-{user.feedback_detail}", locale),
        photos=on if user.keep_photos else off,
    )
    return text, settings_keyboard(user)


def settings_keyboard(user: UserSettings) -> InlineKeyboardMarkup:
    locale = locale_of(user)
    languages = [
        Button(_mark(code == locale) + translate(key, locale), callback_data=f"set:lang:{code}")
        for code, key in LANGUAGE_NAMES.items()
    ]
    voice_key = "settings-button-voice-off" if user.voice_on else "settings-button-voice-on"
    weekly_key = "settings-button-weekly-off" if user.weekly_summary else "settings-button-weekly-on"
    other_detail = "detailed" if user.feedback_detail == "brief" else "brief"
    photos_key = "settings-button-photos-off" if user.keep_photos else "settings-button-photos-on"
    zones = [
        Button(_mark(zone == user.timezone) + translate(key, locale), callback_data=f"set:tz:{zone}")
        for zone, key in TIMEZONE_CHOICES.items()
    ]
    return InlineKeyboardMarkup(
        [
            languages,
            [Button(translate(voice_key, locale), callback_data=f"set:voice:{int(not user.voice_on)}")],
            [
                Button(
                    translate(weekly_key, locale), callback_data=f"set:weekly:{int(not user.weekly_summary)}"
                )
            ],
            [
                Button(
                    translate(f"settings-button-detail-{other_detail}", locale),
                    callback_data=f"set:detail:{other_detail}",
                )
            ],
            [Button(translate(photos_key, locale), callback_data=f"set:photos:{int(not user.keep_photos)}")],
            *(zones[i : i + 3] for i in range(0, len(zones), 3)),
        ]
    )


@guarded
async def settings_command(update: Update, context: Context) -> None:
    user = await user_profile(update, context)
    message = update.effective_message
    assert message is not None
    if context.args:
        text, markup = await _apply_text(update, context, user, context.args)
    else:
        text, markup = settings_view(user, display_name(update, locale_of(user)))
    await message.reply_text(text, reply_markup=markup)


@guarded
async def settings_button(update: Update, context: Context) -> None:
    query = update.callback_query
    assert query is not None and query.data is not None
    user = await user_profile(update, context)
    field, _, value = query.data.removeprefix("set:").partition(":")
    updated = await apply_setting(context, user, field, value)
    current = updated or user
    await query.answer(translate("settings-saved", locale_of(current)) if updated else None)
    await edit_query(query, *settings_view(current, display_name(update, locale_of(current))))


async def _apply_text(
    update: Update, context: Context, user: UserSettings, args: Sequence[str]
) -> tuple[str, InlineKeyboardMarkup | None]:
    field, value = _FIELDS.get(args[0].lower()), " ".join(args[1:]).strip()
    if field is None or not value:
        return translate("settings-usage", locale_of(user)), None
    updated = await apply_setting(context, user, field, value)
    if updated is None:
        if field == "tz":
            return translate("settings-tz-invalid", locale_of(user), zone=value[:64]), None
        return translate("settings-usage", locale_of(user)), None
    locale = locale_of(updated)
    text, markup = settings_view(updated, display_name(update, locale))
    saved = translate("settings-tz-saved", locale, timezone=updated.timezone) if field == "tz" else None
    return f"{saved or translate('settings-saved', locale)}\n\n{text}", markup


def _mark(selected: bool) -> str:
    return "✓ " if selected else ""
