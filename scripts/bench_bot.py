"""Benchmark: the whole bot (fake Bot API over HTTP, real python-telegram-bot, 2 spawned MediaPipe workers).

1. one clip at a time, five times each for the 10 s 720p clip and its first 5 s: the time from the
   update's delivery to the summary (median of the runs; targets 2.0 s and 1.5 s on an idle 2-core
   machine), with each run's stages: acknowledgement, download, analysis (pose, classify, assess,
   render, from the runner's log), summary, photos, voice;
2. four chats sending a clip at the same moment: every one answered, with each chat's latency.

Clip: ../shared/data/clips/calimiro_workouttracker/pull-ups/pull_up_6.mp4 with the caption "풀업" when
present, else a synthetic 10 s 1280×720 clip (tests.fakes.media; nobody in it, so the answer is "no person").

    .venv/bin/python scripts/bench_bot.py [--workers 2] [--runs 5] [--clip PATH --caption 풀업] [--synthetic]
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import av

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("GLOG_minloglevel", "2")

from bot.app import build_application, running  # noqa: E402
from bot.config import Settings  # noqa: E402
from bot.jobs.analyzer import Analyzer  # noqa: E402
from tests.fakes import Call, FakeBotAPI  # noqa: E402
from tests.fakes.media import make_video, textured_frame  # noqa: E402

SHARED_CLIP = ROOT.parent / "shared/data/clips/calimiro_workouttracker/pull-ups/pull_up_6.mp4"
TARGETS_S = {10: 2.0, 5: 1.5}  # clip length → update-to-summary median target
STAGE_LINE = re.compile(r"job (\d+): download ([\d.]+)s, analysis ([\d.]+)s (.*)")


class StageLog(logging.Handler):
    """The runner's per-job line: download and analysis seconds and the pipeline's stages."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


def first_seconds(src: Path, seconds: float, dst: Path) -> Path:
    """The first ``seconds`` of a clip, remuxed (no re-encoding) — the same camera, half as long."""
    with av.open(str(src)) as inp, av.open(str(dst), "w") as out:
        stream = inp.streams.video[0]
        copy = out.add_stream_from_template(stream)
        for packet in inp.demux(stream):
            if packet.dts is None or packet.pts is None:
                continue
            if float(packet.pts * stream.time_base) >= seconds:
                break
            packet.stream = copy
            out.mux(packet)
    return dst


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

    def speaks(answer: Call) -> bool:  # a rejection (no buttons) comes without a voice message
        return voice and bool(answer.fields.get("reply_markup"))

    def done() -> bool:
        return all((s := summary(api, c)) and (not speaks(s) or api.calls_for(c, "sendVoice")) for c in chats)

    await api.wait_for(done, timeout=180)
    figures = {}
    for chat in chats:
        t0 = started[chat]
        ack = api.calls_for(chat, "sendMessage")[0]
        answer = summary(api, chat)
        assert answer is not None
        row = {"ack": ack.at - t0, "summary": answer.at - t0}
        photos = [c for c in api.calls_for(chat) if c.method in ("sendPhoto", "sendMediaGroup")]
        if photos:
            row["photos"] = photos[0].at - t0
        if speaks(answer):
            row["voice"] = api.calls_for(chat, "sendVoice")[0].at - t0
        figures[chat] = row
    return figures


def show(title: str, figures: dict[int, dict[str, float]]) -> None:
    print(title)
    for chat, row in figures.items():
        print(f"  chat {chat}: " + ", ".join(f"{k} {v:.2f}s" for k, v in row.items()))


async def one_at_a_time(
    api: FakeBotAPI, clip: bytes, caption: str, voice: bool, runs: int, first_chat: int, log: StageLog
) -> list[float]:
    times = []
    for k in range(runs):
        chat = first_chat + k
        before = len(log.lines)
        row = (await send_and_time(api, [chat], clip, caption, voice))[chat]
        stages = next((m.groups() for line in log.lines[before:] if (m := STAGE_LINE.search(line))), None)
        extra = f"; download {stages[1]}s, analysis {stages[2]}s {stages[3]}" if stages else ""
        print(f"  run {k + 1}: " + ", ".join(f"{n} {v:.2f}s" for n, v in row.items()) + extra)
        times.append(row["summary"])
        await asyncio.sleep(1.0)  # the voice upload and the edits settle before the next clip
    return times


async def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--clip", type=Path, default=SHARED_CLIP if SHARED_CLIP.exists() else None)
    ap.add_argument("--caption", default="풀업")
    ap.add_argument(
        "--synthetic", action="store_true", help="use the synthetic clip even if ../shared is there"
    )
    args = ap.parse_args()
    logging.basicConfig(level=logging.WARNING)
    log = StageLog()
    logging.getLogger("bot.jobs.runner").addHandler(log)
    logging.getLogger("bot.jobs.runner").setLevel(logging.INFO)
    work = Path(tempfile.mkdtemp(prefix="formcoach-bench-"))
    try:
        if args.clip is None or args.synthetic:
            path = Path(make_video(
                str(work / "synthetic.mp4"), size=(1280, 720), fps=30, seconds=10.0, pattern=textured_frame
            ))  # fmt: skip
            print("clip: synthetic 10 s 1280×720 (no person in it: the answer is a rejection)")
        else:
            path = args.clip
            print(f"clip: {path.name} ({path.stat().st_size / 2**20:.1f} MB), caption {args.caption!r}")
        clips = {10: path.read_bytes(), 5: first_seconds(path, 5.0, work / "first5.mp4").read_bytes()}
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
                for seconds, chat0 in ((10, 1001), (5, 1101)):
                    print(f"{seconds} s clip, one at a time:")
                    clip = clips[seconds]
                    times = await one_at_a_time(api, clip, args.caption, voice, args.runs, chat0, log)
                    median = statistics.median(times)
                    ok = median <= TARGETS_S[seconds]
                    target = f"target ≤ {TARGETS_S[seconds]:.1f}s: {'OK' if ok else 'over target'}"
                    print(f"  update → summary: median {median:.2f}s over {len(times)} runs ({target})")
                t1 = time.monotonic()
                four = await send_and_time(api, [2001, 2002, 2003, 2004], clips[10], args.caption, voice)
                show("four chats at once:", four)
                answered = sum(1 for c in four if summary(api, c))
                print(f"  all answered: {answered}/4 in {time.monotonic() - t1:.2f}s")
        return 0 if answered == 4 else 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
