"""/delete through the bot as built for production, on SQLite and on PostgreSQL: afterwards no row of any
table carries the user's id — with Telegram flooding the confirmation's answer and edit, and with the
user tapping a button of an old answer afterwards (a tap is no new contact: it makes no user row)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from analysis.classifier import UnknownClassifier
from bot.app import build_application, running
from bot.context import services
from bot.jobs.analyzer import Analyzer
from tests.bot.botapp import buttons, reply_to, tap
from tests.bot.clipbot import answered, job_settled, settings_for
from tests.bot.dbs import Backend, backend
from tests.fakes import FakeBotAPI
from tests.fakes.media import make_video
from tests.fakes.pose import FakePose

pytestmark = [
    pytest.mark.asyncio,
    pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning"),
]
CHAT, OTHER = 8201, 8202


@pytest.fixture(scope="module")
def clip(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    path = tmp_path_factory.mktemp("delete") / "squat.mp4"
    return Path(make_video(str(path), size=(640, 480), fps=30, seconds=4.0)).read_bytes()


async def rows_of(db: Backend, tables: list[str], user_id: int) -> dict[str, int]:
    counts = {}
    for table in tables:
        column = "id" if table == "users" else "user_id"
        assert column in await db.columns(table), f"table {table} does not record its user"
        counts[table] = (await db.raw(f"SELECT COUNT(*) FROM {table} WHERE {column} = ?", (user_id,)))[0][0]
    return counts


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
async def test_delete_leaves_no_row_in_any_table(
    botapi: FakeBotAPI, tmp_path: Path, clip: bytes, kind: str
) -> None:
    async with backend(kind, tmp_path) as db:
        if kind == "sqlite":
            db.target = tmp_path / "data" / "formcoach.sqlite3"  # the bot's own file
        shared: dict[str, Any] = {"database_url": db.target} if kind == "postgresql" else {}
        settings = settings_for(botapi, tmp_path / "data", **shared)
        analyzer = Analyzer(0, initializer_args=(FakePose(3), UnknownClassifier()))
        async with running(build_application(settings, analyzer=analyzer)) as app:
            botapi.push_video(CHAT, botapi.add_file(clip), caption="squat")  # a job, an analysis, an answer
            summary = (await answered(botapi, CHAT))[0]
            await job_settled(app, 1)
            await reply_to(botapi, CHAT, "/remind 월수금 07:30")
            await reply_to(botapi, CHAT, "/settings weekly on")
            assert app.job_queue is not None
            await app.job_queue.get_jobs_by_name(f"weekly:{CHAT}")[0].run(app)  # a push, sent
            await botapi.wait_for(lambda: any(t.startswith("📅") for t in _texts(botapi)), timeout=10)
            await reply_to(botapi, OTHER, "/remind 매일 20:00")
            tables = [t for t in await services(app).store.table_names() if t != "schema_version"]
            before = await rows_of(db, tables, CHAT)

            ask = await reply_to(botapi, CHAT, "/delete")
            botapi.flood_each_method_once(1, ["answerCallbackQuery", "editMessageText"])
            done = await tap(botapi, CHAT, ask.result["message_id"], f"del:yes:{CHAT}")
            picker = next(data for data in buttons(summary) if data.startswith("other:"))
            answers = len(botapi.calls_for(None, "answerCallbackQuery"))
            botapi.push_callback(CHAT, summary.result["message_id"], picker)  # an old answer's button
            await botapi.wait_calls(None, "answerCallbackQuery", answers + 1, timeout=10)
        after = await rows_of(db, tables, CHAT)
        other = await rows_of(db, tables, OTHER)
    assert "모든 데이터를 지웠어요" in done.result["text"]
    assert [c.status for c in botapi.calls_for(None, "answerCallbackQuery", ok=None)][:2] == [429, 200]
    populated = {"users", "jobs", "analyses", "reps", "condition_results", "sent_answers", "reminders"}
    populated |= {"push_outbox"} | ({"rate_events"} if kind == "postgresql" else set())
    assert {t for t, n in before.items() if n} >= populated  # the user had rows nearly everywhere
    assert after == dict.fromkeys(tables, 0)
    assert other["users"] == 1 and other["reminders"] == 1


def _texts(botapi: FakeBotAPI) -> list[str]:
    return [str(c.fields.get("text", "")) for c in botapi.calls_for(CHAT, "sendMessage")]
