"""Benchmark: the Mini App's API for a user with 500 analyses, on SQLite and on PostgreSQL, in one run.

A store is filled with one user's year of training (500 analyses of four exercises, 4–15 reps each with
depth and tempo, a finding per condition per rep, two ~10 kB key-frame thumbnails each) plus 50 other
users, then the Mini App server (bot.webapp.server over bot.webapp.store_source, the bot's own code) is
asked every page's API over real HTTP on 127.0.0.1 with valid initData, ``--requests`` times per endpoint,
one request at a time. Prints p50 / p95 / max per endpoint and whether every p95 is within 100 ms.

    .venv/bin/python scripts/bench_webapp.py [--analyses 500] [--requests 200] [--database-url URL]

PostgreSQL: FORMCOACH_TEST_DATABASE_URL or postgresql://postgres@127.0.0.1:5432/test (a schema of its own,
dropped afterwards); ``--sqlite-only`` skips it.
"""

from __future__ import annotations

import argparse
import asyncio
import io
import json
import os
import random
import secrets
import statistics
import sys
import tempfile
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402
from PIL import Image, ImageDraw  # noqa: E402

from analysis.vocab import catalog  # noqa: E402
from bot.store.db import AnalysisRecord, Store  # noqa: E402
from bot.webapp.auth import sign_init_data  # noqa: E402
from bot.webapp.server import start_webapp  # noqa: E402
from bot.webapp.store_source import StoreDashboardSource  # noqa: E402

TOKEN = "123456789:BENCH-webapp_Token-abcdefghijklmnopqrs"
USER = 4242
TARGET_P95_MS = 100.0
EXERCISES = ("squat", "push_up", "lunge_forward", "plank")
DEFAULT_PG = "postgresql://postgres@127.0.0.1:5432/test"


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def photo(rng: random.Random) -> bytes:
    image = Image.new("RGB", (320, 240), tuple(rng.randrange(256) for _ in range(3)))
    draw = ImageDraw.Draw(image)
    for _ in range(40):  # some detail, so the JPEG has a realistic size
        x, y = rng.randrange(320), rng.randrange(240)
        draw.line(
            (x, y, x + rng.randrange(-60, 60), y + rng.randrange(-60, 60)), fill=(255, 255, 255), width=3
        )
    out = io.BytesIO()
    image.save(out, "JPEG", quality=75)
    return out.getvalue()


def record(rng: random.Random, exercise: str, photos: tuple[bytes, ...]) -> AnalysisRecord:
    conditions = [c.id for c in catalog.get(exercise).conditions]
    grade = rng.choice(("perfect", "good", "bad"))
    if exercise == "plank":
        findings = tuple((None, c, rng.choice(("pass", "fail", "not_judged")), 1.0, 1.0) for c in conditions)
        return AnalysisRecord(exercise, 1.0, "side", None, rng.uniform(20, 90), grade, 60.0, (), findings)
    n = rng.randrange(4, 16)
    reps = tuple((rng.choice(("perfect", "good", "bad")), i * 2.0, i * 2.0 + 1.8) for i in range(n))
    findings = tuple(
        (i, c, rng.choice(("pass", "pass", "fail", "not_judged")), 1.0, 1.0)
        for i in range(n)
        for c in conditions
    )
    metrics = tuple(
        (rng.uniform(0.6, 1.05), rng.uniform(0.8, 2), rng.uniform(0, 0.6), rng.uniform(0.6, 1.5), None)
        for _ in range(n)
    )
    return AnalysisRecord(exercise, 1.0, "side", n, None, grade, 2.0 * n, reps, findings, metrics, photos)


async def fill(store: Store, clock: Clock, analyses: int, now: datetime) -> int:
    """One user's ``analyses`` over the year before ``now`` (and 50 other users); returns the newest id."""
    rng = random.Random(20)
    photos = tuple(photo(rng) for _ in range(6))
    await store.ensure_user(USER, "ko", "Asia/Seoul")
    newest = 0
    for i in range(analyses):
        clock.now = now - timedelta(days=365 * (analyses - i) / analyses, hours=rng.uniform(0, 3))
        pair = (photos[i % 6], photos[(i + 1) % 6])
        newest = await store.save_analysis(USER, None, record(rng, rng.choice(EXERCISES), pair))
    for other in range(1, 51):
        clock.now = now - timedelta(days=rng.uniform(0, 30))
        await store.save_analysis(other, None, record(rng, rng.choice(EXERCISES), ()))
    clock.now = now
    return newest


