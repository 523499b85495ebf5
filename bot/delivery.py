"""The outbox side of delivery: what is due, in order per chat, and what happened to it."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from bot.i18n import t
from bot.models import Address, Delivery, DeliveryError, Outgoing
from bot.store.records import Store, decode, encode, iso

logger = logging.getLogger(__name__)
MAX_BACKOFF_SECONDS = 300.0


async def read_picture(path: str) -> bytes:
    """The picture an Outgoing names (`Outgoing.image`), read for an adapter to upload; a
    missing file is a permanent failure (already delivered and deleted, or lost)."""
    try:
        return await asyncio.to_thread(Path(path).read_bytes)
    except OSError as error:
        raise DeliveryError(
            f"the picture to send is missing: {path} ({error})", permanent=True
        ) from error


def backoff(attempts: int) -> float:
    """Seconds before the next try: 0.5, 1, 2 … doubling, at most MAX_BACKOFF_SECONDS.

    The exponent is capped first: `2**attempts` as a float overflows past 1023 attempts.
    """
    return min(MAX_BACKOFF_SECONDS, 0.5 * 2.0 ** min(max(attempts, 0), 16))


@dataclass(frozen=True)
class Pending:
    """One outbox row ready to go, with its target resolved."""

    id: int
    message: Outgoing
    attempts: int
    target: Delivery | None = None  # for edits: the message to edit


class Outbox:
    """Reads due messages and records their fate; all of it on the single writer thread."""

    def __init__(self, store: Store):
        self.store = store
        self.db = store.db

    def due(self, now: datetime, platforms: set[str], limit: int = 200) -> list[list[Pending]]:
        """Due messages grouped by chat, oldest first; a chat waits behind its earliest row."""
        return list(self.due_by_chat(now, platforms, limit).values())

    def due_by_chat(
        self,
        now: datetime,
        platforms: set[str],
        limit: int = 200,
        *,
        busy: set[tuple[str, str]] | frozenset[tuple[str, str]] = frozenset(),
        chats_wanted: int | None = None,
    ) -> dict[tuple[str, str], list[Pending]]:
        """`due`, keyed by the chat each group belongs to (platform, chat id as stored).

        Chats in `busy` (being sent) are passed over without reading their messages, and at
        most `chats_wanted` chats are returned: the dispatcher asks for what it can start."""
        rows = self.db.execute(
            "SELECT id, platform, chat_id, payload, attempts, next_attempt_at FROM outbox"
            " WHERE state = 'pending' ORDER BY id LIMIT ?",
            [limit * 5],
        ).fetchall()
        chats: dict[tuple[str, str], list[Pending]] = {}
        held: set[tuple[str, str]] = set(busy)
        stamp = iso(now)
        taken = 0
        for row_id, platform, chat_id, payload, attempts, next_at in rows:
            key = (platform, chat_id)
            if platform not in platforms or key in held:
                continue
            if next_at and next_at > stamp:
                held.add(key)
                continue
            if key not in chats and chats_wanted is not None and len(chats) >= chats_wanted:
                held.add(key)
                continue
            message = decode(payload)
            resolved = self._resolve(message)
            if resolved is None:
                held.add(key)
                continue
            chats.setdefault(key, []).append(Pending(row_id, resolved[0], attempts, resolved[1]))
            taken += 1
            if taken >= limit:
                break
        return chats

    def _ref(self, ref: str) -> tuple[Address, Delivery] | None:
        row = self.db.execute(
            "SELECT platform, chat_id, message_id, thread_id FROM sent_refs WHERE ref = ?", [ref]
        ).fetchone()
        if row is None:
            return None
        address = Address(row[0], row[1], row[3])
        return address, Delivery(message_id=row[2], thread_id=row[3], chat_id=row[1])

    def _resolve(self, message: Outgoing) -> tuple[Outgoing, Delivery | None] | None:
        """Point a message at its thread and its edit target; None while they don't exist yet."""
        thread_ref = message.meta.get("thread_ref")
        if thread_ref:
            found = self._ref(thread_ref)
            if found is None:
                if self._ref_pending(thread_ref):
                    return None
            else:
                message = replace(message, address=found[0])
        target = None
        if message.edit_ref:
            found = self._ref(message.edit_ref)
            if found is None and self._ref_pending(message.edit_ref):
                return None
            target = found[1] if found else None
        return message, target

    def _ref_pending(self, ref: str) -> bool:
        row = self.db.execute(
            "SELECT 1 FROM outbox WHERE state = 'pending' AND json_extract(payload, '$.ref') = ?",
            [ref],
        ).fetchone()
        return row is not None

    def pending_images(self) -> set[str]:
        """The labelled pictures that messages still waiting to be sent refer to."""
        rows = self.db.execute(
            "SELECT json_extract(payload, '$.image') FROM outbox WHERE state = 'pending'"
            " AND json_extract(payload, '$.image') IS NOT NULL"
        ).fetchall()
        return {row[0] for row in rows}

    def sent(self, pending: Pending, delivery: Delivery | None, now: datetime) -> None:
        """Mark a row sent and remember the platform's ids under the message's ref."""
        self.sent_many([(pending, delivery, now)])

    def sent_many(self, marks: Sequence[tuple[Pending, Delivery | None, datetime]]) -> None:
        """`sent` for several rows, in one transaction."""
        with self.store.atomic():
            for pending, delivery, now in marks:
                self.db.execute(
                    "UPDATE outbox SET state = 'sent', sent_at = ?, attempts = attempts + 1"
                    " WHERE id = ?",
                    [iso(now), pending.id],
                )
                message = pending.message
                if message.ref and delivery is not None:
                    self.db.execute(
                        "INSERT OR REPLACE INTO sent_refs (ref, platform, chat_id, message_id,"
                        " thread_id) VALUES (?, ?, ?, ?, ?)",
                        [
                            message.ref,
                            message.address.platform,
                            delivery.chat_id or message.address.chat_id,
                            delivery.message_id,
                            delivery.thread_id or message.address.thread_id,
                        ],
                    )

    def retry(self, pending: Pending, error: str, retry_after: float | None, now: datetime) -> None:
        """Try again later: after `retry_after`, or with exponential backoff."""
        delay = retry_after if retry_after is not None else backoff(pending.attempts)
        self.db.execute(
            "UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, error = ?"
            " WHERE id = ?",
            [iso(now + timedelta(seconds=delay)), error[:300], pending.id],
        )

    def failed(self, pending: Pending, error: str, now: datetime) -> None:
        """Give up on a row for good; tell the mentor's space when asked to."""
        with self.store.atomic():
            self.db.execute(
                "UPDATE outbox SET state = 'failed', attempts = attempts + 1, error = ?"
                " WHERE id = ?",
                [error[:300], pending.id],
            )
            notice_to = pending.message.notice_to
            if notice_to is not None:
                notice = Outgoing(
                    address=notice_to,
                    text=t("mentor.delivery_failed", "en", reason=error[:120]),
                    meta={"thread_ref": pending.message.meta.get("notice_thread_ref", "")},
                )
                self.db.execute(
                    "INSERT INTO outbox (platform, chat_id, payload, state, attempts,"
                    " next_attempt_at, created) VALUES (?, ?, ?, 'pending', 0, ?, ?)",
                    [notice_to.platform, notice_to.chat_id, encode(notice), iso(now), iso(now)],
                )
            if "blocked" in error.lower() or "cannot send" in error.lower():
                self.db.execute(
                    "UPDATE conversations SET chat_kind = 'private-unreachable' WHERE"
                    " platform = ? AND chat_id = ? AND chat_kind = 'private'",
                    [pending.message.address.platform, pending.message.address.chat_id],
                )

    def pending_count(self, platforms: set[str] | None = None) -> int:
        rows = self.db.execute(
            "SELECT platform, COUNT(*) FROM outbox WHERE state = 'pending' GROUP BY platform"
        ).fetchall()
        return sum(n for platform, n in rows if platforms is None or platform in platforms)


