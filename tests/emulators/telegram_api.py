"""A loopback emulator of the Telegram Bot API, for tests.

:class:`TelegramEmulator` runs an aiohttp server on ``127.0.0.1`` (an ephemeral port by default)
that answers ``/bot{token}/{method}`` the way ``api.telegram.org`` does, closely enough for
python-telegram-bot 22 (``Bot(token, base_url=emu.base_url)``) and for the project's own adapter
(``TELEGRAM_API_BASE_URL=emu.base_url``).

What it does:

* Parameters are read from a JSON body, a form-encoded body, a multipart body or the query
  string. Form/multipart values are JSON-decoded when they parse (that is how PTB sends
  objects, numbers and booleans), except for parameters that are strings by definition
  (``text``, ``caption``, ``parse_mode``, ...), which are kept verbatim, as Telegram does.
* Responses use Telegram's envelope: ``{"ok": true, "result": ...}`` or
  ``{"ok": false, "error_code": N, "description": "...", "parameters": {...}}``.
* ``getUpdates`` is a real long poll (offset confirmation, ``limit``, ``timeout``, negative
  offsets, 409 when a webhook is set or a newer poll supersedes an older one); ``setWebhook``
  switches to push mode where the emulator POSTs each update to the webhook URL with the
  ``X-Telegram-Bot-Api-Secret-Token`` header.
* Sent and edited messages are stored per chat with increasing message ids, so tests can read
  them back, press their inline buttons (:meth:`TelegramEmulator.user_presses`) and check edits.
* Validation that catches real bugs: message length, HTML entity parsing (tags, balance,
  ``&`` escapes), MarkdownV2 reserved characters, ``callback_data`` size, button URLs,
  "message is not modified", blocked users, missing chats, unknown forum threads.
* Failure injection: :meth:`TelegramEmulator.fail_next` returns 429/4xx/5xx in Telegram's shape
  or stalls a request longer than the client's timeout.
* Files: photos and documents users send (``user_sends(photo=b"...")``,
  ``user_sends(document=b"...")``) and photos the bot uploads are kept in memory;
  ``getFile`` answers their ``file_path`` and ``/file/bot{token}/{file_path}`` serves their
  bytes (files over 20 MB are refused by ``getFile``, as Telegram does for bots).
  :meth:`TelegramEmulator.sent_photos` and :meth:`TelegramEmulator.file_bytes` read back what
  the bot sent.

Everything test-side runs on the test's event loop; the ``user_*`` and ``fail_*`` helpers are
plain synchronous methods that may be called from async tests.
"""

from __future__ import annotations

import asyncio
import contextlib
import copy
import inspect
import itertools
import json
import re
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from http import HTTPStatus
from types import TracebackType
from typing import Any, Literal

from aiohttp import ClientSession, ClientTimeout, web

JSONDict = dict[str, Any]
ChatKey = int | str
Handler = Callable[[JSONDict, "ApiCall"], Any]

BOT_ID = 7_000_000_001
BOT_USERNAME = "newcomer_guide_bot"
BOT_FIRST_NAME = "Newcomer Guide"
DEFAULT_TOKEN = f"{BOT_ID}:AAEmulatedTokenForNewcomerGuideTests"
SECRET_TOKEN_HEADER = "X-Telegram-Bot-Api-Secret-Token"

MAX_MESSAGE_LENGTH = 4096
MAX_CAPTION_LENGTH = 1024
MAX_CALLBACK_DATA_BYTES = 64
MAX_DOWNLOAD_BYTES = 20 * 1024 * 1024  # the largest file a bot may download (getFile)
PLACEHOLDER_JPEG = b"\xff\xd8\xff\xe0 emulated jpeg \xff\xd9"
# The sizes Telegram makes of a photo (width, height), the last one the original's.
PHOTO_SIZES = ((90, 160), (320, 569), (1080, 1920))

ALLOWED_HTML_TAGS = frozenset(
    {
        "b",
        "strong",
        "i",
        "em",
        "u",
        "ins",
        "s",
        "strike",
        "del",
        "a",
        "code",
        "pre",
        "tg-spoiler",
        "span",
        "blockquote",
    }
)
_HTML_ENTITY_TYPES = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "a": "text_link",
    "code": "code",
    "pre": "pre",
    "tg-spoiler": "spoiler",
    "span": "spoiler",
    "blockquote": "blockquote",
}

# Parameters whose Bot API type is String: Telegram never JSON-decodes them, so neither do we
# (otherwise a message whose text is "123" or "true" would come back as a number/boolean).
_STRING_PARAMS = frozenset(
    {
        "text",
        "caption",
        "parse_mode",
        "callback_query_id",
        "inline_message_id",
        "secret_token",
        "url",
        "ip_address",
        "name",
        "title",
        "description",
        "short_description",
        "language_code",
        "action",
        "emoji",
        "query",
        "photo",
        "sticker",
        "document",
        "icon_custom_emoji_id",
        "business_connection_id",
        "message_effect_id",
        "custom_title",
    }
)

_CHAT_ACTIONS = frozenset(
    {
        "typing",
        "upload_photo",
        "record_video",
        "upload_video",
        "record_voice",
        "upload_voice",
        "upload_document",
        "choose_sticker",
        "find_location",
        "record_video_note",
        "upload_video_note",
    }
)

_UPDATE_KINDS = (
    "message",
    "edited_message",
    "channel_post",
    "edited_channel_post",
    "callback_query",
    "inline_query",
    "chosen_inline_result",
    "my_chat_member",
    "chat_member",
    "chat_join_request",
    "message_reaction",
    "poll",
    "poll_answer",
)

_BUTTON_ACTIONS = (
    "url",
    "callback_data",
    "web_app",
    "login_url",
    "switch_inline_query",
    "switch_inline_query_current_chat",
    "switch_inline_query_chosen_chat",
    "copy_text",
    "callback_game",
    "pay",
)

_COMMAND_RE = re.compile(r"(?<![\w/@])/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?")
_MENTION_RE = re.compile(r"(?<![\w@/])@[A-Za-z][A-Za-z0-9_]{3,31}")
_BOT_COMMAND_NAME_RE = re.compile(r"^[a-z0-9_]{1,32}$")
_SECRET_TOKEN_RE = re.compile(r"^[A-Za-z0-9_-]{1,256}$")


# --------------------------------------------------------------------------------------------
# Errors and records
# --------------------------------------------------------------------------------------------


class ApiError(Exception):
    """A Bot API error, rendered in Telegram's JSON shape."""

    def __init__(
        self, status: int, description: str, parameters: Mapping[str, Any] | None = None
    ) -> None:
        super().__init__(description)
        self.status = status
        self.description = description
        self.parameters = dict(parameters) if parameters else None

    def body(self) -> JSONDict:
        """The response body Telegram would send."""
        body: JSONDict = {"ok": False, "error_code": self.status, "description": self.description}
        if self.parameters:
            body["parameters"] = self.parameters
        return body


def bad_request(detail: str) -> ApiError:
    """``400 Bad Request: {detail}``."""
    return ApiError(400, f"Bad Request: {detail}")


def _entities_error(detail: str) -> ApiError:
    return bad_request(f"can't parse entities: {detail}")


@dataclass(frozen=True)
class UploadedFile:
    """A file part received in a multipart request."""

    field: str
    filename: str | None
    content_type: str | None
    data: bytes


@dataclass(frozen=True)
class StoredFile:
    """A file the emulator can serve: its bytes, where ``getFile`` says it is, and the size
    Telegram reports (None: not reported)."""

    file_id: str
    file_unique_id: str
    data: bytes
    file_path: str
    reported_size: int | None


@dataclass
class ApiCall:
    """One request the emulator answered, with its decoded parameters and the response."""

    seq: int
    method: str
    token: str
    params: JSONDict
    files: dict[str, UploadedFile] = field(default_factory=dict)
    status: int = 200
    response: JSONDict = field(default_factory=dict)
    injected: bool = False
    started_at: float = 0.0
    finished_at: float = 0.0

    @property
    def ok(self) -> bool:
        """Whether the response was ``{"ok": true, ...}``."""
        return bool(self.response.get("ok"))

    @property
    def result(self) -> Any:
        """The ``result`` of a successful call (``None`` for failures)."""
        return self.response.get("result")

    @property
    def error(self) -> str | None:
        """The ``description`` of a failed call."""
        return None if self.ok else self.response.get("description")

    @property
    def chat_id(self) -> ChatKey | None:
        """The normalised ``chat_id`` parameter (int when numeric)."""
        value = self.params.get("chat_id")
        try:
            return None if value is None else _chat_key(value)
        except ApiError:
            return None

    @property
    def text(self) -> str | None:
        """The raw ``text`` (or ``caption``) parameter as the client sent it."""
        value = self.params.get("text", self.params.get("caption"))
        return None if value is None else str(value)

    @property
    def reply_markup(self) -> JSONDict | None:
        """The decoded ``reply_markup`` parameter."""
        markup = self.params.get("reply_markup")
        return markup if isinstance(markup, dict) else None

    @property
    def message_id(self) -> int | None:
        """The ``message_id`` of the resulting message, or of the parameters."""
        result = self.result
        if isinstance(result, dict) and isinstance(result.get("message_id"), int):
            return int(result["message_id"])
        value = self.params.get("message_id")
        return value if isinstance(value, int) else None

    def button_data(self) -> list[str]:
        """All ``callback_data`` values of the inline keyboard in ``reply_markup``."""
        return [
            str(button["callback_data"])
            for row in (self.reply_markup or {}).get("inline_keyboard", [])
            for button in row
            if isinstance(button, dict) and "callback_data" in button
        ]


@dataclass(frozen=True)
class WebhookDelivery:
    """One attempt to POST an update to the webhook."""

    update_id: int | None
    url: str
    secret_token: str | None
    status: int | None
    error: str | None


@dataclass
class _Failure:
    status: int | Literal["timeout"]
    description: str | None
    retry_after: int | None
    delay: float | None
    remaining: int


# --------------------------------------------------------------------------------------------
# Users and chats
# --------------------------------------------------------------------------------------------


