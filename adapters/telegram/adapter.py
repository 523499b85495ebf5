"""The Telegram platform on python-telegram-bot: updates into the core, its messages out."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import logging
import time
import warnings
from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import urlsplit

from telegram import (
    BotCommand,
    BotCommandScopeAllGroupChats,
    BotCommandScopeAllPrivateChats,
    BotCommandScopeChat,
    LinkPreviewOptions,
)
from telegram.constants import ParseMode
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Forbidden,
    NetworkError,
    RetryAfter,
    TelegramError,
)
from telegram.ext import AIORateLimiter, Application, ApplicationBuilder
from telegram.warnings import PTBUserWarning

from adapters.telegram import files, menu
from adapters.telegram.receive import ALLOWED_UPDATES, Poller, WebhookServer, retry_after_seconds
from adapters.telegram.render import (
    CAPTION_CHARS,
    MAX_CHARS,
    html_edit,
    html_parts,
    keyboard,
    keyboard_json,
)
from adapters.telegram.request import AiohttpRequest
from adapters.telegram.translate import is_member, to_event
from bot.commands import REGISTRY
from bot.models import (
    Button,
    Delivery,
    DeliveryError,
    Event,
    IncomingMessage,
    Media,
    MemberChanged,
    Outgoing,
)
from bot.runtime import Runtime
from bot.settings import Settings

logger = logging.getLogger(__name__)
DEFAULT_BASE_URL = "https://api.telegram.org/bot"
NO_PREVIEW = LinkPreviewOptions(is_disabled=True)
NO_PREVIEW_JSON = NO_PREVIEW.to_dict()
# Updates handled at once. The connection pool has a connection for each of them (a handler
# may ask who a member is) and one for each chat the runtime sends to at once: no more, since
# httpcore checks every pooled connection at the start and end of each request (a pool of 16
# for 8 senders cost about a tenth of the main thread at 150 messages/s).
UPDATE_HANDLERS = 4
# How long an answer to "is this user in the mentor group?" is trusted without asking again.
MEMBERSHIP_TTL = 600.0


def file_url(base_url: str) -> str:
    """The file download URL that goes with an API base URL (`…/bot` → `…/file/bot`)."""
    stem = base_url.rstrip("/")
    return f"{stem[: -len('/bot')]}/file/bot" if stem.endswith("/bot") else f"{stem}/file/bot"


def chat_ref(chat_id: str) -> int | str:
    """Numeric chat ids as ints (what the API expects), `@username` as is."""
    try:
        return int(chat_id)
    except ValueError:
        return chat_id


def delivery_error(error: TelegramError) -> DeliveryError:
    """A Bot API error as the core's DeliveryError: permanent, or retried (after retry_after)."""
    reason = str(error)
    if isinstance(error, RetryAfter):
        return DeliveryError(f"rate limited: {reason}", retry_after=retry_after_seconds(error))
    if isinstance(error, Forbidden):
        return DeliveryError(f"blocked: {reason}", permanent=True)
    if isinstance(error, BadRequest):
        if "chat not found" not in reason.lower():
            logger.warning("Telegram refused a message for good: %s", reason)
        return DeliveryError(reason, permanent=True)
    if isinstance(error, ChatMigrated):
        return DeliveryError(f"chat migrated to {error.new_chat_id}", permanent=True)
    if isinstance(error, NetworkError):  # timeouts and 5xx
        return DeliveryError(reason)
    return DeliveryError(reason)


