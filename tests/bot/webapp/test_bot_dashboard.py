"""The Mini App as the bot serves it: the bot's own server (started by its application's post_init) over
a store seeded through the real bot flow (tests.bot.webapp.seeded), in real Chromium (see browsing.py).

Every number a page must show is read straight from the SQLite file. Checked: each page renders the
stored numbers in Korean and in English, charts carry one data point per stored value, a condition's
trend is the store's pass rates session by session, the rep table is the stored depth and tempo, the
dark theme, a wrong signature shows the error and fetches nothing, the chat's buttons open the right
pages, "사진 저장 안 함" drops the photos, and after /delete the API has nothing left to show.
Screenshots: out/screenshots/bot-*.png (docs/miniapp.png is bot-week-ko.png of one run).
"""

from __future__ import annotations

import asyncio
import math
from collections import Counter
from collections.abc import AsyncIterator
from datetime import datetime

import httpx
import pytest
import pytest_asyncio

from analysis.report.i18n import translate
from bot.store.db import AnalysisRecord
from bot.store.driver import parse_ts
from bot.webapp.strings import page_strings
from tests.bot.clipbot import texts
from tests.bot.webapp.browsing import DARK, SKIP, Browser, Web, expect, points, shot, text
from tests.bot.webapp.fake_source import jpeg
from tests.bot.webapp.seeded import GROUP, KST, LAST_WEEK, MINJI, URL, WEEK, Seeded, seeded_bot, ts

pytestmark = [SKIP, pytest.mark.asyncio(loop_scope="module")]
OTHER_TOKEN = "987654321:OTHER-bot_Token-abcdefghijklmnopqrs"


@pytest_asyncio.fixture(loop_scope="module", scope="module")
async def bot(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Seeded]:
    async with seeded_bot(tmp_path_factory.mktemp("dashboard")) as seeded:
        yield seeded


@pytest_asyncio.fixture(loop_scope="module")
async def web(bot: Seeded, browser: Browser) -> AsyncIterator[Web]:
    state = Web(bot.url, browser)
    try:
        yield state
    finally:
        await state.close()
    assert state.errors == []


async def speak(bot: Seeded, lang: str) -> dict[str, str]:
    """Make the user's language ``lang`` (as /settings would); the strings the page should then show."""
    await bot.store.update_settings(MINJI, language=lang)
    return page_strings(lang)


# --- what the store holds, read past the code under test ----------------------------------------------


def analyses(bot: Seeded, span: tuple[datetime, datetime], exercise: str | None = None) -> list[tuple]:
    query = "SELECT id, exercise, rep_count, grade, created_at FROM analyses WHERE user_id = ?"
    query += " AND created_at >= ? AND created_at < ?" + (" AND exercise = ?" if exercise else "")
    params = (MINJI, ts(span[0]), ts(span[1])) + ((exercise,) if exercise else ())
    return bot.sql(query + " ORDER BY created_at, id", params)


def local(stamp: str) -> datetime:
    return parse_ts(stamp).astimezone(KST)


def pass_rate(bot: Seeded, analysis_id: int, condition: str) -> float | None:
    rows = dict(
        bot.sql(
            "SELECT status, COUNT(*) FROM condition_results WHERE analysis_id = ? AND condition_id = ?"
            " GROUP BY status",
            (analysis_id, condition),
        )
    )
    judged = rows.get("pass", 0) + rows.get("fail", 0)
    return rows.get("pass", 0) / judged if judged else None


def js_one(value: float | None) -> str:
    """The page's one-decimal number (Math.round(v * 10) / 10, printed as JavaScript prints it)."""
    if value is None:
        return "–"
    rounded = math.floor(value * 10 + 0.5) / 10
    return str(int(rounded)) if rounded.is_integer() else str(rounded)


def js_pct(value: float | None) -> str:
    return "–" if value is None else f"{math.floor(value * 100 + 0.5)}%"


