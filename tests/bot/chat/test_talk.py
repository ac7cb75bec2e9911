"""Talking to the coach in words, end to end: a real Application polls the fake Bot API, on SQLite and on
PostgreSQL. Each intent's answer, and what it stores: reminders that fire at the right UTC time, goals in
/progress and the Monday summary, the feedback detail, exported files holding every analysis, the undo
button, suggestions for what was not understood."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio
from telegram.ext import Job

from analysis.report.i18n import translate
from analysis.vocab.catalog import CATALOG
from bot.pushes.schedule import PushJob
from bot.replies.export import CSV_FIELDS
from bot.store.db import AnalysisRecord, Store
from tests.bot.botapp import App, Clock, build_app, buttons, reply_to, running, save_at, tap
from tests.bot.dbs import backend
from tests.fakes import Call, FakeBotAPI

pytestmark = pytest.mark.asyncio

CHAT, OTHER = 701, 702
NOW = datetime(2025, 3, 12, 3, 0, tzinfo=UTC)  # Wednesday 12:00 in Seoul
SQUAT = AnalysisRecord(
    "squat", 0.9, "side", 10, None, "good", 20.0,
    reps=(("good", 0.0, 2.0), ("perfect", 2.0, 4.0)),
    conditions=((0, "heels_down", "fail", 0.2, 0.12), (None, "knees_track_feet", "not_judged", None, None)),
)  # fmt: skip
PLANK = AnalysisRecord("plank", 0.8, "side", None, 45.0, "perfect", 50.0)
PUSH_UP = AnalysisRecord("push_up", 0.9, "side", 8, None, "bad", 16.0)


@pytest_asyncio.fixture(params=["sqlite", "postgresql"])
async def db(request: pytest.FixtureRequest, tmp_path: Path, clock: Clock) -> AsyncIterator[Store]:
    async with backend(request.param, tmp_path) as fresh:
        store = await fresh.open(clock)
        try:
            yield store
        finally:
            await store.close()


@pytest_asyncio.fixture
async def app(botapi: FakeBotAPI, db: Store, tmp_path: Path, clock: Clock) -> AsyncIterator[App]:
    async with running(build_app(botapi, db, tmp_path, clock)) as started:
        yield started


async def say(botapi: FakeBotAPI, text: str, chat: int = CHAT, **user: Any) -> Call:
    return await reply_to(botapi, chat, text, **user)


def text_of(call: Call) -> str:
    return str(call.result["text"])


async def test_greeting_and_help_say_what_formcoach_does_in_the_users_language(
    botapi: FakeBotAPI, db: Store, app: App
) -> None:
    hello = text_of(await say(botapi, "안녕하세요", first_name="지민", language_code="en"))
    assert hello.startswith("안녕하세요, 지민님! 폼코치예요")  # a new user: the language they wrote in
    assert "스쿼트 자세 알려줘" in hello and "옆에서" in hello and not re.search(r"니다|니까", hello)
    assert (await db.get_settings(CHAT)).language == "ko"  # type: ignore[union-attr]
    english = text_of(await say(botapi, "hello there", OTHER, first_name="Sam", language_code="ko"))
    assert english.startswith("Hi Sam! I'm FormCoach") and "from the side" in english
    assert (await db.get_settings(OTHER)).language == "en"  # type: ignore[union-attr]
    helped = text_of(await say(botapi, "뭐 할 수 있어?"))
    assert "사용법" in helped and "기록 내보내기" in helped and "/help" in helped
    later = text_of(await say(botapi, "what can you do?"))  # a known user keeps their language
    assert later.startswith("🙋") and "사용법" in later


async def test_exercise_guides_and_the_picker(botapi: FakeBotAPI, app: App) -> None:
    guide = await say(botapi, "스쿼트 자세 알려줘")
    assert guide.fields["parse_mode"] == "HTML"
    text = text_of(guide)
    assert text.startswith("🏋️ 스쿼트 자세 가이드") and "1. 고개 정면: 고개를 떨구지 말고" in text
    assert "📷 옆에서 몸 전체가 나오게 찍어 주세요" in text and "비스듬한 앞에서 찍어도 괜찮아요" in text
    english = text_of(await say(botapi, "how do I do a lat pulldown?", OTHER, language_code="en"))
    assert english.startswith("🏋️ Lat pulldown form guide") and "Elbows to the torso" in english
    vague = await say(botapi, "자세 알려줘")  # which exercise? not understood: suggestions
    assert "무슨 말씀인지" in text_of(vague) and list(buttons(vague))[0] == "talk:exercise_guide"
    picker = await tap(botapi, CHAT, vague.result["message_id"], "talk:exercise_guide", "sendMessage")
    assert "어떤 운동" in text_of(picker) and buttons(picker)["talk:guide:plank"] == "플랭크"
    plank = await tap(botapi, CHAT, picker.result["message_id"], "talk:guide:plank", "sendMessage")
    assert text_of(plank).startswith("🏋️ 플랭크 자세 가이드")


async def test_every_catalog_exercise_is_guided_when_named(botapi: FakeBotAPI, app: App) -> None:
    for exercise in list(CATALOG)[::7]:  # a spread of the catalog (every one is rendered in test_guide)
        name = translate(f"exercise-{exercise}", "ko")
        assert text_of(await say(botapi, f"{name} 자세 알려줘")).startswith(f"🏋️ {name} 자세 가이드")


async def test_progress_questions_are_answered_with_numbers(
    botapi: FakeBotAPI, db: Store, clock: Clock, app: App
) -> None:
    await save_at(db, clock, datetime(2025, 3, 4, 1, tzinfo=UTC), CHAT, SQUAT)  # last week
    await save_at(db, clock, datetime(2025, 3, 4, 2, tzinfo=UTC), CHAT, SQUAT)
    await save_at(db, clock, datetime(2025, 3, 10, 1, tzinfo=UTC), CHAT, SQUAT)  # this week
    await save_at(db, clock, datetime(2025, 3, 12, 1, tzinfo=UTC), CHAT, PLANK)  # today
    week = text_of(await say(botapi, "이번 주 운동 어땠어?"))
    assert week.startswith("📊 이번 주 운동 기록이에요.")
    assert "운동 세션 2번" in week and "스쿼트 10회 (세션 1번)" in week and "플랭크 45초 버티기" in week
    compared = text_of(await say(botapi, "지난주보다 스쿼트 나아졌어?"))
    assert "이번 주 스쿼트 기록이에요" in compared and "운동 세션 1번" in compared
    assert "📉 지난주보다 1번 적게 운동했어요 (2번 → 1번)" in compared
    assert "📉 지난주보다 10회 적게 했어요 (20회 → 10회)" in compared
    today = text_of(await say(botapi, "오늘 운동 기록 보여줘"))
    assert "오늘 운동 기록" in today and "플랭크" in today and "스쿼트" not in today
    everything = text_of(await say(botapi, "지금까지 운동 기록 보여줘"))
    assert "운동 세션 4번" in everything and "스쿼트 30회 (세션 3번)" in everything
    month = text_of(await say(botapi, "how did I do this month?", OTHER, language_code="en"))
    assert month.startswith("No workouts recorded this month")


async def test_a_reminder_set_in_words_fires_at_the_right_utc_time_and_can_be_undone(
    botapi: FakeBotAPI, db: Store, app: App
) -> None:
    assert app.job_queue is not None
    reply = await say(botapi, "월수금 아침 7시에 알려줘")
    assert text_of(reply).startswith("⏰ 알림을 만들었어요: 월, 수, 금 07:00 (Asia/Seoul)")
    [reminder] = await db.list_reminders(CHAT)
    assert (reminder.weekdays, reminder.time, reminder.timezone) == ((0, 2, 4), "07:00", "Asia/Seoul")
    job = _job(app, f"reminder:{reminder.id}")
    assert job.data == PushJob(CHAT, CHAT, reminder.id)
    assert _fire_times(job, datetime(2025, 3, 9, 15, tzinfo=UTC)) == [  # Monday 00:00 in Seoul
        datetime(2025, 3, 9, 22, tzinfo=UTC),  # Monday 07:00 in Seoul = Sunday 22:00 UTC
        datetime(2025, 3, 11, 22, tzinfo=UTC),
        datetime(2025, 3, 13, 22, tzinfo=UTC),
    ]
    before = len(botapi.calls_for(CHAT, "sendMessage"))
    await job.run(app)
    fired = (await botapi.wait_calls(CHAT, "sendMessage", before + 1))[-1]
    assert text_of(fired).startswith("⏰ 운동할 시간이에요!")

    [(undo_data, label)] = buttons(reply).items()
    assert label == "↩️ 되돌리기"
    undone = await tap(botapi, CHAT, reply.result["message_id"], undo_data)
    assert "방금 만든 알림을 지웠어요" in text_of(undone)
    assert await db.list_reminders(CHAT) == [] and app.job_queue.jobs() == ()
    answered = len(botapi.calls_for(None, "answerCallbackQuery"))
    botapi.push_callback(CHAT, reply.result["message_id"], undo_data)  # a second tap: nothing left to undo
    again = (await botapi.wait_calls(None, "answerCallbackQuery", answered + 1))[answered]
    assert "되돌릴 수 없어요" in again.fields["text"]

    daily = text_of(await say(botapi, "remind me at 6:30 pm", OTHER, language_code="en"))
    assert daily.startswith("⏰ Reminder set: Every day 18:30 (Asia/Seoul)")
    no_time = await say(botapi, "알림 설정해줘")
    assert "요일" in text_of(no_time) and "rem:d:1" in buttons(no_time)  # the /remind day picker
    only_days = await say(botapi, "운동 까먹지 않게 매일 알려줘")
    assert "몇 시에" in text_of(only_days) and "rem:s:127:0700" in buttons(only_days)


async def test_reminders_listed_and_turned_off_in_words_with_undo(
    botapi: FakeBotAPI, db: Store, app: App
) -> None:
    assert app.job_queue is not None
    await say(botapi, "/remind 평일 06:45")
    await say(botapi, "주말 아침 9시에 알림 보내줘")
    listing = await say(botapi, "알림 뭐 있어?")
    assert "• 평일 06:45 (Asia/Seoul)" in text_of(listing) and "• 주말 09:00 (Asia/Seoul)" in text_of(listing)
    off = await say(botapi, "알림 꺼줘")
    assert text_of(off).startswith("🔕 알림 2개를 껐어요.") and "• 평일 06:45" in text_of(off)
    assert await db.list_reminders(CHAT) == [] and app.job_queue.jobs() == ()
    assert "켜져 있는 알림이 없어요" in text_of(await say(botapi, "리마인더 삭제"))
    undone = await tap(botapi, CHAT, off.result["message_id"], next(iter(buttons(off))))
    assert "알림을 다시 켰어요" in text_of(undone)
    restored = await db.list_reminders(CHAT)
    assert sorted((r.days, r.time) for r in restored) == [(0b0011111, "06:45"), (0b1100000, "09:00")]
    assert sorted(j.name or "" for j in app.job_queue.jobs()) == sorted(f"reminder:{r.id}" for r in restored)


async def test_a_weekly_goal_shows_in_progress_and_the_monday_summary(
    botapi: FakeBotAPI, db: Store, clock: Clock, app: App
) -> None:
    clock.now = datetime(2025, 2, 26, 3, tzinfo=UTC)  # two weeks ago
    made = await say(botapi, "이번 주 스쿼트 20개")
    assert text_of(made).startswith("🎯 주간 목표를 정했어요: 스쿼트 20회.")
    assert "• 스쿼트 20회: 0 완료 (0%) · 20회 남았어요" in text_of(made)
    for day in (datetime(2025, 3, 3, 1, tzinfo=UTC), datetime(2025, 3, 5, 1, tzinfo=UTC)):  # last week: met
        await save_at(db, clock, day, CHAT, SQUAT)
    await save_at(db, clock, datetime(2025, 3, 10, 1, tzinfo=UTC), CHAT, SQUAT)  # this week: 10 so far
    clock.now = NOW
    progress = text_of(await say(botapi, "/progress"))
    assert "🎯 이번 주 목표\n• 스쿼트 20회: 10 완료 (50%) · 10회 남았어요" in progress
    asked = text_of(await say(botapi, "이번 주 운동 어땠어?"))
    assert "• 스쿼트 20회: 10 완료 (50%)" in asked
    await save_at(db, clock, datetime(2025, 3, 12, 1, tzinfo=UTC), CHAT, SQUAT)
    progress = text_of(await say(botapi, "/progress"))
    assert (
        "• 스쿼트 20회: 20 완료 (100%) · 달성했어요! ✅" in progress
        and "🔥 2주 연속 달성 중이에요!" in progress
    )

    sessions = await say(botapi, "주 3회 운동")
    assert "운동 주 3번" in text_of(sessions) and "• 운동 주 3번: 2 완료 (67%) · 1번 남았어요" in text_of(
        sessions
    )
    replaced = await say(botapi, "이번 주 스쿼트 100개")
    assert "전에 있던 목표(스쿼트 20회)는 새 목표로 바꿨어요." in text_of(replaced)
    await tap(botapi, CHAT, replaced.result["message_id"], next(iter(buttons(replaced))))  # undo
    assert {(g.exercise, g.target) for g in await db.goals(CHAT)} == {("squat", 20), (None, 3)}

    await db.update_settings(CHAT, weekly_summary=True)
    clock.now = datetime(2025, 3, 17, 0, tzinfo=UTC)  # Monday 09:00 in Seoul
    await say(botapi, "/settings weekly on")
    before = len(botapi.calls_for(CHAT, "sendMessage"))
    await _job(app, f"weekly:{CHAT}").run(app)
    summary = text_of((await botapi.wait_calls(CHAT, "sendMessage", before + 1))[before])
    assert summary.startswith("📅 지난주 운동 요약이에요") and "🎯 지난주 목표" in summary
    assert "• 스쿼트 20회: 20 완료 (100%) · 달성했어요! ✅" in summary and "🔥 2주 연속" in summary
    assert "• 운동 주 3번: 2 완료 (67%) · 아쉽게 못 채웠어요" in summary
    english = text_of(await say(botapi, "I want to do 50 push ups this week", OTHER, language_code="en"))
    assert english.startswith("🎯 Weekly goal set: 50 reps of Push-up.")


async def test_feedback_detail_in_words_and_in_settings(botapi: FakeBotAPI, db: Store, app: App) -> None:
    brief = await say(botapi, "짧게 말해줘")
    assert "짧게 말씀드릴게요" in text_of(brief)
    assert (await db.get_settings(CHAT)).feedback_detail == "brief"  # type: ignore[union-attr]
    settings = await say(botapi, "/settings")
    assert "• 분석 결과: 짧게" in text_of(settings) and "set:detail:detailed" in buttons(settings)
    await tap(botapi, CHAT, brief.result["message_id"], next(iter(buttons(brief))))  # undo
    assert (await db.get_settings(CHAT)).feedback_detail == "detailed"  # type: ignore[union-attr]
    edited = await tap(botapi, CHAT, settings.result["message_id"], "set:detail:detailed")
    assert "• 분석 결과: 자세히" in text_of(edited) and "set:detail:brief" in buttons(edited)
    assert "분석 결과: 짧게" in text_of(await say(botapi, "/settings detail brief"))
    assert (await db.get_settings(CHAT)).feedback_detail == "brief"  # type: ignore[union-attr]
    suggestion = await say(botapi, "음", OTHER)  # the "brief or detailed" suggestion asks which
    picker = await tap(botapi, OTHER, suggestion.result["message_id"], "talk:feedback_detail", "sendMessage")
    assert buttons(picker) == {"talk:detail:brief": "짧게", "talk:detail:detailed": "자세히"}
    chosen = await tap(botapi, OTHER, picker.result["message_id"], "talk:detail:brief", "sendMessage")
    assert "짧게 말씀드릴게요" in text_of(chosen)
    assert (await db.get_settings(OTHER)).feedback_detail == "brief"  # type: ignore[union-attr]


async def test_export_sends_csv_and_json_holding_every_analysis(
    botapi: FakeBotAPI, db: Store, clock: Clock, app: App
) -> None:
    ids = [
        await save_at(db, clock, NOW - timedelta(days=d), CHAT, record)
        for d, record in ((40, SQUAT), (3, PLANK), (1, PUSH_UP), (0, SQUAT))
    ]
    await db.correct_count(CHAT, ids[-1], 12)
    await save_at(db, clock, NOW, OTHER, SQUAT)
    said = text_of(await say(botapi, "기록 내보내기"))
    assert "분석 기록 4개" in said
    csv_call, json_call = await botapi.wait_calls(CHAT, "sendDocument", 2)
    assert csv_call.result["document"]["file_name"].endswith(".csv")
    rows = list(csv.DictReader(io.StringIO(csv_call.files["document"].data.decode("utf-8-sig"))))
    assert tuple(rows[0]) == CSV_FIELDS and [int(r["analysis_id"]) for r in rows] == ids
    assert [r["reps"] for r in rows] == ["10", "", "8", "12"] and rows[-1]["reps_measured"] == "10"
    assert rows[0]["conditions_failed"] == "heels_down" and rows[1]["hold_s"] == "45.0"
    document = json.loads(json_call.files["document"].data)
    assert document["timezone"] == "Asia/Seoul" and len(document["analyses"]) == 4
    last = document["analyses"][-1]
    assert (last["reps"], last["reps_measured"], last["reps_corrected"]) == (12, 10, 12)
    assert [g["grade"] for g in last["rep_grades"]] == ["good", "perfect"] and len(last["conditions"]) == 2
    await say(botapi, "/export")
    assert len(await botapi.wait_calls(CHAT, "sendDocument", 4)) == 4
    empty = text_of(await say(botapi, "/export", 703))
    assert "내보낼 분석 기록이 없어요" in empty and not botapi.calls_for(703, "sendDocument")


async def test_what_is_not_understood_gets_suggestions_never_silence(
    botapi: FakeBotAPI, db: Store, app: App
) -> None:
    for text in ("오늘 날씨 어때", "ㅋㅋㅋㅋ", "🍕", "/dance", "asdf qwer"):
        answer = await say(botapi, text)
        assert "무슨 말씀인지 잘 모르겠어요" in text_of(answer), text
        assert 2 <= len(buttons(answer)) <= 3 and all(d.startswith("talk:") for d in buttons(answer))
    answer = await say(botapi, "오늘 날씨 어때")
    for data in buttons(answer):
        followed = await tap(botapi, CHAT, answer.result["message_id"], data, "sendMessage")
        assert text_of(followed)
    english = await say(botapi, "what's the weather like", OTHER, language_code="en")
    assert text_of(english).startswith("Sorry, I didn't quite understand")


def _job(app: App, name: str) -> Job[Any]:
    assert app.job_queue is not None
    [job] = app.job_queue.get_jobs_by_name(name)
    return job


def _fire_times(job: Job[Any], start: datetime) -> list[datetime]:
    """Fire times of the job's trigger in the 7 days from ``start`` (UTC), in order."""
    trigger, times, previous, now = job.job.trigger, [], None, start
    while (fire := trigger.get_next_fire_time(previous, now)) is not None and fire < start + timedelta(
        days=7
    ):
        times.append(fire.astimezone(UTC))
        previous, now = fire, fire
    return times


