"""Both real adapters in one process: a Telegram newcomer is helped by a Discord mentor."""

from __future__ import annotations

import asyncio
import contextlib
import signal
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from conftest import make_settings
from emulators.discord_api import DiscordEmulator, SentMessage
from emulators.telegram_api import TelegramEmulator, make_user, supergroup_chat
from telegram_fixtures import guide_env, seed_data_dir, start_guide_run

from adapters.discord import DiscordAdapter
from adapters.telegram import TelegramAdapter
from bot.answering.service import Answering
from bot.bootstrap import compose
from bot.runtime import Runtime
from bot.store import open_database
from bot.store.records import Store

TG_MENTORS = -1_001_000_000_555
ANA = make_user(42, "Ana", language_code="es")


def custom_id(message: SentMessage, label: str) -> str:
    for row in message.components:
        for button in row["components"]:
            if label in button["label"]:
                return str(button["custom_id"])
    raise AssertionError(f"no button {label!r}")


@contextlib.asynccontextmanager
async def running_both(
    tmp_path: Path, answering: Answering
) -> AsyncIterator[tuple[TelegramEmulator, DiscordEmulator, Runtime]]:
    """Both emulators, one runtime, both real adapters."""
    async with TelegramEmulator() as tg, DiscordEmulator(mentors=["mia"]) as dc:
        tg.add_chat(supergroup_chat(TG_MENTORS, "Mentors"))
        with dc.patch_discord():
            settings = make_settings(
                tmp_path,
                TELEGRAM_BOT_TOKEN=tg.token,
                TELEGRAM_API_BASE_URL=tg.base_url,
                TELEGRAM_MENTOR_CHAT_ID=str(TG_MENTORS),
                DISCORD_BOT_TOKEN="x",
                DISCORD_API_BASE_URL=dc.rest_base,
                DISCORD_GATEWAY_URL=str(dc.gateway_url),
                DISCORD_MENTOR_CHANNEL_ID=str(dc.mentor_channel_id),
                DISCORD_GUILD_IDS=str(dc.guild_id),
            )
            db = open_database(settings.db_path)
            runtime = Runtime(compose(settings, Store(db), answering))
            await runtime.start(tick=False)
            telegram = TelegramAdapter(settings, runtime)
            discord = DiscordAdapter(settings, runtime, guild_ready_timeout=0.1, identify_pause=0)
            await telegram.start()
            await discord.start()
            try:
                yield tg, dc, runtime
            finally:
                await discord.stop()
                await telegram.stop()
                await runtime.stop()
                db.close()


@pytest.fixture
async def both(
    tmp_path: Path, answering: Answering
) -> AsyncIterator[tuple[TelegramEmulator, DiscordEmulator, Runtime]]:
    async with running_both(tmp_path, answering) as running:
        yield running


async def test_a_telegram_newcomer_and_a_discord_mentor_talk_through_one_bot(
    both: tuple[TelegramEmulator, DiscordEmulator, Runtime],
) -> None:
    tg, dc, runtime = both

    def to_ana(containing: str) -> object:
        return tg.wait_for(
            lambda c: (
                c.method == "sendMessage"
                and c.ok
                and c.chat_id == ANA["id"]
                and containing in str((c.result or {}).get("text", ""))
            )
        )

    tg.user_sends(ANA["id"], ANA, "necesito hablar con una persona")
    await to_ana("la cola")
    await tg.wait_for(lambda c: c.method == "sendMessage" and c.chat_id == TG_MENTORS)
    announcement = await dc.wait_for_sent(dc.mentor_channel_id)
    assert "Ana (telegram, es)" in announcement.content

    dc.click_button("mia", announcement.id, custom_id(announcement, "Claim"), dc.mentor_channel_id)
    await to_ana("mentor voluntario")
    await tg.wait_for(
        lambda c: (
            c.method == "editMessageText"
            and c.chat_id == TG_MENTORS
            and "claimed by" in str(c.params.get("text", ""))
        )
    )
    await dc.wait_for(lambda: dc.threads)
    thread = dc.threads[0].id

    tg.user_sends(ANA["id"], ANA, "hola, me suspendieron la cuenta")
    await dc.wait_for(
        lambda: any(m.content == "Ana: hola, me suspendieron la cuenta" for m in dc.sent(thread))
    )
    dc.user_sends(thread, "mia", "¡Hola Ana! ¿Qué publicaste?")
    await to_ana("¡Hola Ana! ¿Qué publicaste?")

    tg.user_sends(ANA["id"], ANA, "/end")
    await to_ana("¿Te ayudó?")
    assert await runtime.drain(5)


@pytest.mark.slow
async def test_guide_run_serves_discord_and_telegram_from_one_process(
    tmp_path: Path, answering: Answering
) -> None:
    """`guide run` with both tokens and the test URLs, against emulators started here."""
    seed_data_dir(answering, tmp_path / "data")
    async with TelegramEmulator() as tg, DiscordEmulator(newcomers=["alice"]) as dc:
        env = guide_env(
            tg,
            tmp_path / "data",
            DISCORD_BOT_TOKEN="x",
            DISCORD_API_BASE_URL=dc.rest_base,
            DISCORD_GATEWAY_URL=str(dc.gateway_url),
            DISCORD_GUILD_IDS=str(dc.guild_id),
        )
        log = tmp_path / "guide.log"
        process = await start_guide_run(env, log)
        try:
            await tg.wait_for(lambda c: c.method == "deleteWebhook", timeout=90)
            await dc.wait_for(lambda: dc.identify_count >= 1, timeout=90)
            tg.user_sends(ANA["id"], ANA, "¿qué es el impuesto del gato?")
            dm = dc.dm_channel_for("alice")
            dc.user_sends(dm, "alice", "what does yyds mean")
            answer = await tg.wait_for(
                lambda c: c.method == "sendMessage" and c.ok and c.chat_id == ANA["id"],
                timeout=30,
            )
            assert "Fuente:" in str(answer.result["text"])
            reply = await dc.wait_for_sent(dm, timeout=30)
            assert "📖 Source:" in reply.content and "yyds" in reply.content.lower()
        finally:
            if process.returncode is None:
                process.send_signal(signal.SIGTERM)
            code = await asyncio.wait_for(process.wait(), timeout=30)
    output = log.read_text()
    assert code == 0, output
    assert "Traceback" not in output, output
