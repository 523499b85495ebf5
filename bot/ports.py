"""The ports the core talks through; adapters implement them."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

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


@runtime_checkable
class MentorDirectory(Protocol):
    """A platform that can say whether someone is a mentor right now (in the mentor group,
    with the mentor role); None when it cannot tell (a network error, no mentor room)."""

    async def mentor_status(self, user_id: str) -> bool | None: ...
