"""Messages between a newcomer and their mentor, and the rating and comment after close."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from bot.handoff.states import transition
from bot.i18n import t
from bot.models import Address, ButtonPress, IncomingMessage, Outgoing, Sender
from bot.store.records import iso

if TYPE_CHECKING:
    from bot.handoff.desk import HandoffDesk


def relay_to_mentor(
    desk: HandoffDesk, handoff: dict[str, Any], event: IncomingMessage, text: str, now: datetime
) -> list[Outgoing]:
    """A newcomer's message (or a note for an attachment) into the mentor's space."""
    name = handoff["newcomer_name"]
    out: list[Outgoing] = []
    if text:
        desk._log(handoff["id"], "newcomer", text, now)
        out.append(desk._space(handoff, t("mentor.from_newcomer", "en", name=name, text=text)))
    if event.attachment:
        note = t("handoff.attachment_note", "en", who=name, kind=event.attachment)
        desk._log(handoff["id"], "system", note, now)
        out.append(desk._space(handoff, note))
        if not text:
            lang = handoff["language"]
            out.append(
                desk.engine.reply(
                    event.address,
                    t("handoff.attachment_note", lang, who="🙂", kind=event.attachment),
                )
            )
    silent_at = handoff["mentor_silent_at"] or iso(
        now + timedelta(minutes=desk.settings.mentor_silent_minutes)
    )
    desk.db.execute(
        "UPDATE handoffs SET last_activity = ?, mentor_silent_at = ?, idle_close_at = ?"
        " WHERE id = ?",
        [iso(now), silent_at, desk._idle_at(now), handoff["id"]],
    )
    return out


def relay_to_newcomer(
    desk: HandoffDesk,
    sender: Sender,
    handoff: dict[str, Any],
    event: IncomingMessage,
    text: str,
    now: datetime,
) -> list[Outgoing]:
    """A mentor's message to the newcomer; only the holder (or an admin) is relayed."""
    if (handoff["mentor_platform"], handoff["mentor_user"]) != (
        sender.ref.platform,
        sender.ref.user_id,
    ) and not desk.is_admin(sender.ref):
        return [desk.engine.reply(event.address, t("mentor.not_yours", "en", id=handoff["id"]))]
    lang = handoff["language"]
    out: list[Outgoing] = []
    mentor_name = handoff["mentor_name"]
    if text:
        desk._log(handoff["id"], "mentor", text, now)
        message = desk._newcomer(
            handoff, t("handoff.from_mentor", lang, mentor=mentor_name, text=text)
        )
        out.append(with_notice(message, desk._space(handoff, "").address, handoff["id"]))
    if event.attachment:
        note = t("handoff.attachment_note", lang, who=mentor_name, kind=event.attachment)
        out.append(desk._newcomer(handoff, note))
    desk.db.execute(
        "UPDATE handoffs SET last_activity = ?, mentor_silent_at = NULL, idle_close_at = ?"
        " WHERE id = ?",
        [iso(now), desk._idle_at(now), handoff["id"]],
    )
    return out


def comment(
    desk: HandoffDesk,
    handoff: dict[str, Any],
    address: Address,
    text: str,
    lang: str,
    now: datetime,
) -> list[Outgoing]:
    """The newcomer's comment after rating, passed on to the mentor's space."""
    desk.db.execute(
        "UPDATE handoffs SET comment = ?, awaiting_comment = 0 WHERE id = ?",
        [text[:1000], handoff["id"]],
    )
    desk._log(handoff["id"], "newcomer", f"comment: {text}", now)
    out = [desk.engine.reply(address, t("handoff.comment_saved", lang))]
    if handoff["mentor_platform"]:
        out.append(
            desk._space(
                handoff,
                t(
                    "mentor.comment",
                    "en",
                    id=handoff["id"],
                    name=handoff["newcomer_name"],
                    text=text,
                ),
            )
        )
    return out


def rate(
    desk: HandoffDesk, event: ButtonPress, handoff_id: int, rating: int, lang: str, now: datetime
) -> list[Outgoing]:
    """A 1-5 rating of a closed handoff, once, by the newcomer."""
    handoff = desk.handoff(handoff_id)
    if handoff is None or not 1 <= rating <= 5:
        return [desk.engine.reply(event.address, t("input.button_stale", lang))]
    if not transition(desk.db, handoff_id, "rate", rating=rating, awaiting_comment=1):
        return [desk.engine.reply(event.address, t("input.button_stale", lang))]
    desk._log(handoff_id, "newcomer", f"rating: {rating}/5", now)
    out = [desk.engine.reply(event.address, t("handoff.rated", lang))]
    if handoff["mentor_platform"]:
        out.append(
            desk._space(
                handoff,
                t(
                    "mentor.rating",
                    "en",
                    id=handoff_id,
                    name=handoff["newcomer_name"],
                    rating=rating,
                ),
            )
        )
    return out


# --- mentors


def with_notice(message: Outgoing, notice_to: Address, handoff_id: int) -> Outgoing:
    """Ask the dispatcher to tell the mentor's space if this message cannot be delivered."""
    return Outgoing(
        address=message.address,
        text=message.text,
        buttons=message.buttons,
        notice_to=notice_to,
        meta={"notice_thread_ref": f"space:{handoff_id}"},
    )
