"""getUpdates long polling and webhook delivery of the fake Bot API (a mixin of ``BotApiMethods``)."""

from __future__ import annotations

import asyncio
import contextlib
import json
import re
from typing import TYPE_CHECKING

import aiohttp

from tests.fakes import tgobjects as tg
from tests.fakes.tgobjects import ApiError, JSONDict

if TYPE_CHECKING:
    from tests.fakes.botapi_methods import Signal, UploadedFile

DEFAULT_UPDATES = {"chat_member", "message_reaction", "message_reaction_count"}  # excluded by default


class UpdateMethods:
    """Pending updates wait in ``updates`` until an offset confirms them or the webhook took them."""

    updates: list[JSONDict]
    allowed_updates: list[str]
    webhook: JSONDict | None
    webhook_deliveries: list[JSONDict]
    closing: bool
    signal: Signal
    _poll_seq: int
    _webhook_task: asyncio.Task[None] | None

    async def api_getUpdates(self, f: JSONDict, files: dict[str, UploadedFile]) -> list[JSONDict]:
        if self.webhook is not None:
            raise ApiError(409, "Conflict: can't use getUpdates method while webhook is active; "
                                "use deleteWebhook to delete the webhook first")
        if "allowed_updates" in f:
            self.allowed_updates = list(f["allowed_updates"] or [])
        self._poll_seq += 1
        me = self._poll_seq
        self.signal.fire()  # an older long poll notices it was superseded
        self._confirm(f.get("offset"))
        limit = min(max(int(f.get("limit") or 100), 1), 100)
        deadline = asyncio.get_running_loop().time() + max(int(f.get("timeout") or 0), 0)
        while not (ready := self._deliverable()[:limit]) and not self.closing:
            if me != self._poll_seq:
                raise ApiError(409, "Conflict: terminated by other getUpdates request; "
                                    "make sure that only one bot instance is running")
            remaining = deadline - asyncio.get_running_loop().time()
            if remaining <= 0:
                break
            await self.signal.wait(remaining)
        return ready

    def _confirm(self, offset: int | None) -> None:
        if offset is not None and offset < 0:
            self.updates = self.updates[offset:]
        elif offset:
            self.updates = [u for u in self.updates if u["update_id"] >= offset]

    def _deliverable(self) -> list[JSONDict]:
        """Pending updates of allowed types; others are dropped, as Telegram does not keep them."""
        def allowed(update: JSONDict) -> bool:
            kind = next(k for k in update if k != "update_id")
            return kind in self.allowed_updates if self.allowed_updates else kind not in DEFAULT_UPDATES

        self.updates = [u for u in self.updates if allowed(u)]
        return list(self.updates)

    async def api_setWebhook(self, f: JSONDict, files: dict[str, UploadedFile]) -> bool:
        url = str(f.get("url", ""))
        if not url:
            return await self.api_deleteWebhook(f, files)
        if not url.startswith(("https://", "http://127.0.0.1", "http://localhost")):
            raise tg.bad_request("bad webhook: An HTTPS URL must be provided for webhook")
        secret = f.get("secret_token")
        if secret is not None and not re.fullmatch(r"[A-Za-z0-9_-]{1,256}", secret):
            raise tg.bad_request("secret token contains unallowed characters")
        if f.get("drop_pending_updates"):
            self.updates.clear()
        if "allowed_updates" in f:
            self.allowed_updates = list(f["allowed_updates"] or [])
        await self._stop_webhook()
        self.webhook = {"url": url, "secret_token": secret}
        self._webhook_task = asyncio.create_task(self._deliver_webhook(url, secret))
        return True

    async def api_deleteWebhook(self, f: JSONDict, files: dict[str, UploadedFile]) -> bool:
        if f.get("drop_pending_updates"):
            self.updates.clear()
        await self._stop_webhook()
        return True

    async def api_getWebhookInfo(self, f: JSONDict, files: dict[str, UploadedFile]) -> JSONDict:
        url = self.webhook["url"] if self.webhook else ""
        return {"url": url, "has_custom_certificate": False, "pending_update_count": len(self.updates),
                "max_connections": 40}

    async def _stop_webhook(self) -> None:
        self.webhook = None
        if self._webhook_task is not None:
            self._webhook_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._webhook_task
            self._webhook_task = None

    async def _deliver_webhook(self, url: str, secret: str | None) -> None:
        """POST pending updates one by one; an update leaves the queue on HTTP 200, else it is retried."""
        headers = {"X-Telegram-Bot-Api-Secret-Token": secret} if secret else {}
        async with aiohttp.ClientSession() as session:
            while not self.closing:
                ready = self._deliverable()
                if not ready:
                    await self.signal.wait(1.0)
                    continue
                try:
                    async with session.post(url, data=json.dumps(ready[0], ensure_ascii=False),
                                            headers={**headers, "Content-Type": "application/json"}) as resp:
                        delivered = resp.status == 200
                except aiohttp.ClientError:
                    delivered = False
                if delivered:
                    self.updates.remove(ready[0])
                    self.webhook_deliveries.append(ready[0])
                    self.signal.fire()
                else:
                    await asyncio.sleep(0.2)
