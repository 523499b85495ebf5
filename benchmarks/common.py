"""What the load benchmarks share: the real index, the question pool, timing the core."""

from __future__ import annotations

import json
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from bot.answering.embedder import UniversalSentenceEncoder
from bot.answering.index import ChromaIndex
from bot.answering.service import Answering
from bot.bootstrap import compose
from bot.engine import Engine
from bot.models import Event, Outgoing
from bot.runtime import Runtime
from bot.settings import Settings
from bot.store import open_database
from bot.store.records import Store

KNOWLEDGE = Path(__file__).resolve().parent.parent / "knowledge"


def percentile(values: list[float], p: float) -> float:
    """The p-th percentile (0-100) by nearest rank; NaN for no values."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def eval_questions(fallback: list[str] | None = None, limit: int | None = None) -> list[str]:
    """Evaluation questions that one message answers (no mentor requests, no small talk)."""
    path = KNOWLEDGE / "eval" / "questions.jsonl"
    out: list[str] = []
    if path.exists():
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                row = json.loads(line)
                if row.get("action") in ("answer", "unsure", "decline"):
                    out.append(str(row["question"]))
    out = out or list(fallback or [])
    return out[:limit] if limit else out


def load_answering(index_dir: Path) -> Answering:
    """The real index, built (or brought up to date) under `index_dir`."""
    index_dir.mkdir(parents=True, exist_ok=True)
    db = open_database(index_dir / "index.db")
    answering = Answering(
        KNOWLEDGE, ChromaIndex(index_dir / "chroma", db, UniversalSentenceEncoder())
    )
    answering.sync()
    return answering


def time_the_core(engine: Engine) -> list[float]:
    """Wrap `engine.handle` to record milliseconds per event; returns the list it fills."""
    core_ms: list[float] = []
    handle = engine.handle

    def timed(event: Event) -> list[Outgoing]:
        began = time.perf_counter()
        try:
            return handle(event)
        finally:
            core_ms.append((time.perf_counter() - began) * 1000)

    engine.handle = timed  # type: ignore[method-assign]
    return core_ms


@asynccontextmanager
async def serving(
    settings: Settings, answering: Answering, make_adapter: Callable[[Runtime], Any]
) -> AsyncIterator[tuple[Runtime, list[float]]]:
    """An engine, its runtime and one started adapter; yields the runtime and the core timings."""
    db = open_database(settings.db_path)
    engine = compose(settings, Store(db), answering)
    core_ms = time_the_core(engine)
    runtime = Runtime(engine, concurrency=16)
    await runtime.start(tick=False)
    adapter = make_adapter(runtime)
    await adapter.start()
    try:
        yield runtime, core_ms
    finally:
        await adapter.stop()
        await runtime.stop()
        db.close()
