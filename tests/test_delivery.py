"""The outbox and dispatcher: order per chat, retries, permanent failures, restarts, refs."""

from __future__ import annotations

import asyncio
from pathlib import Path

from conftest import Clock, make_settings

from bot.answering.service import Answering
from bot.bootstrap import compose
from bot.models import (
    Address,
    Delivery,
    DeliveryError,
    IncomingMessage,
    Outgoing,
    Sender,
    UserRef,
)
from bot.runtime import Runtime
from bot.store import open_database
from bot.store.records import Store, iso


class RecordingPlatform:
    """A platform that records what it sends and can be told to fail."""

    def __init__(self, name: str = "telegram"):
        self.name = name
        self.sent: list[Outgoing] = []
        self.edits: list[tuple[Outgoing, Delivery]] = []
        self.failures: list[DeliveryError] = []
        self.count = 0

    async def send(self, message: Outgoing) -> Delivery:
        if self.failures:
            raise self.failures.pop(0)
        self.count += 1
        self.sent.append(message)
        thread = f"t{self.count}" if message.new_thread else message.address.thread_id
        return Delivery(str(self.count), thread_id=thread)

    async def edit(self, message: Outgoing, target: Delivery) -> None:
        self.edits.append((message, target))


def event(user: str, text: str, key: str, platform: str = "telegram") -> IncomingMessage:
    sender = Sender(UserRef(platform, user), f"U{user}", "en")
    return IncomingMessage(key, sender, Address(platform, user), text)


def make_runtime(tmp_path: Path, answering: Answering, clock: Clock) -> Runtime:
    settings = make_settings(tmp_path)
    engine = compose(settings, Store(open_database(settings.db_path)), answering, clock=clock)
    return Runtime(engine)


async def test_each_chat_gets_its_messages_in_order(
    tmp_path: Path, answering: Answering, clock: Clock
) -> None:
    runtime = make_runtime(tmp_path, answering, clock)
    platform = RecordingPlatform()
    runtime.attach(platform)
    await runtime.start(tick=False)
    for n, text in enumerate(["/help", "/privacy", "what is the cat tax", "/topics"]):
        await runtime.submit(event("1", text, f"k{n}"))
    assert await runtime.drain()
    await runtime.stop()
    texts = [m.text for m in platform.sent]
    assert texts[0].startswith("Just type") and "What I store" in texts[1]
    assert "📖" in texts[2] and texts[3].startswith("What would you like")


async def test_rate_limit_is_retried_after_its_delay_and_sent_once(
    tmp_path: Path, answering: Answering, clock: Clock
) -> None:
    runtime = make_runtime(tmp_path, answering, clock)
    platform = RecordingPlatform()
    platform.failures = [DeliveryError("429", retry_after=0.05)]
    runtime.attach(platform)
    await runtime.start(tick=False)
    await runtime.submit(event("1", "/help", "k1"))
    await runtime.submit(event("1", "/privacy", "k2"))
    # The refusal is stamped with the test clock: wait for it before moving the clock,
    # or the retry would be due 0.05 s after a moment the clock never reaches again.
    assert await refused(runtime, attempts=1)
    await runtime.dispatch_once()
    assert platform.sent == []  # not before its delay, and nothing overtakes it
    clock.advance(seconds=1)
    assert await runtime.drain()
    await runtime.stop()
    assert [m.text[:10] for m in platform.sent] == ["Just type ", "What I sto"]


