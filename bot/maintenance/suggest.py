"""`/suggest [title]`: a mentor turns their last answer in a handoff into an article draft."""

from __future__ import annotations

import logging
from dataclasses import asdict
from pathlib import Path

from bot.context import Call, Context
from bot.handoff.membership import is_admin
from bot.handoff.values import Handoff
from bot.i18n import t
from bot.maintenance.drafts import DRAFTS, make_draft, save
from bot.models import Outgoing

logger = logging.getLogger(__name__)


def answer_and_question(ctx: Context, handoff: Handoff) -> tuple[str, str] | None:
    """The mentor's most recent message in a handoff and the newcomer's question it answered."""
    lines = ctx.handoffs.transcript(handoff.id, ("mentor", "newcomer"))
    answers = [row for row in lines if row["author"] == "mentor" and row["text"].strip()]
    if not answers:
        return None
    answer = answers[-1]
    question = str(handoff.question or "").strip()
    if not question:
        asked = [
            row["text"]
            for row in lines
            if row["author"] == "newcomer"
            and row["id"] < answer["id"]
            and not row["text"].startswith(("rating: ", "comment: "))
        ]
        question = asked[-1].strip() if asked else ""
    return str(answer["text"]), question


def suggest(ctx: Context, call: Call) -> list[Outgoing]:
    """Write a draft from the handoff this mentor holds (or held); reply with its path."""
    ref = call.sender.ref
    say = lambda text: [ctx.say.reply(call.address, text)]  # noqa: E731
    words = call.args.split()
    handoff = None
    title = call.args
    if words and words[0].startswith("#") and words[0][1:].isdigit():
        handoff = ctx.handoffs.get(int(words[0][1:]))
        title = call.args[len(words[0]) :].strip()
        if handoff is None:
            return say(t("mentor.not_open", call.lang, id=words[0][1:]))
    handoff = handoff or ctx.handoffs.in_space(call.address, prefer=ref)
    if handoff is None:
        held = ctx.handoffs.held_by(ref)
        if len(held) != 1:
            ids = ", ".join(f"#{h.id}" for h in held)
            key = "mentor.which" if held else "mentor.none_held"
            return say(t(key, call.lang, command="suggest", ids=ids))
        handoff = held[0]
    if handoff.mentor != ref and not is_admin(ctx, ref):
        return say(t("mentor.not_yours", call.lang, id=handoff.id))
    found = answer_and_question(ctx, handoff)
    if found is None:
        return say(t("mentor.draft_no_answer", call.lang, id=handoff.id))
    answer, question = found
    draft = make_draft(asdict(handoff), question, answer, title, call.now.date())
    knowledge_dir = ctx.settings.knowledge_dir
    try:
        path = save(draft, knowledge_dir)
    except OSError as error:
        logger.error("could not write a draft for handoff %s: %s", handoff.id, error)
        return say(t("mentor.draft_failed", call.lang, reason=type(error).__name__))
    shown = Path(knowledge_dir.name) / DRAFTS / path.name
    logger.info("draft %s written from handoff %s", shown, handoff.id)
    ctx.handoffs.log(handoff.id, "system", f"draft suggested: {shown}", call.now)
    return say(t("mentor.draft_saved", call.lang, path=shown.as_posix()))
