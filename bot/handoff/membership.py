"""Who is a mentor: decided by the platform at each privileged act, revoked when it says so."""

from __future__ import annotations

import logging
from datetime import datetime

from bot.context import Context
from bot.handoff.moves import transition
from bot.handoff.states import REQUESTED
from bot.handoff.values import Mentor
from bot.i18n import t
from bot.models import MemberChanged, Outgoing, Sender, UserRef

logger = logging.getLogger(__name__)


def is_admin(ctx: Context, ref: UserRef) -> bool:
    return ctx.settings.is_admin(ref.platform, ref.user_id)


def is_mentor(ctx: Context, sender: Sender) -> bool:
    """A live mentor: the platform says so for this very event, or they are an admin.

    A row in the mentors table grants nothing by itself: it only keeps a mentor's settings.
    """
    return sender.is_room_member or is_admin(ctx, sender.ref)


def enrol(ctx: Context, sender: Sender, now: datetime) -> Mentor:
    """The mentor's row, created on their first act and stamped as confirmed now."""
    capacity = ctx.settings.mentor_capacity
    if sender.is_room_member:
        return ctx.mentors.confirm(sender.ref, sender.first_name, now, capacity)
    known = ctx.mentors.mentor(sender.ref)  # an admin acting outside the mentor room
    return known or ctx.mentors.confirm(sender.ref, sender.first_name, now, capacity)


def member_changed(ctx: Context, event: MemberChanged, now: datetime) -> list[Outgoing]:
    """The platform says someone joined or left the mentors: record it; a mentor who left
    gives their open handoffs back to the queue, and each newcomer is told."""
    if event.mentor:
        known = ctx.mentors.mentor(event.ref)
        if known is not None:  # enrolment waits for their first act; this re-confirms
            ctx.mentors.confirm(event.ref, event.first_name, now, known.capacity)
        return []
    if is_admin(ctx, event.ref):
        return []
    if not ctx.mentors.revoke(event.ref, now):
        return []
    logger.info("mentor %s left the mentors; their handoffs go back to the queue", event.ref)
    out: list[Outgoing] = []
    for handoff in ctx.handoffs.held_by(event.ref):
        note = t("mentor.left_team_note", "en", mentor=handoff.mentor_name)
        out += transition(ctx, handoff, REQUESTED, now, by="left", note=note).out
    return out
