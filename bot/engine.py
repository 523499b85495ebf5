"""The engine: one event in, a list of addressed messages out. It never sends anything."""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from bot.answering.language import detect, normalise
from bot.answers import Prepared, ask
from bot.buttons import press_button
from bot.commands import REGISTRY, run
from bot.context import Call, Context, Press
from bot.handoff.membership import is_admin, is_mentor, member_changed
from bot.handoff.relay import comment, relay_to_mentor, relay_to_newcomer
from bot.handoff.repo import HandoffRepo
from bot.handoff.states import ACTIVE
from bot.handoff.timers import tick
from bot.i18n import t
from bot.models import (
    Button,
    ButtonPress,
    Event,
    IncomingMessage,
    Media,
    MemberChanged,
    MemberJoined,
    Outgoing,
    Tick,
)
from bot.screenshots import Looked, ScreenJob, summary, wants_reading
from bot.screenshots import reply as screenshot_reply
from bot.text import clean

logger = logging.getLogger(__name__)


# What the read-only half decided for an event: an answer, a read screenshot, or nothing.
Decided = Prepared | Looked | None


def utcnow() -> datetime:
    return datetime.now(UTC)


class Engine:
    """Routes each event: dedupe, user, then command, button, handoff relay or question."""

    def __init__(self, ctx: Context):
        self.ctx = ctx
        self.settings = ctx.settings
        self.store = ctx.store
        self.answering = ctx.answering
        self.clock = ctx.clock
        self.metrics = ctx.metrics

    @property
    def bot_links(self) -> dict[str, str]:
        """Links that open a private chat with the bot, per platform (set by the adapters)."""
        return self.ctx.say.bot_links

    # --- the entry point
    def handle(self, event: Event, prepared: Decided = None) -> list[Outgoing]:
        """Handle one event exactly once; its effects and replies commit together."""
        result = self.handle_many([(event, prepared)])[0]
        if isinstance(result, Exception):
            raise result
        return result

    def handle_many(
        self, events: Sequence[tuple[Event, Decided]], budget: float | None = None
    ) -> list[list[Outgoing] | Exception]:
        """Commit several events in one transaction, each in a savepoint of its own: one that
        fails is rolled back alone and comes back as its exception.

        With a `budget` (seconds) the transaction stops taking events once it has run that
        long; the results then cover only the first events, and the caller queues the rest
        again. A short transaction keeps the writer free for marking delivered messages sent.
        """
        now = self.clock()
        began = time.perf_counter()
        results: list[list[Outgoing] | Exception] = []
        new: list[Event] = []
        with self.store.atomic():
            for event, prepared in events:
                if budget is not None and results and time.perf_counter() - began > budget:
                    break
                try:
                    with self.store.atomic():
                        out = self._handle(event, prepared, now)
                except Exception as error:
                    results.append(error)
                    continue
                if out is not None:
                    new.append(event)
                results.append(out or [])
        for event in new:
            if isinstance(event, IncomingMessage | ButtonPress):
                # Counted once committed: a redelivered event is not a new message.
                self.metrics.message_in(event.sender.ref.platform)
        return results

    def _handle(self, event: Event, prepared: Decided, now: datetime) -> list[Outgoing] | None:
        """One event's effects; None when it was seen before (a redelivery)."""
        if isinstance(event, Tick):
            out = tick(self.ctx, event.at)
            before = event.at - timedelta(days=self.settings.retention_days)
            self.store.purge(before)
            self.ctx.handoffs.purge(before)
        else:
            if self.store.seen(event.key):
                logger.info("duplicate event %s ignored", event.key)
                return None
            self.store.remember(event.key, now)
            if isinstance(event, IncomingMessage):
                out = self._message(event, now, prepared)
            elif isinstance(event, MemberJoined):
                out = self._joined(event)
            elif isinstance(event, MemberChanged):
                out = member_changed(self.ctx, event, now)
            else:
                out = self._press(event, now, prepared)
        self.store.enqueue(out, now)
        return out

    def prepare(self, event: Event) -> Prepared | None:
        """The read-only half of handling a question, for a thread other than the writer:
        the answer a plain question (or /ask) would get, in the language it would be
        answered in. The commit uses it only if it still routes there in that language."""
        asked = self._question(event)
        return None if asked is None else self._answer(*asked)

    def prepare_many(self, events: Sequence[Event]) -> list[Prepared | Exception | None]:
        """`prepare` for several events, their questions embedded in one call: the same
        answers, in a fraction of the time. An event that fails has its exception as its
        result; the others are answered all the same."""
        asked: list[tuple[str, str] | Exception | None] = []
        for event in events:
            try:
                asked.append(self._question(event))
            except Exception as error:
                asked.append(error)
        answerer = self.answering.answerer
        try:
            answerer.expect([a[0] for a in asked if isinstance(a, tuple)])
        except Exception:
            logger.exception("embedding a batch of questions failed; each is embedded alone")
        results: list[Prepared | Exception | None] = []
        for item in asked:
            if not isinstance(item, tuple):
                results.append(item)
                continue
            try:
                results.append(self._answer(*item))
            except Exception as error:
                results.append(error)
        return results

    def _answer(self, text: str, lang: str) -> Prepared:
        answer = self.answering.answerer.answer(text, lang, detect_language=False, phrase=False)
        return Prepared(text, lang, answer)

    def _question(self, event: Event) -> tuple[str, str] | None:
        """The question an event asks and the language it is answered in, when it is one
        that can be answered off the writer."""
        if not isinstance(event, IncomingMessage) or event.chat_kind == "mentor_room":
            return None
        if not event.addressed or wants_reading(event.media, event.attachment):
            return None
        reader = self.store.reader()
        if reader.seen(event.key):
            return None
        user = reader.user(event.sender.ref)
        if user is not None and user["blocked"]:
            return None
        text, _ = clean(event.text, self.settings.max_message_chars)
        name, args = event.command or ("", "")
        hint = normalise(event.sender.language_code) or "en"
        lang = self._language(user or {"language_chosen": 0, "language": hint}, text)
        if name == "ask":
            text = args[: self.settings.max_message_chars]
            lang = detect(text) or lang
        elif name:
            return None
        if not text:
            return None
        return text, lang

    def screen_job(self, event: Event) -> ScreenJob | None:
        """The read-only check before a picture is fetched and read off the writer: a photo a
        newcomer sent the bot (not one relayed to their mentor), or a mentor's press of
        "label this screenshot". None for everything else; the commit decides again."""
        reader = self.store.reader()
        if isinstance(event, ButtonPress):
            callback = reader.callback(event.token)
            if callback is None or callback["action"] != "label" or reader.seen(event.key):
                return None
            args = callback["args"]
            handoff = HandoffRepo(reader.db).get(int(args.get("h", 0)))
            ref = event.sender.ref
            if handoff is None or not (handoff.held_by(ref) or is_admin(self.ctx, ref)):
                return None  # nothing is fetched for someone who does not hold it
            user = reader.user(ref)
            lang = str(user["language"] if user else "en") or "en"
            media = Media(str(args.get("p")), str(args.get("m")), int(args.get("s") or 0) or None)
            return ScreenJob(media, lang, handoff_id=int(args.get("h", 0)))
        if not isinstance(event, IncomingMessage) or event.media is None:
            return None
        if not wants_reading(event.media, event.attachment) or event.command:
            return None
        if event.chat_kind == "mentor_room" or not event.addressed or reader.seen(event.key):
            return None
        user = reader.user(event.sender.ref)
        if user is not None and user["blocked"]:
            return None
        handoff = HandoffRepo(reader.db).open_for(event.sender.ref)
        if handoff is not None and handoff.state == ACTIVE and event.chat_kind == "private":
            return None  # relayed to the mentor, who may ask for the labelled copy
        text, _ = clean(event.text, self.settings.max_message_chars)
        hint = normalise(event.sender.language_code) or "en"
        lang = self._language(user or {"language_chosen": 0, "language": hint}, text)
        return ScreenJob(event.media, lang)

    # --- messages
    def _joined(self, event: MemberJoined) -> list[Outgoing]:
        """A short welcome for people who joined a group, where the operators turned it on."""
        enabled = {"telegram": self.settings.telegram_group_welcome}
        if not enabled.get(event.address.platform) or not event.names:
            return []
        lang = normalise(event.language_code) or "en"
        names = ", ".join(event.names[:5])
        link = self.ctx.say.private_link(event.address.platform)
        buttons = [[Button(t("group.private_chat", lang), url=link)]] if link else []
        return [self.ctx.say.reply(event.address, t("group.welcome", lang, names=names), buttons)]

    def _message(
        self, event: IncomingMessage, now: datetime, prepared: Decided = None
    ) -> list[Outgoing]:
        ctx, sender, address = self.ctx, event.sender, event.address
        if event.chat_kind != "mentor_room" and not event.addressed:
            return []
        hint = normalise(sender.language_code) or "en"
        user = self.store.touch_user(sender, hint, now)
        if user["blocked"]:
            return []
        self.store.note_conversation(sender, address, event.chat_kind, now)
        limit = self.settings.max_message_chars
        text, cut = clean(event.text, limit)
        over, noticed = self.store.flood(
            sender.ref, now, self.settings.flood_limit, self.settings.flood_window_seconds
        )
        lang = self._language(user, text)
        if over:
            return [] if noticed else [ctx.say.reply(address, t("input.flood", lang))]
        name, args = event.command or ("", "")
        args = args[:limit]
        command = REGISTRY.get(name)
        answer = prepared if isinstance(prepared, Prepared) else None
        call = Call(event, name, args, lang, now, answer)
        if command is not None and command.who != "newcomer":
            return run(ctx, call)
        if not name and event.chat_kind != "group":
            space = ctx.handoffs.in_space(address)
            shared = event.chat_kind == "mentor_room" and not address.thread_id
            # a space in the room itself (no thread): only its mentor's words are relayed
            if space is not None and (not shared or space.held_by(sender.ref)):
                return relay_to_newcomer(ctx, sender, space, event, text, now)
        if event.chat_kind == "mentor_room":
            if name == "help" and is_mentor(ctx, sender):
                return run(ctx, call)
            if not name:
                return []
            return [ctx.say.reply(address, t("input.unknown_command", lang, command=f"/{name}"))]
        handoff = ctx.handoffs.open_for(sender.ref)
        escapes = command is not None and command.escapes
        if handoff and handoff.state == ACTIVE and event.chat_kind == "private" and not escapes:
            return relay_to_mentor(ctx, handoff, event, text, now)
        if not name and text and event.chat_kind == "private":
            rated = ctx.handoffs.awaiting_comment(sender.ref)
            if rated is not None:
                return comment(ctx, rated, address, text, lang, now)
        if not name and wants_reading(event.media, event.attachment):
            looked = prepared if isinstance(prepared, Looked) else None
            self.store.log(sender.ref, address, "in", summary(looked), now)
            return screenshot_reply(ctx, address, looked, lang, owner=sender.ref)
        self.store.log(sender.ref, address, "in", text, now)
        if command is not None:
            return run(ctx, call)
        if name:
            return [ctx.say.reply(address, t("input.unknown_command", lang, command=f"/{name}"))]
        if event.attachment and not text:
            return [ctx.say.reply(address, t("input.attachment", lang))]
        if not text:
            return [ctx.say.reply(address, t("input.empty", lang))]
        out = ask(ctx, sender, address, text, lang, event.chat_kind, answer)
        if cut:
            out.insert(0, ctx.say.reply(address, t("input.too_long", lang)))
        return out

    def _language(self, user: dict[str, Any], text: str) -> str:
        if user["language_chosen"]:
            return str(user["language"])
        return detect(text) or str(user["language"] or "en")

    # --- buttons
    def _press(self, event: ButtonPress, now: datetime, decided: Decided = None) -> list[Outgoing]:
        ctx, sender, address = self.ctx, event.sender, event.address
        hint = normalise(sender.language_code) or "en"
        user = self.store.touch_user(sender, hint, now)
        lang = str(user["language"] or "en")
        if user["blocked"]:
            return []
        callback = self.store.callback(event.token)
        if callback is None:
            logger.warning("refused unknown button token from %s", sender.ref)
            return [ctx.say.reply(address, t("input.button_stale", lang))]
        owner = callback["platform"], callback["user_id"]
        action = callback["action"]
        if owner[0] and owner != (sender.ref.platform, sender.ref.user_id):
            logger.warning("refused a button press by %s that was not theirs", sender.ref)
            key = "feedback.not_yours" if action == "vote" else "handoff.refused"
            return [ctx.say.reply(address, t(key, lang))]
        looked = decided if isinstance(decided, Looked) else None
        return press_button(ctx, action, Press(event, callback["args"], lang, now, looked))
