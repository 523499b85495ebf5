"""The core's records: people, conversations, the message log, questions, feedback, buttons."""

from __future__ import annotations

import json
import secrets
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from typing import Any

from sqlite_utils import Database

from bot.models import Address, Outgoing, Sender, UserRef


def iso(moment: datetime) -> str:
    """Timestamps are stored as ISO 8601 text in UTC."""
    return moment.isoformat(timespec="milliseconds")


# The console is the operator's own terminal (and piped scripts): no flood limit there.
UNTHROTTLED_PLATFORMS = frozenset({"console"})


class Store:
    """All reads and writes of the core's own tables, on one sqlite-utils Database."""

    def __init__(self, db: Database):
        self.db = db
        self._local = threading.local()
        # Read here, on the thread that opened it: other threads never touch this connection.
        self._file = database_file(db)

    def reader(self) -> Store:
        """This store on the calling thread's own read-only connection, for work done off
        the writer thread (an in-memory database has only the one connection)."""
        found: Store | None = getattr(self._local, "store", None)
        if found is not None:
            return found
        path = self._file
        if not path:
            return self
        conn = sqlite3.connect(path, timeout=10.0)
        conn.execute("PRAGMA query_only = 1")
        found = Store(Database(conn))
        self._local.store = found
        return found

    @contextmanager
    def atomic(self) -> Iterator[None]:
        """One transaction: an event's effects and its outbox rows commit together.

        The outermost level takes the write lock up front (BEGIN IMMEDIATE), so concurrent
        writers wait on the busy timeout instead of failing on a lock upgrade.
        """
        conn = self.db.conn
        if conn.in_transaction:
            with self.db.atomic():
                yield
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    # --- exactly-once intake
    def seen(self, key: str) -> bool:
        return bool(self.db.execute("SELECT 1 FROM inbox WHERE key = ?", [key]).fetchone())

    def remember(self, key: str, now: datetime) -> None:
        self.db.execute("INSERT INTO inbox (key, received) VALUES (?, ?)", [key, iso(now)])

    # --- users
    def user(self, ref: UserRef) -> dict[str, Any] | None:
        rows = list(
            self.db.query(
                "SELECT * FROM users WHERE platform = ? AND user_id = ?",
                [ref.platform, ref.user_id],
            )
        )
        return rows[0] if rows else None

    def touch_user(self, sender: Sender, language: str, now: datetime) -> dict[str, Any]:
        """Create or refresh a user; returns the row."""
        row = self.user(sender.ref)
        if row is None:
            row = {
                "platform": sender.ref.platform,
                "user_id": sender.ref.user_id,
                "first_name": sender.first_name[:64],
                "language": language,
                "language_chosen": 0,
                "blocked": 0,
                "created": iso(now),
                "last_seen": iso(now),
            }
            self.db.table("users").insert(row)
            return row
        self.db.execute(
            "UPDATE users SET first_name = ?, last_seen = ? WHERE platform = ? AND user_id = ?",
            [sender.first_name[:64] or row["first_name"], iso(now), *_key(sender.ref)],
        )
        return row

    def set_language(self, ref: UserRef, language: str) -> None:
        self.db.execute(
            "UPDATE users SET language = ?, language_chosen = 1 WHERE platform = ? AND user_id = ?",
            [language, *_key(ref)],
        )

    def set_blocked(self, ref: UserRef, blocked: bool, now: datetime) -> None:
        if self.user(ref) is None:
            self.db.table("users").insert(
                {
                    "platform": ref.platform,
                    "user_id": ref.user_id,
                    "first_name": "",
                    "language": "en",
                    "language_chosen": 0,
                    "blocked": int(blocked),
                    "created": iso(now),
                    "last_seen": iso(now),
                }
            )
        else:
            self.db.execute(
                "UPDATE users SET blocked = ? WHERE platform = ? AND user_id = ?",
                [int(blocked), *_key(ref)],
            )

    # --- conversations and the log
    def note_conversation(self, sender: Sender, address: Address, kind: str, now: datetime) -> None:
        self.db.execute(
            "INSERT INTO conversations (platform, user_id, chat_id, thread_id, chat_kind, started,"
            " last_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(platform, user_id, chat_id,"
            " chat_kind) DO UPDATE SET last_at = excluded.last_at, thread_id = excluded.thread_id",
            [*_key(sender.ref), address.chat_id, address.thread_id, kind, iso(now), iso(now)],
        )

    def private_address(self, ref: UserRef) -> Address | None:
        """The user's private chat with the bot, if they ever opened one."""
        row = self.db.execute(
            "SELECT chat_id FROM conversations WHERE platform = ? AND user_id = ? AND"
            " chat_kind = 'private' ORDER BY last_at DESC LIMIT 1",
            _key(ref),
        ).fetchone()
        return Address(ref.platform, row[0]) if row else None

    def log(self, ref: UserRef, address: Address, direction: str, text: str, now: datetime) -> None:
        self.db.execute(
            "INSERT INTO messages (platform, user_id, chat_id, direction, text, created)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [*_key(ref), address.chat_id, direction, text[:4000], iso(now)],
        )

    def log_question(
        self,
        ref: UserRef,
        text: str,
        language: str,
        action: str,
        article_id: str,
        passage_id: str,
        confidence: float,
        latency_ms: float,
        now: datetime,
        reason: str = "",
    ) -> int:
        cursor = self.db.execute(
            "INSERT INTO questions (platform, user_id, language, text, action, article_id,"
            " passage_id, confidence, latency_ms, created, reason)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            [
                *_key(ref),
                language,
                text[:2000],
                action,
                article_id,
                passage_id,
                confidence,
                latency_ms,
                iso(now),
                reason,
            ],
        )
        return int(cursor.lastrowid or 0)

    def question(self, question_id: int) -> dict[str, Any] | None:
        rows = list(self.db.query("SELECT * FROM questions WHERE id = ?", [question_id]))
        return rows[0] if rows else None

    def recent_questions(self, ref: UserRef, limit: int = 10) -> list[dict[str, Any]]:
        rows = list(
            self.db.query(
                "SELECT * FROM questions WHERE platform = ? AND user_id = ?"
                " ORDER BY id DESC LIMIT ?",
                [*_key(ref), limit],
            )
        )
        return list(reversed(rows))

    def vote(self, question_id: int, ref: UserRef, vote: int, now: datetime) -> None:
        self.db.execute(
            "INSERT INTO feedback (question_id, platform, user_id, vote, created)"
            " VALUES (?, ?, ?, ?, ?) ON CONFLICT(question_id, platform, user_id)"
            " DO UPDATE SET vote = excluded.vote, created = excluded.created",
            [question_id, *_key(ref), vote, iso(now)],
        )

    # --- buttons
    def issue(self, action: str, args: dict[str, Any], owner: UserRef | None, now: datetime) -> str:
        """A short unguessable token standing for an action; the only thing a button carries."""
        token = secrets.token_urlsafe(12)
        self.db.execute(
            "INSERT INTO callbacks (token, action, args, platform, user_id, created, used)"
            " VALUES (?, ?, ?, ?, ?, ?, 0)",
            [
                token,
                action,
                json.dumps(args),
                owner.platform if owner else None,
                owner.user_id if owner else None,
                iso(now),
            ],
        )
        return token

    def callback(self, token: str) -> dict[str, Any] | None:
        if not token or len(token) > 64:
            return None
        rows = list(self.db.query("SELECT * FROM callbacks WHERE token = ?", [token]))
        if not rows:
            return None
        row = rows[0]
        row["args"] = json.loads(row["args"] or "{}")
        return row

    # --- flood control
    def flood(self, ref: UserRef, now: datetime, limit: int, window: float) -> tuple[bool, bool]:
        """Record a message; return (over the limit, notice already sent in this burst)."""
        if ref.platform in UNTHROTTLED_PLATFORMS:
            return False, False
        row = self.db.execute(
            "SELECT stamps, noticed FROM flood WHERE platform = ? AND user_id = ?", _key(ref)
        ).fetchone()
        cutoff = (now - timedelta(seconds=window)).timestamp()
        stamps = [s for s in json.loads(row[0]) if s > cutoff] if row else []
        noticed = bool(row[1]) if row else False
        stamps.append(now.timestamp())
        over = len(stamps) > limit
        if not over:
            noticed = False
        self.db.execute(
            "INSERT INTO flood (platform, user_id, stamps, noticed) VALUES (?, ?, ?, ?)"
            " ON CONFLICT(platform, user_id) DO UPDATE SET stamps = excluded.stamps,"
            " noticed = excluded.noticed",
            [*_key(ref), json.dumps(stamps[-(limit + 1) :]), int(noticed or over)],
        )
        return over, noticed

    # --- outbox
    def enqueue(self, messages: list[Outgoing], now: datetime) -> None:
        for message in messages:
            self.db.execute(
                "INSERT INTO outbox (platform, chat_id, payload, state, attempts,"
                " next_attempt_at, created) VALUES (?, ?, ?, 'pending', 0, ?, ?)",
                [
                    message.address.platform,
                    message.address.chat_id,
                    encode(message),
                    iso(now),
                    iso(now),
                ],
            )

    # --- privacy
    def forget(self, ref: UserRef) -> None:
        """Delete everything about a user in the core's own tables (handoffs: HandoffRepo)."""
        key = _key(ref)
        for table in ("messages", "questions", "feedback", "conversations", "flood", "callbacks"):
            self.db.execute(f"DELETE FROM {table} WHERE platform = ? AND user_id = ?", key)
        self.db.execute("DELETE FROM users WHERE platform = ? AND user_id = ?", key)

    def purge(self, before: datetime) -> int:
        """The retention job: drop message logs, questions and transcripts older than `before`."""
        cutoff = iso(before)
        removed = 0
        for sql in (
            "DELETE FROM messages WHERE created < ?",
            "DELETE FROM questions WHERE created < ?",
            "DELETE FROM inbox WHERE received < ?",
            "DELETE FROM callbacks WHERE created < ?",
            "DELETE FROM outbox WHERE state != 'pending' AND created < ?",
        ):
            removed += self.db.execute(sql, [cutoff]).rowcount
        return removed


