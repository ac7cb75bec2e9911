"""/start /help /settings /progress /history /delete through a real Application polling the fake Bot API."""

from __future__ import annotations

import io
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
import telegram
from PIL import Image

from analysis.report.i18n import LOCALES
from bot.chat.commands import COMMANDS, command_descriptions
from bot.pushes.schedule import PushJob
from bot.replies.progress import week_bounds
from bot.store.db import AnalysisRecord, Store
from tests.bot.botapp import App, Clock, build_app, buttons, reply_to, rows_of_user, running, save_at, tap
from tests.fakes import FakeBotAPI

CHAT = 501  # a private chat: chat id = user id
OTHER = 502
NOW = datetime(2025, 3, 12, 3, 0, tzinfo=UTC)  # Wednesday 12:00 in Seoul
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
SQUAT_GOOD = AnalysisRecord(
    "squat", 0.9, "side", 10, None, "good", 20.0,
    reps=(("good", 0.0, 2.0), ("perfect", 2.0, 4.0)),
    conditions=((0, "depth", "pass", 95.0, 90.0), (None, "tempo", "fail", 1.0, 2.0)),
)  # fmt: skip
SQUAT_PERFECT = AnalysisRecord("squat", 0.9, "side", 12, None, "perfect", 24.0)
PLANK = AnalysisRecord("plank", 0.8, "side", None, 45.2, "good", 50.0)
PUSH_UP = AnalysisRecord("push_up", 0.9, "side", 8, None, "bad", 16.0)


@pytest.mark.asyncio
async def test_start_onboards_in_polite_korean_with_filming_tips(
    botapi: FakeBotAPI, db: Store, tmp_path: Path, clock: Clock
) -> None:
    async with running(build_app(botapi, db, tmp_path, clock)):
        call = await reply_to(botapi, CHAT, "/start", first_name="지민")
        english = await reply_to(botapi, OTHER, "/start", first_name="Sam", language_code="en-US")
    text = call.result["text"]
    assert text.startswith("안녕하세요, 지민님!")
    for tip in ("몸 전체", "옆에서", "2회 이상", "1분 이내", "밝은 곳"):
        assert tip in text
    assert not re.search(r"니다|니까", text)  # 해요체
    settings = await db.get_settings(CHAT)
    assert settings is not None and (settings.language, settings.timezone) == ("ko", "Asia/Seoul")
    assert english.result["text"].startswith("Hi Sam!") and "from the side" in english.result["text"]
    assert (await db.get_settings(OTHER)).language == "en"  # type: ignore[union-attr]


@pytest.mark.asyncio
async def test_settings_language_voice_and_timezone(
    botapi: FakeBotAPI, db: Store, tmp_path: Path, clock: Clock
) -> None:
    async with running(build_app(botapi, db, tmp_path, clock)):
        menu = await reply_to(botapi, CHAT, "/settings")
        assert "Asia/Seoul" in menu.result["text"] and "set:lang:en" in buttons(menu)
        message_id = menu.result["message_id"]

        edited = await tap(botapi, CHAT, message_id, "set:lang:en")
        assert "Your settings" in edited.result["text"]
        assert (await db.get_settings(CHAT)).language == "en"  # type: ignore[union-attr]
        help_text = (await reply_to(botapi, CHAT, "/help")).result["text"]
        assert "/progress — This week's summary and chart" in help_text and "FormCoach" in help_text

        edited = await tap(botapi, CHAT, message_id, "set:voice:0")
        assert "Voice feedback: off" in edited.result["text"] and "set:voice:1" in buttons(edited)
        assert (await db.get_settings(CHAT)).voice_on is False  # type: ignore[union-attr]

        berlin = await reply_to(botapi, CHAT, "/settings tz europe/berlin")
        assert "Time zone changed: Europe/Berlin" in berlin.result["text"]
        bad = await reply_to(botapi, CHAT, "/settings tz Mars/Olympus_Mons")
        assert "couldn't find" in bad.result["text"] and "Mars/Olympus_Mons" in bad.result["text"]
        assert (await db.get_settings(CHAT)).timezone == "Europe/Berlin"  # type: ignore[union-attr]

        edited = await tap(botapi, CHAT, message_id, "set:tz:Asia/Tokyo")
        assert "Time zone: Asia/Tokyo" in edited.result["text"]
        korean = await reply_to(botapi, CHAT, "/settings lang ko")
        assert korean.result["text"].startswith("저장했어요.")
        usage = await reply_to(botapi, CHAT, "/settings colour blue")
        assert "/settings tz Europe/Berlin" in usage.result["text"]
    settings = await db.get_settings(CHAT)
    assert settings is not None
    assert (settings.language, settings.voice_on, settings.timezone) == ("ko", False, "Asia/Tokyo")
    assert botapi.calls_for(None, "answerCallbackQuery")  # every tap is answered


