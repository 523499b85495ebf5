"""Numbered migrations of the bot's SQLite schema."""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("newcomer-guide")


@migrations()
def m001_people_and_messages(db: Database) -> None:
    """Users, their conversations and the message log."""
    db.table("users").create(
        {
            "platform": str,
            "user_id": str,
            "first_name": str,
            "language": str,
            "language_chosen": int,
            "blocked": int,
            "created": str,
            "last_seen": str,
        },
        pk=("platform", "user_id"),
        defaults={"language_chosen": 0, "blocked": 0, "first_name": ""},
    )
    db.table("conversations").create(
        {
            "id": int,
            "platform": str,
            "user_id": str,
            "chat_id": str,
            "thread_id": str,
            "chat_kind": str,
            "started": str,
            "last_at": str,
        },
        pk="id",
    )
    db.table("conversations").create_index(
        ["platform", "user_id", "chat_id", "chat_kind"], unique=True
    )
    db.table("messages").create(
        {
            "id": int,
            "platform": str,
            "user_id": str,
            "chat_id": str,
            "direction": str,
            "text": str,
            "created": str,
        },
        pk="id",
    )
    db.table("messages").create_index(["platform", "user_id"])
    db.table("messages").create_index(["created"])


@migrations()
def m002_questions_and_feedback(db: Database) -> None:
    """What was asked, what the bot did, and what the asker thought of it."""
    db.table("questions").create(
        {
            "id": int,
            "platform": str,
            "user_id": str,
            "language": str,
            "text": str,
            "action": str,
            "article_id": str,
            "passage_id": str,
            "confidence": float,
            "latency_ms": float,
            "created": str,
        },
        pk="id",
    )
    db.table("questions").create_index(["created"])
    db.table("questions").create_index(["platform", "user_id"])
    db.table("feedback").create(
        {
            "id": int,
            "question_id": int,
            "platform": str,
            "user_id": str,
            "vote": int,
            "created": str,
        },
        pk="id",
    )
    db.table("feedback").create_index(["question_id", "platform", "user_id"], unique=True)


@migrations()
def m003_delivery(db: Database) -> None:
    """Exactly-once handling: the inbox of event keys, the outbox, sent refs, buttons."""
    db.table("inbox").create({"key": str, "received": str}, pk="key")
    db.table("outbox").create(
        {
            "id": int,
            "platform": str,
            "chat_id": str,
            "payload": str,
            "state": str,
            "attempts": int,
            "next_attempt_at": str,
            "error": str,
            "created": str,
            "sent_at": str,
        },
        pk="id",
        defaults={"state": "pending", "attempts": 0},
    )
    db.table("outbox").create_index(["state", "next_attempt_at"])
    db.table("sent_refs").create(
        {"ref": str, "platform": str, "chat_id": str, "message_id": str, "thread_id": str},
        pk="ref",
    )
    db.table("callbacks").create(
        {
            "token": str,
            "action": str,
            "args": str,
            "platform": str,
            "user_id": str,
            "created": str,
            "used": int,
        },
        pk="token",
        defaults={"used": 0},
    )
    db.table("flood").create(
        {"platform": str, "user_id": str, "stamps": str, "noticed": int},
        pk=("platform", "user_id"),
        defaults={"noticed": 0},
    )


@migrations()
def m004_handoffs(db: Database) -> None:
    """Mentors, handoffs and their transcripts."""
    db.table("mentors").create(
        {
            "platform": str,
            "user_id": str,
            "display_name": str,
            "languages": str,
            "on_shift": int,
            "capacity": int,
            "created": str,
        },
        pk=("platform", "user_id"),
        defaults={"on_shift": 1, "languages": "en"},
    )
    db.table("handoffs").create(
        {
            "id": int,
            "state": str,
            "newcomer_platform": str,
            "newcomer_user": str,
            "newcomer_chat": str,
            "newcomer_name": str,
            "language": str,
            "question": str,
            "bot_answer": str,
            "mentor_platform": str,
            "mentor_user": str,
            "mentor_name": str,
            "space_platform": str,
            "space_chat": str,
            "space_thread": str,
            "release_note": str,
            "rating": int,
            "comment": str,
            "awaiting_comment": int,
            "created": str,
            "claimed_at": str,
            "closed_at": str,
            "last_activity": str,
            "announce_again_at": str,
            "give_up_notice_at": str,
            "mentor_silent_at": str,
            "idle_close_at": str,
            "announcements": int,
        },
        pk="id",
        defaults={"announcements": 0, "awaiting_comment": 0},
    )
    db.table("handoffs").create_index(["state"])
    db.table("handoffs").create_index(["newcomer_platform", "newcomer_user"])
    db.table("handoffs").create_index(["mentor_platform", "mentor_user"])
    db.table("handoff_messages").create(
        {"id": int, "handoff_id": int, "author": str, "text": str, "created": str},
        pk="id",
    )
    db.table("handoff_messages").create_index(["handoff_id"])


@migrations()
def m005_passages(db: Database) -> None:
    """The lexical side of the index: passages and their FTS5 table."""
    db.table("passages").create(
        {
            "id": str,
            "article_id": str,
            "language": str,
            "content_hash": str,
            "terms": str,
        },
        pk="id",
    )
    db.execute(
        "CREATE VIRTUAL TABLE passages_fts USING fts5(id UNINDEXED, terms, tokenize='unicode61')"
    )


@migrations()
def m006_retention_indexes(db: Database) -> None:
    """Indexes for the retention purge, which runs on every tick."""
    db.table("inbox").create_index(["received"])
    db.table("callbacks").create_index(["created"])
    db.table("outbox").create_index(["created"])
    db.table("handoff_messages").create_index(["created"])


@migrations()
def m007_passage_vectors(db: Database) -> None:
    """How many vectors each passage has in Chroma: its two views plus its `asked` phrasings."""
    db.table("passages").add_column("vectors", int, not_null_default=2)


@migrations()
def m008_question_reasons(db: Database) -> None:
    """Why an `unsure` was unsure: nothing close enough, off-topic, or a live figure."""
    db.table("questions").add_column("reason", str, not_null_default="")


@migrations()
def m009_live_mentors(db: Database) -> None:
    """Mentor rights come from the platform: whether a mentor still is one, and since when."""
    db.table("mentors").add_column("active", int, not_null_default=1)
    db.table("mentors").add_column("confirmed_at", str)


@migrations()
def m010_dashboard(db: Database) -> None:
    """The web dashboard: one-time login links, sessions and reviewed drafts. Only digests
    of links and session ids are stored, never the secrets themselves."""
    db.table("dashboard_links").create(
        {
            "token_hash": str,
            "platform": str,
            "user_id": str,
            "created": str,
            "expires": str,
            "used_at": str,
        },
        pk="token_hash",
    )
    db.table("dashboard_sessions").create(
        {
            "id_hash": str,
            "platform": str,
            "user_id": str,
            "csrf": str,
            "created": str,
            "expires": str,
        },
        pk="id_hash",
    )
    db.table("dashboard_sessions").create_index(["platform", "user_id"])
    db.table("draft_reviews").create(
        {"name": str, "platform": str, "user_id": str, "reviewed_at": str}, pk="name"
    )
