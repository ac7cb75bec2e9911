"""The Mini App in real Chromium (tests.bot.webapp.browsing) over a fixed fake source: what a user sees.

Each page shows the fake source's numbers in Korean and in English, charts have their data points, a
condition's trend matches the source, the dark theme colours the page, and without valid initData the
page says so and fetches nothing. Screenshots go to out/screenshots/. (The same pages over the bot's own
server and store: test_bot_dashboard.)
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import AsyncIterator
from urllib.parse import quote

import pytest
import pytest_asyncio

from bot.webapp.server import start_webapp
from bot.webapp.strings import page_strings
from tests.bot.webapp.browsing import DARK, SKIP, Browser, Web, expect, points, shot, text
from tests.bot.webapp.fake_source import (
    ALEX,
    KNEES,
    MINJI,
    OTHER_TOKEN,
    TOKEN,
    FakeDashboardSource,
    init_data,
)

pytestmark = [SKIP, pytest.mark.asyncio(loop_scope="module")]


@pytest_asyncio.fixture(loop_scope="module")
async def web(browser: Browser) -> AsyncIterator[Web]:
    source = FakeDashboardSource()
    server = await start_webapp(source, TOKEN, port=0)
    state = Web(server.url, browser, source)
    try:
        yield state
    finally:
        await state.close()
        await server.stop()
    assert state.errors == []  # no uncaught script error on any page


def speak(source: FakeDashboardSource, user_id: int, lang: str) -> dict[str, str]:
    """Make the user's settings language ``lang``; the strings the page should then show."""
    source._settings[user_id] = dataclasses.replace(source._settings[user_id], language=lang)
    return page_strings(lang)


@pytest.mark.parametrize("lang", ["ko", "en"])
async def test_this_week(web: Web, lang: str) -> None:
    s = speak(web.source, MINJI, lang)
    page = await web.open(data=init_data(MINJI))
    assert await page.get_attribute("html", "lang") == lang
    assert await text(page, "[data-tab='week']") == s["webapp-tab-week"]
    assert await text(page, "#week-range") == s["webapp-week-of"].format(start="3/10", end="3/16")
    assert await text(page, "[data-stat='workouts'] strong") == "4"
    assert await text(page, "[data-stat='reps'] strong") == "47"
    assert await text(page, "[data-stat='workouts'] .trend") == f"+2 {s['webapp-trend']}"
    assert await text(page, "[data-stat='reps'] .trend") == f"+17 {s['webapp-trend']}"
    assert await text(page, "#goal-text") == s["webapp-goal-progress"].format(done=4, target=5)
    assert await page.eval_on_selector("#goal-bar", "e => e.style.width") == "80%"
    assert await text(page, "#streak") == s["webapp-streak"].format(count=3)
    mix = await page.eval_on_selector_all("#grade-mix li", "els => els.map(e => e.innerText.split('\\n'))")
    assert mix == [
        [s["grade-perfect"], "20"], [s["grade-good"], "16"], [s["grade-bad"], "8"], [s["grade-none"], "3"],
    ]  # fmt: skip
    assert await text(page, "[data-exercise='squat'] span") == s["exercise-squat"]
    days = await points(page, "[data-chart='days']")
    assert days == [(f"2025-03-{10 + i}", n) for i, n in enumerate([1, 0, 2, 0, 1, 0, 0])]
    grades = [("perfect", 20), ("good", 16), ("bad", 8), ("none", 3)]  # not rated: counted, never as a grade
    assert await points(page, "[data-chart='grades']") == grades
    assert len(await points(page, "[data-chart='exercises']")) == 2
    await shot(page, f"week-{lang}")
    await page.click("#week-prev")
    await expect(page.locator("#week-range")).to_have_text(re.compile(r"^3/3\b"))
    assert await text(page, "[data-stat='workouts'] strong") == "2"
    assert await page.query_selector("#goal-text") is None and await page.query_selector("#streak") is None
    assert web.source.calls.count(("week", MINJI)) == 2 and {u for _, u in web.source.calls} == {MINJI}


