"""Delivering the outbox on Discord: messages, threads, edits, slash-command answers, errors."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from typing import Any

import aiohttp
import discord
from discord.utils import MISSING

from adapters.discord import files, render
from bot.models import Delivery, DeliveryError, Outgoing

logger = logging.getLogger(__name__)
DMS_CLOSED = 50007
THREAD_ARCHIVED = 50083
THREAD_NAME_LIMIT = 100


def delivery_error(error: BaseException) -> DeliveryError | None:
    """The DeliveryError for a discord.py failure; None for anything that is not Discord's
    answer (a bug), which the dispatcher logs and retries."""
    if isinstance(error, DeliveryError):
        return error
    if isinstance(error, discord.RateLimited):
        return DeliveryError("rate limited by Discord", retry_after=error.retry_after)
    if isinstance(error, discord.Forbidden):
        if error.code == DMS_CLOSED:
            return DeliveryError("cannot send messages to this user (DMs closed)", permanent=True)
        return DeliveryError(f"forbidden by Discord ({error.code}: {error.text})", permanent=True)
    if isinstance(error, discord.NotFound):
        return DeliveryError(f"not found on Discord ({error.code}: {error.text})", permanent=True)
    if isinstance(error, discord.DiscordServerError):
        return DeliveryError(f"Discord server error {error.status}")
    if isinstance(error, discord.HTTPException):
        if error.status == 429:
            return DeliveryError("rate limited by Discord", retry_after=_retry_after(error))
        reason = f"refused by Discord ({error.status}/{error.code}: {error.text})"
        return DeliveryError(reason, permanent=400 <= error.status < 500)
    if isinstance(
        error, aiohttp.ClientError | OSError | asyncio.TimeoutError | discord.ConnectionClosed
    ):
        return DeliveryError(f"network error talking to Discord: {type(error).__name__}")
    return None


def _retry_after(error: discord.HTTPException) -> float | None:
    headers: Any = getattr(error.response, "headers", None) or {}
    for name in ("Retry-After", "X-RateLimit-Reset-After"):
        try:
            return float(headers.get(name))
        except (TypeError, ValueError):
            continue
    return None


async def _picture(message: Outgoing) -> Any:
    """The message's picture as a fresh discord.File (one per attempt), or MISSING."""
    return await files.picture(message.image) if message.image else MISSING


def _view_on(pages: list[render.Rows], number: int, count: int) -> Any:
    """The buttons go on the last part of a split message."""
    return render.view(pages[0]) if pages and number == count - 1 else MISSING


@dataclass
class Waiting:
    """A slash command whose answer has not gone out yet."""

    interaction: discord.Interaction
    ephemeral: bool


class Answers:
    """The core's replies to a slash command, in the command's own channel, go out as the
    interaction's response (its deferred "thinking" message, then followups) — matched by
    the Outgoing the core returned for that very event, never by guessing."""

    def __init__(self) -> None:
        self._waiting: dict[Outgoing, list[Waiting]] = {}
        self._unanswered: dict[int, discord.Interaction] = {}

    def expect(
        self, interaction: discord.Interaction, replies: list[Outgoing], ephemeral: bool
    ) -> None:
        self._unanswered[interaction.id] = interaction
        for reply in replies:
            self._waiting.setdefault(reply, []).append(Waiting(interaction, ephemeral))

    def take(self, message: Outgoing) -> Waiting | None:
        self._forget_expired()
        queue = self._waiting.pop(message, [])
        if queue[1:]:
            self._waiting[message] = queue[1:]
        return queue[0] if queue else None

    def _forget_expired(self) -> None:
        """An interaction's token lives 15 minutes (`Interaction.is_expired`); after that its
        replies go out as ordinary messages."""
        self._unanswered = {
            key: interaction
            for key, interaction in self._unanswered.items()
            if not interaction.is_expired()
        }
        for message, queue in list(self._waiting.items()):
            alive = [entry for entry in queue if not entry.interaction.is_expired()]
            if alive:
                self._waiting[message] = alive
            else:
                del self._waiting[message]

    def put_back(self, message: Outgoing, entry: Waiting) -> None:
        self._waiting.setdefault(message, []).insert(0, entry)

    def unanswered(self, interaction: discord.Interaction) -> bool:
        return interaction.id in self._unanswered

    def answered(self, interaction: discord.Interaction) -> None:
        self._unanswered.pop(interaction.id, None)


