"""A conversation harness: people type and press buttons; tests read what each one sees.

It plays the platforms' part in memory: it turns what people do into core events, feeds the
engine, and, like the dispatcher, records the platform ids of messages with a ref (threads,
announcements) so edits and thread relays resolve exactly as they do in production.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from bot.delivery import Outbox
from bot.engine import Engine
from bot.models import (
    Address,
    Button,
    ButtonPress,
    ChatKind,
    Delivery,
    IncomingMessage,
    Media,
    Outgoing,
    Sender,
    Tick,
    UserRef,
)
from bot.screenshots import Looked, Looker


@dataclass
class Person:
    """Someone in the test: where they talk to the bot, and what they have seen."""

    platform: str
    user_id: str
    first_name: str
    language_code: str | None = "en"
    chat_id: str = ""
    room_member: bool = False
    inbox: list[Outgoing] = field(default_factory=list)

    @property
    def ref(self) -> UserRef:
        return UserRef(self.platform, self.user_id)

    @property
    def sender(self) -> Sender:
        return Sender(self.ref, self.first_name, self.language_code, self.room_member)

    @property
    def address(self) -> Address:
        return Address(self.platform, self.chat_id or self.user_id)

    def texts(self) -> list[str]:
        return [message.text for message in self.inbox]

    def last(self) -> Outgoing:
        return self.inbox[-1]

    def buttons(self) -> list[Button]:
        return [button for row in self.last().buttons for button in row]


class Conversation:
    """Drives the engine and routes what it returns to the people (and rooms) it addresses."""

    def __init__(self, engine: Engine, clock: object):
        self.engine = engine
        self.clock = clock
        self.outbox = Outbox(engine.store)
        self.keys = itertools.count(1)
        self.message_ids = itertools.count(1000)
        self.rooms: dict[tuple[str, str, str | None], list[Outgoing]] = {}
        self.edits: list[Outgoing] = []
        self.people: list[Person] = []
        self.files: dict[str, bytes] = {}  # what people sent, as the platform keeps it
        self.looker: Looker | None = None

    def person(self, platform: str, user_id: str, name: str, **kwargs: object) -> Person:
        person = Person(platform, user_id, name, **kwargs)  # type: ignore[arg-type]
        self.people.append(person)
        return person

    def _deliver(self, out: list[Outgoing]) -> list[Outgoing]:
        pending = [
            row
            for group in self.outbox.due(self.clock(), {"telegram", "discord", "console"})
            for row in group
        ]
        for row in pending:
            message = row.message
            if message.edit_ref:
                self.edits.append(message)
                self.outbox.sent(row, None, self.clock())
                continue
            thread = message.address.thread_id
            if message.new_thread:
                thread = f"thread-{next(self.message_ids)}"
            address = Address(message.address.platform, message.address.chat_id, thread)
            self.rooms.setdefault((address.platform, address.chat_id, thread), []).append(message)
            for person in self.people:
                if (person.platform, person.chat_id or person.user_id) == (
                    address.platform,
                    address.chat_id,
                ):
                    person.inbox.append(message)
            delivery = Delivery(str(next(self.message_ids)), thread_id=thread)
            self.outbox.sent(row, delivery, self.clock())
        return out

    def say(
        self,
        person: Person,
        text: str,
        *,
        where: Address | None = None,
        kind: ChatKind | None = None,
        addressed: bool = True,
        attachment: str | None = None,
        key: str | None = None,
    ) -> list[Outgoing]:
        address = where or person.address
        chat_kind: ChatKind = kind or ("private" if where is None else "mentor_room")
        event = IncomingMessage(
            key=key or f"test:{next(self.keys)}",
            sender=person.sender,
            address=address,
            text=text,
            chat_kind=chat_kind,
            addressed=addressed,
            attachment=attachment,  # type: ignore[arg-type]
        )
        return self._deliver(self.engine.handle(event))

    def photo(
        self,
        person: Person,
        data: bytes,
        *,
        caption: str = "",
        where: Address | None = None,
        kind: ChatKind | None = None,
        addressed: bool = True,
        attachment: str = "photo",
        mime: str = "image/png",
    ) -> list[Outgoing]:
        """Send a picture: the platform keeps its bytes (`files`); the engine's check and the
        looker read it as the runtime would, before the commit."""
        handle = f"file-{next(self.message_ids)}"
        self.files[handle] = data
        address = where or person.address
        event = IncomingMessage(
            key=f"test:{next(self.keys)}",
            sender=person.sender,
            address=address,
            text=caption,
            chat_kind=kind or ("private" if where is None else "mentor_room"),
            addressed=addressed,
            attachment=attachment,  # type: ignore[arg-type]
            media=Media(person.platform, handle, len(data), mime),
        )
        return self._deliver(self.engine.handle(event, self._look(event)))

    def _look(self, event: IncomingMessage | ButtonPress) -> Looked | None:
        job = self.engine.screen_job(event)
        if job is None:
            return None
        assert self.looker is not None, "set chat.looker to read pictures"
        return self.looker.read(self.files[job.media.handle], job)

    def press(
        self,
        person: Person,
        label: str,
        *,
        message: Outgoing | None = None,
        where: Address | None = None,
        kind: ChatKind = "private",
    ) -> list[Outgoing]:
        source = message or person.last()
        matches = [b for row in source.buttons for b in row if label in b.label]
        assert matches, f"no button {label!r} in {[b.label for r in source.buttons for b in r]}"
        return self.press_token(person, matches[0].token, where=where, kind=kind)

    def press_token(
        self,
        person: Person,
        token: str,
        *,
        where: Address | None = None,
        kind: ChatKind = "private",
    ) -> list[Outgoing]:
        event = ButtonPress(
            key=f"test:{next(self.keys)}",
            sender=person.sender,
            address=where or person.address,
            token=token,
            chat_kind=kind,
        )
        return self._deliver(self.engine.handle(event, self._look(event)))

    def tick(self) -> list[Outgoing]:
        return self._deliver(self.engine.handle(Tick(self.clock())))  # type: ignore[operator]

    def room(self, platform: str, chat_id: str, thread: str | None = None) -> list[Outgoing]:
        return self.rooms.get((platform, chat_id, thread), [])

    def threads(self, platform: str, chat_id: str) -> dict[str, list[Outgoing]]:
        return {
            key[2]: messages
            for key, messages in self.rooms.items()
            if key[:2] == (platform, chat_id) and key[2]
        }
