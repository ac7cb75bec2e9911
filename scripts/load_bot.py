"""Load test: N users (50) each send M clips (2) within a minute to the real bot, and every clip must get
exactly one answer, in a fair order, with bounded memory.

The bot runs as its own process, exactly as in production (``python -m bot``: spawn pool of
FORMCOACH_WORKERS=2 MediaPipe workers, SQLite, espeak-ng voice), against the fake Bot API on 127.0.0.1
served by this script; the users' clip is a short real push-up (../shared/data/clips/kaggle_pushup_
correct_wrong/correct/pushup_1.mp4, caption "푸시업"). ``--fake-pose`` runs ``python -m tests.fakes.run_bot``
instead (FakePose workers, a generated clip): a quick run that needs neither MediaPipe nor ../shared, and
the fallback when ../shared is absent. Everything is bounded: N×M clips, sent within ``--window`` s, the
whole run killed after ``--time-limit`` s.

Printed: throughput (clips/min, first send → last answer), p50/p95/max time to answer (send → summary),
peak RSS of the bot process and of each worker (kernel high-water marks, /proc), the exactly-once
check per clip, and fairness (the moment each job leaves the queue, read from the bot's database every
0.2 s: no second clip is taken while an earlier-acknowledged first clip of another user still waits).

    .venv/bin/python scripts/load_bot.py [--fake-pose] [--users 50] [--clips 2] [--workers 2] [--json-out F]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.bot.procmem import alive, peak_rss_mb, spawned_workers  # noqa: E402
from tests.fakes import Call, FakeBotAPI  # noqa: E402
from tests.fakes.media import make_video  # noqa: E402

SHARED_CLIP = ROOT / "../shared/data/clips/kaggle_pushup_correct_wrong/correct/pushup_1.mp4"
FIRST_CHAT = 100_001
CLAIM_POLL_S = 0.2


@dataclass
class Clip:
    user: int
    index: int  # 0 = the user's first clip
    sent: float = 0.0
    acked: float | None = None
    claimed: float | None = None
    answered: float | None = None
    answers: int = 0


@dataclass
class Figures:
    mode: str
    clips: int
    users: int
    workers: int
    answered: int = 0
    exactly_once: bool = False
    duplicates: int = 0
    lost: int = 0
    throughput_per_min: float = 0.0
    p50_s: float = 0.0
    p95_s: float = 0.0
    max_s: float = 0.0
    fairness_violations: int = 0
    claims_seen: int = 0  # clips whose leaving the queue was observed (the fairness check covers these)
    first_clips_mean_s: float = 0.0
    second_clips_mean_s: float = 0.0
    bot_peak_mb: float = 0.0
    worker_peak_mb: dict[str, float] = field(default_factory=dict)
    workers_left: int = 0  # worker processes still alive after the bot stopped
    wall_s: float = 0.0


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))] if ordered else 0.0


def summaries(api: FakeBotAPI, chat: int) -> list[Call]:
    return [c for c in api.calls_for(chat, "sendMessage") if c.fields.get("parse_mode") == "HTML"]


class MemoryWatch:
    """Samples the bot's worker processes (they come and go) and keeps each one's last high-water mark."""

    def __init__(self, bot_pid: int) -> None:
        self.bot_pid, self.workers, self.bot_peak = bot_pid, {}, 0.0

    def sample(self) -> None:
        self.bot_peak = max(self.bot_peak, peak_rss_mb(self.bot_pid))
        for pid in spawned_workers(self.bot_pid):
            if (peak := peak_rss_mb(pid)) > 0:
                self.workers[pid] = max(self.workers.get(pid, 0.0), peak)

    async def run(self, every_s: float = 0.5) -> None:
        while True:
            self.sample()
            await asyncio.sleep(every_s)


class ClaimWatch:
    """When each job left the queue (status no longer 'queued'), polled from the database (read-only;
    WAL readers never block the bot). Two claims in one poll count as simultaneous."""

    def __init__(self, db_path: Path) -> None:
        self.db_path, self.claimed, self.users = db_path, {}, {}
        self._db: sqlite3.Connection | None = None

    def sample(self) -> None:
        if self._db is None:
            if not self.db_path.exists():
                return
            self._db = sqlite3.connect(f"file:{self.db_path}?mode=ro", uri=True, timeout=1)
        try:
            rows = self._db.execute("SELECT id, user_id, status FROM jobs").fetchall()
        except sqlite3.Error:
            return  # the schema is not there yet
        now = time.monotonic()
        for job_id, user_id, status in rows:
            self.users[job_id] = user_id
            if status != "queued":
                self.claimed.setdefault(job_id, now)

    def by_user(self) -> dict[int, list[float | None]]:
        """Claim times of each user's jobs, in the order the user sent them (job ids grow)."""
        out: dict[int, list[float | None]] = {}
        for job_id in sorted(self.users):
            out.setdefault(self.users[job_id], []).append(self.claimed.get(job_id))
        return out

    async def run(self) -> None:
        try:
            while True:
                self.sample()
                await asyncio.sleep(CLAIM_POLL_S)
        finally:
            if self._db is not None:
                self._db.close()


