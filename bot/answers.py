"""Answering a free-text question in chat: the answer, its log line and its buttons."""

from __future__ import annotations

from dataclasses import dataclass

from bot.answering.answerer import Answer
from bot.context import Context
from bot.handoff.requests import request
from bot.i18n import t
from bot.models import Address, Button, Outgoing, Sender, UserRef
from bot.screens.glossary import Glossary, from_glossary
from bot.screens.values import GlossaryEntry, Lang
from bot.screenshots import gloss_line
from bot.text import HAN


@dataclass(frozen=True)
class Prepared:
    """An answer decided before the commit, off the writer thread, for `text` in `language`."""

    text: str
    language: str
    answer: Answer


def ask(
    ctx: Context,
    sender: Sender,
    address: Address,
    text: str,
    lang: str,
    chat_kind: str,
    prepared: Prepared | None = None,
) -> list[Outgoing]:
    """Answer a question; log it; attach related topics and feedback buttons.

    A prepared answer is used when it was made for this very text and language. Otherwise the
    answer is made here; when a prepared one existed but no longer fits (the user changed
    their language in between), the phraser is not called on the writer thread.
    """
    answerer = ctx.answering.answerer
    if prepared is not None and (prepared.text, prepared.language) == (text, lang):
        answer = answerer.finish(prepared.answer, None)
    else:
        answer = answerer.answer(text, lang, detect_language=False, phrase=prepared is None)
        answer = answerer.finish(answer, None)
    ctx.metrics.answer_latency(answer.latency_ms / 1000)
    now = ctx.clock()
    passage = answer.passage
    question_id = ctx.store.log_question(
        sender.ref,
        text,
        answer.language,
        answer.action,
        answer.sources[0].id if answer.sources else "",
        passage.id if passage else "",
        answer.confidence,
        answer.latency_ms,
        now,
        reason=answer.reason,
    )
    if answer.action == "handoff":
        return request(ctx, sender, address, answer.language, chat_kind, question=text)
    if answer.action == "menu":
        return [ctx.say.reply(address, answer.text, topic_rows(ctx, answer.language))]
    reply = answer.text
    if answer.action in ("answer", "unsure"):
        labels = on_screen(ctx.glossary, text, answer.language)
        reply = f"{reply}\n\n{labels}" if labels else reply
    ctx.store.log(sender.ref, address, "out", reply, now)
    rows = answer_rows(ctx, answer, sender.ref, question_id)
    return [ctx.say.reply(address, reply, rows)]


def on_screen(glossary: Glossary | None, question: str, lang: str) -> str:
    """What the app's labels quoted in a question mean ("what is 薯条?"), from the sourced
    glossary: at most three, of two characters or more, for readers of English or Spanish."""
    if glossary is None or lang not in ("en", "es") or not HAN.search(question):
        return ""  # most questions have no Chinese: no glossary scan on them
    entries: list[GlossaryEntry] = []
    for _, _, entry in glossary.split(question):
        if len(entry.label) >= 2 and entry not in entries:
            entries.append(entry)
    if not entries:
        return ""
    reader: Lang = "es" if lang == "es" else "en"
    lines = [t("answer.on_screen", reader)]
    for entry in entries[:3]:
        lines.append(f"• {gloss_line(from_glossary(entry, entry.label, reader), reader)}")
    return "\n".join(lines)


def answer_rows(
    ctx: Context, answer: Answer, owner: UserRef, question_id: int
) -> list[list[Button]]:
    """Related topics, 👍/👎 and Sources under an answer; topics and a mentor under an unsure."""
    say, lang = ctx.say, answer.language
    related = [
        say.button(say.title(article.id, lang), "art", None, id=article.id)
        for article in answer.related
    ]
    rows: list[list[Button]] = []
    if answer.action == "answer":
        rows.append(related[:2])
        rows.append(
            [
                say.button("👍", "vote", owner, q=question_id, v=1),
                say.button("👎", "vote", owner, q=question_id, v=-1),
                say.button(
                    t("button.sources", lang),
                    "src",
                    None,
                    id=answer.sources[0].id,
                    also=[source.id for source in answer.sources[1:]],
                ),
            ]
        )
    elif answer.action == "unsure":
        rows.extend([[button] for button in related])
        rows.append([say.button(t("button.mentor", lang), "mentor", owner)])
    elif answer.action == "decline" and related:
        rows.append(related[:1])
    return rows


def topic_rows(ctx: Context, lang: str) -> list[list[Button]]:
    """The categories of the knowledge base, two buttons a row."""
    names = list(ctx.answering.catalog.categories())
    buttons = [ctx.say.button(t(f"category.{name}", lang), "cat", None, c=name) for name in names]
    return [buttons[i : i + 2] for i in range(0, len(buttons), 2)]
