"""The values the handoff repository returns: a handoff and a mentor, frozen as read."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from bot.handoff.states import ACTIVE
from bot.models import Address, UserRef


@dataclass(frozen=True)
class Handoff:
    """One request for a person, as stored; a new value is read after every change."""

    id: int
    state: str
    newcomer_platform: str
    newcomer_user: str
    newcomer_chat: str
    newcomer_name: str
    language: str
    question: str | None = None
    bot_answer: str | None = None
    mentor_platform: str | None = None
    mentor_user: str | None = None
    mentor_name: str | None = None
    space_chat: str | None = None
    release_note: str | None = None
    rating: int | None = None
    comment: str | None = None
    awaiting_comment: int = 0
    created: str = ""
    claimed_at: str | None = None
    closed_at: str | None = None
    last_activity: str | None = None
    announce_again_at: str | None = None
    give_up_notice_at: str | None = None
    mentor_silent_at: str | None = None
    idle_close_at: str | None = None
    announcements: int = 0

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Handoff:
        names = {f.name for f in fields(cls)}
        return cls(**{key: value for key, value in row.items() if key in names})

    @property
    def newcomer(self) -> UserRef:
        return UserRef(self.newcomer_platform, self.newcomer_user)

    @property
    def newcomer_address(self) -> Address:
        return Address(self.newcomer_platform, self.newcomer_chat)

    @property
    def mentor(self) -> UserRef | None:
        if not self.mentor_platform or not self.mentor_user:
            return None
        return UserRef(self.mentor_platform, self.mentor_user)

    @property
    def space(self) -> str:
        """The ref under which the dispatcher remembers this handoff's thread or chat."""
        return f"space:{self.id}"

    def held_by(self, ref: UserRef) -> bool:
        """True when `ref` is the mentor of this handoff and it is active."""
        return self.state == ACTIVE and self.mentor == ref


@dataclass(frozen=True)
class Mentor:
    """A volunteer as the bot knows them: their settings and when membership was confirmed."""

    platform: str
    user_id: str
    display_name: str
    languages: str
    on_shift: int
    capacity: int
    created: str
    active: int = 1
    confirmed_at: str | None = None

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Mentor:
        names = {f.name for f in fields(cls)}
        return cls(**{key: value for key, value in row.items() if key in names})

    @property
    def ref(self) -> UserRef:
        return UserRef(self.platform, self.user_id)