@pytest.mark.parametrize("lang", ["ko", "en"])
async def test_per_exercise(web: Web, lang: str) -> None:
    s = speak(web.source, MINJI, lang)
    page = await web.open(data=init_data(MINJI))
    await page.click("[data-tab='exercise']")
    await page.wait_for_selector("#rep-table")
    assert (
        await page.eval_on_selector("#exercise-pick", "e => e.selectedOptions[0].text") == s["exercise-squat"]
    )
    assert [y for _, y in await points(page, "[data-chart='reps']")] == [10, 12, 12, 4]
    assert [y for _, y in await points(page, "[data-chart='grade']")] == [
        1,
        1,
        2,
        1,
    ]  # good good perfect good
    knees = await points(page, "[data-chart='condition:knees_track_feet']")
    assert [y for _, y in knees] == pytest.approx([p / (p + f) for p, f in KNEES], abs=1e-6)
    assert [x[:10] for x, _ in knees] == ["2025-03-03", "2025-03-06", "2025-03-10", "2025-03-12"]
    heels = await points(page, "[data-chart='condition:heels_down']")
    assert [x[:10] for x, _ in heels] == ["2025-03-03", "2025-03-10", "2025-03-12"]  # not judged on 3/6
    row = "[data-condition='knees_track_feet'] .row"
    assert await text(page, f"{row} span") == s["condition-squat-knees_track_feet"]
    assert await text(page, f"{row} strong") == "75%"
    assert await text(page, "[data-condition='neutral_spine'] strong") == "–"  # never judged, no chart
    assert await page.query_selector("[data-condition='neutral_spine'] svg") is None
    rows = await page.eval_on_selector_all(
        "#rep-table tbody tr", "rs => rs.map(r => [...r.cells].map(c => c.innerText))"
    )
    assert rows[0] == ["1", s["grade-perfect"], "102%", "1.6", "0.4", "1.1", "2"]
    assert rows[3] == ["4", s["grade-bad"], "72%", "0.9", "0", "0.8", "9.5"]
    assert len(await points(page, "[data-chart='rom']")) == 4
    assert len(await points(page, "[data-chart='tempo']")) == 12
    assert [y for _, y in await points(page, "[data-chart='lr']")] == [2.0, 4.5, 3.0, 9.5]
    await shot(page, f"exercise-{lang}")
    await page.select_option("#session-pick", "101")
    await expect(page.locator("#rep-table")).to_have_count(0)
    assert s["webapp-no-rep-details"] in await page.inner_text("#page-exercise")
    await page.select_option("#exercise-pick", "push_up")
    await page.wait_for_selector("[data-condition='elbow_90']")
    assert await text(page, "[data-condition='elbow_90'] .row strong") == "36%"  # 4 of 11


@pytest.mark.parametrize("lang", ["ko", "en"])
async def test_history(web: Web, lang: str) -> None:
    s = speak(web.source, MINJI, lang)
    page = await web.open(data=init_data(MINJI))
    await page.click("[data-tab='history']")
    await page.wait_for_function(  # a function, not an expression: the page's CSP forbids eval
        "() => [...document.querySelectorAll('.thumbs img')]"
        ".filter(i => i.complete && i.naturalWidth === 96).length === 2"
    )
    cards = page.locator("#history-list .card")
    assert await cards.count() == 5
    first = cards.nth(0)
    assert await first.locator("strong").inner_text() == s["exercise-squat"]
    assert await first.locator(".hint").inner_text() == "2025-03-12 07:30"
    assert await first.locator(".reps").inner_text() == s["webapp-reps-count"].format(count=4)
    knees = await first.locator("[data-condition='knees_track_feet']").inner_text()
    assert knees.split("\n") == [
        s["condition-squat-knees_track_feet"],
        f"{s['webapp-passed']} 9 · {s['webapp-failed']} 3",
    ]
    alts = await page.eval_on_selector_all(".thumbs img", "els => els.map(e => e.alt)")
    assert alts == [s["webapp-photo-alt"].format(number=n) for n in (1, 2)]
    assert await cards.nth(1).locator("strong").inner_text() == s["exercise-push_up"]
    assert await page.query_selector("#history-more") is None
    await shot(page, f"history-{lang}")


