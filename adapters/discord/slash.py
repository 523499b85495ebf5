"""The slash commands, generated from the core's command registry: each one only hands
`/name args` to the adapter."""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Awaitable, Callable, Coroutine
from pathlib import Path
from typing import Any

import discord
from discord import app_commands

from bot.commands import COMMANDS, Command

Run = Callable[[discord.Interaction, str, tuple[object, ...]], Awaitable[None]]
PLATFORM = "discord"
DESCRIPTION_LIMIT = 100  # Discord's limit for command and option descriptions
SYNC_STAMP = "discord-commands.sha256"
logger = logging.getLogger(__name__)


def _describe(command: Command) -> str:
    text = command.description["en"]
    if command.who != "newcomer":
        text = f"({'admins' if command.who == 'admin' else 'mentors'}) {text}"
    return text[:DESCRIPTION_LIMIT]


def _callback(command: Command, run: Run) -> Callable[..., Coroutine[Any, Any, None]]:
    """A callback whose signature declares the command's one argument, if it has one."""
    name = command.name
    if not command.args:

        async def plain(interaction: discord.Interaction) -> None:
            await run(interaction, name, ())

        return plain
    arg = command.args[0]
    callback: Callable[..., Coroutine[Any, Any, None]]
    if arg.kind == "int":

        async def number(interaction: discord.Interaction, value: int) -> None:
            await run(interaction, name, (value,))

        callback = number
    elif arg.required:

        async def text(interaction: discord.Interaction, value: str) -> None:
            await run(interaction, name, (value,))

        callback = text
    else:

        async def optional(interaction: discord.Interaction, value: str | None = None) -> None:
            await run(interaction, name, (value,))

        callback = optional
    callback = app_commands.rename(value=arg.name)(callback)
    callback = app_commands.describe(value=arg.description[:DESCRIPTION_LIMIT])(callback)
    if arg.choices:
        choices = [app_commands.Choice(name=choice, value=choice) for choice in arg.choices]
        callback = app_commands.choices(value=choices)(callback)
    return callback


def register(tree: app_commands.CommandTree[Any], run: Run) -> None:
    """Add every registered command offered on Discord to the tree (as global commands)."""
    for command in COMMANDS:
        if PLATFORM not in command.platforms:
            continue
        tree.add_command(
            app_commands.Command(
                name=command.name,
                description=_describe(command),
                callback=_callback(command, run),
            )
        )


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
