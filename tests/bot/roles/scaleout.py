"""A scale-out deployment in processes, for tests and the benchmark: webhook front ends behind a
round-robin balancer, Celery worker nodes, one real PostgreSQL schema and one real Redis database, all
talking to a FakeBotAPI over HTTP on 127.0.0.1.

    async with Deployment(botapi, db_url, redis_url, tmp_path) as d:
        await d.start_front_ends(2)
        await d.start_workers(2)
        await d.start_scheduler(FORMCOACH_SWEEP_S="1")
        ...
        d.kill(d.front_ends[0])

Every process is ``python -m bot`` (front ends, the scheduler) or ``python -m tests.fakes.celery_worker``
(FormCoach's worker with a fake pose estimator); their output goes to ``<tmp>/logs/<name>.log``.
"""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from tests.fakes import FakeBotAPI
from tests.fakes.balancer import Balancer
from tests.paths import ROOT

SECRET = "scaleout-secret_0123"
START_TIMEOUT_S = 120.0


@dataclass
class Proc:
    name: str
    popen: subprocess.Popen[bytes]
    log: Path
    port: int | None = None
    _file: IO[bytes] | None = field(default=None, repr=False)

    def output(self) -> str:
        return self.log.read_text(errors="replace") if self.log.exists() else ""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Deployment:
    def __init__(
        self,
        botapi: FakeBotAPI,
        db_url: str,
        broker_url: str,
        tmp: Path,
        *,
        extra_env: dict[str, str] | None = None,
    ) -> None:
        self.botapi, self.db_url, self.broker_url, self.tmp = botapi, db_url, broker_url, tmp
        self.extra_env = extra_env or {}
        self.hold_dir = tmp / "hold"
        self.hold_dir.mkdir(parents=True, exist_ok=True)
        self.front_ends: list[Proc] = []
        self.workers: list[Proc] = []
        self.schedulers: list[Proc] = []
        self.ports = [free_port(), free_port()]
        self.balancer = Balancer([f"http://127.0.0.1:{p}" for p in self.ports])

    async def __aenter__(self) -> Deployment:
        await self.balancer.__aenter__()
        return self

    async def __aexit__(self, *exc: object) -> None:
        for proc in [*self.front_ends, *self.workers, *self.schedulers]:
            self.stop(proc)
        await self.balancer.__aexit__(*exc)

    async def wait_for(self, predicate: Callable[[], object], timeout: float) -> None:
        """botapi.wait_for, failing with the tail of every process's log (what a CI run needs to say why)."""
        try:
            await self.botapi.wait_for(predicate, timeout)
        except AssertionError as exc:
            procs = [*self.front_ends, *self.workers, *self.schedulers]
            logs = "\n".join(f"--- {p.name} (exit {p.popen.poll()}):\n{p.output()[-2500:]}" for p in procs)
            raise AssertionError(f"{exc}\n{logs}") from None

    def env(self, **extra: str) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("FORMCOACH_", "TELEGRAM_"))}
        env.update(
            PYTHONPATH=str(ROOT),
            TELEGRAM_BOT_TOKEN=self.botapi.token,
            TELEGRAM_API_BASE_URL=self.botapi.base_url,
            TELEGRAM_FILE_BASE_URL=self.botapi.base_file_url,
            FORMCOACH_DATABASE_URL=self.db_url,
            FORMCOACH_BROKER_URL=self.broker_url,
            FORMCOACH_TTS="off",
            FORMCOACH_MAX_QUEUE="1000",
            FORMCOACH_USER_QUEUE="50",
            FORMCOACH_TASK_TIME_LIMIT_S="120",
            FORMCOACH_LOG_LEVEL="INFO",
        )
        env.update(self.extra_env)
        env.update(extra)
        return env

    def spawn(self, name: str, args: list[str], env: dict[str, str], port: int | None = None) -> Proc:
        logs = self.tmp / "logs"
        logs.mkdir(parents=True, exist_ok=True)
        log = logs / f"{name}.log"
        out = log.open("ab")
        popen = subprocess.Popen(
            [sys.executable, *args], cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT
        )
        return Proc(name, popen, log, port, out)

    async def start_front_ends(self, n: int = 2) -> list[Proc]:
        before = len(self.botapi.calls_for(None, "setWebhook"))
        for i in range(n):
            env = self.env(
                FORMCOACH_ROLE="frontend",
                FORMCOACH_DATA_DIR=str(self.tmp / f"front{i}"),
                FORMCOACH_WEBHOOK_URL=f"{self.balancer.url}/hook",
                FORMCOACH_WEBHOOK_SECRET=SECRET,
                FORMCOACH_WEBHOOK_LISTEN="127.0.0.1",
                FORMCOACH_WEBHOOK_PORT=str(self.ports[i]),
            )
            self.front_ends.append(self.spawn(f"front{i}", ["-m", "bot"], env, self.ports[i]))
        await self.botapi.wait_for(
            lambda: len(self.botapi.calls_for(None, "setWebhook")) >= before + n or self._died(),
            START_TIMEOUT_S,
        )
        for proc in self.front_ends[-n:]:
            await self._wait_port(proc)
        return self.front_ends[-n:]

    async def start_workers(self, n: int = 2, *, processes: int = 1, real: bool = False) -> list[Proc]:
        """``n`` worker nodes of ``processes`` processes each: the tests' (fake pose estimator) or, with
        ``real``, production's (``python -m bot``: MediaPipe and the shipped classifier)."""
        started = []
        for i in range(len(self.workers), len(self.workers) + n):
            env = self.env(
                FORMCOACH_ROLE="worker",
                FORMCOACH_WORKERS=str(processes),
                FORMCOACH_DATA_DIR=str(self.tmp / f"worker{i}"),
            )
            fake = [
                "-m",
                "tests.fakes.celery_worker",
                "--hold-dir",
                str(self.hold_dir),
                f"--hostname=w{i}@%h",
            ]
            started.append(self.spawn(f"worker{i}", ["-m", "bot"] if real else fake, env))
        self.workers += started
        for proc in started:
            await self._wait_log(proc, "worker process ready", processes)
            await self._wait_log(proc, "ready.", 1)  # the node consumes
        return started

    async def start_scheduler(self, **extra: str) -> Proc:
        """The scheduler (``python -m bot``, FORMCOACH_ROLE=scheduler): pushes, and the sweeper."""
        name = f"scheduler{len(self.schedulers)}"
        env = self.env(FORMCOACH_ROLE="scheduler", FORMCOACH_DATA_DIR=str(self.tmp / name), **extra)
        proc = self.spawn(name, ["-m", "bot"], env)
        self.schedulers.append(proc)
        await self._wait_log(proc, "scheduler running", 1)
        return proc

    async def _wait_port(self, proc: Proc) -> None:
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            self._check_alive(proc)
            try:
                _, writer = await asyncio.open_connection("127.0.0.1", proc.port)
                writer.close()
                return
            except OSError:
                await asyncio.sleep(0.2)
        raise AssertionError(f"{proc.name} never listened:\n{proc.output()[-3000:]}")

    async def _wait_log(self, proc: Proc, text: str, count: int) -> None:
        deadline = time.monotonic() + START_TIMEOUT_S
        while proc.output().count(text) < count:
            self._check_alive(proc)
            if time.monotonic() > deadline:
                raise AssertionError(f"{proc.name}: no {text!r} in its log:\n{proc.output()[-3000:]}")
            await asyncio.sleep(0.2)

    def _check_alive(self, proc: Proc) -> None:
        if proc.popen.poll() is not None:
            raise AssertionError(f"{proc.name} exited ({proc.popen.returncode}):\n{proc.output()[-3000:]}")

    def _died(self) -> bool:
        for proc in self.front_ends:
            self._check_alive(proc)
        return False

    def kill(self, proc: Proc) -> None:
        """SIGKILL: no shutdown of any kind (a crashed machine)."""
        proc.popen.kill()
        proc.popen.wait(10)

    def stop(self, proc: Proc, timeout: float = 20.0) -> None:
        if proc.popen.poll() is None:
            proc.popen.send_signal(signal.SIGTERM)
            try:
                proc.popen.wait(timeout)
            except subprocess.TimeoutExpired:
                proc.popen.kill()
                proc.popen.wait(10)
        if proc._file is not None:
            proc._file.close()
