"""Clips end to end: a real Application polls the fake Bot API over HTTP; the analysis runs the real pipeline
with a fake pose estimator (in process, or in a spawned worker), the voice is real espeak-ng OGG/Opus."""

from __future__ import annotations

import asyncio
import io
import logging
import os
import re
import shutil
from pathlib import Path
from typing import Any

import av
import pytest
import pytest_asyncio
from PIL import Image
from telegram import Update
from telegram.ext import ContextTypes, MessageHandler, filters

from analysis.classifier import UnknownClassifier
from analysis.report.i18n import translate
from bot.app import COMMANDS
from bot.chat.hints import exercise_from_text
from bot.chat.users import RateLimiter
from bot.config import Settings, install_log_redaction
from bot.context import services
from bot.jobs.analyzer import Analyzer
from bot.store.db import JobStatus, Store
from tests.bot.clipbot import answered, clip_bot, job_settled, settings_for, summaries, texts
from tests.fakes import Call, FakeBotAPI
from tests.fakes.media import make_garbage, make_video
from tests.fakes.pose import FakePose
from tests.paths import CLIPS

pytestmark = [
    pytest.mark.asyncio,
    pytest.mark.usefixtures("fresh_worker"),
    pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning"),
]
HAS_ESPEAK = shutil.which("espeak-ng") is not None
VOICE = "espeak" if HAS_ESPEAK else "off"
CHAT = 5151
WAIT_S = 15.0


def bot(botapi: FakeBotAPI, data_dir: Path, **overrides: Any) -> Any:
    """tests.bot.clipbot's clip bot, speaking with espeak-ng when it is installed."""
    return clip_bot(botapi, data_dir, **{"tts": VOICE, **overrides})


def buttons_of(call: Call) -> list[tuple[str, str]]:
    markup = call.fields.get("reply_markup") or {}
    return [(b["text"], b["callback_data"]) for row in markup.get("inline_keyboard", []) for b in row]


@pytest_asyncio.fixture
async def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


# --- the main path -----------------------------------------------------------------------------------


async def test_video_gets_ack_progress_photos_summary_and_voice(
    botapi: FakeBotAPI, data_dir: Path, clip_bytes: bytes
) -> None:
    async with bot(botapi, data_dir, pose=FakePose(3, lean_deg=(70.0, 70.0, 35.0))) as app:
        file_id = botapi.add_file(clip_bytes, "video/mp4", "squat.mp4")
        clip_message = botapi.push_video(CHAT, file_id, caption="오늘 스쿼트")["message"]
        summary = (await answered(botapi, CHAT))[0]
        if HAS_ESPEAK:
            await botapi.wait_calls(CHAT, "sendVoice", 1, timeout=WAIT_S)
        await job_settled(app, 1)
        job = await services(app).store.get_job(1)
        history = await services(app).store.history(CHAT)
    ack = botapi.calls_for(CHAT, "sendMessage")[0]
    assert ack.fields["text"] == translate("clip-received", "ko")
    assert ack.fields["reply_parameters"]["message_id"] == clip_message["message_id"]
    edits = texts(botapi, CHAT, "editMessageText")
    assert edits[0].startswith("영상을 내려받고 있어요") and any(
        t.startswith("분석 중이에요… ") for t in edits
    )
    assert edits[-1] == translate("progress-done", "ko")
    assert {c.fields["action"] for c in botapi.calls_for(CHAT, "sendChatAction")} >= {
        "typing",
        "upload_photo",
    }
    group = botapi.calls_for(CHAT, "sendMediaGroup")[0]  # worst and best rep
    answer = [c.method for c in botapi.calls_for(CHAT) if c.method in ("sendMediaGroup", "sendVoice")
              or c.fields.get("parse_mode") == "HTML"]  # fmt: skip
    voice = ["sendVoice"] if HAS_ESPEAK else []
    assert answer == ["sendMessage", "sendMediaGroup", *voice]  # the summary first, the moment it is ready
    assert summary.fields["reply_parameters"]["message_id"] == clip_message["message_id"]
    photos = [group.files[item["media"].removeprefix("attach://")].data for item in group.fields["media"]]
    assert len(photos) == 2 and all(Image.open(io.BytesIO(p)).format == "JPEG" for p in photos)
    assert group.fields["media"][0]["caption"].startswith("1회차")
    text = summary.result["text"]
    assert text.startswith("스쿼트 · 3회\n종합 등급: 굿") and "1회 굿 · 2회 굿 · 3회 퍼펙트" in text
    assert "✗ 척추 중립" in text and "✓ 고개 정면" in text
    assert [t for t, _ in buttons_of(summary)] == ["다른 운동이에요", "✏️ 횟수 고치기", "🔇 음성 끄기"]
    assert len(summaries(botapi, CHAT)) == 1 and job is not None and job.status is JobStatus.DONE  # once
    assert history and history[0].exercise == "squat" and history[0].rep_count == 3
    assert list((data_dir / "tmp").iterdir()) == []  # the downloaded clip is gone
    menus = {language: [c["command"] for c in menu] for (_, language), menu in botapi.commands.items()}
    assert menus[""] == menus["ko"] == menus["en"] == list(COMMANDS)
    if HAS_ESPEAK:
        voice = botapi.calls_for(CHAT, "sendVoice")[0]
        assert voice.at > group.at > summary.at  # the summary, then the photos, then the voice
        data = voice.files["voice"].data
        with av.open(io.BytesIO(data)) as container:
            assert container.streams.audio[0].codec_context.name == "opus"
        assert voice.result["voice"]["mime_type"] == "audio/ogg" and voice.fields["duration"] >= 1