# --- pages ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["ko", "en"])
async def test_the_week_shows_the_stored_week(bot: Seeded, web: Web, lang: str) -> None:
    s = await speak(bot, lang)
    this, last = analyses(bot, WEEK), analyses(bot, LAST_WEEK)
    assert len(this) == 5 and len(last) == 1  # the seeding as planned (the group clip is the user's too)
    page = await web.open(data=bot.init_data())
    assert await page.get_attribute("html", "lang") == lang
    assert await text(page, "[data-tab='week']") == s["webapp-tab-week"]
    assert await text(page, "#week-range") == s["webapp-week-of"].format(start="3/10", end="3/16")
    reps = sum(r[2] or 0 for r in this)
    assert await text(page, "[data-stat='workouts'] strong") == str(len(this))
    assert await text(page, "[data-stat='reps'] strong") == str(reps)
    trend = len(this) - len(last)
    assert await text(page, "[data-stat='workouts'] .trend") == f"+{trend} {s['webapp-trend']}"
    per_day = Counter(local(r[4]).date().isoformat() for r in this)
    days = await points(page, "[data-chart='days']")
    assert days == [(f"2025-03-{d}", per_day.get(f"2025-03-{d}", 0)) for d in range(10, 17)]
    grades = dict(
        bot.sql(
            "SELECT r.grade, COUNT(*) FROM reps r JOIN analyses a ON a.id = r.analysis_id WHERE a.user_id = ?"
            " AND a.created_at >= ? AND a.created_at < ? GROUP BY r.grade",
            (MINJI, ts(WEEK[0]), ts(WEEK[1])),
        )
    )
    assert grades.get("none")  # the front-view squat's reps: not rated (its key conditions need a side view)
    shown = [(g, grades.get(g, 0)) for g in ("perfect", "good", "bad", "none")]  # not rated: counted as such
    assert await points(page, "[data-chart='grades']") == shown
    mix = await page.eval_on_selector_all("#grade-mix li", "els => els.map(e => e.innerText.split('\\n'))")
    assert mix == [[s[f"grade-{g}"], str(grades.get(g, 0))] for g in ("perfect", "good", "bad", "none")]
    exercises = Counter(r[1] for r in this)
    listed = await page.eval_on_selector_all("#by-exercise li", "els => els.map(e => e.dataset.exercise)")
    assert listed == sorted(exercises, key=lambda e: (-exercises[e], e))
    assert await page.query_selector("#goal-text") is None  # weekly goals: not stored yet
    await shot(page, f"bot-week-{lang}")
    await page.click("#week-prev")
    await expect(page.locator("#week-range")).to_have_text(s["webapp-week-of"].format(start="3/3", end="3/9"))
    assert await text(page, "[data-stat='workouts'] strong") == str(len(last))


