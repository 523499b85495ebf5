"""Mentor rights come from the platform, and every handoff change goes through transition()."""

from __future__ import annotations

import re

import pytest
from chat import Conversation, Person
from conftest import Clock
from test_handoff import DC_ROOM, TG_ROOM, announcement, claim, mentor, newcomer, request, space

from bot.engine import Engine
from bot.handoff.repo import StateWrite
from bot.handoff.states import CANCELLED, IllegalTransition
from bot.models import Delivery, MemberChanged, Outgoing, UserRef
from bot.runtime import Runtime


def leaves(chat: Conversation, person: Person) -> None:
    """The platform says `person` is no longer a mentor (left the group, lost the role)."""
    person.room_member = False
    event = MemberChanged(f"test:left:{person.user_id}", person.ref, mentor=False)
    chat._deliver(chat.engine.handle(event))


def state(chat: Conversation, handoff_id: int = 1) -> str:
    handoff = chat.engine.ctx.handoffs.get(handoff_id)
    assert handoff is not None
    return handoff.state


def test_an_ex_mentor_can_no_longer_list_the_queue_or_claim(chat: Conversation) -> None:
    mei = mentor(chat)
    chat.say(mei, "/shift on", where=DC_ROOM)  # she acted as a mentor once: a row exists
    leaves(chat, mei)
    ana = newcomer(chat)
    request(chat, ana)
    private = chat.person("discord", "500", "Mei", chat_id="dm-500")
    chat.say(private, "/queue")
    assert private.last().text == "That's for volunteer mentors only."
    assert "Ana" not in " ".join(private.texts())
    chat.say(private, "/claim 1")
    assert private.last().text == "That's for volunteer mentors only."
    chat.press_token(private, announcement(chat, DC_ROOM).buttons[0][0].token)
    assert private.last().text == "That's for volunteer mentors only."
    assert state(chat) == "requested"


def test_a_mentor_who_leaves_gives_their_handoffs_back_and_the_newcomer_is_told(
    chat: Conversation,
) -> None:
    ana = newcomer(chat)
    request(chat, ana)
    mei = mentor(chat)
    claim(chat, mei)
    name, _ = space(chat)
    leaves(chat, mei)
    assert state(chat) == "requested"
    assert "no longer on the mentor team" in ana.last().text and "number 1" in ana.last().text
    assert "Mei is no longer a mentor" in chat.threads("discord", "888")[name][-1].text
    again = announcement(chat, TG_ROOM).text
    assert "left the mentor team" in again and "Mei" in again  # the note for the next mentor
    joe = mentor(chat, "501", "Joe")
    claim(chat, joe)
    assert "Joe, a volunteer mentor, is here" in ana.last().text
    lines = [row["text"] for row in chat.engine.ctx.handoffs.transcript(1)]
    assert "released (mentor left the team)" in lines and "claimed by Joe" in lines


def test_a_mentor_who_comes_back_is_a_mentor_again(chat: Conversation) -> None:
    mei = mentor(chat)
    chat.say(mei, "/shift on", where=DC_ROOM)
    leaves(chat, mei)
    assert not chat.engine.ctx.mentors.mentor(mei.ref).active  # type: ignore[union-attr]
    mei.room_member = True  # back in the room: the platform says so on her next act
    chat.say(mei, "/queue", where=DC_ROOM)
    assert chat.room("discord", "888")[-1].text == "Nobody is waiting. 🎉"
    assert chat.engine.ctx.mentors.mentor(mei.ref).active  # type: ignore[union-attr]


def test_admins_stay_mentors_when_they_leave_the_group(chat: Conversation) -> None:
    ana = newcomer(chat)
    request(chat, ana)
    admin = chat.person("telegram", "1", "Admin", chat_id="-100777", room_member=True)
    chat.press(
        admin, "Claim", message=announcement(chat, TG_ROOM), where=TG_ROOM, kind="mentor_room"
    )
    leaves(chat, admin)
    assert state(chat) == "active"
    private = chat.person("telegram", "1", "Admin", chat_id="1")
    chat.say(private, "/mine")
    assert "#1 Ana" in private.last().text


def test_forget_during_a_conversation_tells_the_mentor_and_closes_it(chat: Conversation) -> None:
    ana = newcomer(chat)
    request(chat, ana)
    mei = mentor(chat)
    claim(chat, mei)
    name, _ = space(chat)
    chat.say(ana, "/forget")
    chat.press(ana, "Yes, delete")
    assert state(chat) == "closed"
    told = chat.threads("discord", "888")[name][-1].text
    assert "deleted their data with /forget and left" in told and "#1" in told
    assert chat.engine.ctx.handoffs.held_by(mei.ref) == []
    assert "deleted" in ana.last().text.lower()


def test_forget_while_queued_withdraws_the_request_everywhere(chat: Conversation) -> None:
    ana = newcomer(chat)
    request(chat, ana)
    chat.say(ana, "/forget")
    chat.press(ana, "Yes, delete")
    assert state(chat) == CANCELLED
    withdrawn = [e for e in chat.edits if "withdrawn" in e.text]
    assert {e.address.platform for e in withdrawn} == {"telegram", "discord"}
    mei = mentor(chat)
    chat.say(mei, "/queue", where=DC_ROOM)
    assert "#1" not in chat.room("discord", "888")[-1].text


