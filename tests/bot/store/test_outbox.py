"""The push outbox (bot.store.outbox) on both backends: a push stored once per key and day, never for a user
who is gone; claims in due order, at one pace shared by every sender, each push claimed once."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import pytest_asyncio

from bot.store.db import Store
from tests.bot.dbs import Backend, backend

pytestmark = pytest.mark.asyncio
NOW = datetime(2025, 3, 17, 0, 30, tzinfo=UTC)


@pytest_asyncio.fixture(params=["sqlite", "postgresql"])
async def db(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Backend]:
    async with backend(request.param, tmp_path) as fresh:
        if fresh.kind == "sqlite":
            fresh.target = str(fresh.target)
        yield fresh


async def test_a_push_is_stored_once_per_key_and_day_and_never_for_a_user_who_is_gone(db: Backend) -> None:
    async with await db.open(lambda: NOW) as store:
        await store.ensure_user(3)
        stored = await asyncio.gather(
            *(store.enqueue_push(3, 3, "reminder:9", "2025-03-17", NOW) for _ in range(5))
        )
        assert sorted(stored) == [False, False, False, False, True]
        assert await store.enqueue_push(3, 3, "reminder:9", "2025-03-18", NOW)  # the next day
        assert await store.enqueue_push(3, 3, "weekly:3", "2025-03-17", NOW)  # another push
        assert not await store.enqueue_push(4, 4, "weekly:4", "2025-03-17", NOW)  # no such user
        assert await store.get_settings(4) is None  # and none was made
        assert await store.outbox_counts() == {"queued": 3}


async def test_claims_go_in_due_order_and_each_push_once(db: Backend) -> None:
    async with await db.open(lambda: NOW) as store:
        for user_id, minutes in ((1, 30), (2, -60), (3, 0), (4, -5)):  # Seoul, Tokyo … at their 09:00
            await store.ensure_user(user_id)
            await store.enqueue_push(user_id, user_id, f"weekly:{user_id}", "2025-03-17",
                                     NOW + timedelta(minutes=minutes))  # fmt: skip
        order = []
        while (claim := await store.claim_outbox_push("me", 0.0)).push is not None:
            order.append(claim.push.user_id)
        assert order == [2, 4, 3]  # user 1's push is not due yet
        assert claim.wait_s == 0.0  # nothing due: no pace to wait for
        for push_id in order:
            assert await store.start_push(push_id, "me")
        await store.finish_push(2, "sent")
        await store.retry_push(3, 0.0, "TimedOut")  # not taken by Telegram: due again
        await store.finish_push(4, "skipped")
        again = await store.claim_outbox_push("me", 0.0)
        assert again.push is not None and (again.push.id, again.push.attempts) == (3, 2)
        assert await store.outbox_counts() == {"claimed": 1, "queued": 1, "sent": 1, "skipped": 1}


async def test_senders_sharing_the_database_share_one_pace(db: Backend) -> None:
    """Two Stores (two sender processes) claiming as fast as they can: 30 claims, none twice, spaced at
    least the interval apart in wall-clock time whoever claimed them."""
    interval = 0.02
    one, two = await db.open(lambda: NOW), await db.open(lambda: NOW)
    try:
        for user_id in range(1, 31):
            await one.ensure_user(user_id)
            await one.enqueue_push(user_id, user_id, f"weekly:{user_id}", "2025-03-17", NOW)
        claimed: list[tuple[str, int]] = []

        async def sender(store: Store) -> None:
            while len(claimed) < 30:
                claim = await store.claim_outbox_push(f"s{id(store)}", interval)
                if claim.push is not None:
                    assert claim.wait_s <= interval  # a turn is handed out at most one interval ahead
                    claimed.append((f"s{id(store)}", claim.push.user_id))
                    await asyncio.sleep(claim.wait_s)
                elif claim.wait_s:
                    await asyncio.sleep(claim.wait_s)
                else:
                    return

        await asyncio.wait_for(asyncio.gather(sender(one), sender(two)), 30)
    finally:
        await one.close()
        await two.close()
    assert sorted(user for _, user in claimed) == list(range(1, 31))
    paced = sorted(r[0] for r in await db.raw("SELECT paced_at FROM push_outbox"))
    assert min(b - a for a, b in zip(paced, paced[1:], strict=False)) >= interval - 1e-6
    assert len({who for who, _ in claimed}) == 2  # both senders took their share


async def test_a_claim_whose_sender_died_lapses_but_a_push_that_went_out_is_never_sent_again(
    db: Backend,
) -> None:
    clock = [1000.0]
    async with await db.open(lambda: NOW) as store:
        for user_id in (1, 2):
            await store.ensure_user(user_id)
            await store.enqueue_push(user_id, user_id, f"weekly:{user_id}", "2025-03-17", NOW)
        dead = await store.claim_outbox_push("dead", 0.0, lambda: clock[0])  # claimed, never started
        sending = await store.claim_outbox_push("killed", 0.0, lambda: clock[0])
        assert dead.push is not None and sending.push is not None
        assert await store.start_push(sending.push.id, "killed")  # went out, then its sender was killed
        assert (await store.claim_outbox_push("new", 0.0, lambda: clock[0])).push is None
        clock[0] += 16.0  # past the claim lease
        again = await store.claim_outbox_push("new", 0.0, lambda: clock[0])
        assert again.push is not None and again.push.id == dead.push.id and again.push.attempts == 2
        assert not await store.start_push(dead.push.id, "dead")  # the stalled sender may not send it now
        assert await store.start_push(again.push.id, "new")
        assert (await store.claim_outbox_push("new", 0.0, lambda: clock[0])).push is None
        assert await store.outbox_counts() == {"sending": 2}


async def test_a_claim_whose_turn_passed_takes_the_next_free_one(db: Backend) -> None:
    clock = [1000.0]
    async with await db.open(lambda: NOW) as store:
        for user_id in (1, 2):
            await store.ensure_user(user_id)
            await store.enqueue_push(user_id, user_id, f"weekly:{user_id}", "2025-03-17", NOW)
        late = await store.claim_outbox_push("me", 0.5, lambda: clock[0], ahead_s=1.0)
        next_one = await store.claim_outbox_push("me", 0.5, lambda: clock[0], ahead_s=1.0)
        assert late.push is not None and next_one.push is not None and next_one.wait_s == 0.5
        clock[0] += 0.7  # the first turn passed unused (its push was slow to prepare)
        assert await store.retake_turn(late.push.id, "me", 0.5, lambda: clock[0]) == pytest.approx(0.3)
        assert await store.retake_turn(late.push.id, "other", 0.5, lambda: clock[0]) is None  # not theirs
