"""Dashboard login: one-time links, sessions in SQLite, and who may see what, per request.

Only SHA-256 digests of link tokens and session ids are stored: a copy of the database
opens no session. Rights are never stored with the session: each request asks again
whether its owner is an admin (GUIDE_ADMINS) or a mentor the platform has not revoked.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from sqlite_utils import Database

from bot.handoff.mentors import MentorRoster
from bot.models import UserRef
from bot.settings import Settings
from bot.store.records import iso

LINK_TTL = timedelta(minutes=10)
SESSION_TTL = timedelta(hours=12)
Role = Literal["admin", "mentor"]


def digest(secret: str) -> str:
    """What is stored in place of a token or session id."""
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Session:
    """A signed-in browser: whose it is, its CSRF token, when it ends."""

    key: str  # the digest of the session id
    ref: UserRef
    csrf: str
    expires: str

    def csrf_ok(self, token: str | None) -> bool:
        return bool(token) and hmac.compare_digest(self.csrf, token or "")


@dataclass(frozen=True)
class Viewer:
    """Who is looking at the dashboard right now, with the rights they have right now."""

    session: Session
    role: Role
    name: str
    language: str | None

    @property
    def ref(self) -> UserRef:
        return self.session.ref

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"


class Logins:
    """Every SQL statement on the dashboard's links and sessions."""

    def __init__(self, db: Database):
        self.db = db

    def issue(self, ref: UserRef, now: datetime) -> str:
        """A new single-use login link token for `ref`, valid for LINK_TTL."""
        self.db.execute("DELETE FROM dashboard_links WHERE expires < ?", [iso(now)])
        token = secrets.token_urlsafe(32)
        self.db.execute(
            "INSERT INTO dashboard_links (token_hash, platform, user_id, created, expires)"
            " VALUES (?, ?, ?, ?, ?)",
            [digest(token), ref.platform, ref.user_id, iso(now), iso(now + LINK_TTL)],
        )
        return token

    def redeem(self, token: str, now: datetime) -> tuple[str, Session] | None:
        """Use a link once: a new session (its raw id and row), or None when the link is
        unknown, used or expired."""
        key = digest(token)
        cursor = self.db.execute(
            "UPDATE dashboard_links SET used_at = ? WHERE token_hash = ? AND used_at IS NULL"
            " AND expires > ?",
            [iso(now), key, iso(now)],
        )
        if cursor.rowcount != 1:
            return None
        row = self.db.execute(
            "SELECT platform, user_id FROM dashboard_links WHERE token_hash = ?", [key]
        ).fetchone()
        ref = UserRef(str(row[0]), str(row[1]))
        self.db.execute("DELETE FROM dashboard_sessions WHERE expires < ?", [iso(now)])
        session_id, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(24)
        expires = iso(now + SESSION_TTL)
        self.db.execute(
            "INSERT INTO dashboard_sessions (id_hash, platform, user_id, csrf, created, expires)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [digest(session_id), ref.platform, ref.user_id, csrf, iso(now), expires],
        )
        return session_id, Session(digest(session_id), ref, csrf, expires)

    def session(self, session_id: str, now: datetime) -> Session | None:
        """The live session with this id, if any."""
        key = digest(session_id)
        row = self.db.execute(
            "SELECT platform, user_id, csrf, expires FROM dashboard_sessions"
            " WHERE id_hash = ? AND expires > ?",
            [key, iso(now)],
        ).fetchone()
        if row is None:
            return None
        return Session(key, UserRef(str(row[0]), str(row[1])), str(row[2]), str(row[3]))

    def end(self, key: str) -> None:
        """End one session (by its digest)."""
        self.db.execute("DELETE FROM dashboard_sessions WHERE id_hash = ?", [key])

    def end_all(self, ref: UserRef) -> int:
        """End every session of a person; how many there were."""
        cursor = self.db.execute(
            "DELETE FROM dashboard_sessions WHERE platform = ? AND user_id = ?",
            [ref.platform, ref.user_id],
        )
        return cursor.rowcount


def role(settings: Settings, db: Database, ref: UserRef) -> Role | None:
    """The rights `ref` has now: admins always; mentors while the platform has not revoked
    them (the mentors table's `active`, cleared when they leave the mentor room)."""
    if settings.is_admin(ref.platform, ref.user_id):
        return "admin"
    mentor = MentorRoster(db).mentor(ref)
    return "mentor" if mentor is not None and mentor.active else None


def viewer(settings: Settings, db: Database, session: Session) -> Viewer | None:
    """The viewer behind a live session, with their rights checked again; None when its
    owner is no longer a mentor."""
    rights = role(settings, db, session.ref)
    if rights is None:
        return None
    mentor = MentorRoster(db).mentor(session.ref)
    rows = list(
        db.query(
            "SELECT first_name, language, language_chosen FROM users"
            " WHERE platform = ? AND user_id = ?",
            [session.ref.platform, session.ref.user_id],
        )
    )
    user = rows[0] if rows else {}
    name = (mentor.display_name if mentor else "") or str(user.get("first_name") or "")
    language = str(user["language"]) if user.get("language_chosen") else None
    return Viewer(session, rights, name or rights, language)
