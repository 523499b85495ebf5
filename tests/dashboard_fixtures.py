"""The dashboard for tests: a real aiohttp server over the test's engine, and a client that
signs in through a link the bot issued, like a person clicking it."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any

import aiohttp
import pytest
from telegram_fixtures import free_port

from bot.dashboard.server import DashboardServer
from bot.dashboard.site import Site, Work
from bot.engine import Engine
from bot.models import Outgoing

LINK = re.compile(r"https?://\S+/login/[A-Za-z0-9_-]+")


def direct_site(engine: Engine) -> Site:
    """A Site over the test's engine: reads and writes on its own connection, in order."""
    store = engine.store

    async def read(work: Work) -> Any:
        return work(store.db)

    async def write(work: Work) -> Any:
        with store.atomic():
            return work(store.db)

    return Site(engine.settings, engine.clock, engine.answering, read, write)


def dashboard_env(**extra: str) -> dict[str, str]:
    """Settings that switch the dashboard on, on a free loopback port."""
    return {"GUIDE_DASHBOARD_PORT": str(free_port()), **extra}


def link_in(messages: list[Outgoing] | str) -> str:
    """The login link in what the bot said."""
    text = messages if isinstance(messages, str) else " ".join(m.text for m in messages)
    found = LINK.search(text)
    assert found, f"no login link in {text!r}"
    return found.group(0)


@pytest.fixture
async def dashboard(engine: Engine) -> AsyncIterator[DashboardServer]:
    """The dashboard of the test's engine, served on GUIDE_DASHBOARD_PORT."""
    server = DashboardServer(direct_site(engine), "127.0.0.1", engine.settings.dashboard_port)
    await server.start()
    yield server
    await server.stop()


def client(**headers: str) -> aiohttp.ClientSession:
    """A browser-like client: it keeps cookies, even for 127.0.0.1."""
    return aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True), headers=headers)


async def sign_in(http: aiohttp.ClientSession, link: str) -> aiohttp.ClientResponse:
    """Open a login link and press its button; the response to the press (not followed)."""
    async with http.get(link) as page:
        assert page.status == 200
        html = await page.text()
    token = re.search(r'name="token" value="([^"]+)"', html)
    assert token, html
    action = link.rsplit("/login/", 1)[0] + "/login"
    async with http.post(action, data={"token": token.group(1)}, allow_redirects=False) as done:
        await done.read()
        return done


async def csrf_of(http: aiohttp.ClientSession, url: str) -> str:
    async with http.get(url) as page:
        html = await page.text()
    found = re.search(r'name="csrf" value="([^"]+)"', html)
    assert found, html
    return found.group(1)


ANSWERABLE = (
    "what is the cat tax",
    "what does yyds mean",
    "how do I change the app language to english",
    "is rednote safe to use",
    "¿qué significa yyds?",
    "小红书安全吗",
)
MISSES = (
    "how do I bake sourdough bread",
    "sourdough bread recipe please",
    "what's the weather in Shanghai today",
    "can you write my essay on rome",
)


def seed_week(chat: Any, clock: Any) -> None:
    """A week of activity: questions on both platforms, votes, misses, rated handoffs."""
    from test_handoff import DC_ROOM, announcement, space

    end = clock.now
    clock.now = end - timedelta(days=6, hours=4)
    mei = chat.person("discord", "500", "Mei", chat_id="888", room_member=True)
    for day in range(7):
        for number in range(2 + day % 4):
            platform = "telegram" if number % 3 else "discord"
            person = chat.person(platform, f"7{day}{number}0000", f"Newcomer{day}{number}")
            text = ANSWERABLE[(day + number) % len(ANSWERABLE)]
            chat.say(person, text)
            if person.last().buttons and number % 2 == 0:
                chat.press(person, "👍" if day % 3 else "👎")
            if (day + number) % 3 == 0:
                chat.say(person, MISSES[(day + number) % len(MISSES)])
            clock.advance(minutes=37)
        asker = chat.person("telegram", f"8{day}00000", f"Asker{day}")
        chat.say(asker, "how do I appeal a ban on my account")
        chat.say(asker, "/mentor")
        clock.advance(minutes=2 + 3 * day)
        brief = announcement(chat, DC_ROOM)
        chat.press(mei, "Claim", message=brief, where=DC_ROOM, kind="mentor_room")
        _, thread = space(chat)
        chat.say(mei, "Hi! Appeals go through the app's feedback form.", where=thread)
        chat.say(asker, "thank you, I'll try that")
        clock.advance(minutes=9)
        chat.say(asker, "/end")
        rating = [b for row in asker.last().buttons for b in row if b.label == str(3 + day % 3)]
        if rating:
            chat.press_token(asker, rating[0].token)
        clock.advance(hours=20)
    clock.now = max(clock.now, end)
