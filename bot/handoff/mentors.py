"""The mentor roster: every SQL statement on the mentors table (settings and membership)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlite_utils import Database

from bot.handoff.values import Mentor
from bot.models import UserRef
from bot.store.records import iso


class MentorRoster:
    """Mentors as the bot knows them; whether someone *is* a mentor is the platform's word."""

    def __init__(self, db: Database):
        self.db = db

    def mentor(self, ref: UserRef) -> Mentor | None:
        rows = list(
            self.db.query(
                "SELECT * FROM mentors WHERE platform = ? AND user_id = ?",
                [ref.platform, ref.user_id],
            )
        )
        return Mentor.from_row(rows[0]) if rows else None

    def confirm(self, ref: UserRef, name: str, now: datetime, capacity: int) -> Mentor:
        """Record that the platform has just confirmed `ref` as a mentor (enrolling them)."""
        self.db.execute(
            "INSERT INTO mentors (platform, user_id, display_name, languages, on_shift, capacity,"
            " created, active, confirmed_at) VALUES (?, ?, ?, 'en', 1, ?, ?, 1, ?)"
            " ON CONFLICT(platform, user_id) DO UPDATE SET active = 1,"
            " confirmed_at = excluded.confirmed_at",
            [ref.platform, ref.user_id, (name or "Mentor")[:40], capacity, iso(now), iso(now)],
        )
        mentor = self.mentor(ref)
        assert mentor is not None
        return mentor

    def revoke(self, ref: UserRef, now: datetime) -> bool:
        """The platform says `ref` is no longer a mentor; True when they were one."""
        cursor = self.db.execute(
            "UPDATE mentors SET active = 0, confirmed_at = ? WHERE platform = ? AND user_id = ?"
            " AND active = 1",
            [iso(now), ref.platform, ref.user_id],
        )
        return cursor.rowcount == 1

    def set_mentor(self, ref: UserRef, **changes: Any) -> None:
        """A mentor's own settings: shift, languages, display name."""
        assignments = ", ".join(f"{column} = ?" for column in changes)
        self.db.execute(
            f"UPDATE mentors SET {assignments} WHERE platform = ? AND user_id = ?",
            [*changes.values(), ref.platform, ref.user_id],
        )

    def all(self, platform: str | None = None) -> list[Mentor]:
        sql = "SELECT * FROM mentors"
        params: list[Any] = []
        if platform:
            sql += " WHERE platform = ?"
            params.append(platform)
        rows = self.db.query(sql + " ORDER BY platform, created", params)
        return [Mentor.from_row(row) for row in rows]

    def speakers(self, platform: str, language: str) -> list[Mentor]:
        """Active mentors on shift on a platform who speak a language (to mention them)."""
        return [
            mentor
            for mentor in self.all(platform)
            if mentor.active and mentor.on_shift and language in mentor.languages.split()
        ]

    def nobody_on_shift(self) -> bool:
        """True only when active mentors are known and every one of them is off shift."""
        row = self.db.execute(
            "SELECT COUNT(*), SUM(on_shift) FROM mentors WHERE active = 1"
        ).fetchone()
        return bool(row and row[0] and not row[1])

    def to_confirm(self, before: datetime) -> list[UserRef]:
        """Active mentors holding a handoff whose membership was last confirmed before `before`."""
        rows = self.db.execute(
            "SELECT DISTINCT m.platform, m.user_id FROM mentors m JOIN handoffs h"
            " ON h.mentor_platform = m.platform AND h.mentor_user = m.user_id"
            " WHERE h.state = 'active' AND m.active = 1"
            " AND (m.confirmed_at IS NULL OR m.confirmed_at < ?)",
            [iso(before)],
        ).fetchall()
        return [UserRef(platform, user_id) for platform, user_id in rows]

    def forget(self, ref: UserRef) -> None:
        """Delete a user's mentor row (they asked the bot to forget them)."""
        self.db.execute(
            "DELETE FROM mentors WHERE platform = ? AND user_id = ?", [ref.platform, ref.user_id]
        )
