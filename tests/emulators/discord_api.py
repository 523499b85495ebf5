"""Loopback emulator of Discord's REST API (v10) and gateway for the tests.

The emulator is an aiohttp server on ``127.0.0.1`` (port 0 by default) that speaks
enough of Discord's wire protocol for the *real* ``discord.py`` 2.x client to log in,
receive gateway events and call the REST endpoints a chat bot uses.  Payload shapes
follow discord.py 2.7's parsers (``discord/state.py``, ``discord/gateway.py``,
``discord/http.py``, ``discord/interactions.py``).

Typical use::

    async with DiscordEmulator(newcomers=["alice"], mentors=["mia"]) as emu:
        with emu.patch_discord():          # Route.BASE + DEFAULT_GATEWAY -> emulator
            bot = MyBot(intents=..., guild_ready_timeout=0.1)
            task = asyncio.create_task(bot.start("any-token"))
            ...
            mid = emu.user_sends(emu.general_channel_id, "alice", "hello")
            reply = await emu.wait_for_sent(emu.general_channel_id)
            await bot.close()

Gateway frames are plain JSON text frames; the ``compress`` query parameter the
client adds is recorded (``gateway_connections``) and ignored, which discord.py
accepts because it only decompresses *binary* frames.

Everything the test hooks produce (``user_sends``, ``slash_command`` ...) is
synchronous: the event is queued to the gateway connection in order and the id is
returned at once; use ``wait_for``/``wait_for_sent`` to observe the bot's reaction.
"""

from __future__ import annotations

import asyncio
import contextlib
import copy
import json
import math
import mimetypes
import re
import secrets
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from types import TracebackType
from typing import Any, Literal

import yarl
from aiohttp import BodyPartReader, WSMsgType, web

__all__ = [
    "DeleteRecord",
    "DiscordEmulator",
    "DiscordPatch",
    "EditRecord",
    "EmuUser",
    "InteractionResponseRecord",
    "RequestRecord",
    "SentMessage",
    "ThreadRecord",
    "patch_discord",
]

JSON = dict[str, Any]

DISCORD_EPOCH_MS = 1_420_070_400_000
API_VERSION = 10

# Gateway opcodes (discord/gateway.py DiscordWebSocket).
OP_DISPATCH = 0
OP_HEARTBEAT = 1
OP_IDENTIFY = 2
OP_PRESENCE = 3
OP_VOICE_STATE = 4
OP_RESUME = 6
OP_RECONNECT = 7
OP_REQUEST_MEMBERS = 8
OP_INVALIDATE_SESSION = 9
OP_HELLO = 10
OP_HEARTBEAT_ACK = 11

# Gateway intents (discord/flags.py Intents).
INTENT_GUILDS = 1 << 0
INTENT_GUILD_MEMBERS = 1 << 1
INTENT_GUILD_PRESENCES = 1 << 8
INTENT_GUILD_MESSAGES = 1 << 9
INTENT_GUILD_MESSAGE_REACTIONS = 1 << 10
INTENT_GUILD_MESSAGE_TYPING = 1 << 11
INTENT_DIRECT_MESSAGES = 1 << 12
INTENT_DIRECT_MESSAGE_REACTIONS = 1 << 13
INTENT_DIRECT_MESSAGE_TYPING = 1 << 14
INTENT_MESSAGE_CONTENT = 1 << 15
PRIVILEGED_INTENTS = INTENT_GUILD_MEMBERS | INTENT_GUILD_PRESENCES | INTENT_MESSAGE_CONTENT

# Permission bits (discord/permissions.py).
P_ADD_REACTIONS = 1 << 6
P_VIEW_CHANNEL = 1 << 10
P_SEND_MESSAGES = 1 << 11
P_MANAGE_MESSAGES = 1 << 13
P_EMBED_LINKS = 1 << 14
P_ATTACH_FILES = 1 << 15
P_READ_MESSAGE_HISTORY = 1 << 16
P_MANAGE_ROLES = 1 << 28
P_USE_APPLICATION_COMMANDS = 1 << 31
P_MANAGE_THREADS = 1 << 34
P_CREATE_PUBLIC_THREADS = 1 << 35
P_CREATE_PRIVATE_THREADS = 1 << 36
P_SEND_MESSAGES_IN_THREADS = 1 << 38
EVERYONE_PERMS = (
    P_ADD_REACTIONS
    | P_VIEW_CHANNEL
    | P_SEND_MESSAGES
    | P_EMBED_LINKS
    | P_ATTACH_FILES
    | P_READ_MESSAGE_HISTORY
    | P_USE_APPLICATION_COMMANDS
    | P_CREATE_PUBLIC_THREADS
    | P_CREATE_PRIVATE_THREADS
    | P_SEND_MESSAGES_IN_THREADS
)
BOT_PERMS = EVERYONE_PERMS | P_MANAGE_MESSAGES | P_MANAGE_THREADS | P_MANAGE_ROLES

# Channel / message / interaction types.
CH_GUILD_TEXT = 0
CH_DM = 1
CH_PUBLIC_THREAD = 11
CH_PRIVATE_THREAD = 12
THREAD_TYPES = (CH_PUBLIC_THREAD, CH_PRIVATE_THREAD)
MSG_DEFAULT = 0
MSG_REPLY = 19
MSG_CHAT_INPUT_COMMAND = 20
FLAG_EPHEMERAL = 1 << 6
FLAG_LOADING = 1 << 7

_STATUS_TEXT = {
    400: "400: Bad Request",
    401: "401: Unauthorized",
    403: "403: Forbidden",
    404: "404: Not Found",
    405: "405: Method Not Allowed",
    429: "You are being rate limited.",
    500: "500: Internal Server Error",
    502: "502: Bad Gateway",
    503: "503: Service Unavailable",
}


def _now_iso() -> str:
    return datetime.now(UTC).isoformat()


def _json_response(
    data: Any, status: int = 200, headers: Mapping[str, str] | None = None
) -> web.Response:
    # discord.py's json_or_text() compares Content-Type with "application/json" *exactly*;
    # aiohttp's json_response() would append "; charset=utf-8" and the client would
    # then treat every body as plain text.
    hdrs = {"Content-Type": "application/json"}
    if headers:
        hdrs.update(headers)
    return web.Response(status=status, body=json.dumps(data).encode(), headers=hdrs)


def _error(status: int, code: int = 0, message: str | None = None, **extra: Any) -> web.Response:
    body: JSON = {"message": message or _STATUS_TEXT.get(status, f"{status}"), "code": code}
    body.update(extra)
    return _json_response(body, status)


def _form_error(field_name: str, err_code: str, text: str) -> web.Response:
    return _error(
        400,
        50035,
        "Invalid Form Body",
        errors={field_name: {"_errors": [{"code": err_code, "message": text}]}},
    )


def _uploaded_type(filename: str | None, declared: str | None) -> str:
    """The content type Discord gives an upload: guessed from its name when the client
    declared none, or only application/octet-stream (as discord.py does)."""
    if declared and declared != "application/octet-stream":
        return declared
    return mimetypes.guess_type(filename or "")[0] or "application/octet-stream"


def _no_content() -> web.Response:
    return web.Response(status=204)


# --------------------------------------------------------------------------- records


@dataclass
class EmuUser:
    """A user known to the emulator (a guild member unless ``in_guild`` is false)."""

    id: int
    username: str
    global_name: str | None = None
    bot: bool = False
    mentor: bool = False
    role_ids: list[int] = field(default_factory=list)
    nick: str | None = None
    in_guild: bool = True
    joined_at: str = field(default_factory=_now_iso)

    @property
    def mention(self) -> str:
        """The ``<@id>`` mention string."""
        return f"<@{self.id}>"

    def user_payload(self) -> JSON:
        """Discord user object."""
        data: JSON = {
            "id": str(self.id),
            "username": self.username,
            "discriminator": "0",
            "global_name": self.global_name,
            "avatar": None,
            "public_flags": 0,
            "flags": 0,
            "banner": None,
            "accent_color": None,
            "avatar_decoration_data": None,
        }
        if self.bot:
            data["bot"] = True
        return data

    def member_payload(self, *, with_user: bool = True, permissions: int | None = None) -> JSON:
        """Discord guild member object (always with ``flags``: discord.py indexes it)."""
        data: JSON = {
            "nick": self.nick,
            "avatar": None,
            "banner": None,
            "roles": [str(r) for r in self.role_ids],
            "joined_at": self.joined_at,
            "premium_since": None,
            "deaf": False,
            "mute": False,
            "flags": 0,
            "pending": False,
            "communication_disabled_until": None,
        }
        if with_user:
            data["user"] = self.user_payload()
        if permissions is not None:
            data["permissions"] = str(permissions)
        return data


@dataclass
class SentMessage:
    """A message the bot created (channel send, interaction response or followup)."""

    id: int
    channel_id: int
    content: str | None
    embeds: list[JSON]
    components: list[JSON]
    allowed_mentions: JSON | None
    message_reference: JSON | None
    flags: int
    attachments: list[JSON]
    payload: JSON
    via: Literal["channel", "interaction", "followup"] = "channel"
    interaction_id: int | None = None

    @property
    def reply_to(self) -> int | None:
        """Id of the message this one replies to, if any."""
        ref = self.message_reference or {}
        mid = ref.get("message_id")
        return int(mid) if mid is not None else None

    @property
    def ephemeral(self) -> bool:
        """Whether the EPHEMERAL flag is set."""
        return bool(self.flags & FLAG_EPHEMERAL)

    def custom_ids(self) -> list[str]:
        """All component ``custom_id`` values, depth-first."""
        out: list[str] = []

        def walk(items: Iterable[JSON]) -> None:
            for item in items:
                if "custom_id" in item:
                    out.append(item["custom_id"])
                walk(item.get("components", []))
                if isinstance(item.get("component"), dict):
                    walk([item["component"]])

        walk(self.components)
        return out


@dataclass
class EditRecord:
    """A PATCH to a message (REST edit, interaction update or webhook edit)."""

    channel_id: int
    message_id: int
    payload: JSON
    via: Literal["channel", "interaction", "followup"] = "channel"


@dataclass
class DeleteRecord:
    """A deleted message."""

    channel_id: int
    message_id: int
    via: Literal["channel", "interaction", "followup"] = "channel"


@dataclass
class InteractionResponseRecord:
    """A POST /interactions/{id}/{token}/callback (type 4, 5, 6, 7, 9 ...)."""

    interaction_id: int
    token: str
    type: int
    data: JSON
    message_id: int | None = None

    @property
    def content(self) -> str | None:
        """``data.content`` of the callback."""
        return self.data.get("content")

    @property
    def ephemeral(self) -> bool:
        """Whether ``data.flags`` has the EPHEMERAL bit."""
        return bool(int(self.data.get("flags") or 0) & FLAG_EPHEMERAL)


@dataclass
class ThreadRecord:
    """A thread created by the bot or injected by a test."""

    id: int
    parent_id: int
    name: str
    type: int
    message_id: int | None
    owner_id: int
    payload: JSON


@dataclass
class RequestRecord:
    """One REST request as the emulator saw it."""

    method: str
    path: str
    route: str | None
    status: int
    body: Any
    query: dict[str, str]


@dataclass
class CommandSync:
    """One bulk overwrite of application commands (``guild_id`` None = global)."""

    guild_id: int | None
    commands: list[JSON]


@dataclass
class _Failure:
    method: str
    pattern: re.Pattern[str]
    status: int
    retry_after: float | None
    code: int | None
    message: str | None
    remaining: int
    is_global: bool
    skip: int = 0


@dataclass
class _Interaction:
    id: int
    token: str
    type: int
    channel_id: int
    guild_id: int | None
    user_id: int
    message_id: int | None
    name: str | None
    created_at: float
    response_type: int | None = None
    original_message_id: int | None = None


@dataclass
class _CloseFrame:
    code: int
    message: bytes = b""


