"""Answering figures: index build, incremental reindex, cold start, latency, throughput, RSS.

Run with `make bench` (or `python -m benchmarks.answering`). It works in a temporary data
directory on a copy of the knowledge base, so it never touches ./data or ./knowledge.
"""

from __future__ import annotations

import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bot.answering.embedder import UniversalSentenceEncoder
from bot.answering.evaluation import load_questions
from bot.answering.index import ChromaIndex
from bot.answering.service import Answering
from bot.store import open_database

ROOT = Path(__file__).resolve().parent.parent


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="guide-bench-"))
    knowledge = work / "knowledge"
    shutil.copytree(ROOT / "knowledge", knowledge)
    db = open_database(work / "data" / "guide.db")

    started = time.perf_counter()
    index = ChromaIndex(work / "data" / "chroma", db, UniversalSentenceEncoder())
    answering = Answering(knowledge, index)
    report = answering.sync()
    build = time.perf_counter() - started
    vectors = db.execute("SELECT sum(vectors) FROM passages").fetchone()[0]
    print(
        f"full index build: {build:.2f} s ({len(report.added)} passages, {vectors} vectors; "
        f"{report.out_of_scope_added} out-of-scope examples)"
    )

    article = knowledge / "en" / "cat-tax.md"
    article.write_text(article.read_text(encoding="utf-8").replace("joking", "playful", 1))
    started = time.perf_counter()
    changed = answering.reload()
    print(
        f"incremental reindex of one changed article: {time.perf_counter() - started:.2f} s "
        f"({len(changed.updated)} passages re-embedded)"
    )

    env = {
        **os.environ,
        "GUIDE_DATA_DIR": str(work / "data"),
        "GUIDE_KNOWLEDGE_DIR": str(knowledge),
    }
    starts = []
    for _ in range(5):
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "bot.cli", "ask", "what is the cat tax", "--json"],
            env=env,
            check=True,
            capture_output=True,
            cwd=ROOT,
        )
        starts.append(time.perf_counter() - started)
    print(
        f"cold start to first answer (new process, existing index, 5 runs): median "
        f"{statistics.median(starts):.2f} s (" + ", ".join(f"{s:.2f}" for s in starts) + ")"
    )

    questions = [q.question for q in load_questions(knowledge / "eval" / "questions.jsonl")]
    answerer = answering.answerer
    answerer.answer("warm up")
    latencies = []
    for question in questions:
        started = time.perf_counter()
        answerer.answer(question)
        latencies.append((time.perf_counter() - started) * 1000)
    print(
        f"answer latency over {len(questions)} questions: p50 {percentile(latencies, 0.5):.1f} ms,"
        f" p95 {percentile(latencies, 0.95):.1f} ms, p99 {percentile(latencies, 0.99):.1f} ms,"
        f" mean {statistics.mean(latencies):.1f} ms"
    )
    started = time.perf_counter()
    rounds = 3
    for _ in range(rounds):
        for question in questions:
            answerer.answer(question)
    elapsed = time.perf_counter() - started
    print(f"batch throughput: {rounds * len(questions) / elapsed:.0f} questions/s (one process)")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS: {peak:.0f} MB")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
