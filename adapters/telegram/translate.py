"""Bot API updates → core events: pure functions, no network, tested on payloads."""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from typing import Any

from telegram import (
    CallbackQuery,
    Chat,
    ChatMemberUpdated,
    Message,
    MessageEntity,
    Update,
    User,
)

from bot.models import (
    Address,
    Attachment,
    ButtonPress,
    ChatKind,
    IncomingMessage,
    Media,
    MemberChanged,
    MemberJoined,
    Sender,
    UserRef,
)

logger = logging.getLogger(__name__)
_SPACES = re.compile(r"[ \t]{2,}")
PLATFORM = "telegram"

# A chat member with one of these statuses is in the group (a restricted one: if is_member).
MEMBER_STATUSES = ("creator", "administrator", "member")

# Message fields that make a message something a person said (service messages have none).
_ATTACHMENTS: tuple[tuple[str, Attachment], ...] = (
    ("photo", "photo"),
    ("sticker", "sticker"),
    ("voice", "voice"),
    ("animation", "video"),
    ("video", "video"),
    ("video_note", "video"),
    ("document", "document"),
    ("audio", "other"),
    ("location", "other"),
    ("venue", "other"),
    ("contact", "other"),
    ("poll", "other"),
    ("dice", "other"),
)


def to_event(
    update: Update | Mapping[str, Any],
    *,
    bot_username: str,
    bot_id: int | str,
    mentor_chat_id: str,
) -> IncomingMessage | ButtonPress | MemberJoined | MemberChanged | None:
    """One update as a core event; None for what the bot ignores or cannot read.

    Never raises: a malformed update is logged and dropped.
    """
    try:
        parsed = update if isinstance(update, Update) else Update.de_json(dict(update), None)
        if parsed.callback_query is not None:
            return _press(parsed.callback_query, mentor_chat_id)
        if parsed.message is not None:
            return _message(parsed.message, bot_username, int(bot_id), mentor_chat_id)
        if parsed.chat_member is not None:
            return _member(parsed.update_id, parsed.chat_member, mentor_chat_id)
    except Exception:
        logger.warning("dropped an update that could not be read", exc_info=True)
    return None


def is_member(status: str, is_member_flag: bool | None = None) -> bool:
    """Whether a ChatMember status means being in the group."""
    return status in MEMBER_STATUSES or (status == "restricted" and bool(is_member_flag))


def _member(number: int, change: ChatMemberUpdated, mentor_chat_id: str) -> MemberChanged | None:
    """Someone joined or left the mentor group (other groups' member changes are ignored)."""
    if not mentor_chat_id or str(change.chat.id) != str(mentor_chat_id):
        return None
    new = change.new_chat_member
    if new.user.is_bot:
        return None
    inside = is_member(new.status, getattr(new, "is_member", None))
    return MemberChanged(
        key=f"telegram:member:{number}",
        ref=UserRef(PLATFORM, str(new.user.id)),
        mentor=inside,
        first_name=new.user.first_name or "",
    )


def update_id(raw: Mapping[str, Any]) -> int | None:
    """The update_id of a raw update, if it has a usable one."""
    value = raw.get("update_id") if isinstance(raw, Mapping) else None
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _chat_kind(chat: Chat, mentor_chat_id: str) -> ChatKind | None:
    if mentor_chat_id and str(chat.id) == str(mentor_chat_id):
        return "mentor_room"
    if chat.type == Chat.PRIVATE:
        return "private"
    if chat.type in (Chat.GROUP, Chat.SUPERGROUP):
        return "group"
    return None  # channels


def _sender(user: User, is_room_member: bool) -> Sender:
    return Sender(
        ref=UserRef(PLATFORM, str(user.id)),
        first_name=user.first_name or "",
        language_code=user.language_code,
        is_room_member=is_room_member,
    )


def _address(message: Message) -> Address:
    thread = message.message_thread_id if message.is_topic_message else None
    return Address(PLATFORM, str(message.chat.id), str(thread) if thread is not None else None)


def _press(query: CallbackQuery, mentor_chat_id: str) -> ButtonPress | None:
    message = query.message
    if query.from_user is None or query.from_user.is_bot or message is None:
        return None
    kind = _chat_kind(message.chat, mentor_chat_id)
    if kind is None:
        return None
    thread = getattr(message, "message_thread_id", None)
    topic = bool(getattr(message, "is_topic_message", False))
    address = Address(
        PLATFORM, str(message.chat.id), str(thread) if topic and thread is not None else None
    )
    return ButtonPress(
        key=f"telegram:cb:{query.id}",
        sender=_sender(query.from_user, kind == "mentor_room"),
        address=address,
        token=query.data or "",
        chat_kind=kind,
    )


