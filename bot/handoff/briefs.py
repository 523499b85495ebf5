"""What mentors read: the announcement of a request, its edits, and the brief at claim."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from bot.i18n import t
from bot.models import Outgoing, UserRef

if TYPE_CHECKING:
    from bot.handoff.desk import HandoffDesk


def bot_answer(desk: HandoffDesk, question: dict[str, Any] | None, lang: str) -> str:
    """What the bot did with a question, for the announcement."""
    if question is None:
        return "—"
    article = desk.answering.catalog.localized(question["article_id"] or "", "en")
    title = f" ({article.title})" if article else ""
    return f"{question['action']}{title}"


def brief(desk: HandoffDesk, handoff: dict[str, Any], now: datetime) -> str:
    """The brief a mentor gets at claim: who, how long they waited, the conversation so far."""
    ref = UserRef(handoff["newcomer_platform"], handoff["newcomer_user"])
    lines = []
    for row in desk.store.recent_questions(ref, 8):
        lines.append(t("mentor.history_q", "en", text=row["text"][:300]))
        article = desk.answering.catalog.localized(row["article_id"] or "", "en")
        lines.append(
            t(
                "mentor.history_a",
                "en",
                action=row["action"],
                article=f"— {article.title}" if article else "",
            )
        )
    for row in desk.db.query(
        "SELECT author, text FROM handoff_messages WHERE handoff_id = ? AND author IN"
        " ('newcomer', 'mentor') ORDER BY id",
        [handoff["id"]],
    ):
        lines.append(f"• {row['author']}: {row['text'][:300]}")
    note = (
        t("mentor.announce_note", "en", note=handoff["release_note"])
        if handoff["release_note"]
        else ""
    )
    return t(
        "mentor.brief",
        "en",
        name=handoff["newcomer_name"],
        id=handoff["id"],
        platform=handoff["newcomer_platform"],
        language=handoff["language"],
        waited=minutes_since(handoff["created"], now),
        mentor=handoff["mentor_name"],
        note=note,
        history="\n".join(lines) or t("mentor.history_empty", "en"),
    )


def announce(desk: HandoffDesk, handoff: dict[str, Any], now: datetime) -> list[Outgoing]:
    """Post the request in every mentor room with a Claim button (one round per call)."""
    round_ = int(handoff["announcements"] or 0)
    out = []
    for room in desk.rooms():
        speakers = [
            row
            for row in desk.db.query(
                "SELECT user_id, display_name, languages FROM mentors WHERE platform = ?"
                " AND on_shift = 1",
                [room.platform],
            )
            if handoff["language"] in (row["languages"] or "").split()
        ]
        mentions = ""
        if speakers:
            mentions = t(
                "mentor.announce_mentions",
                "en",
                language=t(f"language.{handoff['language']}", "en"),
                names=", ".join(row["display_name"] for row in speakers),
            )
        note = (
            t("mentor.announce_note", "en", note=handoff["release_note"])
            if handoff["release_note"]
            else ""
        )
        text = t(
            "mentor.announce",
            "en",
            id=handoff["id"],
            name=handoff["newcomer_name"],
            platform=handoff["newcomer_platform"],
            language=handoff["language"],
            since=handoff["created"][11:16],
            waited=minutes_since(handoff["created"], now),
            question=(handoff["question"] or "—")[:300],
            answer=handoff["bot_answer"] or "—",
            note=note,
            mentions=mentions,
        )
        claim = desk.engine.button(t("mentor.claim", "en"), "claim", None, h=handoff["id"])
        out.append(
            Outgoing(
                address=room,
                text=text,
                buttons=((claim,),),
                ref=f"announce:{handoff['id']}:{room.platform}:{round_}",
                meta={"mentions": ",".join(row["user_id"] for row in speakers)},
            )
        )
    desk.db.execute(
        "UPDATE handoffs SET announcements = ? WHERE id = ?", [round_ + 1, handoff["id"]]
    )
    return out


def edit_announcements(desk: HandoffDesk, handoff: dict[str, Any], text: str) -> list[Outgoing]:
    """Edit every announcement of a handoff (claimed, withdrawn)."""
    rounds = int((desk.handoff(handoff["id"]) or handoff)["announcements"] or 0)
    return [
        Outgoing(address=room, text=text, edit_ref=f"announce:{handoff['id']}:{room.platform}:{n}")
        for room in desk.rooms()
        for n in range(rounds)
    ]


def minutes_since(since: str | None, now: datetime) -> int:
    """Whole minutes from an ISO timestamp to now."""
    if not since:
        return 0
    return max(0, int((now - datetime.fromisoformat(since)).total_seconds() // 60))
