"""The handoff desk: newcomers ask for a person, mentors claim, talk, release and close.

It knows no platform: a mentor room is an Address, a handoff's space is a thread the
dispatcher opens (its platform ids are remembered under the ref `space:<id>`), and every
message to a mentor or a newcomer is an Outgoing like any other.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from bot.answering.service import Answering
from bot.handoff import states
from bot.handoff.briefs import announce, bot_answer, brief, edit_announcements
from bot.handoff.relay import comment, rate, relay_to_mentor, relay_to_newcomer
from bot.handoff.states import ACTIVE, CLOSED, OPEN, RATED, REQUESTED, transition
from bot.handoff.timers import nobody_on_shift, slow_notice, tick
from bot.i18n import t
from bot.models import Address, ButtonPress, IncomingMessage, Outgoing, Sender, UserRef
from bot.settings import Settings
from bot.store.records import Store, iso

if TYPE_CHECKING:
    from bot.engine import Engine

logger = logging.getLogger(__name__)
MENTOR_COMMANDS = (
    "queue",
    "claim",
    "release",
    "close",
    "mine",
    "transcript",
    "shift",
    "languages",
    "name",
    "block",
    "unblock",
    "reload",
    "suggest",
    "mentorhelp",
)
NEWCOMER_ESCAPES = ("end", "cancel", "privacy", "forget", "help", "language", "start")


class HandoffDesk:
    """Every handoff flow, driven by the engine's events and the tick."""

    def __init__(self, settings: Settings, store: Store, answering: Answering, engine: Engine):
        self.settings = settings
        self.store = store
        self.db = store.db
        self.answering = answering
        self.engine = engine

    # --- who is who
    def rooms(self) -> list[Address]:
        rooms = []
        if self.settings.telegram_mentor_chat_id:
            rooms.append(Address("telegram", self.settings.telegram_mentor_chat_id))
        if self.settings.discord_mentor_channel_id:
            rooms.append(Address("discord", self.settings.discord_mentor_channel_id))
        return rooms

    def _room(self, platform: str) -> Address | None:
        return next((room for room in self.rooms() if room.platform == platform), None)

    def is_admin(self, ref: UserRef) -> bool:
        return self.settings.is_admin(ref.platform, ref.user_id)

    def mentor(self, ref: UserRef) -> dict[str, Any] | None:
        rows = list(
            self.db.query(
                "SELECT * FROM mentors WHERE platform = ? AND user_id = ?",
                [ref.platform, ref.user_id],
            )
        )
        return rows[0] if rows else None

    def is_mentor(self, sender: Sender) -> bool:
        return (
            sender.is_room_member
            or self.is_admin(sender.ref)
            or self.mentor(sender.ref) is not None
        )

    def _enrol(self, sender: Sender, now: datetime) -> dict[str, Any]:
        row = self.mentor(sender.ref)
        if row is None:
            row = {
                "platform": sender.ref.platform,
                "user_id": sender.ref.user_id,
                "display_name": (sender.first_name or "Mentor")[:40],
                "languages": "en",
                "on_shift": 1,
                "capacity": self.settings.mentor_capacity,
                "created": iso(now),
            }
            self.db.table("mentors").insert(row)
        return row

    # --- lookups
    def handoff(self, handoff_id: int) -> dict[str, Any] | None:
        rows = list(self.db.query("SELECT * FROM handoffs WHERE id = ?", [handoff_id]))
        return rows[0] if rows else None

    def open_for(self, ref: UserRef) -> dict[str, Any] | None:
        rows = list(
            self.db.query(
                "SELECT * FROM handoffs WHERE newcomer_platform = ? AND newcomer_user = ?"
                " AND state IN ('requested', 'active') ORDER BY id DESC LIMIT 1",
                [ref.platform, ref.user_id],
            )
        )
        return rows[0] if rows else None

    def _awaiting_comment(self, ref: UserRef) -> dict[str, Any] | None:
        rows = list(
            self.db.query(
                "SELECT * FROM handoffs WHERE newcomer_platform = ? AND newcomer_user = ?"
                " AND state = 'rated' AND awaiting_comment = 1 ORDER BY id DESC LIMIT 1",
                [ref.platform, ref.user_id],
            )
        )
        return rows[0] if rows else None

    def held_by(self, ref: UserRef) -> list[dict[str, Any]]:
        return list(
            self.db.query(
                "SELECT * FROM handoffs WHERE mentor_platform = ? AND mentor_user = ?"
                " AND state = 'active' ORDER BY id",
                [ref.platform, ref.user_id],
            )
        )

    def _space_handoff(self, address: Address) -> dict[str, Any] | None:
        rows = list(
            self.db.query(
                "SELECT h.* FROM handoffs h JOIN sent_refs r ON r.ref = 'space:' || h.id"
                " WHERE r.platform = ? AND r.chat_id = ? AND COALESCE(r.thread_id, '') = ?"
                " AND h.state = 'active' ORDER BY h.last_activity DESC LIMIT 1",
                [address.platform, address.chat_id, address.thread_id or ""],
            )
        )
        return rows[0] if rows else None

    def position(self, handoff_id: int) -> int:
        row = self.db.execute(
            "SELECT COUNT(*) FROM handoffs WHERE state = 'requested' AND id <= ?", [handoff_id]
        ).fetchone()
        return int(row[0]) if row else 1

    # --- messages to people
    def _space(self, handoff: dict[str, Any], text: str) -> Outgoing:
        """A message into the handoff's own space (thread, topic or private chat)."""
        room = self._room(handoff["mentor_platform"] or "") or Address(
            handoff["mentor_platform"], handoff["space_chat"] or ""
        )
        return Outgoing(address=room, text=text, meta={"thread_ref": f"space:{handoff['id']}"})

    def _newcomer(self, handoff: dict[str, Any], text: str, buttons: Any = ()) -> Outgoing:
        address = Address(handoff["newcomer_platform"], handoff["newcomer_chat"])
        return Outgoing(address=address, text=text, buttons=tuple(tuple(r) for r in buttons))

    def _log(self, handoff_id: int, author: str, text: str, now: datetime) -> None:
        self.db.execute(
            "INSERT INTO handoff_messages (handoff_id, author, text, created) VALUES (?,?,?,?)",
            [handoff_id, author, text[:4000], iso(now)],
        )

    def refuse(self, sender: Sender, address: Address, lang: str) -> list[Outgoing]:
        logger.warning("refused a button press by %s that was not theirs", sender.ref)
        return [self.engine.reply(address, t("handoff.refused", lang))]

    # --- the engine's hooks
    def on_message(
        self, event: IncomingMessage, text: str, name: str, args: str, lang: str
    ) -> list[Outgoing] | None:
        """Handle what belongs to the desk; None hands the message back to the engine."""
        sender, address = event.sender, event.address
        now = self.engine.clock()
        mentor = self.is_mentor(sender)
        if name in MENTOR_COMMANDS:
            if not mentor:
                return [self.engine.reply(address, t("mentor.only_mentors", lang))]
            return self._mentor_command(event, name, args, lang, now)
        if mentor and not name and event.chat_kind != "group":
            handoff = self._space_handoff(address)
            shared = event.chat_kind == "mentor_room" and not address.thread_id
            # a space in the room itself (no thread): only its mentor's words are relayed
            if handoff is not None and (
                not shared
                or (handoff["mentor_platform"], handoff["mentor_user"])
                == (sender.ref.platform, sender.ref.user_id)
            ):
                return relay_to_newcomer(self, sender, handoff, event, text, now)
        if event.chat_kind == "mentor_room":
            if name == "help" and mentor:
                return [self.engine.reply(address, t("mentor_help", lang))]
            if not name:
                return []
            unknown = t("input.unknown_command", lang, command=f"/{name}")
            return [self.engine.reply(address, unknown)]
        handoff = self.open_for(sender.ref)
        if (
            handoff is not None
            and handoff["state"] == ACTIVE
            and event.chat_kind == "private"
            and name not in NEWCOMER_ESCAPES
        ):
            return relay_to_mentor(self, handoff, event, text, now)
        if not name and text and event.chat_kind == "private":
            rated = self._awaiting_comment(sender.ref)
            if rated is not None:
                return comment(self, rated, address, text, lang, now)
        return None

    def on_press(
        self, event: ButtonPress, action: str, args: dict[str, Any], lang: str
    ) -> list[Outgoing] | None:
        """Claim and rating buttons; None for buttons that are not the desk's."""
        now = self.engine.clock()
        if action == "claim":
            return self.claim(event.sender, event.address, int(args.get("h", 0)), lang, now)
        if action == "rate":
            return rate(self, event, int(args.get("h", 0)), int(args.get("r", 0)), lang, now)
        return None

    # --- newcomers
    def request(
        self, sender: Sender, address: Address, lang: str, chat_kind: str, question: str = ""
    ) -> list[Outgoing]:
        """A newcomer asks for a person: queue them and announce it in every mentor room."""
        now = self.engine.clock()
        if chat_kind == "group":
            link = self.engine.private_link(sender.ref.platform, "mentor")
            key = "handoff.go_private" if link else "handoff.go_private_nolink"
            return [self.engine.reply(address, t(key, lang, link=link))]
        rooms = self.rooms()
        if not rooms:
            return [self.engine.reply(address, t("handoff.no_mentors", lang))]
        existing = self.open_for(sender.ref)
        if existing is not None:
            if existing["state"] == ACTIVE:
                text = t("handoff.already_active", lang, mentor=existing["mentor_name"])
            else:
                text = t("handoff.already_queued", lang, position=self.position(existing["id"]))
            return [self.engine.reply(address, text)]
        recent = self.store.recent_questions(sender.ref, 5)
        asked = [row for row in recent if row["action"] != "handoff"]
        last = asked[-1] if asked else None
        question = question if question and not last else (last["text"] if last else question)
        cursor = self.db.execute(
            "INSERT INTO handoffs (state, newcomer_platform, newcomer_user, newcomer_chat,"
            " newcomer_name, language, question, bot_answer, created, last_activity,"
            " announce_again_at, give_up_notice_at, announcements)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,0)",
            [
                REQUESTED,
                sender.ref.platform,
                sender.ref.user_id,
                address.chat_id,
                (sender.first_name or "Newcomer")[:40],
                lang,
                question[:500],
                bot_answer(self, last, lang),
                iso(now),
                iso(now),
                iso(now + timedelta(minutes=self.settings.reannounce_minutes)),
                iso(now + timedelta(minutes=self.settings.give_up_notice_minutes)),
            ],
        )
        handoff = self.handoff(int(cursor.lastrowid or 0))
        assert handoff is not None
        self._log(handoff["id"], "system", f"requested: {question[:200]}", now)
        cancel = self.engine.button("/cancel", "cancel_handoff", sender.ref, h=handoff["id"])
        out = [
            self.engine.reply(
                address,
                t("handoff.queued", lang, position=self.position(handoff["id"])),
                [[cancel]],
            )
        ]
        out += announce(self, handoff, now)
        if nobody_on_shift(self):
            out += slow_notice(self, handoff, now)
        return out

    def newcomer_leaves(
        self, sender: Sender, address: Address, lang: str, how: str
    ) -> list[Outgoing]:
        """/cancel leaves the queue; /end closes a conversation with a mentor."""
        now = self.engine.clock()
        handoff = self.open_for(sender.ref)
        if handoff is None:
            return [self.engine.reply(address, t("handoff.nothing_open", lang))]
        if handoff["state"] == REQUESTED:
            if not transition(self.db, handoff["id"], "cancel", closed_at=iso(now)):
                return [self.engine.reply(address, t("handoff.nothing_open", lang))]
            self._log(handoff["id"], "system", "cancelled by newcomer", now)
            out = [self.engine.reply(address, t("handoff.cancelled", lang))]
            text = t(
                "mentor.cancelled_by_newcomer",
                "en",
                id=handoff["id"],
                name=handoff["newcomer_name"],
            )
            return out + edit_announcements(self, handoff, text)
        return self._close(handoff, now, by="newcomer")

    def _idle_at(self, now: datetime) -> str:
        return iso(now + timedelta(hours=self.settings.idle_close_hours))

    def claim(
        self, sender: Sender, address: Address, handoff_id: int, lang: str, now: datetime
    ) -> list[Outgoing]:
        """First claim wins; the others are told who got there first."""
        if not self.is_mentor(sender):
            return [self.engine.reply(address, t("mentor.only_mentors", lang))]
        mentor = self._enrol(sender, now)
        if not mentor["on_shift"]:
            return [self.engine.reply(address, t("mentor.off_shift", lang))]
        held = len(self.held_by(sender.ref))
        if held >= int(mentor["capacity"] or self.settings.mentor_capacity):
            return [
                self.engine.reply(
                    address, t("mentor.at_capacity", lang, count=held, capacity=mentor["capacity"])
                )
            ]
        handoff = self.handoff(handoff_id)
        if handoff is None:
            return [self.engine.reply(address, t("input.button_stale", lang))]
        won = transition(
            self.db,
            handoff_id,
            "claim",
            mentor_platform=sender.ref.platform,
            mentor_user=sender.ref.user_id,
            mentor_name=mentor["display_name"],
            claimed_at=iso(now),
            last_activity=iso(now),
            mentor_silent_at=iso(now + timedelta(minutes=self.settings.mentor_silent_minutes)),
            idle_close_at=self._idle_at(now),
            announce_again_at=None,
            give_up_notice_at=None,
        )
        if not won:
            current = self.handoff(handoff_id) or handoff
            if current["state"] == ACTIVE:
                text = t(
                    "mentor.already_claimed", lang, id=handoff_id, mentor=current["mentor_name"]
                )
            else:
                text = t("mentor.not_open", lang, id=handoff_id)
            return [self.engine.reply(address, text)]
        handoff = self.handoff(handoff_id)
        assert handoff is not None
        self._log(handoff_id, f"mentor:{sender.ref}", f"claimed by {mentor['display_name']}", now)
        out = edit_announcements(
            self,
            handoff,
            t(
                "mentor.claimed_by",
                "en",
                id=handoff_id,
                name=handoff["newcomer_name"],
                mentor=mentor["display_name"],
            ),
        )
        out.append(self._open_space(sender, handoff, address, now))
        out.append(
            self._newcomer(
                handoff,
                t("handoff.claimed_newcomer", handoff["language"], mentor=mentor["display_name"]),
            )
        )
        return out

    def _open_space(
        self, sender: Sender, handoff: dict[str, Any], pressed_in: Address, now: datetime
    ) -> Outgoing:
        room = self._room(sender.ref.platform)
        text = brief(self, handoff, now)
        private = self.store.private_address(sender.ref)
        meta = {"fallback_chat": private.chat_id} if private else {}
        link = self.engine.private_link(sender.ref.platform)
        if link:  # shown if the brief must land in the room because the mentor is unreachable
            meta["fallback_note"] = t("mentor.start_privately", "en", link=link)
        if room is None:
            target = private or pressed_in
            self.db.execute(
                "UPDATE handoffs SET space_chat = ? WHERE id = ?", [target.chat_id, handoff["id"]]
            )
            return Outgoing(address=target, text=text, ref=f"space:{handoff['id']}", meta=meta)
        name = f"#{handoff['id']} {handoff['newcomer_name']}"
        return Outgoing(
            address=room, text=text, ref=f"space:{handoff['id']}", new_thread=name, meta=meta
        )

    def _target(
        self, event: IncomingMessage, args: str, command: str, lang: str
    ) -> tuple[dict[str, Any] | None, list[Outgoing] | None, str]:
        """The handoff a mentor command is about: its space, an id, or the only one held."""
        words = args.split()
        rest = args
        handoff = None
        if words and words[0].lstrip("#").isdigit():
            handoff = self.handoff(int(words[0].lstrip("#")))
            rest = args[len(words[0]) :].strip()
        if handoff is None:
            handoff = self._space_handoff(event.address)
        if handoff is None:
            held = self.held_by(event.sender.ref)
            if len(held) == 1:
                handoff = held[0]
            elif not held:
                return None, [self.engine.reply(event.address, t("mentor.none_held", lang))], rest
            else:
                ids = ", ".join(f"#{h['id']}" for h in held)
                return (
                    None,
                    [
                        self.engine.reply(
                            event.address, t("mentor.which", lang, command=command, ids=ids)
                        )
                    ],
                    rest,
                )
        holder = (handoff["mentor_platform"], handoff["mentor_user"])
        mine = holder == (event.sender.ref.platform, event.sender.ref.user_id)
        if handoff["state"] != ACTIVE or not (mine or self.is_admin(event.sender.ref)):
            key = "mentor.not_yours" if handoff["state"] == ACTIVE else "mentor.not_open"
            return None, [self.engine.reply(event.address, t(key, lang, id=handoff["id"]))], rest
        return handoff, None, rest

    def _mentor_command(
        self, event: IncomingMessage, name: str, args: str, lang: str, now: datetime
    ) -> list[Outgoing]:
        from bot.handoff.commands import mentor_command

        return mentor_command(self, event, name, args, lang, now)

    def release(
        self, handoff: dict[str, Any], note: str, now: datetime, *, silent: bool = False
    ) -> list[Outgoing]:
        """Back to the queue, announced again with the mentor's note for the next one."""
        won = transition(
            self.db,
            handoff["id"],
            "release",
            mentor_platform=None,
            mentor_user=None,
            mentor_name=None,
            release_note=note[:500] or handoff["release_note"],
            mentor_silent_at=None,
            idle_close_at=None,
            announce_again_at=iso(now + timedelta(minutes=self.settings.reannounce_minutes)),
            give_up_notice_at=iso(now + timedelta(minutes=self.settings.give_up_notice_minutes)),
        )
        if not won:
            return []
        self._log(handoff["id"], "system", "released" + (" (mentor silent)" if silent else ""), now)
        key = "mentor.released_silent" if silent else "mentor.released"
        out = [
            self._space(
                handoff,
                t(key, "en", id=handoff["id"], minutes=int(self.settings.mentor_silent_minutes)),
            )
        ]
        fresh = self.handoff(handoff["id"])
        assert fresh is not None
        out.append(
            self._newcomer(
                fresh,
                t(
                    "handoff.released_newcomer",
                    fresh["language"],
                    position=self.position(fresh["id"]),
                ),
            )
        )
        return out + announce(self, fresh, now)

    def _close(self, handoff: dict[str, Any], now: datetime, *, by: str) -> list[Outgoing]:
        if not transition(self.db, handoff["id"], "close", closed_at=iso(now)):
            return []
        self._log(handoff["id"], "system", f"closed by {by}", now)
        lang = handoff["language"]
        ref = UserRef(handoff["newcomer_platform"], handoff["newcomer_user"])
        stars = [self.engine.button(str(n), "rate", ref, h=handoff["id"], r=n) for n in range(1, 6)]
        if by == "idle":
            newcomer_text = t("handoff.idle_closed_newcomer", lang)
            space_text = t(
                "mentor.idle_closed",
                "en",
                id=handoff["id"],
                hours=int(self.settings.idle_close_hours),
            )
        else:
            newcomer_text = t("handoff.closed_newcomer", lang, mentor=handoff["mentor_name"])
            space_text = (
                t(
                    "mentor.closed_by_newcomer",
                    "en",
                    id=handoff["id"],
                    name=handoff["newcomer_name"],
                )
                if by == "newcomer"
                else t("mentor.closed", "en", id=handoff["id"])
            )
        rows = [] if by == "idle" else [stars]
        return [self._space(handoff, space_text), self._newcomer(handoff, newcomer_text, rows)]

    def close(self, handoff: dict[str, Any], now: datetime, by: str = "mentor") -> list[Outgoing]:
        return self._close(handoff, now, by=by)

    def tick(self, now: datetime) -> list[Outgoing]:
        """Fire every deadline that has passed (see bot.handoff.timers)."""
        return tick(self, now)

    def forget(self, ref: UserRef) -> None:
        """Called before a user's data is deleted: close what they have open."""
        handoff = self.open_for(ref)
        if handoff is not None and handoff["state"] == ACTIVE:
            self._close(handoff, self.engine.clock(), by="newcomer")

    # --- timers


__all__ = ["CLOSED", "MENTOR_COMMANDS", "OPEN", "RATED", "HandoffDesk", "states"]
