"""The handoff repository: every SQL statement on handoffs and their transcripts."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlite_utils import Database

from bot.handoff.states import REQUESTED, check
from bot.handoff.values import Handoff
from bot.models import Address, UserRef
from bot.store.records import iso


class StateWrite(Exception):
    """`update` was asked to write a handoff's state: only `move` does that."""


class HandoffRepo:
    """Reads and writes handoffs and transcripts; nothing else touches those tables."""

    def __init__(self, db: Database):
        self.db = db

    # --- handoffs
    def _one(self, sql: str, params: list[Any]) -> Handoff | None:
        rows = list(self.db.query(sql, params))
        return Handoff.from_row(rows[0]) if rows else None

    def _many(self, sql: str, params: list[Any] | None = None) -> list[Handoff]:
        return [Handoff.from_row(row) for row in self.db.query(sql, params or [])]

    def get(self, handoff_id: int) -> Handoff | None:
        return self._one("SELECT * FROM handoffs WHERE id = ?", [handoff_id])

    def open_for(self, ref: UserRef) -> Handoff | None:
        """The newcomer's request in the queue or conversation with a mentor, if any."""
        return self._one(
            "SELECT * FROM handoffs WHERE newcomer_platform = ? AND newcomer_user = ?"
            " AND state IN ('requested', 'active') ORDER BY id DESC LIMIT 1",
            [ref.platform, ref.user_id],
        )

    def awaiting_comment(self, ref: UserRef) -> Handoff | None:
        return self._one(
            "SELECT * FROM handoffs WHERE newcomer_platform = ? AND newcomer_user = ?"
            " AND state = 'rated' AND awaiting_comment = 1 ORDER BY id DESC LIMIT 1",
            [ref.platform, ref.user_id],
        )

    def held_by(self, ref: UserRef) -> list[Handoff]:
        """The active handoffs a mentor holds."""
        return self._many(
            "SELECT * FROM handoffs WHERE mentor_platform = ? AND mentor_user = ?"
            " AND state = 'active' ORDER BY id",
            [ref.platform, ref.user_id],
        )

    def in_space(self, address: Address, *, prefer: UserRef | None = None) -> Handoff | None:
        """The handoff whose space (thread, topic or chat) this is.

        Without `prefer`: only an active one, the most recently busy. With it: open or
        closed, that mentor's own first, then active ones (for /suggest after a close).
        """
        where = (
            "SELECT h.* FROM handoffs h JOIN sent_refs r ON r.ref = 'space:' || h.id"
            " WHERE r.platform = ? AND r.chat_id = ? AND COALESCE(r.thread_id, '') = ?"
        )
        place = [address.platform, address.chat_id, address.thread_id or ""]
        if prefer is None:
            return self._one(
                where + " AND h.state = 'active' ORDER BY h.last_activity DESC LIMIT 1", place
            )
        return self._one(
            where + " ORDER BY (h.mentor_platform = ? AND h.mentor_user = ?) DESC,"
            " h.state = 'active' DESC, h.id DESC LIMIT 1",
            [*place, prefer.platform, prefer.user_id],
        )

    def queue(self) -> list[Handoff]:
        return self._many("SELECT * FROM handoffs WHERE state = 'requested' ORDER BY id")

    def position(self, handoff_id: int) -> int:
        row = self.db.execute(
            "SELECT COUNT(*) FROM handoffs WHERE state = 'requested' AND id <= ?", [handoff_id]
        ).fetchone()
        return int(row[0]) if row else 1

    def due(self, now: datetime) -> tuple[list[Handoff], list[Handoff], list[Handoff]]:
        """Handoffs with a deadline passed: (requested to announce or notice, mentor silent,
        idle)."""
        stamp = iso(now)
        waiting = self._many(
            "SELECT * FROM handoffs WHERE state = 'requested' AND"
            " (announce_again_at <= ? OR give_up_notice_at <= ?) ORDER BY id",
            [stamp, stamp],
        )
        silent = self._many(
            "SELECT * FROM handoffs WHERE state = 'active' AND mentor_silent_at <= ?", [stamp]
        )
        idle = self._many(
            "SELECT * FROM handoffs WHERE state = 'active' AND idle_close_at <= ?", [stamp]
        )
        return waiting, silent, idle

    def recent(self, since: datetime, limit: int) -> list[Handoff]:
        """Open handoffs and those created since `since`, newest first."""
        return self._many(
            "SELECT * FROM handoffs WHERE state IN ('requested', 'active') OR created >= ?"
            " ORDER BY id DESC LIMIT ?",
            [iso(since), limit],
        )

    def of_mentor(self, ref: UserRef, since: datetime, limit: int) -> list[Handoff]:
        """The handoffs a mentor holds, held or wrote in: open ones and those since `since`."""
        return self._many(
            "SELECT * FROM handoffs WHERE ((mentor_platform = ? AND mentor_user = ?)"
            " OR id IN (SELECT handoff_id FROM handoff_messages WHERE author = ?))"
            " AND (state IN ('requested', 'active') OR created >= ?) ORDER BY id DESC LIMIT ?",
            [ref.platform, ref.user_id, f"mentor:{ref}", iso(since), limit],
        )

    def claim_waits(self, limit: int | None = 50) -> list[float]:
        """Minutes from request to claim of the latest claimed handoffs (all with None)."""
        sql = (
            "SELECT created, claimed_at FROM handoffs WHERE claimed_at IS NOT NULL"
            " AND created IS NOT NULL ORDER BY id DESC"
        )
        rows = self.db.execute(sql + (" LIMIT ?" if limit else ""), [limit] if limit else [])
        return [
            (datetime.fromisoformat(claimed) - datetime.fromisoformat(created)).total_seconds() / 60
            for created, claimed in rows.fetchall()
        ]

    def created_since(self, since: datetime) -> list[Handoff]:
        """Every handoff requested since `since`, oldest first (for reports)."""
        return self._many("SELECT * FROM handoffs WHERE created >= ? ORDER BY id", [iso(since)])

    def queue_length(self) -> int:
        row = self.db.execute("SELECT COUNT(*) FROM handoffs WHERE state = 'requested'").fetchone()
        return int(row[0]) if row else 0

    def create(
        self, newcomer: UserRef, chat: str, name: str, language: str, question: str, **times: str
    ) -> Handoff:
        """A new request in the queue."""
        cursor = self.db.execute(
            "INSERT INTO handoffs (state, newcomer_platform, newcomer_user, newcomer_chat,"
            " newcomer_name, language, question, bot_answer, created, last_activity,"
            " announce_again_at, give_up_notice_at, announcements)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,0)",
            [
                REQUESTED,
                newcomer.platform,
                newcomer.user_id,
                chat,
                name[:40],
                language,
                question[:500],
                times.get("bot_answer", "—"),
                times["created"],
                times["created"],
                times["announce_again_at"],
                times["give_up_notice_at"],
            ],
        )
        created = self.get(int(cursor.lastrowid or 0))
        assert created is not None
        return created

    def move(self, handoff: Handoff, target: str, changes: dict[str, Any]) -> Handoff | None:
        """The one conditional UPDATE that changes a state; None when another change won."""
        check(handoff.state, target)
        columns = {**changes, "state": target}
        assignments = ", ".join(f"{column} = ?" for column in columns)
        cursor = self.db.execute(
            f"UPDATE handoffs SET {assignments} WHERE id = ? AND state = ?",
            [*columns.values(), handoff.id, handoff.state],
        )
        return self.get(handoff.id) if cursor.rowcount == 1 else None

    def update(self, handoff_id: int, **changes: Any) -> None:
        """Change columns other than the state (deadlines, activity, the rating's comment)."""
        if "state" in changes:
            raise StateWrite("a handoff's state changes only through transition()")
        assignments = ", ".join(f"{column} = ?" for column in changes)
        self.db.execute(
            f"UPDATE handoffs SET {assignments} WHERE id = ?", [*changes.values(), handoff_id]
        )

    def forget_newcomer(self, ref: UserRef) -> None:
        """Anonymise a newcomer's handoffs and delete their transcripts (states are left as
        they are: open ones were closed or cancelled through transition() first)."""
        key = [ref.platform, ref.user_id]
        ids = [
            row[0]
            for row in self.db.execute(
                "SELECT id FROM handoffs WHERE newcomer_platform = ? AND newcomer_user = ?", key
            ).fetchall()
        ]
        for handoff_id in ids:
            self.db.execute("DELETE FROM handoff_messages WHERE handoff_id = ?", [handoff_id])
        self.db.execute(
            "UPDATE handoffs SET newcomer_user = '', newcomer_chat = '', newcomer_name = '',"
            " question = '', bot_answer = '', comment = '', rating = NULL"
            " WHERE newcomer_platform = ? AND newcomer_user = ?",
            key,
        )

    # --- transcripts
    def log(self, handoff_id: int, author: str, text: str, now: datetime) -> None:
        self.db.execute(
            "INSERT INTO handoff_messages (handoff_id, author, text, created) VALUES (?,?,?,?)",
            [handoff_id, author, text[:4000], iso(now)],
        )

    def transcript(self, handoff_id: int, authors: tuple[str, ...] = ()) -> list[dict[str, Any]]:
        """The handoff's messages in order, optionally only those by some authors."""
        sql = "SELECT * FROM handoff_messages WHERE handoff_id = ?"
        params: list[Any] = [handoff_id]
        if authors:
            sql += f" AND author IN ({', '.join('?' for _ in authors)})"
            params += list(authors)
        return list(self.db.query(sql + " ORDER BY id", params))

    def mentor_of(self, handoff: Handoff, ref: UserRef) -> bool:
        """Whether `ref` holds or held this handoff, or wrote in it as a mentor."""
        return handoff.mentor == ref or self.took_part(handoff.id, f"mentor:{ref}")

    def took_part(self, handoff_id: int, author: str) -> bool:
        return bool(
            self.db.execute(
                "SELECT 1 FROM handoff_messages WHERE handoff_id = ? AND author = ?",
                [handoff_id, author],
            ).fetchone()
        )

    def purge(self, before: datetime) -> int:
        """Drop transcript lines older than `before` (the retention job)."""
        return self.db.execute(
            "DELETE FROM handoff_messages WHERE created < ?", [iso(before)]
        ).rowcount
