"""What every handler is given: the clock, settings, the stores, answering and the builder."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from bot.answering.service import Answering
from bot.builder import MessageBuilder
from bot.handoff.mentors import MentorRoster
from bot.handoff.repo import HandoffRepo
from bot.models import Address, ButtonPress, IncomingMessage, Sender
from bot.ops.instruments import Metrics
from bot.screens.glossary import Glossary
from bot.settings import Settings
from bot.store.records import Store


@dataclass(frozen=True)
class Context:
    """The small world a command, button or handoff handler works in."""

    settings: Settings
    clock: Callable[[], datetime]
    store: Store
    handoffs: HandoffRepo
    mentors: MentorRoster
    say: MessageBuilder
    answering: Answering
    metrics: Metrics
    glossary: Glossary | None = None  # the app's interface labels (knowledge/ui-glossary.yaml)


class Acted:
    """Who did it and where, read from the event (shared by commands and presses)."""

    event: IncomingMessage | ButtonPress

    @property
    def sender(self) -> Sender:
        return self.event.sender

    @property
    def address(self) -> Address:
        return self.event.address


@dataclass(frozen=True)
class Call(Acted):
    """One command as typed: who, where, `/name args`, in which language, when."""

    event: IncomingMessage
    name: str
    args: str
    lang: str
    now: datetime
    prepared: Any = None  # an answer decided off the writer thread (bot.answers.Prepared)


@dataclass(frozen=True)
class Press(Acted):
    """One button press whose token was valid and whose owner (if any) pressed it."""

    event: ButtonPress
    args: dict[str, Any]
    lang: str
    now: datetime
    looked: Any = None  # a screenshot read off the writer thread (bot.screenshots.Looked)