def bot_command(fake_pose: bool) -> list[str]:
    return [sys.executable, "-m", "tests.fakes.run_bot" if fake_pose else "bot"]


def bot_env(api: FakeBotAPI, data_dir: Path, args: argparse.Namespace) -> dict[str, str]:
    voice = "espeak" if shutil.which("espeak-ng") and not args.no_voice else "off"
    return {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "TELEGRAM_BOT_TOKEN": api.token,
        "TELEGRAM_API_BASE_URL": api.base_url,
        "TELEGRAM_FILE_BASE_URL": api.base_file_url,
        "FORMCOACH_DATA_DIR": str(data_dir),
        "FORMCOACH_WORKERS": str(args.workers),
        "FORMCOACH_MAX_QUEUE": str(args.max_queue or args.users * args.clips),
        "FORMCOACH_USER_QUEUE": str(args.clips),
        "FORMCOACH_TTS": voice,
        "FORMCOACH_LOG_LEVEL": "WARNING",
        "GLOG_minloglevel": "2",
    }


def schedule(users: int, per_user: int, window_s: float, seed: int) -> list[tuple[float, Clip]]:
    """Send times: each user's clips at random moments of the window, in order, ≥ 3 s apart."""
    rng = random.Random(seed)
    plan = []
    for u in range(users):
        times = sorted(rng.uniform(0, window_s - 3 * per_user) for _ in range(per_user))
        for i, t in enumerate(times):
            plan.append((t + 3 * i, Clip(FIRST_CHAT + u, i)))
    return sorted(plan, key=lambda p: p[0])


def collect(api: FakeBotAPI, clips: list[Clip], claims: dict[int, list[float | None]]) -> None:
    """Acknowledgement, claim (from the database) and answer (summary) of each clip, in per-user order."""
    by_user: dict[int, list[Clip]] = {}
    for clip in clips:
        by_user.setdefault(clip.user, []).append(clip)
    for user, own in by_user.items():
        own.sort(key=lambda c: c.index)
        acks = [c for c in api.calls_for(user, "sendMessage") if c.fields.get("parse_mode") != "HTML"]
        claimed = claims.get(user, [])
        answers = summaries(api, user)
        for i, clip in enumerate(own):
            clip.acked = acks[i].at if i < len(acks) else None
            clip.claimed = claimed[i] if i < len(claimed) else None
            clip.answered = answers[i].at if i < len(answers) else None
            clip.answers = 1 if i < len(answers) else 0
        if len(answers) > len(own):
            own[-1].answers += len(answers) - len(own)  # duplicates show up as extra summaries


def fairness_violations(clips: list[Clip]) -> int:
    """Second clips claimed while a first clip of another user, sent earlier, was still waiting."""
    firsts = [c for c in clips if c.index == 0 and c.claimed is not None]
    seconds = [c for c in clips if c.index > 0 and c.claimed is not None]
    return sum(
        1
        for s in seconds
        for f in firsts
        if f.user != s.user and f.acked and f.acked < s.claimed - CLAIM_POLL_S and s.claimed < f.claimed
    )