@asynccontextmanager
async def sqlite_target() -> AsyncIterator[str]:
    with tempfile.TemporaryDirectory(prefix="bench_webapp_") as folder:
        yield str(Path(folder) / "formcoach.sqlite3")


@asynccontextmanager
async def postgres_target(url: str) -> AsyncIterator[str]:
    import asyncpg

    schema = f"bench_webapp_{secrets.token_hex(4)}"
    conn = await asyncpg.connect(url)
    try:
        await conn.execute(f'CREATE SCHEMA "{schema}"')
        yield f"{url}{'&' if '?' in url else '?'}search_path={schema}"
    finally:
        await conn.execute(f'DROP SCHEMA "{schema}" CASCADE')
        await conn.close()


def endpoints(newest: int) -> dict[str, str]:
    return {
        "week": "/api/week?offset=0&lang=ko",
        "week (10 weeks back)": "/api/week?offset=10&lang=en",
        "exercises": "/api/exercises",
        "exercise (squat)": "/api/exercise/squat?lang=ko",
        "history": "/api/history?limit=20",
        "history (page 5)": f"/api/history?limit=20&before={newest - 80}",
        "thumbnail": f"/api/thumb/{newest}/0.jpg",
        "settings": "/api/settings",
        "strings": "/api/strings?lang=ko",
    }


async def measure(url: str, requests: int, newest: int) -> dict[str, list[float]]:
    user = json.dumps({"id": USER, "first_name": "민지", "language_code": "ko"}, ensure_ascii=False)
    init = sign_init_data({"user": user, "auth_date": str(int(time.time()))}, TOKEN)
    times: dict[str, list[float]] = {}
    async with httpx.AsyncClient(
        base_url=url, headers={"Authorization": f"tma {init}"}, timeout=30
    ) as client:
        for name, path in endpoints(newest).items():
            for _ in range(5):  # warm up (connections, statement caches)
                (await client.get(path)).raise_for_status()
            samples = []
            for _ in range(requests):
                started = time.perf_counter()
                response = await client.get(path)
                samples.append((time.perf_counter() - started) * 1000)
                response.raise_for_status()
            times[name] = samples
    return times


async def bench(kind: str, target: str, analyses: int, requests: int) -> bool:
    now = datetime(2025, 3, 13, 11, 0, tzinfo=UTC)
    clock = Clock(now)
    async with await Store.open(target, clock=clock) as store:
        started = time.perf_counter()
        newest = await fill(store, clock, analyses, now)
        filled = time.perf_counter() - started
        stored = len(await store.analyses_between(USER, now - timedelta(days=400), now))
        photos = await store.thumbnails_of(USER)
        server = await start_webapp(StoreDashboardSource(store, clock=clock), TOKEN, port=0)
        try:
            times = await measure(server.url.rstrip("/"), requests, newest)
        finally:
            await server.stop()
    print(f"\n{kind}: user with {stored} analyses and {photos} thumbnails (+50 other users; filled in"
          f" {filled:.1f} s), {requests} requests per endpoint, one at a time")  # fmt: skip
    print(f"  {'endpoint':<24}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}")
    ok = True
    for name, samples in times.items():
        p95 = statistics.quantiles(samples, n=20)[-1]
        ok &= p95 <= TARGET_P95_MS
        print(f"  {name:<24}{statistics.median(samples):>9.1f}{p95:>9.1f}{max(samples):>9.1f}")
    print(f"  every p95 within {TARGET_P95_MS:.0f} ms: {'yes' if ok else 'NO'}")
    return ok


async def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--analyses", type=int, default=500)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--database-url", default=os.environ.get("FORMCOACH_TEST_DATABASE_URL", DEFAULT_PG))
    parser.add_argument("--sqlite-only", action="store_true")
    args = parser.parse_args()
    results = []
    async with sqlite_target() as target:
        results.append(await bench("SQLite", target, args.analyses, args.requests))
    if not args.sqlite_only:
        async with postgres_target(args.database_url) as target:
            results.append(await bench("PostgreSQL", target, args.analyses, args.requests))
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
