"""Asking for a person, leaving the queue, claiming: the moves newcomers and mentors start."""

from __future__ import annotations

from datetime import datetime, timedelta

from bot.context import Context
from bot.handoff.briefs import announce, bot_answer
from bot.handoff.membership import enrol, is_mentor
from bot.handoff.moves import transition
from bot.handoff.states import ACTIVE, CANCELLED, CLOSED, REQUESTED
from bot.handoff.timers import slow_notice
from bot.i18n import t
from bot.models import Address, Outgoing, Sender, UserRef
from bot.store.records import iso


def request(
    ctx: Context,
    sender: Sender,
    address: Address,
    lang: str,
    chat_kind: str,
    question: str = "",
) -> list[Outgoing]:
    """A newcomer asks for a person: queue them and announce it in every mentor room."""
    now = ctx.clock()
    say = ctx.say
    if chat_kind == "group":
        link = say.private_link(sender.ref.platform, "mentor")
        key = "handoff.go_private" if link else "handoff.go_private_nolink"
        return [say.reply(address, t(key, lang, link=link))]
    if not say.rooms():
        return [say.reply(address, t("handoff.no_mentors", lang))]
    existing = ctx.handoffs.open_for(sender.ref)
    if existing is not None:
        if existing.state == ACTIVE:
            text = t("handoff.already_active", lang, mentor=existing.mentor_name)
        else:
            text = t("handoff.already_queued", lang, position=ctx.handoffs.position(existing.id))
        return [say.reply(address, text)]
    asked = [row for row in ctx.store.recent_questions(sender.ref, 5) if row["action"] != "handoff"]
    last = asked[-1] if asked else None
    question = question if question and not last else (last["text"] if last else question)
    settings = ctx.settings
    handoff = ctx.handoffs.create(
        sender.ref,
        address.chat_id,
        sender.first_name or "Newcomer",
        lang,
        question,
        bot_answer=bot_answer(ctx, last),
        created=iso(now),
        announce_again_at=iso(now + timedelta(minutes=settings.reannounce_minutes)),
        give_up_notice_at=iso(now + timedelta(minutes=settings.give_up_notice_minutes)),
    )
    ctx.handoffs.log(handoff.id, "system", f"requested: {question[:200]}", now)
    cancel = say.button("/cancel", "cancel_handoff", sender.ref, h=handoff.id)
    position = ctx.handoffs.position(handoff.id)
    out = [say.reply(address, t("handoff.queued", lang, position=position), [[cancel]])]
    out += announce(ctx, handoff, now)
    if ctx.mentors.nobody_on_shift():
        out += slow_notice(ctx, handoff, now)
    return out


def leave(ctx: Context, sender: Sender, address: Address, lang: str) -> list[Outgoing]:
    """/cancel leaves the queue; /end closes a conversation with a mentor."""
    now = ctx.clock()
    handoff = ctx.handoffs.open_for(sender.ref)
    if handoff is not None:
        to = CANCELLED if handoff.state == REQUESTED else CLOSED
        moved = transition(ctx, handoff, to, now, by="newcomer")
        if moved.handoff is not None:
            return moved.out
    return [ctx.say.reply(address, t("handoff.nothing_open", lang))]


def end_for(ctx: Context, ref: UserRef, now: datetime, *, by: str) -> list[Outgoing]:
    """Close or cancel whatever a user has open (they /forget, or a mentor blocks them)."""
    handoff = ctx.handoffs.open_for(ref)
    if handoff is None:
        return []
    to = CANCELLED if handoff.state == REQUESTED else CLOSED
    return transition(ctx, handoff, to, now, by=by).out


def claim(
    ctx: Context, sender: Sender, address: Address, handoff_id: int, lang: str, now: datetime
) -> list[Outgoing]:
    """First claim by a live mentor wins; the others are told who got there first."""
    say = ctx.say
    if not is_mentor(ctx, sender):
        return [say.reply(address, t("mentor.only_mentors", lang))]
    mentor = enrol(ctx, sender, now)
    if not mentor.on_shift:
        return [say.reply(address, t("mentor.off_shift", lang))]
    held = len(ctx.handoffs.held_by(sender.ref))
    capacity = mentor.capacity or ctx.settings.mentor_capacity
    if held >= capacity:
        text = t("mentor.at_capacity", lang, count=held, capacity=capacity)
        return [say.reply(address, text)]
    handoff = ctx.handoffs.get(handoff_id)
    if handoff is None:
        return [say.reply(address, t("input.button_stale", lang))]
    if handoff.state == REQUESTED:
        moved = transition(ctx, handoff, ACTIVE, now, by="mentor", mentor=mentor, where=address)
        if moved.handoff is not None:
            return moved.out
    current = ctx.handoffs.get(handoff_id) or handoff
    if current.state == ACTIVE:
        text = t("mentor.already_claimed", lang, id=handoff_id, mentor=current.mentor_name)
    else:
        text = t("mentor.not_open", lang, id=handoff_id)
    return [say.reply(address, text)]
