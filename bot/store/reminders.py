"""The reminders' queries: add, list, update and delete a user's workout reminders."""

from __future__ import annotations

from bot.store.base import _REMINDER_COLUMNS, StoreBase, _check_reminder, _dt
from bot.store.driver import Row
from bot.store.types import (
    Reminder,
)


class ReminderQueries(StoreBase):
    async def add_reminder(self, user_id: int, chat_id: int, days: int, time: str, timezone: str) -> Reminder:
        _check_reminder(days, time, timezone)
        async with self._db.transaction() as tx:
            await self._insert_user(tx, user_id)
            rows = await tx.fetch(
                "INSERT INTO reminders (user_id, chat_id, days, time, timezone, created_at)"
                f" VALUES (?, ?, ?, ?, ?, ?) RETURNING {_REMINDER_COLUMNS}",
                (user_id, chat_id, days, time, timezone, self._now()),
            )
        return _reminder(rows[0])

    async def list_reminders(self, user_id: int) -> list[Reminder]:
        rows = await self._db.fetch(
            f"SELECT {_REMINDER_COLUMNS} FROM reminders WHERE user_id = ? ORDER BY id", (user_id,)
        )
        return [_reminder(r) for r in rows]

    async def all_reminders(self) -> list[Reminder]:
        """Every reminder of every user (to schedule them at start-up)."""
        rows = await self._db.fetch(f"SELECT {_REMINDER_COLUMNS} FROM reminders ORDER BY id")
        return [_reminder(r) for r in rows]

    async def update_reminder(
        self,
        user_id: int,
        reminder_id: int,
        *,
        days: int | None = None,
        time: str | None = None,
        timezone: str | None = None,
    ) -> Reminder | None:
        """Change a reminder of this user (None if it is not theirs or gone)."""
        current = [r for r in await self.list_reminders(user_id) if r.id == reminder_id]
        if not current:
            return None
        new = (days or current[0].days, time or current[0].time, timezone or current[0].timezone)
        _check_reminder(*new)
        async with self._db.transaction() as tx:
            rows = await tx.fetch(
                "UPDATE reminders SET days = ?, time = ?, timezone = ? WHERE id = ? AND user_id = ?"
                f" RETURNING {_REMINDER_COLUMNS}",
                (*new, reminder_id, user_id),
            )
        return _reminder(rows[0]) if rows else None

    async def delete_reminder(self, user_id: int, reminder_id: int) -> bool:
        async with self._db.transaction() as tx:
            deleted = await tx.execute(
                "DELETE FROM reminders WHERE id = ? AND user_id = ?", (reminder_id, user_id)
            )
            return deleted == 1


def _reminder(row: Row) -> Reminder:
    return Reminder(
        row["id"],
        row["user_id"],
        row["chat_id"],
        row["days"],
        row["time"],
        row["timezone"],
        _dt(row["created_at"]),
    )
