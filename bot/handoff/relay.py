"""Messages between a newcomer and their mentor, and the rating and comment after close."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from bot.context import Context
from bot.handoff.briefs import to_newcomer, to_space
from bot.handoff.membership import is_admin
from bot.handoff.moves import transition
from bot.handoff.states import CLOSED, RATED
from bot.handoff.values import Handoff
from bot.i18n import t
from bot.models import Address, IncomingMessage, Outgoing, Sender
from bot.store.records import iso


def _idle_at(ctx: Context, now: datetime) -> str:
    return iso(now + timedelta(hours=ctx.settings.idle_close_hours))


def relay_to_mentor(
    ctx: Context, handoff: Handoff, event: IncomingMessage, text: str, now: datetime
) -> list[Outgoing]:
    """A newcomer's message (or a note for an attachment) into the mentor's space."""
    name = handoff.newcomer_name
    out: list[Outgoing] = []
    if text:
        ctx.handoffs.log(handoff.id, "newcomer", text, now)
        out.append(to_space(ctx, handoff, t("mentor.from_newcomer", "en", name=name, text=text)))
    if event.attachment:
        note = t("handoff.attachment_note", "en", who=name, kind=event.attachment)
        ctx.handoffs.log(handoff.id, "system", note, now)
        message = to_space(ctx, handoff, note)
        if event.media is not None and event.attachment == "photo":
            # the mentor may ask for the picture, labelled; fetched only when they press
            media = event.media
            button = ctx.say.button(
                t("screen.label_button", "en"),
                "label",
                None,
                h=handoff.id,
                p=media.platform,
                m=media.handle,
                s=media.size or 0,
            )
            message = replace(message, buttons=((button,),))
        out.append(message)
        if not text:
            mine = t("handoff.attachment_note", handoff.language, who="🙂", kind=event.attachment)
            out.append(ctx.say.reply(event.address, mine))
    silent_at = handoff.mentor_silent_at or iso(
        now + timedelta(minutes=ctx.settings.mentor_silent_minutes)
    )
    ctx.handoffs.update(
        handoff.id,
        last_activity=iso(now),
        mentor_silent_at=silent_at,
        idle_close_at=_idle_at(ctx, now),
    )
    return out


def relay_to_newcomer(
    ctx: Context, sender: Sender, handoff: Handoff, event: IncomingMessage, text: str, now: datetime
) -> list[Outgoing]:
    """A mentor's message to the newcomer; only the holder (or an admin) is relayed."""
    if not handoff.held_by(sender.ref) and not is_admin(ctx, sender.ref):
        return [ctx.say.reply(event.address, t("mentor.not_yours", "en", id=handoff.id))]
    lang = handoff.language
    out: list[Outgoing] = []
    mentor_name = handoff.mentor_name
    if text:
        ctx.handoffs.log(handoff.id, "mentor", text, now)
        message = to_newcomer(
            ctx, handoff, t("handoff.from_mentor", lang, mentor=mentor_name, text=text)
        )
        out.append(with_notice(message, to_space(ctx, handoff, "").address, handoff))
    if event.attachment:
        note = t("handoff.attachment_note", lang, who=mentor_name, kind=event.attachment)
        out.append(to_newcomer(ctx, handoff, note))
    ctx.handoffs.update(
        handoff.id, last_activity=iso(now), mentor_silent_at=None, idle_close_at=_idle_at(ctx, now)
    )
    return out


def comment(
    ctx: Context, handoff: Handoff, address: Address, text: str, lang: str, now: datetime
) -> list[Outgoing]:
    """The newcomer's comment after rating, passed on to the mentor's space."""
    ctx.handoffs.update(handoff.id, comment=text[:1000], awaiting_comment=0)
    ctx.handoffs.log(handoff.id, "newcomer", f"comment: {text}", now)
    out = [ctx.say.reply(address, t("handoff.comment_saved", lang))]
    if handoff.mentor_platform:
        note = t("mentor.comment", "en", id=handoff.id, name=handoff.newcomer_name, text=text)
        out.append(to_space(ctx, handoff, note))
    return out


def rate(
    ctx: Context, address: Address, handoff_id: int, rating: int, lang: str, now: datetime
) -> list[Outgoing]:
    """A 1-5 rating of a closed handoff, once, by the newcomer."""
    handoff = ctx.handoffs.get(handoff_id)
    if handoff is None or handoff.state != CLOSED or not 1 <= rating <= 5:
        return [ctx.say.reply(address, t("input.button_stale", lang))]
    moved = transition(ctx, handoff, RATED, now, by="newcomer", rating=rating, where=address)
    if moved.handoff is None:
        return [ctx.say.reply(address, t("input.button_stale", lang))]
    return moved.out


def with_notice(message: Outgoing, notice_to: Address, handoff: Handoff) -> Outgoing:
    """Ask the dispatcher to tell the mentor's space if this message cannot be delivered."""
    return Outgoing(
        address=message.address,
        text=message.text,
        buttons=message.buttons,
        notice_to=notice_to,
        meta={"notice_thread_ref": handoff.space},
    )