async def test_voice_toggle_turns_the_voice_message_off(
    botapi: FakeBotAPI, data_dir: Path, clip_bytes: bytes
) -> None:
    async with bot(botapi, data_dir) as app:
        botapi.push_video(CHAT, botapi.add_file(clip_bytes), caption="squat")
        summary = (await answered(botapi, CHAT))[0]
        await job_settled(app, 1)  # its voice message is out
        toggle = dict(buttons_of(summary))["🔇 음성 끄기"]
        botapi.push_callback(CHAT, summary.result["message_id"], toggle)
        await botapi.wait_calls(None, "answerCallbackQuery", 1)
        voices_before = len(botapi.calls_for(CHAT, "sendVoice"))
        botapi.push_video(CHAT, botapi.add_file(clip_bytes), caption="squat")
        second = (await answered(botapi, CHAT, 2))[1]
        await job_settled(app, 2)
        settings = await services(app).store.get_settings(CHAT)
    answer = botapi.calls_for(None, "answerCallbackQuery")[0]
    assert answer.fields["text"] == translate("feedback-voice-turned-off", "ko")
    assert (
        botapi.message(CHAT, summary.result["message_id"])["reply_markup"]["inline_keyboard"][1][0]["text"]
        == "🔊 음성 켜기"
    )
    assert settings is not None and settings.voice_on is False
    assert len(botapi.calls_for(CHAT, "sendVoice")) == voices_before
    assert [t for t, _ in buttons_of(second)][2] == "🔊 음성 켜기"


async def test_other_exercise_button_regrades_the_clip(
    botapi: FakeBotAPI, data_dir: Path, clip_bytes: bytes
) -> None:
    async with bot(botapi, data_dir):
        botapi.push_video(CHAT, botapi.add_file(clip_bytes), caption="squat")
        summary = (await answered(botapi, CHAT))[0]
        botapi.push_callback(CHAT, summary.result["message_id"], dict(buttons_of(summary))["다른 운동이에요"])
        picker = await botapi.wait_for(
            lambda: [
                c for c in botapi.calls_for(CHAT, "sendMessage") if c.fields["text"].startswith("어떤 운동")
            ]
        )
        choices = dict(buttons_of(picker[0]))
        assert {"스쿼트", "푸시업", "플랭크", "더 보기"} <= set(choices)
        botapi.push_callback(CHAT, picker[0].result["message_id"], choices["더 보기"])
        await botapi.wait_calls(CHAT, "editMessageReplyMarkup", 1)
        everything = botapi.message(CHAT, picker[0].result["message_id"])["reply_markup"]["inline_keyboard"]
        assert sum(len(row) for row in everything) >= 50
        botapi.push_callback(CHAT, picker[0].result["message_id"], choices["푸시업"])
        regraded = (await answered(botapi, CHAT, 2))[1]
    assert regraded.result["text"].startswith("푸시업 · ")
    assert translate("progress-regrade", "ko", exercise="push_up") in texts(botapi, CHAT, "editMessageText")
    assert len(summaries(botapi, CHAT)) == 2


