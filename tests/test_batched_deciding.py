"""Deciding in batches: questions that wait while the decider processes are busy go to a
worker together and are embedded in one call, with the answers each would get alone.

A batch's vectors and similarities are not bit-identical to single ones (the products run
over several queries at once and round differently, by about 1e-7), so every question of
the evaluation and held-out sets is answered both ways and must get the same action,
article, section and confidence.
"""

from __future__ import annotations

import asyncio
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import Clock
from test_ops import ask

from bot.answering.answerer import Answer
from bot.answering.evaluation import HOLDOUT_FILE, load_questions
from bot.answering.service import Answering
from bot.bootstrap import compose
from bot.models import Tick
from bot.runtime import Runtime
from bot.settings import Settings
from bot.store.records import Store

EVAL = Path(__file__).resolve().parent.parent / "knowledge" / "eval"


def decided(answer: Answer) -> tuple[object, ...]:
    section = answer.passage.id if answer.passage is not None else None
    return answer.action, answer.reason, [s.id for s in answer.sources], section


@pytest.mark.parametrize("size", [4, 32])
def test_a_batch_gets_the_answers_each_question_gets_alone(answering: Answering, size: int) -> None:
    asked = [
        (q.question, q.language)
        for name in ("questions.jsonl", HOLDOUT_FILE)
        for q in load_questions(EVAL / name)
    ]
    assert len(asked) >= 350
    answerer, queries = answering.answerer, answering.index._queries
    queries.clear()
    alone = []
    for text, lang in asked:
        alone.append(answerer.answer(text, lang, detect_language=False, phrase=False))
        queries.clear()  # each embedded on its own, as a question that did not wait
    together: list[Answer] = []
    for start in range(0, len(asked), size):
        batch = asked[start : start + size]
        answerer.expect([text for text, _ in batch])
        for text, lang in batch:
            together.append(answerer.answer(text, lang, detect_language=False, phrase=False))
        queries.clear()
    for (text, _), one, many in zip(asked, alone, together, strict=True):
        assert decided(many) == decided(one), text
        # a batch is embedded as one matrix product: the same numbers to about six places
        # (float32 sums in another order), never another decision
        assert many.confidence == pytest.approx(one.confidence, abs=1e-5), text


def test_a_failing_question_in_a_batch_fails_only_itself(
    answering: Answering,
    settings: Settings,
    store: Store,
    clock: Clock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    engine = compose(settings, store, answering, clock=clock)
    answerer = answering.answerer
    answer = answerer.answer

    def answer_or_fail(text: str, *args: object, **kwargs: object) -> Answer:
        if "breaks" in text:
            raise ValueError("this question breaks the answerer")
        return answer(text, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(answerer, "answer", answer_or_fail)
    events = [
        ask("41", "what is the cat tax", "b1"),
        ask("42", "this question breaks it", "b2"),
        Tick(clock()),
        ask("43", "/privacy", "b3"),
        ask("44", "¿qué es el impuesto del gato?", "b4"),
    ]
    first, broken, tick, command, spanish = engine.prepare_many(events)
    assert isinstance(broken, ValueError)
    assert tick is None and command is None
    assert first is not None and not isinstance(first, Exception)
    assert spanish is not None and not isinstance(spanish, Exception)
    assert first.answer.action == "answer" and spanish.language == "es"
    alone = engine.prepare(events[0])
    assert alone is not None
    assert replace(first.answer, latency_ms=0) == replace(alone.answer, latency_ms=0)

    def embedding_fails(texts: object) -> None:
        raise RuntimeError("the embedder is gone")

    monkeypatch.setattr(answerer, "expect", embedding_fails)
    again = engine.prepare_many([ask("45", "what is the cat tax", "b5")])
    assert not isinstance(again[0], Exception) and again[0] is not None  # embedded alone


async def test_questions_that_wait_for_a_busy_worker_go_to_it_together(
    answering: Answering, settings: Settings, store: Store, clock: Clock
) -> None:
    engine = compose(settings, store, answering, clock=clock)
    runtime = Runtime(engine, decide_processes=1)
    await runtime.start(tick=False)
    deciders = runtime._processes
    assert deciders is not None
    try:
        alone = await asyncio.wait_for(runtime.submit(ask("40", "what is the cat tax", "t0")), 60)
        assert deciders.tasks == 1  # a free worker: sent at once, on its own
        texts = ["what is the cat tax", "¿qué es el impuesto del gato?", "hi", "/privacy"]
        events = [ask(str(50 + n), texts[n % 4], f"t{n + 1}") for n in range(12)]
        replies = await asyncio.wait_for(
            asyncio.gather(*(runtime.submit(event) for event in events)), 60
        )
    finally:
        await runtime.stop()
    # The first went at once; the rest waited for it and went as one task.
    assert deciders.tasks == 3
    assert "📖 Source:" in alone[0].text
    for n, out in enumerate(replies):
        assert out, n
        if n % 4 == 0:
            assert out[0].text == alone[0].text
        if n % 4 == 1:
            assert "📖 Fuente:" in out[0].text
    asked = engine.store.db.execute("SELECT COUNT(*) FROM questions").fetchone()[0]
    assert asked == 1 + 9


def test_a_batch_is_scored_against_the_vectors_in_one_product(
    answering: Answering, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bot.answering import index as module

    products: list[int] = []
    score = module._Vectors.question_sides

    def counted(self: module._Vectors, queries: object) -> object:
        products.append(len(queries))  # type: ignore[arg-type]
        return score(self, queries)  # type: ignore[arg-type]

    monkeypatch.setattr(module._Vectors, "question_sides", counted)
    asked = [
        "batch scoring check: what is the cat tax on my feed",
        "batch scoring check: how do i sign up with a foreign number",
        "batch scoring check: why was my note taken down",
    ]
    answerer = answering.answerer
    answerer.expect(asked)
    for text in asked:
        answerer.answer(text)
    assert products == [3]  # one product for the three, none more when each is answered
