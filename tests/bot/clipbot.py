"""The clip bot against the fake Bot API, for the hardening tests (test_faults, test_hostile,
test_security): start it in this process, or as a separate process that a test may kill.

    async with clip_bot(botapi, data_dir, analyzer=Analyzer(1, initializer_args=(FakePose(), …))) as app:
        botapi.push_video(CHAT, botapi.add_file(clip), caption="squat")
        summary = (await answered(botapi, CHAT))[0]

    with BotProcess(botapi, data_dir, "--delay", "20") as process:   # python -m tests.fakes.run_bot
        ...
        process.kill()                                                # SIGKILL, as the OOM killer would
"""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from types import TracebackType
from typing import Any

from telegram.ext import Application

from analysis.classifier import UnknownClassifier
from bot.app import build_application, running
from bot.config import Settings
from bot.context import services
from bot.jobs.analyzer import Analyzer
from bot.store.db import JobStatus
from tests.fakes import Call, FakeBotAPI
from tests.fakes.pose import FakePose
from tests.paths import ROOT

HAS_ESPEAK = shutil.which("espeak-ng") is not None
WAIT_S = 20.0


def settings_for(botapi: FakeBotAPI, data_dir: Path, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "token": botapi.token,
        "api_base_url": botapi.base_url,
        "file_base_url": botapi.base_file_url,
        "data_dir": data_dir,
        "workers": 1,
        "tts": "off",
    }
    return Settings(**{**values, **overrides})


@asynccontextmanager
async def clip_bot(
    botapi: FakeBotAPI,
    data_dir: Path,
    *,
    pose: FakePose | None = None,
    analyzer: Analyzer | None = None,
    **overrides: Any,
) -> AsyncIterator[Application]:
    """The bot on this event loop; analysis in this process (a thread) unless ``analyzer`` says else."""
    analyzer = analyzer or Analyzer(0, initializer_args=(pose or FakePose(), UnknownClassifier()))
    app = build_application(settings_for(botapi, data_dir, **overrides), analyzer=analyzer)
    async with running(app) as started:
        yield started


def summaries(botapi: FakeBotAPI, chat: int) -> list[Call]:
    """The answers' summary or rejection messages (the only messages the bot sends in HTML)."""
    return [c for c in botapi.calls_for(chat, "sendMessage") if c.fields.get("parse_mode") == "HTML"]


async def answered(botapi: FakeBotAPI, chat: int, n: int = 1, timeout: float = WAIT_S) -> list[Call]:
    return await botapi.wait_for(lambda: (s := summaries(botapi, chat)) and len(s) >= n and s, timeout)


def texts(botapi: FakeBotAPI, chat: int, method: str = "sendMessage") -> list[str]:
    return [str(c.fields.get("text", "")) for c in botapi.calls_for(chat, method)]


async def job_settled(app: Application, job_id: int, timeout: float = 10.0) -> JobStatus:
    """Wait until the job is done, rejected or failed (its answer fully sent); returns the status."""
    store = services(app).store
    for _ in range(int(timeout / 0.05)):
        job = await store.get_job(job_id)
        if job is not None and job.status not in (JobStatus.QUEUED, JobStatus.RUNNING):
            return job.status
        await asyncio.sleep(0.05)
    raise AssertionError(f"job {job_id} did not finish")


class BotProcess:
    """``python -m tests.fakes.run_bot ARGS`` (bot.__main__.serve with FakePose workers) configured by
    the environment, as an operator would run it; its log goes to ``data_dir/../bot-N.log``."""

    def __init__(self, botapi: FakeBotAPI, data_dir: Path, *args: str, **env: str) -> None:
        self.args, self.data_dir = args, data_dir
        self.env = {
            **os.environ,
            "PYTHONPATH": str(ROOT),
            "TELEGRAM_BOT_TOKEN": botapi.token,
            "TELEGRAM_API_BASE_URL": botapi.base_url,
            "TELEGRAM_FILE_BASE_URL": botapi.base_file_url,
            "FORMCOACH_DATA_DIR": str(data_dir),
            "FORMCOACH_WORKERS": "1",
            "FORMCOACH_TTS": "off",
            **env,
        }
        self.process: subprocess.Popen[bytes] | None = None
        self.log = data_dir.parent / "bot.log"

    def __enter__(self) -> BotProcess:
        self.log.parent.mkdir(parents=True, exist_ok=True)
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "tests.fakes.run_bot", *self.args],
                cwd=ROOT,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                self.kill()

    @property
    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid

    def kill(self) -> None:
        """SIGKILL: no shutdown code runs (no post_stop, no pool shutdown)."""
        assert self.process is not None
        self.process.kill()
        self.process.wait(10)

    async def stop(self, timeout: float = 20.0) -> int:
        """SIGINT (as Ctrl-C or systemd would), then wait for the exit code."""
        assert self.process is not None
        self.process.send_signal(signal.SIGINT)
        for _ in range(int(timeout / 0.1)):
            if (code := self.process.poll()) is not None:
                return code
            await asyncio.sleep(0.1)
        raise AssertionError(f"the bot did not stop within {timeout}s; log: {self.log.read_text()[-2000:]}")