class _Connection:
    """One gateway websocket; frames go through a queue so hooks can stay sync."""

    def __init__(self, ws: web.WebSocketResponse, path: str, query: dict[str, str]) -> None:
        self.ws = ws
        self.path = path
        self.query = query
        self.queue: asyncio.Queue[str | _CloseFrame] = asyncio.Queue()
        self.closed = False
        self.writer: asyncio.Task[None] | None = None

    def send(self, frame: JSON) -> None:
        if not self.closed:
            self.queue.put_nowait(json.dumps(frame))

    def close(self, code: int, message: str = "") -> None:
        if not self.closed:
            self.queue.put_nowait(_CloseFrame(code, message.encode()))


@dataclass
class _Session:
    id: str
    intents: int
    shard: list[int] | None
    seq: int = 0
    log: list[JSON] = field(default_factory=list)
    conn: _Connection | None = None


# --------------------------------------------------------------------------- patching


class DiscordPatch:
    """Points discord.py at the emulator; usable as a context manager or via ``restore()``.

    Patches ``discord.http.Route.BASE`` (every REST and webhook call builds its URL from
    it when the ``Route`` is created) and ``discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY``
    (a plain ``Client`` never calls ``GET /gateway``; it connects to this URL directly and
    later to READY's ``resume_gateway_url``).  The patch is applied on construction.
    """

    def __init__(self, rest_base: str, gateway_url: yarl.URL) -> None:
        import discord.gateway
        import discord.http

        self._route = discord.http.Route
        self._ws = discord.gateway.DiscordWebSocket
        self._old_base = self._route.BASE
        self._old_gateway = self._ws.DEFAULT_GATEWAY
        self._route.BASE = rest_base
        self._ws.DEFAULT_GATEWAY = gateway_url
        self.active = True

    def restore(self) -> None:
        """Put the original values back (idempotent)."""
        if self.active:
            self._route.BASE = self._old_base
            self._ws.DEFAULT_GATEWAY = self._old_gateway
            self.active = False

    def __enter__(self) -> DiscordPatch:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.restore()


def patch_discord(emulator: DiscordEmulator) -> DiscordPatch:
    """Module-level spelling of :meth:`DiscordEmulator.patch_discord`."""
    return DiscordPatch(emulator.rest_base, emulator.gateway_url)


# --------------------------------------------------------------------------- emulator


_RouteHandler = Callable[["_Req"], Any]


@dataclass
class _Req:
    method: str
    path: str
    params: dict[str, str]
    query: dict[str, str]
    json: Any
    files: list[JSON]
    headers: Mapping[str, str]


def _compile_template(template: str) -> re.Pattern[str]:
    out = []
    pos = 0
    for m in re.finditer(r"\{(\w+)\}", template):
        out.append(re.escape(template[pos : m.start()]))
        name = m.group(1)
        out.append(f"(?P<{name}>\\d+)" if name.endswith("_id") else f"(?P<{name}>[^/]+)")
        pos = m.end()
    out.append(re.escape(template[pos:]))
    return re.compile("".join(out))


