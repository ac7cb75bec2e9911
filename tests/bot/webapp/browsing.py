"""Driving the Mini App in real Chromium (Playwright, headless, /usr/bin/chromium) for the browser tests.

Telegram is simulated the way a test can: ``window.Telegram.WebApp`` injected before the page loads
(initData, themeParams, colorScheme), or the launch parameters in the URL fragment as Telegram clients
pass them. ``Web.open`` opens the page like that and records every /api/ response and script error.

Without Playwright for Python or /usr/bin/chromium the browser tests skip (``SKIP``), except under CI
(``CI`` set): then importing this module fails, so they cannot pass unnoticed. Nothing downloads a browser.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tests.paths import ROOT

try:
    from playwright.async_api import Browser, BrowserContext, Page, async_playwright, expect
except ImportError:  # pragma: no cover - CI without the package
    async_playwright = expect = None  # type: ignore[assignment]
    Browser = BrowserContext = Page = Any  # type: ignore[misc,assignment]

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = ROOT / "out" / "screenshots"
MISSING = (
    "Playwright for Python" if async_playwright is None else None if CHROMIUM.exists() else str(CHROMIUM)
)
if MISSING and os.environ.get("CI"):
    raise RuntimeError(f"CI must run the browser tests, but {MISSING} is missing")
SKIP = pytest.mark.skipif(MISSING is not None, reason=f"{MISSING} is not installed")
DARK = {
    "bg_color": "#18222d",
    "text_color": "#ffffff",
    "hint_color": "#b1c3d5",
    "link_color": "#62bcf9",
    "button_color": "#2ea6ff",
    "button_text_color": "#ffffff",
    "secondary_bg_color": "#131415",
}


@dataclass
class Web:
    """One Mini App server (``url``) seen through one browser: pages opened, API responses, script errors."""

    url: str
    browser: Browser
    source: Any = None  # the test's data source, when it has one
    contexts: list[BrowserContext] = field(default_factory=list)
    api: list[tuple[str, int]] = field(default_factory=list)  # (path, status) of every /api/ response
    errors: list[str] = field(default_factory=list)

    async def open(
        self,
        *,
        data: str | None = None,
        theme: dict[str, str] | None = None,
        scheme: str = "light",
        locale: str = "ko-KR",
        fragment: str = "",
        wait: bool = True,
    ) -> Page:
        context = await self.browser.new_context(locale=locale, viewport={"width": 420, "height": 860})
        self.contexts.append(context)
        if data is not None:
            webapp = {"initData": data, "themeParams": theme or {}, "colorScheme": scheme}
            await context.add_init_script(script=f"window.Telegram = {{WebApp: {json.dumps(webapp)}}};")
        page = await context.new_page()
        page.on("response", self._response)
        page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        await page.goto(self.url + fragment)
        if wait:
            await page.wait_for_selector("body[data-ready='1']", timeout=15_000)
        return page

    async def close(self) -> None:
        for context in self.contexts:
            await context.close()
        self.contexts.clear()

    def _response(self, response: Any) -> None:
        path = response.url.split("//", 1)[1].split("/", 1)[1]
        if path.startswith("api/"):
            self.api.append(("/" + path.split("?", 1)[0], response.status))


async def launch() -> Any:
    """(playwright, browser): start Chromium; stop both with ``stop``."""
    playwright = await async_playwright().start()
    return playwright, await playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True)


async def stop(playwright: Any, browser: Browser) -> None:
    await browser.close()
    await playwright.stop()


async def shot(page: Page, name: str) -> Path:
    """Save a screenshot, after checking the page shows no leftovers of a rendering slip."""
    shown = await page.inner_text("body")
    assert not re.search(r"\b(null|undefined|NaN)\b|[{}]|webapp-", shown), shown
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    await page.screenshot(path=str(path), full_page=True)
    return path


async def points(page: Page, selector: str) -> list[tuple[str, float]]:
    found = await page.eval_on_selector_all(
        f"{selector} .pt", "els => els.map(e => [e.dataset.x, Number(e.dataset.y)])"
    )
    return [(x, y) for x, y in found]


async def text(page: Page, selector: str) -> str:
    return (await page.inner_text(selector)).strip()
