"""Handoff deadlines: rows in the handoffs table, fired by the tick, so they survive restarts."""

from __future__ import annotations

import statistics
from datetime import datetime, timedelta

from bot.context import Context
from bot.handoff.briefs import announce, to_newcomer
from bot.handoff.moves import transition
from bot.handoff.states import CLOSED, REQUESTED
from bot.handoff.values import Handoff
from bot.i18n import t
from bot.models import Outgoing
from bot.store.records import iso


def expected_wait(ctx: Context) -> tuple[str, int]:
    """Which wait message to give, and the median minutes to claim lately."""
    if ctx.mentors.nobody_on_shift():
        return "wait_none_on_shift", 0
    waits = ctx.handoffs.claim_waits()
    if waits:
        return "wait_known", max(1, round(statistics.median(waits)))
    return "wait_unknown", 0


def slow_notice(ctx: Context, handoff: Handoff, now: datetime) -> list[Outgoing]:
    """The honest message about the wait, with the closest topics."""
    lang = handoff.language
    key, minutes = expected_wait(ctx)
    wait = t(f"handoff.{key}", lang, minutes=minutes)
    ctx.handoffs.update(handoff.id, give_up_notice_at=None)
    seen: list[str] = []
    for candidate in ctx.answering.answerer.retrieve(handoff.question or ""):
        if candidate.english_id not in seen:
            seen.append(candidate.english_id)
    buttons = [
        [ctx.say.button(ctx.say.title(english_id, lang), "art", None, id=english_id)]
        for english_id in seen[:3]
    ]
    return [to_newcomer(ctx, handoff, t("handoff.slow", lang, wait=wait), buttons)]


def tick(ctx: Context, now: datetime) -> list[Outgoing]:
    """Fire every deadline that has passed; rows, not sleeping tasks, hold the timers."""
    out: list[Outgoing] = []
    stamp = iso(now)
    waiting, silent, idle = ctx.handoffs.due(now)
    for handoff in waiting:
        if handoff.announce_again_at and handoff.announce_again_at <= stamp:
            again = iso(now + timedelta(minutes=ctx.settings.reannounce_minutes))
            ctx.handoffs.update(handoff.id, announce_again_at=again)
            out += announce(ctx, handoff, now)
        if handoff.give_up_notice_at and handoff.give_up_notice_at <= stamp:
            out += slow_notice(ctx, handoff, now)
        else:
            position = ctx.handoffs.position(handoff.id)
            still = t("handoff.still_waiting", handoff.language, position=position)
            out.append(to_newcomer(ctx, handoff, still))
    for handoff in silent:
        out += transition(ctx, handoff, REQUESTED, now, by="silent").out
    for handoff in idle:  # one released just above loses this move: nothing is said twice
        out += transition(ctx, handoff, CLOSED, now, by="idle").out
    return out
