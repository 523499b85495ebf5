"""Getting updates without losing them: a long-poll loop that confirms only what is stored,
and a webhook server that answers 200 only once an update is stored."""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import logging
import warnings
from collections.abc import Awaitable, Callable, Mapping
from datetime import timedelta
from typing import Any

from aiohttp import web
from telegram import Bot
from telegram.error import RetryAfter, TelegramError, TimedOut
from telegram.warnings import PTBDeprecationWarning, PTBUserWarning

from adapters.telegram.translate import update_id

logger = logging.getLogger(__name__)
Receive = Callable[[Mapping[str, Any]], Awaitable[None]]
# chat_member: who joins or leaves the mentor group (needs the bot to be an admin there).
ALLOWED_UPDATES = ("message", "callback_query", "chat_member")
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
MAX_BACKOFF = 30.0
STORE_ATTEMPTS = 3


def retry_after_seconds(error: RetryAfter) -> float:
    """`retry_after` in seconds, without PTB's int-or-timedelta deprecation warning."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        value = error.retry_after
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


def sender_of(raw: Mapping[str, Any]) -> object:
    """Who an update comes from (its `from` user), so their updates keep their order."""
    for kind in ("message", "edited_message", "callback_query", "chat_member", "my_chat_member"):
        body = raw.get(kind)
        if isinstance(body, Mapping):
            sender = body.get("from")
            if isinstance(sender, Mapping) and sender.get("id") is not None:
                return sender["id"]
    return None


class Poller:
    """Long polling: each batch is stored update by update before the next offset is asked for.

    A crash mid-batch leaves the batch unconfirmed, so Telegram sends it again and the
    core's inbox drops what it has already seen.
    """

    def __init__(self, bot: Bot, receive: Receive, *, timeout: float = 30.0):
        self.bot = bot
        self.receive = receive
        self.timeout = timeout
        self.offset: int | None = None
        # do_api_request suggests bot.get_updates, which parses (and fails) a batch as a whole
        warnings.filterwarnings(
            "ignore", message=r"Please use 'Bot\.getUpdates'", category=PTBUserWarning
        )

    async def fetch(self) -> list[Mapping[str, Any]]:
        """One long poll; raw JSON so that one malformed update cannot fail the whole batch."""
        params: dict[str, Any] = {
            "timeout": int(self.timeout),
            "allowed_updates": list(ALLOWED_UPDATES),
        }
        if self.offset is not None:
            params["offset"] = self.offset
        result = await self.bot.do_api_request(
            "getUpdates", api_kwargs=params, read_timeout=self.timeout + 10
        )
        if not isinstance(result, list):
            return []
        return [raw for raw in result if isinstance(raw, Mapping)]

    async def run(self) -> None:
        """Poll until cancelled; network trouble backs off and carries on."""
        failures = 0
        while True:
            try:
                batch = await self.fetch()
            except asyncio.CancelledError:
                raise
            except RetryAfter as error:
                await asyncio.sleep(retry_after_seconds(error))
                continue
            except TimedOut:
                continue  # a long poll outlived the read timeout: just ask again
            except Exception as error:
                failures += 1
                delay = min(MAX_BACKOFF, 0.5 * 2 ** min(failures, 6))
                logger.warning("getUpdates failed (%s); again in %.1f s", error, delay)
                await asyncio.sleep(delay)
                continue
            failures = 0
            await self.store_batch(batch)

    async def store_batch(self, batch: list[Mapping[str, Any]]) -> None:
        """Store a batch: each sender's updates in order, different senders at once; the
        offset moves past the batch only once all of it is stored."""
        by_sender: dict[object, list[Mapping[str, Any]]] = {}
        for raw in batch:
            by_sender.setdefault(sender_of(raw), []).append(raw)

        async def in_order(updates: list[Mapping[str, Any]]) -> None:
            for raw in updates:
                await self.store(raw)

        await asyncio.gather(*(in_order(updates) for updates in by_sender.values()))
        numbers = [n for n in (update_id(raw) for raw in batch) if n is not None]
        if numbers:
            self.offset = max(self.offset or 0, max(numbers) + 1)

    async def store(self, raw: Mapping[str, Any]) -> None:
        """Hand one update to the core, a few times if storing it fails, then give up on it."""
        for attempt in range(1, STORE_ATTEMPTS + 1):
            try:
                await self.receive(raw)
                return
            except asyncio.CancelledError:
                raise
            except Exception:
                logger.exception("storing update %s failed (attempt %d)", update_id(raw), attempt)
                if attempt < STORE_ATTEMPTS:
                    await asyncio.sleep(0.5 * attempt)
        logger.error("update %s dropped after %d attempts", update_id(raw), STORE_ATTEMPTS)

    async def confirm(self) -> None:
        """Tell Telegram that everything stored so far is done (saves redelivery on restart)."""
        if self.offset is None:
            return
        with contextlib.suppress(TelegramError, TimeoutError, OSError):
            await asyncio.wait_for(
                self.bot.get_updates(offset=self.offset, limit=1, timeout=0), timeout=3
            )


class WebhookServer:
    """Webhook mode: Telegram POSTs each update; 200 only after the core has stored it."""

    def __init__(self, listen: str, path: str, secret: str, receive: Receive):
        host, _, port = listen.rpartition(":")
        self.host = host or "127.0.0.1"
        self.port = int(port)
        self.path = path or "/"
        self.secret = secret
        self.receive = receive
        self._runner: web.AppRunner | None = None

    async def start(self) -> None:
        app = web.Application()
        app.router.add_post(self.path, self._handle)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        await web.TCPSite(self._runner, self.host, self.port).start()

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def _handle(self, request: web.Request) -> web.Response:
        given = request.headers.get(SECRET_HEADER, "")
        if not hmac.compare_digest(given.encode(), self.secret.encode()):
            logger.warning("webhook call with a wrong secret token refused")
            return web.Response(status=403)
        try:
            raw = await request.json()
        except ValueError:
            return web.Response(status=200)  # unreadable: acknowledged, or Telegram retries forever
        if not isinstance(raw, dict):
            return web.Response(status=200)
        try:
            await self.receive(raw)
        except Exception:
            logger.exception("storing webhook update %s failed", update_id(raw))
            return web.Response(status=500)
        return web.Response(status=200)