async def refused(runtime: Runtime, attempts: int, timeout: float = 10.0) -> bool:
    """Wait until the outbox has recorded a refused attempt for its first message."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while loop.time() < deadline:
        row = await runtime.call(first_row, runtime)
        if row is not None and row[0] >= attempts:
            return True
        await asyncio.sleep(0.01)
    return False


def first_row(runtime: Runtime) -> tuple[int] | None:
    db = runtime.engine.store.db
    return db.execute("SELECT attempts FROM outbox ORDER BY id LIMIT 1").fetchone()


async def test_messages_delivered_together_are_marked_sent_together(
    tmp_path: Path, answering: Answering, clock: Clock
) -> None:
    runtime = make_runtime(tmp_path, answering, clock)
    platform = RecordingPlatform()
    runtime.attach(platform)
    marked: list[int] = []
    sent_many = runtime.outbox.sent_many
    runtime.outbox.sent_many = lambda marks: marked.append(len(marks)) or sent_many(marks)  # type: ignore[method-assign]
    for n in range(20):
        await runtime.submit(event(str(n), "/help", f"k{n}"))
    await runtime.dispatch_once()
    rows = runtime.engine.store.db.execute("SELECT state, attempts FROM outbox").fetchall()
    await runtime.stop()
    assert [tuple(row) for row in rows] == [("sent", 1)] * 20 and len(platform.sent) == 20
    assert sum(marked) == 20 and len(marked) < 20  # those that waited went in one transaction


async def test_permanent_failure_is_not_retried_forever(
    tmp_path: Path, answering: Answering, clock: Clock
) -> None:
    runtime = make_runtime(tmp_path, answering, clock)
    platform = RecordingPlatform()
    platform.failures = [DeliveryError("Forbidden: bot was blocked by the user", permanent=True)]
    runtime.attach(platform)
    await runtime.start(tick=False)
    await runtime.submit(event("1", "/help", "k1"))
    assert await runtime.drain()
    await runtime.stop()
    state = runtime.engine.store.db.execute("SELECT state, attempts FROM outbox").fetchone()
    assert tuple(state) == ("failed", 1) and platform.sent == []


async def test_unsent_messages_go_out_after_a_restart(
    tmp_path: Path, answering: Answering, clock: Clock
) -> None:
    first = make_runtime(tmp_path, answering, clock)
    await first.submit(event("1", "/help", "k1"))
    await first.submit(event("2", "/privacy", "k2"))
    await first.stop()
    second = make_runtime(tmp_path, answering, clock)
    platform = RecordingPlatform()
    second.attach(platform)
    await second.start(tick=False)
    assert await second.drain()
    await second.stop()
    assert sorted(m.address.chat_id for m in platform.sent) == ["1", "2"]


async def test_a_redelivered_event_is_answered_once(
    tmp_path: Path, answering: Answering, clock: Clock
) -> None:
    runtime = make_runtime(tmp_path, answering, clock)
    platform = RecordingPlatform()
    runtime.attach(platform)
    await runtime.start(tick=False)
    await asyncio.gather(*(runtime.submit(event("1", "/help", "same-key")) for _ in range(5)))
    assert await runtime.drain()
    await runtime.stop()
    assert len(platform.sent) == 1


async def test_a_mentor_is_told_when_a_relay_cannot_be_delivered(
    tmp_path: Path, answering: Answering, clock: Clock
) -> None:
    runtime = make_runtime(tmp_path, answering, clock)
    telegram, discord = RecordingPlatform("telegram"), RecordingPlatform("discord")
    runtime.attach(telegram)
    runtime.attach(discord)
    await runtime.start(tick=False)
    await runtime.submit(event("42", "/mentor", "k1"))
    assert await runtime.drain()
    announcement = next(m for m in discord.sent if m.buttons)
    mentor = Sender(UserRef("discord", "500"), "Mei", "en", True)
    from bot.models import ButtonPress

    await runtime.submit(
        ButtonPress(
            "k2", mentor, Address("discord", "888"), announcement.buttons[0][0].token, "mentor_room"
        )
    )
    assert await runtime.drain()
    assert any("claimed by Mei" in m.text for m, _ in discord.edits)
    space = next(m for m in discord.sent if m.new_thread)
    thread = Address("discord", "888", "t" + str(discord.sent.index(space) + 1))
    telegram.failures = [DeliveryError("Forbidden: bot was blocked by the user", permanent=True)]
    await runtime.submit(IncomingMessage("k3", mentor, thread, "hello!", "mentor_room"))
    assert await runtime.drain()
    await runtime.stop()
    notice = discord.sent[-1]
    assert "couldn't deliver" in notice.text and notice.address.thread_id == thread.thread_id


def test_the_backoff_is_capped_however_many_attempts_failed(tmp_path: Path) -> None:
    from datetime import UTC, datetime, timedelta

    from bot.delivery import MAX_BACKOFF_SECONDS, Outbox, Pending, backoff

    assert [backoff(n) for n in range(4)] == [0.5, 1.0, 2.0, 4.0]
    assert backoff(2000) == MAX_BACKOFF_SECONDS
    store = Store(open_database(make_settings(tmp_path).db_path))
    now = datetime(2026, 12, 6, tzinfo=UTC)
    message = Outgoing(Address("telegram", "1"), "hello")
    store.enqueue([message], now)
    row_id = store.db.execute("SELECT id FROM outbox").fetchone()[0]
    store.db.execute("UPDATE outbox SET attempts = 2000 WHERE id = ?", [row_id])
    Outbox(store).retry(Pending(row_id, message, 2000), "timeout", None, now)
    attempts, next_at = store.db.execute(
        "SELECT attempts, next_attempt_at FROM outbox WHERE id = ?", [row_id]
    ).fetchone()
    assert attempts == 2001 and next_at == iso(now + timedelta(seconds=MAX_BACKOFF_SECONDS))


class SlowChatPlatform(RecordingPlatform):
    """Sends to chat "slow" take until `release` is set; every other chat goes at once."""

    def __init__(self) -> None:
        super().__init__()
        self.release = asyncio.Event()
        self.slow_started = asyncio.Event()

    async def send(self, message: Outgoing) -> Delivery:
        if message.address.chat_id == "slow":
            self.slow_started.set()
            await self.release.wait()
        return await super().send(message)


async def test_a_slow_chat_does_not_hold_back_a_reply_to_another(
    tmp_path: Path, answering: Answering, clock: Clock
) -> None:
    runtime = make_runtime(tmp_path, answering, clock)
    platform = SlowChatPlatform()
    runtime.attach(platform)
    await runtime.start(tick=False)
    await runtime.submit(event("slow", "/help", "s1"))
    await asyncio.wait_for(platform.slow_started.wait(), 10)
    # The first chat's send hangs; a reply to someone else committed now goes out anyway,
    # not after the slow chat's turn is over.
    await runtime.submit(event("fast", "/privacy", "f1"))
    for _ in range(200):
        if any(m.address.chat_id == "fast" for m in platform.sent):
            break
        await asyncio.sleep(0.02)
    assert [m.address.chat_id for m in platform.sent] == ["fast"]
    await runtime.submit(event("slow", "/topics", "s2"))
    platform.release.set()
    assert await runtime.drain()
    await runtime.stop()
    slow = [m.text for m in platform.sent if m.address.chat_id == "slow"]
    assert len(slow) == 2 and slow[0].startswith("Just type")  # in order, each once
    assert slow[1].startswith("What would you like")