async def run(args: argparse.Namespace, work: Path) -> Figures:
    fake_pose = args.fake_pose or not SHARED_CLIP.exists()
    if fake_pose:
        path = make_video(str(work / "squat.mp4"), size=(640, 480), fps=30, seconds=7.0)
        data, caption, mode = (
            Path(path).read_bytes(),
            "스쿼트",
            "FakePose workers, generated 7 s 640×480 clip",
        )
    else:
        data, caption = SHARED_CLIP.read_bytes(), "푸시업"
        mode = f"MediaPipe workers, {SHARED_CLIP.name} (2.4 s 640×360), caption {caption}"
    figures = Figures(mode, args.users * args.clips, args.users, args.workers)
    plan = schedule(args.users, args.clips, args.window, args.seed)
    clips = [clip for _, clip in plan]
    async with FakeBotAPI() as api:
        log = (work / "bot.log").open("wb")
        process = subprocess.Popen(
            bot_command(fake_pose),
            cwd=ROOT,
            env=bot_env(api, work / "data", args),
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        watch, claims = MemoryWatch(process.pid), ClaimWatch(work / "data" / "formcoach.sqlite3")
        sampler, poller = asyncio.create_task(watch.run()), asyncio.create_task(claims.run())
        deadline = time.monotonic() + args.time_limit
        try:
            await api.wait_for(lambda: api.calls_for(None, "getUpdates", ok=None), timeout=args.time_limit)
            print(f"bot ready in {time.monotonic() - deadline + args.time_limit:.1f}s: {mode}", flush=True)
            start = time.monotonic()
            for at, clip in plan:
                await asyncio.sleep(max(0.0, start + at - time.monotonic()))
                api.push_video(
                    clip.user,
                    api.add_file(data, "video/mp4", "clip.mp4"),
                    caption=caption,
                    width=640,
                    height=360,
                )
                clip.sent = time.monotonic()

            def done() -> bool:
                return sum(len(summaries(api, u)) for u in {c.user for c in clips}) >= len(clips)

            await api.wait_for(done, timeout=max(1.0, deadline - time.monotonic()))
            await asyncio.sleep(3.0)  # a duplicate answer, if there were one, would arrive now
        except AssertionError:
            print(f"time limit of {args.time_limit}s reached", flush=True)
        finally:
            watch.sample()
            sampler.cancel()
            poller.cancel()
            process.send_signal(signal.SIGINT)
            try:
                process.wait(30)
            except subprocess.TimeoutExpired:
                process.kill()
            log.close()
        collect(api, clips, claims.by_user())
    for _ in range(30):  # the workers exit with the bot (at once, or within a second when it was killed)
        if not any(alive(pid) for pid in watch.workers):
            break
        await asyncio.sleep(0.1)
    figures.workers_left = sum(1 for pid in watch.workers if alive(pid))
    answered = [c for c in clips if c.answered is not None]
    waits = [c.answered - c.sent for c in answered]  # type: ignore[operator]
    figures.answered = len(answered)
    figures.duplicates = sum(max(0, c.answers - 1) for c in clips)
    figures.lost = sum(1 for c in clips if c.answers == 0)
    figures.exactly_once = figures.duplicates == 0 and figures.lost == 0
    if answered:
        span = max(c.answered for c in answered) - min(c.sent for c in clips)  # type: ignore[type-var]
        figures.throughput_per_min = round(len(answered) / span * 60, 1)
        figures.p50_s, figures.p95_s = round(percentile(waits, 0.5), 2), round(percentile(waits, 0.95), 2)
        figures.max_s = round(max(waits), 2)
        for index, name in ((0, "first_clips_mean_s"), (1, "second_clips_mean_s")):
            own = [c.answered - c.sent for c in answered if c.index == index]  # type: ignore[operator]
            setattr(figures, name, round(sum(own) / len(own), 2) if own else 0.0)
    figures.fairness_violations = fairness_violations(clips)
    figures.claims_seen = sum(1 for c in clips if c.claimed is not None)
    figures.bot_peak_mb = round(watch.bot_peak, 1)
    figures.worker_peak_mb = {str(pid): round(mb, 1) for pid, mb in sorted(watch.workers.items())}
    return figures


def report(f: Figures) -> None:
    workers = ", ".join(f"{mb:.0f}" for mb in f.worker_peak_mb.values()) or "–"
    print(f"\n{f.users} users × {f.clips // f.users} clips = {f.clips} clips; {f.workers} workers; {f.mode}")
    print(
        f"  answered            {f.answered}/{f.clips}; exactly once: {'yes' if f.exactly_once else 'NO'}"
        f" (lost {f.lost}, duplicates {f.duplicates})"
    )
    print(f"  throughput          {f.throughput_per_min} clips/min (first send → last answer)")
    print(f"  time to answer      p50 {f.p50_s}s, p95 {f.p95_s}s, max {f.max_s}s")
    print(
        f"  fair order          {f.fairness_violations} second clips taken before an earlier first clip"
        f" ({f.claims_seen} claims seen); mean wait first clips {f.first_clips_mean_s}s,"
        f" second clips {f.second_clips_mean_s}s"
    )
    print(f"  peak memory (RSS)   bot {f.bot_peak_mb:.0f} MB; workers {workers} MB (each, over the run)")
    print(f"  after stop          {f.workers_left} worker processes left; wall time {f.wall_s}s")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--fake-pose", action="store_true", help="FakePose workers and a generated clip")
    ap.add_argument("--users", type=int, default=50)
    ap.add_argument("--clips", type=int, default=2, help="clips per user")
    ap.add_argument("--window", type=float, default=60.0, help="seconds over which the clips are sent")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--max-queue", type=int, default=0, help="FORMCOACH_MAX_QUEUE (default: every clip fits)")
    ap.add_argument("--no-voice", action="store_true")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--time-limit", type=float, default=900.0, help="hard limit for the whole run (s)")
    ap.add_argument("--json-out", type=Path)
    args = ap.parse_args()
    if not 1 <= args.users * args.clips <= 1000 or args.window < 3 * args.clips:
        ap.error("1–1000 clips in all, and a window of at least 3 s per clip of a user")
    work = Path(tempfile.mkdtemp(prefix="formcoach-load-"))
    started = time.monotonic()
    try:
        figures = asyncio.run(run(args, work))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    figures.wall_s = round(time.monotonic() - started, 1)
    report(figures)
    if args.json_out:
        args.json_out.write_text(json.dumps(asdict(figures), ensure_ascii=False, indent=2))
    ok = figures.exactly_once and figures.fairness_violations == 0 and figures.workers_left == 0
    ok = ok and figures.claims_seen == figures.clips
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
