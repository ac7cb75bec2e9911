"""The Mini App server (bot.webapp.server) over real HTTP on 127.0.0.1: the page, the API and its guard.

Every /api/ route answers 401 ``{"error": reason}`` without valid initData, and then the source is never
asked for anything; with it, the source is asked for the validated user's data only.
"""

from __future__ import annotations

import json
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from urllib.parse import quote

import httpx
import pytest
import pytest_asyncio

from bot.webapp.server import DEFAULT_MAX_AGE_S, start_webapp
from tests.bot.webapp.fake_source import ALEX, MINJI, OTHER_TOKEN, TOKEN, FakeDashboardSource, init_data

pytestmark = pytest.mark.asyncio
API_GETS = (
    "/api/week",
    "/api/week?offset=1",
    "/api/exercises",
    "/api/exercise/squat",
    "/api/history",
    "/api/thumb/105/0.jpg",
    "/api/settings",
    "/api/strings?lang=ko",
    "/api/nothing-here",
)


@dataclass
class Running:
    source: FakeDashboardSource
    client: httpx.AsyncClient


@pytest_asyncio.fixture
async def web() -> AsyncIterator[Running]:
    source = FakeDashboardSource()
    server = await start_webapp(source, TOKEN, port=0)
    try:
        async with httpx.AsyncClient(base_url=server.url.rstrip("/"), timeout=10) as client:
            yield Running(source, client)
    finally:
        await server.stop()


def tma(user_id: int = MINJI, **kwargs: object) -> dict[str, str]:
    return {"Authorization": "tma " + init_data(user_id, **kwargs)}  # type: ignore[arg-type]


def signed_hash_swapped(new_hash: str) -> str:
    head = init_data(MINJI).rsplit("&hash=", 1)[0]
    return f"tma {head}&hash={new_hash}"


BAD_HEADERS = {
    "no header": (None, "no_header"),
    "another scheme": ("Bearer " + init_data(MINJI), "bad_scheme"),
    "empty initData": ("tma", "empty"),
    "wrong hash": (signed_hash_swapped("f" * 64), "wrong_hash"),
    "missing hash": ("tma " + init_data(MINJI).rsplit("&hash=", 1)[0], "missing_hash"),
    "another bot's token": ("tma " + init_data(MINJI, token=OTHER_TOKEN), "wrong_hash"),
    "stale date": ("tma " + init_data(MINJI, auth_date=time.time() - DEFAULT_MAX_AGE_S - 5), "expired"),
    "malformed query": ("tma user&&hash", "malformed"),
    "non-ASCII hash": (signed_hash_swapped(quote("해시" * 32)), "bad_hash"),
}


@pytest.mark.parametrize("case", sorted(BAD_HEADERS))
async def test_every_api_route_refuses_bad_init_data_and_asks_the_source_nothing(
    web: Running, case: str
) -> None:
    header, reason = BAD_HEADERS[case]
    headers = {} if header is None else {"Authorization": header}
    for path in API_GETS:
        response = await web.client.get(path, headers=headers)
        assert response.status_code == 401, path
        assert response.json() == {"error": reason}, path
        assert response.headers["content-type"].startswith("application/json")
    response = await web.client.post("/api/settings", headers=headers, content=b'{"voice_on": false}')
    assert response.status_code == 401 and response.json() == {"error": reason}
    assert web.source.calls == []


async def test_the_page_and_its_files_are_served_without_auth(web: Running) -> None:
    page = await web.client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "default-src 'self'" in page.headers["content-security-policy"]
    boot = json.loads(page.text.split('id="boot">', 1)[1].split("</script>", 1)[0])
    assert boot["locales"] == ["ko", "en"]
    assert boot["strings"]["ko"]["webapp-open-in-telegram"].startswith("이 페이지는 텔레그램")
    assert "Telegram" in boot["strings"]["en"]["webapp-auth-failed"]
    for name in ("app.js", "style.css"):
        assert (await web.client.get(f"/static/{name}")).status_code == 200
    assert "https://" not in page.text.replace("https://web.telegram.org", "")  # nothing from elsewhere
    assert web.source.calls == []


async def test_week_is_the_validated_users_own(web: Running) -> None:
    body = (await web.client.get("/api/week?lang=ko", headers=tma(MINJI))).json()
    assert body["totals"] == {"workouts": 4, "reps": 47, "hold_s": 0.0}
    assert body["trend"] == {"workouts": 2, "reps": 17}
    assert body["goal"] == {"target": 5, "done": 4} and body["streak_weeks"] == 3
    assert [d["day"] for d in body["days"]][0] == "2025-03-10" and len(body["days"]) == 7
    assert body["charts"]["days"].count('class="pt') == 7 and "스쿼트" in body["charts"]["exercises"]
    other = (await web.client.get("/api/week?offset=0&lang=en", headers=tma(ALEX, lang="en"))).json()
    assert other["totals"] == {"workouts": 1, "reps": 0, "hold_s": 45.0} and other["goal"] is None
    assert "Plank" in other["charts"]["exercises"]
    assert web.source.calls == [("week", MINJI), ("week", ALEX)]
    # the user comes from initData only: a user_id parameter changes nothing
    again = (await web.client.get(f"/api/week?user_id={ALEX}", headers=tma(MINJI))).json()
    assert again["totals"]["workouts"] == 4 and web.source.calls[-1] == ("week", MINJI)