class TelegramAdapter:
    """Translates Bot API updates into core events and delivers the core's Outgoing messages.

    `overall_max_rate`/`group_max_rate` are AIORateLimiter's flood limits (Telegram's own by
    default; 0 turns one off, which only a benchmark against an emulator should do).
    """

    name = "telegram"

    def __init__(
        self,
        settings: Settings,
        runtime: Runtime,
        *,
        poll_timeout: float = 30.0,
        overall_max_rate: float = 30.0,
        group_max_rate: float = 20.0,
        max_retries: int = 1,
    ):
        self.settings = settings
        self.runtime = runtime
        base_url = settings.telegram_api_base_url or DEFAULT_BASE_URL
        limiter = AIORateLimiter(
            overall_max_rate=overall_max_rate,
            group_max_rate=group_max_rate,
            max_retries=max_retries,
        )
        self.application: Application[Any, Any, Any, Any, Any, Any] = (
            ApplicationBuilder()
            .token(settings.telegram_bot_token.get_secret_value())
            .base_url(base_url)
            .base_file_url(file_url(base_url))
            .rate_limiter(limiter)
            .updater(None)
            .concurrent_updates(UPDATE_HANDLERS)
            .request(AiohttpRequest(connection_pool_size=runtime.concurrency + UPDATE_HANDLERS))
            .get_updates_request(AiohttpRequest(connection_pool_size=1))
            .build()
        )
        self.bot = self.application.bot
        # do_api_request("sendMessage") warns that send_message exists (see _send_text)
        warnings.filterwarnings(
            "ignore", message=r"Please use 'Bot\.sendMessage'", category=PTBUserWarning
        )
        self.bot_id = 0
        self.bot_username = ""
        self.poller = Poller(self.bot, self.receive, timeout=poll_timeout)
        self.webhook: WebhookServer | None = None
        self._polling: asyncio.Task[None] | None = None
        self._background: set[asyncio.Task[Any]] = set()
        self._forum: dict[str, bool] = {}
        self._topics: dict[tuple[str, str], int] = {}
        self._progress: dict[tuple[str, str, int], int] = {}
        self._members: dict[str, tuple[bool, float]] = {}
        self._stopping = False

    # --- lifecycle
    async def start(self) -> None:
        """Connect, register the menus, attach to the runtime, then start receiving."""
        if (
            self.settings.telegram_webhook_url
            and not self.settings.telegram_webhook_secret.get_secret_value()
        ):
            raise RuntimeError("TELEGRAM_WEBHOOK_SECRET is required in webhook mode")
        await self.application.initialize()
        me = await self.bot.get_me()
        self.bot_id, self.bot_username = me.id, me.username or ""
        self.runtime.engine.bot_links[self.name] = f"https://t.me/{self.bot_username}"
        await self._set_commands()
        self.runtime.attach(self)
        if self.settings.telegram_webhook_url:
            await self._start_webhook()
        else:
            await self.bot.delete_webhook()
            self._polling = asyncio.create_task(self.poller.run(), name="telegram-polling")
        logger.info(
            "telegram: @%s receiving by %s",
            self.bot_username,
            "webhook" if self.webhook else "long polling",
        )

    async def stop(self) -> None:
        """Stop receiving, confirm what was stored, and shut the client down."""
        self._stopping = True
        if self._polling is not None:
            self._polling.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._polling
            self._polling = None
            await self.poller.confirm()
        if self.webhook is not None:
            await self.webhook.stop()
            self.webhook = None
        if self._background:
            await asyncio.wait(self._background, timeout=2)
        with contextlib.suppress(Exception):
            await self.application.shutdown()

    async def _start_webhook(self) -> None:
        secret = self.settings.telegram_webhook_secret.get_secret_value()
        url = self.settings.telegram_webhook_url
        self.webhook = WebhookServer(
            self.settings.telegram_webhook_listen, urlsplit(url).path, secret, self.receive
        )
        await self.webhook.start()
        await self.bot.set_webhook(url, secret_token=secret, allowed_updates=list(ALLOWED_UPDATES))

    async def _set_commands(self) -> None:
        """The command menus; a failure here is logged, never fatal."""
        private = BotCommandScopeAllPrivateChats()
        calls: list[tuple[dict[str, str], Any, str | None]] = [
            (menu.private_menu("en"), private, None),
            *((menu.private_menu(lang), private, lang) for lang in menu.LANGUAGES),
            (menu.group_menu(), BotCommandScopeAllGroupChats(), None),
        ]
        if self.settings.telegram_mentor_chat_id:
            scope = BotCommandScopeChat(chat_ref(self.settings.telegram_mentor_chat_id))
            calls.append((menu.mentor_menu(), scope, None))
        for commands, scope, language in calls:
            listed = [BotCommand(name, text) for name, text in commands.items()]
            try:
                await self.bot.set_my_commands(listed, scope=scope, language_code=language)
            except TelegramError as error:
                logger.warning("setMyCommands (%s, %s) failed: %s", scope.type, language, error)

    # --- receiving
    async def receive(self, raw: Mapping[str, Any]) -> None:
        """One raw update into the core; returns once it is stored, raises if it was not."""
        query = raw.get("callback_query")
        if isinstance(query, Mapping) and query.get("id"):
            self._answer_soon(str(query["id"]))
        event = to_event(
            raw,
            bot_username=self.bot_username,
            bot_id=self.bot_id,
            mentor_chat_id=self.settings.telegram_mentor_chat_id,
        )
        if isinstance(event, MemberChanged):
            # what Telegram just said beats what was remembered: rights end at once
            self._members[event.ref.user_id] = (event.mentor, time.monotonic() + MEMBERSHIP_TTL)
        if event is not None:
            await self.runtime.submit(await self._with_membership(event))

    async def _with_membership(self, event: Event) -> Event:
        """A mentor's command in a private chat counts only while its sender is in the
        mentor group: asked of Telegram, remembered for ten minutes, forgotten at once when a
        chat_member update says they left. Questions never look it up."""
        if (
            not isinstance(event, IncomingMessage)
            or event.chat_kind != "private"
            or event.sender.is_room_member
        ):
            return event
        parsed = event.command
        registered = REGISTRY.get(parsed[0]) if parsed else None
        if registered is None or registered.who == "newcomer":
            return event
        if not await self._in_mentor_group(event.sender.ref.user_id):
            return event
        return dataclasses.replace(
            event, sender=dataclasses.replace(event.sender, is_room_member=True)
        )

    async def _in_mentor_group(self, user_id: str) -> bool:
        """Whether a user belongs to the mentor group (getChatMember, remembered a while)."""
        known = self._members.get(user_id)
        if known is not None and known[1] > time.monotonic():
            return known[0]
        return bool(await self.mentor_status(user_id))

    async def mentor_status(self, user_id: str) -> bool | None:
        """Ask Telegram now whether a user is in the mentor group; None when it can't say."""
        group = self.settings.telegram_mentor_chat_id
        if not group:
            return None
        try:
            member = await self.bot.get_chat_member(chat_ref(group), int(user_id))
        except TelegramError as error:
            logger.info("getChatMember for %s failed: %s", user_id, error)
            return None  # not remembered: asked again next time
        inside = is_member(member.status, getattr(member, "is_member", None))
        self._members[user_id] = (inside, time.monotonic() + MEMBERSHIP_TTL)
        return inside

    def _answer_soon(self, query_id: str) -> None:
        """Stop the button's spinner; the reply itself comes through the outbox."""

        async def answer() -> None:
            try:
                await self.bot.answer_callback_query(query_id)
            except TelegramError as error:
                logger.info("answerCallbackQuery failed: %s", error)

        task = asyncio.create_task(answer())
        self._background.add(task)
        task.add_done_callback(self._background.discard)

    # --- files (the MediaSource port)
    async def fetch(self, media: Media, limit: int) -> bytes:
        """The bytes of a photo or file a user sent, at most `limit` of them (MediaError)."""
        return await files.fetch(self.bot, media, limit)

    # --- sending (the Platform port)
    async def send(self, message: Outgoing) -> Delivery:
        """Send one message (in parts when long); the Delivery is that of its last part, the
        one with the buttons. With an `image`, the first part is the photo's caption."""
        if self._stopping:
            raise DeliveryError("the Telegram adapter is stopping", retry_after=1.0)
        try:
            if message.new_thread:
                return await self._open_thread(message)
            address = message.address
            return Delivery(str(await self._post(message, address.chat_id, address.thread_id)))
        except TelegramError as error:
            raise delivery_error(error) from error

    async def edit(self, message: Outgoing, target: Delivery) -> None:
        """Replace an earlier message's text and buttons ("not modified" counts as done). A
        photo keeps its picture: its caption and buttons are replaced."""
        if self._stopping:
            raise DeliveryError("the Telegram adapter is stopping", retry_after=1.0)
        chat_id = chat_ref(target.chat_id or message.address.chat_id)
        try:
            if message.image:
                await self._edit_caption(message, chat_id, int(target.message_id))
                return
            try:
                await self.bot.edit_message_text(
                    html_edit(message),
                    chat_id=chat_id,
                    message_id=int(target.message_id),
                    parse_mode=ParseMode.HTML,
                    reply_markup=keyboard(message.buttons),
                    link_preview_options=NO_PREVIEW,
                )
            except BadRequest as error:
                if "no text in the message" not in str(error).lower():
                    raise
                await self._edit_caption(message, chat_id, int(target.message_id))
        except BadRequest as error:
            if "message is not modified" not in str(error).lower():
                raise delivery_error(error) from error
        except TelegramError as error:
            raise delivery_error(error) from error

    async def _edit_caption(self, message: Outgoing, chat_id: int | str, message_id: int) -> None:
        await self.bot.edit_message_caption(
            chat_id=chat_id,
            message_id=message_id,
            caption=html_edit(message, CAPTION_CHARS),
            parse_mode=ParseMode.HTML,
            reply_markup=keyboard(message.buttons),
        )

    async def _post(
        self, message: Outgoing, chat_id: str, thread: str | None, extra: str = ""
    ) -> int:
        """Send the parts of a message in order (a photo first, captioned with the first part,
        when the message has an image); a retry skips the parts already sent."""
        parts = html_parts(message, extra, first=CAPTION_CHARS if message.image else MAX_CHARS)
        key = (chat_id, message.ref or "", hash(message.text))
        last = 0
        for index in range(self._progress.get(key, 0), len(parts)):
            final = index == len(parts) - 1
            if index == 0 and message.image:
                sent = await files.send_picture(
                    self.bot,
                    chat_ref(chat_id),
                    message.image,
                    caption=parts[0] or None,
                    reply_markup=keyboard(message.buttons) if final else None,
                    message_thread_id=int(thread) if thread else None,
                )
                last = sent.message_id
            else:
                last = await self._send_text(
                    chat_id, parts[index], message.buttons if final else (), thread
                )
            if not final:
                self._progress[key] = index + 1
        self._progress.pop(key, None)
        return last

    async def _send_text(
        self, chat_id: str, text: str, buttons: Sequence[Sequence[Button]], thread: str | None
    ) -> int:
        """sendMessage through `Bot.do_api_request`, the same request `Bot.send_message`
        makes (HTML, no link preview, the keyboard as its JSON), without building the
        keyboard's and the answer's TelegramObjects: only the message id is needed. Every
        reply goes through here, so this saves CPU on the busiest path; errors are the same
        TelegramErrors, and the rate limiter sees the same chat_id."""
        params: dict[str, Any] = {
            "chat_id": chat_ref(chat_id),
            "text": text,
            "parse_mode": ParseMode.HTML.value,
            "link_preview_options": NO_PREVIEW_JSON,
        }
        markup = keyboard_json(buttons)
        if markup is not None:
            params["reply_markup"] = markup
        if thread:
            params["message_thread_id"] = int(thread)
        sent = await self.bot.do_api_request("sendMessage", api_kwargs=params)
        return int(sent["message_id"])

    async def _is_forum(self, chat_id: str) -> bool:
        if chat_id not in self._forum:
            chat = await self.bot.get_chat(chat_ref(chat_id))
            self._forum[chat_id] = bool(chat.is_forum)
        return self._forum[chat_id]

    async def _open_thread(self, message: Outgoing) -> Delivery:
        """A new space: a forum topic, else the mentor's private chat, else the group itself."""
        group = message.address.chat_id
        if await self._is_forum(group):
            topic = await self._topic(group, message)
            if topic is not None:
                sent = await self._post(message, group, str(topic))
                self._topics.pop((group, message.ref or ""), None)
                return Delivery(str(sent), thread_id=str(topic))
        fallback = message.meta.get("fallback_chat")
        if fallback:
            try:
                return Delivery(str(await self._post(message, fallback, None)), chat_id=fallback)
            except Forbidden as error:
                logger.info("the mentor's private chat refused (%s); posting in the group", error)
        note = message.meta.get("fallback_note", "")
        return Delivery(str(await self._post(message, group, None, extra=note)), chat_id=group)

    async def _topic(self, group: str, message: Outgoing) -> int | None:
        """The forum topic for a message: created once, reused when sending into it is retried."""
        key = (group, message.ref or "")
        if key not in self._topics:
            name = (message.new_thread or "Handoff")[:128]
            try:
                created = await self.bot.create_forum_topic(chat_ref(group), name)
            except BadRequest as error:  # no right to manage topics, say
                logger.warning("could not open a forum topic in %s: %s", group, error)
                return None
            self._topics[key] = created.message_thread_id
        return self._topics[key]
