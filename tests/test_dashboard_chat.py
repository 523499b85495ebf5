"""An admin gets a working dashboard link from `/dashboard` through the real Telegram and
Discord clients and their emulators, and signs in with it on the running bot's dashboard."""

from __future__ import annotations

import asyncio
import signal
from collections.abc import AsyncIterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from dashboard_fixtures import client, dashboard_env, link_in, sign_in
from emulators.telegram_api import TelegramEmulator
from telegram_fixtures import MIA, MakeBot, guide_env, seed_data_dir, start_guide_run
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


@pytest.mark.slow
async def test_guide_run_serves_the_dashboard_on_its_port(
    tmp_path: Path, answering: Answering
) -> None:
    seed_data_dir(answering, tmp_path / "data")
    async with TelegramEmulator() as emu:
        port = dashboard_env()["GUIDE_DASHBOARD_PORT"]
        env = guide_env(
            emu,
            tmp_path / "data",
            GUIDE_DASHBOARD_PORT=port,
            GUIDE_ADMINS=f"telegram:{MIA['id']}",
            GUIDE_LOG_LEVEL="DEBUG",
        )
        log = tmp_path / "guide.log"
        process = await start_guide_run(env, log)
        try:
            await emu.wait_for(lambda c: c.method == "deleteWebhook", timeout=90)
            mark = emu.mark()
            emu.user_sends(MIA["id"], MIA, "/dashboard")
            reply = await emu.wait_for(
                lambda c: c.method == "sendMessage" and c.ok and c.chat_id == MIA["id"],
                timeout=20,
                since=mark,
            )
            link = link_in(str(reply.result["text"]))
            assert link.startswith(f"http://127.0.0.1:{port}/login/")
            async with client() as http:
                signed = await sign_in(http, link)
                assert signed.status == 303
                session_id = signed.cookies["guide_dashboard"].value
                async with http.get(f"http://127.0.0.1:{port}/") as page:
                    assert page.status == 200 and "Mia (admin)" in await page.text()
        finally:
            if process.returncode is None:
                process.send_signal(signal.SIGTERM)
            code = await asyncio.wait_for(process.wait(), timeout=20)
        output = log.read_text()
        assert code == 0, output
        assert "dashboard on http://127.0.0.1:" in output and "signed in" in output
        token = link.rsplit("/", 1)[1]
        assert token not in output and session_id not in output
