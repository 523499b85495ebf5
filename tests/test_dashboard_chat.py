"""An admin gets a working dashboard link from `/dashboard` through the real Telegram and
Discord clients and their emulators, and signs in with it on the running bot's dashboard."""

from __future__ import annotations

from collections.abc import AsyncIterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from pathlib import Path

from dashboard_fixtures import client, dashboard_env, link_in, sign_in
from telegram_fixtures import MIA, MakeBot
from telegram_fixtures import make_bot as make_bot  # the fixture
from test_discord import emu as emu  # the fixture
from test_discord import start_guide

from bot.answering.service import Answering
from bot.dashboard.server import DashboardServer, running_site
from bot.runtime import Runtime

try:
    from tests.emulators.discord_api import DiscordEmulator
except ImportError:  # tests/ is not a package: pytest puts tests/ itself on sys.path
    from emulators.discord_api import DiscordEmulator  # type: ignore[no-redef]


@asynccontextmanager
async def served(runtime: Runtime) -> AsyncIterator[DashboardServer]:
    """The dashboard of a running bot, as `guide run` serves it."""
    pool = ThreadPoolExecutor(max_workers=1)
    settings = runtime.engine.settings
    server = DashboardServer(running_site(runtime, pool), "127.0.0.1", settings.dashboard_port)
    await server.start()
    try:
        yield server
    finally:
        await server.stop()
        pool.shutdown(wait=False)


async def _signs_in(runtime: Runtime, link: str, name: str) -> None:
    async with served(runtime) as server, client() as http:
        assert link.startswith(server.url + "/login/")
        signed = await sign_in(http, link)
        assert signed.status == 303
        async with http.get(server.url + "/") as page:
            html = await page.text()
        assert page.status == 200 and f"{name} (admin)" in html and "<svg" in html
        async with http.get(server.url + "/gaps") as page:
            assert page.status == 200
        assert (await sign_in(http, link)).status == 403  # used up


async def test_an_admin_gets_a_working_link_through_telegram(make_bot: MakeBot) -> None:
    bot = await make_bot(GUIDE_ADMINS=f"telegram:{MIA['id']}", **dashboard_env())
    group = await bot.says(MIA, "/dashboard", chat=-1_001_000_000_777, chat_type="supergroup")
    assert "private chat" in bot.text(group) and "/login/" not in bot.text(group)
    reply = await bot.says(MIA, "/dashboard", containing="/login/")
    await _signs_in(bot.runtime, link_in(bot.text(reply)), "Mia")


async def test_an_admin_gets_a_working_link_through_discord(
    emu: DiscordEmulator, tmp_path: Path, answering: Answering
) -> None:
    mia = emu.user("mia")
    guide, db = await start_guide(
        emu, tmp_path, answering, GUIDE_ADMINS=f"discord:{mia.id}", **dashboard_env()
    )
    try:
        iid = emu.slash_command("mia", "dashboard", guild=False)
        deferred = await emu.wait_for_interaction_response(iid)
        content = await emu.wait_for(
            lambda: emu.message(deferred.message_id).get("content")  # type: ignore[misc]
        )
        await _signs_in(guide.runtime, link_in(str(content)), "mia")
    finally:
        await guide.adapter.stop()
        await guide.runtime.stop()
        db.close()
