"""What the load benchmarks share: the real index, the question pool, timing the core."""

from __future__ import annotations

import json
import os
import statistics
import time
from collections import defaultdict, deque
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.answering.embedder import UniversalSentenceEncoder
from bot.answering.index import ChromaIndex
from bot.answering.service import Answering
from bot.bootstrap import compose
from bot.engine import Engine
from bot.models import Event, IncomingMessage, Outgoing
from bot.runtime import Runtime
from bot.settings import Settings
from bot.store import open_database
from bot.store.records import Store

KNOWLEDGE = Path(__file__).resolve().parent.parent / "knowledge"


def bench_settings(data_dir: str, **values: Any) -> Settings:
    """Settings for a benchmark run: no .env, a throwaway data dir, no flood limit in the way."""
    return Settings(  # type: ignore[call-arg]
        _env_file=None,
        GUIDE_DATA_DIR=data_dir,
        GUIDE_KNOWLEDGE_DIR=str(KNOWLEDGE),
        GUIDE_FLOOD_LIMIT=10_000,
        **values,
    )


def percentile(values: list[float], p: float) -> float:
    """The p-th percentile (0-100) by nearest rank; NaN for no values."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def tree_cpu_seconds(pid: int) -> tuple[float, float]:
    """CPU seconds (user + system) used so far by a process, and by its live descendants,
    from /proc (Linux); 0.0 where /proc cannot say."""
    tick = os.sysconf("SC_CLK_TCK")
    stats: dict[int, tuple[int, float]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rpartition(")")[2].split()
        except OSError:
            continue
        # after the command: state, ppid, ..., utime (14th field), stime (15th)
        stats[int(entry.name)] = (int(fields[1]), (int(fields[11]) + int(fields[12])) / tick)
    family, total, grew = {pid}, 0.0, True
    while grew:
        grew = False
        for child, (parent, _) in stats.items():
            if parent in family and child not in family:
                family.add(child)
                grew = True
    for member in family - {pid}:
        total += stats.get(member, (0, 0.0))[1]
    return stats.get(pid, (0, 0.0))[1], total


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


@dataclass
class Timings:
    """Where the time goes, per event: deciding off the writer, committing on it, and the
    bot's own time from an event reaching the core to its reply reaching the adapter."""

    decide_ms: list[float] = field(default_factory=list)
    commit_ms: list[float] = field(default_factory=list)  # per event: its batch's time / size
    batches: list[int] = field(default_factory=list)
    own_ms: list[float] = field(default_factory=list)
    send_ms: list[float] = field(default_factory=list)  # the adapter's send: pacing + HTTP
    decider_questions: int = 0  # questions decided in worker processes during the load...
    decider_tasks: int = 0  # ...and in how many tasks (several go together when they wait)

    def lines(self) -> list[str]:
        def p(values: list[float], q: float) -> float:
            return percentile(values, q) if values else 0.0

        mean_batch = statistics.fmean(self.batches) if self.batches else 0.0
        return [
            f"bot's own time (event handed to the core → reply handed to the adapter) ms:"
            f" p50 {p(self.own_ms, 50):.1f}  p95 {p(self.own_ms, 95):.1f}"
            f"  p99 {p(self.own_ms, 99):.1f}",
            f"adapter send (rate limiter pacing + the HTTP call) ms: p50 {p(self.send_ms, 50):.1f}"
            f"  p95 {p(self.send_ms, 95):.1f}",
            (
                f"decide (off the writer) ms per question: p50 {p(self.decide_ms, 50):.1f}"
                f"  p95 {p(self.decide_ms, 95):.1f}"
                if self.decide_ms
                else f"decide: in worker processes, {self.decider_questions} questions in"
                f" {self.decider_tasks} tasks"
                f" ({self.decider_questions / max(1, self.decider_tasks):.1f} a task)"
                if self.decider_tasks
                else "decide: in worker processes (not counted here)"
            )
            + "; commit (writer) ms per event:"
            f" p50 {p(self.commit_ms, 50):.2f}  p95 {p(self.commit_ms, 95):.2f};"
            f" {len(self.batches)} transactions, {mean_batch:.1f} events each on average",
        ]


def instrument(engine: Engine, runtime: Runtime, adapter: Any, timings: Timings) -> None:
    """Wrap the engine's two halves, the runtime's intake and the adapter's send to time them."""
    prepare, handle_many, submit, send = (
        engine.prepare,
        engine.handle_many,
        runtime.submit,
        adapter.send,
    )
    arrived: dict[tuple[str, str], deque[float]] = defaultdict(deque)

    def timed_prepare(event: Event) -> Any:
        began = time.perf_counter()
        try:
            return prepare(event)
        finally:
            timings.decide_ms.append((time.perf_counter() - began) * 1000)

    def timed_handle_many(events: Any, budget: float | None = None) -> Any:
        began = time.perf_counter()
        results = handle_many(events, budget)
        each = (time.perf_counter() - began) * 1000 / max(1, len(results))
        timings.commit_ms.extend([each] * len(results))
        timings.batches.append(len(results))
        return results

    async def timed_submit(event: Event) -> list[Outgoing]:
        if isinstance(event, IncomingMessage):
            key = (event.address.platform, event.address.chat_id)
            arrived[key].append(time.perf_counter())
        return await submit(event)

    async def timed_send(message: Outgoing) -> Any:
        began = time.perf_counter()
        waiting = arrived.get((message.address.platform, message.address.chat_id))
        if waiting:
            timings.own_ms.append((began - waiting.popleft()) * 1000)
        try:
            return await send(message)
        finally:
            timings.send_ms.append((time.perf_counter() - began) * 1000)

    engine.prepare = timed_prepare  # type: ignore[method-assign]
    engine.handle_many = timed_handle_many  # type: ignore[method-assign]
    runtime.submit = timed_submit  # type: ignore[method-assign]
    adapter.send = timed_send


@asynccontextmanager
async def serving(
    settings: Settings,
    answering: Answering,
    make_adapter: Callable[[Runtime], Any],
    *,
    decide_processes: int = 0,
) -> AsyncIterator[tuple[Runtime, Timings]]:
    """An engine, its runtime and one started adapter; yields the runtime and the timings."""
    db = open_database(settings.db_path)
    engine = compose(settings, Store(db), answering)
    # As `guide run` builds it (bot/cli.py): what is measured is what runs.
    runtime = Runtime(engine, decide_processes=decide_processes)
    await runtime.start(tick=False)
    adapter = make_adapter(runtime)
    timings = Timings()
    instrument(engine, runtime, adapter, timings)
    await adapter.start()
    try:
        yield runtime, timings
    finally:
        await adapter.stop()
        await runtime.stop()
        db.close()