async def test_unknown_exercise_asks_which_one_then_grades(
    botapi: FakeBotAPI, data_dir: Path, clip_bytes: bytes
) -> None:
    async with bot(botapi, data_dir):
        botapi.push_video(CHAT, botapi.add_file(clip_bytes))  # no caption, and no classifier model
        question = (await answered(botapi, CHAT))[0]
        assert question.result["text"].startswith(translate("rejection-unsure-exercise", "ko"))
        botapi.push_callback(CHAT, question.result["message_id"], dict(buttons_of(question))["스쿼트"])
        graded = (await answered(botapi, CHAT, 2))[1]
    assert graded.result["text"].startswith("스쿼트 · 3회")


async def test_english_speaking_user_gets_english(
    botapi: FakeBotAPI, data_dir: Path, clip_bytes: bytes
) -> None:
    async with bot(botapi, data_dir):
        botapi.push_video(CHAT, botapi.add_file(clip_bytes), caption="squats", language_code="en")
        summary = (await answered(botapi, CHAT))[0]
    assert texts(botapi, CHAT, "sendMessage")[0] == translate("clip-received", "en")
    assert summary.result["text"].startswith("Squat · 3 reps\nOverall: Perfect")
    labels = ["It was another exercise", "✏️ Fix the count", "🔇 Voice off"]
    assert [t for t, _ in buttons_of(summary)] == labels


# --- what arrives ------------------------------------------------------------------------------------


async def test_media_kinds(botapi: FakeBotAPI, data_dir: Path, clip_bytes: bytes) -> None:
    async with bot(botapi, data_dir):
        mov = botapi.add_file(clip_bytes, "video/quicktime", "IMG_0001.MOV")
        botapi.push_document(CHAT, mov, caption="squat")  # a clip sent as a file
        await answered(botapi, CHAT, 1)
        botapi.push_video_note(CHAT, botapi.add_file(clip_bytes))
        botapi.push_animation(CHAT, botapi.add_file(clip_bytes, "video/mp4", "loop.mp4"))
        await answered(botapi, CHAT, 3)
        botapi.push_photo(CHAT, botapi.add_file(_jpeg(), "image/jpeg"))
        botapi.push_document(CHAT, botapi.add_file(b"%PDF-1.4 plan", "application/pdf", "plan.pdf"))
        not_video = translate("clip-not-video-file", "ko")
        await botapi.wait_for(lambda: not_video in texts(botapi, CHAT, "sendMessage"))
    assert translate("clip-photo", "ko") in texts(botapi, CHAT, "sendMessage")
    first, *others = [s.result["text"] for s in summaries(botapi, CHAT)]
    assert first.startswith("스쿼트 · 3회")
    unsure = translate("rejection-unsure-exercise", "ko")
    assert len(others) == 2 and all(t.startswith(unsure) for t in others)  # no caption: which exercise?
    assert not botapi.calls_for(CHAT, "getFile", ok=None)[3:]  # the photo and the PDF were not fetched


def _jpeg() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (320, 240), "orange").save(buffer, "JPEG")
    return buffer.getvalue()


async def test_too_big_is_explained_before_any_download(botapi: FakeBotAPI, data_dir: Path) -> None:
    async with bot(botapi, data_dir):
        big = botapi.add_file(b"tiny", "video/mp4", "long.mp4", file_size=25 * 1024 * 1024)
        botapi.push_video(CHAT, big, caption="squat")
        reply = (await botapi.wait_calls(CHAT, "sendMessage", 1))[0]
        await botapi.wait_updates_consumed()
    assert reply.fields["text"] == translate("clip-too-big", "ko", size=25, limit=20)
    assert "25MB" in reply.fields["text"] and "20MB" in reply.fields["text"]
    assert botapi.calls_for(None, "getFile", ok=None) == []


