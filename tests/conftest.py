"""Shared fixtures (keep this file small; add a fixture here only when two test modules need it).

* ``botapi`` — a started :class:`tests.fakes.FakeBotAPI`: a Telegram Bot API over real HTTP on 127.0.0.1.
  Point python-telegram-bot at it with ``base_url=botapi.base_url, base_file_url=botapi.base_file_url``.
* ``tg_bot`` — an initialised ``telegram.Bot`` talking to ``botapi``.
* ``store`` — a :class:`bot.store.db.Store` opened on a fresh SQLite file under ``tmp_path``.
* ``clip_bytes`` — a generated 7 s 640×480 30 fps clip (tests.fakes.media.make_video), made once a module.
* ``fresh_worker`` — after the test, forget the estimator and classifier that an in-process analysis
  (``Analyzer(0, …)``, ``pipeline.init_worker``) left in ``analysis.pipeline``; modules that run the
  pipeline in the test process use it with ``pytest.mark.usefixtures("fresh_worker")``.
* ``_no_internet`` (autouse) — a socket connection to anything but loopback fails the test at once,
  so nothing (gTTS included) can reach the internet from a test.

Async tests and fixtures run under pytest-asyncio in strict mode: mark async test modules with
``pytestmark = pytest.mark.asyncio``.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio
import telegram

from analysis import pipeline
from bot.store.db import Store
from tests.fakes import FakeBotAPI
from tests.fakes.media import make_video


@pytest_asyncio.fixture
async def botapi() -> AsyncIterator[FakeBotAPI]:
    async with FakeBotAPI() as server:
        yield server


@pytest_asyncio.fixture
async def tg_bot(botapi: FakeBotAPI) -> AsyncIterator[telegram.Bot]:
    async with telegram.Bot(
        botapi.token, base_url=botapi.base_url, base_file_url=botapi.base_file_url
    ) as bot:
        yield bot


@pytest_asyncio.fixture
async def store(tmp_path: Any) -> AsyncIterator[Store]:
    opened = await Store.open(tmp_path / "formcoach.sqlite3")
    try:
        yield opened
    finally:
        await opened.close()


@pytest.fixture(scope="module")
def clip_bytes(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    path = tmp_path_factory.mktemp("clips") / "squat.mp4"
    return Path(make_video(str(path), size=(640, 480), fps=30, seconds=7.0)).read_bytes()


@pytest.fixture
def fresh_worker() -> Any:
    yield
    pipeline._estimator = None
    pipeline._classifier = None


def _is_local(address: Any) -> bool:
    if not isinstance(address, tuple):  # AF_UNIX path
        return True
    host = str(address[0])
    if host == "localhost":
        return True
    try:
        ip = ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        return False
    return ip.is_loopback or ip.is_unspecified  # 0.0.0.0: a local server binding, not the internet


@pytest.fixture(autouse=True)
def _no_internet(monkeypatch: pytest.MonkeyPatch) -> None:
    real_connect, real_connect_ex = socket.socket.connect, socket.socket.connect_ex
    real_getaddrinfo = socket.getaddrinfo

    def guard(address: Any) -> None:
        if not _is_local(address):
            raise RuntimeError(f"a test tried to reach the internet ({address!r})")

    def connect(self: socket.socket, address: Any) -> None:
        guard(address)
        real_connect(self, address)

    def connect_ex(self: socket.socket, address: Any) -> int:
        guard(address)
        return real_connect_ex(self, address)

    def getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        if host is not None:
            guard((host if isinstance(host, str) else host.decode(), 0))
        return real_getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
