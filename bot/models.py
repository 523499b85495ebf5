"""Platform-neutral shapes: addresses, incoming events, outgoing messages, buttons."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from typing import Literal

from bot.text import command as parse_command

ChatKind = Literal["private", "group", "mentor_room"]
Attachment = Literal["photo", "sticker", "voice", "video", "document", "other"]


@dataclass(frozen=True)
class Address:
    """Where a message goes: a chat on a platform, optionally a thread or topic in it."""

    platform: str
    chat_id: str
    thread_id: str | None = None

    def __str__(self) -> str:
        thread = f"/{self.thread_id}" if self.thread_id else ""
        return f"{self.platform}:{self.chat_id}{thread}"


@dataclass(frozen=True)
class UserRef:
    """A person on one platform. The same person on two platforms is two users."""

    platform: str
    user_id: str

    def __str__(self) -> str:
        return f"{self.platform}:{self.user_id}"


@dataclass(frozen=True)
class Sender:
    """Who sent an event, with what the platform tells us about them."""

    ref: UserRef
    first_name: str = ""
    language_code: str | None = None
    is_room_member: bool = False


@dataclass(frozen=True)
class Media:
    """A picture or file a user sent, named by the platform's handle (Telegram: the
    file_id of the largest size; Discord: the attachment's URL). The bytes stay on the
    platform until the core fetches them through `MediaSource`; nothing is saved.
    `size`, `mime`, `width` and `height` are what the platform reports, when it does."""

    platform: str
    handle: str
    size: int | None = None
    mime: str | None = None
    width: int | None = None
    height: int | None = None
    name: str = ""


@dataclass(frozen=True)
class IncomingMessage:
    """A text (or attachment) a user sent to the bot.

    `key` is unique per platform event (redeliveries carry the same key).
    `addressed` says whether the bot was spoken to (always true in a private chat;
    in a group only for commands, mentions and replies to the bot).
    """

    key: str
    sender: Sender
    address: Address
    text: str
    chat_kind: ChatKind = "private"
    addressed: bool = True
    attachment: Attachment | None = None
    at: datetime | None = None
    media: Media | None = None

    @cached_property
    def command(self) -> tuple[str, str] | None:
        """`('name', 'args')` when the text is a command, parsed once for adapter and core."""
        return parse_command(self.text)


@dataclass(frozen=True)
class ButtonPress:
    """A press of a button the bot showed; `token` is the opaque data the button carried."""

    key: str
    sender: Sender
    address: Address
    token: str
    chat_kind: ChatKind = "private"
    at: datetime | None = None


@dataclass(frozen=True)
class MemberJoined:
    """People joined a group the bot is in; the bot may greet them (off by default)."""

    key: str
    address: Address
    names: tuple[str, ...]
    language_code: str | None = None


@dataclass(frozen=True)
class Tick:
    """The clock: handoff deadlines, retention purges."""

    at: datetime


@dataclass(frozen=True)
class MemberChanged:
    """The platform says whether someone is a mentor now (they joined or left the mentor
    group, their role changed, or a periodic re-check answered)."""

    key: str
    ref: UserRef
    mentor: bool
    first_name: str = ""


Event = IncomingMessage | ButtonPress | MemberJoined | MemberChanged | Tick


@dataclass(frozen=True)
class Button:
    """A button under a message. `token` is issued by the core; adapters pass it back."""

    label: str
    token: str = ""
    url: str = ""


@dataclass(frozen=True)
class Outgoing:
    """One message the core wants sent (or an earlier one edited).

    `ref` names the message so a later Outgoing can edit it (`edit_ref`) and so the
    platform's message id is remembered. `new_thread` asks the platform to open a
    thread (Discord) or forum topic (Telegram) with that name and post into it.
    `image` is the path of a picture to send with `text` as its caption (a PNG the core
    wrote under the data directory; the core deletes it once the message is delivered).
    """

    address: Address
    text: str
    buttons: tuple[tuple[Button, ...], ...] = ()
    ref: str | None = None
    edit_ref: str | None = None
    new_thread: str | None = None
    attachment: Attachment | None = None
    notice_to: Address | None = None
    meta: dict[str, str] = field(default_factory=dict, compare=False, hash=False)
    image: str | None = None


@dataclass(frozen=True)
class Delivery:
    """What a platform reports after sending: its message id, and where it went.

    `chat_id` is set when the platform posted somewhere else than asked (a mentor's
    private chat instead of a group without topics); `thread_id` when it opened a thread.
    """

    message_id: str
    thread_id: str | None = None
    chat_id: str | None = None


class DeliveryError(Exception):
    """A platform refused a message.

    `permanent` errors (blocked by the user, DMs closed, chat gone) are not retried;
    others are retried after `retry_after` seconds or with backoff.
    """

    def __init__(self, reason: str, *, permanent: bool = False, retry_after: float | None = None):
        super().__init__(reason)
        self.reason = reason
        self.permanent = permanent
        self.retry_after = retry_after
