"""The ports the core talks through; adapters implement them."""

from __future__ import annotations

from typing import Protocol

from bot.models import Delivery, Outgoing


class Platform(Protocol):
    """A chat platform: it delivers Outgoing messages and edits earlier ones.

    `send` raises `DeliveryError` when the platform refuses: permanent for a user who
    blocked the bot or closed their DMs, transient (with `retry_after`) for rate limits,
    timeouts and server errors.
    """

    name: str

    async def send(self, message: Outgoing) -> Delivery: ...

    async def edit(self, message: Outgoing, target: Delivery) -> None: ...
