"""Benchmark: throughput of the scale-out deployment with 1 and then 2 worker processes, in one run.

A webhook front end (``python -m bot``, FORMCOACH_ROLE=frontend) behind the tests' balancer, production
Celery workers (``python -m bot``, FORMCOACH_ROLE=worker: MediaPipe and the shipped classifier), a real
Redis and PostgreSQL on 127.0.0.1, and the fake Bot API (tests/fakes) as Telegram. The second worker
process is a second worker node started after the first run, as a second machine (or core) would be.
For each worker count the same burst of clips arrives at once (saturation); printed per run:

* throughput: clips answered per minute (first update → last answer), and per worker process;
* service time: per clip, from a worker taking it up (its first progress edit) to the answer;
* worker CPU: CPU-seconds the worker processes spent per clip, and the cores they kept busy meanwhile;
* queue wait at saturation: per clip, from the update to a worker taking it up (mean, p50, p95, max);

then the speed-up of 2 worker processes over 1. ``--threads`` is FORMCOACH_ANALYSIS_THREADS (default 1:
each worker process on one core of its own with single-threaded pools; 0: the libraries decide).

    .venv/bin/python scripts/bench_scaleout.py [--clips 12] [--clip PATH] [--exercise 스쿼트] [--fake-pose]
                                               [--threads 1]

Default clip: ../shared/data/clips/calimiro_workouttracker/squats/squat_11.mp4; ``--fake-pose`` (or no
clip there) uses a synthetic clip and the tests' fake pose estimator instead of MediaPipe.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DEFAULT_CLIP = ROOT / "../shared/data/clips/calimiro_workouttracker/squats/squat_11.mp4"


def tree_cpu_s(pid: int) -> float:
    """CPU-seconds (user + system) of a process and its children, from /proc (0 where it is gone)."""
    total, pending = 0.0, [pid]
    tick = os.sysconf("SC_CLK_TCK")
    while pending:
        current = pending.pop()
        try:
            stat = Path(f"/proc/{current}/stat").read_text()
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        total += (int(fields[11]) + int(fields[12])) / tick  # utime, stime
        pending += [int(c) for c in children]
    return total


async def burst(d: object, clip_file: str, n: int, caption: str, first_user: int) -> dict[str, float]:
    """Send ``n`` clips at once from n users; wait for every answer; the figures of this burst."""
    from tests.bot.roles.scaleout import Deployment

    assert isinstance(d, Deployment)
    botapi = d.botapi
    users = list(range(first_user, first_user + n))
    sent_at: dict[int, float] = {}
    cpu0 = sum(tree_cpu_s(w.popen.pid) for w in d.workers)
    t0 = time.monotonic()
    for user in users:
        botapi.push_video(user, clip_file, caption=caption, user_id=user)
        sent_at[user] = time.monotonic()

    def summaries(user: int) -> list[object]:
        return [c for c in botapi.calls_for(user, "sendMessage") if c.fields.get("parse_mode") == "HTML"]

    await botapi.wait_for(lambda: all(summaries(u) for u in users), timeout=60.0 * n)
    cpu_s = sum(tree_cpu_s(w.popen.pid) for w in d.workers) - cpu0
    took_up, answered = {}, {}
    for user in users:
        took_up[user] = min(c.at for c in botapi.calls_for(user, "editMessageText"))  # a worker's first edit
        answered[user] = summaries(user)[0].at  # type: ignore[attr-defined]
    wall = max(answered.values()) - t0
    waits = sorted(took_up[u] - sent_at[u] for u in users)
    service = [answered[u] - took_up[u] for u in users]
    return {
        "clips": n,
        "wall_s": wall,
        "clips_per_min": 60.0 * n / wall,
        "service_mean_s": statistics.mean(service),
        "cpu_per_clip_s": cpu_s / n,
        "busy_cores": cpu_s / (time.monotonic() - t0),
        "wait_mean_s": statistics.mean(waits),
        "wait_p50_s": waits[len(waits) // 2],
        "wait_p95_s": waits[min(len(waits) - 1, round(0.95 * (len(waits) - 1)))],
        "wait_max_s": waits[-1],
    }


async def main_async(args: argparse.Namespace) -> int:
    from tests.bot.dbs import fresh_schema, redis_url
    from tests.bot.roles.scaleout import Deployment
    from tests.fakes import FakeBotAPI
    from tests.fakes.media import make_video

    try:
        broker = redis_url()
    except BaseException as exc:  # pytest.skip outside pytest
        print(f"bench_scaleout: {exc}", file=sys.stderr)
        return 2
    clip = Path(args.clip)
    fake = args.fake_pose or not clip.exists()
    async with contextlib.AsyncExitStack() as stack:
        tmp = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="bench_scaleout_")))
        if fake:
            clip = Path(make_video(str(tmp / "clip.mp4"), size=(640, 480), fps=30, seconds=7.0))
        try:
            db_url = await stack.enter_async_context(fresh_schema())
        except BaseException as exc:  # pytest.skip outside pytest: no PostgreSQL
            print(f"bench_scaleout: {exc}", file=sys.stderr)
            return 2
        await _flush(broker)
        stack.push_async_callback(_flush, broker)
        botapi = await stack.enter_async_context(FakeBotAPI())
        threads = {"FORMCOACH_ANALYSIS_THREADS": str(args.threads)}
        d = await stack.enter_async_context(Deployment(botapi, db_url, broker, tmp, extra_env=threads))
        file_id = botapi.add_file(clip.read_bytes())
        await d.start_front_ends(1)
        print(
            f"clip: {clip.name} ({'fake pose' if fake else 'MediaPipe'}), {args.clips} clips per run;"
            f" FORMCOACH_ANALYSIS_THREADS={args.threads}; {os.cpu_count()} cores,"
            f" load average before {os.getloadavg()[0]:.2f}"
        )
        results = {}
        for workers in (1, 2):
            await d.start_workers(1, real=not fake)  # one more worker process
            await burst(d, file_id, 1, args.exercise, 90_000 + workers)  # warm-up
            results[workers] = await burst(d, file_id, args.clips, args.exercise, 1000 * workers)
            _print(workers, results[workers])
        ratio = results[2]["clips_per_min"] / results[1]["clips_per_min"]
        print(f"speed-up 2 vs 1 worker processes: {ratio:.2f}x (load average after {os.getloadavg()[0]:.2f})")
    return 0


def _print(workers: int, r: dict[str, float]) -> None:
    print(
        f"{workers} worker process(es): {r['clips']:.0f} clips in {r['wall_s']:.1f} s = "
        f"{r['clips_per_min']:.1f} clips/min ({r['clips_per_min'] / workers:.1f} per process); "
        f"service {r['service_mean_s']:.2f} s/clip; worker CPU {r['cpu_per_clip_s']:.2f} s/clip"
        f" ({r['busy_cores']:.2f} cores busy); queue wait at saturation: mean {r['wait_mean_s']:.1f} s, "
        f"p50 {r['wait_p50_s']:.1f} s, p95 {r['wait_p95_s']:.1f} s, max {r['wait_max_s']:.1f} s"
    )


async def _flush(url: str) -> None:
    import redis.asyncio as redis

    client = redis.from_url(url)
    try:
        await client.flushdb()
    finally:
        await client.aclose()


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--clips", type=int, default=12)
    parser.add_argument("--clip", default=str(DEFAULT_CLIP))
    parser.add_argument("--exercise", default="스쿼트", help="the caption (the exercise hint)")
    parser.add_argument("--fake-pose", action="store_true")
    parser.add_argument(
        "--threads", type=int, default=1, help="FORMCOACH_ANALYSIS_THREADS of the workers (0: no limit)"
    )
    return asyncio.run(main_async(parser.parse_args()))


if __name__ == "__main__":
    sys.exit(main())
