"""Discord → core: where a message was posted, who sent it, and the core event it becomes."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import discord

from bot.models import (
    Address,
    Attachment,
    ButtonPress,
    ChatKind,
    IncomingMessage,
    Media,
    Sender,
    UserRef,
)

PLATFORM = "discord"
BUTTON_PREFIX = "ng:"
_THREADS = (
    discord.ChannelType.public_thread,
    discord.ChannelType.private_thread,
    discord.ChannelType.news_thread,
)
_USER_MESSAGES = (discord.MessageType.default, discord.MessageType.reply)


@dataclass(frozen=True)
class Place:
    """A channel as the core needs it: its id, the parent of a thread, whether it is a DM."""

    channel_id: int
    parent_id: int | None = None
    private: bool = False


@dataclass(frozen=True)
class Posted:
    """The facts of one Discord message the core cares about."""

    id: int
    author_id: int
    author_bot: bool
    author_name: str
    content: str
    place: Place
    mentions: frozenset[int] = frozenset()
    replied_to: int | None = None
    content_types: tuple[str, ...] = ()
    files: tuple[Media, ...] = ()
    sticker: bool = False
    system: bool = False
    at: datetime | None = None


def place_of(channel: Any, channel_id: int | None = None, guild_id: int | None = None) -> Place:
    """The Place of a discord.py channel (or, when it is unknown, of its ids)."""
    if channel is None:
        return Place(int(channel_id or 0), private=guild_id is None)
    kind = getattr(channel, "type", None)
    if isinstance(channel, discord.DMChannel) or kind == discord.ChannelType.private:
        return Place(channel.id, private=True)
    if kind in _THREADS:
        return Place(channel.id, parent_id=getattr(channel, "parent_id", None))
    return Place(channel.id)


def locate(place: Place, mentor_channel_id: str) -> tuple[ChatKind, Address]:
    """The chat kind and core address of a place: a DM, the mentor room (or a thread in it), a
    group channel (or a thread in it)."""
    if place.private:
        return "private", Address(PLATFORM, str(place.channel_id))
    if place.parent_id is not None:
        room = str(place.parent_id)
        address = Address(PLATFORM, room, str(place.channel_id))
    else:
        room = str(place.channel_id)
        address = Address(PLATFORM, room)
    kind: ChatKind = "mentor_room" if mentor_channel_id and room == mentor_channel_id else "group"
    return kind, address


def strip_mention(text: str, bot_id: int) -> str:
    """The text without the bot's own mention (`<@id>` or `<@!id>`)."""
    return re.sub(rf"\s*<@!?{bot_id}>\s*", " ", text or "").strip()


def attachment_kind(content_types: tuple[str, ...], sticker: bool) -> Attachment | None:
    """What was attached: a sticker, a photo (any image among the files), a video, a voice
    note or another file (by the first file)."""
    if sticker:
        return "sticker"
    if not content_types:
        return None
    if any(kind.lower().startswith("image/") for kind in content_types):
        return "photo"
    first = content_types[0].lower()
    if first.startswith("video/"):
        return "video"
    if first.startswith("audio/"):
        return "voice"
    return "document"


def attached_media(files: tuple[Media, ...], kind: Attachment | None) -> Media | None:
    """The file the core may fetch: the first image of a photo, the first file of a document."""
    if kind == "photo":
        return next((f for f in files if (f.mime or "").lower().startswith("image/")), None)
    if kind == "document" and files:
        return files[0]
    return None


def media_of(attachment: discord.Attachment) -> Media:
    """An attachment as the core's Media, named by its CDN URL."""
    return Media(
        platform=PLATFORM,
        handle=attachment.url,
        size=attachment.size,
        mime=attachment.content_type,
        width=attachment.width,
        height=attachment.height,
        name=attachment.filename,
    )


def posted(message: discord.Message, place: Place | None = None) -> Posted:
    """Read a discord.py Message into a Posted (at `place` when the caller resolved it)."""
    reference = message.reference
    resolved = reference.resolved if reference is not None else None
    replied_to = resolved.author.id if isinstance(resolved, discord.Message) else None
    return Posted(
        id=message.id,
        author_id=message.author.id,
        author_bot=message.author.bot,
        author_name=message.author.display_name,
        content=message.content or "",
        place=place or place_of(message.channel),
        mentions=frozenset(user.id for user in message.mentions),
        replied_to=replied_to,
        content_types=tuple(a.content_type or "" for a in message.attachments),
        files=tuple(media_of(a) for a in message.attachments),
        sticker=bool(message.stickers),
        system=message.type not in _USER_MESSAGES,
        at=message.created_at,
    )


def incoming(
    message: Posted, *, bot_id: int, mentor_channel_id: str, is_room_member: bool
) -> IncomingMessage | None:
    """The core event for a message; None for bots (the bot's own echoes too) and system
    messages. In a group channel only mentions, replies to the bot and commands are
    `addressed`."""
    if message.author_bot or message.author_id == bot_id or message.system:
        return None
    kind, address = locate(message.place, mentor_channel_id)
    text = strip_mention(message.content, bot_id)
    addressed = kind != "group" or (
        bot_id in message.mentions or message.replied_to == bot_id or text.startswith("/")
    )
    attached = attachment_kind(message.content_types, message.sticker)
    return IncomingMessage(
        key=f"discord:msg:{message.id}",
        sender=Sender(
            UserRef(PLATFORM, str(message.author_id)), message.author_name, None, is_room_member
        ),
        address=address,
        text=text,
        chat_kind=kind,
        addressed=addressed,
        attachment=attached,
        at=message.at,
        media=attached_media(message.files, attached),
    )


def command_text(name: str, *args: object) -> str:
    """A slash command as the text the core reads: `/name arg …` (empty options left out)."""
    words = [str(arg).strip() for arg in args if arg is not None and str(arg).strip()]
    return " ".join([f"/{name}", *words])


def button_token(custom_id: str) -> str | None:
    """The core token a button carried, or None when the custom_id is not ours."""
    if not custom_id.startswith(BUTTON_PREFIX):
        return None
    token = custom_id[len(BUTTON_PREFIX) :]
    return token or None


def interaction_sender(user: discord.abc.User, locale: object, is_room_member: bool) -> Sender:
    """The Sender of an interaction: its user, display name and client locale."""
    return Sender(
        UserRef(PLATFORM, str(user.id)),
        user.display_name,
        str(locale or "") or None,
        is_room_member,
    )


def command_event(
    interaction_id: int,
    sender: Sender,
    place: Place,
    mentor_channel_id: str,
    text: str,
    at: datetime | None = None,
) -> IncomingMessage:
    """A slash command as the IncomingMessage the core would get had it been typed."""
    kind, address = locate(place, mentor_channel_id)
    return IncomingMessage(
        key=f"discord:int:{interaction_id}",
        sender=sender,
        address=address,
        text=text,
        chat_kind=kind,
        addressed=True,
        at=at,
    )


def press_event(
    interaction_id: int,
    sender: Sender,
    place: Place,
    mentor_channel_id: str,
    token: str,
    at: datetime | None = None,
) -> ButtonPress:
    """A button click as the core's ButtonPress."""
    kind, address = locate(place, mentor_channel_id)
    return ButtonPress(
        key=f"discord:int:{interaction_id}",
        sender=sender,
        address=address,
        token=token,
        chat_kind=kind,
        at=at,
    )
