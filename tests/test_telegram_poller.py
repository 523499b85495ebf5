"""The long-poll loop stores a batch sender by sender: each sender's updates in order,
different senders at once, and the offset moves only past what is stored."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from typing import Any

from adapters.telegram.receive import Poller, sender_of


def update(number: int, user: int, text: str) -> dict[str, Any]:
    return {
        "update_id": number,
        "message": {"message_id": number, "from": {"id": user}, "chat": {"id": user}, "text": text},
    }


async def test_a_batch_keeps_each_senders_order_and_runs_senders_at_once() -> None:
    seen: list[str] = []
    busy = 0
    most = 0

    async def receive(raw: Mapping[str, Any]) -> None:
        nonlocal busy, most
        busy += 1
        most = max(most, busy)
        text = raw["message"]["text"]
        await asyncio.sleep(0.05 if text.endswith("1") else 0.0)  # first messages are slow
        seen.append(text)
        busy -= 1

    poller = Poller(None, receive)  # type: ignore[arg-type]
    batch = [update(10, 1, "a1"), update(11, 2, "b1"), update(12, 1, "a2"), update(13, 2, "b2")]
    await poller.store_batch(batch)
    assert seen.index("a1") < seen.index("a2") and seen.index("b1") < seen.index("b2")
    assert most == 2  # two senders were stored at the same time
    assert poller.offset == 14


async def test_a_failed_store_is_retried_and_the_offset_still_waits_for_it() -> None:
    attempts: dict[str, int] = {}

    async def receive(raw: Mapping[str, Any]) -> None:
        text = raw["message"]["text"]
        attempts[text] = attempts.get(text, 0) + 1
        if text == "flaky" and attempts[text] == 1:
            raise RuntimeError("database busy")

    poller = Poller(None, receive)  # type: ignore[arg-type]
    await poller.store_batch([update(5, 1, "flaky"), update(6, 2, "fine")])
    assert attempts == {"flaky": 2, "fine": 1} and poller.offset == 7


def test_the_sender_of_an_update() -> None:
    assert sender_of(update(1, 42, "hi")) == 42
    assert sender_of({"update_id": 2, "callback_query": {"id": "q", "from": {"id": 7}}}) == 7
    assert sender_of({"update_id": 3, "poll": {}}) is None
