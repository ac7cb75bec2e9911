"""The push outbox's queries: scheduled pushes stored once, claimed at the broadcast pace by any number of
senders (processes sharing the database), and marked sent, skipped or failed.

Claims take turns (SQLite: BEGIN IMMEDIATE; PostgreSQL: an advisory lock), and each claim gets the next
turn ``interval_s`` after the last one of any sender (``paced_at``, wall-clock seconds): the pace holds
across processes. A row goes queued → 'claimed' (its turn reserved; a claim not started within
``CLAIM_LEASE_S`` — its sender died — is put back in the queue) → 'sending' (``start_push``, by its
claimer only, right before the message goes out) → 'sent' once Telegram answered. A sender killed while
sending leaves the row 'sending', and nothing sends it again (it may have been delivered: never twice).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime, timedelta

from bot.store.base import PUSH_LOG_DAYS, StoreBase, _dt
from bot.store.driver import Row, Tx
from bot.store.types import OutboxPush, PushClaim

_LOCK_OUTBOX = 0x466F_0003  # advisory lock key of the claims (PostgreSQL)
_COLUMNS = "id, user_id, chat_id, push_key, slot, due_at, attempts"
CLAIM_LEASE_S = 15.0  # a claim is started within one turn; one older than this lost its sender
FINAL = ("sent", "failed", "skipped")


class OutboxQueries(StoreBase):
    async def enqueue_push(
        self, user_id: int, chat_id: int, push_key: str, slot: str, due_at: datetime
    ) -> bool:
        """Store a push due at ``due_at`` for ``slot`` (the user's local day): True only for the first caller,
        however many schedulers fire it; False as well when the user is gone (never re-created here)."""
        async with self._db.transaction() as tx:
            user = await tx.fetch("SELECT id FROM users WHERE id = ?" + self._sql.lock_row, (user_id,))
            if not user:
                return False
            await tx.execute(
                "DELETE FROM push_outbox WHERE push_key = ? AND status IN ('sent', 'failed', 'skipped')"
                " AND done_at < ?",
                (push_key, self._db.ts(self._clock() - timedelta(days=PUSH_LOG_DAYS))),
            )
            inserted = await tx.execute(
                "INSERT INTO push_outbox (user_id, chat_id, push_key, slot, due_at) VALUES (?, ?, ?, ?, ?)"
                " ON CONFLICT (push_key, slot) DO NOTHING",
                (user_id, chat_id, push_key, slot, self._db.ts(due_at)),
            )
            return inserted == 1

    async def claim_outbox_push(
        self, owner: str, interval_s: float, wall: Callable[[], float] = time.time, *, ahead_s: float = 0.0
    ) -> PushClaim:
        """The next due push (earliest ``due_at`` first) marked 'claimed' by ``owner``, with its turn: the
        first free moment ``interval_s`` after the last turn of any sender (``paced_at``, by ``wall``, read
        once the claims' turn is taken; the senders' clocks must agree, as on one machine or under NTP).
        The push is to go out ``wait_s`` from now; a turn more than ``ahead_s`` (at least one interval)
        ahead is not handed out (no push, ``wait_s`` until it is)."""
        now = self._now()
        async with self._db.transaction() as tx:
            await self._serialize(tx, _LOCK_OUTBOX)
            moment = wall()
            await tx.execute(
                "UPDATE push_outbox SET status = 'queued', claimed_by = NULL WHERE status = 'claimed'"
                " AND paced_at < ?",
                (moment - CLAIM_LEASE_S,),
            )
            turn = await self._next_turn(tx, moment, interval_s)
            if turn - moment > (ahead := max(ahead_s, interval_s)):
                return PushClaim(None, turn - moment - ahead)
            due = await tx.fetch(
                "SELECT id FROM push_outbox WHERE status = 'queued' AND due_at <= ?"
                " ORDER BY due_at, id LIMIT 1",
                (now,),
            )
            if not due:
                return PushClaim(None)
            rows = await tx.fetch(
                "UPDATE push_outbox SET status = 'claimed', attempts = attempts + 1, claimed_by = ?,"
                f" claimed_at = ?, paced_at = ? WHERE id = ? RETURNING {_COLUMNS}",
                (owner, now, turn, due[0][0]),
            )
        return PushClaim(_push(rows[0]), turn - moment)

    async def start_push(self, push_id: int, owner: str) -> bool:
        """The claimed push goes out now: True when it is still ``owner``'s claim (not put back meanwhile)."""
        async with self._db.transaction() as tx:
            changed = await tx.execute(
                "UPDATE push_outbox SET status = 'sending' WHERE id = ? AND status = 'claimed'"
                " AND claimed_by = ?",
                (push_id, owner),
            )
        return changed == 1

    async def retake_turn(
        self, push_id: int, owner: str, interval_s: float, wall: Callable[[], float] = time.time
    ) -> float | None:
        """A new turn for ``owner``'s claim whose turn passed unused (a flood wait, a slow preparation): the
        seconds until it, or None when the claim is no longer theirs."""
        async with self._db.transaction() as tx:
            await self._serialize(tx, _LOCK_OUTBOX)
            moment = wall()
            turn = await self._next_turn(tx, moment, interval_s)
            changed = await tx.execute(
                "UPDATE push_outbox SET paced_at = ? WHERE id = ? AND status = 'claimed' AND claimed_by = ?",
                (turn, push_id, owner),
            )
        return turn - moment if changed == 1 else None

    async def _next_turn(self, tx: Tx, moment: float, interval_s: float) -> float:
        last = (await tx.fetch("SELECT MAX(paced_at) FROM push_outbox"))[0][0]
        return moment if last is None else max(moment, float(last) + interval_s)

    async def finish_push(self, push_id: int, status: str, error: str | None = None) -> None:
        """Record how a claimed push ended: sent, skipped (the user opted out meanwhile) or failed."""
        if status not in FINAL:
            raise ValueError(f"not a final push status: {status!r}")
        async with self._db.transaction() as tx:
            await tx.execute(
                "UPDATE push_outbox SET status = ?, error = ?, done_at = ? WHERE id = ?",
                (status, error, self._now(), push_id),
            )

    async def retry_push(self, push_id: int, delay_s: float, error: str) -> None:
        """A claimed push Telegram did not take (flood wait, network): due again after ``delay_s``."""
        due = self._db.ts(self._clock() + timedelta(seconds=delay_s))
        async with self._db.transaction() as tx:
            await tx.execute(
                "UPDATE push_outbox SET status = 'queued', due_at = ?, error = ?"
                " WHERE id = ? AND status = 'sending'",
                (due, error, push_id),
            )

    async def outbox_counts(self) -> dict[str, int]:
        """Pushes per status (a 'sending' row whose sender died stays so: it may have been delivered)."""
        rows = await self._db.fetch("SELECT status, COUNT(*) FROM push_outbox GROUP BY status")
        return {str(r[0]): int(r[1]) for r in rows}


def _push(row: Row) -> OutboxPush:
    return OutboxPush(
        row["id"],
        row["user_id"],
        row["chat_id"],
        row["push_key"],
        row["slot"],
        _dt(row["due_at"]),
        row["attempts"],
    )
