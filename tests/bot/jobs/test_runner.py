"""The job runner hands a finished clip's answer to a task of its own: under Telegram's one message a
second per chat, the next user's clip is analysed and answered while the first one's photos wait."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.bot.clipbot import answered, clip_bot, summaries
from tests.fakes import FakeBotAPI
from tests.fakes.media import make_video

pytestmark = [pytest.mark.asyncio, pytest.mark.telegram_pace]  # the photos wait for the chat's pace
FIRST, SECOND = 7101, 7102
PHOTO_DELAY_S = 8.0


async def test_the_next_clip_does_not_wait_for_the_last_answers_photos(
    botapi: FakeBotAPI, tmp_path: Path
) -> None:
    clip = Path(make_video(str(tmp_path / "squat.mp4"), size=(640, 480), fps=30, seconds=7.0)).read_bytes()
    async with clip_bot(botapi, tmp_path / "data"):  # one worker
        botapi.delay_next("sendPhoto", PHOTO_DELAY_S)  # the first answer's photos take a long while
        botapi.push_video(FIRST, botapi.add_file(clip), caption="squat")
        botapi.push_video(SECOND, botapi.add_file(clip), caption="squat")
        await answered(botapi, FIRST)
        await answered(botapi, SECOND)
        await botapi.wait_calls(FIRST, "sendPhoto", 1, timeout=10)
    first_photos = botapi.calls_for(FIRST, "sendPhoto")[0]
    # the first answer's photos go out a second after its summary (one message a second per chat) and
    # take PHOTO_DELAY_S to upload; the second clip, taken by the only worker meanwhile, is answered before
    # that upload is through
    assert summaries(botapi, SECOND)[0].at < first_photos.at + PHOTO_DELAY_S
    assert first_photos.at - summaries(botapi, FIRST)[0].at >= 1.0
