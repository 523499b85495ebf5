"""`transition`: the one way a handoff changes state, with its log line and what must be said."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from bot.context import Context
from bot.handoff.briefs import announce, brief, edit_announcements, to_newcomer, to_space
from bot.handoff.states import ACTIVE, CANCELLED, CLOSED, RATED, REQUESTED, check
from bot.handoff.values import Handoff, Mentor
from bot.i18n import t
from bot.models import Address, Outgoing
from bot.store.records import iso

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Moved:
    """The handoff after a move (None when another change got there first) and the messages."""

    handoff: Handoff | None
    out: list[Outgoing] = field(default_factory=list)


def transition(
    ctx: Context,
    handoff: Handoff,
    to: str,
    now: datetime,
    *,
    by: str,
    note: str = "",
    mentor: Mentor | None = None,
    where: Address | None = None,
    rating: int = 0,
) -> Moved:
    """Move `handoff` to state `to` if it is still where it was; log it; say what follows.

    `by` says who or what caused it (mentor, newcomer, silent, left, idle, forget, block).
    Claiming needs the `mentor` and `where` the claim came from; rating needs `rating`.
    """
    name = check(handoff.state, to)
    changes = _changes(ctx, handoff, to, now, note=note, mentor=mentor, rating=rating)
    moved = ctx.handoffs.move(handoff, to, changes)
    if moved is None:
        return Moved(None)
    author, line = _log_line(name, by, mentor, rating)
    ctx.handoffs.log(handoff.id, author, line, now)
    logger.info("handoff %s: %s by %s", handoff.id, name, by)
    if to == ACTIVE:
        assert mentor is not None and where is not None
        out = _claimed(ctx, moved, mentor, where, now)
    elif to == REQUESTED:
        out = _released(ctx, handoff, moved, by, now)
    elif to == CLOSED:
        out = _closed(ctx, moved, by)
    elif to == CANCELLED:
        out = _cancelled(ctx, moved, by)
    else:
        out = _rated(ctx, moved, rating, where)
    return Moved(moved, out)


def _changes(
    ctx: Context,
    handoff: Handoff,
    to: str,
    now: datetime,
    *,
    note: str,
    mentor: Mentor | None,
    rating: int,
) -> dict[str, Any]:
    settings = ctx.settings
    idle_at = iso(now + timedelta(hours=settings.idle_close_hours))
    if to == ACTIVE:
        assert mentor is not None
        return {
            "mentor_platform": mentor.platform,
            "mentor_user": mentor.user_id,
            "mentor_name": mentor.display_name,
            "claimed_at": iso(now),
            "last_activity": iso(now),
            "mentor_silent_at": iso(now + timedelta(minutes=settings.mentor_silent_minutes)),
            "idle_close_at": idle_at,
            "announce_again_at": None,
            "give_up_notice_at": None,
        }
    if to == REQUESTED:
        return {
            "mentor_platform": None,
            "mentor_user": None,
            "mentor_name": None,
            "release_note": note[:500] or handoff.release_note,
            "mentor_silent_at": None,
            "idle_close_at": None,
            "announce_again_at": iso(now + timedelta(minutes=settings.reannounce_minutes)),
            "give_up_notice_at": iso(now + timedelta(minutes=settings.give_up_notice_minutes)),
        }
    if to == RATED:
        return {"rating": rating, "awaiting_comment": 1}
    return {"closed_at": iso(now), "mentor_silent_at": None, "idle_close_at": None}


def _log_line(name: str, by: str, mentor: Mentor | None, rating: int) -> tuple[str, str]:
    if name == "claim" and mentor is not None:
        return f"mentor:{mentor.ref}", f"claimed by {mentor.display_name}"
    if name == "rate":
        return "newcomer", f"rating: {rating}/5"
    if name == "release":
        reasons = {"silent": " (mentor silent)", "left": " (mentor left the team)"}
        return "system", "released" + reasons.get(by, "")
    past = {"close": "closed", "cancel": "cancelled"}[name]
    return "system", f"{past} by {by}"


def _claimed(
    ctx: Context, handoff: Handoff, mentor: Mentor, pressed_in: Address, now: datetime
) -> list[Outgoing]:
    claimed = t(
        "mentor.claimed_by",
        "en",
        id=handoff.id,
        name=handoff.newcomer_name,
        mentor=mentor.display_name,
    )
    out = edit_announcements(ctx, handoff, claimed)
    out.append(_open_space(ctx, handoff, mentor, pressed_in, now))
    text = t("handoff.claimed_newcomer", handoff.language, mentor=mentor.display_name)
    out.append(to_newcomer(ctx, handoff, text))
    return out


def _open_space(
    ctx: Context, handoff: Handoff, mentor: Mentor, pressed_in: Address, now: datetime
) -> Outgoing:
    """The brief, posted where the conversation will happen: a new thread in the mentor
    room, or (with no room on the mentor's platform) their private chat."""
    room = ctx.say.room(mentor.platform)
    text = brief(ctx, handoff, now)
    private = ctx.store.private_address(mentor.ref)
    meta = {"fallback_chat": private.chat_id} if private else {}
    link = ctx.say.private_link(mentor.platform)
    if link:  # shown if the brief must land in the room because the mentor is unreachable
        meta["fallback_note"] = t("mentor.start_privately", "en", link=link)
    if room is None:
        target = private or pressed_in
        ctx.handoffs.update(handoff.id, space_chat=target.chat_id)
        return Outgoing(address=target, text=text, ref=handoff.space, meta=meta)
    name = f"#{handoff.id} {handoff.newcomer_name}"
    return Outgoing(address=room, text=text, ref=handoff.space, new_thread=name, meta=meta)


def _released(
    ctx: Context, before: Handoff, after: Handoff, by: str, now: datetime
) -> list[Outgoing]:
    minutes = int(ctx.settings.mentor_silent_minutes)
    if by == "left":
        space = t("mentor.left_team", "en", id=before.id, mentor=before.mentor_name)
        newcomer = "handoff.mentor_changed"
    else:
        key = "mentor.released_silent" if by == "silent" else "mentor.released"
        space = t(key, "en", id=before.id, minutes=minutes)
        newcomer = "handoff.released_newcomer"
    position = ctx.handoffs.position(after.id)
    return [
        to_space(ctx, before, space),
        to_newcomer(ctx, after, t(newcomer, after.language, position=position)),
        *announce(ctx, after, now),
    ]


def _closed(ctx: Context, handoff: Handoff, by: str) -> list[Outgoing]:
    lang, number = handoff.language, handoff.id
    if by == "idle":
        hours = int(ctx.settings.idle_close_hours)
        space = t("mentor.idle_closed", "en", id=number, hours=hours)
        newcomer = t("handoff.idle_closed_newcomer", lang)
    elif by == "forget":
        space = t("mentor.newcomer_left", "en", id=number, name=handoff.newcomer_name)
        newcomer = ""
    elif by == "block":
        space, newcomer = t("mentor.closed_blocked", "en", id=number), ""
    else:
        if by == "newcomer":
            space = t("mentor.closed_by_newcomer", "en", id=number, name=handoff.newcomer_name)
        else:
            space = t("mentor.closed", "en", id=number)
        newcomer = t("handoff.closed_newcomer", lang, mentor=handoff.mentor_name)
    out = [to_space(ctx, handoff, space)]
    if newcomer:
        stars = [] if by == "idle" else [_stars(ctx, handoff)]
        out.append(to_newcomer(ctx, handoff, newcomer, stars))
    return out


def _stars(ctx: Context, handoff: Handoff) -> list[Any]:
    return [
        ctx.say.button(str(n), "rate", handoff.newcomer, h=handoff.id, r=n) for n in range(1, 6)
    ]


def _cancelled(ctx: Context, handoff: Handoff, by: str) -> list[Outgoing]:
    if by == "newcomer":
        edit = t("mentor.cancelled_by_newcomer", "en", id=handoff.id, name=handoff.newcomer_name)
    else:
        reasons = {"block": "the newcomer was blocked", "forget": "the newcomer left"}
        edit = t("mentor.withdrawn", "en", id=handoff.id, reason=reasons.get(by, by))
    out = edit_announcements(ctx, handoff, edit)
    if by == "newcomer":
        out.insert(0, to_newcomer(ctx, handoff, t("handoff.cancelled", handoff.language)))
    return out


def _rated(ctx: Context, handoff: Handoff, rating: int, where: Address | None) -> list[Outgoing]:
    lang = handoff.language
    out = [ctx.say.reply(where or handoff.newcomer_address, t("handoff.rated", lang))]
    if handoff.mentor_platform:
        text = t("mentor.rating", "en", id=handoff.id, name=handoff.newcomer_name, rating=rating)
        out.append(to_space(ctx, handoff, text))
    return out
