"""Load test of the pushes: N users (10,000) opted in to the Monday summary, all due at once, sent by the
real bot processes through the push outbox to a fake Bot API that enforces Telegram's flood limits.

The fake (tests.fakes, on 127.0.0.1, served by this script) answers 429 with ``retry_after`` 1 s to any
message past 30 a second overall or 1 a second in one chat, as Telegram would. The users and their due
summaries are stored first, exactly as the scheduler's Monday job stores each (``Store.enqueue_push``,
bot.pushes.schedule), then the senders start: ``python -m bot`` as in production — on SQLite the embedded
bot (FORMCOACH_ROLE=all, one process), on PostgreSQL ``--senders N`` scheduler processes
(FORMCOACH_ROLE=scheduler) sharing the database. ``--kill-after K`` kills one sender with SIGKILL once K
summaries were delivered and starts it again a second later.

Printed: delivered exactly once (users with one summary, none twice, none missing), the 429s the fake
answered, the time from the first to the last summary against the theoretical minimum (N / 30 s), the
outbox's final counts (a push whose sender was killed mid-send stays 'sending': not sent again) and the
peak memory of each sender process (kernel high-water mark, /proc).

    .venv/bin/python scripts/load_push.py                                   # SQLite, embedded bot
    .venv/bin/python scripts/load_push.py --db postgresql --senders 2       # PostgreSQL, 2 schedulers
    .venv/bin/python scripts/load_push.py --db postgresql --senders 2 --kill-after 3000
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.pushes.schedule import weekly_job_name  # noqa: E402
from bot.store.db import Store  # noqa: E402
from tests.bot.procmem import peak_rss_mb  # noqa: E402
from tests.fakes import FakeBotAPI  # noqa: E402

FIRST_USER = 200_001
TELEGRAM_PER_S = 30
ZONE = "Asia/Seoul"
IDLE_S = 60.0  # nothing delivered for this long once deliveries began: the run is over


class Sender:
    """One ``python -m bot`` process; restartable; its peak RSS is kept across restarts."""

    def __init__(self, index: int, env: dict[str, str], log_dir: Path) -> None:
        self.index, self.env, self.log = index, env, log_dir / f"sender{index}.log"
        self.process: subprocess.Popen[bytes] | None = None
        self.peaks: list[float] = []

    def start(self) -> None:
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "bot"], cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT
            )
        self.peaks.append(0.0)

    def sample(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.peaks[-1] = max(self.peaks[-1], peak_rss_mb(self.process.pid))

    def kill(self) -> None:
        assert self.process is not None
        self.sample()
        self.process.kill()
        self.process.wait(10)

    def stop(self) -> int | None:
        if self.process is None or self.process.poll() is not None:
            return self.process.returncode if self.process else None
        self.sample()
        self.process.send_signal(signal.SIGINT)
        try:
            return self.process.wait(60)
        except subprocess.TimeoutExpired:
            self.process.kill()
            return None


@contextlib.asynccontextmanager
async def database(kind: str, folder: Path) -> AsyncIterator[str]:
    if kind == "sqlite":
        yield str(folder / "data" / "formcoach.sqlite3")
        return
    from tests.bot.dbs import fresh_schema

    async with fresh_schema() as url:
        yield url


async def prepare(target: str, users: int, now: datetime) -> None:
    """The opted-in users and, due now, their summary for today (what the Monday job stores)."""
    store = await Store.open(target, pool_size=8)
    slot = now.astimezone(ZoneInfo(ZONE)).date().isoformat()
    try:
        ids = list(range(FIRST_USER, FIRST_USER + users))
        for start in range(0, users, 200):
            chunk = ids[start : start + 200]
            await asyncio.gather(
                *(store.update_settings(u, weekly_summary=True, timezone=ZONE) for u in chunk)
            )
            await asyncio.gather(*(store.enqueue_push(u, u, weekly_job_name(u), slot, now) for u in chunk))
        counts = await store.outbox_counts()
        assert counts == {"queued": users}, counts
    finally:
        await store.close()


def sender_env(api: FakeBotAPI, kind: str, target: str, data_dir: Path) -> dict[str, str]:
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "TELEGRAM_BOT_TOKEN": api.token,
        "TELEGRAM_API_BASE_URL": api.base_url,
        "TELEGRAM_FILE_BASE_URL": api.base_file_url,
        "FORMCOACH_DATA_DIR": str(data_dir),
        "FORMCOACH_WORKERS": "1",
        "FORMCOACH_TTS": "off",
        "FORMCOACH_LOG_LEVEL": "WARNING",
    }
    if kind == "postgresql":
        env |= {"FORMCOACH_DATABASE_URL": target, "FORMCOACH_ROLE": "scheduler"}
    return env


def delivered(api: FakeBotAPI) -> Counter[int]:
    return Counter(int(c.chat_id) for c in api.calls_for(None, "sendMessage") if isinstance(c.chat_id, int))


async def run(args: argparse.Namespace) -> int:
    folder = Path(tempfile.mkdtemp(prefix="formcoach_push_"))
    try:
        async with FakeBotAPI() as api, database(args.db, folder) as target:
            gate = api.enforce_limits(TELEGRAM_PER_S, 1, retry_after=1)
            print(f"storing {args.users} users and their due summaries ({args.db}) …", flush=True)
            prepared = time.monotonic()
            await prepare(target, args.users, datetime.now(UTC) - timedelta(seconds=1))
            print(f"  stored in {time.monotonic() - prepared:.1f} s", flush=True)
            dirs = [folder / ("data" if args.db == "sqlite" else f"data{i}") for i in range(args.senders)]
            senders = [Sender(i, sender_env(api, args.db, target, d), folder) for i, d in enumerate(dirs)]
            started = time.monotonic()
            for sender in senders:
                sender.start()
            killed = await watch(api, senders, args, started)
            await asyncio.gather(*(asyncio.to_thread(sender.stop) for sender in senders))  # the fake answers
            store = await Store.open(target)
            try:
                counts = await store.outbox_counts()
            finally:
                await store.close()
            report(api, gate.refused, senders, counts, args, killed)
            return 0
    finally:
        shutil.rmtree(folder, ignore_errors=True)


async def watch(api: FakeBotAPI, senders: list[Sender], args: argparse.Namespace, started: float) -> bool:
    """Until every user got a summary, or nothing moved for IDLE_S, or the time limit; kills on request."""
    killed, last_count, last_move, last_print = False, 0, time.monotonic(), 0.0
    while time.monotonic() - started < args.time_limit:
        await asyncio.sleep(1.0)
        for sender in senders:
            sender.sample()
        count = len(delivered(api))
        now = time.monotonic()
        if count != last_count:
            last_count, last_move = count, now
        if now - last_print >= 30:
            refused = api.flood.refused if api.flood else 0
            print(f"  {now - started:5.0f} s: {count} users reached, {refused} 429s", flush=True)
            last_print = now
        if args.kill_after and not killed and count >= args.kill_after:
            print(f"  {now - started:5.0f} s: SIGKILL sender 0 after {count} deliveries", flush=True)
            senders[0].kill()
            await asyncio.sleep(1.0)
            senders[0].start()
            killed = True
        if count >= args.users or (count and now - last_move > IDLE_S):
            break
    return killed


def report(
    api: FakeBotAPI, refused: int, senders: list[Sender], counts: dict[str, int], args: argparse.Namespace,
    killed: bool,
) -> None:  # fmt: skip
    per_user = delivered(api)
    once = sum(1 for u in range(FIRST_USER, FIRST_USER + args.users) if per_user.get(u) == 1)
    twice = sum(1 for n in per_user.values() if n > 1)
    missing = args.users - len(per_user)
    times = sorted(c.at for c in api.calls_for(None, "sendMessage"))
    span = times[-1] - times[0] if len(times) > 1 else 0.0
    minimum = args.users / TELEGRAM_PER_S
    where = "SQLite, embedded bot" if args.db == "sqlite" else f"PostgreSQL, {args.senders} sender processes"
    killing = "; sender 0 killed" if killed else ""
    print(f"\n{args.users:,} users, weekly summary due at once; {where}{killing}")
    print(f"delivered exactly once: {once:,}/{args.users:,} (twice: {twice}, missing: {missing})")
    print(f"429s received: {refused}")
    print(f"total time, first to last summary: {span:.1f} s against the {minimum:.1f} s theoretical minimum"
          f" ({span / minimum:.3f}×)")  # fmt: skip
    print(f"outbox: {dict(sorted(counts.items()))}")
    for sender in senders:
        peaks = ", ".join(f"{p:.0f}" for p in sender.peaks)
        print(f"peak memory (VmHWM) of sender {sender.index}: {peaks} MB (one figure per process run)")


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--users", type=int, default=10_000)
    parser.add_argument("--db", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--senders", type=int, default=None, help="processes (PostgreSQL; default 2)")
    parser.add_argument("--kill-after", type=int, default=0, help="SIGKILL sender 0 after K deliveries")
    parser.add_argument("--time-limit", type=float, default=1200.0)
    args = parser.parse_args()
    if args.db == "sqlite" and (args.senders or 1) != 1:
        parser.error("SQLite is the embedded bot: one process")
    args.senders = args.senders or (2 if args.db == "postgresql" else 1)
    return asyncio.run(run(args))


if __name__ == "__main__":
    sys.exit(main())