async def test_not_a_video_gets_the_korean_rejection(
    botapi: FakeBotAPI, data_dir: Path, tmp_path: Path
) -> None:
    garbage = Path(make_garbage(str(tmp_path / "x.mp4"))).read_bytes()
    async with bot(botapi, data_dir) as app:
        botapi.push_video(CHAT, botapi.add_file(garbage, "video/mp4", "x.mp4"), caption="squat")
        answer = (await answered(botapi, CHAT))[0]
        await job_settled(app, 1)
        job = await services(app).store.get_job(1)
    assert answer.result["text"] in {
        translate("rejection-not-video", "ko"),
        translate("rejection-corrupt", "ko"),
    }
    assert job is not None and job.status is JobStatus.REJECTED and job.error_code in {"not_video", "corrupt"}
    assert not botapi.calls_for(CHAT, "sendVoice") and not botapi.calls_for(CHAT, "sendPhoto")
    assert list((data_dir / "tmp").iterdir()) == []


async def test_flood_control_on_the_answer_is_waited_out(
    botapi: FakeBotAPI, data_dir: Path, clip_bytes: bytes
) -> None:
    async with bot(botapi, data_dir) as app:
        botapi.delay_next("getFile", 0.5)  # time to arm the fault after the acknowledgement
        botapi.push_video(CHAT, botapi.add_file(clip_bytes), caption="squat")
        await botapi.wait_calls(CHAT, "sendMessage", 1)
        botapi.fail_next("sendMessage", 429, retry_after=1)
        botapi.fail_next("sendPhoto", 502)
        summary = (await answered(botapi, CHAT))[0]
        await job_settled(app, 1)
    attempts = [
        c for c in botapi.calls_for(CHAT, "sendMessage", ok=None) if c.fields.get("parse_mode") == "HTML"
    ]
    assert [c.status for c in attempts] == [429, 200]
    assert attempts[1].at - attempts[0].at >= 0.9  # waited retry_after
    assert len(summaries(botapi, CHAT)) == 1 and summary.ok
    assert [c.status for c in botapi.calls_for(CHAT, "sendPhoto", ok=None)] == [
        502,
        200,
    ]  # retried after a 502


async def test_restart_answers_a_pending_job_exactly_once(
    botapi: FakeBotAPI, data_dir: Path, clip_bytes: bytes
) -> None:
    settings = settings_for(botapi, data_dir, tts=VOICE)
    store = await Store.open(settings.db_path)
    try:
        file_id = botapi.add_file(clip_bytes)
        # a job the crashed run was running and had already answered: it must not be answered again
        done, _ = await store.enqueue_job(CHAT, CHAT, 42, file_id, "u42", "squat")
        assert (claimed := await store.claim_next_job()) is not None and claimed.id == done
        assert await store.mark_answered(done)
        queued, _ = await store.enqueue_job(CHAT, CHAT, 41, file_id, "u41", "squat")  # never started
    finally:
        await store.close()
    async with bot(botapi, data_dir) as app:
        await answered(botapi, CHAT)
        await job_settled(app, queued)
        await job_settled(app, done)
        statuses = [(await services(app).store.get_job(j)).status for j in (queued, done)]  # type: ignore[union-attr]
    assert statuses == [JobStatus.DONE, JobStatus.DONE]
    assert texts(botapi, CHAT, "sendMessage")[0] == translate("progress-resumed", "ko")  # a new progress msg
    async with bot(botapi, data_dir):  # and once more: nothing is pending any longer
        await asyncio.sleep(0.5)
    assert len(summaries(botapi, CHAT)) == 1
    first = summaries(botapi, CHAT)[0]  # the answer's first message, the summary, quotes the clip
    assert first.fields["reply_parameters"]["message_id"] == 41


async def test_a_job_interrupted_again_and_again_is_given_up(botapi: FakeBotAPI, data_dir: Path) -> None:
    store = await Store.open(settings_for(botapi, data_dir, tts=VOICE).db_path)
    try:
        job_id, _ = await store.enqueue_job(CHAT, CHAT, 9, "gone", "u9", "squat")
        for _ in range(3):  # three runs died while analysing it
            await store.claim_next_job()
            await store.requeue_running()
    finally:
        await store.close()
    async with bot(botapi, data_dir) as app:
        answer = (await answered(botapi, CHAT))[0]
        await job_settled(app, job_id)
        job = await services(app).store.get_job(job_id)
    assert answer.result["text"] == translate("rejection-analysis-failed", "ko")
    assert job is not None and job.status is JobStatus.FAILED and botapi.calls_for(None, "getFile") == []


