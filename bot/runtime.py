"""The running bot: one writer thread for the engine, a dispatcher for the outbox, a tick."""

from __future__ import annotations

import asyncio
import collections
import contextlib
import functools
import logging
from collections.abc import AsyncIterator, Callable
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, TypeVar

from bot.answers import Prepared
from bot.delivery import Outbox, Pending, SentMarks
from bot.engine import Decided, Engine
from bot.models import (
    ButtonPress,
    DeliveryError,
    Event,
    IncomingMessage,
    MemberChanged,
    Outgoing,
    Tick,
)
from bot.ops.instruments import Metrics
from bot.ops.reload import KnowledgeWatch
from bot.ports import MediaError, MediaSource, MentorDirectory, Platform
from bot.screenshots import (
    MAX_IMAGE_BYTES,
    PER_MINUTE,
    PER_USER,
    WAITING,
    Looked,
    Looker,
    Refusal,
    ScreenJob,
    wants_reading,
)
from bot.writer import Writer

if TYPE_CHECKING:
    from bot.decider import Deciders

logger = logging.getLogger(__name__)
T = TypeVar("T")
# A mentor holding a handoff whose membership nobody confirmed for this long is asked about.
MENTOR_RECHECK = timedelta(minutes=10)
# At most this many queued events commit in one transaction, and a transaction takes no more
# events once it has run this long: marking delivered messages sent must not wait long behind
# it, since what is sent but not yet marked when the process dies is sent again.
MAX_BATCH = 64
COMMIT_BUDGET = 0.01
# A phraser that has not answered by then is given up on: the offline answer is sent.
PHRASE_DEADLINE_SECONDS = 45.0
# The dispatcher reads the outbox at most this often while it is busy: chats that finish
# together and replies committed together are taken in one read.
DISPATCH_GATHER_SECONDS = 0.003


