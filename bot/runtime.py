"""The running bot: one writer thread for the engine, a dispatcher for the outbox, a tick."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TypeVar

from bot.delivery import Outbox, Pending
from bot.engine import Engine
from bot.models import DeliveryError, Event, MemberChanged, Outgoing, Tick
from bot.ops.instruments import Metrics
from bot.ops.reload import KnowledgeWatch
from bot.ports import MentorDirectory, Platform
from bot.writer import Writer

logger = logging.getLogger(__name__)
T = TypeVar("T")
# A mentor holding a handoff whose membership nobody confirmed for this long is asked about.
MENTOR_RECHECK = timedelta(minutes=10)


class Runtime:
    """Feeds events to the engine one at a time and delivers what it writes to the outbox."""

    def __init__(
        self,
        engine: Engine,
        *,
        concurrency: int = 8,
        metrics: Metrics | None = None,
        watch_every: int = 1,
    ):
        self.engine = engine
        self.metrics = metrics if metrics is not None else engine.metrics
        self.watch = KnowledgeWatch(engine.answering, engine.store.db)
        self._watch_every = max(1, watch_every)
        self.outbox = Outbox(engine.store)
        self.platforms: dict[str, Platform] = {}
        self._writer = Writer()
        self._wake = asyncio.Event()
        self._stopping = False
        self._concurrency = concurrency
        self._tasks: list[asyncio.Task[None]] = []

    def attach(self, platform: Platform) -> None:
        """Register an adapter; messages for its platform are sent through it."""
        self.platforms[platform.name] = platform
        self._wake.set()

    async def call(self, fn: Callable[..., T], *args: object, urgent: bool = False) -> T:
        """Run a function on the single writer thread (every database write goes there)."""
        return await self._writer.run(fn, *args, urgent=urgent)

    async def submit(self, event: Event) -> list[Outgoing]:
        """Handle one event (idempotent on its key) and wake the dispatcher."""
        try:
            out = await self.call(self.engine.handle, event)
        except Exception:
            self.metrics.error("engine")
            logger.exception("the engine failed on an event of type %s", type(event).__name__)
            raise
        if out:
            self._wake.set()
        return out

    async def start(self, *, tick: bool = True) -> None:
        """Start the dispatcher (and the tick): unsent messages from before a crash go out."""
        self._tasks.append(asyncio.create_task(self._dispatch_forever(), name="dispatcher"))
        if tick:
            self._tasks.append(asyncio.create_task(self._tick_forever(), name="tick"))
        self._wake.set()

    async def stop(self) -> None:
        """Stop background work; the outbox keeps whatever is still unsent."""
        self._stopping = True
        self._wake.set()
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        self._tasks.clear()
        self._writer.close()

    async def drain(self, timeout: float = 10.0) -> bool:
        """Wait until nothing deliverable is pending (used by the console and tests)."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while loop.time() < deadline:
            names = set(self.platforms)
            count = await self.call(self.outbox.pending_count, names)
            if count == 0:
                return True
            self._wake.set()
            await asyncio.sleep(0.01)
        return False

    async def _tick_forever(self) -> None:
        interval = self.engine.settings.tick_seconds
        ticks = 0
        while not self._stopping:
            await asyncio.sleep(interval)
            try:
                await self.submit(Tick(self.engine.clock()))
            except Exception:
                logger.exception("tick failed")
            await self.confirm_mentors()
            ticks += 1
            if ticks % self._watch_every == 0:
                await self.refresh_knowledge()

    async def confirm_mentors(self) -> int:
        """Ask each platform about mentors holding a handoff whose membership has not been
        confirmed for ten minutes; the core releases the handoffs of those who left."""
        now = self.engine.clock()
        try:
            refs = await self.call(self.engine.ctx.mentors.to_confirm, now - MENTOR_RECHECK)
        except Exception:
            logger.exception("listing mentors to confirm failed")
            return 0
        asked = 0
        for ref in refs:
            platform = self.platforms.get(ref.platform)
            if not isinstance(platform, MentorDirectory):
                continue
            status = await platform.mentor_status(ref.user_id)
            if status is None:
                continue
            asked += 1
            key = f"{ref.platform}:confirm:{ref.user_id}:{now.isoformat()}"
            with contextlib.suppress(Exception):  # submit logs and counts its own failures
                await self.submit(MemberChanged(key, ref, status))
        return asked

    async def refresh_knowledge(self) -> bool:
        """Reload the knowledge base if its files or the index changed; True when it did."""
        try:
            return await self.call(self.watch.check) is not None
        except Exception:
            self.metrics.error("reload")
            logger.exception("reloading the knowledge base failed; the old one stays in use")
            return False

    async def _dispatch_forever(self) -> None:
        while not self._stopping:
            try:
                sent_any = await self.dispatch_once()
            except Exception:
                logger.exception("dispatch round failed")
                sent_any = False
            if not sent_any:
                self._wake.clear()
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._wake.wait(), timeout=0.5)

    async def dispatch_once(self) -> bool:
        """Send every due message: chats in parallel, each chat strictly in order."""
        now = self.engine.clock()
        groups = await self.call(self.outbox.due, now, set(self.platforms))
        if not groups:
            return False
        limit = asyncio.Semaphore(self._concurrency)

        async def run(group: list[Pending]) -> None:
            async with limit:
                for pending in group:
                    if not await self._deliver(pending):
                        break

        await asyncio.gather(*(run(group) for group in groups))
        return True

    async def _deliver(self, pending: Pending) -> bool:
        message = pending.message
        platform = self.platforms[message.address.platform]
        now: datetime = self.engine.clock()
        try:
            if message.edit_ref:
                if pending.target is not None:
                    await platform.edit(message, pending.target)
                delivery = None
            else:
                delivery = await platform.send(message)
        except DeliveryError as error:
            now = self.engine.clock()  # retry_after counts from the refusal, not the attempt
            if error.permanent:
                self.metrics.error("delivery_permanent")
                logger.warning("giving up on message %s: %s", pending.id, error.reason)
                await self.call(self.outbox.failed, pending, error.reason, now, urgent=True)
                return True
            self.metrics.error("delivery_transient")
            logger.info("message %s will be retried: %s", pending.id, error.reason)
            await self.call(
                self.outbox.retry, pending, error.reason, error.retry_after, now, urgent=True
            )
            return False
        except Exception as error:  # a bug or a network fault: retry with backoff
            self.metrics.error("delivery_transient")
            logger.exception("sending message %s failed", pending.id)
            await self.call(self.outbox.retry, pending, repr(error), None, now, urgent=True)
            return False
        await self.call(self.outbox.sent, pending, delivery, now, urgent=True)
        self.metrics.message_out(message.address.platform)
        return True