def make_user(
    user_id: int,
    first_name: str = "Test",
    *,
    language_code: str | None = "en",
    username: str | None = None,
    last_name: str | None = None,
    is_bot: bool = False,
) -> JSONDict:
    """A Bot API ``User`` object."""
    user: JSONDict = {"id": user_id, "is_bot": is_bot, "first_name": first_name}
    if last_name is not None:
        user["last_name"] = last_name
    if username is not None:
        user["username"] = username
    if language_code is not None:
        user["language_code"] = language_code
    return user


def private_chat(user: Mapping[str, Any]) -> JSONDict:
    """The private ``Chat`` between the bot and ``user``."""
    chat: JSONDict = {"id": user["id"], "type": "private", "first_name": user["first_name"]}
    for key in ("last_name", "username"):
        if key in user:
            chat[key] = user[key]
    return chat


def group_chat(chat_id: int = -4_000_000_001, title: str = "Test group") -> JSONDict:
    """A basic-group ``Chat`` (negative id)."""
    return {"id": chat_id, "type": "group", "title": title}


def supergroup_chat(
    chat_id: int = -1_001_000_000_001,
    title: str = "Test supergroup",
    *,
    is_forum: bool = False,
    username: str | None = None,
) -> JSONDict:
    """A supergroup ``Chat`` (id below -10**12), optionally a forum (topics enabled)."""
    chat: JSONDict = {"id": chat_id, "type": "supergroup", "title": title}
    if is_forum:
        chat["is_forum"] = True
    if username is not None:
        chat["username"] = username
    return chat


def _default_chat_member(status: str, user: JSONDict, **fields: Any) -> JSONDict:
    member: JSONDict = {"status": status, "user": user}
    if status == "creator":
        member["is_anonymous"] = False
    elif status == "administrator":
        member.update(
            can_be_edited=False,
            is_anonymous=False,
            can_manage_chat=True,
            can_delete_messages=True,
            can_manage_video_chats=True,
            can_restrict_members=True,
            can_promote_members=False,
            can_change_info=True,
            can_invite_users=True,
            can_post_stories=False,
            can_edit_stories=False,
            can_delete_stories=False,
            can_pin_messages=True,
            can_manage_topics=True,
        )
    elif status == "restricted":
        member.update(
            is_member=True,
            can_send_messages=False,
            can_send_audios=False,
            can_send_documents=False,
            can_send_photos=False,
            can_send_videos=False,
            can_send_video_notes=False,
            can_send_voice_notes=False,
            can_send_polls=False,
            can_send_other_messages=False,
            can_add_web_page_previews=False,
            can_react_to_messages=False,
            can_change_info=False,
            can_invite_users=False,
            can_pin_messages=False,
            can_manage_topics=False,
            can_edit_tag=False,
            until_date=0,
        )
    elif status == "kicked":
        member["until_date"] = 0
    elif status not in ("member", "left"):
        raise ValueError(f"unknown chat member status {status!r}")
    member.update(fields)
    return member


# --------------------------------------------------------------------------------------------
# Text helpers: UTF-16 offsets, entity detection, HTML and MarkdownV2 checks
# --------------------------------------------------------------------------------------------


def utf16_len(text: str) -> int:
    """Length in UTF-16 code units, the unit of Telegram's entity offsets."""
    return len(text.encode("utf-16-le")) // 2


def auto_entities(text: str) -> list[JSONDict]:
    """The ``bot_command`` and ``mention`` entities a Telegram client would attach to ``text``."""
    found: list[tuple[int, int, str]] = []
    for match in _COMMAND_RE.finditer(text):
        found.append((match.start(), match.end(), "bot_command"))
    for match in _MENTION_RE.finditer(text):
        found.append((match.start(), match.end(), "mention"))
    found.sort()
    return [
        {
            "type": kind,
            "offset": utf16_len(text[:start]),
            "length": utf16_len(text[start:end]),
        }
        for start, end, kind in found
    ]


_TAG_RE = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s[^<>]*)?)>")
_HTML_ENTITY_RE = re.compile(r"&(?:(lt|gt|amp|quot)|#([0-9]{1,7})|#[xX]([0-9a-fA-F]{1,6}));")
_ATTR_RE = re.compile(
    r"""\s*([a-zA-Z][a-zA-Z0-9_-]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?"""
)
_NAMED_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}


def _parse_attributes(raw: str) -> dict[str, str]:
    attrs: dict[str, str] = {}
    pos = 0
    while pos < len(raw):
        if raw[pos:].strip() == "" or raw[pos:].strip() == "/":
            break
        match = _ATTR_RE.match(raw, pos)
        if not match or match.end() == pos:
            break
        value = next((g for g in match.groups()[1:] if g is not None), "")
        attrs[match.group(1).lower()] = _unescape_html_attr(value)
        pos = match.end()
    return attrs


def _unescape_html_attr(value: str) -> str:
    def repl(match: re.Match[str]) -> str:
        if match.group(1):
            return _NAMED_ENTITIES[match.group(1)]
        return chr(int(match.group(2) or match.group(3), 10 if match.group(2) else 16))

    return _HTML_ENTITY_RE.sub(repl, value)


def parse_html(source: str) -> tuple[str, list[JSONDict]]:
    """Parse Telegram-flavoured HTML into ``(plain_text, entities)``.

    Raises :class:`ApiError` (``400 Bad Request: can't parse entities: ...``) for unsupported or
    unbalanced tags, a ``<`` that does not open a tag, and an ``&`` that does not start one of
    ``&lt; &gt; &amp; &quot;`` or a numeric character reference. Entity offsets are in UTF-16
    code units, as Telegram reports them.
    """
    out: list[str] = []
    offset = 0  # UTF-16 offset in the plain text
    stack: list[tuple[str, int, JSONDict, int]] = []  # tag, start offset, entity, byte offset
    entities: list[JSONDict] = []
    pos = 0
    length = len(source)

    def byte_offset(index: int) -> int:
        return len(source[:index].encode("utf-8"))

    while pos < length:
        char = source[pos]
        if char == "&":
            match = _HTML_ENTITY_RE.match(source, pos)
            if not match:
                raise _entities_error(
                    f"Character '&' at byte offset {byte_offset(pos)} must start an HTML entity "
                    "(&lt; &gt; &amp; &quot; or &#NNN;)"
                )
            decoded = _unescape_html_attr(match.group(0))
            out.append(decoded)
            offset += utf16_len(decoded)
            pos = match.end()
            continue
        if char != "<":
            out.append(char)
            offset += utf16_len(char)
            pos += 1
            continue
        match = _TAG_RE.match(source, pos)
        if not match:
            raise _entities_error(f"Unclosed start tag at byte offset {byte_offset(pos)}")
        closing, name, raw_attrs = match.group(1) == "/", match.group(2).lower(), match.group(3)
        if closing:
            if not stack:
                raise _entities_error(f"Unexpected end tag at byte offset {byte_offset(pos)}")
            open_name, start, entity, _ = stack.pop()
            if open_name != name:
                raise _entities_error(
                    f"Unmatched end tag at byte offset {byte_offset(pos)}, "
                    f'expected "</{open_name}>", found "</{name}>"'
                )
            if entity and offset > start:
                entity.update(offset=start, length=offset - start)
                entities.append(entity)
        else:
            if name not in ALLOWED_HTML_TAGS:
                raise _entities_error(
                    f'Unsupported start tag "{name}" at byte offset {byte_offset(pos)}'
                )
            attrs = _parse_attributes(raw_attrs)
            entity = _entity_for_tag(name, attrs, stack, byte_offset(pos))
            stack.append((name, offset, entity, byte_offset(pos)))
        pos = match.end()
    if stack:
        raise _entities_error(f'Can\'t find end tag corresponding to start tag "{stack[-1][0]}"')
    entities.sort(key=lambda e: (e["offset"], -e["length"]))
    return "".join(out), entities


def _entity_for_tag(
    name: str, attrs: dict[str, str], stack: list[tuple[str, int, JSONDict, int]], at: int
) -> JSONDict:
    kind = _HTML_ENTITY_TYPES[name]
    if name == "span" and attrs.get("class") != "tg-spoiler":
        raise _entities_error(f'Tag "span" must have class "tg-spoiler" at byte offset {at}')
    if name == "a":
        href = attrs.get("href", "")
        if href.startswith("tg://user?id="):
            user_id = href.removeprefix("tg://user?id=")
            mentioned = int(user_id) if user_id.isdigit() else 0
            return {
                "type": "text_mention",
                "user": make_user(mentioned, "User", language_code=None),
            }
        return {"type": "text_link", "url": href} if href else {}
    if name == "blockquote" and "expandable" in attrs:
        return {"type": "expandable_blockquote"}
    if name == "code" and stack and stack[-1][0] == "pre":
        language = attrs.get("class", "")
        if language.startswith("language-"):
            stack[-1][2]["language"] = language.removeprefix("language-")
        return {}  # inside <pre>, <code> only carries the language
    return {"type": kind}


_MDV2_MUST_ESCAPE = frozenset("_*[]()~`>#+-=|{}.!")
_MDV2_MARKUP = frozenset("_*[]()~`|")


def check_markdown_v2(text: str) -> str:
    """A conservative MarkdownV2 check; returns the text with escapes removed.

    Rejects the reserved characters ``> # + - = { } . !`` when they are not escaped (``>`` is
    allowed at the start of a line, for block quotes) outside code spans and link URLs, and
    unterminated code spans - the mistakes Telegram rejects most often.
    """
    plain: list[str] = []
    pos = 0
    line_start = True
    while pos < len(text):
        char = text[pos]
        if char == "\\" and pos + 1 < len(text):
            plain.append(text[pos + 1])
            pos += 2
            line_start = False
            continue
        if text.startswith("```", pos) or char == "`":
            fence = "```" if text.startswith("```", pos) else "`"
            end = text.find(fence, pos + len(fence))
            if end < 0:
                raise _entities_error(
                    f"Can't find end of Pre entity at byte offset {len(text[:pos].encode())}"
                )
            plain.append(text[pos + len(fence) : end])
            pos = end + len(fence)
            line_start = False
            continue
        if text.startswith("](", pos):
            end = pos + 2
            while end < len(text) and text[end] != ")":
                end += 2 if text[end] == "\\" else 1
            pos = end + 1
            line_start = False
            continue
        if char == ">" and line_start:
            pos += 1
            line_start = False
            continue
        if char in _MDV2_MUST_ESCAPE and char not in _MDV2_MARKUP:
            raise _entities_error(
                f"Character '{char}' is reserved and must be escaped with the preceding '\\'"
            )
        if char not in _MDV2_MARKUP:
            plain.append(char)
        line_start = char == "\n"
        pos += 1
    return "".join(plain)


