"""The dashboard in a real headless Chromium (Debian's package, driven by Selenium): sign in
through a link the bot issued, see the overview's charts, open a gap cluster and a
transcript, sign out. A screenshot of the overview is saved in the test's directory."""

from __future__ import annotations

import asyncio
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from chat import Conversation
from conftest import Clock, make_settings
from dashboard_fixtures import dashboard as dashboard  # the fixture
from dashboard_fixtures import dashboard_env, link_in, seed_week

from bot.dashboard.server import DashboardServer
from bot.settings import Settings

CHROMIUM = next(
    (p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None
)
DRIVER = shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None or DRIVER is None,
    reason="no chromium and chromedriver here (apt-get install chromium chromium-driver)",
)
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return make_settings(tmp_path, **dashboard_env())


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Any]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (*FLAGS, f"--user-data-dir={tmp_path / 'chromium-profile'}"):
        options.add_argument(flag)
    options.add_argument("--window-size=1280,1700")
    driver = webdriver.Chrome(service=Service(executable_path=str(DRIVER)), options=options)
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()


async def test_sign_in_see_charts_open_a_cluster_and_a_transcript_sign_out(
    chat: Conversation,
    clock: Clock,
    dashboard: DashboardServer,
    browser: Any,
    tmp_path: Path,
) -> None:
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.expected_conditions import staleness_of
    from selenium.webdriver.support.ui import WebDriverWait

    seed_week(chat, clock)
    root = chat.person("telegram", "1", "Root")
    link = link_in(chat.say(root, "/dashboard"))

    def loaded(driver: Any) -> bool:
        return bool(driver.execute_script("return document.readyState") == "complete")

    def click(by: str, value: str) -> None:
        """Click once the page has finished loading, then wait for the next page to replace
        this one and finish loading too."""
        settle = WebDriverWait(browser, 30, ignored_exceptions=(WebDriverException,))
        settle.until(loaded)
        page = browser.find_element(By.TAG_NAME, "html")
        stale = staleness_of(page)

        def gone(driver: Any) -> bool:
            # Chromium may say a node of the old page "does not belong to the document"
            # instead of calling it stale: the page has been replaced all the same.
            try:
                return bool(stale(driver))
            except WebDriverException as exc:
                if "does not belong to the document" in str(exc):
                    return True
                raise

        def press(driver: Any) -> bool:
            # On a loaded machine Chromium has refused a click on a node it was still
            # attaching ("does not belong to the document"): if the page did not move on,
            # find the element again and click again.
            try:
                driver.find_element(by, value).click()
            except WebDriverException:
                return gone(driver)
            return True

        WebDriverWait(browser, 30).until(press)
        WebDriverWait(browser, 30).until(gone)
        settle.until(loaded)

    def sign_in_and_look() -> dict[str, Any]:
        seen: dict[str, Any] = {}
        browser.get(link)
        click(By.ID, "sign-in")
        seen["overview"] = browser.find_element(By.TAG_NAME, "h1").text
        seen["charts"] = len(browser.find_elements(By.CSS_SELECTOR, "svg.chart"))
        seen["bars"] = len(browser.find_elements(By.CSS_SELECTOR, "svg.chart rect"))
        browser.save_screenshot(str(tmp_path / "overview.png"))
        click(By.LINK_TEXT, "Gaps")
        seen["gaps"] = browser.find_element(By.TAG_NAME, "h1").text
        browser.save_screenshot(str(tmp_path / "gaps.png"))
        click(By.LINK_TEXT, "#1")
        seen["cluster"] = browser.find_element(By.TAG_NAME, "h1").text
        seen["cluster_rows"] = len(browser.find_elements(By.CSS_SELECTOR, "tbody tr"))
        click(By.LINK_TEXT, "Handoffs")
        click(By.LINK_TEXT, "#1")
        seen["handoff"] = browser.find_element(By.TAG_NAME, "h1").text
        seen["transcript"] = browser.find_element(By.CLASS_NAME, "transcript").text
        browser.save_screenshot(str(tmp_path / "handoff.png"))
        click(By.LINK_TEXT, "Knowledge")
        browser.save_screenshot(str(tmp_path / "knowledge.png"))
        click(By.CSS_SELECTOR, "form.logout button")
        seen["signed_out"] = browser.find_element(By.TAG_NAME, "main").text
        browser.get(dashboard.url + "/")
        seen["after"] = browser.find_element(By.TAG_NAME, "main").text
        return seen

    seen = await asyncio.to_thread(sign_in_and_look)
    assert seen["overview"].startswith("Overview") and seen["charts"] >= 8 and seen["bars"] > 20
    assert (tmp_path / "overview.png").stat().st_size > 10_000
    if os.environ.get("DASHBOARD_SCREENSHOT"):  # to refresh docs/dashboard.png
        shutil.copy(tmp_path / "overview.png", os.environ["DASHBOARD_SCREENSHOT"])
    assert seen["gaps"].startswith("Knowledge gaps") and seen["cluster"].startswith("Cluster 1")
    assert seen["cluster_rows"] >= 1
    assert seen["handoff"] == "Handoff #1"
    assert "Asker0" in seen["transcript"] and "feedback form" in seen["transcript"]
    assert "You are signed out" in seen["signed_out"]
    assert "Send /dashboard to the bot" in seen["after"]
