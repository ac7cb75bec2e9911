"""Telegram's flood control (429 with retry_after) on every kind of call the bot makes: the bot as built
for production (bot.app.build_application, its FloodLimiter) waits and sends again, and each message
arrives once. Also the limiter's own pace (overall and per private chat) against the fake's limits."""

from __future__ import annotations

import asyncio
import gc
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
from telegram import Update
from telegram.error import RetryAfter
from telegram.ext import Application, ContextTypes, MessageHandler, filters

from analysis.classifier import UnknownClassifier
from analysis.report.i18n import translate
from bot.app import api_builder, build_application, running
from bot.flood import OVERALL_MARGIN_S, FloodLimiter, retry_after_s
from bot.jobs.analyzer import Analyzer
from bot.replies.voice import to_ogg_opus
from tests.bot.clipbot import answered, settings_for, summaries
from tests.fakes import Call, FakeBotAPI
from tests.fakes.media import make_video
from tests.fakes.pose import FakePose

pytestmark = [
    pytest.mark.asyncio,
    pytest.mark.telegram_pace,  # the limiter's real pace against the fake's limits
    pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning"),
]
CHAT = 8101
RETRY_AFTER = 1
App = Application[Any, Any, Any, Any, Any, Any]


class ToneSpeaker:
    """A voice engine without espeak-ng: one second of silence as OGG/Opus."""

    name = "tone"

    async def synthesize(self, text: str, lang: str) -> bytes:
        return to_ogg_opus(bytes(2 * 16000), pcm_rate=16000)