@pytest.mark.parametrize("lang", ["ko", "en"])
async def test_the_exercise_page_shows_the_stored_sessions_and_reps(bot: Seeded, web: Web, lang: str) -> None:
    s = await speak(bot, lang)
    squats = analyses(bot, (LAST_WEEK[0], WEEK[1]), "squat")
    page = await web.open(data=bot.init_data())
    await page.click("[data-tab='exercise']")
    await page.wait_for_selector("#rep-table")
    assert await page.eval_on_selector("#exercise-pick", "e => e.value") == "squat"  # the latest done
    assert [y for _, y in await points(page, "[data-chart='reps']")] == [r[2] for r in squats]
    score = {"bad": 0, "good": 1, "perfect": 2}
    graded = [score[r[3]] for r in squats if r[3] != "none"]  # not rated: no point on the grade line
    assert [y for _, y in await points(page, "[data-chart='grade']")] == graded
    for condition in ("neutral_spine", "knees_track_feet"):  # judged from the side / from the front only
        rates = [(local(r[4]).isoformat(timespec="minutes"), pass_rate(bot, r[0], condition)) for r in squats]
        expected = [(x, y) for x, y in rates if y is not None]
        trend = await points(page, f"[data-chart='condition:{condition}']")
        assert [x for x, _ in trend] == [x for x, _ in expected]
        assert [y for _, y in trend] == pytest.approx([y for _, y in expected], abs=1e-5)
        assert await text(page, f"[data-condition='{condition}'] .row strong") == js_pct(expected[-1][1])
    latest = squats[-1][0]
    await _check_rep_table(bot, page, latest, s)
    assert len(await points(page, "[data-chart='tempo']")) == 3 * len(bot.sql(_REPS, (latest,)))
    await shot(page, f"bot-exercise-{lang}")
    front, front_grade = bot.sql("SELECT id, grade FROM analyses WHERE view = 'front'")[0]
    assert front_grade == "none"  # filmed from the front: the squat's key conditions were not judged
    await page.select_option("#session-pick", str(front))
    await expect(page.locator("#session-pick")).to_have_value(str(front))
    await _check_rep_table(bot, page, front, s)
    lr = [row[6] for row in bot.sql(_REPS, (front,))]
    assert all(v is not None and v > 0 for v in lr)  # seen from the front: both knees, one drifting out
    assert [y for _, y in await points(page, "[data-chart='lr']")] == pytest.approx(lr)
    await shot(page, f"bot-exercise-front-{lang}")


_REPS = (
    "SELECT idx, grade, rom_share, down_s, pause_s, up_s, lr_diff FROM reps WHERE analysis_id = ?"
    " ORDER BY idx"
)


async def _check_rep_table(bot: Seeded, page: object, analysis_id: int, s: dict[str, str]) -> None:
    expected = [
        [str(i + 1), s[f"grade-{g}"], js_pct(rom), *(js_one(v) for v in (down, pause, up, lr))]
        for i, g, rom, down, pause, up, lr in bot.sql(_REPS, (analysis_id,))
    ]
    for _ in range(50):  # the page renders the chosen session asynchronously
        rows = await page.eval_on_selector_all(  # type: ignore[attr-defined]
            "#rep-table tbody tr", "rs => rs.map(r => [...r.cells].map(c => c.innerText))"
        )
        if rows == expected:
            break
        await asyncio.sleep(0.1)
    assert rows == expected and len(rows) > 1
    assert [y for _, y in await points(page, "[data-chart='rom']")] == pytest.approx(  # type: ignore[arg-type]
        [r[2] for r in bot.sql(_REPS, (analysis_id,))]
    )


@pytest.mark.parametrize("lang", ["ko", "en"])
async def test_history_lists_the_stored_analyses_with_their_photos(bot: Seeded, web: Web, lang: str) -> None:
    s = await speak(bot, lang)
    stored = bot.sql(
        "SELECT id, exercise, rep_count FROM analyses WHERE user_id = ? ORDER BY id DESC", (MINJI,)
    )
    newest = stored[0][0]
    photos = bot.sql("SELECT COUNT(*) FROM key_frames WHERE analysis_id = ?", (newest,))[0][0]
    assert photos == 2  # the worst and the best rep
    page = await web.open(data=bot.init_data())
    await page.click("[data-tab='history']")
    await page.wait_for_function(
        f"() => [...document.querySelectorAll('#history-list .card:first-child .thumbs img')]"
        f".filter(i => i.complete && i.naturalWidth > 0).length === {photos}"
    )
    cards = page.locator("#history-list .card")
    assert await cards.count() == len(stored)
    names = [await cards.nth(i).locator("strong").inner_text() for i in range(len(stored))]
    assert names == [s[f"exercise-{e}"] for _, e, _ in stored]
    assert await cards.nth(0).locator(".reps").inner_text() == s["webapp-reps-count"].format(
        count=stored[0][2]
    )
    sizes = await page.eval_on_selector_all(
        "#history-list .card:first-child .thumbs img",
        "els => els.map(e => [e.naturalWidth, e.naturalHeight])",
    )
    assert all(0 < max(w, h) <= 320 for w, h in sizes)  # thumbnails, not the 960 px key frames
    await shot(page, f"bot-history-{lang}")


