"""`/suggest [title]`: a mentor turns their last answer in a handoff into an article draft."""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.i18n import t
from bot.maintenance.drafts import DRAFTS, make_draft, save
from bot.models import Address, IncomingMessage, Outgoing, UserRef

if TYPE_CHECKING:
    from bot.handoff.desk import HandoffDesk

logger = logging.getLogger(__name__)


def _in_space(desk: HandoffDesk, address: Address, ref: UserRef) -> dict[str, Any] | None:
    """The handoff whose space this is (open or closed), the sender's own first."""
    rows = list(
        desk.db.query(
            "SELECT h.* FROM handoffs h JOIN sent_refs r ON r.ref = 'space:' || h.id"
            " WHERE r.platform = ? AND r.chat_id = ? AND COALESCE(r.thread_id, '') = ?"
            " ORDER BY (h.mentor_platform = ? AND h.mentor_user = ?) DESC,"
            " h.state = 'active' DESC, h.id DESC LIMIT 1",
            [address.platform, address.chat_id, address.thread_id or "", *_key(ref)],
        )
    )
    return rows[0] if rows else None


def _key(ref: UserRef) -> list[str]:
    return [ref.platform, ref.user_id]


def answer_and_question(desk: HandoffDesk, handoff: dict[str, Any]) -> tuple[str, str] | None:
    """The mentor's most recent message in a handoff and the newcomer's question it answered."""
    answer = desk.db.execute(
        "SELECT id, text FROM handoff_messages WHERE handoff_id = ? AND author = 'mentor'"
        " AND TRIM(text) != '' ORDER BY id DESC LIMIT 1",
        [handoff["id"]],
    ).fetchone()
    if answer is None:
        return None
    question = str(handoff["question"] or "").strip()
    if not question:
        asked = desk.db.execute(
            "SELECT text FROM handoff_messages WHERE handoff_id = ? AND author = 'newcomer'"
            " AND id < ? AND text NOT LIKE 'rating: %' AND text NOT LIKE 'comment: %'"
            " ORDER BY id DESC LIMIT 1",
            [handoff["id"], answer[0]],
        ).fetchone()
        question = str(asked[0]).strip() if asked else ""
    return str(answer[1]), question


def suggest(
    desk: HandoffDesk, event: IncomingMessage, args: str, lang: str, now: datetime
) -> list[Outgoing]:
    """Write a draft from the handoff this mentor holds (or held); reply with its path."""
    sender, address = event.sender, event.address
    say = lambda text: [desk.engine.reply(address, text)]  # noqa: E731
    words = args.split()
    handoff = None
    title = args
    if words and words[0].startswith("#") and words[0][1:].isdigit():
        handoff = desk.handoff(int(words[0][1:]))
        title = args[len(words[0]) :].strip()
        if handoff is None:
            return say(t("mentor.not_open", lang, id=words[0][1:]))
    if handoff is None:
        handoff = _in_space(desk, address, sender.ref)
    if handoff is None:
        held = desk.held_by(sender.ref)
        if len(held) != 1:
            ids = ", ".join(f"#{h['id']}" for h in held)
            key = "mentor.which" if held else "mentor.none_held"
            return say(t(key, lang, command="suggest", ids=ids))
        handoff = held[0]
    holder = (handoff["mentor_platform"], handoff["mentor_user"])
    if holder != (sender.ref.platform, sender.ref.user_id) and not desk.is_admin(sender.ref):
        return say(t("mentor.not_yours", lang, id=handoff["id"]))
    found = answer_and_question(desk, handoff)
    if found is None:
        return say(t("mentor.draft_no_answer", lang, id=handoff["id"]))
    answer, question = found
    draft = make_draft(handoff, question, answer, title, now.date())
    knowledge_dir = desk.settings.knowledge_dir
    try:
        path = save(draft, knowledge_dir)
    except OSError as error:
        logger.error("could not write a draft for handoff %s: %s", handoff["id"], error)
        return say(t("mentor.draft_failed", lang, reason=type(error).__name__))
    shown = Path(knowledge_dir.name) / DRAFTS / path.name
    logger.info("draft %s written from handoff %s", shown, handoff["id"])
    desk._log(handoff["id"], "system", f"draft suggested: {shown}", now)
    return say(t("mentor.draft_saved", lang, path=shown.as_posix()))