@pytest.mark.parametrize("lang", ["ko", "en"])
async def test_settings(web: Web, lang: str) -> None:
    s = speak(web.source, MINJI, lang)
    other = "en" if lang == "ko" else "ko"
    page = await web.open(data=init_data(MINJI))
    await page.click("[data-tab='settings']")
    await page.wait_for_selector("#set-voice")
    assert await page.is_checked("#set-voice") and await page.is_checked("#set-weekly")
    assert not await page.is_checked("#set-no-photos")  # photos are kept
    assert await page.input_value("#set-timezone") == "Asia/Seoul"
    assert s["webapp-settings-no-photos"] in await page.inner_text("#page-settings")
    await shot(page, f"settings-{lang}")
    await page.uncheck("#set-voice")
    await expect(page.locator("#status")).to_have_text(s["webapp-saved"])
    for change in (
        lambda: page.check("#set-no-photos"),
        lambda: page.select_option("#set-timezone", "Europe/Berlin"),
        lambda: page.select_option("#set-language", other),
    ):
        async with page.expect_response(
            lambda r: r.url.endswith("/api/settings") and r.request.method == "POST"
        ):
            await change()
    t = page_strings(other)
    await expect(page.locator("[data-tab='week']")).to_have_text(t["webapp-tab-week"])
    assert await page.get_attribute("html", "lang") == other and await page.is_visible("#set-voice")
    assert web.source._settings[MINJI] == dataclasses.replace(
        web.source._settings[MINJI],
        language=other,
        voice_on=False,
        keep_photos=False,
        timezone="Europe/Berlin",
    )
    assert [p for p, status in web.api if p == "/api/settings" and status == 200] == ["/api/settings"] * 5


async def test_dark_theme_comes_from_theme_params(web: Web) -> None:
    page = await web.open(data=init_data(MINJI), theme=DARK, scheme="dark")
    assert await page.get_attribute("html", "data-scheme") == "dark"
    style = "e => getComputedStyle(e)"
    assert await page.eval_on_selector("body", f"{style}.backgroundColor") == "rgb(24, 34, 45)"
    assert await page.eval_on_selector("body", f"{style}.color") == "rgb(255, 255, 255)"
    assert (
        await page.eval_on_selector("[data-stat='workouts']", f"{style}.backgroundColor") == "rgb(19, 20, 21)"
    )
    bar = "[data-chart='days'] .pt"
    assert await page.eval_on_selector(bar, f"{style}.fill") == "rgb(46, 166, 255)"
    await shot(page, "week-dark")
    plain_dark = await web.open(data=init_data(MINJI), theme={}, scheme="dark")  # no colours: our dark ones
    assert await plain_dark.eval_on_selector("body", f"{style}.backgroundColor") == "rgb(23, 33, 43)"
    light = await web.open(data=init_data(MINJI))
    assert await light.eval_on_selector("body", f"{style}.backgroundColor") == "rgb(255, 255, 255)"


async def test_launch_parameters_in_the_url_fragment(web: Web) -> None:
    """A Telegram client without telegram-web-app.js: #tgWebAppData=…&tgWebAppThemeParams=…"""
    fragment = (
        f"#tgWebAppData={quote(init_data(ALEX, lang='en'), safe='')}&tgWebAppVersion=8.0"
        f"&tgWebAppPlatform=tdesktop&tgWebAppThemeParams={quote(json.dumps(DARK), safe='')}"
    )
    page = await web.open(fragment=fragment)
    assert await text(page, "[data-tab='week']") == "This week"  # Alex's settings: English
    assert await text(page, "[data-stat='hold'] strong") == "45 s"
    assert await text(page, "[data-stat='workouts'] .trend") == "−2 vs last week"
    assert await page.get_attribute("html", "data-scheme") == "dark"
    assert {u for _, u in web.source.calls} == {ALEX}


@pytest.mark.parametrize(("locale", "lang"), [("ko-KR", "ko"), ("en-US", "en")])
async def test_outside_telegram_says_so_and_fetches_nothing(web: Web, locale: str, lang: str) -> None:
    page = await web.open(locale=locale, wait=False)
    await page.wait_for_selector("#gate:not([hidden])")
    assert await text(page, "#gate") == page_strings(lang)["webapp-open-in-telegram"]
    assert not await page.is_visible("#app")
    await page.wait_for_timeout(300)
    assert web.api == [] and web.source.calls == []
    await shot(page, f"outside-telegram-{lang}")


async def test_a_wrong_signature_shows_the_error_and_fetches_no_data(web: Web) -> None:
    page = await web.open(data=init_data(MINJI, token=OTHER_TOKEN), locale="en-US", wait=False)
    await page.wait_for_selector("#gate:not([hidden])")
    # the initData's own language_code ("ko") picks the notice's language before sign-in
    assert await text(page, "#gate") == page_strings("ko")["webapp-auth-failed"]
    await page.wait_for_timeout(300)
    assert web.api == [("/api/settings", 401)]  # the sign-in check, refused; nothing after it
    assert web.source.calls == []
    assert not await page.is_visible("#app") and "47" not in await page.inner_text("body")
    await shot(page, "wrong-signature")