async def test_users_outside_the_allowed_list_are_told_so(
    botapi: FakeBotAPI, db: Store, tmp_path: Path, clock: Clock
) -> None:
    async with running(build_app(botapi, db, tmp_path, clock, allowed=frozenset({OTHER}))):
        refused = text_of(await say(botapi, "안녕하세요"))
        welcomed = text_of(await say(botapi, "안녕하세요", OTHER))
    assert refused == translate("clip-not-allowed", "ko") and await db.get_settings(CHAT) is None
    assert welcomed.startswith("안녕하세요")


async def test_in_groups_only_replies_to_the_bot_are_answered(botapi: FakeBotAPI, app: App) -> None:
    group = -4242
    botapi.push_message(group, "안녕하세요", user_id=CHAT)  # chatter between members: not for the bot
    guide = await reply_to(botapi, group, "/help", user_id=CHAT)
    to_bot = guide.result["message_id"]
    asked = await reply_to(botapi, group, "스쿼트 자세 알려줘", user_id=CHAT, reply_to=to_bot)
    assert text_of(asked).startswith("🏋️ 스쿼트 자세 가이드")
    assert asked.fields["reply_parameters"]["message_id"] == asked.result["reply_to_message"]["message_id"]
    assert len(botapi.calls_for(group, "sendMessage")) == 2  # /help and the guide, not the greeting