class SentMarks:
    """Marks delivered messages sent, through `write` (the writer's urgent jobs). Marks that
    come in while earlier ones are being written go together, in one job and one
    transaction: none later than it would have been alone."""

    def __init__(self, outbox: Outbox, write: Callable[..., Awaitable[Any]]):
        self._outbox = outbox
        self._write = write
        self._waiting: list[tuple[Pending, Delivery | None, datetime, asyncio.Future[None]]] = []
        self._task: asyncio.Task[None] | None = None

    async def mark(self, pending: Pending, delivery: Delivery | None, now: datetime) -> None:
        """Mark one delivered message sent; returns once it is written."""
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._waiting.append((pending, delivery, now, future))
        if self._task is None:
            self._task = asyncio.get_running_loop().create_task(self._rounds())
        await future

    async def _rounds(self) -> None:
        try:
            while self._waiting:
                batch, self._waiting = self._waiting, []
                marks = [(pending, delivery, now) for pending, delivery, now, _ in batch]
                try:
                    await self._write(self._outbox.sent_many, marks)
                    outcomes: list[Exception | None] = [None] * len(batch)
                except Exception as error:
                    if len(batch) == 1:
                        outcomes = [error]
                    else:  # one bad row must not fail the others: each on its own
                        outcomes = [await self._alone(*mark) for mark in marks]
                for (*_, future), outcome in zip(batch, outcomes, strict=True):
                    if future.done():
                        continue
                    if outcome is None:
                        future.set_result(None)
                    else:
                        future.set_exception(outcome)
        finally:
            self._task = None

    async def _alone(
        self, pending: Pending, delivery: Delivery | None, now: datetime
    ) -> Exception | None:
        try:
            await self._write(self._outbox.sent, pending, delivery, now)
        except Exception as error:
            return error
        return None
