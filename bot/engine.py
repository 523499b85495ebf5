"""The engine: one event in, a list of addressed messages out. It never sends anything."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from bot.answering.answerer import Answer
from bot.answering.language import SUPPORTED, detect, normalise
from bot.answering.service import Answering
from bot.handoff.desk import HandoffDesk
from bot.i18n import t
from bot.models import (
    Address,
    Button,
    ButtonPress,
    Event,
    IncomingMessage,
    MemberJoined,
    Outgoing,
    Sender,
    Tick,
    UserRef,
)
from bot.ops.instruments import Metrics, NoMetrics
from bot.settings import Settings
from bot.store.records import Store
from bot.text import clean, command

logger = logging.getLogger(__name__)
NEWCOMER_COMMANDS = (
    "start",
    "help",
    "topics",
    "language",
    "privacy",
    "forget",
    "mentor",
    "cancel",
    "end",
    "ask",
)


def utcnow() -> datetime:
    return datetime.now(UTC)


class Engine:
    """Routes each event: dedupe, user, then command, button, handoff relay or question."""

    def __init__(
        self,
        settings: Settings,
        store: Store,
        answering: Answering,
        clock: Callable[[], datetime] = utcnow,
        bot_links: dict[str, str] | None = None,
        metrics: Metrics | None = None,
    ):
        self.settings = settings
        self.store = store
        self.answering = answering
        self.clock = clock
        self.bot_links = bot_links if bot_links is not None else {}
        self.metrics: Metrics = metrics if metrics is not None else NoMetrics()
        self.desk = HandoffDesk(settings, store, answering, self)

    # --- the entry point
    def handle(self, event: Event) -> list[Outgoing]:
        """Handle one event exactly once; its effects and replies commit together."""
        now = self.clock()
        with self.store.atomic():
            if isinstance(event, Tick):
                out = self.desk.tick(event.at)
                self.store.purge(event.at - timedelta(days=self.settings.retention_days))
            else:
                if self.store.seen(event.key):
                    logger.info("duplicate event %s ignored", event.key)
                    return []
                self.store.remember(event.key, now)
                if isinstance(event, IncomingMessage):
                    out = self._message(event, now)
                elif isinstance(event, MemberJoined):
                    out = self._joined(event)
                else:
                    out = self._press(event, now)
            self.store.enqueue(out, now)
        if isinstance(event, IncomingMessage | ButtonPress):
            # Counted once handled and committed: a redelivered event is not a new message.
            self.metrics.message_in(event.sender.ref.platform)
        return out

    # --- helpers shared with the desk
    def language_of(self, ref: UserRef) -> str:
        row = self.store.user(ref)
        return str(row["language"]) if row else "en"

    def button(self, label: str, action: str, owner: UserRef | None = None, **args: Any) -> Button:
        return Button(label, self.store.issue(action, args, owner, self.clock()))

    def reply(
        self, address: Address, text: str, buttons: list[list[Button]] | None = None
    ) -> Outgoing:
        rows = tuple(tuple(row) for row in (buttons or []) if row)
        return Outgoing(address=address, text=text, buttons=rows)

    def private_link(self, platform: str, payload: str = "") -> str:
        base = self.bot_links.get(platform, "")
        return f"{base}?start={payload}" if base and payload else base

    # --- messages
    def _joined(self, event: MemberJoined) -> list[Outgoing]:
        """A short welcome for people who joined a group, where the operators turned it on."""
        enabled = {"telegram": self.settings.telegram_group_welcome}
        if not enabled.get(event.address.platform) or not event.names:
            return []
        lang = normalise(event.language_code) or "en"
        names = ", ".join(event.names[:5])
        link = self.private_link(event.address.platform)
        buttons = [[Button(t("group.private_chat", lang), url=link)]] if link else []
        return [self.reply(event.address, t("group.welcome", lang, names=names), buttons)]

    def _message(self, event: IncomingMessage, now: datetime) -> list[Outgoing]:
        sender = event.sender
        if event.chat_kind != "mentor_room" and not event.addressed:
            return []
        hint = normalise(sender.language_code) or "en"
        user = self.store.touch_user(sender, hint, now)
        if user["blocked"]:
            return []
        self.store.note_conversation(sender, event.address, event.chat_kind, now)
        text, cut = clean(event.text, self.settings.max_message_chars)
        over, noticed = self.store.flood(
            sender.ref, now, self.settings.flood_limit, self.settings.flood_window_seconds
        )
        lang = self._language(user, text)
        if over:
            return [] if noticed else [self.reply(event.address, t("input.flood", lang))]
        parsed = command(text)
        name, args = parsed if parsed else ("", "")
        handled = self.desk.on_message(event, text, name, args, lang)
        if handled is not None:
            return handled
        if event.chat_kind == "mentor_room":
            return []
        self.store.log(sender.ref, event.address, "in", text, now)
        if parsed:
            return self._command(event, name, args, lang)
        if event.attachment and not text:
            return [self.reply(event.address, t("input.attachment", lang))]
        if not text:
            return [self.reply(event.address, t("input.empty", lang))]
        out = self.ask(event.sender, event.address, text, lang, event.chat_kind)
        if cut:
            out.insert(0, self.reply(event.address, t("input.too_long", lang)))
        return out

    def _language(self, user: dict[str, Any], text: str) -> str:
        if user["language_chosen"]:
            return str(user["language"])
        return detect(text) or str(user["language"] or "en")

    def _command(self, event: IncomingMessage, name: str, args: str, lang: str) -> list[Outgoing]:
        address, ref = event.address, event.sender.ref
        if name == "start" and args.startswith("mentor"):
            return self.desk.request(event.sender, address, lang, event.chat_kind)
        if name == "start":
            name = event.sender.first_name or "there"
            return [self.reply(address, t("welcome", lang, name=name), self._topic_rows(lang))]
        if name == "help":
            return [self.reply(address, t("help", lang))]
        if name == "topics":
            return [self.reply(address, t("topics.title", lang), self._topic_rows(lang))]
        if name == "language":
            return self._set_language(event.sender, address, args, lang)
        if name == "privacy":
            days = self.settings.retention_days
            return [self.reply(address, t("privacy", lang, days=days))]
        if name == "forget":
            return [
                self.reply(
                    address,
                    t("forget.confirm", lang),
                    [
                        [
                            self.button(t("forget.yes", lang), "forget", ref, yes=True),
                            self.button(t("forget.no", lang), "forget", ref, yes=False),
                        ]
                    ],
                )
            ]
        if name == "ask":
            if not args:
                return [self.reply(address, t("input.empty", lang))]
            return self.ask(event.sender, address, args, detect(args) or lang, event.chat_kind)
        if name == "mentor":
            return self.desk.request(event.sender, address, lang, event.chat_kind)
        if name in ("cancel", "end"):
            return self.desk.newcomer_leaves(event.sender, address, lang, name)
        return [self.reply(address, t("input.unknown_command", lang, command=f"/{name}"))]

    def _set_language(
        self, sender: Sender, address: Address, args: str, lang: str
    ) -> list[Outgoing]:
        choice = normalise(args.split()[0]) if args else None
        if choice:
            self.store.set_language(sender.ref, choice)
            return [self.reply(address, t("language.set", choice))]
        if args:
            return [self.reply(address, t("language.unknown", lang))]
        buttons = [
            self.button(t(f"language.{code}", code).capitalize(), "lang", sender.ref, code=code)
            for code in SUPPORTED
        ]
        return [self.reply(address, t("language.pick", lang), [buttons])]

    # --- questions
    def ask(
        self, sender: Sender, address: Address, text: str, lang: str, chat_kind: str = "private"
    ) -> list[Outgoing]:
        """Answer a free-text question; log it; attach related topics and feedback buttons."""
        answer = self.answering.answerer.answer(text, lang, detect_language=False)
        self.metrics.answer_latency(answer.latency_ms / 1000)
        now = self.clock()
        passage = answer.passage
        question_id = self.store.log_question(
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
            return self.desk.request(sender, address, answer.language, chat_kind, question=text)
        if answer.action == "menu":
            rows = self._topic_rows(answer.language)
            return [self.reply(address, answer.text, rows)]
        self.store.log(sender.ref, address, "out", answer.text, now)
        return [
            self.reply(address, answer.text, self._answer_rows(answer, sender.ref, question_id))
        ]

    def _answer_rows(self, answer: Answer, owner: UserRef, question_id: int) -> list[list[Button]]:
        lang = answer.language
        related = [
            self.button(self._title(article.id, lang), "art", None, id=article.id)
            for article in answer.related
        ]
        rows: list[list[Button]] = []
        if answer.action == "answer":
            rows.append(related[:2])
            rows.append(
                [
                    self.button("👍", "vote", owner, q=question_id, v=1),
                    self.button("👎", "vote", owner, q=question_id, v=-1),
                    self.button(t("button.sources", lang), "src", None, id=answer.sources[0].id),
                ]
            )
        elif answer.action == "unsure":
            rows.extend([[button] for button in related])
            rows.append([self.button(t("button.mentor", lang), "mentor", owner)])
        elif answer.action == "decline" and related:
            rows.append(related[:1])
        return rows

    def _title(self, english_id: str, lang: str) -> str:
        article = self.answering.catalog.localized(english_id, lang)
        return article.title if article else english_id

    def _topic_rows(self, lang: str) -> list[list[Button]]:
        names = list(self.answering.catalog.categories())
        buttons = [self.button(t(f"category.{name}", lang), "cat", None, c=name) for name in names]
        return [buttons[i : i + 2] for i in range(0, len(buttons), 2)]

    # --- buttons
    def _press(self, event: ButtonPress, now: datetime) -> list[Outgoing]:
        sender, address = event.sender, event.address
        hint = normalise(sender.language_code) or "en"
        user = self.store.touch_user(sender, hint, now)
        lang = str(user["language"] or "en")
        if user["blocked"]:
            return []
        callback = self.store.callback(event.token)
        if callback is None:
            logger.warning("refused unknown button token from %s", sender.ref)
            return [self.reply(address, t("input.button_stale", lang))]
        owner = callback["platform"], callback["user_id"]
        action, args = callback["action"], callback["args"]
        if owner[0] and owner != (sender.ref.platform, sender.ref.user_id):
            if action == "vote":
                return [self.reply(address, t("feedback.not_yours", lang))]
            return self.desk.refuse(sender, address, lang)
        handled = self.desk.on_press(event, action, args, lang)
        if handled is not None:
            return handled
        return self._newcomer_press(event, action, args, lang, now)

    def _newcomer_press(
        self, event: ButtonPress, action: str, args: dict[str, Any], lang: str, now: datetime
    ) -> list[Outgoing]:
        sender, address = event.sender, event.address
        catalog = self.answering.catalog
        if action == "cat":
            articles = catalog.categories().get(str(args.get("c")), [])
            rows = [[self.button(self._title(a.id, lang), "art", None, id=a.id)] for a in articles]
            rows.append([self.button(t("button.back", lang), "topics", None)])
            label = t(f"category.{args.get('c')}", lang)
            return [self.reply(address, t("topics.category", lang, category=label), rows)]
        if action == "topics":
            return [self.reply(address, t("topics.title", lang), self._topic_rows(lang))]
        if action == "art":
            article = catalog.localized(str(args.get("id")), lang)
            if article is None:
                return [self.reply(address, t("input.button_stale", lang))]
            rows = [
                [self.button(section.heading, "sec", None, id=article.id, p=section.position)]
                for section in article.sections
            ]
            rows.append([self.button(t("button.back", lang), "topics", None)])
            text = t("topics.article", lang, title=article.title, summary=article.summary)
            return [self.reply(address, text, rows)]
        if action == "sec":
            return self._section(address, str(args.get("id")), int(args.get("p", 0)), lang)
        if action == "src":
            article = catalog.variant(str(args.get("id")), "en")
            if article is None:
                return [self.reply(address, t("input.button_stale", lang))]
            shown = catalog.localized(article.id, lang) or article
            listing = "\n".join(f"• {source}" for source in article.sources)
            text = t(
                "answer.sources_list",
                lang,
                title=shown.title,
                reviewed=article.last_reviewed,
                sources=listing,
            )
            return [self.reply(address, text)]
        if action == "vote":
            vote = 1 if int(args.get("v", 0)) > 0 else -1
            self.store.vote(int(args.get("q", 0)), sender.ref, vote, now)
            if vote > 0:
                return [self.reply(address, t("feedback.thanks_up", lang))]
            button = self.button(t("button.mentor", lang), "mentor", sender.ref)
            return [self.reply(address, t("feedback.thanks_down", lang), [[button]])]
        if action == "lang":
            code = str(args.get("code"))
            if code not in SUPPORTED:
                return [self.reply(address, t("input.button_stale", lang))]
            self.store.set_language(sender.ref, code)
            return [self.reply(address, t("language.set", code))]
        if action == "forget":
            if not args.get("yes"):
                return [self.reply(address, t("forget.kept", lang))]
            self.desk.forget(sender.ref)
            self.store.forget(sender.ref)
            return [self.reply(address, t("forget.done", lang))]
        if action == "mentor":
            return self.desk.request(sender, address, lang, event.chat_kind)
        logger.warning("button action %s has no handler", action)
        return [self.reply(address, t("input.button_stale", lang))]

    def _section(
        self, address: Address, article_id: str, position: int, lang: str
    ) -> list[Outgoing]:
        catalog = self.answering.catalog
        article = catalog.articles.get(article_id)
        if article is None:
            return [self.reply(address, t("input.button_stale", lang))]
        passage = catalog.by_topic.get((article.english_id, position, article.language))
        if passage is None:
            return [self.reply(address, t("input.button_stale", lang))]
        text = "\n".join(
            [passage.heading, "", passage.text, "", t("answer.source", lang, title=article.title)]
        )
        back = [[self.button(t("button.back", lang), "topics", None)]]
        return [self.reply(address, text, back)]
