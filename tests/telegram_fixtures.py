"""A running Telegram bot for tests: the emulator, the real engine and runtime, the real adapter."""

from __future__ import annotations

import asyncio
import os
import shutil
import socket
import sqlite3
import sys
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from conftest import make_settings
from emulators.telegram_api import (
    ApiCall,
    JSONDict,
    TelegramEmulator,
    make_user,
    supergroup_chat,
)

from adapters.telegram import TelegramAdapter
from bot.answering.service import Answering
from bot.bootstrap import compose
from bot.runtime import Runtime
from bot.settings import Settings
from bot.store import open_database
from bot.store.records import Store

MENTOR_GROUP = -1_001_000_000_777
ANA = make_user(42, "Ana", language_code="en")
MIA = make_user(77, "Mia", language_code="en")
BOB = make_user(55, "Bob", language_code="en")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class TelegramBot:
    """The bot under test and the helpers a test talks to it with."""

    emu: TelegramEmulator
    settings: Settings
    store: Store
    runtime: Runtime
    adapter: TelegramAdapter
    extra: dict[str, Any] = field(default_factory=dict)

    async def reply(
        self, chat_id: int, since: int, *, containing: str = "", timeout: float = 5.0
    ) -> ApiCall:
        """The next message the bot sent to a chat after `since` (containing a text, if given)."""
        return await self.emu.wait_for(
            lambda c: (
                c.method == "sendMessage"
                and c.ok
                and c.chat_id == chat_id
                and containing in self.text(c)
            ),
            timeout,
            since=since,
        )

    async def says(
        self, user: JSONDict, text: str, *, chat: Any = None, containing: str = "", **kwargs: Any
    ) -> ApiCall:
        """A user writes; returns the bot's (first matching) answer in that chat."""
        mark = self.emu.mark()
        where = user["id"] if chat is None else chat
        self.emu.user_sends(where, user, text, **kwargs)
        chat_id = where if isinstance(where, int) else where["id"]
        return await self.reply(chat_id, mark, containing=containing)

    async def presses(
        self,
        user: JSONDict,
        call: ApiCall,
        label: str,
        *,
        containing: str = "",
        reply_to: Any = None,
    ) -> ApiCall:
        """A user presses the button labelled `label` under a message the bot sent."""
        chat_id = call.chat_id
        assert chat_id is not None and call.message_id is not None
        mark = self.emu.mark()
        self.emu.user_presses(chat_id, user, call.message_id, button(call, label))
        return await self.reply(reply_to or chat_id, mark, containing=containing)

    def text(self, call: ApiCall) -> str:
        """What the user sees: the text of a sent message after HTML parsing."""
        result = call.result
        return str(result.get("text", "")) if isinstance(result, dict) else ""

    def outbox_states(self) -> list[tuple[str, str, str]]:
        rows = self.store.db.execute("SELECT chat_id, state, error FROM outbox ORDER BY id")
        return [(str(r[0]), str(r[1]), str(r[2] or "")) for r in rows.fetchall()]


def button(call: ApiCall, label: str) -> str:
    """The callback data of the first button whose label contains `label`."""
    rows = (call.reply_markup or {}).get("inline_keyboard", [])
    found = [b["callback_data"] for row in rows for b in row if label in b["text"]]
    assert found, f"no {label!r} in {[b['text'] for row in rows for b in row]}"
    return str(found[0])


def labels(call: ApiCall) -> list[str]:
    rows = (call.reply_markup or {}).get("inline_keyboard", [])
    return [str(b["text"]) for row in rows for b in row]


MakeBot = Callable[..., Awaitable[TelegramBot]]


@pytest.fixture
async def make_bot(tmp_path: Path, answering: Answering) -> AsyncIterator[MakeBot]:
    """Start bots on demand: `await make_bot(forum=True, webhook=True, strict=True, **env)`."""
    running: list[tuple[TelegramEmulator, Runtime, TelegramAdapter, Store]] = []

    async def make(
        *, forum: bool = False, webhook: bool = False, strict: bool = False, **env: Any
    ) -> TelegramBot:
        emu = TelegramEmulator(strict_private_chats=strict)
        await emu.start()
        emu.add_chat(supergroup_chat(MENTOR_GROUP, "Mentors", is_forum=forum))
        overrides: dict[str, Any] = {
            "TELEGRAM_BOT_TOKEN": emu.token,
            "TELEGRAM_API_BASE_URL": emu.base_url,
            "TELEGRAM_MENTOR_CHAT_ID": str(MENTOR_GROUP),
            "DISCORD_MENTOR_CHANNEL_ID": "",
        }
        if webhook:
            port = free_port()
            overrides.update(
                TELEGRAM_WEBHOOK_URL=f"http://127.0.0.1:{port}/telegram/hook",
                TELEGRAM_WEBHOOK_SECRET="only-telegram-knows_1",
                TELEGRAM_WEBHOOK_LISTEN=f"127.0.0.1:{port}",
            )
        overrides.update(env)
        settings = make_settings(tmp_path / f"bot{len(running)}", **overrides)
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        store = Store(open_database(settings.db_path))
        runtime = Runtime(compose(settings, store, answering))
        await runtime.start(tick=False)
        adapter = TelegramAdapter(settings, runtime)
        running.append((emu, runtime, adapter, store))
        await adapter.start()
        return TelegramBot(emu, settings, store, runtime, adapter)

    yield make
    for emu, runtime, adapter, store in reversed(running):
        await adapter.stop()
        await runtime.stop()
        await emu.stop()
        store.db.close()
        # stop() cancels the pending long poll; the emulator notes that as a lost connection
        crashes = [e for e in emu.internal_errors if not isinstance(e, ConnectionResetError)]
        assert crashes == [], crashes


def seed_data_dir(answering: Answering, data_dir: Path) -> None:
    """Copy the session's index into a data dir, so `guide run` finds nothing to embed."""
    index = answering.index
    data_dir.mkdir(parents=True)
    with sqlite3.connect(data_dir / "guide.db") as copy:
        index._db.conn.backup(copy)
    persist = index._client.get_settings().persist_directory
    shutil.copytree(str(persist), data_dir / "chroma")


def guide_env(emu: TelegramEmulator, data_dir: Path, **extra: str) -> dict[str, str]:
    """The environment of a `guide run` process served by the emulator."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("TELEGRAM_", "DISCORD_", "GUIDE_"))
    }
    env.update(
        TELEGRAM_BOT_TOKEN=emu.token,
        TELEGRAM_API_BASE_URL=emu.base_url,
        GUIDE_DATA_DIR=str(data_dir),
        GUIDE_KNOWLEDGE_DIR=str(Path(__file__).resolve().parent.parent / "knowledge"),
        **extra,
    )
    return env


async def start_guide_run(env: dict[str, str], log: Path) -> asyncio.subprocess.Process:
    """`guide run` as its own process; its stderr is appended to `log`."""
    with log.open("ab") as stderr:
        return await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot.cli",
            "run",
            cwd=Path(__file__).resolve().parent.parent,
            env=env,
            stdin=asyncio.subprocess.DEVNULL,
            stdout=asyncio.subprocess.DEVNULL,
            stderr=stderr,
        )
