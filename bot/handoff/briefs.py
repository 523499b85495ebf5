"""What mentors and newcomers read about a handoff: announcements, briefs, notices.

Pure builders over the context: they read, and never move a handoff's state.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from bot.context import Context
from bot.handoff.values import Handoff
from bot.i18n import t
from bot.models import Address, Button, Outgoing


def minutes_since(since: str | None, now: datetime) -> int:
    """Whole minutes from an ISO timestamp to now."""
    if not since:
        return 0
    return max(0, int((now - datetime.fromisoformat(since)).total_seconds() // 60))


def to_space(ctx: Context, handoff: Handoff, text: str) -> Outgoing:
    """A message into the handoff's own space (thread, topic or private chat)."""
    room = ctx.say.room(handoff.mentor_platform or "") or Address(
        handoff.mentor_platform or "", handoff.space_chat or ""
    )
    return Outgoing(address=room, text=text, meta={"thread_ref": handoff.space})


def to_newcomer(
    ctx: Context, handoff: Handoff, text: str, buttons: list[list[Button]] | None = None
) -> Outgoing:
    """A message to the newcomer of a handoff, in their private chat with the bot."""
    return ctx.say.reply(handoff.newcomer_address, text, buttons)


def bot_answer(ctx: Context, question: dict[str, Any] | None) -> str:
    """What the bot did with a question, for the announcement."""
    if question is None:
        return "—"
    article = ctx.answering.catalog.localized(question["article_id"] or "", "en")
    title = f" ({article.title})" if article else ""
    return f"{question['action']}{title}"


def _note(handoff: Handoff) -> str:
    if not handoff.release_note:
        return ""
    return t("mentor.announce_note", "en", note=handoff.release_note)


def brief(ctx: Context, handoff: Handoff, now: datetime) -> str:
    """The brief a mentor gets at claim: who, how long they waited, the conversation so far."""
    lines = []
    for row in ctx.store.recent_questions(handoff.newcomer, 8):
        lines.append(t("mentor.history_q", "en", text=row["text"][:300]))
        article = ctx.answering.catalog.localized(row["article_id"] or "", "en")
        title = f"— {article.title}" if article else ""
        lines.append(t("mentor.history_a", "en", action=row["action"], article=title))
    for row in ctx.handoffs.transcript(handoff.id, ("newcomer", "mentor")):
        lines.append(f"• {row['author']}: {row['text'][:300]}")
    return t(
        "mentor.brief",
        "en",
        name=handoff.newcomer_name,
        id=handoff.id,
        platform=handoff.newcomer_platform,
        language=handoff.language,
        waited=minutes_since(handoff.created, now),
        mentor=handoff.mentor_name,
        note=_note(handoff),
        history="\n".join(lines) or t("mentor.history_empty", "en"),
    )


def announce(ctx: Context, handoff: Handoff, now: datetime) -> list[Outgoing]:
    """Post the request in every mentor room with a Claim button (one round per call)."""
    round_ = handoff.announcements
    out = []
    for room in ctx.say.rooms():
        speakers = ctx.mentors.speakers(room.platform, handoff.language)
        mentions = ""
        if speakers:
            mentions = t(
                "mentor.announce_mentions",
                "en",
                language=t(f"language.{handoff.language}", "en"),
                names=", ".join(mentor.display_name for mentor in speakers),
            )
        text = t(
            "mentor.announce",
            "en",
            id=handoff.id,
            name=handoff.newcomer_name,
            platform=handoff.newcomer_platform,
            language=handoff.language,
            since=handoff.created[11:16],
            waited=minutes_since(handoff.created, now),
            question=(handoff.question or "—")[:300],
            answer=handoff.bot_answer or "—",
            note=_note(handoff),
            mentions=mentions,
        )
        claim = ctx.say.button(t("mentor.claim", "en"), "claim", None, h=handoff.id)
        out.append(
            Outgoing(
                address=room,
                text=text,
                buttons=((claim,),),
                ref=f"announce:{handoff.id}:{room.platform}:{round_}",
                meta={"mentions": ",".join(mentor.user_id for mentor in speakers)},
            )
        )
    ctx.handoffs.update(handoff.id, announcements=round_ + 1)
    return out


def edit_announcements(ctx: Context, handoff: Handoff, text: str) -> list[Outgoing]:
    """Edit every announcement of a handoff (claimed, withdrawn): the Claim button goes."""
    rounds = (ctx.handoffs.get(handoff.id) or handoff).announcements
    return [
        Outgoing(address=room, text=text, edit_ref=f"announce:{handoff.id}:{room.platform}:{n}")
        for room in ctx.say.rooms()
        for n in range(rounds)
    ]
