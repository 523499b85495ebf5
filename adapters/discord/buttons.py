"""The core's buttons on Discord: a `DynamicItem` whose custom_id carries the opaque token."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import discord

from adapters.discord.translate import BUTTON_PREFIX

if TYPE_CHECKING:
    from adapters.discord.client import GuideBot

PLACEHOLDER_LABEL = "·"


class TokenButton(
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=re.compile(re.escape(BUTTON_PREFIX) + r"(?P<token>.+)"),
):
    """`ng:<token>`: discord.py rebuilds it from any message's click, however old, and its
    callback hands the token to the core, which refuses forged and stale ones."""

    def __init__(self, token: str, label: str = PLACEHOLDER_LABEL, row: int | None = None):
        super().__init__(
            discord.ui.Button(
                label=label,
                custom_id=f"{BUTTON_PREFIX}{token}",
                style=discord.ButtonStyle.secondary,
                row=row,
            )
        )
        self.token = token

    @classmethod
    async def from_custom_id(
        cls,
        interaction: discord.Interaction[Any],
        item: discord.ui.Item[Any],
        match: re.Match[str],
        /,
    ) -> TokenButton:
        return cls(match["token"], getattr(item, "label", None) or PLACEHOLDER_LABEL)

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        client: GuideBot = interaction.client
        await client.adapter.on_press(interaction, self.token)