@pytest.mark.asyncio
async def test_settings_dont_keep_photos(botapi: FakeBotAPI, db: Store, tmp_path: Path, clock: Clock) -> None:
    """ "사진 저장 안 함": a button and a text form; the photos kept so far go, none are kept after."""
    await db.save_analysis(
        CHAT, None, AnalysisRecord("squat", 1.0, "side", 1, None, "good", 3.0, thumbnails=(b"jpg",))
    )
    async with running(build_app(botapi, db, tmp_path, clock)):
        menu = await reply_to(botapi, CHAT, "/settings")
        assert "분석 사진 저장: 켜짐" in menu.result["text"] and "set:photos:0" in buttons(menu)
        edited = await tap(botapi, CHAT, menu.result["message_id"], "set:photos:0")
        assert "분석 사진 저장: 꺼짐" in edited.result["text"] and "set:photos:1" in buttons(edited)
        assert (await db.get_settings(CHAT)).keep_photos is False  # type: ignore[union-attr]
        assert await db.thumbnails_of(CHAT) == 0
        on = await reply_to(botapi, CHAT, "/settings 사진 on")
        assert "분석 사진 저장: 켜짐" in on.result["text"]
        off = await reply_to(botapi, CHAT, "/settings photos off")
        assert off.result["text"].startswith("저장했어요.") and "분석 사진 저장: 꺼짐" in off.result["text"]
    assert (await db.get_settings(CHAT)).keep_photos is False  # type: ignore[union-attr]


@pytest.mark.asyncio
async def test_progress_sends_the_week_summary_and_a_png_chart(
    botapi: FakeBotAPI, db: Store, tmp_path: Path, clock: Clock
) -> None:
    await save_at(db, clock, datetime(2025, 3, 4, 1, 0, tzinfo=UTC), CHAT, PUSH_UP)  # last week
    await save_at(db, clock, datetime(2025, 3, 9, 23, 0, tzinfo=UTC), CHAT, SQUAT_GOOD)  # Mon 08:00 Seoul
    await save_at(db, clock, datetime(2025, 3, 10, 23, 0, tzinfo=UTC), CHAT, SQUAT_PERFECT)
    await save_at(db, clock, datetime(2025, 3, 12, 0, 0, tzinfo=UTC), CHAT, PLANK)
    async with running(build_app(botapi, db, tmp_path, clock)):
        text = (await reply_to(botapi, CHAT, "/progress", first_name="민수")).result["text"]
        photo = (await botapi.wait_calls(CHAT, "sendPhoto", 1))[0]
        empty = (await reply_to(botapi, OTHER, "/progress")).result["text"]
    assert "민수님의 이번 주 운동이에요 (3월 10일 ~ 3월 16일)" in text
    assert "운동 세션 3번" in text
    assert "스쿼트 22회 (세션 2번)" in text and "플랭크 45초 버티기 (세션 1번)" in text
    assert "세션 등급: 퍼펙트 1번, 굿 2번" in text and "반복 등급: 퍼펙트 1번, 굿 1번" in text
    assert "지난주보다 2번 더 운동했어요" in text
    data = photo.files["photo"].data
    assert data.startswith(PNG_SIGNATURE)
    with Image.open(io.BytesIO(data)) as image:
        assert image.format == "PNG" and image.width >= 800
    assert photo.fields.get("caption")
    assert "아직 분석한 운동이 없어요" in empty
    assert not botapi.calls_for(OTHER, "sendPhoto")


@pytest.mark.asyncio
async def test_history_lists_recent_analyses_in_the_user_timezone(
    botapi: FakeBotAPI, db: Store, tmp_path: Path, clock: Clock
) -> None:
    await save_at(db, clock, datetime(2025, 3, 11, 15, 0, tzinfo=UTC), CHAT, PLANK)  # Wed 00:00 Seoul
    await save_at(db, clock, datetime(2025, 3, 12, 22, 30, tzinfo=UTC), CHAT, SQUAT_PERFECT)
    async with running(build_app(botapi, db, tmp_path, clock)):
        seoul = (await reply_to(botapi, CHAT, "/history")).result["text"].splitlines()
        await db.update_settings(CHAT, timezone="Europe/Berlin", language="en")
        berlin = (await reply_to(botapi, CHAT, "/history")).result["text"].splitlines()
        nothing = (await reply_to(botapi, OTHER, "/history")).result["text"]
    assert seoul[1:] == [
        "3월 13일 (목) 07:30 · 스쿼트 12회 · 퍼펙트",
        "3월 12일 (수) 00:00 · 플랭크 45초 · 굿",
    ]
    assert "Asia/Seoul" in seoul[0]
    assert berlin[1:] == ["Wed 3/12 23:30 · Squat 12 reps · Perfect", "Tue 3/11 16:00 · Plank 45 s · Good"]
    assert "아직 분석 기록이 없어요" in nothing