async def test_queue_bounds_and_fair_order(botapi: FakeBotAPI, data_dir: Path, clip_bytes: bytes) -> None:
    a, b, c = CHAT, CHAT + 1, CHAT + 2
    async with bot(botapi, data_dir, user_queue=1, max_queue=2):
        botapi.delay_next("getFile", 6.0)  # a's first clip stays running while the others arrive
        botapi.push_video(a, botapi.add_file(clip_bytes), caption="squat")
        await botapi.wait_for(
            lambda: any(t.startswith("영상을 내려받고") for t in texts(botapi, a, "editMessageText"))
        )
        # chats are served side by side (bot.updates): each step waits for its acknowledgement
        for chat, acks in ((a, 2), (a, 3), (b, 1), (c, 1)):
            botapi.push_video(chat, botapi.add_file(clip_bytes), caption="squat")
            await botapi.wait_calls(chat, "sendMessage", acks)
        assert texts(botapi, c, "sendMessage") == [translate("clip-busy", "ko")]
        await answered(botapi, a, 2)
        await answered(botapi, b, 1)
    acks = texts(botapi, a, "sendMessage")[:3]
    queued = translate("clip-queued", "ko", position=1)
    assert acks == [translate("clip-received", "ko"), queued, translate("clip-user-busy", "ko")]
    assert texts(botapi, b, "sendMessage")[0] == queued  # b was never served: it goes before a's second
    assert summaries(botapi, b)[0].at < summaries(botapi, a)[1].at


async def test_allowlist_and_rate_limit(botapi: FakeBotAPI, data_dir: Path) -> None:
    async with bot(botapi, data_dir, allowed_users=frozenset({CHAT})):
        botapi.push_video(CHAT + 7, botapi.add_file(b"x" * 10), language_code="en")
        await botapi.wait_calls(CHAT + 7, "sendMessage", 1)
    assert texts(botapi, CHAT + 7, "sendMessage") == [translate("clip-not-allowed", "en")]
    assert botapi.calls_for(None, "getFile", ok=None) == []
    clock = [0.0]
    limiter = RateLimiter(limit=2, window_s=60, clock=lambda: clock[0])
    assert limiter.hit(1) is None and limiter.hit(1) is None and limiter.hit(2) is None
    assert limiter.hit(1) == 60
    clock[0] = 59.5
    assert limiter.hit(1) == 1
    clock[0] = 60.0
    assert limiter.hit(1) is None


