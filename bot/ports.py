"""The ports the core talks through; adapters implement them."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from bot.models import Delivery, Media, Outgoing


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


class MediaError(Exception):
    """A platform could not hand over a file: `too_big` when it is over the limit asked
    for (by the size the platform reports, or by the bytes counted while reading), gone
    or unreachable otherwise."""

    def __init__(self, reason: str, *, too_big: bool = False):
        super().__init__(reason)
        self.reason = reason
        self.too_big = too_big


@runtime_checkable
class MediaSource(Protocol):
    """A platform that can fetch the bytes of a file a user sent (a screenshot), reading
    at most `limit` bytes; raises `MediaError`."""

    async def fetch(self, media: Media, limit: int) -> bytes: ...
