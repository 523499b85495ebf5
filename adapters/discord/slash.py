"""The slash commands: each one only hands `/name args` to the adapter."""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, Literal

import discord
from discord import app_commands

from bot.handoff.desk import MENTOR_COMMANDS as CORE_MENTOR_COMMANDS

Run = Callable[[discord.Interaction, str, tuple[object, ...]], Awaitable[None]]

MENTOR_COMMANDS = frozenset(CORE_MENTOR_COMMANDS)
SYNC_STAMP = "discord-commands.sha256"
logger = logging.getLogger(__name__)


def register(tree: app_commands.CommandTree[Any], run: Run) -> None:
    """Add every newcomer and mentor command to the tree (as global commands)."""

    def plain(name: str, description: str) -> None:
        async def callback(interaction: discord.Interaction) -> None:
            await run(interaction, name, ())

        tree.add_command(
            app_commands.Command(name=name, description=description, callback=callback)
        )

    plain("topics", "Browse the guide by topic")
    plain("mentor", "Ask for a volunteer mentor")
    plain("privacy", "What the bot stores and for how long")
    plain("forget", "Delete everything the bot stores about you")
    plain("help", "The commands")
    plain("cancel", "Leave the mentor queue")
    plain("end", "End the conversation with your mentor")
    plain("queue", "(mentors) Requests waiting for a mentor")
    plain("close", "(mentors) Close the conversation")
    plain("mine", "(mentors) Your open handoffs")

    @tree.command(name="ask", description="Ask the guide a question")
    @app_commands.describe(question="Your question, in your own words")
    async def ask(interaction: discord.Interaction, question: str) -> None:
        await run(interaction, "ask", (question,))

    @tree.command(name="language", description="Choose the bot's language")
    @app_commands.describe(code="en, es or zh")
    async def language(
        interaction: discord.Interaction, code: Literal["en", "es", "zh"] | None = None
    ) -> None:
        await run(interaction, "language", (code,))

    @tree.command(name="claim", description="(mentors) Take a request")
    @app_commands.rename(number="id")
    @app_commands.describe(number="The request number (see /queue)")
    async def claim(interaction: discord.Interaction, number: int) -> None:
        await run(interaction, "claim", (number,))

    @tree.command(name="release", description="(mentors) Hand the request back to the queue")
    @app_commands.describe(note="A note for the next mentor")
    async def release(interaction: discord.Interaction, note: str | None = None) -> None:
        await run(interaction, "release", (note,))

    @tree.command(name="transcript", description="(mentors) The transcript of a handoff")
    @app_commands.rename(number="id")
    @app_commands.describe(number="The request number")
    async def transcript(interaction: discord.Interaction, number: int) -> None:
        await run(interaction, "transcript", (number,))

    @tree.command(name="shift", description="(mentors) Start or end your shift")
    async def shift(interaction: discord.Interaction, state: Literal["on", "off"]) -> None:
        await run(interaction, "shift", (state,))

    @tree.command(name="languages", description="(mentors) The languages you speak")
    @app_commands.describe(codes="For example: en es zh")
    async def languages(interaction: discord.Interaction, codes: str) -> None:
        await run(interaction, "languages", (codes,))

    @tree.command(name="name", description="(mentors) The name newcomers see")
    async def name(interaction: discord.Interaction, display: str) -> None:
        await run(interaction, "name", (display,))

    @tree.command(name="block", description="(mentors) Stop a user everywhere")
    @app_commands.describe(user="platform:id, for example discord:1234 or telegram:5678")
    async def block(interaction: discord.Interaction, user: str) -> None:
        await run(interaction, "block", (user,))

    @tree.command(name="suggest", description="(mentors) Save your last answer as a draft article")
    @app_commands.describe(title="A title for the draft (optional)")
    async def suggest(interaction: discord.Interaction, title: str | None = None) -> None:
        await run(interaction, "suggest", (title,))

    @tree.command(name="unblock", description="(mentors) Allow a blocked user again")
    @app_commands.describe(user="platform:id, for example discord:1234 or telegram:5678")
    async def unblock(interaction: discord.Interaction, user: str) -> None:
        await run(interaction, "unblock", (user,))


def definition_hash(tree: app_commands.CommandTree[Any], guild_ids: list[int]) -> str:
    """A digest of what a sync would upload: the commands, where, and for which application."""
    commands = sorted((c.to_dict(tree) for c in tree.get_commands()), key=lambda c: c["name"])
    scope = {
        "application": tree.client.application_id,
        "guilds": sorted(guild_ids),
        "commands": commands,
    }
    return hashlib.sha256(json.dumps(scope, sort_keys=True, default=str).encode()).hexdigest()


async def sync_if_changed(
    tree: app_commands.CommandTree[Any], guild_ids: list[int], stamp: Path, *, force: bool = False
) -> bool:
    """Sync the commands (per guild when listed, else globally) only when their definition
    differs from the last successful sync, whose digest `stamp` keeps; True when it synced."""
    digest = definition_hash(tree, guild_ids)
    if not force and stamp.is_file() and stamp.read_text(encoding="utf-8").strip() == digest:
        logger.info("slash commands unchanged since the last sync; not syncing")
        return False
    if guild_ids:
        for guild_id in guild_ids:
            guild = discord.Object(guild_id)
            tree.copy_global_to(guild=guild)
            await tree.sync(guild=guild)
    else:
        await tree.sync()
    stamp.parent.mkdir(parents=True, exist_ok=True)
    stamp.write_text(digest + "\n", encoding="utf-8")
    logger.info("slash commands synced to %s", guild_ids or "every guild (global)")
    return True
