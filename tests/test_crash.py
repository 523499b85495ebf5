"""A crash test: `guide run` as its own process, SIGKILLed mid-burst, restarted.

Every question must be answered; none twice, except a reply Telegram accepted before the
kill whose outbox row the bot had not yet marked sent (the Bot API has no idempotency key, so
delivery is at-least-once for messages in flight); every mentor request must be announced
once with its handoff intact; the database must pass `PRAGMA integrity_check`.
"""

from __future__ import annotations

import asyncio
import signal
import sqlite3
import time
from pathlib import Path

import pytest
from emulators.telegram_api import TelegramEmulator, make_user, supergroup_chat
from telegram_fixtures import guide_env, seed_data_dir, start_guide_run

from bot.answering.service import Answering

MENTOR_GROUP = -1_001_000_000_999
QUESTIONS = [
    "what is the cat tax",
    "what does yyds mean",
    "how do i sign up without a chinese number",
    "where is the translate button",
    "why was my post removed",
    "what is 对账",
    "is my data safe on rednote",
    "who is li hua",
    "can i pay with a visa card",
    "what does 种草 mean",
]


@pytest.mark.slow
async def test_sigkill_mid_burst_loses_nothing_and_doubles_nothing(
    tmp_path: Path, answering: Answering
) -> None:
    data = tmp_path / "data"
    seed_data_dir(answering, data)
    log = tmp_path / "guide.log"
    async with TelegramEmulator() as emu:
        emu.add_chat(supergroup_chat(MENTOR_GROUP, "Mentors"))
        env = guide_env(
            emu, data, TELEGRAM_MENTOR_CHAT_ID=str(MENTOR_GROUP), GUIDE_FLOOD_LIMIT="100"
        )
        process = await start_guide_run(env, log)
        await emu.wait_for(lambda c: c.method == "deleteWebhook", timeout=90)
        users = [make_user(1000 + n, f"User{n}") for n in range(60)]
        asked: dict[int, int] = {}
        mentors_asked: list[int] = []
        for n, user in enumerate(users):
            if n % 12 == 0:
                emu.user_sends(user["id"], user, "/mentor")
                mentors_asked.append(user["id"])
            else:
                emu.user_sends(user["id"], user, QUESTIONS[n % len(QUESTIONS)])
                asked[user["id"]] = 1

        def answered() -> int:
            return len({c.chat_id for c in emu.sent() if c.ok and c.chat_id in asked})

        await emu.wait_for(lambda c: answered() >= 8, timeout=60)
        process.send_signal(signal.SIGKILL)
        await process.wait()
        killed_at = answered()

        with sqlite3.connect(data / "guide.db") as db:
            assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            # What the bot still owed when it died: these rows are sent (again) after restart.
            pending = db.execute(
                "SELECT chat_id, payload FROM outbox WHERE state = 'pending'"
            ).fetchall()
            sent_rows = db.execute("SELECT chat_id FROM outbox WHERE state = 'sent'").fetchall()
            marked = {int(chat) for (chat,) in sent_rows}

        restarted = time.monotonic()
        process = await start_guide_run(env, log)
        try:
            await emu.wait_for(lambda c: answered() == len(asked), timeout=120)
            await emu.wait_for(
                lambda c: len([x for x in emu.sent(MENTOR_GROUP) if x.ok]) >= len(mentors_asked),
                timeout=60,
            )
            await asyncio.sleep(1.0)  # anything doubled would arrive now
        finally:
            process.send_signal(signal.SIGTERM)
            assert await asyncio.wait_for(process.wait(), timeout=30) == 0, log.read_text()

    assert killed_at < len(asked), "the kill came after the burst was done: nothing was tested"
    replies: dict[int, int] = {}
    for call in emu.sent():
        if call.ok and call.chat_id in asked:
            replies[call.chat_id] = replies.get(call.chat_id, 0) + 1
    assert set(replies) == set(asked), "every question is answered"
    # The Bot API has no idempotency key: a message Telegram accepted before the kill, whose
    # outbox row the bot had not yet marked sent, is sent again. Only those may appear twice.
    # (A time window around the kill stood in for this once; on a loaded machine the gap
    # between Telegram accepting a message and the bot recording it can be longer.)
    # Anything Telegram saw before the restart was sent by the killed process.
    before_restart = {c.chat_id for c in emu.sent() if c.ok and c.started_at < restarted}
    in_flight = {int(chat) for chat, _ in pending} & before_restart
    # ... which holds only while the bot does record its sends: were none marked, every reply
    # would count as in flight and any double would pass.
    assert marked & set(asked), "no reply was recorded as sent before the kill"
    doubled = {chat for chat, count in replies.items() if count > 1}
    assert doubled <= in_flight, {chat: replies[chat] for chat in doubled - in_flight}
    assert all(count <= 2 for count in replies.values())
    announcements = [c for c in emu.sent(MENTOR_GROUP) if c.ok and "Request #" in c.text]
    by_request: dict[str, list[float]] = {}
    for call in announcements:
        number = call.text.split("Request #", 1)[1].split()[0]
        by_request.setdefault(number, []).append(call.started_at - restarted)
    assert len(by_request) == len(mentors_asked), by_request
    # An announcement in flight at the kill may be posted again too, and only such a one.
    owed = [payload for chat, payload in pending if int(chat) == MENTOR_GROUP]
    for number, times in by_request.items():
        in_flight_announcement = any(t < 0 for t in times) and any(
            f"Request #{number}" in payload for payload in owed
        )
        assert len(times) == 1 or (len(times) == 2 and in_flight_announcement), (number, times)
    with sqlite3.connect(data / "guide.db") as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        rows = db.execute(
            "SELECT newcomer_user, state FROM handoffs ORDER BY newcomer_user"
        ).fetchall()
    assert sorted(int(user) for user, _ in rows) == sorted(mentors_asked)
    assert {state for _, state in rows} == {"requested"}
    assert "Traceback" not in log.read_text()