@pytest.fixture(scope="module")
def clip(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    path = tmp_path_factory.mktemp("flood") / "squat.mp4"
    return Path(make_video(str(path), size=(640, 480), fps=30, seconds=4.0)).read_bytes()


async def boom(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    raise RuntimeError("a bug in a handler")


@asynccontextmanager
async def production_bot(botapi: FakeBotAPI, data_dir: Path, **overrides: Any) -> AsyncIterator[App]:
    analyzer = Analyzer(0, initializer_args=(FakePose(3), UnknownClassifier()))
    settings = settings_for(botapi, data_dir, **overrides)
    app = build_application(settings, analyzer=analyzer, speaker=ToneSpeaker())
    app.add_handler(MessageHandler(filters.Regex("^boom$"), boom), group=-1)
    async with running(app) as started:
        yield started


@asynccontextmanager
async def no_gc_pause() -> AsyncIterator[None]:
    """No garbage collection in the middle of a paced burst: the limiter spaces messages exactly at the
    fake's limit (30 in any second), so a collection late in a long test session, stalling this one event
    loop (the bot's and the fake's), would bunch requests that left on time as they reach the fake."""
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def step(botapi: FakeBotAPI, since: int, method: str) -> list[Call]:
    return [c for c in botapi.calls[since:] if c.method == method and c.chat_id in (CHAT, None)]


def survived(calls: list[Call]) -> bool:
    """Every 429 is followed by the same call going through, at least retry_after later."""
    for index, call in enumerate(calls):
        if call.status == 429:
            later = calls[index + 1 : index + 2]
            if not later or not later[0].ok or later[0].at - call.at < RETRY_AFTER:
                return False
    return True


async def test_every_kind_of_call_gets_one_429_and_is_delivered_once(
    botapi: FakeBotAPI, tmp_path: Path, clip: bytes
) -> None:
    armed = botapi.flood_each_method_once(RETRY_AFTER, methods=["sendMessage"])
    async with production_bot(botapi, tmp_path / "data") as app:
        # a command's reply
        start = len(botapi.calls)
        botapi.push_message(CHAT, "/help")
        await botapi.wait_calls(CHAT, "sendMessage", 1, timeout=10)
        help_calls = step(botapi, start, "sendMessage")

        # a clip sent as a document: getFile, progress edits, chat actions, key frames, summary, voice
        start = len(botapi.calls)
        media = ["getFile", "editMessageText", "sendPhoto", "sendMediaGroup", "sendVoice"]
        armed.arm(["sendMessage", *media])
        botapi.push_document(CHAT, botapi.add_file(clip, "video/mp4", "squat.mp4"), caption="squat")
        await botapi.wait_calls(CHAT, "sendMessage", 2, timeout=10)  # the acknowledgement
        armed.arm(["sendMessage"])  # and the summary gets one too
        summary = (await answered(botapi, CHAT, timeout=30))[0]
        await botapi.wait_calls(CHAT, "sendVoice", 1, timeout=10)
        clip_calls = {m: step(botapi, start, m) for m in ["sendMessage", *media]}

        # an answer button: the voice toggle (answerCallbackQuery, editMessageReplyMarkup)
        start = len(botapi.calls)
        armed.arm(["answerCallbackQuery", "editMessageReplyMarkup"])
        markup = summary.fields["reply_markup"]["inline_keyboard"]
        toggle = next(b["callback_data"] for r in markup for b in r if b["callback_data"][:6] == "voice:")
        botapi.push_callback(CHAT, summary.result["message_id"], toggle)
        await botapi.wait_calls(None, "answerCallbackQuery", 1, timeout=10)
        await botapi.wait_calls(CHAT, "editMessageReplyMarkup", 1, timeout=10)
        button_calls = {m: step(botapi, start, m) for m in ("answerCallbackQuery", "editMessageReplyMarkup")}

        # the error handler's apology
        start = len(botapi.calls)
        armed.arm(["sendMessage"])
        botapi.push_message(CHAT, "boom")
        await botapi.wait_for(lambda: any(c.ok for c in step(botapi, start, "sendMessage")), timeout=10)
        apology_calls = step(botapi, start, "sendMessage")

        # a push: the weekly summary, through the outbox and its sender
        botapi.push_message(CHAT, "/settings weekly on")
        assert app.job_queue is not None
        weekly = await botapi.wait_for(lambda: app.job_queue.get_jobs_by_name(f"weekly:{CHAT}"), timeout=10)
        await asyncio.sleep(1.5)  # the settings answer (and the chat's answer to "boom") are out
        start = len(botapi.calls)
        armed.arm(["sendMessage"])
        await weekly[0].run(app)
        await botapi.wait_for(lambda: any(c.ok for c in step(botapi, start, "sendMessage")), timeout=10)
        push_calls = step(botapi, start, "sendMessage")
        await asyncio.sleep(1.5)  # room for a second copy of anything, were there one

    assert [c.status for c in help_calls] == [429, 200] and survived(help_calls)
    assert help_calls[1].result["text"].startswith(translate("help-header", "ko"))
    assert [c.status for c in clip_calls["sendMessage"]] == [429, 200, 429, 200]  # ack, summary
    assert survived(clip_calls["sendMessage"]) and len(summaries(botapi, CHAT)) == 1
    frames = clip_calls["sendPhoto"] or clip_calls["sendMediaGroup"]
    for calls in (frames, clip_calls["getFile"], clip_calls["sendVoice"]):
        assert [c.status for c in calls] == [429, 200] and survived(calls)
    edits = [c.status for c in clip_calls["editMessageText"]]  # the progress message, edited several times
    assert edits[0] == 429 and edits.count(429) == 1 and survived(clip_calls["editMessageText"])
    for calls in button_calls.values():
        assert [c.status for c in calls] == [429, 200] and survived(calls)
    assert [c.status for c in apology_calls] == [429, 200] and survived(apology_calls)
    assert apology_calls[1].result["text"] == translate("failure-generic", "ko")
    assert [c.status for c in push_calls] == [429, 200] and survived(push_calls)
    assert push_calls[1].result["text"].startswith("📅")
    texts = [c.result["text"] for c in botapi.calls_for(CHAT, "sendMessage")]
    # help, ack, summary, apology, the chat's answer to "boom", settings, weekly: each once
    assert len(texts) == len(set(texts)) == 7


async def test_the_limiter_keeps_to_the_overall_and_per_chat_limits(
    botapi: FakeBotAPI, tmp_path: Path
) -> None:
    """Bursts the fake would refuse (it answers 429 past 30 messages a second or 1 a second per chat):
    90 messages to 90 chats and 4 to one chat, all at once; the limiter spaces them, none is refused."""
    gate = botapi.enforce_limits(30, 1)
    app = api_builder(settings_for(botapi, tmp_path)).updater(None).job_queue(None).build()
    assert isinstance(app.bot.rate_limiter, FloodLimiter)
    async with app, no_gc_pause():
        started = time.monotonic()
        await asyncio.gather(
            *(app.bot.send_message(9000 + i, "hi") for i in range(90)),
            *(app.bot.send_message(CHAT, f"{i}") for i in range(4)),
        )
        elapsed = time.monotonic() - started
    assert gate.refused == 0 and gate.accepted == 94
    # paced, not sent in a burst, with a margin under the fake's 30 a second (arrivals bunched by a moment's
    # delay on the way would be refused at exactly 30): 93 intervals of 1/30 s + OVERALL_MARGIN_S
    assert OVERALL_MARGIN_S > 0 and elapsed >= 93 * (1 / 30 + OVERALL_MARGIN_S) - 0.1
    one_chat = [c.at for c in botapi.calls_for(CHAT, "sendMessage")]
    assert len(one_chat) == 4 and min(b - a for a, b in zip(one_chat, one_chat[1:], strict=False)) >= 1.0


async def test_a_chats_pace_counts_from_telegrams_answer(botapi: FakeBotAPI, tmp_path: Path) -> None:
    """A message in transit a while (a slow upload, a loaded machine) still leaves a full second before the
    chat's next one arrives: the pace counts from the answer, by which time the message had arrived."""
    app = api_builder(settings_for(botapi, tmp_path)).updater(None).job_queue(None).build()
    botapi.delay_next("sendMessage", 0.6)  # the first message's answer comes 0.6 s after it arrived
    async with app:
        await asyncio.gather(app.bot.send_message(CHAT, "a"), app.bot.send_message(CHAT, "b"))
    first, second = (c.at for c in botapi.calls_for(CHAT, "sendMessage"))
    assert second - first >= 0.6 + 1.0


async def test_the_fake_enforces_telegrams_limits(tg_bot: Any, botapi: FakeBotAPI) -> None:
    """Without the limiter (a bare telegram.Bot), a burst past the limits is refused with retry_after."""
    gate = botapi.enforce_limits(30, 1, retry_after=3)
    results = await asyncio.gather(
        *(tg_bot.send_message(9000 + i, "hi") for i in range(40)), return_exceptions=True
    )
    refused = [r for r in results if isinstance(r, Exception)]
    assert len(refused) == 10 and gate.refused == 10
    assert all(isinstance(r, RetryAfter) and retry_after_s(r) == 3 for r in refused)
    await asyncio.sleep(1.1)
    pair = await asyncio.gather(tg_bot.send_message(CHAT, "a"), tg_bot.send_message(CHAT, "b"),
                                return_exceptions=True)  # fmt: skip
    assert sum(isinstance(r, RetryAfter) for r in pair) == 1  # the second within the second
    assert len(botapi.calls_for(CHAT, "sendMessage")) == 1
