"""Talking about analysed clips, end to end through the whole bot (bot.app, the real pipeline with a fake
pose estimator, the fake Bot API): goals under each analysis, fixing a count by replying to the answer or
with the "횟수 고치기" button and the next message (the chat's memory, which expires), /history and the
goals using the corrected count, the feedback detail of the next answer, and voice messages."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from telegram.ext import Application

from analysis.classifier import UnknownClassifier
from analysis.report.i18n import translate
from bot.app import build_application, running
from bot.context import services
from bot.jobs.analyzer import Analyzer
from bot.store.db import Store
from tests.bot.botapp import Clock, buttons
from tests.bot.clipbot import answered, job_settled, settings_for
from tests.fakes import Call, FakeBotAPI
from tests.fakes.pose import FakePose

pytestmark = [
    pytest.mark.asyncio,
    pytest.mark.usefixtures("fresh_worker"),
    pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning"),
]
CHAT = 7171


@asynccontextmanager
async def coach(botapi: FakeBotAPI, data_dir: Path, clock: Clock) -> AsyncIterator[Application]:
    analyzer = Analyzer(0, initializer_args=(FakePose(3), UnknownClassifier()))
    app = build_application(settings_for(botapi, data_dir), analyzer=analyzer, clock=clock)
    async with running(app) as started:
        yield started


async def say(botapi: FakeBotAPI, text: str, **fields: Any) -> Call:
    before = len(botapi.calls_for(CHAT, "sendMessage"))
    botapi.push_message(CHAT, text, **fields)
    return (await botapi.wait_calls(CHAT, "sendMessage", before + 1))[before]


async def clip(botapi: FakeBotAPI, app: Application, data: bytes, n: int) -> Call:
    botapi.push_video(CHAT, botapi.add_file(data), caption="스쿼트")
    summary = (await answered(botapi, CHAT, n))[n - 1]
    await job_settled(app, n)
    return summary


def count_button(summary: Call) -> str:
    return next(data for data, text in buttons(summary).items() if text == "✏️ 횟수 고치기")


async def test_fixing_the_count_by_reply_and_by_button_feeds_history_and_goals(
    botapi: FakeBotAPI, tmp_path: Path, clip_bytes: bytes
) -> None:
    clock = Clock(datetime.now(UTC))
    async with coach(botapi, tmp_path / "data", clock) as app:
        store: Store = services(app).store
        await say(botapi, "이번 주 스쿼트 10개")
        summary = await clip(botapi, app, clip_bytes, 1)
        text = summary.result["text"]
        assert (
            text.startswith("스쿼트 · 3회")
            and "🎯 이번 주 목표\n• 스쿼트 10회: 3 완료 (30%) · 7회 남았어요" in text
        )
        assert count_button(summary) == "count:1"

        fixed = await say(botapi, "5개였어요", reply_to=summary.result["message_id"])
        assert fixed.result["text"].startswith("✏️ 스쿼트 횟수를 3회에서 5회로 고쳤어요.")
        assert "분석이 센 3회도 함께 보관해요." in fixed.result["text"]
        assert "• 스쿼트 10회: 5 완료 (50%)" in fixed.result["text"]
        history = (await say(botapi, "/history")).result["text"]
        assert "스쿼트 5회 (고침, 분석 3회)" in history
        [entry] = await store.history(CHAT)
        assert (entry.rep_count, entry.measured_count) == (5, 3)

        botapi.push_callback(CHAT, summary.result["message_id"], count_button(summary))
        question = await botapi.wait_for(lambda: _said(botapi, "실제로 몇 회"))
        assert "스쿼트 분석에서 5회로 셌어요" in question
        answer = await say(botapi, "일곱 개")  # the next message with a number is the count
        assert "5회에서 7회로 고쳤어요" in answer.result["text"] and "7 완료 (70%)" in answer.result["text"]
        assert await store.recall(CHAT, "pending") is None
        progress = (await say(botapi, "/progress")).result["text"]
        assert "스쿼트 7회 (세션 1번)" in progress and "• 스쿼트 10회: 7 완료 (70%)" in progress

        await say(botapi, "짧게 말해줘")
        second = await clip(botapi, app, clip_bytes, 2)  # 7 + 3 = 10: the goal is met
        assert "회차별 등급" not in second.result["text"] and "✓" not in second.result["text"]
        assert "• 스쿼트 10회: 10 완료 (100%) · 달성했어요! ✅" in second.result["text"]

        undo = next(iter(buttons(answer)))
        botapi.push_callback(CHAT, answer.result["message_id"], undo)  # the latest change was the detail
        gone = await botapi.wait_for(lambda: [c for c in botapi.calls_for(None, "answerCallbackQuery")
                                              if c.fields.get("show_alert")])  # fmt: skip
        assert "되돌릴 수 없어요" in gone[0].fields["text"]
        assert (await store.history(CHAT))[1].rep_count == 7


async def test_the_question_expires_and_can_be_cancelled(
    botapi: FakeBotAPI, tmp_path: Path, clip_bytes: bytes
) -> None:
    clock = Clock(datetime.now(UTC))
    async with coach(botapi, tmp_path / "data", clock) as app:
        store: Store = services(app).store
        summary = await clip(botapi, app, clip_bytes, 1)
        botapi.push_callback(CHAT, summary.result["message_id"], count_button(summary))
        await botapi.wait_for(lambda: _said(botapi, "실제로 몇 회"))
        assert (await say(botapi, "취소")).result["text"] == translate("talk-count-cancelled", "ko")
        botapi.push_callback(CHAT, summary.result["message_id"], count_button(summary))
        await botapi.wait_for(lambda: len([t for t in _texts(botapi) if "실제로 몇 회" in t]) == 2)
        clock.advance(minutes=11)  # the question waited too long: "8" is just a number now
        late = await say(botapi, "8")
        assert "무슨 말씀인지" in late.result["text"]
        botapi.push_callback(CHAT, summary.result["message_id"], count_button(summary))
        await botapi.wait_for(lambda: len([t for t in _texts(botapi) if "실제로 몇 회" in t]) == 3)
        other = await say(botapi, "알림 뭐 있어?")  # something else: answered as usual, question dropped
        assert "알림" in other.result["text"] and await store.recall(CHAT, "pending") is None
        assert (await store.history(CHAT))[0].rep_count == 3


async def test_latest_analysis_is_fixed_without_a_reply_and_english_works(
    botapi: FakeBotAPI, tmp_path: Path, clip_bytes: bytes
) -> None:
    clock = Clock(datetime.now(UTC))
    async with coach(botapi, tmp_path / "data", clock) as app:
        assert "no analysis to fix" in (await say(botapi, "it was 5", language_code="en")).result["text"]
        summary = await clip(botapi, app, clip_bytes, 1)
        assert "✏️ Fix the count" in buttons(summary).values()
        fixed = await say(botapi, "it was 4")
        assert fixed.result["text"].startswith("✏️ Squat: fixed from 3 to 4 reps.")
        undone = await _tap(botapi, fixed)
        assert undone == translate("talk-undone-count", "en")
        assert (await services(app).store.history(CHAT))[0].rep_count == 3


async def test_voice_messages_and_audio_get_an_honest_answer(botapi: FakeBotAPI, tmp_path: Path) -> None:
    async with coach(botapi, tmp_path / "data", Clock(datetime.now(UTC))):
        botapi.push_voice(CHAT, botapi.add_file(b"OggS fake voice", "audio/ogg", "voice.ogg"))
        botapi.push_voice(CHAT, botapi.add_file(b"ID3 fake song", "audio/mpeg", "song.mp3"))
        botapi.push_document(CHAT, botapi.add_file(b"ID3 fake song", "audio/mpeg", "memo.mp3"))
        await botapi.wait_for(lambda: len(_texts(botapi)) == 3)
        botapi.push_voice(CHAT, botapi.add_file(b"OggS", "audio/ogg", "voice.ogg"), language_code="en")
        await botapi.wait_for(lambda: len(_texts(botapi)) == 4)
    korean = translate("clip-voice", "ko")
    assert _texts(botapi) == [korean, korean, korean, korean]  # the user is Korean from the first message
    assert "음성 메시지는 알아듣지 못해요" in korean and "동영상으로" in korean
    assert translate("clip-not-video-file", "ko") not in _texts(botapi)
    assert botapi.calls_for(None, "getFile", ok=None) == []  # nothing downloaded


def _texts(botapi: FakeBotAPI) -> list[str]:
    return [str(c.result["text"]) for c in botapi.calls_for(CHAT, "sendMessage")]


def _said(botapi: FakeBotAPI, part: str) -> str | None:
    return next((t for t in _texts(botapi) if part in t), None)


async def _tap(botapi: FakeBotAPI, call: Call) -> str:
    before = len(botapi.calls_for(CHAT, "editMessageText"))
    botapi.push_callback(CHAT, call.result["message_id"], next(iter(buttons(call))))
    return str((await botapi.wait_calls(CHAT, "editMessageText", before + 1))[before].result["text"])
