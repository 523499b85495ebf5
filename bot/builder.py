"""The message builder: replies, buttons with issued tokens, the bot's links, rooms, titles."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from bot.models import Address, Button, Outgoing, UserRef
from bot.settings import Settings
from bot.store.records import Store


class MessageBuilder:
    """Everything the core needs to phrase an Outgoing; it stores nothing but button tokens."""

    def __init__(
        self,
        settings: Settings,
        store: Store,
        clock: Callable[[], datetime],
        titles: Callable[[str, str], str],
        bot_links: dict[str, str] | None = None,
    ):
        self.settings = settings
        self.store = store
        self.clock = clock
        self.titles = titles
        self.bot_links = bot_links if bot_links is not None else {}

    def reply(
        self, address: Address, text: str, buttons: list[list[Button]] | None = None
    ) -> Outgoing:
        rows = tuple(tuple(row) for row in (buttons or []) if row)
        return Outgoing(address=address, text=text, buttons=rows)

    def button(self, label: str, action: str, owner: UserRef | None = None, **args: Any) -> Button:
        """A button whose data is an unguessable token for `action`; `owner` alone may press it."""
        return Button(label, self.store.issue(action, args, owner, self.clock()))

    def private_link(self, platform: str, payload: str = "") -> str:
        """The link that opens a private chat with the bot (with a start payload)."""
        base = self.bot_links.get(platform, "")
        return f"{base}?start={payload}" if base and payload else base

    def title(self, english_id: str, lang: str) -> str:
        """An article's title in `lang` (its id when the article is gone)."""
        return self.titles(english_id, lang)

    def rooms(self) -> list[Address]:
        """The mentor rooms that are configured, one per platform."""
        rooms = []
        if self.settings.telegram_mentor_chat_id:
            rooms.append(Address("telegram", self.settings.telegram_mentor_chat_id))
        if self.settings.discord_mentor_channel_id:
            rooms.append(Address("discord", self.settings.discord_mentor_channel_id))
        return rooms

    def room(self, platform: str) -> Address | None:
        return next((room for room in self.rooms() if room.platform == platform), None)