def _chat_key(value: Any) -> ChatKey:
    if isinstance(value, bool):
        raise bad_request("chat_id is invalid")
    if isinstance(value, int):
        return value
    text = str(value).strip()
    if re.fullmatch(r"-?\d+", text):
        return int(text)
    return text


def _as_int(value: Any, name: str, default: int | None = None) -> int | None:
    if value is None or value == "":
        return default
    if isinstance(value, bool):
        raise bad_request(f"invalid {name} specified")
    try:
        return int(value)
    except (TypeError, ValueError):
        raise bad_request(f"invalid {name} specified") from None


def _decode_form_value(name: str, raw: str) -> Any:
    if name in _STRING_PARAMS:
        return raw
    try:
        return json.loads(raw)
    except ValueError:
        return raw


# --------------------------------------------------------------------------------------------
# The emulator
# --------------------------------------------------------------------------------------------


class TelegramEmulator:
    """An in-process Telegram Bot API server for tests.

    Usage::

        async with TelegramEmulator() as emu:
            bot = telegram.Bot(emu.token, base_url=emu.base_url)
            update_id = emu.user_sends(42, make_user(42, "Ann"), "/start")
            ...
            call = await emu.wait_for(lambda c: c.method == "sendMessage" and c.chat_id == 42)

    Chats the emulator has not seen are created on first use (positive ids as private chats,
    ids below -10**12 as supergroups, other negative ids as groups) unless they were declared
    missing with :meth:`make_chat_missing`. With ``strict_private_chats=True``, sending to a
    private chat whose user never wrote to the bot (:meth:`user_sends`) answers 403 "Forbidden:
    bot can't initiate conversation with a user", as Telegram does.

    Requests that crash the emulator itself are answered with a 500 and kept in
    :attr:`internal_errors`, so a test can assert the list is empty.
    """

    def __init__(
        self,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        token: str = DEFAULT_TOKEN,
        accepted_tokens: Iterable[str] | None = None,
        bot_id: int = BOT_ID,
        bot_username: str = BOT_USERNAME,
        bot_first_name: str = BOT_FIRST_NAME,
        timeout_delay: float = 10.0,
        webhook_timeout: float = 5.0,
        webhook_retry_delay: float = 0.05,
        webhook_max_attempts: int = 20,
        first_update_id: int = 100_000_001,
        strict_private_chats: bool = False,
    ) -> None:
        self.host = host
        self._requested_port = port
        self._port: int | None = None
        self.token = token
        self.accepted_tokens = frozenset(accepted_tokens) if accepted_tokens else None
        self.bot_user: JSONDict = {
            "id": bot_id,
            "is_bot": True,
            "first_name": bot_first_name,
            "username": bot_username,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }
        self.timeout_delay = timeout_delay
        self.webhook_timeout = webhook_timeout
        self.webhook_retry_delay = webhook_retry_delay
        self.webhook_max_attempts = webhook_max_attempts

        self.calls: list[ApiCall] = []
        self.counts: Counter[str] = Counter()
        self.tokens_seen: Counter[str] = Counter()
        self.webhook_deliveries: list[WebhookDelivery] = []
        self.callback_answers: dict[str, JSONDict] = {}
        self.deleted_messages: list[tuple[ChatKey, int]] = []
        self.internal_errors: list[BaseException] = []
        self.strict_private_chats = strict_private_chats
        self._started_private: set[ChatKey] = set()

        self._updates: deque[JSONDict] = deque()
        self._next_update_id = first_update_id
        self._confirmed_offset = 0
        self._delivered: set[int] = set()
        self._allowed_updates: list[str] = []
        self._poll_generation = 0

        self._users: dict[int, JSONDict] = {int(bot_id): self._bot_as_user()}
        self._chats: dict[ChatKey, JSONDict] = {}
        self._messages: dict[ChatKey, dict[int, JSONDict]] = {}
        self._last_message_id: dict[ChatKey, int] = {}
        self._history: dict[tuple[ChatKey, int], list[JSONDict]] = {}
        self._callback_queries: dict[str, JSONDict] = {}
        self._callback_ids = itertools.count(4_100_000_000_000_000_001)
        self._file_ids = itertools.count(1)
        self._files: dict[str, StoredFile] = {}
        self._commands: dict[tuple[str, str], list[JSONDict]] = {}
        self._topics: dict[ChatKey, dict[int, JSONDict]] = {}
        self._members: dict[ChatKey, dict[int, JSONDict]] = {}
        self._blocked: set[ChatKey] = set()
        self._missing: set[ChatKey] = set()
        self._failures: dict[str, deque[_Failure]] = {}
        self._custom: dict[str, Handler] = {}
        self._webhook: JSONDict | None = None
        self._webhook_error: tuple[int, str] | None = None

        self._changed = asyncio.Event()
        self._calls_changed = asyncio.Event()
        self._closing = asyncio.Event()
        self._runner: web.AppRunner | None = None
        self._session: ClientSession | None = None
        self._webhook_task: asyncio.Task[None] | None = None

        self._methods: dict[str, tuple[str, Handler]] = {}
        for name, handler in (
            ("getMe", self._get_me),
            ("logOut", self._return_true),
            ("close", self._return_true),
            ("getUpdates", self._get_updates),
            ("setWebhook", self._set_webhook),
            ("deleteWebhook", self._delete_webhook),
            ("getWebhookInfo", self._get_webhook_info),
            ("sendMessage", self._send_message),
            ("editMessageText", self._edit_message_text),
            ("editMessageReplyMarkup", self._edit_message_reply_markup),
            ("deleteMessage", self._delete_message),
            ("answerCallbackQuery", self._answer_callback_query),
            ("setMyCommands", self._set_my_commands),
            ("getMyCommands", self._get_my_commands),
            ("deleteMyCommands", self._delete_my_commands),
            ("createForumTopic", self._create_forum_topic),
            ("sendPhoto", self._send_photo),
            ("sendDocument", self._send_document),
            ("getFile", self._get_file),
            ("editMessageCaption", self._edit_message_caption),
            ("sendSticker", self._send_sticker),
            ("copyMessage", self._copy_message),
            ("getChat", self._get_chat),
            ("getChatMember", self._get_chat_member),
            ("sendChatAction", self._send_chat_action),
            ("setMyDescription", self._return_true),
            ("setMyShortDescription", self._return_true),
            ("setMyName", self._return_true),
            ("setChatMenuButton", self._return_true),
            ("setMessageReaction", self._return_true),
            ("pinChatMessage", self._return_true),
            ("unpinChatMessage", self._return_true),
            ("leaveChat", self._return_true),
        ):
            self._methods[name.lower()] = (name, handler)

    # ---------------------------------------------------------------- lifecycle

    async def start(self) -> None:
        """Bind the server (ephemeral port unless one was given) and start webhook delivery."""
        if self._runner is not None:
            return
        self._closing = asyncio.Event()
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        app.router.add_route("*", "/file/bot{token}/{path:.*}", self._handle_file)
        runner = web.AppRunner(app, access_log=None, shutdown_timeout=1.0)
        await runner.setup()
        site = web.TCPSite(runner, self.host, self._requested_port)
        await site.start()
        self._runner = runner
        server = site._server  # the asyncio.Server; aiohttp exposes no public accessor
        sockets = getattr(server, "sockets", None) or []
        self._port = int(sockets[0].getsockname()[1]) if sockets else self._requested_port
        self._session = ClientSession()
        self._webhook_task = asyncio.create_task(self._webhook_loop(), name="emulator-webhook")

    async def stop(self) -> None:
        """Stop serving; pending long polls and stalled requests are answered at once."""
        self._closing.set()
        self._notify()
        if self._webhook_task is not None:
            self._webhook_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._webhook_task
            self._webhook_task = None
        if self._session is not None:
            await self._session.close()
            self._session = None
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> TelegramEmulator:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.stop()

    @property
    def port(self) -> int:
        """The bound TCP port (after :meth:`start`)."""
        if self._port is None:
            raise RuntimeError("TelegramEmulator is not started")
        return self._port

    @property
    def root_url(self) -> str:
        """``http://127.0.0.1:PORT``."""
        return f"http://{self.host}:{self.port}"

    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:PORT/bot``: PTB's ``base_url`` / ``TELEGRAM_API_BASE_URL``."""
        return f"{self.root_url}/bot"

    @property
    def base_file_url(self) -> str:
        """``http://127.0.0.1:PORT/file/bot``: PTB's ``base_file_url``."""
        return f"{self.root_url}/file/bot"

    def method_url(self, method: str, token: str | None = None) -> str:
        """The full URL of ``method`` for ``token`` (the default token unless given)."""
        return f"{self.base_url}{token or self.token}/{method}"

    # ---------------------------------------------------------------- test-side: updates

    def user_sends(
        self,
        chat: int | Mapping[str, Any],
        user: int | Mapping[str, Any],
        text: str = "",
        *,
        entities: list[JSONDict] | None = None,
        reply_to: int | None = None,
        thread_id: int | None = None,
        chat_type: Literal["private", "group", "supergroup"] = "private",
        photo: bool | bytes = False,
        document: bytes | Mapping[str, Any] | None = None,
        file_size: int | None = None,
        sticker: bool = False,
        new_members: Iterable[int | Mapping[str, Any]] | None = None,
        edited: bool = False,
    ) -> int:
        """Queue an Update carrying a message from ``user`` in ``chat``; returns its update_id.

        ``chat`` and ``user`` are ids or Bot API dicts (see :func:`make_user`,
        :func:`private_chat`, :func:`group_chat`, :func:`supergroup_chat`); for an id,
        ``chat_type`` picks the chat kind. Without ``entities``, ``bot_command`` entities
        (``/cmd``, ``/cmd@newcomer_guide_bot``) and ``mention`` entities (``@name``) are added
        as a Telegram client would. ``photo``/``document``/``sticker`` send media (``text``
        becomes the caption): ``photo`` is True or the bytes of the original (served for its
        largest size, see :data:`PHOTO_SIZES`); ``document`` is the bytes of a file or a dict
        (``content``, ``file_name``, ``mime_type``, default ``screenshot.png``/``image/png``);
        ``file_size`` is the size Telegram reports for that file instead of its true length.
        ``new_members`` sends a ``new_chat_members`` service message, ``reply_to``
        is a message id in the same chat, ``thread_id`` a forum topic id. ``edited=True`` sends
        it as ``edited_message`` of a new message id.
        """
        user_d = self._coerce_user(user)
        chat_d = self._coerce_chat(chat, chat_type, user_d)
        key = _chat_key(chat_d["id"])
        if chat_d["type"] == "private":
            self._started_private.add(key)
        else:
            self._members.setdefault(key, {}).setdefault(
                int(user_d["id"]), _default_chat_member("member", user_d)
            )
        message: JSONDict = {
            "message_id": self._alloc_message_id(key),
            "from": user_d,
            "chat": copy.deepcopy(chat_d),
            "date": int(time.time()),
        }
        if thread_id is not None:
            message["message_thread_id"] = thread_id
            if chat_d.get("is_forum"):
                message["is_topic_message"] = True
                self._topics.setdefault(key, {}).setdefault(
                    thread_id,
                    {"message_thread_id": thread_id, "name": f"Topic {thread_id}", "icon_color": 0},
                )
        if reply_to is not None:
            message["reply_to_message"] = self._reply_snapshot(key, reply_to, chat_d)
        if new_members:
            members = [self._coerce_user(member) for member in new_members]
            message["new_chat_members"] = members
            for member in members:
                self._members.setdefault(key, {})[int(member["id"])] = _default_chat_member(
                    "member", member
                )
        elif photo is not False or document is not None:
            if document is not None:
                message["document"] = self._document_object(document, file_size)
            else:
                original = photo if isinstance(photo, bytes) else None
                message["photo"] = self._photo_sizes(original, file_size)
            if text:
                message["caption"] = text
                caption_entities = entities if entities is not None else auto_entities(text)
                if caption_entities:
                    message["caption_entities"] = caption_entities
        elif sticker:
            message["sticker"] = self._sticker_object(None)
        else:
            message["text"] = text
            ents = entities if entities is not None else auto_entities(text)
            if ents:
                message["entities"] = ents
        if edited:
            message["edit_date"] = message["date"]
        self._messages.setdefault(key, {})[message["message_id"]] = message
        return self._push({"edited_message" if edited else "message": copy.deepcopy(message)})

    def user_presses(
        self,
        chat: int | Mapping[str, Any],
        user: int | Mapping[str, Any],
        message_id: int,
        data: str,
        *,
        check_button: bool = True,
    ) -> int:
        """Queue a ``callback_query`` Update: ``user`` presses a button on a bot message.

        The message must be one the bot sent in ``chat`` (its current state, keyboard included,
        goes into the update). With ``check_button`` (the default) ``data`` must be the
        ``callback_data`` of one of its buttons, as only real buttons can be pressed.
        """
        user_d = self._coerce_user(user)
        chat_id = _chat_key(chat["id"] if isinstance(chat, Mapping) else chat)
        message = self._messages.get(chat_id, {}).get(message_id)
        if message is None:
            raise ValueError(f"no message {message_id} in chat {chat_id}")
        if message.get("from", {}).get("id") != self.bot_user["id"]:
            raise ValueError(f"message {message_id} in chat {chat_id} was not sent by the bot")
        if check_button:
            buttons = [
                button.get("callback_data")
                for row in message.get("reply_markup", {}).get("inline_keyboard", [])
                for button in row
            ]
            if data not in buttons:
                raise ValueError(f"message {message_id} has no button with data {data!r}")
        query_id = str(next(self._callback_ids))
        query: JSONDict = {
            "id": query_id,
            "from": user_d,
            "message": copy.deepcopy(message),
            "chat_instance": str(abs(hash(("chat-instance", chat_id))) % 10**18),
            "data": data,
        }
        self._callback_queries[query_id] = query
        return self._push({"callback_query": query})

    def push_raw_update(self, update: Mapping[str, Any]) -> int:
        """Queue an arbitrary (possibly malformed) update; ``update_id`` is added if missing."""
        return self._push(dict(update))

    def pending_updates(self) -> list[JSONDict]:
        """Updates not yet confirmed (polling) or delivered (webhook), oldest first."""
        return copy.deepcopy(list(self._updates))

    @property
    def confirmed_offset(self) -> int:
        """The highest ``offset`` a ``getUpdates`` call has acknowledged (0 before any)."""
        return self._confirmed_offset

    def delivered(self, update_id: int) -> bool:
        """Whether ``update_id`` was returned by ``getUpdates`` or accepted by the webhook."""
        return update_id in self._delivered

    async def wait_delivered(self, update_id: int, timeout: float = 5.0) -> None:
        """Wait until ``update_id`` has been handed to the client."""
        await self._wait_until(lambda: update_id in self._delivered, timeout, f"update {update_id}")

    # ---------------------------------------------------------------- test-side: behaviour

    def fail_next(
        self,
        method: str,
        status: int | Literal["timeout"],
        *,
        retry_after: int | None = None,
        description: str | None = None,
        times: int = 1,
        delay: float | None = None,
    ) -> None:
        """Make the next ``times`` calls of ``method`` fail (queued after earlier injections).

        ``status`` is an HTTP error code answered in Telegram's shape (429 gets
        ``parameters.retry_after``, default 1 s; 403 defaults to "Forbidden: bot was blocked
        by the user") or ``"timeout"``: the request is held for ``delay`` seconds (default
        :attr:`timeout_delay`, longer than PTB's 5 s read timeout) and then answered with a 504,
        without being carried out. Failed calls are recorded with ``injected=True``.
        """
        if times < 1:
            raise ValueError("times must be >= 1")
        if status != "timeout" and not (isinstance(status, int) and status >= 400):
            raise ValueError(f"status must be an HTTP error code or 'timeout', not {status!r}")
        name = self._canonical(method)
        self._failures.setdefault(name, deque()).append(
            _Failure(status, description, retry_after, delay, times)
        )

    def clear_failures(self) -> None:
        """Forget all injected failures that have not fired yet."""
        self._failures.clear()

    def block_user(self, chat_id: ChatKey) -> None:
        """Sending to ``chat_id`` now answers 403 "Forbidden: bot was blocked by the user"."""
        self._blocked.add(_chat_key(chat_id))

    def unblock_user(self, chat_id: ChatKey) -> None:
        """Undo :meth:`block_user`."""
        self._blocked.discard(_chat_key(chat_id))

    def make_chat_missing(self, chat_id: ChatKey) -> None:
        """Any call about ``chat_id`` now answers 400 "Bad Request: chat not found"."""
        self._missing.add(_chat_key(chat_id))

    def add_chat(self, chat: Mapping[str, Any]) -> JSONDict:
        """Register a chat object (so getChat/getChatMember/forum checks know it)."""
        chat_d = dict(chat)
        self._chats[_chat_key(chat_d["id"])] = chat_d
        return chat_d

    def set_chat_member(
        self,
        chat_id: ChatKey,
        user: int | Mapping[str, Any],
        status: Literal[
            "creator", "administrator", "member", "restricted", "left", "kicked"
        ] = "member",
        **fields: Any,
    ) -> JSONDict:
        """Configure what ``getChatMember(chat_id, user)`` answers; returns the ChatMember."""
        user_d = self._coerce_user(user)
        member = _default_chat_member(status, user_d, **fields)
        self._members.setdefault(_chat_key(chat_id), {})[int(user_d["id"])] = member
        return member

    def chat_member_changes(
        self,
        chat_id: ChatKey,
        user: int | Mapping[str, Any],
        status: Literal[
            "creator", "administrator", "member", "restricted", "left", "kicked"
        ] = "left",
        *,
        by: int | Mapping[str, Any] | None = None,
    ) -> int:
        """Someone joins, leaves or is removed from a group: ``getChatMember`` answers the new
        status from now on and a ``chat_member`` update is queued (Telegram sends those only
        to a bot that is an admin of the group and asks for them in ``allowed_updates``)."""
        user_d = self._coerce_user(user)
        key = _chat_key(chat_id)
        old = copy.deepcopy(
            self._members.get(key, {}).get(int(user_d["id"]))
            or _default_chat_member("member", user_d)
        )
        new = self.set_chat_member(chat_id, user_d, status)
        chat = copy.deepcopy(self._chats.get(key) or {"id": int(chat_id), "type": "supergroup"})
        actor = self._coerce_user(by) if by is not None else user_d
        change = {
            "chat": chat,
            "from": actor,
            "date": int(time.time()),
            "old_chat_member": old,
            "new_chat_member": copy.deepcopy(new),
        }
        return self._push({"chat_member": change})

    def add_forum_topic(self, chat_id: ChatKey, thread_id: int, name: str = "Topic") -> None:
        """Declare an existing forum topic (createForumTopic also adds one)."""
        self._topics.setdefault(_chat_key(chat_id), {})[thread_id] = {
            "message_thread_id": thread_id,
            "name": name,
            "icon_color": 7322096,
        }

    def set_handler(self, method: str, handler: Handler) -> None:
        """Answer ``method`` with ``handler(params, call)`` (sync or async); raise
        :class:`ApiError` from it for an error. Overrides built-in methods too."""
        self._custom[method.lower()] = handler

    # ---------------------------------------------------------------- test-side: inspection

    def sent(
        self,
        chat_id: ChatKey | None = None,
        method: str | None = "sendMessage",
        *,
        include_failed: bool = False,
    ) -> list[ApiCall]:
        """Recorded calls of ``method`` (any method if None), in order; successful ones only
        unless ``include_failed``; filtered on ``chat_id`` when given."""
        name = self._canonical(method) if method else None
        key = None if chat_id is None else _chat_key(chat_id)
        return [
            call
            for call in self.calls
            if (name is None or call.method == name)
            and (include_failed or call.ok)
            and (key is None or call.chat_id == key)
        ]

    def sent_texts(self, chat_id: ChatKey | None = None) -> list[str]:
        """The ``text`` parameter of every successful sendMessage, in order."""
        return [call.text or "" for call in self.sent(chat_id)]

    def last_sent(
        self, chat_id: ChatKey | None = None, method: str | None = "sendMessage"
    ) -> ApiCall | None:
        """The latest successful call of ``method`` (to ``chat_id``), or None."""
        calls = self.sent(chat_id, method)
        return calls[-1] if calls else None

    def count(self, method: str) -> int:
        """How many requests for ``method`` arrived (failed and pending ones included)."""
        return self.counts[self._canonical(method)]

    def mark(self) -> int:
        """A position in :attr:`calls`, to pass as ``since=`` to :meth:`wait_for`."""
        return len(self.calls)

    async def wait_for(
        self, predicate: Callable[[ApiCall], bool], timeout: float = 5.0, *, since: int = 0
    ) -> ApiCall:
        """Wait until a recorded call (from position ``since``) satisfies ``predicate``."""
        deadline = asyncio.get_running_loop().time() + timeout
        index = since
        while True:
            event = self._calls_changed
            for call in self.calls[index:]:
                if predicate(call):
                    return call
            index = len(self.calls)
            remaining = deadline - asyncio.get_running_loop().time()
            if remaining <= 0:
                recent = ", ".join(f"{c.method}({c.chat_id})->{c.status}" for c in self.calls[-8:])
                raise TimeoutError(
                    f"no Telegram call matched within {timeout}s; last calls: {recent or 'none'}"
                )
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(event.wait(), remaining)

    async def wait_for_sent(
        self,
        chat_id: ChatKey | None = None,
        method: str = "sendMessage",
        *,
        count: int = 1,
        timeout: float = 5.0,
    ) -> list[ApiCall]:
        """Wait until at least ``count`` successful ``method`` calls (to ``chat_id``) exist."""
        await self._wait_until(
            lambda: len(self.sent(chat_id, method)) >= count,
            timeout,
            f"{count} x {method} to {chat_id}",
            event_attr="_calls_changed",
        )
        return self.sent(chat_id, method)

    def chat(self, chat_id: ChatKey) -> JSONDict | None:
        """The chat object the emulator holds for ``chat_id``."""
        return self._chats.get(_chat_key(chat_id))

    def messages(self, chat_id: ChatKey) -> list[JSONDict]:
        """The current state of every message in a chat (user and bot), by message id."""
        stored = self._messages.get(_chat_key(chat_id), {})
        return [copy.deepcopy(stored[mid]) for mid in sorted(stored)]

    def bot_messages(self, chat_id: ChatKey) -> list[JSONDict]:
        """The messages the bot sent (and has not deleted) in a chat, current state."""
        return [m for m in self.messages(chat_id) if m["from"]["id"] == self.bot_user["id"]]

    def message(self, chat_id: ChatKey, message_id: int) -> JSONDict:
        """The current state of one message (KeyError if unknown or deleted)."""
        return copy.deepcopy(self._messages[_chat_key(chat_id)][message_id])

    def edit_history(self, chat_id: ChatKey, message_id: int) -> list[JSONDict]:
        """Every version of a message, oldest first, the current one last."""
        key = _chat_key(chat_id)
        versions = [copy.deepcopy(v) for v in self._history.get((key, message_id), [])]
        current = self._messages.get(key, {}).get(message_id)
        if current is not None:
            versions.append(copy.deepcopy(current))
        return versions

    def commands(
        self, scope: Mapping[str, Any] | None = None, language_code: str = ""
    ) -> list[JSONDict]:
        """The command list set for ``scope`` (default scope if None) and ``language_code``."""
        return copy.deepcopy(self._commands.get(self._commands_key(scope, language_code), []))

    def all_commands(self) -> dict[tuple[str, str], list[JSONDict]]:
        """Every stored command list, keyed by (scope as sorted JSON, language_code)."""
        return copy.deepcopy(self._commands)

    def topics(self, chat_id: ChatKey) -> dict[int, JSONDict]:
        """The forum topics known in a chat, by message_thread_id."""
        return copy.deepcopy(self._topics.get(_chat_key(chat_id), {}))

    @property
    def webhook(self) -> JSONDict | None:
        """The current webhook settings (url, secret_token, ...) or None in polling mode."""
        return copy.deepcopy(self._webhook)

    # ---------------------------------------------------------------- internals: plumbing

    def _notify(self) -> None:
        event, self._changed = self._changed, asyncio.Event()
        event.set()

    def _notify_calls(self) -> None:
        event, self._calls_changed = self._calls_changed, asyncio.Event()
        event.set()

    async def _wait_until(
        self,
        condition: Callable[[], bool],
        timeout: float,
        what: str,
        *,
        event_attr: str = "_changed",
    ) -> None:
        deadline = asyncio.get_running_loop().time() + timeout
        while True:
            event: asyncio.Event = getattr(self, event_attr)
            if condition():
                return
            remaining = deadline - asyncio.get_running_loop().time()
            if remaining <= 0:
                raise TimeoutError(f"timed out after {timeout}s waiting for {what}")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(event.wait(), remaining)

    def _canonical(self, method: str) -> str:
        entry = self._methods.get(method.lower())
        return entry[0] if entry else method

    def _push(self, update: JSONDict) -> int:
        if not isinstance(update.get("update_id"), int):
            update = {"update_id": self._next_update_id, **update}
        update_id = int(update["update_id"])
        self._next_update_id = max(self._next_update_id, update_id + 1)
        self._updates.append(update)
        self._notify()
        return update_id

    def _bot_as_user(self) -> JSONDict:
        return {k: self.bot_user[k] for k in ("id", "is_bot", "first_name", "username")}

    def _coerce_user(self, user: int | Mapping[str, Any]) -> JSONDict:
        if isinstance(user, Mapping):
            user_d = dict(user)
        else:
            user_d = self._users.get(int(user)) or make_user(int(user), f"User{user}")
        self._users[int(user_d["id"])] = user_d
        return copy.deepcopy(user_d)

    def _coerce_chat(
        self, chat: int | Mapping[str, Any], chat_type: str, user: JSONDict
    ) -> JSONDict:
        if isinstance(chat, Mapping):
            chat_d = dict(chat)
        else:
            key = _chat_key(chat)
            known = self._chats.get(key)
            if chat_type == "private" and (known is None or known.get("type") == "private"):
                chat_d = {**private_chat(user), "id": key}  # the user's own name and username
            elif known is not None:
                chat_d = known
            elif chat_type == "group":
                chat_d = group_chat(int(key))
            else:
                chat_d = supergroup_chat(int(key))
        self._chats[_chat_key(chat_d["id"])] = chat_d
        return chat_d

    def _auto_chat(self, key: ChatKey) -> JSONDict:
        if isinstance(key, str):
            for chat in self._chats.values():
                if key.startswith("@") and chat.get("username") == key[1:]:
                    return chat
            raise bad_request("chat not found")
        if key > 0:
            user = self._users.get(key) or make_user(key, f"User{key}")
            chat = private_chat(user)
        elif key < -1_000_000_000_000:
            chat = supergroup_chat(key)
        else:
            chat = group_chat(key)
        self._chats[key] = chat
        return chat

    def _resolve_chat(self, value: Any, *, sending: bool = False) -> JSONDict:
        if value is None or value == "":
            raise bad_request("chat_id is empty")
        key = _chat_key(value)
        if key in self._missing:
            raise bad_request("chat not found")
        chat = self._chats.get(key) or self._auto_chat(key)
        if sending and _chat_key(chat["id"]) in self._blocked:
            raise ApiError(403, "Forbidden: bot was blocked by the user")
        if (
            sending
            and self.strict_private_chats
            and chat.get("type") == "private"
            and _chat_key(chat["id"]) not in self._started_private
        ):
            raise ApiError(403, "Forbidden: bot can't initiate conversation with a user")
        return chat

    def _alloc_message_id(self, key: ChatKey) -> int:
        next_id = self._last_message_id.get(key, 0) + 1
        self._last_message_id[key] = next_id
        return next_id

    def _reply_snapshot(self, key: ChatKey, message_id: int, chat: JSONDict) -> JSONDict:
        stored = self._messages.get(key, {}).get(message_id)
        if stored is None:
            return {"message_id": message_id, "date": int(time.time()), "chat": dict(chat)}
        snapshot = copy.deepcopy(stored)
        snapshot.pop("reply_to_message", None)
        return snapshot

    def _new_file_id(self, prefix: str) -> tuple[str, str]:
        number = next(self._file_ids)
        return f"{prefix}-emu-{number:06d}", f"uq-{prefix}-{number:06d}"

    def add_file(
        self, data: bytes, *, prefix: str = "BQAC", file_size: int | None = None, folder: str = ""
    ) -> StoredFile:
        """Keep a file the emulator serves (``getFile`` and the download URL); ``file_size``
        is the size Telegram reports for it (its length unless given)."""
        file_id, unique = self._new_file_id(prefix)
        folder = folder or ("photos" if prefix == "AgAC" else "documents")
        stored = StoredFile(
            file_id,
            unique,
            bytes(data),
            f"{folder}/file_{len(self._files)}",
            len(data) if file_size is None else file_size,
        )
        self._files[file_id] = stored
        return stored

    def file_bytes(self, file_id: str) -> bytes:
        """The bytes of a file the emulator holds (a user's upload or one the bot sent)."""
        return self._files[file_id].data

    def sent_photos(self, chat_id: ChatKey | None = None) -> list[tuple[ApiCall, bytes]]:
        """Every photo the bot sent (successfully), with the bytes it uploaded, in order.
        The caption and buttons are on the call (``call.result["caption"]``,
        ``call.reply_markup``)."""
        return [
            (call, self.file_bytes(call.result["photo"][-1]["file_id"]))
            for call in self.sent(chat_id, "sendPhoto")
        ]

    def _photo_sizes(
        self, original: bytes | None = None, file_size: int | None = None
    ) -> list[JSONDict]:
        sizes = []
        for number, (width, height) in enumerate(PHOTO_SIZES):
            largest = number == len(PHOTO_SIZES) - 1
            data = (original or PLACEHOLDER_JPEG) if largest else PLACEHOLDER_JPEG[: 8 + number]
            stored = self.add_file(data, prefix="AgAC", file_size=file_size if largest else None)
            size: JSONDict = {
                "file_id": stored.file_id,
                "file_unique_id": stored.file_unique_id,
                "width": width,
                "height": height,
            }
            if stored.reported_size is not None:
                size["file_size"] = stored.reported_size
            sizes.append(size)
        return sizes

    def _document_object(self, spec: bytes | Mapping[str, Any], file_size: int | None) -> JSONDict:
        found: Mapping[str, Any] = {"content": spec} if isinstance(spec, bytes) else spec
        stored = self.add_file(bytes(found.get("content", b"")), file_size=file_size)
        document: JSONDict = {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "file_name": found.get("file_name", "screenshot.png"),
            "mime_type": found.get("mime_type", "image/png"),
        }
        if stored.reported_size is not None:
            document["file_size"] = stored.reported_size
        return document

    def _sticker_object(self, given: Any) -> JSONDict:
        file_id, unique = self._new_file_id("CAAC")
        if isinstance(given, str) and not given.startswith(("attach://", "http")):
            file_id = given
        return {
            "file_id": file_id,
            "file_unique_id": unique,
            "type": "regular",
            "width": 512,
            "height": 512,
            "is_animated": False,
            "is_video": False,
            "emoji": "👋",
        }

    # ---------------------------------------------------------------- internals: HTTP

    async def _parse_params(self, request: web.Request) -> tuple[JSONDict, dict[str, UploadedFile]]:
        params: JSONDict = {k: _decode_form_value(k, v) for k, v in request.query.items()}
        files: dict[str, UploadedFile] = {}
        if not request.can_read_body:
            return params, files
        content_type = request.content_type
        if content_type == "application/json":
            raw = await request.read()
            if raw.strip():
                try:
                    body = json.loads(raw)
                except ValueError:
                    raise bad_request("can't parse JSON request body") from None
                if not isinstance(body, dict):
                    raise bad_request("request body must be a JSON object")
                params.update(body)
        elif content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
            form = await request.post()
            for name, value in form.items():
                if isinstance(value, web.FileField):
                    files[name] = UploadedFile(
                        name, value.filename, value.content_type, value.file.read()
                    )
                    params[name] = f"attach://{name}"
                else:
                    params[name] = _decode_form_value(name, str(value))
        return params, files

    async def _handle(self, request: web.Request) -> web.Response:
        token = request.match_info["token"]
        raw_method = request.match_info["method"]
        method = self._canonical(raw_method)
        self.counts[method] += 1
        self.tokens_seen[token] += 1
        call = ApiCall(seq=0, method=method, token=token, params={}, started_at=time.monotonic())
        try:
            call.params, call.files = await self._parse_params(request)
            body = await self._dispatch(raw_method, call)
            status = 200
        except ApiError as exc:
            body, status = exc.body(), exc.status
        except Exception as exc:  # an emulator bug: answer like a server error, keep a trace
            self.internal_errors.append(exc)
            body = {
                "ok": False,
                "error_code": 500,
                "description": f"Internal Server Error: emulator failure {exc!r}",
            }
            status = 500
        call.status, call.response = status, body
        self._record(call)
        return web.json_response(body, status=status)

    async def _dispatch(self, raw_method: str, call: ApiCall) -> JSONDict:
        if self.accepted_tokens is not None and call.token not in self.accepted_tokens:
            raise ApiError(401, "Unauthorized")
        custom = self._custom.get(raw_method.lower())
        entry = self._methods.get(raw_method.lower())
        if custom is None and entry is None:
            raise ApiError(404, "Not Found")
        await self._apply_failure(call)
        handler = custom or entry[1]  # type: ignore[index]
        result = handler(call.params, call)
        if inspect.isawaitable(result):
            result = await result
        return {"ok": True, "result": result}

    async def _apply_failure(self, call: ApiCall) -> None:
        queue = self._failures.get(call.method)
        if not queue:
            return
        failure = queue[0]
        failure.remaining -= 1
        if failure.remaining <= 0:
            queue.popleft()
        call.injected = True
        if failure.status == "timeout":
            delay = self.timeout_delay if failure.delay is None else failure.delay
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._closing.wait(), delay)
            raise ApiError(504, failure.description or "Gateway Timeout (emulated timeout)")
        status = int(failure.status)
        if status == 429:
            retry_after = 1 if failure.retry_after is None else failure.retry_after
            raise ApiError(
                429,
                failure.description or f"Too Many Requests: retry after {retry_after}",
                {"retry_after": retry_after},
            )
        if status == 403:
            raise ApiError(403, failure.description or "Forbidden: bot was blocked by the user")
        if failure.description:
            raise ApiError(status, failure.description)
        try:
            phrase = HTTPStatus(status).phrase
        except ValueError:
            phrase = "Error"
        raise ApiError(status, phrase)

    def _record(self, call: ApiCall) -> None:
        call.seq = len(self.calls)
        call.finished_at = time.monotonic()
        self.calls.append(call)
        self._notify_calls()

    async def _handle_file(self, request: web.Request) -> web.Response:
        token, path = request.match_info["token"], request.match_info["path"]
        found = next((f for f in self._files.values() if f.file_path == path), None)
        self.counts["download"] += 1
        refused = self.accepted_tokens is not None and token not in self.accepted_tokens
        if refused or found is None:
            return web.json_response(
                {"ok": False, "error_code": 404, "description": "Not Found"}, status=404
            )
        return web.Response(body=found.data, content_type="application/octet-stream")

    # ---------------------------------------------------------------- internals: webhook

    async def _webhook_loop(self) -> None:
        attempts = 0
        while not self._closing.is_set():
            event = self._changed
            hook = self._webhook
            batch = self._deliverable(1) if hook else []
            if hook is None or not batch:
                await event.wait()
                continue
            update = batch[0]
            status, error = await self._post_update(hook, update)
            update_id = update.get("update_id")
            self.webhook_deliveries.append(
                WebhookDelivery(update_id, hook["url"], hook.get("secret_token"), status, error)
            )
            if status is not None and 200 <= status < 300:
                attempts = 0
                self._webhook_error = None
                self._drop_update(update)
                if isinstance(update_id, int):
                    self._delivered.add(update_id)
                self._notify()
                continue
            attempts += 1
            self._webhook_error = (int(time.time()), error or f"Wrong response: {status}")
            if attempts >= self.webhook_max_attempts:
                attempts = 0
                self._drop_update(update)
                self._notify()
                continue
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._closing.wait(), self.webhook_retry_delay)

    async def _post_update(self, hook: JSONDict, update: JSONDict) -> tuple[int | None, str | None]:
        assert self._session is not None
        headers = {}
        if hook.get("secret_token"):
            headers[SECRET_TOKEN_HEADER] = hook["secret_token"]
        try:
            async with self._session.post(
                hook["url"],
                json=update,
                headers=headers,
                timeout=ClientTimeout(total=self.webhook_timeout),
            ) as response:
                await response.read()
                if 200 <= response.status < 300:
                    return response.status, None
                return response.status, (
                    f"Wrong response from the webhook: {response.status} {response.reason}"
                )
        except Exception as exc:  # refused, reset, timed out, bad URL...
            return None, f"Connection failed: {exc!r}"

    def _drop_update(self, update: JSONDict) -> None:
        with contextlib.suppress(ValueError):
            self._updates.remove(update)

    def _deliverable(self, limit: int) -> list[JSONDict]:
        allowed = self._allowed_updates
        if allowed:
            kept = deque(
                u
                for u in self._updates
                if any(kind in u for kind in allowed)
                or not any(kind in u for kind in _UPDATE_KINDS)
            )
            self._updates = kept
        return list(itertools.islice(self._updates, limit))

    # ---------------------------------------------------------------- methods: updates

    def _return_true(self, params: JSONDict, call: ApiCall) -> bool:
        return True

    def _get_me(self, params: JSONDict, call: ApiCall) -> JSONDict:
        return copy.deepcopy(self.bot_user)

    def _confirm(self, offset: int) -> None:
        if offset > 0:
            self._updates = deque(
                u
                for u in self._updates
                if isinstance(u.get("update_id"), int) and u["update_id"] >= offset
            )
            self._confirmed_offset = max(self._confirmed_offset, offset)
        elif offset < 0:
            keep = -offset
            self._updates = deque(list(self._updates)[-keep:])

    async def _get_updates(self, params: JSONDict, call: ApiCall) -> list[JSONDict]:
        if self._webhook is not None:
            raise ApiError(
                409,
                "Conflict: can't use getUpdates method while webhook is active; "
                "use deleteWebhook to delete the webhook first",
            )
        offset = _as_int(params.get("offset"), "offset", 0) or 0
        limit = min(max(_as_int(params.get("limit"), "limit", 100) or 100, 1), 100)
        timeout = max(float(params.get("timeout") or 0), 0.0)
        allowed = params.get("allowed_updates")
        if isinstance(allowed, list):
            self._allowed_updates = [str(kind) for kind in allowed]
        self._confirm(offset)
        self._poll_generation += 1
        generation = self._poll_generation
        self._notify()  # an older long poll still waiting is terminated (409), like Telegram
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            event = self._changed
            if self._webhook is not None:
                raise ApiError(409, "Conflict: terminated by setWebhook request")
            if generation != self._poll_generation:
                raise ApiError(
                    409,
                    "Conflict: terminated by other getUpdates request; "
                    "make sure that only one bot instance is running",
                )
            batch = self._deliverable(limit)
            remaining = deadline - loop.time()
            if batch or remaining <= 0 or self._closing.is_set():
                break
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(event.wait(), remaining)
        for update in batch:
            if isinstance(update.get("update_id"), int):
                self._delivered.add(update["update_id"])
        self._notify()
        return copy.deepcopy(batch)

    def _set_webhook(self, params: JSONDict, call: ApiCall) -> bool:
        url = str(params.get("url") or "")
        if not url:
            return self._delete_webhook(params, call)
        if not url.startswith(("http://", "https://")):
            raise bad_request("bad webhook: An HTTPS URL must be provided for webhook")
        secret = params.get("secret_token")
        if secret is not None and not _SECRET_TOKEN_RE.match(str(secret)):
            raise bad_request("secret token contains unallowed characters")
        if params.get("drop_pending_updates"):
            self._updates.clear()
        allowed = params.get("allowed_updates")
        if isinstance(allowed, list):
            self._allowed_updates = [str(kind) for kind in allowed]
        self._webhook = {
            "url": url,
            "secret_token": None if secret is None else str(secret),
            "max_connections": _as_int(params.get("max_connections"), "max_connections", 40),
            "allowed_updates": allowed if isinstance(allowed, list) else None,
            "ip_address": params.get("ip_address"),
            "has_custom_certificate": "certificate" in params,
        }
        self._webhook_error = None
        self._poll_generation += 1
        self._notify()
        return True

    def _delete_webhook(self, params: JSONDict, call: ApiCall) -> bool:
        if params.get("drop_pending_updates"):
            self._updates.clear()
        self._webhook = None
        self._webhook_error = None
        self._notify()
        return True

    def _get_webhook_info(self, params: JSONDict, call: ApiCall) -> JSONDict:
        hook = self._webhook or {}
        info: JSONDict = {
            "url": hook.get("url", ""),
            "has_custom_certificate": bool(hook.get("has_custom_certificate")),
            "pending_update_count": len(self._updates),
        }
        if hook:
            info["max_connections"] = hook.get("max_connections") or 40
            if hook.get("allowed_updates") is not None:
                info["allowed_updates"] = hook["allowed_updates"]
            if hook.get("ip_address"):
                info["ip_address"] = hook["ip_address"]
        if self._webhook_error is not None:
            info["last_error_date"], info["last_error_message"] = self._webhook_error
        return info

    # ---------------------------------------------------------------- methods: messages

    def _format_text(
        self,
        text: Any,
        parse_mode: Any,
        entities: Any,
        *,
        limit: int,
        too_long: str,
        empty: str,
        required: bool = True,
    ) -> tuple[str, list[JSONDict]]:
        if text is None or text == "":
            if required:
                raise bad_request(empty)
            return "", []
        source = str(text)
        mode = str(parse_mode or "").lower()
        if mode == "html":
            plain, ents = parse_html(source)
        elif mode == "markdownv2":
            plain, ents = check_markdown_v2(source), []
        elif mode in ("markdown", ""):
            plain = source
            ents = list(entities) if isinstance(entities, list) and not mode else []
        else:
            raise bad_request(f"unsupported parse_mode {parse_mode!r}")
        if required and not plain.strip():
            raise bad_request(empty)
        if len(plain) > limit:
            raise bad_request(too_long)
        return plain, ents

    def _check_markup(self, markup: Any) -> JSONDict | None:
        """Validate reply_markup; returns it when it must appear on the Message (inline)."""
        if markup is None:
            return None
        if isinstance(markup, str):
            try:
                markup = json.loads(markup)
            except ValueError:
                raise bad_request("can't parse reply keyboard markup JSON object") from None
        if not isinstance(markup, dict):
            raise bad_request("can't parse reply keyboard markup JSON object")
        if "inline_keyboard" not in markup:
            return None  # reply keyboards / ForceReply / remove: accepted, not echoed
        rows = markup["inline_keyboard"]
        if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
            raise bad_request(
                'can\'t parse inline keyboard button: field "inline_keyboard" '
                "must be an Array of Arrays"
            )
        for row in rows:
            for button in row:
                if not isinstance(button, dict) or not str(button.get("text") or "").strip():
                    raise bad_request(
                        "BUTTON_TEXT_EMPTY"
                        if isinstance(button, dict)
                        else "can't parse inline keyboard button"
                    )
                actions = [key for key in _BUTTON_ACTIONS if key in button]
                if not actions:
                    raise bad_request(
                        "can't parse inline keyboard button: "
                        "Text buttons are unallowed in the inline keyboard"
                    )
                if "callback_data" in button:
                    data = str(button["callback_data"])
                    if not 1 <= len(data.encode("utf-8")) <= MAX_CALLBACK_DATA_BYTES:
                        raise bad_request("BUTTON_DATA_INVALID")
                if "url" in button and not str(button["url"]).startswith(
                    ("http://", "https://", "tg://")
                ):
                    raise bad_request("BUTTON_URL_INVALID")
        return copy.deepcopy(markup)

    def _thread_fields(self, chat: JSONDict, params: JSONDict) -> JSONDict:
        thread_id = _as_int(params.get("message_thread_id"), "message_thread_id")
        if thread_id is None:
            return {}
        key = _chat_key(chat["id"])
        if chat.get("is_forum"):
            if thread_id != 1 and thread_id not in self._topics.get(key, {}):
                raise bad_request("message thread not found")
            return {"message_thread_id": thread_id, "is_topic_message": True}
        return {"message_thread_id": thread_id}

    def _reply_fields(self, chat: JSONDict, params: JSONDict) -> JSONDict:
        reply = params.get("reply_parameters")
        allow_missing = bool(params.get("allow_sending_without_reply"))
        reply_id: int | None = None
        if isinstance(reply, dict):
            reply_id = _as_int(reply.get("message_id"), "reply message identifier")
            allow_missing = allow_missing or bool(reply.get("allow_sending_without_reply"))
            if reply.get("chat_id") is not None and _chat_key(reply["chat_id"]) != _chat_key(
                chat["id"]
            ):
                return {}  # cross-chat replies: accepted, not modelled
        elif params.get("reply_to_message_id") is not None:
            reply_id = _as_int(params.get("reply_to_message_id"), "reply message identifier")
        if reply_id is None:
            return {}
        key = _chat_key(chat["id"])
        if reply_id not in self._messages.get(key, {}):
            if allow_missing:
                return {}
            raise bad_request("message to be replied not found")
        return {"reply_to_message": self._reply_snapshot(key, reply_id, chat)}

    def _store_bot_message(self, chat: JSONDict, params: JSONDict, content: JSONDict) -> JSONDict:
        thread = self._thread_fields(chat, params)
        reply = self._reply_fields(chat, params)
        key = _chat_key(chat["id"])
        message: JSONDict = {
            "message_id": self._alloc_message_id(key),
            "from": self._bot_as_user(),
            "chat": copy.deepcopy(chat),
            "date": int(time.time()),
            **thread,
            **reply,
            **{k: v for k, v in content.items() if v not in (None, [])},
        }
        self._messages.setdefault(key, {})[message["message_id"]] = message
        return copy.deepcopy(message)

    def _send_message(self, params: JSONDict, call: ApiCall) -> JSONDict:
        chat = self._resolve_chat(params.get("chat_id"), sending=True)
        text, entities = self._format_text(
            params.get("text"),
            params.get("parse_mode"),
            params.get("entities"),
            limit=MAX_MESSAGE_LENGTH,
            too_long="message is too long",
            empty="message text is empty",
        )
        markup = self._check_markup(params.get("reply_markup"))
        return self._store_bot_message(
            chat, params, {"text": text, "entities": entities, "reply_markup": markup}
        )

    def _editable(self, params: JSONDict) -> tuple[ChatKey, int, JSONDict] | None:
        if params.get("inline_message_id"):
            return None
        chat = self._resolve_chat(params.get("chat_id"), sending=True)
        message_id = _as_int(params.get("message_id"), "message identifier")
        if message_id is None:
            raise bad_request("message identifier is not specified")
        key = _chat_key(chat["id"])
        message = self._messages.get(key, {}).get(message_id)
        if message is None:
            raise bad_request("message to edit not found")
        if message.get("from", {}).get("id") != self.bot_user["id"]:
            raise bad_request("message can't be edited")
        return key, message_id, message

    def _apply_edit(
        self, key: ChatKey, message_id: int, message: JSONDict, changes: JSONDict
    ) -> JSONDict:
        if all(message.get(k) == (v or None) for k, v in changes.items()):
            raise bad_request(
                "message is not modified: specified new message content and reply markup are "
                "exactly the same as a current content and reply markup of the message"
            )
        self._history.setdefault((key, message_id), []).append(copy.deepcopy(message))
        for name, value in changes.items():
            if value in (None, []):
                message.pop(name, None)
            else:
                message[name] = value
        message["edit_date"] = int(time.time())
        return copy.deepcopy(message)

    def _edit_message_text(self, params: JSONDict, call: ApiCall) -> JSONDict | bool:
        found = self._editable(params)
        text, entities = self._format_text(
            params.get("text"),
            params.get("parse_mode"),
            params.get("entities"),
            limit=MAX_MESSAGE_LENGTH,
            too_long="message is too long",
            empty="message text is empty",
        )
        markup = self._check_markup(params.get("reply_markup"))
        if found is None:
            return True
        key, message_id, message = found
        if "text" not in message:
            raise bad_request("there is no text in the message to edit")
        # Like Telegram: an edit without reply_markup removes the inline keyboard.
        return self._apply_edit(
            key, message_id, message, {"text": text, "entities": entities, "reply_markup": markup}
        )

    def _edit_message_reply_markup(self, params: JSONDict, call: ApiCall) -> JSONDict | bool:
        found = self._editable(params)
        markup = self._check_markup(params.get("reply_markup"))
        if found is None:
            return True
        key, message_id, message = found
        return self._apply_edit(key, message_id, message, {"reply_markup": markup})

    def _delete_message(self, params: JSONDict, call: ApiCall) -> bool:
        chat = self._resolve_chat(params.get("chat_id"))
        message_id = _as_int(params.get("message_id"), "message identifier")
        key = _chat_key(chat["id"])
        if message_id is None or message_id not in self._messages.get(key, {}):
            raise bad_request("message to delete not found")
        del self._messages[key][message_id]
        self.deleted_messages.append((key, message_id))
        return True

    def _answer_callback_query(self, params: JSONDict, call: ApiCall) -> bool:
        query_id = str(params.get("callback_query_id") or "")
        if query_id not in self._callback_queries or query_id in self.callback_answers:
            raise bad_request(
                "query is too old and response timeout expired or query ID is invalid"
            )
        self.callback_answers[query_id] = {
            "text": params.get("text"),
            "show_alert": bool(params.get("show_alert", False)),
            "url": params.get("url"),
            "cache_time": params.get("cache_time"),
            "data": self._callback_queries[query_id].get("data"),
        }
        return True

    def _commands_key(self, scope: Any, language_code: Any) -> tuple[str, str]:
        scope_d = scope if isinstance(scope, dict) else {"type": "default"}
        return json.dumps(scope_d, sort_keys=True), str(language_code or "")

    def _set_my_commands(self, params: JSONDict, call: ApiCall) -> bool:
        commands = params.get("commands")
        if not isinstance(commands, list):
            raise bad_request("can't parse commands JSON object")
        if len(commands) > 100:
            raise bad_request("too many commands specified")
        cleaned = []
        for command in commands:
            if not isinstance(command, dict):
                raise bad_request("can't parse BotCommand")
            name = str(command.get("command", ""))
            description = str(command.get("description", ""))
            if not _BOT_COMMAND_NAME_RE.match(name):
                raise bad_request("BOT_COMMAND_INVALID")
            if not 1 <= len(description) <= 256:
                raise bad_request("BOT_COMMAND_DESCRIPTION_INVALID")
            cleaned.append({"command": name, "description": description})
        key = self._commands_key(params.get("scope"), params.get("language_code"))
        self._commands[key] = cleaned
        return True

    def _get_my_commands(self, params: JSONDict, call: ApiCall) -> list[JSONDict]:
        key = self._commands_key(params.get("scope"), params.get("language_code"))
        return copy.deepcopy(self._commands.get(key, []))

    def _delete_my_commands(self, params: JSONDict, call: ApiCall) -> bool:
        key = self._commands_key(params.get("scope"), params.get("language_code"))
        self._commands.pop(key, None)
        return True

    def _create_forum_topic(self, params: JSONDict, call: ApiCall) -> JSONDict:
        chat = self._resolve_chat(params.get("chat_id"))
        if chat.get("type") != "supergroup" or not chat.get("is_forum"):
            raise bad_request("the chat is not a forum")
        name = str(params.get("name") or "")
        if not 1 <= len(name) <= 128:
            raise bad_request("TOPIC_NAME_INVALID")
        key = _chat_key(chat["id"])
        thread_id = self._alloc_message_id(key)
        topic: JSONDict = {
            "message_thread_id": thread_id,
            "name": name,
            "icon_color": _as_int(params.get("icon_color"), "icon_color", 7322096),
        }
        if params.get("icon_custom_emoji_id"):
            topic["icon_custom_emoji_id"] = params["icon_custom_emoji_id"]
        self._topics.setdefault(key, {})[thread_id] = topic
        self._messages.setdefault(key, {})[thread_id] = {
            "message_id": thread_id,
            "from": self._bot_as_user(),
            "chat": copy.deepcopy(chat),
            "date": int(time.time()),
            "message_thread_id": thread_id,
            "is_topic_message": True,
            "forum_topic_created": {"name": name, "icon_color": topic["icon_color"]},
        }
        return copy.deepcopy(topic)

    def _send_photo(self, params: JSONDict, call: ApiCall) -> JSONDict:
        chat = self._resolve_chat(params.get("chat_id"), sending=True)
        if not params.get("photo"):
            raise bad_request("there is no photo in the request")
        caption, entities = self._caption(params)
        markup = self._check_markup(params.get("reply_markup"))
        return self._store_bot_message(
            chat,
            params,
            {
                "photo": self._photo_sizes(self._upload(params, call, "photo")),
                "caption": caption or None,
                "caption_entities": entities,
                "reply_markup": markup,
            },
        )

    def _caption(self, params: JSONDict) -> tuple[str, list[JSONDict]]:
        """A caption and its entities, checked as Telegram checks them (optional, 1024 at most)."""
        return self._format_text(
            params.get("caption"),
            params.get("parse_mode"),
            params.get("caption_entities"),
            limit=MAX_CAPTION_LENGTH,
            too_long="message caption is too long",
            empty="",
            required=False,
        )

    def _upload(self, params: JSONDict, call: ApiCall, name: str) -> bytes | None:
        """The bytes sent as parameter ``name``: an uploaded file, or a file_id already held."""
        uploaded = call.files.get(name)
        if uploaded is not None:
            return uploaded.data
        known = self._files.get(str(params.get(name) or ""))
        return known.data if known is not None else None

    def _send_document(self, params: JSONDict, call: ApiCall) -> JSONDict:
        chat = self._resolve_chat(params.get("chat_id"), sending=True)
        if not params.get("document"):
            raise bad_request("there is no document in the request")
        caption, entities = self._caption(params)
        markup = self._check_markup(params.get("reply_markup"))
        uploaded = call.files.get("document")
        spec = {
            "content": self._upload(params, call, "document") or b"",
            "file_name": (uploaded.filename if uploaded else None) or "file",
            "mime_type": (uploaded.content_type if uploaded else None)
            or "application/octet-stream",
        }
        return self._store_bot_message(
            chat,
            params,
            {
                "document": self._document_object(spec, None),
                "caption": caption or None,
                "caption_entities": entities,
                "reply_markup": markup,
            },
        )

    def _get_file(self, params: JSONDict, call: ApiCall) -> JSONDict:
        stored = self._files.get(str(params.get("file_id") or ""))
        if stored is None:
            raise bad_request("invalid file_id")
        if len(stored.data) > MAX_DOWNLOAD_BYTES:
            raise bad_request("file is too big")
        found: JSONDict = {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "file_path": stored.file_path,
        }
        if stored.reported_size is not None:
            found["file_size"] = stored.reported_size
        return found

    def _edit_message_caption(self, params: JSONDict, call: ApiCall) -> JSONDict | bool:
        found = self._editable(params)
        caption, entities = self._caption(params)
        markup = self._check_markup(params.get("reply_markup"))
        if found is None:
            return True
        key, message_id, message = found
        if "text" in message:
            raise bad_request("there is no caption in the message to edit")
        changes = {"caption": caption or None, "caption_entities": entities, "reply_markup": markup}
        return self._apply_edit(key, message_id, message, changes)

    def _send_sticker(self, params: JSONDict, call: ApiCall) -> JSONDict:
        chat = self._resolve_chat(params.get("chat_id"), sending=True)
        if not params.get("sticker"):
            raise bad_request("there is no sticker in the request")
        markup = self._check_markup(params.get("reply_markup"))
        return self._store_bot_message(
            chat,
            params,
            {"sticker": self._sticker_object(params.get("sticker")), "reply_markup": markup},
        )

    def _copy_message(self, params: JSONDict, call: ApiCall) -> JSONDict:
        chat = self._resolve_chat(params.get("chat_id"), sending=True)
        source_chat = self._resolve_chat(params.get("from_chat_id"))
        message_id = _as_int(params.get("message_id"), "message identifier")
        source = self._messages.get(_chat_key(source_chat["id"]), {}).get(message_id or 0)
        if source is None:
            raise bad_request("message to copy not found")
        content = {
            k: copy.deepcopy(v)
            for k, v in source.items()
            if k in ("text", "entities", "photo", "sticker", "caption", "caption_entities")
        }
        if "caption" in params:
            caption, entities = self._format_text(
                params.get("caption"),
                params.get("parse_mode"),
                params.get("caption_entities"),
                limit=MAX_CAPTION_LENGTH,
                too_long="message caption is too long",
                empty="",
                required=False,
            )
            content.update(caption=caption or None, caption_entities=entities)
        content["reply_markup"] = self._check_markup(params.get("reply_markup"))
        message = self._store_bot_message(chat, params, content)
        return {"message_id": message["message_id"]}  # copyMessage returns a MessageId

    def _get_chat(self, params: JSONDict, call: ApiCall) -> JSONDict:
        chat = copy.deepcopy(self._resolve_chat(params.get("chat_id")))
        chat.setdefault("accent_color_id", 0)
        chat.setdefault("max_reaction_count", 11)
        chat.setdefault(
            "accepted_gift_types",
            {
                "unlimited_gifts": False,
                "limited_gifts": False,
                "unique_gifts": False,
                "premium_subscription": False,
                "gifts_from_channels": False,
            },
        )
        return chat

    def _get_chat_member(self, params: JSONDict, call: ApiCall) -> JSONDict:
        chat = self._resolve_chat(params.get("chat_id"))
        user_id = _as_int(params.get("user_id"), "user_id")
        if user_id is None:
            raise bad_request("user_id is empty")
        key = _chat_key(chat["id"])
        member = self._members.get(key, {}).get(user_id)
        if member is not None:
            return copy.deepcopy(member)
        user = self._users.get(user_id) or make_user(user_id, f"User{user_id}")
        if chat["type"] == "private" and user_id in (chat["id"], self.bot_user["id"]):
            return _default_chat_member("member", copy.deepcopy(user))
        return _default_chat_member("left", copy.deepcopy(user))

    def _send_chat_action(self, params: JSONDict, call: ApiCall) -> bool:
        chat = self._resolve_chat(params.get("chat_id"), sending=True)
        if str(params.get("action") or "") not in _CHAT_ACTIONS:
            raise bad_request("wrong parameter action in request")
        self._thread_fields(chat, params)
        return True