class Outbound:
    """Sends and edits what the core wrote to the outbox, through a logged-in client."""

    def __init__(self, client: discord.Client) -> None:
        self.client = client
        self.answers = Answers()
        # How many parts of a split message went out before a failure: the dispatcher's
        # retry sends only the rest (in memory: after a restart it starts over).
        self._progress: dict[tuple[int, str, int], int] = {}

    async def send(self, message: Outgoing) -> Delivery:
        try:
            if message.new_thread:
                return await self._open_thread(message)
            waiting = self.answers.take(message)
            if waiting is not None:
                try:
                    return await self._answer(waiting, message)
                except discord.NotFound:
                    logger.info("interaction %s expired; posting instead", waiting.interaction.id)
                except Exception:
                    self.answers.put_back(message, waiting)
                    raise
            return await self._post(message)
        except Exception as error:
            mapped = delivery_error(error)
            if mapped is None or mapped is error:
                raise
            raise mapped from error

    async def edit(self, message: Outgoing, target: Delivery) -> None:
        channel_id = target.chat_id or message.address.chat_id
        if target.thread_id and target.thread_id != target.message_id:
            channel_id = target.thread_id  # a message inside a thread (a starter keeps its id)
        channel = self.client.get_partial_messageable(int(channel_id))
        rows = render.pages(message.buttons)
        try:
            await channel.get_partial_message(int(target.message_id)).edit(
                content=render.split(render.body(message))[0],
                view=render.view(rows[0]) if rows else None,
                allowed_mentions=render.allowed_mentions(message),
            )
        except Exception as error:
            mapped = delivery_error(error)
            if mapped is None:
                raise
            raise mapped from error

    async def _post(self, message: Outgoing) -> Delivery:
        thread_id = message.address.thread_id
        channel_id = int(thread_id or message.address.chat_id)
        channel = self.client.get_partial_messageable(channel_id)
        parts = render.split(render.body(message))
        try:
            last = await self._post_parts(channel, channel_id, parts, message, with_picture=True)
        except discord.HTTPException as error:
            if error.code != THREAD_ARCHIVED or not thread_id:
                raise
            await self._unarchive(int(thread_id))
            last = await self._post_parts(channel, channel_id, parts, message, with_picture=True)
        return Delivery(str(last.id))

    async def _post_parts(
        self,
        channel: discord.abc.Messageable,
        channel_id: int,
        parts: list[str],
        message: Outgoing,
        *,
        with_picture: bool = False,
    ) -> discord.Message:
        """Send parts in order, buttons on the last; the message's picture, if any and
        `with_picture`, goes with the first part. A retry skips the parts already sent."""
        pages = render.pages(message.buttons)
        mentions = render.allowed_mentions(message)
        sends = [(part, _view_on(pages, number, len(parts))) for number, part in enumerate(parts)]
        sends += [(render.OVERFLOW_TEXT, render.view(page)) for page in pages[1:]]
        key = (channel_id, message.ref or "", hash(message.text))
        last: discord.Message | None = None
        for index in range(self._progress.get(key, 0), len(sends)):
            text, view = sends[index]
            file = await _picture(message) if index == 0 and with_picture else MISSING
            last = await channel.send(text, view=view, allowed_mentions=mentions, file=file)
            self._progress[key] = index + 1
        self._progress.pop(key, None)
        assert last is not None
        return last

    async def _unarchive(self, thread_id: int) -> None:
        thread = self.client.get_channel(thread_id) or await self.client.fetch_channel(thread_id)
        if isinstance(thread, discord.Thread):
            await thread.edit(archived=False)

    async def _open_thread(self, message: Outgoing) -> Delivery:
        """Post the first part in the room, open a thread from it, the rest goes inside."""
        room_id = int(message.address.chat_id)
        room = self.client.get_channel(room_id) or await self.client.fetch_channel(room_id)
        if not isinstance(room, discord.TextChannel):
            raise DeliveryError(f"channel {room_id} cannot hold threads", permanent=True)
        parts = render.split(render.body(message))
        pages = render.pages(message.buttons)
        try:
            first = await room.send(
                parts[0],
                view=_view_on(pages, 0, len(parts)),
                allowed_mentions=render.allowed_mentions(message),
                file=await _picture(message),
            )
            thread = await first.create_thread(
                name=message.new_thread[:THREAD_NAME_LIMIT] if message.new_thread else "handoff",
                auto_archive_duration=1440,
            )
        except discord.Forbidden:
            fallback = message.meta.get("fallback_chat")
            if not fallback:
                raise
            logger.warning("cannot open a thread in %s; using the mentor's DM", room_id)
            dm = self.client.get_partial_messageable(int(fallback))
            last = await self._post_parts(dm, int(fallback), parts, message, with_picture=True)
            return Delivery(str(last.id), chat_id=fallback)
        if parts[1:]:
            await self._post_parts(thread, thread.id, parts[1:], message)
        return Delivery(str(first.id), thread_id=str(thread.id))

    async def _answer(self, waiting: Waiting, message: Outgoing) -> Delivery:
        """The reply as the slash command's response: edit the deferred message first."""
        interaction = waiting.interaction
        pages = render.pages(message.buttons)
        mentions = render.allowed_mentions(message)
        parts = render.split(render.body(message))
        last: discord.Message | None = None
        for number, part in enumerate(parts):
            view = _view_on(pages, number, len(parts))
            file = await _picture(message) if number == 0 else MISSING
            if self.answers.unanswered(interaction):
                last = await interaction.edit_original_response(
                    content=part,
                    view=view,
                    allowed_mentions=mentions,
                    attachments=[file] if file is not MISSING else MISSING,
                )
                self.answers.answered(interaction)
            else:
                last = await interaction.followup.send(
                    part,
                    view=view,
                    ephemeral=waiting.ephemeral,
                    allowed_mentions=mentions,
                    wait=True,
                    file=file,
                )
        for page in pages[1:]:
            last = await interaction.followup.send(
                render.OVERFLOW_TEXT,
                view=render.view(page),
                ephemeral=waiting.ephemeral,
                allowed_mentions=mentions,
                wait=True,
            )
        assert last is not None
        return Delivery(str(last.id))
