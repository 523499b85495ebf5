"""The discord.py client: intents, slash-command sync, and events handed to the adapter."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

import discord
from discord.ext import commands

from adapters.discord import slash
from adapters.discord.buttons import TokenButton

if TYPE_CHECKING:
    from adapters.discord.adapter import DiscordAdapter

logger = logging.getLogger(__name__)


def intents(with_members: bool) -> discord.Intents:
    """The least the bot needs: guilds, guild and DM messages with their content; members
    only to check the mentor role."""
    wanted = discord.Intents.none()
    wanted.guilds = True
    wanted.guild_messages = True
    wanted.dm_messages = True
    wanted.message_content = True
    wanted.members = with_members
    return wanted


class GuideBot(commands.Bot):
    """A commands.Bot that passes messages, slash commands and button clicks to the adapter."""

    def __init__(
        self,
        adapter: DiscordAdapter,
        *,
        guild_ids: list[int],
        with_members: bool,
        sync_stamp: Path,
        guild_ready_timeout: float = 2.0,
        identify_pause: float = 5.0,
    ) -> None:
        super().__init__(
            command_prefix=commands.when_mentioned,
            intents=intents(with_members),
            help_command=None,
            allowed_mentions=discord.AllowedMentions.none(),
            guild_ready_timeout=guild_ready_timeout,
            max_ratelimit_timeout=30.0,
        )
        self.adapter = adapter
        self.guild_ids = guild_ids
        self.sync_stamp = sync_stamp
        self.identify_pause = identify_pause

    async def setup_hook(self) -> None:
        """Register the buttons and slash commands; sync the commands when their definition
        changed: per guild when guilds are listed (available at once), otherwise globally."""
        slash.register(self.tree, self.adapter.on_command)
        self.add_dynamic_items(TokenButton)
        try:
            await slash.sync_if_changed(self.tree, self.guild_ids, self.sync_stamp)
        except discord.HTTPException:
            logger.exception("syncing the slash commands failed; they may be out of date")

    async def before_identify_hook(self, shard_id: int | None, *, initial: bool = False) -> None:
        """Discord allows one IDENTIFY per 5 s; the pause is configurable for tests."""
        if not initial and self.identify_pause:
            await asyncio.sleep(self.identify_pause)

    async def on_message(self, message: discord.Message) -> None:
        await self.adapter.on_message(message)

    async def on_member_update(self, before: discord.Member, after: discord.Member) -> None:
        await self.adapter.on_member_change(before, after, after.id)

    async def on_raw_member_remove(self, payload: discord.RawMemberRemoveEvent) -> None:
        await self.adapter.on_member_change(None, None, payload.user.id)

    async def on_error(self, event_method: str, /, *args: Any, **kwargs: Any) -> None:
        logger.exception("unhandled error in the Discord event %s", event_method)
