"""Faults while clips are being answered: Telegram failing (5xx, resets, timeouts, slowness), workers dying,
the bot killed with SIGKILL, SQLite locked by someone else, the temp folder full. Every clip gets exactly
one answer — the analysis, or a clear apology — and the other users are served as if nothing happened."""

from __future__ import annotations

import asyncio
import os
import sqlite3
import subprocess
import threading
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager, closing
from pathlib import Path

import pytest

from analysis.classifier import UnknownClassifier
from analysis.report.i18n import translate
from bot.context import services
from bot.jobs.analyzer import Analyzer
from bot.store.db import JobStatus
from tests.bot.clipbot import (
    HAS_ESPEAK,
    BotProcess,
    answered,
    clip_bot,
    job_settled,
    summaries,
    texts,
)
from tests.bot.procmem import alive, spawned_workers
from tests.fakes import FakeBotAPI
from tests.fakes.media import make_video
from tests.fakes.pose import FakePose

pytestmark = [
    pytest.mark.asyncio,
    pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning"),
]
CHAT, OTHER = 7001, 7002
SQUAT = "스쿼트 · 3회"


@pytest.fixture(scope="module")
def clip(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    path = tmp_path_factory.mktemp("faults") / "squat.mp4"
    return Path(make_video(str(path), size=(640, 480), fps=30, seconds=7.0)).read_bytes()


@pytest.fixture(scope="module")
def small_clip(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    path = tmp_path_factory.mktemp("faults") / "small.mp4"
    return Path(make_video(str(path), size=(320, 240), fps=30, seconds=7.0)).read_bytes()


async def send_then_arm(botapi: FakeBotAPI, clip: bytes, arm: Callable[[], None], chat: int = CHAT) -> None:
    """Send a clip; once it is acknowledged (and before its answer), inject the faults."""
    botapi.delay_next("getFile", 0.5)
    botapi.push_video(chat, botapi.add_file(clip), caption="squat")
    await botapi.wait_calls(chat, "sendMessage", 1)
    arm()


def attempts(botapi: FakeBotAPI, method: str, chat: int = CHAT) -> list[int]:
    """HTTP statuses of every call of ``method`` (the summary only, for sendMessage); 599 = no answer."""
    calls = botapi.calls_for(chat, method, ok=None)
    if method == "sendMessage":
        calls = [c for c in calls if c.fields.get("parse_mode") == "HTML"]
    return [c.status for c in calls]


# --- Telegram failing while the answer goes out -------------------------------------------------------


async def test_5xx_and_resets_on_every_part_of_the_answer_are_retried_once_each(
    botapi: FakeBotAPI, tmp_path: Path, clip: bytes
) -> None:
    def arm() -> None:
        botapi.fail_next("sendPhoto", 502)
        botapi.fail_next("sendMessage", 500, times=2)
        botapi.reset_next("sendVoice")

    async with clip_bot(botapi, tmp_path / "data", tts="espeak" if HAS_ESPEAK else "off") as app:
        await send_then_arm(botapi, clip, arm)
        await answered(botapi, CHAT)
        await job_settled(app, 1)
    assert attempts(botapi, "sendPhoto") == [502, 200]
    assert attempts(botapi, "sendMessage") == [500, 500, 200]
    assert summaries(botapi, CHAT)[0].result["text"].startswith(SQUAT)
    if HAS_ESPEAK:
        assert attempts(botapi, "sendVoice") == [599, 200]


async def test_a_lost_download_and_a_getfile_502_are_retried(
    botapi: FakeBotAPI, tmp_path: Path, clip: bytes
) -> None:
    async with clip_bot(botapi, tmp_path / "data"):
        botapi.fail_next("getFile", 502)
        botapi.reset_next("download")
        botapi.push_video(CHAT, botapi.add_file(clip), caption="squat")
        answer = (await answered(botapi, CHAT))[0]
    assert answer.result["text"].startswith(SQUAT)
    assert [c.status for c in botapi.calls_for(None, "getFile", ok=None)] == [502, 200]


async def test_a_send_that_times_out_is_sent_again_once(
    botapi: FakeBotAPI, tmp_path: Path, clip: bytes
) -> None:
    """Telegram holds the summary past the bot's timeout (2 s here) and drops it: sent again, once."""
    async with clip_bot(botapi, tmp_path / "data", api_timeout_s=2.0) as app:
        # held 5 s: the retry goes after the 2 s timeout, a backoff and the chat's one-second pace (counted
        # from the timeout), so it is answered while the first is still held
        await send_then_arm(botapi, clip, lambda: botapi.hang_next("sendMessage", 5.0))
        await answered(botapi, CHAT)
        await job_settled(app, 1)
        await botapi.wait_for(lambda: 599 in attempts(botapi, "sendMessage"))  # the dropped one, at 5 s
    assert attempts(botapi, "sendMessage") == [200, 599]  # in the order the fake finished them
    assert len(summaries(botapi, CHAT)) == 1


async def test_a_slow_telegram_is_waited_for_not_sent_twice(
    botapi: FakeBotAPI, tmp_path: Path, clip: bytes
) -> None:
    """A summary Telegram answers only after 6 s (past python-telegram-bot's 5 s default): a retry would
    post it twice, because Telegram did deliver the first one. The bot waits (FORMCOACH_API_TIMEOUT_S)."""
    async with clip_bot(botapi, tmp_path / "data") as app:
        await send_then_arm(botapi, clip, lambda: botapi.delay_next("sendMessage", 6.0))
        await answered(botapi, CHAT)
        await job_settled(app, 1)
        await asyncio.sleep(1.5)  # the delayed call and a retry, had there been one, have both landed
    assert attempts(botapi, "sendMessage") == [200]


# --- analysis workers dying or hanging --------------------------------------------------------------


async def test_a_clip_that_kills_its_worker_twice_gets_the_apology_and_others_are_untouched(
    botapi: FakeBotAPI, tmp_path: Path, clip: bytes, small_clip: bytes
) -> None:
    """Two workers; every 320×240 clip kills its worker at once (as a MediaPipe segfault would), while the
    other user's clip is mid-analysis on the other worker. Replaced and retried once, then an apology;
    the other user's job never notices."""
    pose = FakePose(3, crash_size=(320, 240), delay_s=1.5)
    analyzer = Analyzer(2, initializer_args=(pose, UnknownClassifier()))
    async with clip_bot(botapi, tmp_path / "data", analyzer=analyzer, workers=2):
        botapi.push_video(CHAT, botapi.add_file(small_clip), caption="squat")
        botapi.push_video(OTHER, botapi.add_file(clip), caption="squat")
        apology = (await answered(botapi, CHAT, timeout=60))[0]
        other = (await answered(botapi, OTHER, timeout=60))[0]
        botapi.push_video(OTHER + 1, botapi.add_file(clip), caption="squat")  # and the next user's
        later = (await answered(botapi, OTHER + 1, timeout=60))[0]
    assert apology.result["text"] == translate("rejection-analysis-failed", "ko")
    assert other.result["text"].startswith(SQUAT) and later.result["text"].startswith(SQUAT)
    assert analyzer.rebuilds == 2
    assert len(summaries(botapi, CHAT)) == len(summaries(botapi, OTHER)) == 1


async def test_a_clip_past_the_time_limit_has_its_worker_replaced(
    botapi: FakeBotAPI, tmp_path: Path, clip: bytes
) -> None:
    pose = FakePose(3, delay_s=30.0)
    analyzer = Analyzer(1, initializer_args=(pose, UnknownClassifier()), timeout_s=3.0)
    async with clip_bot(botapi, tmp_path / "data", analyzer=analyzer) as app:
        first = analyzer.worker_pids()
        botapi.push_video(CHAT, botapi.add_file(clip), caption="squat")
        answer = (await answered(botapi, CHAT, timeout=30))[0]
        status = await job_settled(app, 1)
    assert answer.result["text"] == translate("rejection-analysis-timeout", "ko", seconds=3)
    assert status is JobStatus.FAILED and analyzer.timeouts == 1
    assert first and not any(alive(pid) for pid in first)  # the stuck worker was killed


# --- the bot itself killed ------------------------------------------------------------------------------


async def test_the_bot_killed_mid_analysis_answers_once_after_restart(
    botapi: FakeBotAPI, tmp_path: Path, clip: bytes
) -> None:
    data_dir = tmp_path / "data"
    with BotProcess(botapi, data_dir, "--delay", "60") as first:
        await botapi.wait_for(lambda: botapi.calls_for(None, "getUpdates", ok=None), timeout=60)
        botapi.push_video(CHAT, botapi.add_file(clip), caption="squat")
        await botapi.wait_for(
            lambda: any(t.startswith("분석 중이에요") for t in texts(botapi, CHAT, "editMessageText")), 60
        )
        workers = spawned_workers(first.pid)
        first.kill()
    assert workers
    await botapi.wait_for(lambda: not any(alive(pid) for pid in workers), timeout=10)  # no orphans left
    with BotProcess(botapi, data_dir) as second:
        await answered(botapi, CHAT, timeout=60)
        await asyncio.sleep(1.0)  # room for a second answer, if there were to be one
        assert await second.stop() == 0
    assert len(summaries(botapi, CHAT)) == 1
    assert summaries(botapi, CHAT)[0].result["text"].startswith(SQUAT)
    assert texts(botapi, CHAT)[:1] == [translate("clip-received", "ko")]  # one acknowledgement, no re-ack
    with closing(sqlite3.connect(data_dir / "formcoach.sqlite3")) as db:
        assert db.execute("SELECT status, attempts FROM jobs").fetchall() == [("done", 2)]
    assert list((data_dir / "tmp").iterdir()) == []


# --- SQLite busy, disk full ----------------------------------------------------------------------------


@asynccontextmanager
async def write_locked(db_path: Path, seconds: float) -> AsyncIterator[None]:
    """Another connection (a thread here; a backup job in real life) holds an exclusive write lock on the
    database for ``seconds``. Waited for off the event loop: the bot must finish what it is writing."""
    taken = threading.Event()

    def hold() -> None:
        with closing(sqlite3.connect(db_path, timeout=10, isolation_level=None)) as db:
            db.execute("BEGIN EXCLUSIVE")
            taken.set()
            time.sleep(seconds)
            db.execute("ROLLBACK")

    thread = threading.Thread(target=hold)
    thread.start()
    try:
        assert await asyncio.to_thread(taken.wait, 10), "could not take the lock"
        yield
    finally:
        await asyncio.to_thread(thread.join)


def integrity(db_path: Path) -> str:
    with closing(sqlite3.connect(db_path)) as db:
        return str(db.execute("PRAGMA integrity_check").fetchone()[0])


async def test_a_short_database_lock_is_waited_out(botapi: FakeBotAPI, tmp_path: Path, clip: bytes) -> None:
    data_dir = tmp_path / "data"
    async with clip_bot(botapi, data_dir) as app:
        async with write_locked(data_dir / "formcoach.sqlite3", 3.0):
            botapi.push_video(CHAT, botapi.add_file(clip), caption="squat")
            answer = (await answered(botapi, CHAT))[0]
        await job_settled(app, 1)
    assert answer.result["text"].startswith(SQUAT)
    assert integrity(data_dir / "formcoach.sqlite3") == "ok"


async def test_a_long_database_lock_mid_job_still_ends_in_one_answer(
    botapi: FakeBotAPI, tmp_path: Path, clip: bytes
) -> None:
    """The lock is taken while the clip is analysed and held past SQLite's busy timeout (5 s), so storing
    the result fails at first: it is tried again, and the user gets the analysis, once."""
    data_dir = tmp_path / "data"
    async with clip_bot(botapi, data_dir, pose=FakePose(3, delay_s=1.0)) as app:
        botapi.push_video(CHAT, botapi.add_file(clip), caption="squat")
        await botapi.wait_for(
            lambda: any(t.startswith("분석 중이에요") for t in texts(botapi, CHAT, "editMessageText"))
        )
        async with write_locked(data_dir / "formcoach.sqlite3", 7.0):
            await asyncio.sleep(6.5)
        answer = (await answered(botapi, CHAT, timeout=30))[0]
        status = await job_settled(app, 1, timeout=30)
        botapi.push_video(OTHER, botapi.add_file(clip), caption="squat")
        other = (await answered(botapi, OTHER))[0]
    assert answer.result["text"].startswith(SQUAT)  # the finished analysis was kept, not apologised for
    assert len(summaries(botapi, CHAT)) == 1 and status is JobStatus.DONE
    assert other.result["text"].startswith(SQUAT)
    assert integrity(data_dir / "formcoach.sqlite3") == "ok"


def _mount_tiny_tmpfs(folder: Path) -> bool:
    folder.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0:
        return False
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=4k", "tmpfs", str(folder)], capture_output=True
    )
    return done.returncode == 0


@pytest.mark.parametrize("full", ["tmpfs", "file"])
async def test_a_full_temp_folder_gets_a_clear_answer_and_others_go_on(
    botapi: FakeBotAPI, tmp_path: Path, clip: bytes, full: str
) -> None:
    """``tmpfs``: a 4 KiB file system mounted on <data_dir>/tmp (root only): writing the clip fails with
    ENOSPC, as on a full disk. ``file``: a plain file where the folder should be (any user)."""
    data_dir, tmp = tmp_path / "data", tmp_path / "data" / "tmp"
    if full == "tmpfs" and not _mount_tiny_tmpfs(tmp):
        pytest.skip("cannot mount a tmpfs here (needs root)")
    try:
        async with clip_bot(botapi, data_dir) as app:
            if full == "file":
                tmp.rmdir()
                tmp.write_bytes(b"")
            botapi.push_video(CHAT, botapi.add_file(clip), caption="squat")
            refused = (await answered(botapi, CHAT))[0]
            status = await job_settled(app, 1)
            botapi.push_message(OTHER, "/help")  # the bot still talks to everyone
            await botapi.wait_calls(OTHER, "sendMessage", 1)
            if full == "file":
                tmp.unlink()
            else:
                subprocess.run(["umount", "-l", str(tmp)], check=True)
            botapi.push_video(OTHER, botapi.add_file(clip), caption="squat")  # space is back
            served = (await answered(botapi, OTHER))[0]
            records = await services(app).store.history(CHAT)
    finally:
        if full == "tmpfs":
            subprocess.run(["umount", "-l", str(tmp)], capture_output=True)
    assert refused.result["text"] == translate("rejection-storage-full", "ko")
    assert status is JobStatus.FAILED and records == []
    assert served.result["text"].startswith(SQUAT)
    assert integrity(data_dir / "formcoach.sqlite3") == "ok"
