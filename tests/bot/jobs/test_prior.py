"""The user's recent exercises as the classifier's prior, end to end through the fake Bot API: an unsure
model plus a history of squats answers squat; a caption still wins; an "unknown" the model does not agree
with stays a question."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio

from analysis.report.i18n import translate
from analysis.vocab.types import Classification, PoseSequence
from bot.jobs.analyzer import Analyzer
from tests.bot.clipbot import answered, clip_bot
from tests.fakes import FakeBotAPI
from tests.fakes.pose import FakePose

pytestmark = [
    pytest.mark.asyncio,
    pytest.mark.usefixtures("fresh_worker"),
    pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning"),
]
CHAT = 6262


class UnsureClassifier:
    """A model that is never sure: it answers unknown with these probabilities."""

    def __init__(self, probs: dict[str, float]) -> None:
        self.probs = probs

    def classify(self, seq: PoseSequence) -> Classification:
        best = max(self.probs, key=lambda k: self.probs[k])
        return Classification(exercise=None, confidence=self.probs[best], probs=self.probs, source="model")


@pytest_asyncio.fixture
async def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


def bot(botapi: FakeBotAPI, data_dir: Path, probs: dict[str, float]) -> Any:
    analyzer = Analyzer(0, initializer_args=(FakePose(), UnsureClassifier(probs)))
    return clip_bot(botapi, data_dir, analyzer=analyzer)


UNSURE_SQUAT = {"squat": 0.4, "lunge_forward": 0.35, "unknown": 0.25}


async def test_recent_squats_decide_when_the_model_is_unsure(
    botapi: FakeBotAPI, data_dir: Path, clip_bytes: bytes
) -> None:
    async with bot(botapi, data_dir, UNSURE_SQUAT):
        botapi.push_video(CHAT, botapi.add_file(clip_bytes))  # no history yet: the bot asks
        first = (await answered(botapi, CHAT, 1))[0]
        botapi.push_video(CHAT, botapi.add_file(clip_bytes), caption="squat")
        await answered(botapi, CHAT, 2)
        botapi.push_video(CHAT, botapi.add_file(clip_bytes))  # no caption, model unsure, squats lately
        third = (await answered(botapi, CHAT, 3))[2]
    assert first.result["text"].startswith(translate("rejection-unsure-exercise", "ko"))
    assert third.result["text"].startswith("스쿼트 · ")
    assert translate("feedback-guessed-history", "ko", percent=40) in third.result["text"]


async def test_a_caption_still_wins_over_the_history(
    botapi: FakeBotAPI, data_dir: Path, clip_bytes: bytes
) -> None:
    async with bot(botapi, data_dir, UNSURE_SQUAT):
        botapi.push_video(CHAT, botapi.add_file(clip_bytes), caption="squat")
        await answered(botapi, CHAT, 1)
        botapi.push_video(CHAT, botapi.add_file(clip_bytes), caption="런지")
        second = (await answered(botapi, CHAT, 2))[1]
    assert second.result["text"].startswith(translate("exercise-lunge_forward", "ko"))


async def test_the_history_never_overrules_a_model_that_disagrees(
    botapi: FakeBotAPI, data_dir: Path, clip_bytes: bytes
) -> None:
    async with bot(botapi, data_dir, {"unknown": 0.9, "squat": 0.06, "push_up": 0.04}):
        botapi.push_video(CHAT, botapi.add_file(clip_bytes), caption="squat")
        await answered(botapi, CHAT, 1)
        botapi.push_video(CHAT, botapi.add_file(clip_bytes))
        second = (await answered(botapi, CHAT, 2))[1]
    assert second.result["text"].startswith(translate("rejection-unsure-exercise", "ko"))
