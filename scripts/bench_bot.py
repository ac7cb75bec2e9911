"""Benchmark: the whole bot (fake Bot API over HTTP, real python-telegram-bot, 2 spawned MediaPipe workers).

1. one 10 s 720p clip: time from the update's delivery to the acknowledgement, the first analysis reply
   (the annotated photo), the summary and the voice message (target: first reply ≤ 5 s on 2 cores);
2. four chats sending a clip at the same moment: every one answered, with each chat's latency.

Clip: ../shared/data/clips/calimiro_workouttracker/pull-ups/pull_up_6.mp4 with the caption "풀업" when
present, else a synthetic 10 s 1280×720 clip (tests.fakes.media; nobody in it, so the answer is "no person").

    .venv/bin/python scripts/bench_bot.py [--workers 2] [--clip PATH --caption 풀업] [--synthetic]
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("GLOG_minloglevel", "2")

from bot.app import build_application, running  # noqa: E402
from bot.config import Settings  # noqa: E402
from bot.jobs.analyzer import Analyzer  # noqa: E402
from tests.fakes import Call, FakeBotAPI  # noqa: E402
from tests.fakes.media import make_video, textured_frame  # noqa: E402

SHARED_CLIP = ROOT / "../shared/data/clips/calimiro_workouttracker/pull-ups/pull_up_6.mp4"
TARGET_FIRST_REPLY_S = 5.0
ANSWER_METHODS = ("sendPhoto", "sendMediaGroup", "sendMessage")


def first_reply(api: FakeBotAPI, chat: int, after: float) -> Call | None:
    """The first message of the analysis answer: a photo, or the summary / rejection (HTML) message."""
    for call in api.calls_for(chat):
        if call.at < after or call.method not in ANSWER_METHODS:
            continue
        if call.method != "sendMessage" or call.fields.get("parse_mode") == "HTML":
            return call
    return None


def summary(api: FakeBotAPI, chat: int) -> Call | None:
    found = [c for c in api.calls_for(chat, "sendMessage") if c.fields.get("parse_mode") == "HTML"]
    return found[0] if found else None


async def send_and_time(
    api: FakeBotAPI, chats: list[int], clip: bytes, caption: str | None, voice: bool
) -> dict[int, dict[str, float]]:
    started = {}
    for chat in chats:
        api.push_video(
            chat, api.add_file(clip, "video/mp4", "clip.mp4"), caption=caption, width=1280, height=720
        )
        started[chat] = time.monotonic()

    def done() -> bool:
        return all((s := summary(api, c)) and (not speaks(s) or api.calls_for(c, "sendVoice")) for c in chats)

    def speaks(answer: Call) -> bool:  # a rejection (no buttons) comes without a voice message
        return voice and bool(answer.fields.get("reply_markup"))

    await api.wait_for(done, timeout=180)
    figures = {}
    for chat in chats:
        t0 = started[chat]
        ack = api.calls_for(chat, "sendMessage")[0]
        reply, answer = first_reply(api, chat, t0), summary(api, chat)
        assert reply is not None and answer is not None
        row = {"ack": ack.at - t0, "first reply": reply.at - t0, "summary": answer.at - t0}
        if speaks(answer):
            row["voice"] = api.calls_for(chat, "sendVoice")[0].at - t0
        figures[chat] = row
    return figures


def show(title: str, figures: dict[int, dict[str, float]]) -> None:
    print(title)
    for chat, row in figures.items():
        print(f"  chat {chat}: " + ", ".join(f"{k} {v:.2f}s" for k, v in row.items()))


async def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--clip", type=Path, default=SHARED_CLIP if SHARED_CLIP.exists() else None)
    ap.add_argument("--caption", default="풀업")
    ap.add_argument(
        "--synthetic", action="store_true", help="use the synthetic clip even if ../shared is there"
    )
    args = ap.parse_args()
    logging.basicConfig(level=logging.WARNING)
    work = Path(tempfile.mkdtemp(prefix="formcoach-bench-"))
    try:
        if args.clip is None or args.synthetic:
            path = make_video(
                str(work / "synthetic.mp4"), size=(1280, 720), fps=30, seconds=10.0, pattern=textured_frame
            )
            clip, caption = Path(path).read_bytes(), args.caption
            print("clip: synthetic 10 s 1280×720 (no person in it: the answer is a rejection)")
        else:
            clip, caption = args.clip.read_bytes(), args.caption
            print(f"clip: {args.clip.name} ({len(clip) / 2**20:.1f} MB), caption {caption!r}")
        voice = shutil.which("espeak-ng") is not None
        async with FakeBotAPI() as api:
            settings = Settings(
                token=api.token,
                api_base_url=api.base_url,
                file_base_url=api.base_file_url,
                data_dir=work / "data",
                workers=args.workers,
                tts="espeak" if voice else "off",
            )
            t0 = time.monotonic()
            app = build_application(settings, analyzer=Analyzer(args.workers))
            async with running(app):
                print(
                    f"start-up (workers spawned, MediaPipe loaded): {time.monotonic() - t0:.1f}s "
                    f"on {os.cpu_count()} cores, {args.workers} workers, voice {'on' if voice else 'off'}"
                )
                one = await send_and_time(api, [1001], clip, caption, voice)
                show("one clip:", one)
                first = one[1001]["first reply"]
                verdict = "OK" if first <= TARGET_FIRST_REPLY_S else "over target"
                print(
                    f"  first analysis reply {first:.2f}s (target ≤ {TARGET_FIRST_REPLY_S:.0f}s): {verdict}"
                )
                t1 = time.monotonic()
                four = await send_and_time(api, [2001, 2002, 2003, 2004], clip, caption, voice)
                show("four chats at once:", four)
                answered = sum(1 for c in four if summary(api, c))
                per_chat = [
                    sum(c.fields.get("parse_mode") == "HTML" for c in api.calls_for(chat, "sendMessage"))
                    for chat in four
                ]
                print(
                    f"  all answered: {answered}/4 in {time.monotonic() - t1:.2f}s; answers each: {per_chat}"
                )
        return 0 if answered == 4 else 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