async def test_a_link_from_the_chat_opens_that_session(bot: Seeded, web: Web) -> None:
    await speak(bot, "ko")
    front = bot.sql("SELECT id FROM analyses WHERE view = 'front'")[0][0]
    page = await web.open(data=bot.init_data(), fragment=f"?tab=exercise&exercise=squat&session={front}")
    await page.wait_for_selector("#rep-table")
    assert await page.eval_on_selector("#session-pick", "e => e.value") == str(front)
    assert await page.get_attribute("[data-tab='exercise']", "aria-selected") == "true"


async def test_dark_theme_from_telegram(bot: Seeded, web: Web) -> None:
    page = await web.open(data=bot.init_data(), theme=DARK, scheme="dark")
    assert await page.get_attribute("html", "data-scheme") == "dark"
    style = "e => getComputedStyle(e)"
    assert await page.eval_on_selector("body", f"{style}.backgroundColor") == "rgb(24, 34, 45)"
    assert await page.eval_on_selector("[data-chart='days'] .pt", f"{style}.fill") == "rgb(46, 166, 255)"
    await shot(page, "bot-week-dark")


async def test_a_wrong_signature_shows_the_error_and_fetches_nothing(bot: Seeded, web: Web) -> None:
    web.api.clear()
    page = await web.open(data=bot.init_data(token=OTHER_TOKEN), locale="en-US", wait=False)
    await page.wait_for_selector("#gate:not([hidden])")
    assert await text(page, "#gate") == page_strings("ko")["webapp-auth-failed"]
    await page.wait_for_timeout(300)
    assert web.api == [("/api/settings", 401)]
    assert not await page.is_visible("#app")
    await shot(page, "bot-wrong-signature")


async def test_outside_telegram_the_page_says_so(bot: Seeded, web: Web) -> None:
    web.api.clear()
    page = await web.open(locale="en-US", wait=False)
    await page.wait_for_selector("#gate:not([hidden])")
    assert await text(page, "#gate") == page_strings("en")["webapp-open-in-telegram"]
    await page.wait_for_timeout(300)
    assert web.api == []


# --- the chat's side -----------------------------------------------------------------------------------


async def test_the_chat_opens_the_mini_app(bot: Seeded) -> None:
    assert bot.botapi.menu_buttons[None] == {
        "type": "web_app",
        "text": page_strings("ko")["webapp-menu-button"],
        "web_app": {"url": URL},
    }
    jobs = dict(bot.sql("SELECT id, analysis_id FROM jobs WHERE chat_id = ?", (MINJI,)))
    summaries = [c for c in bot.botapi.calls_for(MINJI, "sendMessage") if c.fields.get("parse_mode")]
    assert len(summaries) == len(jobs) == 5
    for summary in summaries:
        rows = summary.result["reply_markup"]["inline_keyboard"]
        job = int(rows[0][0]["callback_data"].split(":")[1])  # "다른 운동이에요" names the job
        analysis = jobs[job]
        exercise = bot.sql("SELECT exercise FROM analyses WHERE id = ?", (analysis,))[0][0]
        web_apps = [b["web_app"]["url"] for row in rows for b in row if "web_app" in b]
        assert web_apps == [f"{URL}?tab=exercise&exercise={exercise}&session={analysis}"]
    group = [c for c in bot.botapi.calls_for(GROUP, "sendMessage") if c.fields.get("parse_mode")]
    assert len(group) == 1 and "web_app" not in str(group[0].fields.get("reply_markup"))  # private only
    before = len(bot.botapi.calls_for(MINJI, "sendMessage"))
    bot.botapi.push_message(MINJI, "/progress")
    report = await bot.botapi.wait_for(lambda: bot.botapi.calls_for(MINJI, "sendMessage")[before:], 10)
    button = report[0].result["reply_markup"]["inline_keyboard"][0][0]
    assert button["web_app"]["url"] == f"{URL}?tab=week&offset=0"