def database_file(db: Database) -> str:
    """The file behind a database ('' for an in-memory one)."""
    row = db.execute("PRAGMA database_list").fetchone()
    return str(row[2] or "") if row else ""


def _key(ref: UserRef) -> list[str]:
    return [ref.platform, ref.user_id]


def encode(message: Outgoing) -> str:
    """An Outgoing as JSON, for the outbox."""
    return json.dumps(
        {
            "address": [
                message.address.platform,
                message.address.chat_id,
                message.address.thread_id,
            ],
            "text": message.text,
            "buttons": [[[b.label, b.token, b.url] for b in row] for row in message.buttons],
            "ref": message.ref,
            "edit_ref": message.edit_ref,
            "new_thread": message.new_thread,
            "attachment": message.attachment,
            "notice_to": [
                message.notice_to.platform,
                message.notice_to.chat_id,
                message.notice_to.thread_id,
            ]
            if message.notice_to
            else None,
            "meta": message.meta,
            "image": message.image,
        },
        ensure_ascii=False,
    )


def decode(payload: str) -> Outgoing:
    """The inverse of `encode`."""
    from bot.models import Button

    data = json.loads(payload)
    notice = data.get("notice_to")
    return Outgoing(
        address=Address(*data["address"]),
        text=data["text"],
        buttons=tuple(tuple(Button(*b) for b in row) for row in data["buttons"]),
        ref=data.get("ref"),
        edit_ref=data.get("edit_ref"),
        new_thread=data.get("new_thread"),
        attachment=data.get("attachment"),
        notice_to=Address(*notice) if notice else None,
        meta=data.get("meta") or {},
        image=data.get("image"),
    )
