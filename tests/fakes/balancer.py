"""A round-robin HTTP load balancer for tests (real HTTP on 127.0.0.1), as one would put in front of
several webhook front ends: each request goes to the next backend; a backend that refuses the connection
is skipped (the request goes to the next one); when none answers the client gets a 502.

    async with Balancer(["http://127.0.0.1:8001", "http://127.0.0.1:8002"]) as lb:
        lb.url                      # point the webhook here
        lb.served                   # backend → requests it answered
"""

from __future__ import annotations

import itertools
import socket
from collections import Counter

import aiohttp
from aiohttp import web

_HOP_HEADERS = {"host", "content-length", "transfer-encoding", "connection"}


class Balancer:
    def __init__(self, backends: list[str]) -> None:
        self.backends = backends
        self.served: Counter[str] = Counter()
        self._next = itertools.cycle(range(len(backends)))
        self._runner: web.AppRunner | None = None
        self._session: aiohttp.ClientSession | None = None
        self.port = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    async def __aenter__(self) -> Balancer:
        self._session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=30))
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_route("*", "/{path:.*}", self._forward)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.bind(("127.0.0.1", 0))
        self.port = sock.getsockname()[1]
        await web.SockSite(self._runner, sock).start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
        if self._session is not None:
            await self._session.close()

    async def _forward(self, request: web.Request) -> web.StreamResponse:
        assert self._session is not None
        body = await request.read()
        headers = {k: v for k, v in request.headers.items() if k.lower() not in _HOP_HEADERS}
        first = next(self._next)
        for i in range(len(self.backends)):
            backend = self.backends[(first + i) % len(self.backends)]
            try:
                async with self._session.request(
                    request.method, backend + request.path_qs, data=body, headers=headers
                ) as resp:
                    payload = await resp.read()
                    self.served[backend] += 1
                    return web.Response(status=resp.status, body=payload, content_type=resp.content_type)
            except aiohttp.ClientConnectionError:
                continue  # down: the next backend
        return web.Response(status=502, text="no backend answered")
