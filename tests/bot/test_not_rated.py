"""A clip whose key conditions could not be judged, end to end: the bot polls the fake Bot API, the real
pipeline runs with the fake pose (portrait clips are drawn from the front, landscape ones from the
side), and a recording voice engine keeps what it was asked to say. The summary and the voice say "판정
보류" with a filming hint and no praise; /progress and /history count the clip as not rated."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from telegram.ext import Application

from analysis.classifier import UnknownClassifier
from analysis.report.i18n import translate
from bot.app import build_application, running
from bot.jobs.analyzer import Analyzer
from bot.replies.voice import to_ogg_opus
from tests.bot.clipbot import answered, job_settled, settings_for
from tests.fakes import FakeBotAPI
from tests.fakes.media import make_video
from tests.fakes.pose import FakePose

pytestmark = [
    pytest.mark.asyncio,
    pytest.mark.usefixtures("fresh_worker"),
    pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning"),
]
CHAT = 6161
WAIT_S = 15.0
PRAISE = ("퍼펙트", "좋아요", "잘하", "아주 좋")
App = Application[Any, Any, Any, Any, Any, Any]


class RecordingSpeaker:
    """A voice engine that keeps the texts it is asked to speak (one second of silence as OGG/Opus)."""

    name = "recording"

    def __init__(self) -> None:
        self.said: list[str] = []

    async def synthesize(self, text: str, lang: str) -> bytes:
        self.said.append(text)
        return to_ogg_opus(bytes(2 * 16000), pcm_rate=16000)


def clip(tmp_path: Path, name: str, size: tuple[int, int]) -> bytes:
    return Path(make_video(str(tmp_path / name), size=size, fps=30, seconds=7.0)).read_bytes()


async def reply(botapi: FakeBotAPI, text: str) -> str:
    before = len(botapi.calls_for(CHAT, "sendMessage"))
    botapi.push_message(CHAT, text)
    return str(
        (await botapi.wait_calls(CHAT, "sendMessage", before + 1, timeout=WAIT_S))[before].result["text"]
    )


async def test_front_view_squat_is_not_rated_in_the_answer_the_voice_and_progress(
    botapi: FakeBotAPI, tmp_path: Path
) -> None:
    front, side = clip(tmp_path, "front.mp4", (480, 640)), clip(tmp_path, "side.mp4", (640, 480))
    speaker = RecordingSpeaker()
    analyzer = Analyzer(0, initializer_args=(FakePose(3, front_knee_out_px=0.0), UnknownClassifier()))
    app = build_application(settings_for(botapi, tmp_path / "data"), analyzer=analyzer, speaker=speaker)
    async with running(app) as started:
        botapi.push_video(CHAT, botapi.add_file(front, "video/mp4", "front.mp4"), caption="스쿼트")
        summary = (await answered(botapi, CHAT))[0]
        await botapi.wait_calls(CHAT, "sendVoice", 1, timeout=WAIT_S)
        await job_settled(started, 1)
        botapi.push_video(CHAT, botapi.add_file(side, "video/mp4", "side.mp4"), caption="스쿼트")
        rated = (await answered(botapi, CHAT, 2))[1]
        await botapi.wait_calls(CHAT, "sendVoice", 2, timeout=WAIT_S)
        await job_settled(started, 2)
        progress = await reply(botapi, "/progress")
        history = await reply(botapi, "/history")

    text = summary.result["text"]
    names = ", ".join(translate(f"condition-squat-{c}", "ko") for c in ("neutral_spine", "heels_down"))
    assert text.startswith("스쿼트 · 3회\n" + translate("feedback-not-rated", "ko", names=names))
    assert f"📷 {translate('feedback-film-side', 'ko')}" in text  # how to film it next time
    assert f"✓ {translate('condition-squat-knees_track_feet', 'ko')}" in text  # what was judged, still shown
    assert "종합 등급" not in text and not any(word in text for word in PRAISE)
    spoken = speaker.said[0]
    assert "판정은 보류" in spoken and translate("feedback-film-side", "ko") in spoken
    assert not any(word in spoken for word in PRAISE), spoken
    # the same set filmed from the side is rated (and praised) as before
    assert "종합 등급: 퍼펙트" in rated.result["text"]
    assert speaker.said[1].startswith("스쿼트 3회, 자세가 아주 좋아요")
    # /progress counts the first clip (and its reps) as not rated, never as a grade
    assert "운동 세션 2번" in progress
    assert "세션 등급: 퍼펙트 1번, 판정 보류 1번" in progress
    assert "반복 등급: 퍼펙트 3번, 판정 보류 3번" in progress
    lines = history.splitlines()
    assert lines[1].endswith("· 퍼펙트") and lines[2].endswith("· 판정 보류")  # newest first