def _message(
    message: Message, bot_username: str, bot_id: int, mentor_chat_id: str
) -> IncomingMessage | MemberJoined | None:
    user = message.from_user
    if user is None or user.is_bot or message.sender_chat is not None:
        return None
    kind = _chat_kind(message.chat, mentor_chat_id)
    if kind is None:
        return None
    text = message.text if message.text is not None else (message.caption or "")
    entities = message.entities if message.text is not None else message.caption_entities
    attachment = next((label for name, label in _ATTACHMENTS if getattr(message, name, None)), None)
    media = _media(message) if attachment in ("photo", "document") else None
    if media is not None and (media.mime or "").startswith("image/"):
        attachment = "photo"  # a screenshot sent "as a file"
    if kind == "group" and message.new_chat_members:
        names = tuple(m.first_name for m in message.new_chat_members if not m.is_bot)
        if not names:
            return None
        return MemberJoined(
            key=f"telegram:join:{message.chat.id}:{message.message_id}",
            address=_address(message),
            names=names,
            language_code=user.language_code,
        )
    if not text and attachment is None:
        return None  # service messages: pins, topic changes, the bot itself joining ...
    addressed = kind != "group" or _addressed(message, text, entities, bot_username, bot_id)
    return IncomingMessage(
        key=f"telegram:msg:{message.chat.id}:{message.message_id}",
        sender=_sender(user, kind == "mentor_room"),
        address=_address(message),
        text=_strip_mentions(text, entities, bot_username, bot_id),
        chat_kind=kind,
        addressed=addressed,
        attachment=attachment,
        at=message.date,
        media=media,
    )


def _media(message: Message) -> Media | None:
    """The file of a photo (its largest size) or of a document, by its file_id."""
    if message.photo:
        largest = max(
            message.photo, key=lambda size: (size.width * size.height, size.file_size or 0)
        )
        return Media(
            platform=PLATFORM,
            handle=largest.file_id,
            size=largest.file_size,
            mime="image/jpeg",  # Telegram re-encodes every photo as JPEG
            width=largest.width,
            height=largest.height,
        )
    document = message.document
    if document is None:
        return None
    return Media(
        platform=PLATFORM,
        handle=document.file_id,
        size=document.file_size,
        mime=document.mime_type,
        name=document.file_name or "",
    )


def _entity_text(text: str, entity: MessageEntity) -> str:
    data = text.encode("utf-16-le")
    return data[entity.offset * 2 : (entity.offset + entity.length) * 2].decode("utf-16-le")


def _is_bot_mention(text: str, entity: MessageEntity, bot_username: str, bot_id: int) -> bool:
    if entity.type == MessageEntity.MENTION:
        return _entity_text(text, entity).lower() == f"@{bot_username}".lower()
    if entity.type == MessageEntity.TEXT_MENTION:
        return entity.user is not None and entity.user.id == bot_id
    return False


def _addressed(
    message: Message,
    text: str,
    entities: tuple[MessageEntity, ...],
    bot_username: str,
    bot_id: int,
) -> bool:
    """In a group: a command for this bot, a mention of it, or a reply to it."""
    for entity in entities:
        if entity.type == MessageEntity.BOT_COMMAND and entity.offset == 0:
            _, _, target = _entity_text(text, entity).partition("@")
            if not target or target.lower() == bot_username.lower():
                return True
        if _is_bot_mention(text, entity, bot_username, bot_id):
            return True
    replied = message.reply_to_message
    return (
        replied is not None
        and replied.from_user is not None
        and replied.from_user.id == bot_id
        and replied.forum_topic_created is None  # in a topic, every message "replies" to its start
    )


def _strip_mentions(
    text: str, entities: tuple[MessageEntity, ...], bot_username: str, bot_id: int
) -> str:
    """The text without the @mentions of the bot (commands keep their @suffix)."""
    mentions = [e for e in entities if _is_bot_mention(text, e, bot_username, bot_id)]
    if not mentions:
        return text
    data = text.encode("utf-16-le")
    for entity in sorted(mentions, key=lambda e: e.offset, reverse=True):
        data = data[: entity.offset * 2] + data[(entity.offset + entity.length) * 2 :]
    stripped = _SPACES.sub(" ", data.decode("utf-16-le", errors="ignore")).strip()
    return stripped.lstrip(",:").strip()
