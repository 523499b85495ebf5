"""Decide, then commit: answers are worked out off the writer thread, a slow chat model holds
up nobody else, a user's replies keep their order, and queued events commit together."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Sequence

import pytest
from chat import Conversation
from conftest import KNOWLEDGE, ROOT, Clock, decided_here
from test_handoff import claim, mentor, newcomer, request, space
from test_ops import ask

from bot.answering.answerer import Phrased
from bot.answering.knowledge import Passage
from bot.answering.service import Answering
from bot.bootstrap import compose
from bot.models import IncomingMessage, Sender
from bot.runtime import Runtime
from bot.settings import Settings
from bot.store.records import Store


class SlowModel:
    """A chat model that answers only when the test lets it, and never on the writer."""

    def __init__(self, *, fails: bool = False) -> None:
        self.release = asyncio.Event()
        self.started = asyncio.Event()
        self.fails = fails
        self.asked = 0

    def phrase(self, question: str, language: str, passages: Sequence[Passage]) -> Phrased:
        raise AssertionError("the chat model was called synchronously")

    async def aphrase(self, question: str, language: str, passages: Sequence[Passage]) -> Phrased:
        self.asked += 1
        self.started.set()
        await self.release.wait()
        if self.fails:
            raise TimeoutError("the model took too long")
        return Phrased(text="Merged by the model [1]", cited=(0,))


def slow_answering(answering: Answering, model: SlowModel) -> Answering:
    return Answering(KNOWLEDGE, answering.index, phraser=model)


async def test_a_relay_is_delivered_while_a_model_call_is_pending(
    answering: Answering, settings: Settings, store: Store, clock: Clock
) -> None:
    model = SlowModel()
    engine = compose(settings, store, slow_answering(answering, model), clock=clock)
    chat = Conversation(engine, clock)
    ana = newcomer(chat)
    request(chat, ana)
    mei = mentor(chat)
    claim(chat, mei)
    _, thread = space(chat)
    runtime = Runtime(engine)
    try:
        question = asyncio.create_task(runtime.submit(ask("43", "what is the cat tax", "q1")))
        await asyncio.wait_for(model.started.wait(), 10)
        relay = IncomingMessage("r1", mei.sender, thread, "Hi Ana!", chat_kind="mentor_room")
        relayed = await asyncio.wait_for(runtime.submit(relay), 10)
        assert [m.text for m in relayed] == ["Mei: Hi Ana!"]
        assert not question.done()  # the model is still thinking; nobody waited for it
        model.release.set()
        answered = await asyncio.wait_for(question, 10)
        assert answered[0].text.startswith("Merged by the model [1]")
    finally:
        model.release.set()
        await runtime.stop()


async def test_a_failing_model_falls_back_to_the_offline_answer(
    answering: Answering, settings: Settings, store: Store, clock: Clock
) -> None:
    model = SlowModel(fails=True)
    model.release.set()
    engine = compose(settings, store, slow_answering(answering, model), clock=clock)
    runtime = Runtime(engine)
    try:
        out = await runtime.submit(ask("43", "what is the cat tax", "q1"))
    finally:
        await runtime.stop()
    assert model.asked == 1
    assert "📖 Source:" in out[0].text and "Merged" not in out[0].text


async def test_a_users_next_message_waits_for_their_first(
    answering: Answering, settings: Settings, store: Store, clock: Clock
) -> None:
    model = SlowModel()
    engine = compose(settings, store, slow_answering(answering, model), clock=clock)
    runtime = Runtime(engine)
    try:
        first = asyncio.create_task(runtime.submit(ask("43", "what is the cat tax", "q1")))
        await asyncio.wait_for(model.started.wait(), 10)
        second = asyncio.create_task(runtime.submit(ask("43", "/privacy", "q2")))
        other = await asyncio.wait_for(runtime.submit(ask("44", "/privacy", "q3")), 10)
        assert other and not second.done()  # another user is not held up; this one waits
        model.release.set()
        await asyncio.wait_for(asyncio.gather(first, second), 10)
    finally:
        model.release.set()
        await runtime.stop()
    rows = engine.store.db.execute(
        "SELECT payload FROM outbox WHERE chat_id = '43' ORDER BY id"
    ).fetchall()
    assert "Merged by the model" in rows[0][0] and "Merged" not in rows[1][0]


async def test_events_that_queue_up_commit_together(
    answering: Answering, settings: Settings, store: Store, clock: Clock
) -> None:
    engine = compose(settings, store, answering, clock=clock)
    runtime = Runtime(engine)
    begun: list[str] = []
    engine.store.db.conn.set_trace_callback(
        lambda sql: begun.append(sql) if sql.startswith("BEGIN") else None
    )
    try:
        events = [ask(str(100 + n), "what is the cat tax", f"k{n}") for n in range(30)]
        replies = await asyncio.wait_for(
            asyncio.gather(*(runtime.submit(event) for event in events)), 60
        )
    finally:
        engine.store.db.conn.set_trace_callback(None)
        await runtime.stop()
    assert all(reply and "📖 Source:" in reply[0].text for reply in replies)
    assert engine.store.db.execute("SELECT COUNT(*) FROM inbox").fetchone()[0] == 30
    assert 1 <= len(begun) < 30  # several events per transaction


def test_a_transaction_past_its_time_budget_takes_no_more_events(
    answering: Answering, settings: Settings, store: Store, clock: Clock
) -> None:
    engine = compose(settings, store, answering, clock=clock)
    events = [(ask(str(n), "what is the cat tax", f"b{n}"), None) for n in range(3)]
    first = engine.handle_many(events, budget=0.0)
    assert len(first) == 1  # one event at least, then the budget is spent
    rest = engine.handle_many(events[1:], budget=None)
    assert len(rest) == 2
    assert engine.store.db.execute("SELECT COUNT(*) FROM inbox").fetchone()[0] == 3


def test_a_prepared_answer_is_not_used_when_the_language_changed_meanwhile(
    answering: Answering, settings: Settings, store: Store, clock: Clock
) -> None:
    engine = compose(settings, store, answering, clock=clock)
    event = ask("43", "what is the cat tax", "q1")
    prepared = engine.prepare(event)
    assert prepared is not None and prepared.language == "en"
    engine.handle(IncomingMessage("q0", Sender(event.sender.ref), event.address, "/language es"))
    engine.handle(event, prepared)
    language = engine.store.db.execute("SELECT language FROM questions").fetchone()[0]
    assert language == "es"


def test_prepare_leaves_commands_duplicates_and_the_mentor_room_to_the_writer(
    answering: Answering, settings: Settings, store: Store, clock: Clock
) -> None:
    engine = compose(settings, store, answering, clock=clock)
    assert engine.prepare(ask("43", "/privacy", "p1")) is None
    asked = engine.prepare(ask("43", "/ask what is yyds", "p2"))
    assert asked is not None and asked.text == "what is yyds"
    engine.handle(ask("43", "what is the cat tax", "p3"))
    assert engine.prepare(ask("43", "what is the cat tax", "p3")) is None  # seen already
    room = IncomingMessage("p4", Sender(ask("43", "", "").sender.ref), ask("43", "", "").address,
                           "hello", chat_kind="mentor_room")  # fmt: skip
    assert engine.prepare(room) is None


def test_the_llm_benchmark_runs_small(
    answering: Answering, capsys: pytest.CaptureFixture[str]
) -> None:
    if str(ROOT) not in sys.path:
        sys.path.append(str(ROOT))
    from benchmarks import llm_load

    assert llm_load.main(["--newcomers", "5", "--delay", "0.3"], answering=answering) == 0
    printed = capsys.readouterr().out
    assert "model calls in flight at once: 5 of 6" in printed and printed.rstrip().endswith("(ok)")


async def test_questions_can_be_decided_in_worker_processes(
    answering: Answering, settings: Settings, store: Store, clock: Clock
) -> None:
    engine = compose(settings, store, answering, clock=clock)
    in_process = decided_here(engine)
    runtime = Runtime(engine, decide_processes=1)
    await runtime.start(tick=False)
    try:
        out = await asyncio.wait_for(runtime.submit(ask("43", "what is the cat tax", "q1")), 60)
        spanish = await runtime.submit(ask("44", "¿qué es el impuesto del gato?", "q2"))
    finally:
        await runtime.stop()
    assert "📖 Source:" in out[0].text and "📖 Fuente:" in spanish[0].text
    assert in_process == []  # both were decided in the worker, committed here
    asked = engine.store.db.execute("SELECT COUNT(*) FROM questions").fetchone()[0]
    assert asked == 2