def test_block_cancels_a_queued_request_through_the_state_machine(chat: Conversation) -> None:
    ana = newcomer(chat)
    request(chat, ana)
    mei = mentor(chat)
    chat.say(mei, "/block telegram:42", where=DC_ROOM)
    assert state(chat) == CANCELLED
    assert any("withdrawn (the newcomer was blocked)" in e.text for e in chat.edits)
    lines = [row["text"] for row in chat.engine.ctx.handoffs.transcript(1)]
    assert "cancelled by block" in lines


def test_block_closes_an_active_handoff_and_tells_the_space(chat: Conversation) -> None:
    ana = newcomer(chat)
    request(chat, ana)
    mei = mentor(chat)
    claim(chat, mei)
    name, _ = space(chat)
    seen = len(ana.inbox)
    chat.say(mei, "/block telegram:42", where=DC_ROOM)
    assert state(chat) == "closed"
    assert "the newcomer was blocked" in chat.threads("discord", "888")[name][-1].text
    assert ana.inbox[seen:] == []  # a blocked user is not asked for a rating


def test_the_cancel_button_under_the_queue_message_leaves_the_queue(chat: Conversation) -> None:
    ana = newcomer(chat)
    request(chat, ana)
    chat.press(ana, "/cancel")
    assert state(chat) == CANCELLED
    assert ana.last().text.startswith("You've left the queue.")
    assert any("withdrawn by the newcomer" in e.text for e in chat.edits)


def test_every_state_write_is_the_one_conditional_update(chat: Conversation) -> None:
    statements: list[str] = []
    chat.engine.store.db.conn.set_trace_callback(statements.append)
    ana = newcomer(chat)
    request(chat, ana)
    mei = mentor(chat)
    claim(chat, mei)
    chat.say(mei, "/release please take over", where=space(chat)[1])
    joe = mentor(chat, "501", "Joe")
    claim(chat, joe)
    leaves(chat, joe)
    claim(chat, mei)
    chat.say(ana, "/end")
    chat.press(ana, "5")
    bob = chat.person("telegram", "43", "Bob")
    chat.say(bob, "/mentor")
    chat.say(bob, "/cancel")
    chat.engine.store.db.conn.set_trace_callback(None)
    writes = [s for s in statements if re.match(r"\s*UPDATE handoffs", s)]
    moves = [s for s in writes if re.search(r"\bstate\s*=", s.split("WHERE")[0])]
    assert len(moves) == 8  # claim, release, claim, left, claim, end, rate, cancel
    for sql in moves:
        assert re.search(r"WHERE id = \d+ AND state = '\w+'$", sql.strip()), sql


def test_the_repository_refuses_state_writes_and_illegal_moves(chat: Conversation) -> None:
    ana = newcomer(chat)
    request(chat, ana)
    handoffs = chat.engine.ctx.handoffs
    with pytest.raises(StateWrite):
        handoffs.update(1, state="closed")
    handoff = handoffs.get(1)
    assert handoff is not None
    with pytest.raises(IllegalTransition):
        handoffs.move(handoff, "closed", {})  # requested -> closed is not a move
    assert state(chat) == "requested"


# --- the ten-minute re-check, through the runtime


class Directory:
    """An in-memory platform that answers whether someone is still a mentor."""

    name = "discord"

    def __init__(self, members: set[str]):
        self.members = members
        self.asked: list[str] = []
        self.sent: list[Outgoing] = []

    async def send(self, message: Outgoing) -> Delivery:
        self.sent.append(message)
        return Delivery(str(len(self.sent)), thread_id="t1" if message.new_thread else None)

    async def edit(self, message: Outgoing, target: Delivery) -> None:
        self.sent.append(message)

    async def mentor_status(self, user_id: str) -> bool | None:
        self.asked.append(user_id)
        return user_id in self.members


async def test_the_runtime_rechecks_holders_after_ten_minutes(engine: Engine, clock: Clock) -> None:
    chat = Conversation(engine, clock)
    ana = newcomer(chat)
    request(chat, ana)
    mei = mentor(chat)
    claim(chat, mei)
    runtime = Runtime(engine)
    directory = Directory({"500"})
    runtime.attach(directory)
    try:
        assert await runtime.confirm_mentors() == 0  # confirmed at the claim, just now
        clock.advance(minutes=11)
        assert await runtime.confirm_mentors() == 1 and directory.asked == ["500"]
        assert state(chat) == "active"
        directory.members.clear()  # removed, and no update reached the bot
        clock.advance(minutes=11)
        await runtime.confirm_mentors()
        assert state(chat) == "requested"
        assert engine.ctx.mentors.mentor(UserRef("discord", "500")).active == 0  # type: ignore[union-attr]
    finally:
        await runtime.stop()