class DiscordEmulator:
    """In-process Discord: REST under ``/api/v10`` and a gateway websocket.

    State: one application + bot user (username ``newcomer-guide``), one guild with text
    channels ``general`` and ``mentors`` (the latter visible to the ``mentor`` role only),
    a ``mentor`` role, newcomer and mentor members; DM channels are created on demand.
    """

    def __init__(
        self,
        *,
        newcomers: Sequence[str] = ("newcomer",),
        mentors: Sequence[str] = ("mentor",),
        guild_name: str = "RedNote Newcomers",
        bot_username: str = "newcomer-guide",
        token: str | None = None,
        heartbeat_interval_ms: int = 41_250,
        privileged_intents_enabled: bool = True,
        interaction_timeout: float | None = None,
        host: str = "127.0.0.1",
        port: int = 0,
    ) -> None:
        self.host = host
        self._port_wanted = port
        self.port: int | None = None
        self.token = token
        self.heartbeat_interval_ms = heartbeat_interval_ms
        self.privileged_intents_enabled = privileged_intents_enabled
        self.interaction_timeout = interaction_timeout
        self.ack_heartbeats = True

        # inspection
        self._sent: list[SentMessage] = []
        self.edits: list[EditRecord] = []
        self.deletions: list[DeleteRecord] = []
        self.interaction_responses: list[InteractionResponseRecord] = []
        self.threads: list[ThreadRecord] = []
        self.command_syncs: list[CommandSync] = []
        self.route_counts: Counter[str] = Counter()
        self.requests: list[RequestRecord] = []
        self.reactions: list[tuple[int, int, str]] = []
        self.typing_channels: list[int] = []
        self.role_changes: list[tuple[str, int, int]] = []
        self.identify_count = 0
        self.resume_count = 0
        self.invalid_session_count = 0
        self.heartbeat_count = 0
        self.connection_count = 0
        self.identify_payloads: list[JSON] = []
        self.presence_updates: list[JSON] = []
        self.gateway_connections: list[JSON] = []
        self.dispatched: list[JSON] = []
        self.filtered_events: list[str] = []

        # gateway
        self._session: _Session | None = None
        self._backlog: list[tuple[str, JSON, bool]] = []
        self._connections: set[_Connection] = set()
        self._replay_on_resume = 0
        self._waiters: list[asyncio.Future[None]] = []

        self._last_snowflake = 0
        self.application_id = self._snowflake()
        self.bot_user = EmuUser(self._snowflake(), bot_username, bot=True)
        self.owner_user = EmuUser(self._snowflake(), "guide-owner", in_guild=False)
        self.guild_id = self._snowflake()
        self.guild_name = guild_name
        self.everyone_role_id = self.guild_id
        self.mentor_role_id = self._snowflake()
        self.bot_role_id = self._snowflake()
        self.bot_user.role_ids = [self.bot_role_id]
        self.verify_key = secrets.token_hex(32)

        self._users: dict[int, EmuUser] = {self.bot_user.id: self.bot_user}
        self._roles: dict[int, JSON] = {}
        self._channels: dict[int, JSON] = {}
        self._messages: dict[int, JSON] = {}
        self._dm_by_user: dict[int, int] = {}
        self._attachments: dict[str, tuple[bytes, str]] = {}
        self._interactions: dict[int, _Interaction] = {}
        self._closed_dms: set[int] = set()
        self._failures: list[_Failure] = []
        self._commands: dict[int | None, dict[str, JSON]] = {}

        self._add_role(self.everyone_role_id, "@everyone", EVERYONE_PERMS, position=0)
        self._add_role(self.mentor_role_id, "mentor", EVERYONE_PERMS, position=1, hoist=True)
        self._add_role(
            self.bot_role_id,
            bot_username,
            BOT_PERMS,
            position=2,
            managed=True,
            tags={"bot_id": str(self.bot_user.id)},
        )
        self.general_channel_id = self.add_text_channel("general", topic="Welcome!")
        self.mentor_channel_id = self.add_text_channel("mentors", mentor_only=True)
        for name in newcomers:
            self.add_member(name, dispatch=False)
        for name in mentors:
            self.add_member(name, mentor=True, dispatch=False)

        self._routes = self._build_routes()
        self._runner: web.AppRunner | None = None

    # ------------------------------------------------------------------ lifecycle

    async def start(self) -> DiscordEmulator:
        """Start the server on ``host``:``port`` (0 = any free port)."""
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_get("/ws", self._ws_handler)
        app.router.add_get("/ws-resume", self._ws_handler)
        app.router.add_get("/attachments/{key:.*}", self._attachment_handler)
        app.router.add_route("*", "/api/{tail:.*}", self._rest_handler)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=1.0)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self._port_wanted)
        await site.start()
        self.port = int(self._runner.addresses[0][1])
        return self

    async def stop(self) -> None:
        """Close gateway sockets and stop the server."""
        for conn in list(self._connections):
            conn.close(1001, "emulator stopping")
        writers = {c.writer for c in self._connections if c.writer is not None}
        if writers:
            await asyncio.wait(writers, timeout=1.0)
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
        self._notify()

    async def __aenter__(self) -> DiscordEmulator:
        return await self.start()

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.stop()

    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:PORT``."""
        if self.port is None:
            raise RuntimeError("DiscordEmulator is not started")
        return f"http://{self.host}:{self.port}"

    @property
    def rest_base(self) -> str:
        """Value for ``discord.http.Route.BASE``: ``http://127.0.0.1:PORT/api/v10``."""
        return f"{self.base_url}/api/v{API_VERSION}"

    @property
    def gateway_url(self) -> yarl.URL:
        """Value for ``DiscordWebSocket.DEFAULT_GATEWAY`` (a ``yarl.URL``)."""
        return yarl.URL(f"ws://{self.host}:{self.port}/ws")

    @property
    def resume_gateway_url(self) -> str:
        """The ``resume_gateway_url`` sent in READY (a different path, to prove it is used)."""
        return f"ws://{self.host}:{self.port}/ws-resume"

    def patch_discord(self) -> DiscordPatch:
        """Patch discord.py now; returns a handle usable as ``with`` or ``.restore()``."""
        return DiscordPatch(self.rest_base, self.gateway_url)

    # ------------------------------------------------------------------ ids & model

    def _snowflake(self) -> int:
        ms = int(time.time() * 1000) - DISCORD_EPOCH_MS
        value = max(ms << 22, self._last_snowflake + 1)
        self._last_snowflake = value
        return value

    def _add_role(
        self,
        role_id: int,
        name: str,
        permissions: int,
        *,
        position: int,
        hoist: bool = False,
        managed: bool = False,
        tags: JSON | None = None,
    ) -> None:
        role: JSON = {
            "id": str(role_id),
            "name": name,
            "color": 0,
            "colors": {"primary_color": 0, "secondary_color": None, "tertiary_color": None},
            "hoist": hoist,
            "icon": None,
            "unicode_emoji": None,
            "position": position,
            "permissions": str(permissions),
            "managed": managed,
            "mentionable": name != "@everyone",
            "flags": 0,
        }
        if tags is not None:
            role["tags"] = tags
        self._roles[role_id] = role

    def add_text_channel(
        self, name: str, *, mentor_only: bool = False, topic: str | None = None
    ) -> int:
        """Add a guild text channel (dispatches CHANNEL_CREATE when a session exists)."""
        cid = self._snowflake()
        overwrites: list[JSON] = []
        if mentor_only:
            view_send = str(P_VIEW_CHANNEL | P_SEND_MESSAGES)
            overwrites = [
                {"id": str(self.guild_id), "type": 0, "allow": "0", "deny": str(P_VIEW_CHANNEL)},
                {"id": str(self.mentor_role_id), "type": 0, "allow": view_send, "deny": "0"},
                {"id": str(self.bot_user.id), "type": 1, "allow": view_send, "deny": "0"},
            ]
        position = sum(1 for c in self._channels.values() if c["type"] == CH_GUILD_TEXT)
        self._channels[cid] = {
            "id": str(cid),
            "type": CH_GUILD_TEXT,
            "guild_id": str(self.guild_id),
            "name": name,
            "position": position,
            "permission_overwrites": overwrites,
            "parent_id": None,
            "topic": topic,
            "nsfw": False,
            "last_message_id": None,
            "rate_limit_per_user": 0,
            "flags": 0,
            "default_auto_archive_duration": 1440,
        }
        if self._session is not None:
            self._dispatch("CHANNEL_CREATE", self._channels[cid])
        return cid

    def channel_id(self, name: str) -> int:
        """Id of the guild channel or thread called ``name``."""
        for cid, ch in self._channels.items():
            if ch.get("name") == name:
                return cid
        raise KeyError(name)

    def channel(self, channel_id: int) -> JSON:
        """Current channel payload (copy)."""
        return copy.deepcopy(self._channels[channel_id])

    def message(self, message_id: int) -> JSON:
        """Current stored message payload (copy), including edits."""
        return copy.deepcopy(self._messages[message_id])

    def messages_in(self, channel_id: int) -> list[JSON]:
        """All stored messages of a channel, oldest first (copies)."""
        return [
            copy.deepcopy(m) for m in self._messages.values() if int(m["channel_id"]) == channel_id
        ]

    def add_member(
        self,
        username: str,
        *,
        mentor: bool = False,
        global_name: str | None = None,
        dispatch: bool = True,
    ) -> EmuUser:
        """Add a guild member; ``dispatch`` sends GUILD_MEMBER_ADD (needs the members intent)."""
        if any(u.username == username for u in self._users.values()):
            raise ValueError(f"user {username!r} exists")
        user = EmuUser(self._snowflake(), username, global_name=global_name, mentor=mentor)
        if mentor:
            user.role_ids.append(self.mentor_role_id)
        self._users[user.id] = user
        if dispatch:
            data = user.member_payload()
            data["guild_id"] = str(self.guild_id)
            self._dispatch("GUILD_MEMBER_ADD", data)
        return user

    def member_joins(self, username: str, *, mentor: bool = False) -> EmuUser:
        """A new member joins the guild (GUILD_MEMBER_ADD)."""
        return self.add_member(username, mentor=mentor, dispatch=True)

    def member_leaves(self, user: EmuUser | str | int) -> None:
        """A member leaves the guild (GUILD_MEMBER_REMOVE)."""
        u = self.user(user)
        u.in_guild = False
        self._dispatch(
            "GUILD_MEMBER_REMOVE", {"guild_id": str(self.guild_id), "user": u.user_payload()}
        )

    def set_mentor_role(self, user: EmuUser | str | int, mentor: bool) -> None:
        """A server admin gives or takes the mentor role (GUILD_MEMBER_UPDATE)."""
        u = self.user(user)
        rid = self.mentor_role_id
        if mentor and rid not in u.role_ids:
            u.role_ids.append(rid)
        elif not mentor and rid in u.role_ids:
            u.role_ids.remove(rid)
        u.mentor = mentor
        self.role_changes.append(("add" if mentor else "remove", u.id, rid))
        data = u.member_payload()
        data["guild_id"] = str(self.guild_id)
        self._dispatch("GUILD_MEMBER_UPDATE", data)

    def add_user(self, username: str) -> EmuUser:
        """A user who is not a guild member (can still DM the bot)."""
        user = EmuUser(self._snowflake(), username, in_guild=False)
        self._users[user.id] = user
        return user

    def user(self, ref: EmuUser | str | int) -> EmuUser:
        """Resolve a user by object, username or id."""
        if isinstance(ref, EmuUser):
            return ref
        if isinstance(ref, int):
            return self._users[ref]
        for u in self._users.values():
            if u.username == ref:
                return u
        raise KeyError(ref)

    @property
    def users(self) -> list[EmuUser]:
        """All users (bot included)."""
        return list(self._users.values())

    @property
    def members(self) -> list[EmuUser]:
        """Current guild members (bot included)."""
        return [u for u in self._users.values() if u.in_guild]

    @property
    def newcomers(self) -> list[EmuUser]:
        """Guild members without the mentor role (bot excluded)."""
        return [u for u in self.members if not u.bot and not u.mentor]

    @property
    def mentors(self) -> list[EmuUser]:
        """Guild members with the mentor role."""
        return [u for u in self.members if u.mentor]

    def dm_channel_for(self, user: EmuUser | str | int) -> int:
        """The DM channel id between ``user`` and the bot (created on demand)."""
        u = self.user(user)
        cid = self._dm_by_user.get(u.id)
        if cid is None:
            cid = self._snowflake()
            self._channels[cid] = {
                "id": str(cid),
                "type": CH_DM,
                "last_message_id": None,
                "flags": 0,
                "recipients": [u.user_payload()],
            }
            self._dm_by_user[u.id] = cid
        return cid

    def close_dms(self, user: EmuUser | str | int) -> None:
        """Bot messages to this user's DM now fail with 403 / 50007."""
        self._closed_dms.add(self.user(user).id)

    def open_dms(self, user: EmuUser | str | int) -> None:
        """Undo :meth:`close_dms`."""
        self._closed_dms.discard(self.user(user).id)

    def _is_guild_channel(self, channel_id: int) -> bool:
        ch = self._channels.get(channel_id)
        return ch is not None and ch["type"] != CH_DM

    def _dm_recipient(self, channel: JSON) -> int | None:
        if channel["type"] != CH_DM:
            return None
        return int(channel["recipients"][0]["id"])

    def _member_permissions(self, user: EmuUser) -> int:
        perms = int(self._roles[self.everyone_role_id]["permissions"])
        for rid in user.role_ids:
            role = self._roles.get(rid)
            if role:
                perms |= int(role["permissions"])
        return perms

    # ------------------------------------------------------------------ payload builders

    def _application_payload(self) -> JSON:
        flags = (1 << 13) | (1 << 15) | (1 << 19) if self.privileged_intents_enabled else 0
        return {
            "id": str(self.application_id),
            "name": self.bot_user.username,
            "icon": None,
            "description": "Welcomes newcomers to RedNote.",
            "summary": "",
            "type": None,
            "bot_public": True,
            "bot_require_code_grant": False,
            "verify_key": self.verify_key,
            "flags": flags,
            "owner": self.owner_user.user_payload(),
            "team": None,
            "tags": [],
            "redirect_uris": [],
            "interactions_endpoint_url": None,
            "role_connections_verification_url": None,
            "approximate_guild_count": 1,
            "integration_types_config": {"0": {}},
            "bot": self.bot_user.user_payload(),
        }

    def _bot_self_payload(self) -> JSON:
        data = self.bot_user.user_payload()
        data.update({"verified": True, "mfa_enabled": False, "email": None, "locale": "en-US"})
        return data

    def _guild_base(self) -> JSON:
        return {
            "id": str(self.guild_id),
            "name": self.guild_name,
            "icon": None,
            "splash": None,
            "discovery_splash": None,
            "banner": None,
            "owner_id": str(self.owner_user.id),
            "afk_channel_id": None,
            "afk_timeout": 300,
            "verification_level": 1,
            "default_message_notifications": 1,
            "explicit_content_filter": 2,
            "roles": [copy.deepcopy(r) for r in self._roles.values()],
            "emojis": [],
            "stickers": [],
            "features": [],
            "mfa_level": 0,
            "application_id": None,
            "system_channel_id": str(self.general_channel_id),
            "system_channel_flags": 0,
            "rules_channel_id": None,
            "max_members": 500_000,
            "vanity_url_code": None,
            "description": None,
            "premium_tier": 0,
            "premium_subscription_count": 0,
            "preferred_locale": "en-US",
            "public_updates_channel_id": None,
            "safety_alerts_channel_id": None,
            "nsfw_level": 0,
            "premium_progress_bar_enabled": False,
            "incidents_data": None,
        }

    def _guild_create_payload(self, intents: int) -> JSON:
        data = self._guild_base()
        members = self.members
        sent_members = members if intents & INTENT_GUILD_MEMBERS else [u for u in members if u.bot]
        data.update(
            {
                "joined_at": self.bot_user.joined_at,
                "large": False,
                "unavailable": False,
                "lazy": True,
                "member_count": len(members),
                "voice_states": [],
                "members": [u.member_payload() for u in sent_members],
                "channels": [
                    copy.deepcopy(c) for c in self._channels.values() if c["type"] == CH_GUILD_TEXT
                ],
                "threads": [
                    copy.deepcopy(c)
                    for c in self._channels.values()
                    if c["type"] in THREAD_TYPES and not c["thread_metadata"]["archived"]
                ],
                "presences": [],
                "stage_instances": [],
                "guild_scheduled_events": [],
                "soundboard_sounds": [],
            }
        )
        return data

    def _ready_payload(self, session: _Session) -> JSON:
        return {
            "v": API_VERSION,
            "user": self._bot_self_payload(),
            "guilds": [{"id": str(self.guild_id), "unavailable": True}],
            "session_id": session.id,
            "session_type": "normal",
            "resume_gateway_url": self.resume_gateway_url,
            "shard": session.shard or [0, 1],
            "application": {"id": str(self.application_id), "flags": 0},
            "private_channels": [],
            "presences": [],
            "relationships": [],
            "guild_join_requests": [],
            "user_settings": {},
            "geo_ordered_rtc_regions": [],
            "_trace": ['["discord-emulator",{"micros":0}]'],
        }

    def _gateway_message(self, msg: JSON) -> JSON:
        """A stored (REST-shaped) message as MESSAGE_CREATE/UPDATE data."""
        data = copy.deepcopy(msg)
        channel = self._channels.get(int(msg["channel_id"]))
        if channel is not None and channel["type"] != CH_DM:
            data["guild_id"] = str(self.guild_id)
            author = self._users.get(int(msg["author"]["id"]))
            if author is not None and author.in_guild and "webhook_id" not in msg:
                data["member"] = author.member_payload(with_user=False)
            for mention in data.get("mentions", []):
                mu = self._users.get(int(mention["id"]))
                if mu is not None and mu.in_guild:
                    mention["member"] = mu.member_payload(with_user=False)
        return data

    def _new_message(
        self,
        channel_id: int,
        author: EmuUser,
        *,
        content: str = "",
        embeds: list[JSON] | None = None,
        components: list[JSON] | None = None,
        attachments: list[JSON] | None = None,
        flags: int = 0,
        mentions: Sequence[EmuUser] = (),
        mention_roles: Sequence[int] = (),
        mention_everyone: bool = False,
        reference: JSON | None = None,
        msg_type: int = MSG_DEFAULT,
        extra: JSON | None = None,
    ) -> JSON:
        mid = self._snowflake()
        referenced = None
        if reference is not None and reference.get("message_id") is not None:
            referenced = self._messages.get(int(reference["message_id"]))
            if msg_type == MSG_DEFAULT:
                msg_type = MSG_REPLY
        msg: JSON = {
            "id": str(mid),
            "channel_id": str(channel_id),
            "author": author.user_payload(),
            "content": content or "",
            "timestamp": _now_iso(),
            "edited_timestamp": None,
            "tts": False,
            "mention_everyone": mention_everyone,
            "mentions": [u.user_payload() for u in mentions],
            "mention_roles": [str(r) for r in mention_roles],
            "attachments": attachments or [],
            "embeds": embeds or [],
            "reactions": [],
            "pinned": False,
            "type": msg_type,
            "flags": flags,
            "components": components or [],
        }
        if reference is not None:
            msg["message_reference"] = {
                "type": 0,
                "message_id": str(reference.get("message_id")),
                "channel_id": str(reference.get("channel_id") or channel_id),
                **({"guild_id": str(self.guild_id)} if self._is_guild_channel(channel_id) else {}),
            }
            msg["referenced_message"] = copy.deepcopy(referenced) if referenced else None
            if msg["referenced_message"] is not None:
                msg["referenced_message"].pop("referenced_message", None)
        channel = self._channels.get(channel_id)
        if channel is not None and channel["type"] in THREAD_TYPES:
            channel["message_count"] += 1
            channel["total_message_sent"] += 1
            msg["position"] = channel["total_message_sent"]
        if extra:
            msg.update(extra)
        self._messages[mid] = msg
        if channel is not None:
            channel["last_message_id"] = str(mid)
        return msg

    # ------------------------------------------------------------------ gateway core

    def _notify(self) -> None:
        for fut in self._waiters:
            if not fut.done():
                fut.set_result(None)
        self._waiters.clear()

    def _deliverable(self, session: _Session, event: str, data: JSON) -> JSON | None:
        intents = session.intents
        in_guild = "guild_id" in data
        need = 0
        if event.startswith("MESSAGE_REACTION"):
            need = INTENT_GUILD_MESSAGE_REACTIONS if in_guild else INTENT_DIRECT_MESSAGE_REACTIONS
        elif event.startswith("MESSAGE_"):
            need = INTENT_GUILD_MESSAGES if in_guild else INTENT_DIRECT_MESSAGES
        elif event == "TYPING_START":
            need = INTENT_GUILD_MESSAGE_TYPING if in_guild else INTENT_DIRECT_MESSAGE_TYPING
        elif event.startswith("GUILD_MEMBER"):
            is_self = str(data.get("user", {}).get("id")) == str(self.bot_user.id)
            need = 0 if is_self else INTENT_GUILD_MEMBERS
        elif event.startswith(("CHANNEL_", "THREAD_", "GUILD_ROLE", "GUILD_UPDATE")):
            need = INTENT_GUILDS
        if need and not intents & need:
            return None
        if event in ("MESSAGE_CREATE", "MESSAGE_UPDATE") and not intents & INTENT_MESSAGE_CONTENT:
            author_id = str(data.get("author", {}).get("id"))
            mentioned = any(
                str(m.get("id")) == str(self.bot_user.id) for m in data.get("mentions", [])
            )
            if in_guild and author_id != str(self.bot_user.id) and not mentioned:
                data = dict(data, content="", embeds=[], attachments=[], components=[])
                data.pop("poll", None)
        return data

    def _dispatch(self, event: str, data: JSON, *, raw: bool = False) -> None:
        if self._session is None:
            self._backlog.append((event, copy.deepcopy(data), raw))
            self._notify()
            return
        self._emit(self._session, event, data, raw=raw)

    def _emit(self, session: _Session, event: str, data: Any, *, raw: bool = False) -> None:
        if not raw:
            filtered = self._deliverable(session, event, data)
            if filtered is None:
                self.filtered_events.append(event)
                self._notify()
                return
            data = filtered
        session.seq += 1
        frame = json.loads(json.dumps({"op": OP_DISPATCH, "t": event, "s": session.seq, "d": data}))
        session.log.append(frame)
        self.dispatched.append(frame)
        if session.conn is not None:
            session.conn.send(frame)
        self._notify()

    def _live_connection(self) -> _Connection:
        session = self._session
        if session is None or session.conn is None or session.conn.closed:
            raise RuntimeError("no live gateway session")
        return session.conn

    async def _ws_handler(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(max_msg_size=0, timeout=2.0)
        await ws.prepare(request)
        conn = _Connection(ws, request.path, dict(request.query))
        self._connections.add(conn)
        self.connection_count += 1
        self.gateway_connections.append({"path": request.path, "query": dict(request.query)})
        conn.writer = asyncio.create_task(self._writer(conn))
        conn.send(
            {
                "op": OP_HELLO,
                "d": {
                    "heartbeat_interval": self.heartbeat_interval_ms,
                    "_trace": ['["discord-emulator",{"micros":0}]'],
                },
                "s": None,
                "t": None,
            }
        )
        self._notify()
        try:
            async for msg in ws:
                if msg.type is WSMsgType.TEXT:
                    try:
                        frame = json.loads(msg.data)
                    except ValueError:
                        conn.close(4002, "Error while decoding payload.")
                        break
                    self._handle_op(conn, frame)
                elif msg.type is WSMsgType.BINARY:
                    conn.close(4002, "Error while decoding payload.")
                    break
                elif msg.type is WSMsgType.ERROR:
                    break
        finally:
            conn.closed = True
            self._connections.discard(conn)
            if self._session is not None and self._session.conn is conn:
                self._session.conn = None
            if conn.writer is not None and not conn.writer.done():
                conn.writer.cancel()
                with contextlib.suppress(asyncio.CancelledError, Exception):
                    await conn.writer
            self._notify()
        return ws

    async def _writer(self, conn: _Connection) -> None:
        try:
            while True:
                item = await conn.queue.get()
                if isinstance(item, _CloseFrame):
                    conn.closed = True
                    await conn.ws.close(code=item.code, message=item.message)
                    return
                await conn.ws.send_str(item)
        except (ConnectionError, RuntimeError):
            conn.closed = True

    def _handle_op(self, conn: _Connection, frame: JSON) -> None:
        op = frame.get("op")
        d = frame.get("d")
        if op == OP_HEARTBEAT:
            self.heartbeat_count += 1
            if self.ack_heartbeats:
                conn.send({"op": OP_HEARTBEAT_ACK, "d": None, "s": None, "t": None})
        elif op == OP_IDENTIFY:
            self._identify(conn, d or {})
        elif op == OP_RESUME:
            self._resume(conn, d or {})
        elif op == OP_PRESENCE:
            self.presence_updates.append(d or {})
        elif op == OP_REQUEST_MEMBERS:
            self._request_members(conn, d or {})
        elif op == OP_VOICE_STATE:
            pass
        else:
            conn.close(4001, "Unknown opcode.")
        self._notify()

    def _check_token(self, token: str | None) -> bool:
        return self.token is None or token == self.token

    def _identify(self, conn: _Connection, d: JSON) -> None:
        if not self._check_token(d.get("token")):
            conn.close(4004, "Authentication failed.")
            return
        intents = int(d.get("intents") or 0)
        if intents & PRIVILEGED_INTENTS and not self.privileged_intents_enabled:
            conn.close(4014, "Disallowed intent(s).")
            return
        self.identify_count += 1
        self.identify_payloads.append(copy.deepcopy(d))
        session = _Session(uuid.uuid4().hex, intents, d.get("shard"))
        old = self._session
        if old is not None and old.conn is not None and old.conn is not conn:
            old.conn.close(4009, "Session timed out.")
        self._session = session
        session.conn = conn
        self._emit(session, "READY", self._ready_payload(session), raw=True)
        self._emit(session, "GUILD_CREATE", self._guild_create_payload(intents), raw=True)
        backlog, self._backlog = self._backlog, []
        for event, data, raw in backlog:
            self._emit(session, event, data, raw=raw)

    def _resume(self, conn: _Connection, d: JSON) -> None:
        session = self._session
        if (
            session is None
            or d.get("session_id") != session.id
            or not self._check_token(d.get("token"))
        ):
            self.invalid_session_count += 1
            conn.send({"op": OP_INVALIDATE_SESSION, "d": False, "s": None, "t": None})
            return
        self.resume_count += 1
        seq = int(d.get("seq") or 0)
        if session.conn is not None and session.conn is not conn:
            session.conn.close(4009, "Session resumed elsewhere.")
        session.conn = conn
        replay: list[JSON] = []
        if self._replay_on_resume:
            already = [f for f in session.log if f["s"] <= seq]
            replay = already[-self._replay_on_resume :]
            self._replay_on_resume = 0
        missed = [f for f in session.log if f["s"] > seq]
        for frame in replay + missed:
            conn.send(frame)
        session.seq += 1
        conn.send(
            {
                "op": OP_DISPATCH,
                "t": "RESUMED",
                "s": session.seq,
                "d": {"_trace": ['["discord-emulator",{"micros":0}]']},
            }
        )

    def _request_members(self, conn: _Connection, d: JSON) -> None:
        if self._session is None:
            return
        members = self.members
        if d.get("user_ids"):
            ids = {
                int(x)
                for x in (d["user_ids"] if isinstance(d["user_ids"], list) else [d["user_ids"]])
            }
            members = [u for u in members if u.id in ids]
        elif d.get("query"):
            q = str(d["query"]).lower()
            members = [u for u in members if u.username.lower().startswith(q)]
        limit = int(d.get("limit") or 0)
        if limit:
            members = members[:limit]
        data: JSON = {
            "guild_id": str(self.guild_id),
            "members": [u.member_payload() for u in members],
            "chunk_index": 0,
            "chunk_count": 1,
            "not_found": [],
        }
        if d.get("nonce") is not None:
            data["nonce"] = d["nonce"]
        if d.get("presences"):
            data["presences"] = []
        self._emit(self._session, "GUILD_MEMBERS_CHUNK", data, raw=True)

    # ------------------------------------------------------------------ gateway test hooks

    def force_reconnect(self, resume: bool = True, *, replay_last: int = 0) -> None:
        """Ask the client to reconnect.

        ``resume=True`` sends op 7 RECONNECT (discord.py reconnects to the
        ``resume_gateway_url`` and sends RESUME).  ``resume=False`` sends op 9
        INVALID_SESSION(false) and forgets the session, so the client IDENTIFYs again.
        ``replay_last=N`` additionally re-delivers the last N already-delivered dispatches
        on that resume (see :meth:`replay_on_resume`).
        """
        conn = self._live_connection()
        if replay_last:
            self._replay_on_resume = replay_last
        if resume:
            conn.send({"op": OP_RECONNECT, "d": None, "s": None, "t": None})
        else:
            conn.send({"op": OP_INVALIDATE_SESSION, "d": False, "s": None, "t": None})
            assert self._session is not None
            self._session.conn = None
            self._session = None

    def replay_on_resume(self, n: int) -> None:
        """On the next successful RESUME, re-send the last ``n`` dispatches the client already
        acknowledged (with their original ``s``) before the missed ones and RESUMED — a
        duplicate delivery the bot must tolerate."""
        self._replay_on_resume = n

    def drop_connection(self, code: int = 4000) -> None:
        """Close the live gateway socket from the server side (4000 → client resumes)."""
        self._live_connection().close(code, "dropped by emulator")

    def push_raw_dispatch(self, event_name: str, data: Any) -> None:
        """Dispatch ``data`` verbatim as event ``event_name`` (no intent filtering)."""
        self._dispatch(event_name, data, raw=True)

    def push_raw_frame(self, frame: JSON) -> None:
        """Send an arbitrary gateway frame on the live connection (not logged for resume)."""
        self._live_connection().send(frame)

    # ------------------------------------------------------------------ message hooks

    def user_sends(
        self,
        channel_id: int,
        user: EmuUser | str | int,
        content: str = "",
        *,
        mentions_bot: bool = False,
        reply_to: int | None = None,
        attachments: Sequence[str | Mapping[str, Any]] | None = None,
        sticker: bool = False,
        mentions: Sequence[EmuUser | str | int] = (),
        embeds: list[JSON] | None = None,
    ) -> int:
        """A user posts a message (MESSAGE_CREATE); returns the message id.

        ``channel_id`` may be a guild channel, a thread or ``dm_channel_for(user)``.
        ``mentions_bot`` puts ``<@bot>`` in front of the content (unless present) and the bot
        in ``mentions``.  ``reply_to`` makes it a reply (type 19, ``message_reference`` and
        ``referenced_message``); replying to a bot message pings the bot like Discord's
        default.  ``attachments`` are filenames or dicts (``filename``, ``content`` bytes,
        ``content_type``, ``width``/``height``, ``size`` to report another size than the
        content's); their ``url`` is served by the emulator's loopback CDN route
        (``/attachments/...``).  ``sticker`` sends a sticker-only message.
        """
        channel = self._channels.get(channel_id)
        if channel is None:
            raise KeyError(f"unknown channel {channel_id}")
        author = self.user(user)
        mentioned = [self.user(m) for m in mentions]
        if mentions_bot:
            if self.bot_user.mention not in content and f"<@!{self.bot_user.id}>" not in content:
                content = f"{self.bot_user.mention} {content}".rstrip()
            mentioned.append(self.bot_user)
        reference = None
        if reply_to is not None:
            reference = {"message_id": reply_to, "channel_id": channel_id}
            target = self._messages.get(reply_to)
            if target is not None:
                target_author = self._users.get(int(target["author"]["id"]))
                if target_author is not None and target_author not in mentioned:
                    mentioned.append(target_author)
        atts = [self._make_attachment(channel_id, a) for a in attachments or []]
        extra: JSON = {}
        if sticker:
            extra["sticker_items"] = [
                {"id": str(self._snowflake()), "name": "wave", "format_type": 1}
            ]
        msg = self._new_message(
            channel_id,
            author,
            content=content,
            embeds=embeds,
            attachments=atts,
            mentions=mentioned,
            mention_everyone="@everyone" in content,
            reference=reference,
            extra=extra,
        )
        self._dispatch("MESSAGE_CREATE", self._gateway_message(msg))
        return int(msg["id"])

    def user_edits(self, message_id: int, content: str) -> None:
        """The author edits a message (MESSAGE_UPDATE)."""
        msg = self._messages[message_id]
        msg["content"] = content
        msg["edited_timestamp"] = _now_iso()
        self._dispatch("MESSAGE_UPDATE", self._gateway_message(msg))

    def user_deletes(self, message_id: int) -> None:
        """A message is deleted by its author or a moderator (MESSAGE_DELETE)."""
        msg = self._messages.pop(message_id)
        data: JSON = {"id": msg["id"], "channel_id": msg["channel_id"]}
        if self._is_guild_channel(int(msg["channel_id"])):
            data["guild_id"] = str(self.guild_id)
        self._dispatch("MESSAGE_DELETE", data)

    def user_reacts(self, message_id: int, user: EmuUser | str | int, emoji: str = "👍") -> None:
        """A user adds a unicode reaction (MESSAGE_REACTION_ADD)."""
        msg = self._messages[message_id]
        u = self.user(user)
        data: JSON = {
            "user_id": str(u.id),
            "channel_id": msg["channel_id"],
            "message_id": msg["id"],
            "emoji": {"id": None, "name": emoji},
            "message_author_id": msg["author"]["id"],
            "burst": False,
            "type": 0,
        }
        if self._is_guild_channel(int(msg["channel_id"])):
            data["guild_id"] = str(self.guild_id)
            data["member"] = u.member_payload()
        self._dispatch("MESSAGE_REACTION_ADD", data)

    def user_creates_thread(
        self,
        channel_id: int,
        user: EmuUser | str | int,
        name: str,
        *,
        message_id: int | None = None,
        private: bool = False,
    ) -> int:
        """A user opens a thread (THREAD_CREATE); returns the thread id."""
        owner = self.user(user)
        thread = self._create_thread(
            channel_id,
            name,
            owner,
            message_id=message_id,
            thread_type=CH_PRIVATE_THREAD if private else CH_PUBLIC_THREAD,
        )
        return int(thread["id"])

    def _make_attachment(self, channel_id: int, spec: str | Mapping[str, Any]) -> JSON:
        if isinstance(spec, str):
            spec = {"filename": spec}
        aid = self._snowflake()
        filename = str(spec.get("filename", "file.bin"))
        content = spec.get("content", b"emulated attachment")
        if isinstance(content, str):
            content = content.encode()
        content_type = str(spec.get("content_type", "application/octet-stream"))
        key = f"{channel_id}/{aid}/{filename}"
        self._attachments[key] = (bytes(content), content_type)
        url = f"{self.base_url}/attachments/{key}"
        return {
            "id": str(aid),
            "filename": filename,
            "size": int(spec.get("size", len(content))),
            "url": url,
            "proxy_url": url,
            "content_type": content_type,
            **({"width": spec["width"], "height": spec["height"]} if "width" in spec else {}),
        }

    def attachment_bytes(self, attachment: str | Mapping[str, Any]) -> bytes:
        """The bytes the emulator serves for an attachment (its dict or its ``url``): what a
        user posted, or what the bot uploaded (``SentMessage.attachments``)."""
        url = attachment if isinstance(attachment, str) else str(attachment["url"])
        prefix = f"{self.base_url}/attachments/"
        if not url.startswith(prefix):
            raise KeyError(f"not an attachment of this emulator: {url}")
        return self._attachments[url.removeprefix(prefix)][0]

    def _create_thread(
        self,
        parent_id: int,
        name: str,
        owner: EmuUser,
        *,
        message_id: int | None,
        thread_type: int,
        auto_archive_duration: int = 1440,
    ) -> JSON:
        tid = message_id if message_id is not None else self._snowflake()
        now = _now_iso()
        thread: JSON = {
            "id": str(tid),
            "guild_id": str(self.guild_id),
            "parent_id": str(parent_id),
            "owner_id": str(owner.id),
            "type": thread_type,
            "name": name,
            "last_message_id": None,
            "rate_limit_per_user": 0,
            "flags": 0,
            "message_count": 0,
            "member_count": 1,
            "total_message_sent": 0,
            "applied_tags": [],
            "thread_metadata": {
                "archived": False,
                "auto_archive_duration": auto_archive_duration,
                "archive_timestamp": now,
                "locked": False,
                "create_timestamp": now,
                **({"invitable": True} if thread_type == CH_PRIVATE_THREAD else {}),
            },
        }
        self._channels[tid] = thread
        if message_id is not None and message_id in self._messages:
            self._messages[message_id]["thread"] = copy.deepcopy(thread)
        self.threads.append(
            ThreadRecord(
                tid, parent_id, name, thread_type, message_id, owner.id, copy.deepcopy(thread)
            )
        )
        event = copy.deepcopy(thread)
        event["newly_created"] = True
        if owner.id == self.bot_user.id:
            event["member"] = {
                "id": str(tid),
                "user_id": str(self.bot_user.id),
                "join_timestamp": now,
                "flags": 1,
            }
        self._dispatch("THREAD_CREATE", event)
        return thread

    # ------------------------------------------------------------------ interaction hooks

    def _new_interaction(
        self,
        itype: int,
        user: EmuUser,
        channel_id: int,
        data: JSON | None,
        *,
        message: JSON | None = None,
        name: str | None = None,
    ) -> int:
        iid = self._snowflake()
        token = f"emu-{iid}-{secrets.token_urlsafe(16)}"
        channel = self._channels[channel_id]
        in_guild = channel["type"] != CH_DM
        payload: JSON = {
            "id": str(iid),
            "application_id": str(self.application_id),
            "type": itype,
            "token": token,
            "version": 1,
            "locale": "en-US",
            "entitlements": [],
            "attachment_size_limit": 26_214_400,
            "app_permissions": str(BOT_PERMS),
            "channel_id": str(channel_id),
            "channel": copy.deepcopy(channel),
        }
        if data is not None:
            payload["data"] = data
        if in_guild:
            payload.update(
                {
                    "guild_id": str(self.guild_id),
                    "guild": {"id": str(self.guild_id), "locale": "en-US", "features": []},
                    "guild_locale": "en-US",
                    "member": user.member_payload(permissions=self._member_permissions(user)),
                    "context": 0,
                    "authorizing_integration_owners": {"0": str(self.guild_id)},
                }
            )
        else:
            payload.update(
                {
                    "user": user.user_payload(),
                    "context": 1,
                    "authorizing_integration_owners": {"0": "0"},
                }
            )
        if message is not None:
            payload["message"] = copy.deepcopy(message)
        self._interactions[iid] = _Interaction(
            iid,
            token,
            itype,
            channel_id,
            self.guild_id if in_guild else None,
            user.id,
            int(message["id"]) if message is not None else None,
            name,
            time.monotonic(),
        )
        self._dispatch("INTERACTION_CREATE", payload, raw=True)
        return iid

    def _option_payload(self, name: str, value: Any, resolved: JSON) -> JSON:
        if isinstance(value, EmuUser):
            resolved.setdefault("users", {})[str(value.id)] = value.user_payload()
            if value.in_guild:
                resolved.setdefault("members", {})[str(value.id)] = value.member_payload(
                    with_user=False, permissions=self._member_permissions(value)
                )
            return {"name": name, "type": 6, "value": str(value.id)}
        if isinstance(value, bool):
            return {"name": name, "type": 5, "value": value}
        if isinstance(value, int):
            return {"name": name, "type": 4, "value": value}
        if isinstance(value, float):
            return {"name": name, "type": 10, "value": value}
        return {"name": name, "type": 3, "value": str(value)}

    def slash_command(
        self,
        user: EmuUser | str | int,
        name: str,
        options: Mapping[str, Any] | Sequence[JSON] | None = None,
        channel_id: int | None = None,
        guild: bool = True,
    ) -> int:
        """A user invokes ``/name`` (INTERACTION_CREATE type 2); returns the interaction id.

        ``options`` is ``{name: value}`` (str → STRING, int → INTEGER, float → NUMBER,
        bool → BOOLEAN, :class:`EmuUser` → USER with ``resolved``) or a list of raw option
        dicts.  ``guild=False`` invokes it in the user's DM with the bot.  ``data.guild_id``
        is set when the command was synced to the guild (that is how discord.py's tree finds
        guild commands); unsynced names are sent as global commands.
        """
        u = self.user(user)
        if channel_id is None:
            channel_id = self.general_channel_id if guild else self.dm_channel_for(u)
        in_guild = self._is_guild_channel(channel_id)
        resolved: JSON = {}
        if options is None:
            opts: list[JSON] = []
        elif isinstance(options, Mapping):
            opts = [self._option_payload(k, v, resolved) for k, v in options.items()]
        else:
            opts = [dict(o) for o in options]
        data: JSON = {"name": name, "type": 1, "options": opts}
        guild_cmd = self._commands.get(self.guild_id, {}).get(name) if in_guild else None
        global_cmd = self._commands.get(None, {}).get(name)
        if guild_cmd is not None:
            data["id"] = guild_cmd["id"]
            data["guild_id"] = str(self.guild_id)
        elif global_cmd is not None:
            data["id"] = global_cmd["id"]
        else:
            data["id"] = str(self._snowflake())
        if resolved:
            data["resolved"] = resolved
        return self._new_interaction(2, u, channel_id, data, name=name)

    def _component_message(
        self, message_id: int, channel_id: int | None, custom_id: str = ""
    ) -> tuple[JSON, int]:
        msg = self._messages.get(message_id)
        if msg is None:
            # Discord only sends a click on a component its message really has: an unknown
            # message (a test forging a click) carries the clicked button.
            cid = channel_id or self.general_channel_id
            msg = self._new_message(cid, self.bot_user, content="(unknown message)")
            msg["id"] = str(message_id)
            if custom_id:
                button = {"type": 2, "style": 2, "label": "?", "custom_id": custom_id}
                msg["components"] = [{"type": 1, "components": [button]}]
        return msg, channel_id or int(msg["channel_id"])

    def click_button(
        self,
        user: EmuUser | str | int,
        message_id: int,
        custom_id: str,
        channel_id: int | None = None,
    ) -> int:
        """A user clicks a button (INTERACTION_CREATE type 3, component_type 2, with the
        message); returns the interaction id."""
        u = self.user(user)
        msg, cid = self._component_message(message_id, channel_id, custom_id)
        data = {"custom_id": custom_id, "component_type": 2}
        return self._new_interaction(3, u, cid, data, message=msg)

    def select_option(
        self,
        user: EmuUser | str | int,
        message_id: int,
        custom_id: str,
        values: Sequence[str],
        channel_id: int | None = None,
    ) -> int:
        """A user picks string-select values (type 3, component_type 3)."""
        u = self.user(user)
        msg, cid = self._component_message(message_id, channel_id)
        data = {"custom_id": custom_id, "component_type": 3, "values": list(values)}
        return self._new_interaction(3, u, cid, data, message=msg)

    def submit_modal(
        self,
        user: EmuUser | str | int,
        custom_id: str,
        values: Mapping[str, str],
        channel_id: int | None = None,
        *,
        message_id: int | None = None,
    ) -> int:
        """A user submits a modal (type 5); ``values`` maps text-input custom_id → value."""
        u = self.user(user)
        cid = channel_id or self.general_channel_id
        data = {
            "custom_id": custom_id,
            "components": [
                {"type": 1, "components": [{"type": 4, "custom_id": k, "value": v}]}
                for k, v in values.items()
            ],
        }
        message = self._messages.get(message_id) if message_id is not None else None
        return self._new_interaction(5, u, cid, data, message=message)

    # ------------------------------------------------------------------ failure injection

    def fail_next(
        self,
        method: str,
        path_regex: str,
        status: int,
        *,
        retry_after: float | None = None,
        code: int | None = None,
        message: str | None = None,
        times: int = 1,
        is_global: bool = False,
        skip: int = 0,
    ) -> None:
        """Fail the next ``times`` requests whose method matches (``"*"`` = any) and whose
        path *below the API base* (e.g. ``/channels/123/messages``) ``re.fullmatch``-es
        ``path_regex``, after letting ``skip`` of them through.  ``retry_after`` defaults to
        0.05 s for a 429.  Note that discord.py retries 500/502/504 itself after sleeping 1 s
        (then 3 s ...); a 503 it raises at once.

        A 429 carries Discord's rate-limit headers (including ``Via``, without which
        discord.py treats a 429 as a Cloudflare ban) and the JSON body
        ``{"message", "retry_after", "global"}``; other statuses get ``{"message", "code"}``.
        """
        self._failures.append(
            _Failure(
                method.upper(),
                re.compile(path_regex),
                status,
                retry_after,
                code,
                message,
                times,
                is_global,
                skip,
            )
        )

    def _injected_failure(self, method: str, path: str) -> web.Response | None:
        for failure in self._failures:
            if failure.remaining <= 0:
                continue
            if failure.method not in (method, "*") or not failure.pattern.fullmatch(path):
                continue
            if failure.skip > 0:
                failure.skip -= 1
                continue
            failure.remaining -= 1
            if failure.status == 429:
                after = 0.05 if failure.retry_after is None else failure.retry_after
                headers = {
                    "X-RateLimit-Limit": "5",
                    "X-RateLimit-Remaining": "0",
                    "X-RateLimit-Reset": f"{time.time() + after:.3f}",
                    "X-RateLimit-Reset-After": f"{after:.3f}",
                    "X-RateLimit-Bucket": "emu" + secrets.token_hex(8),
                    "X-RateLimit-Scope": "global" if failure.is_global else "user",
                    "Retry-After": str(max(1, math.ceil(after))),
                    "Via": "1.1 google",
                }
                if failure.is_global:
                    headers["X-RateLimit-Global"] = "true"
                body = {
                    "message": failure.message or "You are being rate limited.",
                    "retry_after": after,
                    "global": failure.is_global,
                }
                if failure.code is not None:
                    body["code"] = failure.code
                return _json_response(body, 429, headers)
            return _error(failure.status, failure.code or 0, failure.message)
        return None

    # ------------------------------------------------------------------ inspection

    def sent(
        self, channel_id: int | None = None, *, include_interactions: bool = False
    ) -> list[SentMessage]:
        """Messages the bot created, in order (``via == "channel"`` unless
        ``include_interactions``, which adds interaction responses and followups)."""
        return [
            m
            for m in self._sent
            if (channel_id is None or m.channel_id == channel_id)
            and (include_interactions or m.via == "channel")
        ]

    @property
    def synced_commands(self) -> dict[int | None, list[JSON]]:
        """Currently registered application commands per scope (``None`` = global)."""
        return {scope: list(cmds.values()) for scope, cmds in self._commands.items()}

    def interaction_response(self, interaction_id: int) -> InteractionResponseRecord | None:
        """The initial callback of an interaction, if any."""
        for rec in self.interaction_responses:
            if rec.interaction_id == interaction_id:
                return rec
        return None

    def interaction_token(self, interaction_id: int) -> str:
        """The token of an injected interaction (for raw webhook/callback calls)."""
        return self._interactions[interaction_id].token

    def count(self, method: str, route: str) -> int:
        """Requests seen for a route template.

        Example: ``count("POST", "/channels/{channel_id}/messages")``.
        """
        return self.route_counts[f"{method.upper()} {route}"]

    async def wait_for(self, predicate: Callable[[], Any], timeout: float = 5.0) -> Any:
        """Wait until ``predicate()`` (no arguments) is truthy and return its value.

        Re-checked on every emulator state change and at least every 10 ms, so predicates
        may also look at the bot's own state.  Raises ``TimeoutError``.
        """
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            value = predicate()
            if value:
                return value
            remaining = deadline - loop.time()
            if remaining <= 0:
                raise TimeoutError(
                    f"condition not met within {timeout}s; sent={[m.content for m in self._sent]!r}"
                    f" responses={[(r.type, r.content) for r in self.interaction_responses]!r}"
                )
            fut: asyncio.Future[None] = loop.create_future()
            self._waiters.append(fut)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(fut, min(remaining, 0.01))

    async def wait_for_sent(
        self,
        channel_id: int | None = None,
        *,
        count: int = 1,
        timeout: float = 5.0,
        include_interactions: bool = False,
    ) -> SentMessage:
        """Wait until at least ``count`` bot messages exist (in ``channel_id``); return the
        ``count``-th one."""
        await self.wait_for(
            lambda: len(self.sent(channel_id, include_interactions=include_interactions)) >= count,
            timeout,
        )
        return self.sent(channel_id, include_interactions=include_interactions)[count - 1]

    async def wait_for_interaction_response(
        self, interaction_id: int, timeout: float = 5.0
    ) -> InteractionResponseRecord:
        """Wait for the initial callback of ``interaction_id``."""
        return await self.wait_for(lambda: self.interaction_response(interaction_id), timeout)

    # ------------------------------------------------------------------ REST plumbing

    def _build_routes(self) -> list[tuple[str, str, re.Pattern[str], _RouteHandler]]:
        table: list[tuple[str, str, _RouteHandler]] = [
            ("GET", "/oauth2/applications/@me", self._r_application),
            ("GET", "/applications/@me", self._r_application),
            ("GET", "/users/@me", self._r_me),
            ("POST", "/users/@me/channels", self._r_create_dm),
            ("GET", "/users/{user_id}", self._r_get_user),
            ("GET", "/gateway", self._r_gateway),
            ("GET", "/gateway/bot", self._r_gateway_bot),
            ("GET", "/channels/{channel_id}", self._r_get_channel),
            ("PATCH", "/channels/{channel_id}", self._r_patch_channel),
            ("GET", "/channels/{channel_id}/messages", self._r_history),
            ("POST", "/channels/{channel_id}/messages", self._r_send_message),
            ("GET", "/channels/{channel_id}/messages/{message_id}", self._r_get_message),
            ("PATCH", "/channels/{channel_id}/messages/{message_id}", self._r_edit_message),
            ("DELETE", "/channels/{channel_id}/messages/{message_id}", self._r_delete_message),
            ("POST", "/channels/{channel_id}/typing", self._r_typing),
            (
                "PUT",
                "/channels/{channel_id}/messages/{message_id}/reactions/{emoji}/@me",
                self._r_react,
            ),
            (
                "DELETE",
                "/channels/{channel_id}/messages/{message_id}/reactions/{emoji}/@me",
                self._r_unreact,
            ),
            ("POST", "/channels/{channel_id}/threads", self._r_thread_without_message),
            (
                "POST",
                "/channels/{channel_id}/messages/{message_id}/threads",
                self._r_thread_from_message,
            ),
            ("PUT", "/channels/{channel_id}/thread-members/@me", self._r_join_thread),
            ("POST", "/interactions/{interaction_id}/{token}/callback", self._r_callback),
            ("GET", "/webhooks/{application_id}/{token}/messages/@original", self._r_wh_get),
            ("PATCH", "/webhooks/{application_id}/{token}/messages/@original", self._r_wh_edit),
            ("DELETE", "/webhooks/{application_id}/{token}/messages/@original", self._r_wh_delete),
            ("POST", "/webhooks/{application_id}/{token}", self._r_wh_followup),
            ("GET", "/webhooks/{application_id}/{token}/messages/{message_id}", self._r_wh_get),
            ("PATCH", "/webhooks/{application_id}/{token}/messages/{message_id}", self._r_wh_edit),
            (
                "DELETE",
                "/webhooks/{application_id}/{token}/messages/{message_id}",
                self._r_wh_delete,
            ),
            ("GET", "/applications/{application_id}/commands", self._r_get_commands),
            ("PUT", "/applications/{application_id}/commands", self._r_put_commands),
            ("POST", "/applications/{application_id}/commands", self._r_post_command),
            (
                "GET",
                "/applications/{application_id}/guilds/{guild_id}/commands",
                self._r_get_commands,
            ),
            (
                "PUT",
                "/applications/{application_id}/guilds/{guild_id}/commands",
                self._r_put_commands,
            ),
            (
                "POST",
                "/applications/{application_id}/guilds/{guild_id}/commands",
                self._r_post_command,
            ),
            ("GET", "/guilds/{guild_id}", self._r_get_guild),
            ("GET", "/guilds/{guild_id}/channels", self._r_guild_channels),
            ("GET", "/guilds/{guild_id}/roles", self._r_guild_roles),
            ("GET", "/guilds/{guild_id}/members", self._r_list_members),
            ("GET", "/guilds/{guild_id}/members/{user_id}", self._r_get_member),
            ("PUT", "/guilds/{guild_id}/members/{user_id}/roles/{role_id}", self._r_add_role),
            ("DELETE", "/guilds/{guild_id}/members/{user_id}/roles/{role_id}", self._r_del_role),
        ]
        return [(m, t, _compile_template(t), h) for m, t, h in table]

    async def _attachment_handler(self, request: web.Request) -> web.StreamResponse:
        self.route_counts["GET /attachments"] += 1
        found = self._attachments.get(request.match_info["key"])
        if found is None:
            return web.Response(status=404)
        data, content_type = found
        return web.Response(body=data, content_type=content_type)

    async def _read_body(self, request: web.Request) -> tuple[Any, list[JSON]]:
        files: list[JSON] = []
        if request.content_type.startswith("multipart/"):
            payload: Any = None
            reader = await request.multipart()
            while True:
                part = await reader.next()
                if part is None:
                    break
                if not isinstance(part, BodyPartReader):
                    continue
                raw = await part.read()
                if part.name == "payload_json":
                    payload = json.loads(bytes(raw).decode())
                else:
                    files.append(
                        {
                            "field": part.name,
                            "filename": part.filename,
                            "content": bytes(raw),
                            "content_type": part.headers.get("Content-Type"),
                        }
                    )
            return payload, files
        if request.can_read_body:
            text = await request.text()
            if text:
                try:
                    return json.loads(text), files
                except ValueError:
                    return text, files
        return None, files

    async def _rest_handler(self, request: web.Request) -> web.StreamResponse:
        m = re.match(r"^/api(?:/v\d+)?(/.*)$", request.path)
        path = m.group(1) if m else request.path
        method = request.method.upper()
        body, files = await self._read_body(request)
        route_template: str | None = None
        handler: _RouteHandler | None = None
        params: dict[str, str] = {}
        for r_method, template, pattern, h in self._routes:
            match = pattern.fullmatch(path)
            if match and r_method == method:
                route_template, handler, params = template, h, match.groupdict()
                break
        if route_template is not None:
            self.route_counts[f"{method} {route_template}"] += 1
        response = self._injected_failure(method, path)
        if response is None:
            needs_auth = not path.startswith(("/interactions/", "/webhooks/"))
            auth = request.headers.get("Authorization", "")
            if needs_auth and self.token is not None and auth != f"Bot {self.token}":
                response = _error(401, 0, "401: Unauthorized")
            elif handler is None:
                response = _error(404, 0, "404: Not Found")
            else:
                req = _Req(method, path, params, dict(request.query), body, files, request.headers)
                response = await handler(req)
        logged = body
        if files:
            logged = {"payload_json": body, "files": [f["filename"] for f in files]}
        self.requests.append(
            RequestRecord(
                method, path, route_template, response.status, logged, dict(request.query)
            )
        )
        self._notify()
        return response

    # ------------------------------------------------------------------ message validation

    def _validate_message(
        self, body: JSON, files: list[JSON], *, edit: bool = False
    ) -> web.Response | None:
        content = body.get("content")
        if content is not None and len(str(content)) > 2000:
            return _form_error(
                "content", "BASE_TYPE_MAX_LENGTH", "Must be 2000 or fewer in length."
            )
        embeds = body.get("embeds") or []
        if len(embeds) > 10:
            return _form_error("embeds", "BASE_TYPE_MAX_LENGTH", "Must be 10 or fewer in length.")
        for embed in embeds:
            if len(str(embed.get("title") or "")) > 256:
                return _form_error(
                    "embeds", "BASE_TYPE_MAX_LENGTH", "Must be 256 or fewer in length."
                )
            if len(str(embed.get("description") or "")) > 4096:
                return _form_error(
                    "embeds", "BASE_TYPE_MAX_LENGTH", "Must be 4096 or fewer in length."
                )
            if len(embed.get("fields") or []) > 25:
                return _form_error(
                    "embeds", "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length."
                )
        if len(body.get("components") or []) > 5 and not int(body.get("flags") or 0) & (1 << 15):
            return _form_error(
                "components", "BASE_TYPE_MAX_LENGTH", "Must be 5 or fewer in length."
            )
        if not edit and not (
            content
            or embeds
            or body.get("components")
            or files
            or body.get("sticker_ids")
            or body.get("poll")
        ):
            return _error(400, 50006, "Cannot send an empty message")
        return None

    def _mentions_for(
        self, content: str, allowed: JSON | None, reference: JSON | None
    ) -> list[EmuUser]:
        ids = [int(x) for x in re.findall(r"<@!?(\d{15,20})>", content or "")]
        if allowed is not None:
            parse = allowed.get("parse") or []
            explicit = {int(x) for x in allowed.get("users") or []}
            ids = [i for i in ids if "users" in parse or i in explicit]
        users = [self._users[i] for i in dict.fromkeys(ids) if i in self._users]
        if reference is not None and (allowed is None or allowed.get("replied_user", True)):
            target = self._messages.get(int(reference.get("message_id") or 0))
            if target is not None:
                author = self._users.get(int(target["author"]["id"]))
                if author is not None and author not in users:
                    users.append(author)
        return users

    def _bot_message(
        self,
        channel_id: int,
        body: JSON,
        files: list[JSON],
        *,
        via: Literal["channel", "interaction", "followup"],
        interaction: _Interaction | None = None,
        msg_type: int = MSG_DEFAULT,
        extra_flags: int = 0,
    ) -> JSON:
        reference = body.get("message_reference")
        allowed = body.get("allowed_mentions")
        content = body.get("content") or ""
        attachments = [
            self._make_attachment(
                channel_id,
                {
                    "filename": f["filename"] or "file",
                    "content": f["content"],
                    "content_type": _uploaded_type(f["filename"], f["content_type"]),
                },
            )
            for f in files
        ]
        parse = (allowed or {}).get("parse", ["everyone"]) if allowed is not None else ["everyone"]
        extra: JSON = {"nonce": body["nonce"]} if body.get("nonce") is not None else {}
        if interaction is not None:
            extra.update(
                {
                    "webhook_id": str(self.application_id),
                    "application_id": str(self.application_id),
                    "interaction_metadata": {
                        "id": str(interaction.id),
                        "type": interaction.type,
                        "user": self._users[interaction.user_id].user_payload(),
                        "authorizing_integration_owners": {"0": str(self.guild_id)},
                        **({"name": interaction.name} if interaction.name else {}),
                    },
                }
            )
        msg = self._new_message(
            channel_id,
            self.bot_user,
            content=content,
            embeds=body.get("embeds") or [],
            components=body.get("components") or [],
            attachments=attachments,
            flags=int(body.get("flags") or 0) | extra_flags,
            mentions=self._mentions_for(content, allowed, reference),
            mention_everyone="@everyone" in content and "everyone" in parse,
            reference=reference,
            msg_type=msg_type,
            extra=extra,
        )
        self._sent.append(
            SentMessage(
                id=int(msg["id"]),
                channel_id=channel_id,
                content=body.get("content"),
                embeds=body.get("embeds") or [],
                components=body.get("components") or [],
                allowed_mentions=allowed,
                message_reference=reference,
                flags=int(msg["flags"]),
                attachments=attachments,
                payload=copy.deepcopy(body),
                via=via,
                interaction_id=interaction.id if interaction is not None else None,
            )
        )
        if not int(msg["flags"]) & FLAG_EPHEMERAL:
            self._dispatch("MESSAGE_CREATE", self._gateway_message(msg))
        return msg

    def _apply_edit(self, msg: JSON, body: JSON, files: list[JSON]) -> None:
        for key in ("content", "embeds", "components", "flags"):
            if key in body and body[key] is not None:
                msg[key] = body[key]
        if "content" in body and body["content"] is None:
            msg["content"] = ""
        if files:
            msg["attachments"] = list(msg.get("attachments", [])) + [
                self._make_attachment(
                    int(msg["channel_id"]),
                    {"filename": f["filename"] or "file", "content": f["content"]},
                )
                for f in files
            ]
        msg["flags"] = int(msg.get("flags") or 0) & ~FLAG_LOADING
        msg["edited_timestamp"] = _now_iso()

    def _dispatch_update(self, msg: JSON) -> None:
        if not int(msg.get("flags") or 0) & FLAG_EPHEMERAL:
            self._dispatch("MESSAGE_UPDATE", self._gateway_message(msg))

    def _dispatch_delete(self, msg: JSON) -> None:
        data: JSON = {"id": msg["id"], "channel_id": msg["channel_id"]}
        if self._is_guild_channel(int(msg["channel_id"])):
            data["guild_id"] = str(self.guild_id)
        if not int(msg.get("flags") or 0) & FLAG_EPHEMERAL:
            self._dispatch("MESSAGE_DELETE", data)

    # ------------------------------------------------------------------ REST handlers

    async def _r_application(self, req: _Req) -> web.Response:
        return _json_response(self._application_payload())

    async def _r_me(self, req: _Req) -> web.Response:
        return _json_response(self._bot_self_payload())

    async def _r_get_user(self, req: _Req) -> web.Response:
        u = self._users.get(int(req.params["user_id"]))
        if u is None:
            return _error(404, 10013, "Unknown User")
        return _json_response(u.user_payload())

    async def _r_create_dm(self, req: _Req) -> web.Response:
        rid = (req.json or {}).get("recipient_id")
        if rid is None or int(rid) not in self._users:
            return _form_error("recipient_id", "NUMBER_TYPE_COERCE", "Value is not snowflake.")
        cid = self.dm_channel_for(int(rid))
        return _json_response(self._channels[cid])

    async def _r_gateway(self, req: _Req) -> web.Response:
        return _json_response({"url": str(self.gateway_url)})

    async def _r_gateway_bot(self, req: _Req) -> web.Response:
        return _json_response(
            {
                "url": str(self.gateway_url),
                "shards": 1,
                "session_start_limit": {
                    "total": 1000,
                    "remaining": 1000 - self.identify_count,
                    "reset_after": 14_400_000,
                    "max_concurrency": 1,
                },
            }
        )

    def _channel_or_404(self, req: _Req) -> JSON | web.Response:
        ch = self._channels.get(int(req.params["channel_id"]))
        if ch is None:
            return _error(404, 10003, "Unknown Channel")
        return ch

    async def _r_get_channel(self, req: _Req) -> web.Response:
        ch = self._channel_or_404(req)
        return ch if isinstance(ch, web.Response) else _json_response(ch)

    async def _r_patch_channel(self, req: _Req) -> web.Response:
        ch = self._channel_or_404(req)
        if isinstance(ch, web.Response):
            return ch
        body = req.json or {}
        if ch["type"] in THREAD_TYPES:
            meta = ch["thread_metadata"]
            for key in ("archived", "locked", "auto_archive_duration", "invitable"):
                if key in body:
                    meta[key] = body[key]
            if "archived" in body:
                meta["archive_timestamp"] = _now_iso()
        for key in ("name", "topic", "rate_limit_per_user"):
            if key in body:
                ch[key] = body[key]
        event = "THREAD_UPDATE" if ch["type"] in THREAD_TYPES else "CHANNEL_UPDATE"
        self._dispatch(event, copy.deepcopy(ch))
        return _json_response(ch)

    async def _r_history(self, req: _Req) -> web.Response:
        ch = self._channel_or_404(req)
        if isinstance(ch, web.Response):
            return ch
        msgs = [m for m in self._messages.values() if m["channel_id"] == ch["id"]]
        msgs.sort(key=lambda m: int(m["id"]), reverse=True)
        if "before" in req.query:
            msgs = [m for m in msgs if int(m["id"]) < int(req.query["before"])]
        if "after" in req.query:
            msgs = [m for m in msgs if int(m["id"]) > int(req.query["after"])]
        limit = int(req.query.get("limit", 50))
        return _json_response(msgs[:limit])

    async def _r_send_message(self, req: _Req) -> web.Response:
        ch = self._channel_or_404(req)
        if isinstance(ch, web.Response):
            return ch
        cid = int(ch["id"])
        recipient = self._dm_recipient(ch)
        if recipient is not None and recipient in self._closed_dms:
            return _error(403, 50007, "Cannot send messages to this user")
        if ch["type"] in THREAD_TYPES and ch["thread_metadata"]["archived"]:
            return _error(400, 50083, "Thread is archived")
        body = req.json if isinstance(req.json, dict) else {}
        invalid = self._validate_message(body, req.files)
        if invalid is not None:
            return invalid
        ref = body.get("message_reference")
        if ref is not None and ref.get("message_id") is not None:
            exists = int(ref["message_id"]) in self._messages
            if not exists and ref.get("fail_if_not_exists", True):
                return _form_error(
                    "message_reference", "REPLIES_UNKNOWN_MESSAGE", "Unknown message"
                )
            if not exists:
                body = dict(body)
                body.pop("message_reference")
        msg = self._bot_message(cid, body, req.files, via="channel")
        return _json_response(msg)

    def _message_or_404(self, req: _Req) -> JSON | web.Response:
        msg = self._messages.get(int(req.params["message_id"]))
        if msg is None or msg["channel_id"] != req.params["channel_id"]:
            return _error(404, 10008, "Unknown Message")
        return msg

    async def _r_get_message(self, req: _Req) -> web.Response:
        msg = self._message_or_404(req)
        return msg if isinstance(msg, web.Response) else _json_response(msg)

    async def _r_edit_message(self, req: _Req) -> web.Response:
        msg = self._message_or_404(req)
        if isinstance(msg, web.Response):
            return msg
        if msg["author"]["id"] != str(self.bot_user.id):
            return _error(403, 50005, "Cannot edit a message authored by another user")
        body = req.json if isinstance(req.json, dict) else {}
        invalid = self._validate_message(body, req.files, edit=True)
        if invalid is not None:
            return invalid
        self._apply_edit(msg, body, req.files)
        self.edits.append(EditRecord(int(msg["channel_id"]), int(msg["id"]), copy.deepcopy(body)))
        self._dispatch_update(msg)
        return _json_response(msg)

    async def _r_delete_message(self, req: _Req) -> web.Response:
        msg = self._message_or_404(req)
        if isinstance(msg, web.Response):
            return msg
        del self._messages[int(msg["id"])]
        self.deletions.append(DeleteRecord(int(msg["channel_id"]), int(msg["id"])))
        self._dispatch_delete(msg)
        return _no_content()

    async def _r_typing(self, req: _Req) -> web.Response:
        ch = self._channel_or_404(req)
        if isinstance(ch, web.Response):
            return ch
        self.typing_channels.append(int(ch["id"]))
        return _no_content()

    async def _r_react(self, req: _Req) -> web.Response:
        msg = self._message_or_404(req)
        if isinstance(msg, web.Response):
            return msg
        self.reactions.append((int(msg["channel_id"]), int(msg["id"]), req.params["emoji"]))
        return _no_content()

    async def _r_unreact(self, req: _Req) -> web.Response:
        msg = self._message_or_404(req)
        if isinstance(msg, web.Response):
            return msg
        key = (int(msg["channel_id"]), int(msg["id"]), req.params["emoji"])
        if key in self.reactions:
            self.reactions.remove(key)
        return _no_content()

    async def _r_thread_without_message(self, req: _Req) -> web.Response:
        ch = self._channel_or_404(req)
        if isinstance(ch, web.Response):
            return ch
        if ch["type"] != CH_GUILD_TEXT:
            return _error(400, 50024, "Cannot execute action on this channel type")
        body = req.json or {}
        if not body.get("name"):
            return _form_error("name", "BASE_TYPE_REQUIRED", "This field is required")
        thread = self._create_thread(
            int(ch["id"]),
            str(body["name"])[:100],
            self.bot_user,
            message_id=None,
            thread_type=int(body.get("type") or CH_PRIVATE_THREAD),
            auto_archive_duration=int(body.get("auto_archive_duration") or 1440),
        )
        return _json_response(thread)

    async def _r_thread_from_message(self, req: _Req) -> web.Response:
        msg = self._message_or_404(req)
        if isinstance(msg, web.Response):
            return msg
        if int(msg["id"]) in self._channels:
            return _error(400, 160004, "A thread has already been created for this message")
        body = req.json or {}
        if not body.get("name"):
            return _form_error("name", "BASE_TYPE_REQUIRED", "This field is required")
        thread = self._create_thread(
            int(msg["channel_id"]),
            str(body["name"])[:100],
            self.bot_user,
            message_id=int(msg["id"]),
            thread_type=CH_PUBLIC_THREAD,
            auto_archive_duration=int(body.get("auto_archive_duration") or 1440),
        )
        return _json_response(thread)

    async def _r_join_thread(self, req: _Req) -> web.Response:
        ch = self._channel_or_404(req)
        if isinstance(ch, web.Response):
            return ch
        return _no_content()

    # -- interactions

    async def _r_callback(self, req: _Req) -> web.Response:
        inter = self._interactions.get(int(req.params["interaction_id"]))
        if inter is None or inter.token != req.params["token"]:
            return _error(404, 10062, "Unknown interaction")
        if (
            self.interaction_timeout is not None
            and time.monotonic() - inter.created_at > self.interaction_timeout
        ):
            return _error(404, 10062, "Unknown interaction")
        if inter.response_type is not None:
            return _error(400, 40060, "Interaction has already been acknowledged.")
        body = req.json if isinstance(req.json, dict) else {}
        cb_type = int(body.get("type") or 0)
        data = body.get("data") or {}
        inter.response_type = cb_type
        record = InteractionResponseRecord(inter.id, inter.token, cb_type, copy.deepcopy(data))
        resource: JSON | None = None
        message: JSON | None = None
        if cb_type == 4:
            invalid = self._validate_message(data, req.files)
            if invalid is not None:
                inter.response_type = None
                return invalid
            message = self._bot_message(
                inter.channel_id,
                data,
                req.files,
                via="interaction",
                interaction=inter,
                msg_type=MSG_CHAT_INPUT_COMMAND if inter.type == 2 else MSG_DEFAULT,
            )
        elif cb_type == 5:
            loading = {"content": "", "flags": int(data.get("flags") or 0)}
            message = self._bot_message(
                inter.channel_id,
                loading,
                [],
                via="interaction",
                interaction=inter,
                msg_type=MSG_CHAT_INPUT_COMMAND if inter.type == 2 else MSG_DEFAULT,
                extra_flags=FLAG_LOADING,
            )
        elif cb_type == 7 and inter.message_id is not None:
            target = self._messages.get(inter.message_id)
            if target is not None:
                self._apply_edit(target, data, req.files)
                self.edits.append(
                    EditRecord(
                        int(target["channel_id"]),
                        inter.message_id,
                        copy.deepcopy(data),
                        "interaction",
                    )
                )
                self._dispatch_update(target)
                message = target
        if message is not None:
            inter.original_message_id = int(message["id"])
            record.message_id = int(message["id"])
            resource = {"type": cb_type, "message": copy.deepcopy(message)}
        self.interaction_responses.append(record)
        if "with_response" not in req.query:
            return _no_content()
        flags = int((message or {}).get("flags") or 0)
        response: JSON = {
            "interaction": {
                "id": str(inter.id),
                "type": inter.type,
                "response_message_loading": cb_type == 5,
                "response_message_ephemeral": bool(flags & FLAG_EPHEMERAL),
                **({"response_message_id": str(message["id"])} if message is not None else {}),
            }
        }
        if resource is not None:
            response["resource"] = resource
        return _json_response(response)

    def _webhook_interaction(self, req: _Req) -> _Interaction | web.Response:
        if int(req.params["application_id"]) != self.application_id:
            return _error(404, 10015, "Unknown Webhook")
        for inter in self._interactions.values():
            if inter.token == req.params["token"]:
                if inter.response_type is None:
                    return _error(404, 10015, "Unknown Webhook")
                return inter
        return _error(404, 10015, "Unknown Webhook")

    def _webhook_target(self, req: _Req) -> tuple[_Interaction, JSON] | web.Response:
        inter = self._webhook_interaction(req)
        if isinstance(inter, web.Response):
            return inter
        if "message_id" in req.params:
            mid: int | None = int(req.params["message_id"])
        elif inter.original_message_id is not None:
            mid = inter.original_message_id
        elif inter.response_type in (6, 7):
            mid = inter.message_id
        else:
            mid = None
        msg = self._messages.get(mid) if mid is not None else None
        if msg is None:
            return _error(404, 10008, "Unknown Message")
        return inter, msg

    async def _r_wh_get(self, req: _Req) -> web.Response:
        target = self._webhook_target(req)
        return target if isinstance(target, web.Response) else _json_response(target[1])

    async def _r_wh_edit(self, req: _Req) -> web.Response:
        target = self._webhook_target(req)
        if isinstance(target, web.Response):
            return target
        _inter, msg = target
        body = req.json if isinstance(req.json, dict) else {}
        invalid = self._validate_message(body, req.files, edit=True)
        if invalid is not None:
            return invalid
        self._apply_edit(msg, body, req.files)
        via: Literal["interaction", "followup"] = (
            "followup" if "message_id" in req.params else "interaction"
        )
        self.edits.append(
            EditRecord(int(msg["channel_id"]), int(msg["id"]), copy.deepcopy(body), via)
        )
        self._dispatch_update(msg)
        return _json_response(msg)

    async def _r_wh_delete(self, req: _Req) -> web.Response:
        target = self._webhook_target(req)
        if isinstance(target, web.Response):
            return target
        _inter, msg = target
        del self._messages[int(msg["id"])]
        via: Literal["interaction", "followup"] = (
            "followup" if "message_id" in req.params else "interaction"
        )
        self.deletions.append(DeleteRecord(int(msg["channel_id"]), int(msg["id"]), via))
        self._dispatch_delete(msg)
        return _no_content()

    async def _r_wh_followup(self, req: _Req) -> web.Response:
        inter = self._webhook_interaction(req)
        if isinstance(inter, web.Response):
            return inter
        body = req.json if isinstance(req.json, dict) else {}
        invalid = self._validate_message(body, req.files)
        if invalid is not None:
            return invalid
        msg = self._bot_message(
            inter.channel_id, body, req.files, via="followup", interaction=inter
        )
        if req.query.get("wait", "false").lower() in ("1", "true"):
            return _json_response(msg)
        return _no_content()

    # -- application commands

    def _command_scope(self, req: _Req) -> int | web.Response | None:
        if int(req.params["application_id"]) != self.application_id:
            return _error(403, 50001, "Missing Access")
        if "guild_id" in req.params:
            gid = int(req.params["guild_id"])
            if gid != self.guild_id:
                return _error(403, 50001, "Missing Access")
            return gid
        return None

    def _normalise_command(
        self, scope: int | None, cmd: JSON, existing: Mapping[str, JSON]
    ) -> JSON | str:
        name = cmd.get("name")
        ctype = int(cmd.get("type") or 1)
        if not isinstance(name, str) or not 1 <= len(name) <= 32:
            return "name must be 1-32 characters"
        if ctype == 1:
            if name != name.lower() or not re.fullmatch(r"[-_\w]{1,32}", name):
                return f"invalid slash command name {name!r}"
            if not 1 <= len(str(cmd.get("description") or "")) <= 100:
                return f"description of {name!r} must be 1-100 characters"
        old = existing.get(name)
        out = copy.deepcopy(cmd)
        out.update(
            {
                "id": old["id"] if old else str(self._snowflake()),
                "application_id": str(self.application_id),
                "version": str(self._snowflake()),
                "type": ctype,
                "description": cmd.get("description") or "",
                "options": cmd.get("options") or [],
                "default_member_permissions": cmd.get("default_member_permissions"),
                "nsfw": bool(cmd.get("nsfw", False)),
            }
        )
        if scope is not None:
            out["guild_id"] = str(scope)
        return out

    async def _r_get_commands(self, req: _Req) -> web.Response:
        scope = self._command_scope(req)
        if isinstance(scope, web.Response):
            return scope
        return _json_response(list(self._commands.get(scope, {}).values()))

    async def _r_put_commands(self, req: _Req) -> web.Response:
        scope = self._command_scope(req)
        if isinstance(scope, web.Response):
            return scope
        body = req.json if isinstance(req.json, list) else []
        if len(body) > 100:
            return _form_error("_errors", "BASE_TYPE_MAX_LENGTH", "Must be 100 or fewer in length.")
        existing = self._commands.get(scope, {})
        new: dict[str, JSON] = {}
        for cmd in body:
            norm = self._normalise_command(scope, cmd, existing)
            if isinstance(norm, str):
                return _form_error("name", "APPLICATION_COMMAND_INVALID", norm)
            new[norm["name"]] = norm
        self._commands[scope] = new
        self.command_syncs.append(CommandSync(scope, copy.deepcopy(list(new.values()))))
        return _json_response(list(new.values()))

    async def _r_post_command(self, req: _Req) -> web.Response:
        scope = self._command_scope(req)
        if isinstance(scope, web.Response):
            return scope
        existing = self._commands.setdefault(scope, {})
        norm = self._normalise_command(scope, req.json or {}, existing)
        if isinstance(norm, str):
            return _form_error("name", "APPLICATION_COMMAND_INVALID", norm)
        created = norm["name"] not in existing
        existing[norm["name"]] = norm
        return _json_response(norm, 201 if created else 200)

    # -- guild

    def _guild_or_404(self, req: _Req) -> web.Response | None:
        if int(req.params["guild_id"]) != self.guild_id:
            return _error(404, 10004, "Unknown Guild")
        return None

    async def _r_get_guild(self, req: _Req) -> web.Response:
        return self._guild_or_404(req) or _json_response(self._guild_base())

    async def _r_guild_channels(self, req: _Req) -> web.Response:
        return self._guild_or_404(req) or _json_response(
            [c for c in self._channels.values() if c["type"] == CH_GUILD_TEXT]
        )

    async def _r_guild_roles(self, req: _Req) -> web.Response:
        return self._guild_or_404(req) or _json_response(list(self._roles.values()))

    async def _r_list_members(self, req: _Req) -> web.Response:
        limit = int(req.query.get("limit", 1))
        after = int(req.query.get("after", 0))
        members = sorted((u for u in self.members if u.id > after), key=lambda u: u.id)
        return self._guild_or_404(req) or _json_response(
            [u.member_payload() for u in members[:limit]]
        )

    def _member_or_404(self, req: _Req) -> EmuUser | web.Response:
        missing = self._guild_or_404(req)
        if missing is not None:
            return missing
        u = self._users.get(int(req.params["user_id"]))
        if u is None or not u.in_guild:
            return _error(404, 10007, "Unknown Member")
        return u

    async def _r_get_member(self, req: _Req) -> web.Response:
        u = self._member_or_404(req)
        return u if isinstance(u, web.Response) else _json_response(u.member_payload())

    async def _change_role(self, req: _Req, add: bool) -> web.Response:
        u = self._member_or_404(req)
        if isinstance(u, web.Response):
            return u
        rid = int(req.params["role_id"])
        if rid not in self._roles:
            return _error(404, 10011, "Unknown Role")
        if add and rid not in u.role_ids:
            u.role_ids.append(rid)
        elif not add and rid in u.role_ids:
            u.role_ids.remove(rid)
        if rid == self.mentor_role_id:
            u.mentor = add
        self.role_changes.append(("add" if add else "remove", u.id, rid))
        data = u.member_payload()
        data["guild_id"] = str(self.guild_id)
        self._dispatch("GUILD_MEMBER_UPDATE", data)
        return _no_content()

    async def _r_add_role(self, req: _Req) -> web.Response:
        return await self._change_role(req, True)

    async def _r_del_role(self, req: _Req) -> web.Response:
        return await self._change_role(req, False)
