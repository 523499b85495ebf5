"""Deciding answers in worker processes: each worker holds its own read-only copy of answering
(the catalog, the index's vectors, the embedder) and an engine over its own read connection,
so questions are answered on every core instead of taking turns for one interpreter.

The main process keeps the writer, the outbox and any chat model; workers only read. When the
knowledge base is reloaded, the runtime's reload count changes and a worker rebuilds its copy
before its next question.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import multiprocessing
import os
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import replace
from pathlib import Path
from typing import Any

from bot.answering.knowledge import Passage
from bot.answers import Prepared
from bot.engine import Engine
from bot.models import Event
from bot.settings import Settings
from bot.store.records import database_file

logger = logging.getLogger(__name__)
# At most this many waiting questions go to a worker as one task.
MAX_BATCH = 32
_worker: dict[str, Any] = {}


def _build(settings: Settings, chroma_dir: Path, index_file: str) -> Engine:
    from bot.answering.answerer import Tuning
    from bot.answering.embedder import UniversalSentenceEncoder
    from bot.answering.index import ChromaIndex
    from bot.answering.service import Answering
    from bot.bootstrap import compose
    from bot.store import open_database
    from bot.store.records import Store

    db = open_database(settings.db_path)
    embedder = UniversalSentenceEncoder()
    embedder.warm_up()
    index_db = db if index_file == database_file(db) else open_database(index_file)
    index = ChromaIndex(chroma_dir, index_db, embedder)
    tuning = Tuning(min_confidence=settings.confidence_threshold)
    # The main process asks the chat model; a worker only marks what it should be asked.
    phraser = PhrasedByTheMain() if settings.llm_provider.strip() else None
    answering = Answering(settings.knowledge_dir, index, tuning, phraser=phraser)
    answering.answerer.warm_up()
    return compose(settings, Store(db), answering)


class PhrasedByTheMain:
    """Stands in a worker for the chat model the main process holds: answers decided here
    come back with what the model should be asked (`Answer.pending`), never phrased here."""

    def phrase(self, question: str, language: str, passages: Sequence[Passage]) -> None:
        raise RuntimeError("a decider process never calls the chat model")


def start(settings: Settings, chroma_dir: Path, index_file: str) -> None:
    """A worker's initialiser: build its engine once, over the index the main process uses."""
    _worker["where"] = (settings, chroma_dir, index_file)
    _worker["engine"] = _build(settings, chroma_dir, index_file)
    _worker["generation"] = 0


def ready() -> int:
    """A no-op the runtime sends at start, so workers are built before the first question."""
    return os.getpid()


def prepare(event: Event, generation: int) -> Prepared | None:
    """The read-only half of handling an event, in this worker (see Engine.prepare)."""
    result = prepare_many([event], generation)[0]
    if isinstance(result, Exception):
        raise result
    return result


def prepare_many(events: Sequence[Event], generation: int) -> list[Prepared | Exception | None]:
    """`prepare` for several events in one task, their questions embedded together (see
    Engine.prepare_many); an event that failed has a `DecidingFailed` as its result."""
    engine = _engine(generation)
    results: list[Prepared | Exception | None] = []
    for event, prepared in zip(events, engine.prepare_many(events), strict=True):
        if isinstance(prepared, Exception):
            logger.error("deciding a %s failed", type(event).__name__, exc_info=prepared)
            results.append(DecidingFailed(f"{type(prepared).__name__}: {prepared}"))
        elif prepared is None:
            results.append(None)
        else:
            # The ranked candidates (each with its passage's text) are for evaluation only:
            # leaving them out makes what goes back a quarter of the size, and unpickling
            # it, on the busy main process, a quarter of the time.
            answer = replace(prepared.answer, candidates=())
            results.append(Prepared(prepared.text, prepared.language, answer))
    return results


def _engine(generation: int) -> Engine:
    if _worker.get("generation") != generation:
        settings, chroma_dir, index_file = _worker["where"]
        logger.info("decider %s: the knowledge base changed; reloading", os.getpid())
        _worker["engine"] = _build(settings, chroma_dir, index_file)
        _worker["generation"] = generation
    engine = _worker["engine"]
    assert isinstance(engine, Engine)
    return engine


class DecidingFailed(RuntimeError):
    """Deciding one event in a worker failed (the worker logged why); the writer answers it."""


class Deciders:
    """The decider processes, seen from the main process. A question goes to a worker at
    once when one is free; questions that arrive while every worker is busy wait, and go
    together as one task to the next worker that frees up: one round trip between processes
    and one embedding call for all of them, and no wait at all when the bot is quiet."""

    def __init__(self, settings: Settings, chroma_dir: Path, index_file: str, processes: int):
        self.processes = processes
        self._pool = ProcessPoolExecutor(
            max_workers=processes,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=start,
            initargs=(settings, chroma_dir, index_file),
        )
        self._busy = 0
        self.tasks = 0  # how many tasks went to the workers (fewer than questions when busy)
        self.questions = 0  # how many questions those tasks carried
        self._waiting: list[tuple[Event, int, asyncio.Future[Prepared | None]]] = []

    async def start(self) -> None:
        """Start the workers and wait until each has built its engine."""
        loop = asyncio.get_running_loop()
        await asyncio.gather(
            *(loop.run_in_executor(self._pool, ready) for _ in range(self.processes))
        )

    async def prepare(self, event: Event, generation: int) -> Prepared | None:
        """The answer a worker decided for this event (see Engine.prepare); raises
        `BrokenProcessPool` when the workers died, `DecidingFailed` when this one failed."""
        future: asyncio.Future[Prepared | None] = asyncio.get_running_loop().create_future()
        self._waiting.append((event, generation, future))
        self._send()
        return await future

    def _send(self) -> None:
        loop = asyncio.get_running_loop()
        while self._busy < self.processes:
            self._waiting = [item for item in self._waiting if not item[2].done()]
            if not self._waiting:
                return
            batch, self._waiting = self._waiting[:MAX_BATCH], self._waiting[MAX_BATCH:]
            events = [event for event, _, _ in batch]
            generation = max(generation for _, generation, _ in batch)
            try:
                task = loop.run_in_executor(self._pool, prepare_many, events, generation)
            except Exception as error:  # the pool is broken or shut down
                _settle(batch, error)
                continue
            self._busy += 1
            self.tasks += 1
            self.questions += len(batch)
            task.add_done_callback(functools.partial(self._done, batch))

    def _done(
        self,
        batch: list[tuple[Event, int, asyncio.Future[Prepared | None]]],
        task: asyncio.Future[list[Prepared | Exception | None]],
    ) -> None:
        self._busy -= 1
        if task.cancelled():
            for _, _, future in batch:
                future.cancel()
        elif (error := task.exception()) is not None:
            _settle(batch, error)
        else:
            _settle(batch, task.result())
        if self._waiting:
            self._send()

    def shutdown(self) -> None:
        """Stop the workers; questions not yet sent to one fail with BrokenProcessPool."""
        self._pool.shutdown(wait=True, cancel_futures=True)
        _settle(self._waiting, BrokenProcessPool("the decider processes were shut down"))
        self._waiting = []


def _settle(
    batch: list[tuple[Event, int, asyncio.Future[Prepared | None]]],
    outcome: BaseException | list[Prepared | Exception | None],
) -> None:
    """Give each waiting question its result, or the error the whole task met."""
    for position, (_, _, future) in enumerate(batch):
        if future.done():
            continue
        result = outcome[position] if isinstance(outcome, list) else outcome
        if isinstance(result, BaseException):
            future.set_exception(result)
        else:
            future.set_result(result)