@pytest.mark.parametrize("lang", ["ko", "en"])
async def test_the_settings_page_shows_the_stored_settings(bot: Seeded, web: Web, lang: str) -> None:
    s = await speak(bot, lang)
    await bot.store.update_settings(MINJI, timezone="Europe/Berlin", weekly_summary=lang == "ko")
    language, voice, zone, weekly, keep = bot.sql(
        "SELECT language, voice_on, timezone, weekly_summary, keep_photos FROM users WHERE id = ?", (MINJI,)
    )[0]
    page = await web.open(data=bot.init_data())
    await page.click("[data-tab='settings']")
    await page.wait_for_selector("#set-no-photos")
    assert await text(page, "[data-tab='settings']") == s["webapp-tab-settings"]
    assert await page.input_value("#set-language") == language == lang
    assert await page.input_value("#set-timezone") == zone == "Europe/Berlin"
    assert await page.is_checked("#set-voice") is bool(voice)
    assert await page.is_checked("#set-weekly") is bool(weekly) is (lang == "ko")
    assert await page.is_checked("#set-no-photos") is not bool(keep)
    await shot(page, f"bot-settings-{lang}")
    await bot.store.update_settings(MINJI, timezone="Asia/Seoul")


async def test_settings_changed_in_the_mini_app_reschedule_the_pushes(bot: Seeded) -> None:
    """As /settings does: the weekly summary follows the switch, reminders and summary a new time zone."""
    reminder = await bot.store.add_reminder(MINJI, MINJI, 0b0010101, "07:30", "Asia/Seoul")
    queue = bot.app.job_queue
    assert queue is not None
    headers = {"Authorization": f"tma {bot.init_data()}"}
    async with httpx.AsyncClient(base_url=bot.url.rstrip("/"), headers=headers, timeout=10) as api:
        change = {"weekly_summary": True, "timezone": "America/New_York"}
        assert (await api.post("/api/settings", json=change)).status_code == 200
        weekly = queue.get_jobs_by_name(f"weekly:{MINJI}")
        assert len(weekly) == 1 and str(weekly[0].trigger.timezone) == "America/New_York"
        stored = await bot.store.list_reminders(MINJI)
        assert [r.timezone for r in stored if r.id == reminder.id] == ["America/New_York"]
        assert (await api.post("/api/settings", json={"weekly_summary": False})).status_code == 200
        assert not queue.get_jobs_by_name(f"weekly:{MINJI}")  # switched off: unscheduled
        assert (await api.post("/api/settings", json={"timezone": "Asia/Seoul"})).status_code == 200
    await bot.store.delete_reminder(MINJI, reminder.id)


async def test_the_voice_toggle_keeps_the_details_button(bot: Seeded) -> None:
    summary = [c for c in bot.botapi.calls_for(MINJI, "sendMessage") if c.fields.get("parse_mode")][-1]
    message_id = summary.result["message_id"]
    rows = summary.result["reply_markup"]["inline_keyboard"]
    voice = rows[1][0]["callback_data"]
    assert voice.startswith("voice:") and "web_app" in rows[-1][0]
    bot.botapi.push_callback(MINJI, message_id, voice)
    now = await bot.botapi.wait_for(
        lambda: (m := bot.botapi.message(MINJI, message_id)) and "edit_date" in m and m, 10
    )
    after = now["reply_markup"]["inline_keyboard"]
    assert after[1][0]["text"] != rows[1][0]["text"]  # the toggle flipped
    assert after[-1] == rows[-1]  # and "자세히 보기" is still there