@pytest.mark.asyncio
async def test_delete_asks_then_erases_every_row_and_job_of_the_user(
    botapi: FakeBotAPI, db: Store, tmp_path: Path, clock: Clock
) -> None:
    job_id, _ = await db.enqueue_job(CHAT, CHAT, 7, "file-id", "unique-id")
    await db.correct_count(CHAT, await db.save_analysis(CHAT, job_id, SQUAT_GOOD), 12)
    await db.mark_answered(job_id)
    await db.save_analysis(OTHER, None, PLANK)
    tables = [t for t in await db.table_names() if t != "schema_version"]
    async with running(build_app(botapi, db, tmp_path, clock)) as app:
        assert app.job_queue is not None
        await reply_to(botapi, CHAT, "/remind 월수금 07:30")
        await reply_to(botapi, CHAT, "/settings weekly on")
        await reply_to(botapi, OTHER, "/remind 매일 20:00")
        await reply_to(botapi, CHAT, "이번 주 스쿼트 100개")  # a goal, and its undo in the chat's memory
        assert len(_jobs_of(app, CHAT)) == 2

        ask = await reply_to(botapi, CHAT, "/delete")
        assert "되돌릴 수 없어요" in ask.result["text"] and set(buttons(ask)) == {
            f"del:yes:{CHAT}",
            f"del:no:{CHAT}",
        }
        kept = await tap(botapi, CHAT, ask.result["message_id"], f"del:no:{CHAT}")
        assert "지우지 않았어요" in kept.result["text"]
        assert all(
            rows_of_user(tmp_path / "formcoach.sqlite3", tables, CHAT)[t]
            for t in ("users", "analyses", "reminders", "goals", "chat_memory")
        )

        ask = await reply_to(botapi, CHAT, "/delete")
        answered = len(botapi.calls_for(None, "answerCallbackQuery"))
        botapi.push_callback(CHAT, ask.result["message_id"], f"del:yes:{CHAT}", user_id=OTHER)  # not theirs
        await botapi.wait_calls(None, "answerCallbackQuery", answered + 1)
        assert await db.get_settings(OTHER) is not None and await db.get_settings(CHAT) is not None
        done = await tap(botapi, CHAT, ask.result["message_id"], f"del:yes:{CHAT}")
        assert "모든 데이터를 지웠어요" in done.result["text"]
        assert _jobs_of(app, CHAT) == [] and len(_jobs_of(app, OTHER)) == 1
    assert set(tables) >= {
        "users",
        "jobs",
        "analyses",
        "reps",
        "condition_results",
        "reminders",
        "sent_answers",
        "goals",
        "chat_memory",
    }
    assert rows_of_user(tmp_path / "formcoach.sqlite3", tables, CHAT) == dict.fromkeys(tables, 0)
    assert rows_of_user(tmp_path / "formcoach.sqlite3", tables, OTHER)[
        "analyses"
    ] == 1 and await db.list_reminders(OTHER)


@pytest.mark.asyncio
async def test_command_descriptions_are_accepted_by_set_my_commands(tg_bot: telegram.Bot) -> None:
    assert COMMANDS == ("start", "help", "progress", "history", "remind", "settings", "export", "delete")
    for locale in LOCALES:
        described = command_descriptions(locale)
        assert [c for c, _ in described] == list(COMMANDS)
        assert await tg_bot.set_my_commands(described, language_code=locale)
        assert [
            (c.command, c.description) for c in await tg_bot.get_my_commands(language_code=locale)
        ] == described
    assert dict(command_descriptions("ko"))["progress"] == "이번 주 운동 요약과 차트"
    assert dict(command_descriptions("en"))["delete"] == "Delete all my data"


@pytest.mark.asyncio
async def test_users_outside_the_allow_list_get_no_answer(
    botapi: FakeBotAPI, db: Store, tmp_path: Path, clock: Clock
) -> None:
    async with running(build_app(botapi, db, tmp_path, clock, allowed=frozenset({CHAT}))):
        botapi.push_message(OTHER, "/start")
        await reply_to(botapi, CHAT, "/start")
        await botapi.wait_updates_consumed()
    assert botapi.calls_for(OTHER, "sendMessage") == [] and await db.get_settings(OTHER) is None


def _jobs_of(app: App, user_id: int) -> list[PushJob]:
    job_queue = app.job_queue
    assert job_queue is not None
    return [j.data for j in job_queue.jobs() if isinstance(j.data, PushJob) and j.data.user_id == user_id]


def test_weeks_run_monday_to_monday_in_the_user_timezone() -> None:
    sunday_evening_utc = datetime(2025, 3, 16, 20, 0, tzinfo=UTC)  # already Monday 05:00 in Seoul
    assert week_bounds(sunday_evening_utc, "Asia/Seoul") == (
        datetime(2025, 3, 16, 15, 0, tzinfo=UTC),
        datetime(2025, 3, 23, 15, 0, tzinfo=UTC),
    )
    assert week_bounds(sunday_evening_utc, "Asia/Seoul", weeks_back=1)[0] == datetime(
        2025, 3, 9, 15, 0, tzinfo=UTC
    )
    start, end = week_bounds(datetime(2025, 3, 31, 12, 0, tzinfo=UTC), "Europe/Berlin", weeks_back=1)
    assert (start, end) == (
        datetime(2025, 3, 23, 23, 0, tzinfo=UTC),
        datetime(2025, 3, 30, 22, 0, tzinfo=UTC),
    )
