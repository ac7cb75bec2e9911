"""Security of the running bot process: the webhook server refuses updates without Telegram's secret-token
header, and neither the token nor the webhook secret reaches the log, even at DEBUG level.

(Elsewhere: the allowlist and the per-user rate limit in test_bot_clips; SQL injection strings stored
verbatim in test_store; /delete leaves no row in test_commands; downloaded clips deleted in
test_hostile; the retention job in test_bot_clips.)
"""

from __future__ import annotations

import asyncio
import socket
import time
from pathlib import Path

import aiohttp
import pytest

from tests.bot.clipbot import BotProcess
from tests.fakes import FakeBotAPI
from tests.fakes import tgobjects as tg

pytestmark = [pytest.mark.asyncio]
SECRET = "s3cret-Token_for-the-webhook"
HEADER = "X-Telegram-Bot-Api-Secret-Token"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def listening(port: int, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            _, writer = await asyncio.open_connection("127.0.0.1", port)
        except OSError:
            if time.monotonic() > deadline:
                raise
            await asyncio.sleep(0.1)
            continue
        writer.close()
        return


def start_update(botapi: FakeBotAPI, chat: int, update_id: int) -> dict[str, object]:
    message = botapi.new_message(
        chat, {"text": "/start", "entities": tg.command_entities("/start")}, sender=tg.user(chat)
    )
    return {"update_id": update_id, "message": message}


async def test_the_webhook_refuses_updates_without_the_secret_token(
    botapi: FakeBotAPI, tmp_path: Path
) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}/hook"
    env = {
        "FORMCOACH_WEBHOOK_URL": f"https://127.0.0.1:{port}/hook",  # what Telegram is told (https)
        "FORMCOACH_WEBHOOK_SECRET": SECRET,
        "FORMCOACH_WEBHOOK_PORT": str(port),
        "FORMCOACH_WEBHOOK_LISTEN": "127.0.0.1",
        "FORMCOACH_LOG_LEVEL": "DEBUG",
    }
    attempts = [(8101, {}), (8102, {HEADER: "guessed"}), (8103, {HEADER: SECRET})]
    statuses = []
    with BotProcess(botapi, tmp_path / "data", **env) as process:
        await botapi.wait_for(lambda: botapi.webhook is not None, timeout=60)
        assert botapi.webhook == {"url": env["FORMCOACH_WEBHOOK_URL"], "secret_token": SECRET}
        await listening(port)  # the server starts right after setWebhook
        async with aiohttp.ClientSession() as session:
            for n, (chat, headers) in enumerate(attempts):
                update = start_update(botapi, chat, 500 + n)
                async with session.post(url, json=update, headers=headers) as response:
                    statuses.append(response.status)
        await botapi.wait_calls(8103, "sendMessage", 1, timeout=20)
        assert await process.stop() == 0
    assert statuses == [403, 403, 200]
    assert not botapi.calls_for(8101) and not botapi.calls_for(8102)  # refused updates were never handled
    log = process.log.read_text()
    assert (
        "DEBUG httpcore" in log and "DEBUG telegram" not in log
    )  # DEBUG level; PTB's update dumps held back
    assert botapi.token.split(":", 1)[1] not in log and SECRET not in log