async def test_dont_keep_photos_drops_them_and_keeps_none(bot: Seeded, web: Web) -> None:
    s = await speak(bot, "ko")
    assert bot.sql("SELECT COUNT(*) FROM key_frames WHERE user_id = ?", (MINJI,))[0][0] > 0
    page = await web.open(data=bot.init_data())
    await page.click("[data-tab='settings']")
    await page.wait_for_selector("#set-no-photos")
    assert s["webapp-settings-no-photos"] in await page.inner_text("#page-settings")
    assert not await page.is_checked("#set-no-photos")
    async with page.expect_response(lambda r: r.url.endswith("/api/settings") and r.request.method == "POST"):
        await page.check("#set-no-photos")
    assert bot.sql("SELECT keep_photos FROM users WHERE id = ?", (MINJI,)) == [(0,)]
    assert bot.sql("SELECT COUNT(*) FROM key_frames WHERE user_id = ?", (MINJI,)) == [(0,)]
    history = await web.open(data=bot.init_data())
    await history.click("[data-tab='history']")
    await history.wait_for_selector("#history-list .card")
    assert await history.query_selector(".thumbs img") is None


async def test_delete_leaves_no_photo_and_no_api_data(bot: Seeded) -> None:
    """Last in this module: the user erases everything with /delete; then the API has nothing to show."""
    await bot.store.update_settings(MINJI, keep_photos=True)
    clip = bot.sql("SELECT id FROM analyses WHERE user_id = ? ORDER BY id DESC", (MINJI,))[0][0]
    await bot.store.save_analysis(MINJI, None, _with_photo(bot, clip))
    assert bot.sql("SELECT COUNT(*) FROM key_frames WHERE user_id = ?", (MINJI,))[0][0] == 1
    newest = bot.sql("SELECT MAX(id) FROM analyses WHERE user_id = ?", (MINJI,))[0][0]
    headers = {"Authorization": f"tma {bot.init_data()}"}
    async with httpx.AsyncClient(base_url=bot.url.rstrip("/"), headers=headers, timeout=10) as api:
        assert (await api.get(f"/api/thumb/{newest}/0.jpg")).status_code == 200
        before = len(bot.botapi.calls_for(MINJI, "sendMessage"))
        bot.botapi.push_message(MINJI, "/delete")
        confirm = await bot.botapi.wait_for(lambda: bot.botapi.calls_for(MINJI, "sendMessage")[before:], 10)
        bot.botapi.push_callback(MINJI, confirm[0].result["message_id"], f"del:yes:{MINJI}")
        done = translate("delete-done", "ko")
        await bot.botapi.wait_for(lambda: done in texts(bot.botapi, MINJI, "editMessageText"), 10)
        for table in ("analyses", "reps", "condition_results", "key_frames", "jobs"):
            assert bot.sql(f"SELECT COUNT(*) FROM {table} WHERE user_id = ?", (MINJI,)) == [(0,)], table
        assert (await api.get(f"/api/thumb/{newest}/0.jpg")).status_code == 404
        week = (await api.get("/api/week")).json()
        assert (week["totals"], week["previous"]) == ({"workouts": 0, "reps": 0, "hold_s": 0.0},) * 2
        assert (await api.get("/api/exercises")).json() == {"exercises": []}
        assert (await api.get("/api/history")).json()["items"] == []
        assert (await api.get("/api/exercise/squat")).json()["sessions"] == []
        assert (await api.get("/api/settings")).json()["settings"]["keep_photos"] is True  # defaults
    assert bot.sql("SELECT COUNT(*) FROM users WHERE id = ?", (MINJI,)) == [(0,)]  # reading made no row


def _with_photo(bot: Seeded, analysis_id: int) -> AnalysisRecord:
    """A copy of a stored analysis with one photo (the seeded ones were dropped by the settings test)."""
    exercise, view, reps, grade = bot.sql(
        "SELECT exercise, view, rep_count, grade FROM analyses WHERE id = ?", (analysis_id,)
    )[0]
    return AnalysisRecord(exercise, 1.0, view, reps, None, grade, 5.0, thumbnails=(jpeg((200, 60, 60)),))