class Runtime:
    """Feeds events to the engine one at a time and delivers what it writes to the outbox."""

    def __init__(
        self,
        engine: Engine,
        *,
        concurrency: int = 8,
        metrics: Metrics | None = None,
        watch_every: int = 1,
        decide_threads: int = 4,
        decide_processes: int = 0,
        looker: Looker | None = None,
    ):
        self.engine = engine
        self.metrics = metrics if metrics is not None else engine.metrics
        self.watch = KnowledgeWatch(engine.answering, engine.store.db)
        self._watch_every = max(1, watch_every)
        self.outbox = Outbox(engine.store)
        self._marks = SentMarks(self.outbox, functools.partial(self.call, urgent=True))
        # The chats whose messages are being sent right now: nobody fetches them meanwhile.
        self._sending: set[tuple[str, str]] = set()
        self.platforms: dict[str, Platform] = {}
        self._writer = Writer()
        self._wake = asyncio.Event()
        self._stopping = False
        # How many chats are sent to at once: a platform's connection pool is sized to it.
        self.concurrency = concurrency
        self._tasks: list[asyncio.Task[None]] = []
        # Deciding (answering) runs here, off the writer; committing runs on the writer. With
        # decide_processes, questions are answered in worker processes (bot/decider.py).
        self._deciders = ThreadPoolExecutor(max_workers=decide_threads, thread_name_prefix="decide")
        self._processes: Deciders | None = None
        if decide_processes > 0:
            from bot.decider import Deciders

            index = engine.answering.index
            self._processes = Deciders(
                engine.settings, index.chroma_dir, index.database_file(), decide_processes
            )
        # Screenshots are read in a thread of their own, one at a time (OCR takes most of a
        # second and uses both cores); each user may have PER_USER in flight, everyone WAITING.
        settings = engine.settings
        self.looker = looker or Looker(
            settings.glossary_path, settings.media_dir, enabled=settings.screenshots
        )
        self._ocr = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ocr")
        self._pictures: dict[str, int] = {}
        self._arrivals: dict[str, collections.deque[float]] = {}
        self._turns: dict[str, tuple[asyncio.Lock, int]] = {}
        self._queued: list[tuple[Event, Decided, asyncio.Future[list[Outgoing]]]] = []
        self._committing = False
        self._rounds: set[asyncio.Task[None]] = set()

    def attach(self, platform: Platform) -> None:
        """Register an adapter; messages for its platform are sent through it."""
        self.platforms[platform.name] = platform
        self._wake.set()

    async def call(self, fn: Callable[..., T], *args: object, urgent: bool = False) -> T:
        """Run a function on the single writer thread (every database write goes there)."""
        return await self._writer.run(fn, *args, urgent=urgent)

    async def submit(self, event: Event) -> list[Outgoing]:
        """Handle one event (idempotent on its key) and wake the dispatcher.

        Decide, then commit: the answer to a question is worked out off the writer thread
        (a thread pool for retrieval, the event loop while a chat model answers), then the
        event's effects, its inbox row and its replies commit on the writer, several queued
        events to a transaction. A user's next event waits for their previous one, so their
        replies keep their order.
        """
        owner = _owner(event)
        crowded = self._crowded(event, owner)
        async with self._turn(owner), self._picture(event, owner):
            try:
                prepared = await self._decide(event, crowded)
                out = await self._commit(event, prepared)
            except Exception:
                self.metrics.error("engine")
                logger.exception("the engine failed on an event of type %s", type(event).__name__)
                raise
        if out:
            self._wake.set()
        return out

    @contextlib.asynccontextmanager
    async def _turn(self, owner: str | None) -> AsyncIterator[None]:
        """One event at a time per user; other users are not held up."""
        if owner is None:
            yield
            return
        lock, users = self._turns.get(owner, (asyncio.Lock(), 0))
        self._turns[owner] = (lock, users + 1)
        try:
            async with lock:
                yield
        finally:
            lock, users = self._turns[owner]
            if users <= 1:
                del self._turns[owner]
            else:
                self._turns[owner] = (lock, users - 1)

    def _crowded(self, event: Event, owner: str | None) -> Refusal | None:
        """Counted as the event arrives, before it waits for the user's turn: "flood" when
        this user already has pictures in flight, "busy" when everyone together does."""
        if owner is None or not isinstance(event, IncomingMessage | ButtonPress):
            return None
        if _picture_like(event):
            now = asyncio.get_running_loop().time()
            arrivals = self._arrivals.setdefault(owner, collections.deque())
            while arrivals and now - arrivals[0] > 60:
                arrivals.popleft()
            arrivals.append(now)
            if self._pictures.get(owner, 0) >= PER_USER or len(arrivals) > PER_MINUTE:
                return "flood"
        if sum(self._pictures.values()) >= WAITING:
            return "busy"
        return None

    @contextlib.asynccontextmanager
    async def _picture(self, event: Event, owner: str | None) -> AsyncIterator[None]:
        """Count a picture in flight for its sender while it is read and committed."""
        if owner is None or not _picture_like(event):
            yield
            return
        self._pictures[owner] = self._pictures.get(owner, 0) + 1
        try:
            yield
        finally:
            self._pictures[owner] -= 1
            if self._pictures[owner] <= 0:
                del self._pictures[owner]

    async def _decide(self, event: Event, crowded: Refusal | None = None) -> Decided:
        """The read-only half: answer a question, or read a screenshot, off the writer. A
        failure here only means the writer will answer it itself (or say it couldn't look).
        A press may be a mentor's "label this screenshot": the engine's check tells."""
        if isinstance(event, ButtonPress) or _picture_like(event):
            return await self._look(event, crowded)
        if not isinstance(event, IncomingMessage):
            return None
        loop = asyncio.get_running_loop()
        try:
            if self._processes is not None:
                generation = self.engine.answering.generation
                prepared = await self._processes.prepare(event, generation)
            else:
                prepared = await loop.run_in_executor(self._deciders, self.engine.prepare, event)
        except BrokenProcessPool:
            logger.error("the decider processes died; deciding in threads from now on")
            self._processes = None
            return None
        except Exception:
            logger.exception("deciding an answer off the writer failed; the writer will")
            return None
        if prepared is None or prepared.answer.pending is None:
            return prepared
        return await self._phrase(prepared)

    async def _look(self, event: Event, crowded: Refusal | None) -> Looked | None:
        """Fetch a picture from its platform and read it in the OCR thread."""
        loop = asyncio.get_running_loop()
        try:
            job: ScreenJob | None = await loop.run_in_executor(
                self._deciders, self.engine.screen_job, event
            )
        except Exception:
            logger.exception("checking a picture before reading it failed")
            return None
        if job is None:
            return None
        began = loop.time()
        looked = await self._read(job, crowded)
        reading = looked.reading
        outcome = looked.refusal or ("labelled" if reading and reading.items else "no_chinese")
        self.metrics.screenshot(outcome, loop.time() - began)
        return looked

    async def _read(self, job: ScreenJob, crowded: Refusal | None) -> Looked:
        def refused(reason: Refusal) -> Looked:
            return Looked(job.media.handle, job.language, refusal=reason)

        if crowded is not None:
            return refused(crowded)
        if not self.looker.enabled:
            return refused("unavailable")
        source = self.platforms.get(job.media.platform)
        if not isinstance(source, MediaSource):
            logger.warning("no platform can fetch pictures from %s", job.media.platform)
            return refused("fetch_failed")
        try:
            data = await source.fetch(job.media, MAX_IMAGE_BYTES)
        except MediaError as error:
            logger.info("fetching a picture failed: %s", error.reason)
            return refused("too_big" if error.too_big else "fetch_failed")
        except Exception:
            logger.exception("fetching a picture failed")
            return refused("fetch_failed")
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._ocr, self.looker.read, data, job)

    async def _phrase(self, prepared: Prepared) -> Prepared:
        """Ask the chat model to phrase the answer: awaited, so it holds up nobody else."""
        answerer = self.engine.answering.answerer
        request = prepared.answer.pending
        phraser = answerer.phraser
        assert request is not None and phraser is not None
        args = (request.question, request.language, request.passages)
        try:
            aphrase = getattr(phraser, "aphrase", None)
            if aphrase is not None:
                call = aphrase(*args)
            else:
                call = asyncio.get_running_loop().run_in_executor(
                    self._deciders, phraser.phrase, *args
                )
            phrased = await asyncio.wait_for(call, PHRASE_DEADLINE_SECONDS)
        except Exception as error:
            logger.warning("phrasing failed (%s); the offline answer is sent", type(error).__name__)
            phrased = None
        return Prepared(prepared.text, prepared.language, answerer.finish(prepared.answer, phrased))

    async def _commit(self, event: Event, prepared: Decided) -> list[Outgoing]:
        """Queue the event for the writer; events that queue up commit together."""
        future: asyncio.Future[list[Outgoing]] = asyncio.get_running_loop().create_future()
        self._queued.append((event, prepared, future))
        if not self._committing:
            self._committing = True
            task = asyncio.get_running_loop().create_task(self._commit_rounds())
            self._rounds.add(task)  # the loop keeps only a weak reference to a task
            task.add_done_callback(self._rounds.discard)
        return await future

    async def _commit_rounds(self) -> None:
        try:
            while self._queued:
                batch, self._queued = self._queued[:MAX_BATCH], self._queued[MAX_BATCH:]
                items = [(event, prepared) for event, prepared, _ in batch]
                try:
                    results = await self.call(self.engine.handle_many, items, COMMIT_BUDGET)
                except Exception as error:  # the transaction itself failed: nothing committed
                    results = [error] * len(batch)
                self._queued[:0] = batch[len(results) :]  # past the budget: the next round
                for (_, _, future), result in zip(batch, results, strict=False):
                    if future.done():
                        continue
                    if isinstance(result, Exception):
                        future.set_exception(result)
                    else:
                        future.set_result(result)
        finally:
            self._committing = False

    async def start(self, *, tick: bool = True) -> None:
        """Start the dispatcher (and the tick): unsent messages from before a crash go out.
        Decider processes, if any, are started and built before this returns."""
        if self._processes is not None:
            await self._processes.start()
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
        self._deciders.shutdown(wait=True, cancel_futures=True)
        self._ocr.shutdown(wait=True, cancel_futures=True)
        if self._processes is not None:
            self._processes.shutdown()
        self._writer.close()

    @property
    def decider_tasks(self) -> tuple[int, int]:
        """(questions, tasks) sent to the decider processes so far: fewer tasks than
        questions when questions waited and went together; (0, 0) without processes."""
        if self._processes is None:
            return (0, 0)
        return (self._processes.questions, self._processes.tasks)

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
            await self.sweep_pictures()
            ticks += 1
            if ticks % self._watch_every == 0:
                await self.refresh_knowledge()

    async def sweep_pictures(self) -> int:
        """Delete labelled pictures that no pending message refers to any more (their event
        was a duplicate, or the process died between reading and committing)."""
        now = asyncio.get_running_loop().time()
        for owner in [o for o, times in self._arrivals.items() if now - times[-1] > 60]:
            del self._arrivals[owner]
        try:
            keep = await self.call(self.outbox.pending_images)
            return self.looker.sweep(keep)
        except Exception:
            logger.exception("sweeping labelled pictures failed")
            return 0

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
        """Send due messages as they come: each chat strictly in order, up to `concurrency`
        chats at once. A chat that finishes frees its place for the next due one at once
        (rather than every chat of a round waiting for the round's slowest), and a chat being
        sent is never fetched again until its sends are recorded, so nothing goes twice."""
        running: set[asyncio.Task[None]] = set()

        def finished(key: tuple[str, str], task: asyncio.Task[None]) -> None:
            self._sending.discard(key)
            running.discard(task)
            self._wake.set()

        try:
            while not self._stopping:
                self._wake.clear()
                free = self.concurrency - len(running)
                for key, group in (await self._due(free)).items() if free > 0 else ():
                    self._sending.add(key)
                    task = asyncio.create_task(self._send_chat(group))
                    running.add(task)
                    task.add_done_callback(functools.partial(finished, key))
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._wake.wait(), timeout=0.5)
                # Chats that finish together and replies committed together are picked up by
                # one read of the outbox rather than one each.
                await asyncio.sleep(DISPATCH_GATHER_SECONDS)
        finally:
            # Stopping: what is on the wire finishes or is cancelled with the dispatcher
            # (a cancelled send goes again after a restart: at-least-once, as documented).
            for task in running:
                task.cancel()
            if running:
                await asyncio.gather(*running, return_exceptions=True)

    async def _due(self, chats: int | None = None) -> dict[tuple[str, str], list[Pending]]:
        """Due messages by chat, passing over the chats being sent; {} when reading fails."""
        try:
            return await self.call(
                functools.partial(
                    self.outbox.due_by_chat, busy=frozenset(self._sending), chats_wanted=chats
                ),
                self.engine.clock(),
                set(self.platforms),
            )
        except Exception:
            logger.exception("reading the outbox failed")
            return {}

    async def _send_chat(self, group: list[Pending]) -> None:
        """One chat's due messages, in order, stopping at the first that must wait."""
        try:
            for pending in group:
                if not await self._deliver(pending):
                    break
        except Exception:
            logger.exception("sending to a chat failed")

    async def dispatch_once(self) -> bool:
        """Send every due message: chats in parallel, each chat strictly in order."""
        groups = await self._due()
        if not groups:
            return False
        limit = asyncio.Semaphore(self.concurrency)

        async def run(key: tuple[str, str], group: list[Pending]) -> None:
            async with limit:
                try:
                    await self._send_chat(group)
                finally:
                    self._sending.discard(key)

        self._sending.update(groups)  # the running dispatcher passes these over meanwhile
        await asyncio.gather(*(run(key, group) for key, group in groups.items()))
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
                self.looker.discard(message.image)
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
        await self._marks.mark(pending, delivery, now)
        self.looker.discard(message.image)
        self.metrics.message_out(message.address.platform)
        return True


def _picture_like(event: Event) -> bool:
    """A photo or file a user sent; the rest of the check (is it addressed, is its sender in
    a handoff) is the engine's."""
    return isinstance(event, IncomingMessage) and wants_reading(event.media, event.attachment)


def _owner(event: Event) -> str | None:
    """Whose turn an event takes: the sender of a message or a press; None for the rest."""
    if isinstance(event, IncomingMessage | ButtonPress):
        return str(event.sender.ref)
    return None
