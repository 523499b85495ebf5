"""Deciding answers in worker processes: each worker holds its own read-only copy of answering
(the catalog, the index's vectors, the embedder) and an engine over its own read connection,
so questions are answered on every core instead of taking turns for one interpreter.

The main process keeps the writer, the outbox and any chat model; workers only read. When the
knowledge base is reloaded, the runtime's reload count changes and a worker rebuilds its copy
before its next question.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
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
    if _worker.get("generation") != generation:
        settings, chroma_dir, index_file = _worker["where"]
        logger.info("decider %s: the knowledge base changed; reloading", os.getpid())
        _worker["engine"] = _build(settings, chroma_dir, index_file)
        _worker["generation"] = generation
    engine = _worker["engine"]
    assert isinstance(engine, Engine)
    prepared = engine.prepare(event)
    if prepared is None:
        return None
    # The ranked candidates (each with its passage's text) are for evaluation only: leaving
    # them out makes what goes back a quarter of the size, and unpickling it, on the busy
    # main process, a quarter of the time.
    answer = replace(prepared.answer, candidates=())
    return Prepared(prepared.text, prepared.language, answer)
