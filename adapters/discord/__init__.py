"""The Discord adapter: discord.py events in as core events, the core's outbox out."""

from __future__ import annotations

from adapters.discord.adapter import DiscordAdapter

__all__ = ["DiscordAdapter"]
