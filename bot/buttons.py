"""What each button does, by the action its token stands for. Tokens are issued by the core
(MessageBuilder.button) and looked up before any of these run, so none can be forged."""

from __future__ import annotations

import logging
from collections.abc import Callable

from bot.answering.language import SUPPORTED
from bot.answers import topic_rows
from bot.context import Context, Press
from bot.handoff.membership import is_admin
from bot.handoff.relay import rate as rate_handoff
from bot.handoff.requests import claim as claim_handoff
from bot.handoff.requests import end_for, leave, request
from bot.i18n import t
from bot.models import Outgoing
from bot.screenshots import reply as screenshot_reply

logger = logging.getLogger(__name__)
ButtonHandler = Callable[[Context, Press], list[Outgoing]]


def _stale(ctx: Context, press: Press) -> list[Outgoing]:
    return [ctx.say.reply(press.address, t("input.button_stale", press.lang))]


def category(ctx: Context, press: Press) -> list[Outgoing]:
    say, lang = ctx.say, press.lang
    name = str(press.args.get("c"))
    articles = ctx.answering.catalog.categories().get(name, [])
    rows = [[say.button(say.title(a.id, lang), "art", None, id=a.id)] for a in articles]
    rows.append([say.button(t("button.back", lang), "topics", None)])
    text = t("topics.category", lang, category=t(f"category.{name}", lang))
    return [say.reply(press.address, text, rows)]


def topics(ctx: Context, press: Press) -> list[Outgoing]:
    rows = topic_rows(ctx, press.lang)
    return [ctx.say.reply(press.address, t("topics.title", press.lang), rows)]


def article(ctx: Context, press: Press) -> list[Outgoing]:
    say, lang = ctx.say, press.lang
    found = ctx.answering.catalog.localized(str(press.args.get("id")), lang)
    if found is None:
        return _stale(ctx, press)
    rows = [
        [say.button(section.heading, "sec", None, id=found.id, p=section.position)]
        for section in found.sections
    ]
    rows.append([say.button(t("button.back", lang), "topics", None)])
    text = t("topics.article", lang, title=found.title, summary=found.summary)
    return [say.reply(press.address, text, rows)]


def section(ctx: Context, press: Press) -> list[Outgoing]:
    catalog, lang = ctx.answering.catalog, press.lang
    found = catalog.articles.get(str(press.args.get("id")))
    position = int(press.args.get("p", 0))
    passage = catalog.by_topic.get((found.english_id, position, found.language)) if found else None
    if found is None or passage is None:
        return _stale(ctx, press)
    text = "\n".join(
        [passage.heading, "", passage.text, "", t("answer.source", lang, title=found.title)]
    )
    back = [[ctx.say.button(t("button.back", lang), "topics", None)]]
    return [ctx.say.reply(press.address, text, back)]


def sources(ctx: Context, press: Press) -> list[Outgoing]:
    """The sources of the article an answer showed, and of any other one it showed too."""
    catalog, lang = ctx.answering.catalog, press.lang
    also = press.args.get("also")
    ids = [str(press.args.get("id"))] + [str(i) for i in (also if isinstance(also, list) else [])]
    parts = []
    for english in filter(None, (catalog.variant(i, "en") for i in ids)):
        shown = catalog.localized(english.id, lang) or english
        listing = "\n".join(f"• {source}" for source in english.sources)
        parts.append(
            t(
                "answer.sources_list",
                lang,
                title=shown.title,
                reviewed=english.last_reviewed,
                sources=listing,
            )
        )
    if not parts:
        return _stale(ctx, press)
    return [ctx.say.reply(press.address, "\n\n".join(parts))]


def vote(ctx: Context, press: Press) -> list[Outgoing]:
    value = 1 if int(press.args.get("v", 0)) > 0 else -1
    ctx.store.vote(int(press.args.get("q", 0)), press.sender.ref, value, press.now)
    if value > 0:
        return [ctx.say.reply(press.address, t("feedback.thanks_up", press.lang))]
    button = ctx.say.button(t("button.mentor", press.lang), "mentor", press.sender.ref)
    return [ctx.say.reply(press.address, t("feedback.thanks_down", press.lang), [[button]])]


def language(ctx: Context, press: Press) -> list[Outgoing]:
    code = str(press.args.get("code"))
    if code not in SUPPORTED:
        return _stale(ctx, press)
    ctx.store.set_language(press.sender.ref, code)
    return [ctx.say.reply(press.address, t("language.set", code))]


def forget(ctx: Context, press: Press) -> list[Outgoing]:
    """Yes: whatever is open with a mentor ends (the mentor is told), then everything goes."""
    if not press.args.get("yes"):
        return [ctx.say.reply(press.address, t("forget.kept", press.lang))]
    ref = press.sender.ref
    out = end_for(ctx, ref, press.now, by="forget")
    ctx.handoffs.forget_newcomer(ref)
    ctx.mentors.forget(ref)
    ctx.store.forget(ref)
    return [*out, ctx.say.reply(press.address, t("forget.done", press.lang))]


def mentor(ctx: Context, press: Press) -> list[Outgoing]:
    return request(ctx, press.sender, press.address, press.lang, press.event.chat_kind)


def cancel(ctx: Context, press: Press) -> list[Outgoing]:
    """The /cancel button under "you're in the queue"."""
    return leave(ctx, press.sender, press.address, press.lang)


def claim(ctx: Context, press: Press) -> list[Outgoing]:
    number = int(press.args.get("h", 0))
    return claim_handoff(ctx, press.sender, press.address, number, press.lang, press.now)


def label(ctx: Context, press: Press) -> list[Outgoing]:
    """A mentor asks for the labelled copy of a picture their newcomer sent. The picture was
    fetched and read before the commit; it is shown only to whoever holds the handoff now."""
    handoff = ctx.handoffs.get(int(press.args.get("h", 0)))
    if handoff is None or not (
        handoff.held_by(press.sender.ref) or is_admin(ctx, press.sender.ref)
    ):
        return [ctx.say.reply(press.address, t("screen.label_gone", press.lang))]
    return screenshot_reply(ctx, press.address, press.looked, press.lang, offer_mentor=False)


def rate(ctx: Context, press: Press) -> list[Outgoing]:
    number, stars = int(press.args.get("h", 0)), int(press.args.get("r", 0))
    return rate_handoff(ctx, press.address, number, stars, press.lang, press.now)


BUTTONS: dict[str, ButtonHandler] = {
    "cat": category,
    "topics": topics,
    "art": article,
    "sec": section,
    "src": sources,
    "vote": vote,
    "lang": language,
    "forget": forget,
    "mentor": mentor,
    "cancel_handoff": cancel,
    "claim": claim,
    "rate": rate,
    "label": label,
}


def press_button(ctx: Context, action: str, press: Press) -> list[Outgoing]:
    handler = BUTTONS.get(action)
    if handler is None:
        logger.warning("button action %s has no handler", action)
        return _stale(ctx, press)
    return handler(ctx, press)