async def test_errors_are_apologised_for_and_logged_without_the_token(
    botapi: FakeBotAPI, data_dir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    async def boom(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        raise RuntimeError(f"failed calling {botapi.base_url}{botapi.token}/getMe")

    install_log_redaction(botapi.token)
    caplog.set_level(logging.INFO)
    async with bot(botapi, data_dir) as app:
        app.add_handler(MessageHandler(filters.Regex("^boom$"), boom), group=-1)
        botapi.push_message(CHAT, "boom", language_code="en")
        await botapi.wait_calls(CHAT, "sendMessage", 2)  # the apology, then the conversation's own answer
    assert texts(botapi, CHAT, "sendMessage")[0] == translate("failure-generic", "en")
    logged = caplog.text + "".join(r.exc_text or "" for r in caplog.records)
    assert "RuntimeError" in logged and botapi.token not in logged


async def test_caption_names_the_exercise() -> None:
    assert exercise_from_text("오늘 스쿼트 12개") == "squat"
    assert exercise_from_text("풀업") == "pull_up" and exercise_from_text("Push-ups!") == "push_up"
    assert exercise_from_text("케이블 크런치") == "cable_crunch" and exercise_from_text("턱걸이") == "pull_up"
    assert exercise_from_text("좋은 하루") is None and exercise_from_text(None) is None


# --- worker processes --------------------------------------------------------------------------------


async def test_spawned_worker_that_dies_is_replaced_and_the_job_retried(
    botapi: FakeBotAPI, data_dir: Path, clip_bytes: bytes, tmp_path: Path
) -> None:
    """The real pickling path: a spawn pool whose initializer gets a fake estimator; its worker dies once."""
    pose = FakePose(3, crash_marker=str(tmp_path / "crashed-once"))
    analyzer = Analyzer(1, initializer_args=(pose, UnknownClassifier()))
    async with bot(botapi, data_dir, analyzer=analyzer):
        botapi.push_video(CHAT, botapi.add_file(clip_bytes), caption="squat")
        summary = (await answered(botapi, CHAT, timeout=60))[0]
    assert summary.result["text"].startswith("스쿼트 · 3회")
    assert analyzer.rebuilds == 1 and (tmp_path / "crashed-once").exists()


@pytest.mark.slow
@pytest.mark.skipif(
    not (CLIPS / "calimiro_workouttracker/squats/squat_13.mp4").exists(), reason="no ../shared"
)
async def test_real_clip_through_mediapipe(botapi: FakeBotAPI, data_dir: Path) -> None:
    os.environ.setdefault("GLOG_minloglevel", "2")
    data = (CLIPS / "calimiro_workouttracker/squats/squat_13.mp4").read_bytes()
    async with bot(botapi, data_dir, analyzer=Analyzer(1)) as app:
        botapi.push_video(CHAT, botapi.add_file(data, "video/mp4", "squat_13.mp4"), caption="스쿼트")
        summary = (await answered(botapi, CHAT, timeout=90))[0]
        await job_settled(app, 1)
    assert re.match(r"스쿼트 · \d+회", summary.result["text"])
    photos = botapi.calls_for(CHAT, "sendPhoto") + botapi.calls_for(CHAT, "sendMediaGroup")
    assert photos and any(c.files for c in photos)
    for upload in (f for c in photos for f in c.files.values()):
        assert Image.open(io.BytesIO(upload.data)).format == "JPEG"
    if HAS_ESPEAK:
        voice = botapi.calls_for(CHAT, "sendVoice")[0]
        with av.open(io.BytesIO(voice.files["voice"].data)) as container:
            assert container.streams.audio[0].codec_context.name == "opus"


async def test_retention_job_purges_history_older_than_the_policy(tmp_path):
    """FORMCOACH_RETENTION_DAYS: the daily job deletes analyses older than the policy, keeps the rest."""
    from datetime import UTC, datetime, timedelta

    from bot.app import purge_expired
    from bot.context import Services
    from bot.store.db import AnalysisRecord, Store

    now = [datetime(2026, 1, 1, tzinfo=UTC)]
    store = await Store.open(tmp_path / "db.sqlite3", clock=lambda: now[0])
    try:
        await store.ensure_user(1, "ko")
        rec = AnalysisRecord("squat", 1.0, "side", 3, None, "good", 5.0)
        for msg in (1, 2):  # one analysis 400 days ago, one today
            if msg == 2:
                now[0] += timedelta(days=400)
            job, _ = await store.enqueue_job(1, 1, msg, "f", "u")
            await store.save_analysis(1, job, rec)

        class Ctx:
            bot_data = {
                "services": Services(
                    settings=Settings(token="123456:" + "a" * 30, data_dir=tmp_path, retention_days=365),
                    store=store,
                    analyzer=None,  # type: ignore[arg-type]
                    speaker=None,
                )
            }

        await purge_expired(Ctx())  # type: ignore[arg-type]
        assert len(await store.history(1)) == 1
    finally:
        await store.close()


async def test_nobody_in_the_clip_gets_the_no_person_answer(
    botapi: FakeBotAPI, data_dir: Path, clip_bytes: bytes
) -> None:
    async with bot(botapi, data_dir, pose=FakePose(present=False)) as app:
        botapi.push_video(CHAT, botapi.add_file(clip_bytes, "video/mp4", "wall.mp4"), caption="squat")
        answer = (await answered(botapi, CHAT))[0]
        await job_settled(app, 1)
        job = await services(app).store.get_job(1)
    assert answer.result["text"] == translate("rejection-no-person", "ko")
    assert job is not None and job.status is JobStatus.REJECTED and job.error_code == "no_person"


async def test_a_clip_over_ten_minutes_is_refused_politely(
    botapi: FakeBotAPI, data_dir: Path, tmp_path: Path
) -> None:
    # Two frames ten minutes apart: a header that claims a long clip, in a few bytes.
    long_clip = make_video(str(tmp_path / "long.mp4"), size=(160, 120), times=[0.0, 0.5, 650.0])
    async with bot(botapi, data_dir) as app:
        botapi.push_video(CHAT, botapi.add_file(Path(long_clip).read_bytes(), "video/mp4", "l.mp4"))
        answer = (await answered(botapi, CHAT))[0]
        await job_settled(app, 1)
    assert answer.result["text"] == translate("rejection-too-long", "ko", minutes=11)
