"""The Mini App inside ``python -m bot`` (tests.fakes.run_bot: bot.__main__.serve with fake-pose workers),
configured by the environment as an operator would: its own server on FORMCOACH_WEBAPP_PORT in polling
mode, the webhook server's routes in webhook mode; the chat menu button from FORMCOACH_WEBAPP_URL."""

from __future__ import annotations

import json
import time
from pathlib import Path

import httpx
import pytest

from bot.webapp.auth import sign_init_data
from tests.bot.clipbot import BotProcess
from tests.bot.roles.test_webhook import webhook_env
from tests.bot.test_security import HEADER, free_port, listening
from tests.fakes import FakeBotAPI

pytestmark = pytest.mark.asyncio
URL = "https://formcoach.example/app"


def tma(botapi: FakeBotAPI, user_id: int = 515, *, max_age_s: int = 0) -> dict[str, str]:
    user = json.dumps({"id": user_id, "first_name": "Alex", "language_code": "en"})
    data = sign_init_data({"user": user, "auth_date": str(int(time.time()) - max_age_s)}, botapi.token)
    return {"Authorization": f"tma {data}"}


async def test_polling_serves_the_mini_app_on_its_port(botapi: FakeBotAPI, tmp_path: Path) -> None:
    port = free_port()
    env = {
        "FORMCOACH_WEBAPP_URL": URL,
        "FORMCOACH_WEBAPP_PORT": str(port),
        "FORMCOACH_WEBAPP_MAX_AGE_S": "600",
        "FORMCOACH_WEBHOOK_LISTEN": "127.0.0.1",
    }
    with BotProcess(botapi, tmp_path / "data", **env) as process:
        await listening(port, timeout=60)
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=10) as web:
            page = await web.get("/")
            assert page.status_code == 200 and '<script src="static/app.js"' in page.text
            assert (await web.get("/static/app.js")).status_code == 200
            assert (await web.get("/api/settings")).json() == {"error": "no_header"}
            settings = await web.get("/api/settings", headers=tma(botapi))
            assert settings.status_code == 200 and settings.json()["settings"]["keep_photos"] is True
            stale = await web.get("/api/week", headers=tma(botapi, max_age_s=700))  # past the 600 s set
            assert (stale.status_code, stale.json()) == (401, {"error": "expired"})
        menu = await botapi.wait_for(lambda: botapi.menu_buttons.get(None), 10)
        assert menu["type"] == "web_app" and menu["web_app"] == {"url": URL}
        assert await process.stop() == 0
    with pytest.raises(httpx.ConnectError):  # stopped with the bot
        httpx.get(f"http://127.0.0.1:{port}/", timeout=2)


async def test_the_webhook_server_serves_the_mini_app_too(botapi: FakeBotAPI, tmp_path: Path) -> None:
    port = free_port()
    env = {**webhook_env(port), "FORMCOACH_WEBAPP_URL": URL}
    with BotProcess(botapi, tmp_path / "data", **env) as process:
        await botapi.wait_for(lambda: botapi.webhook is not None, timeout=60)
        await listening(port)
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=10) as web:
            assert (await web.get("/")).status_code == 200
            week = await web.get("/api/week?lang=en", headers=tma(botapi))
            assert week.status_code == 200 and week.json()["totals"]["workouts"] == 0
            assert (await web.post("/hook", content=b"{}")).status_code == 403  # the webhook is still there
            assert (await web.post("/hook", content=b"{}", headers={HEADER: "wrong"})).status_code == 403
        assert await process.stop() == 0