async def test_exercise_series_and_rep_details(web: Running) -> None:
    body = (await web.client.get("/api/exercise/squat?lang=en", headers=tma())).json()
    knees = [
        next((c for c in s["conditions"] if c["condition"] == "knees_track_feet"), None)
        for s in body["sessions"]
    ]
    assert [round(c["pass_rate"], 4) for c in knees if c] == [0.5, 0.6667, 1.0, 0.75]
    assert body["session"] == 105 and len(body["sessions"][-1]["rep_details"]) == 4
    assert {"reps", "grade", "rom", "tempo", "lr", "condition:heels_down"} <= set(body["charts"])
    assert "condition:neutral_spine" not in body["charts"]  # never judged: no empty chart
    assert body["charts"]["tempo"].count('data-series="pause"') == 4  # 0.0 s is a point too
    first = (await web.client.get("/api/exercise/squat?session=101", headers=tma())).json()
    assert first["session"] == 101 and "rom" not in first["charts"]  # no per-rep data for that one
    assert (await web.client.get("/api/exercise/plank", headers=tma())).status_code == 404  # Alex's, not hers
    missing = await web.client.get("/api/exercise/Squat", headers=tma())
    assert missing.status_code == 404 and missing.json() == {"error": "not_found"}
    assert (await web.client.get("/api/exercises", headers=tma(ALEX))).json() == {"exercises": ["plank"]}


async def test_history_pages_and_thumbnails(web: Running) -> None:
    first = (await web.client.get("/api/history?limit=2", headers=tma())).json()
    assert [i["analysis_id"] for i in first["items"]] == [105, 104] and first["next_before"] == 104
    assert (
        first["items"][0]["thumbnails"] == 2
        and first["items"][0]["created_at"] == "2025-03-12T07:30:00+09:00"
    )
    rest = (await web.client.get("/api/history?limit=20&before=104", headers=tma())).json()
    assert [i["analysis_id"] for i in rest["items"]] == [103, 102, 101] and rest["next_before"] is None
    photo = await web.client.get("/api/thumb/105/1.jpg", headers=tma())
    assert photo.status_code == 200 and photo.headers["content-type"] == "image/jpeg"
    assert photo.content[:2] == b"\xff\xd8" and photo.headers["cache-control"] == "no-store"
    assert (await web.client.get("/api/thumb/105/0.jpg", headers=tma(ALEX))).status_code == 404  # not his


async def test_settings_read_change_and_validation(web: Running) -> None:
    body = (await web.client.get("/api/settings", headers=tma())).json()
    assert body["settings"] == {
        "language": "ko",
        "voice_on": True,
        "timezone": "Asia/Seoul",
        "weekly_summary": True,
        "keep_photos": True,
    }
    assert "Europe/Berlin" in body["timezones"] and body["languages"] == ["ko", "en"]
    change = {"voice_on": False, "keep_photos": False, "timezone": "Europe/London", "language": "en"}
    after = (await web.client.post("/api/settings", headers=tma(), json=change)).json()["settings"]
    assert after == {**change, "weekly_summary": True}
    assert (await web.client.get("/api/settings", headers=tma(ALEX))).json()["settings"]["language"] == "en"
    for bad, error in [
        ({"voice_on": "yes"}, "bad_voice_on"),
        ({"timezone": "Mars/Olympus"}, "bad_timezone"),
        ({"language": "ja"}, "bad_language"),
        ({"user_id": ALEX}, "bad_field"),
        ({}, "bad_body"),
        ([1], "bad_body"),
    ]:
        response = await web.client.post("/api/settings", headers=tma(), json=bad)
        assert (response.status_code, response.json()) == (400, {"error": error}), bad
    junk = await web.client.post("/api/settings", headers=tma(), content=b"{not json")
    assert junk.json() == {"error": "bad_body"}


async def test_strings_and_parameter_checks(web: Running) -> None:
    ko = (await web.client.get("/api/strings?lang=ko", headers=tma())).json()
    en = (await web.client.get("/api/strings?lang=en", headers=tma())).json()
    assert ko["strings"].keys() == en["strings"].keys()
    assert ko["strings"]["webapp-tab-week"] == "이번 주" and en["strings"]["webapp-tab-week"] == "This week"
    assert ko["strings"]["webapp-streak"] == "{count}주 연속으로 목표를 달성했어요"
    assert ko["strings"]["condition-squat-knees_track_feet"] == "무릎과 발 방향 일치"
    assert en["strings"]["grade-perfect"] == "Perfect" and "exercise-name" not in en["strings"]
    for path, error in [
        ("/api/strings?lang=ja", "bad_lang"),
        ("/api/week?offset=-1", "bad_offset"),
        ("/api/week?offset=9999", "bad_offset"),
        ("/api/week?offset=%EF%BC%91", "bad_offset"),  # a full-width digit
        ("/api/history?limit=0", "bad_limit"),
        ("/api/history?before=" + "9" * 40, "bad_before"),
        ("/api/exercise/squat?session=x", "bad_session"),
    ]:
        response = await web.client.get(path, headers=tma())
        assert (response.status_code, response.json()) == (400, {"error": error}), path
    assert (await web.client.delete("/api/settings", headers=tma())).json() == {"error": "bad_method"}


async def test_stop_closes_the_listener() -> None:
    server = await start_webapp(FakeDashboardSource(), TOKEN, port=0)
    async with httpx.AsyncClient(timeout=5) as client:
        assert (await client.get(server.url)).status_code == 200
    await server.stop()
    async with httpx.AsyncClient(timeout=5) as client:
        with pytest.raises(httpx.ConnectError):
            await client.get(server.url)
