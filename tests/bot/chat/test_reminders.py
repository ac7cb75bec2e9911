"""/remind and the scheduled pushes: reminders in the user's time zone, restarts, the weekly summary."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from telegram.ext import Job

from bot.chat.reminders import days_label, parse_days, parse_remind_args, parse_time
from bot.pushes.schedule import PushJob, ptb_days
from bot.store.db import AnalysisRecord, Store
from tests.bot.botapp import App, Clock, build_app, buttons, reply_to, running, save_at, tap
from tests.fakes import FakeBotAPI

CHAT = 601
OTHER = 602
SEOUL = ZoneInfo("Asia/Seoul")
NOW = datetime(2025, 3, 17, 0, 30, tzinfo=UTC)  # Monday 09:30 in Seoul
SQUAT = AnalysisRecord("squat", 0.9, "side", 15, None, "good", 30.0)


def test_weekdays_convert_from_monday_zero_to_ptb_sunday_zero() -> None:
    assert ptb_days([0]) == (1,)  # Monday
    assert ptb_days([6]) == (0,)  # Sunday
    assert ptb_days([0, 2, 4]) == (1, 3, 5)
    assert ptb_days(range(7)) == tuple(range(7))


def test_days_and_times_parse_in_korean_and_english() -> None:
    mon_wed_fri = 0b0010101
    for text in ("월수금", "월,수,금", "월요일 수요일 금요일", "mon,wed,fri", "Mon Wed Friday"):
        assert parse_days(text) == mon_wed_fri, text
    assert parse_days("매일") == parse_days("daily") == 0b1111111
    assert parse_days("평일") == parse_days("mon-fri") == parse_days("월~금") == 0b0011111
    assert parse_days("주말") == parse_days("sat,sun") == 0b1100000
    assert parse_days("금-월") == 0b1110001  # a range may wrap over the weekend
    assert parse_days("아무때나") is None and parse_days("") is None and parse_days("mo") is None
    assert parse_time("7:30") == "07:30" and parse_time("23:59") == "23:59"
    assert parse_time("24:00") is None and parse_time("7시") is None
    assert parse_remind_args(["월수금", "07:30"]) == (mon_wed_fri, "07:30")
    assert parse_remind_args(["6:05", "weekdays"]) == (0b0011111, "06:05")
    assert parse_remind_args(["월수금"]) is None and parse_remind_args(["07:30", "08:00", "월"]) is None
    assert days_label(mon_wed_fri, "ko") == "월, 수, 금" and days_label(0b0011111, "en") == "Weekdays"


@pytest.mark.asyncio
async def test_text_form_schedules_a_seoul_reminder_at_the_right_utc_times(
    botapi: FakeBotAPI, db: Store, tmp_path: Path, clock: Clock
) -> None:
    async with running(build_app(botapi, db, tmp_path, clock)) as app:
        reply = await reply_to(botapi, CHAT, "/remind 월수금 07:30")
        assert reply.result["text"] == "⏰ 알림을 만들었어요: 월, 수, 금 07:30 (Asia/Seoul)"
        [reminder] = await db.list_reminders(CHAT)
        assert (reminder.weekdays, reminder.time, reminder.timezone) == ((0, 2, 4), "07:30", "Asia/Seoul")
        job = _job(app, f"reminder:{reminder.id}")
        assert job.data == PushJob(CHAT, CHAT, reminder.id)

        # Friday 09:00 in Seoul → the next one is Monday 07:30 Seoul = Sunday 22:30 UTC
        after_friday = job.job.trigger.get_next_fire_time(None, datetime(2025, 3, 14, 0, 0, tzinfo=UTC))
        assert after_friday.astimezone(UTC) == datetime(2025, 3, 16, 22, 30, tzinfo=UTC)
        assert _week_of_fire_times(job, datetime(2025, 3, 9, 15, 0, tzinfo=UTC)) == [
            datetime(2025, 3, 9, 22, 30, tzinfo=UTC),  # Mon 07:30 Seoul
            datetime(2025, 3, 11, 22, 30, tzinfo=UTC),  # Wed
            datetime(2025, 3, 13, 22, 30, tzinfo=UTC),  # Fri
        ]
        next_local = job.next_t.astimezone(SEOUL)  # the live schedule agrees
        assert next_local.weekday() in (0, 2, 4) and next_local.strftime("%H:%M") == "07:30"

        before = len(botapi.calls_for(CHAT, "sendMessage"))
        await job.run(app)
        sent = (await botapi.wait_calls(CHAT, "sendMessage", before + 1))[-1]
        assert sent.result["text"].startswith("⏰ 운동할 시간이에요!")

        bad = await reply_to(botapi, CHAT, "/remind 아무때나 7시")
        assert "요일과 시간을 알아보지 못했어요" in bad.result["text"]
    assert len(await db.list_reminders(CHAT)) == 1


@pytest.mark.asyncio
async def test_buttons_add_and_remove_a_reminder(
    botapi: FakeBotAPI, db: Store, tmp_path: Path, clock: Clock
) -> None:
    async with running(build_app(botapi, db, tmp_path, clock)) as app:
        listing = await reply_to(botapi, CHAT, "/remind")
        assert "아직 운동 알림이 없어요" in listing.result["text"] and "rem:add" in buttons(listing)
        message_id = listing.result["message_id"]
        days = await tap(botapi, CHAT, message_id, "rem:add")
        assert buttons(days)["rem:d:1"] == "월"
        days = await tap(botapi, CHAT, message_id, "rem:d:1")  # 월 on
        assert buttons(days)["rem:d:0"] == "✓ 월" and "rem:d:5" in buttons(days)
        days = await tap(botapi, CHAT, message_id, "rem:d:5")  # 수 on
        times = await tap(botapi, CHAT, message_id, "rem:t:5")
        assert "월, 수, 몇 시에 알려 드릴까요?" in times.result["text"]
        saved = await tap(botapi, CHAT, message_id, "rem:s:5:0730")
        assert saved.result["text"] == "⏰ 알림을 만들었어요: 월, 수 07:30 (Asia/Seoul)"
        [reminder] = await db.list_reminders(CHAT)
        assert (reminder.days, reminder.time) == (0b101, "07:30")
        assert _job(app, f"reminder:{reminder.id}").job.trigger.timezone == SEOUL

        listing = await reply_to(botapi, CHAT, "/remind")
        assert "• 월, 수 07:30 (Asia/Seoul)" in listing.result["text"]
        removed = await tap(botapi, CHAT, listing.result["message_id"], f"rem:x:{reminder.id}")
        assert "아직 운동 알림이 없어요" in removed.result["text"]
        assert app.job_queue is not None and app.job_queue.jobs() == ()

        answered = len(botapi.calls_for(None, "answerCallbackQuery"))
        botapi.push_callback(CHAT, listing.result["message_id"], "rem:t:0")
        no_days = (await botapi.wait_calls(None, "answerCallbackQuery", answered + 1))[answered]
    assert await db.list_reminders(CHAT) == []
    assert "요일을 하나 이상" in no_days.fields["text"] and no_days.fields["show_alert"] is True
    answers = [c.fields.get("text") for c in botapi.calls_for(None, "answerCallbackQuery")]
    assert "알림을 지웠어요." in answers


@pytest.mark.asyncio
async def test_reminders_and_weekly_summaries_survive_a_restart(
    botapi: FakeBotAPI, tmp_path: Path, clock: Clock
) -> None:
    path = tmp_path / "formcoach.sqlite3"
    async with await Store.open(path, clock=clock) as store:
        async with running(build_app(botapi, store, tmp_path, clock)):
            await reply_to(botapi, CHAT, "/remind 평일 06:45")
            await reply_to(botapi, CHAT, "/settings weekly on")
            await reply_to(botapi, OTHER, "/remind 주말 10:00")
        [reminder] = await store.list_reminders(CHAT)
    # a new process: a fresh JobQueue on the same database file
    async with (
        await Store.open(path, clock=clock) as store,
        running(build_app(botapi, store, tmp_path, clock)) as app,
    ):
        assert app.job_queue is not None
        names = sorted(j.name or "" for j in app.job_queue.jobs())
        assert names == sorted([f"reminder:{reminder.id}", f"reminder:{reminder.id + 1}", f"weekly:{CHAT}"])
        job = _job(app, f"reminder:{reminder.id}")
        fire_times = _week_of_fire_times(job, datetime(2025, 3, 9, 15, 0, tzinfo=UTC))
        assert [t.astimezone(SEOUL).strftime("%a %H:%M") for t in fire_times] == [
            f"{day} 06:45" for day in ("Mon", "Tue", "Wed", "Thu", "Fri")
        ]
        before = len(botapi.calls_for(CHAT, "sendMessage"))
        await job.run(app)
        await botapi.wait_calls(CHAT, "sendMessage", before + 1)


@pytest.mark.asyncio
async def test_a_time_zone_change_moves_reminders_and_the_weekly_summary(
    botapi: FakeBotAPI, db: Store, tmp_path: Path, clock: Clock
) -> None:
    async with running(build_app(botapi, db, tmp_path, clock)) as app:
        await reply_to(botapi, CHAT, "/remind 월 07:30")
        await reply_to(botapi, CHAT, "/settings weekly on")
        await reply_to(botapi, CHAT, "/settings tz Europe/Berlin")
        [reminder] = await db.list_reminders(CHAT)
        assert reminder.timezone == "Europe/Berlin"
        job = _job(app, f"reminder:{reminder.id}")
        monday = job.job.trigger.get_next_fire_time(None, datetime(2025, 3, 12, tzinfo=UTC))
        assert monday.astimezone(UTC) == datetime(2025, 3, 17, 6, 30, tzinfo=UTC)  # 07:30 CET
        weekly = _job(app, f"weekly:{CHAT}").job.trigger.get_next_fire_time(
            None, datetime(2025, 3, 12, tzinfo=UTC)
        )
        assert weekly.astimezone(UTC) == datetime(2025, 3, 17, 8, 0, tzinfo=UTC)  # Monday 09:00 CET


@pytest.mark.asyncio
async def test_weekly_summary_goes_only_to_opted_in_users(
    botapi: FakeBotAPI, db: Store, tmp_path: Path, clock: Clock
) -> None:
    for user in (CHAT, OTHER):  # last week (Mon 10 – Sun 16 March in Seoul) and the week before
        await save_at(db, clock, datetime(2025, 3, 10, 1, 0, tzinfo=UTC), user, SQUAT)
        await save_at(db, clock, datetime(2025, 3, 12, 1, 0, tzinfo=UTC), user, SQUAT)
        await save_at(db, clock, datetime(2025, 3, 4, 1, 0, tzinfo=UTC), user, SQUAT)
    await db.update_settings(CHAT, weekly_summary=True)
    await db.ensure_user(OTHER)
    async with running(build_app(botapi, db, tmp_path, clock)) as app:
        assert app.job_queue is not None
        assert [j.name for j in app.job_queue.jobs()] == [f"weekly:{CHAT}"]  # scheduled by on_startup
        job = _job(app, f"weekly:{CHAT}")
        first = job.job.trigger.get_next_fire_time(None, datetime(2025, 3, 12, tzinfo=UTC))
        assert first.astimezone(UTC) == datetime(2025, 3, 17, 0, 0, tzinfo=UTC)  # Monday 09:00 Seoul

        await job.run(app)
        summary = (await botapi.wait_calls(CHAT, "sendMessage", 1))[0].result["text"]
        photo = (await botapi.wait_calls(CHAT, "sendPhoto", 1))[0]
        assert summary.startswith("📅 지난주 운동 요약이에요 (3월 10일 ~ 3월 16일)")
        assert "운동 세션 2번" in summary and "스쿼트 30회" in summary and "그 전 주보다 1번 더" in summary
        assert photo.files["photo"].data.startswith(b"\x89PNG")

        toggled = await reply_to(botapi, CHAT, "/settings weekly off")
        assert "주간 요약 (월요일 아침): 꺼짐" in toggled.result["text"]
        assert app.job_queue.jobs() == ()
        await reply_to(botapi, OTHER, "/settings weekly on")
        job = _job(app, f"weekly:{OTHER}")
        await db.update_settings(OTHER, weekly_summary=False)  # opted out elsewhere: the job retires
        await job.run(app)
        assert app.job_queue.jobs() == ()
    assert len(botapi.calls_for(CHAT, "sendMessage")) == 2  # the summary and the /settings answer
    assert [c.result["text"][:2] for c in botapi.calls_for(OTHER, "sendMessage")] == ["저장"]


@pytest.mark.asyncio
async def test_a_reminder_erased_from_the_store_retires_its_job(
    botapi: FakeBotAPI, db: Store, tmp_path: Path, clock: Clock
) -> None:
    reminder = await db.add_reminder(CHAT, CHAT, 0b1111111, "08:00", "Asia/Seoul")
    async with running(build_app(botapi, db, tmp_path, clock)) as app:
        job = _job(app, f"reminder:{reminder.id}")
        await db.delete_reminder(CHAT, reminder.id)
        await job.run(app)
        assert app.job_queue is not None and app.job_queue.jobs() == ()
    assert botapi.calls_for(CHAT, "sendMessage") == []


def _job(app: App, name: str) -> Job[Any]:
    assert app.job_queue is not None
    [job] = app.job_queue.get_jobs_by_name(name)
    return job


def _week_of_fire_times(job: Job[Any], start: datetime) -> list[datetime]:
    """Fire times of the job's trigger in the 7 days from ``start`` (UTC), in order."""
    trigger, times, previous, now = job.job.trigger, [], None, start
    while (fire := trigger.get_next_fire_time(previous, now)) is not None and fire < start + timedelta(
        days=7
    ):
        times.append(fire.astimezone(UTC))
        previous, now = fire, fire
    return times
