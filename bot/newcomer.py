"""Newcomers' commands: welcome, topics, language, privacy, forgetting, asking, a mentor."""

from __future__ import annotations

from bot.answering.language import SUPPORTED, detect, normalise
from bot.answers import ask, topic_rows
from bot.context import Call, Context
from bot.handoff.requests import leave, request
from bot.i18n import t
from bot.models import Outgoing


def start(ctx: Context, call: Call) -> list[Outgoing]:
    """/start, or /start mentor from a group's "talk in private" link."""
    if call.args.startswith("mentor"):
        return mentor(ctx, call)
    name = call.sender.first_name or "there"
    text = t("welcome", call.lang, name=name)
    return [ctx.say.reply(call.address, text, topic_rows(ctx, call.lang))]


def topics(ctx: Context, call: Call) -> list[Outgoing]:
    return [ctx.say.reply(call.address, t("topics.title", call.lang), topic_rows(ctx, call.lang))]


def language(ctx: Context, call: Call) -> list[Outgoing]:
    """/language es sets it; /language alone offers the choices."""
    say, lang = ctx.say, call.lang
    choice = normalise(call.args.split()[0]) if call.args else None
    if choice:
        ctx.store.set_language(call.sender.ref, choice)
        return [say.reply(call.address, t("language.set", choice))]
    if call.args:
        return [say.reply(call.address, t("language.unknown", lang))]
    buttons = [
        say.button(t(f"language.{code}", code).capitalize(), "lang", call.sender.ref, code=code)
        for code in SUPPORTED
    ]
    return [say.reply(call.address, t("language.pick", lang), [buttons])]


def privacy(ctx: Context, call: Call) -> list[Outgoing]:
    text = t("privacy", call.lang, days=ctx.settings.retention_days)
    return [ctx.say.reply(call.address, text)]


def forget(ctx: Context, call: Call) -> list[Outgoing]:
    """Asks first: the buttons carry the choice, only this user may press them."""
    say, lang, ref = ctx.say, call.lang, call.sender.ref
    buttons = [
        say.button(t("forget.yes", lang), "forget", ref, yes=True),
        say.button(t("forget.no", lang), "forget", ref, yes=False),
    ]
    return [say.reply(call.address, t("forget.confirm", lang), [buttons])]


def ask_command(ctx: Context, call: Call) -> list[Outgoing]:
    """/ask <question>, the way to ask in a group."""
    if not call.args:
        return [ctx.say.reply(call.address, t("input.empty", call.lang))]
    lang = detect(call.args) or call.lang
    return ask(ctx, call.sender, call.address, call.args, lang, call.event.chat_kind, call.prepared)


def mentor(ctx: Context, call: Call) -> list[Outgoing]:
    return request(ctx, call.sender, call.address, call.lang, call.event.chat_kind)


def leave_handoff(ctx: Context, call: Call) -> list[Outgoing]:
    """/cancel leaves the queue, /end closes a conversation with a mentor."""
    return leave(ctx, call.sender, call.address, call.lang)
