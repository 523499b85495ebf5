"""Mentor handoff scenarios through in-memory platforms: a Telegram newcomer, Discord mentors."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from chat import Conversation, Person
from conftest import Clock, make_settings

from bot.answering.service import Answering
from bot.bootstrap import compose
from bot.models import Address, ButtonPress, Sender, UserRef
from bot.store import open_database
from bot.store.records import Store

TG_ROOM = Address("telegram", "-100777")
DC_ROOM = Address("discord", "888")


def newcomer(chat: Conversation, language: str = "en") -> Person:
    return chat.person("telegram", "42", "Ana", language_code=language)


def mentor(chat: Conversation, user_id: str = "500", name: str = "Mei") -> Person:
    person = chat.person("discord", user_id, name, chat_id="888", room_member=True)
    return person


def request(chat: Conversation, ana: Person) -> int:
    chat.say(ana, "how do I appeal a ban on my account")
    chat.say(ana, "/mentor")
    row = chat.engine.store.db.execute("SELECT MAX(id) FROM handoffs").fetchone()
    return int(row[0])


def announcement(chat: Conversation, room: Address) -> object:
    return [m for m in chat.room(room.platform, room.chat_id) if m.buttons][-1]


def claim(chat: Conversation, who: Person) -> None:
    chat.press(who, "Claim", message=announcement(chat, DC_ROOM), where=DC_ROOM, kind="mentor_room")


def space(chat: Conversation) -> tuple[str, Address]:
    threads = chat.threads("discord", "888")
    assert threads, "no handoff thread was opened"
    name = sorted(threads)[-1]
    return name, Address("discord", "888", name)


def test_request_queues_and_announces_in_every_room(chat: Conversation) -> None:
    ana = newcomer(chat)
    request(chat, ana)
    assert "number 1 in the queue" in ana.last().text and "keep asking" in ana.last().text
    for room in (TG_ROOM, DC_ROOM):
        brief = announcement(chat, room).text
        assert "Ana" in brief and "telegram" in brief and "appeal a ban" in brief
        assert "Bot answered:" in brief


def test_asking_in_plain_words_requests_a_mentor(chat: Conversation) -> None:
    ana = newcomer(chat)
    chat.say(ana, "can i talk to a real human please")
    assert "queue" in ana.last().text


def test_mentors_who_speak_the_language_are_named(chat: Conversation) -> None:
    mei = mentor(chat)
    chat.say(mei, "/languages en es", where=DC_ROOM)
    ana = newcomer(chat, language="es")
    chat.say(ana, "/language es")
    chat.say(ana, "/mentor")
    brief = announcement(chat, DC_ROOM)
    assert "Mei" in brief.text and brief.meta["mentions"] == "500"


def test_group_request_moves_to_a_private_chat(chat: Conversation) -> None:
    ana = chat.person("telegram", "42", "Ana", chat_id="-500")
    chat.say(ana, "/mentor", kind="group", where=ana.address)
    assert "https://t.me/newcomer_guide_bot?start=mentor" in ana.last().text


def test_claim_opens_a_thread_with_the_brief_and_edits_announcements(chat: Conversation) -> None:
    ana = newcomer(chat)
    request(chat, ana)
    mei = mentor(chat)
    claim(chat, mei)
    name, _ = space(chat)
    brief = chat.threads("discord", "888")[name][0].text
    assert "You're now helping Ana" in brief and "appeal a ban" in brief
    assert any("claimed by Mei" in e.text for e in chat.edits)
    assert {e.address.platform for e in chat.edits} == {"telegram", "discord"}
    assert "Mei, a volunteer mentor, is here" in ana.last().text


def test_messages_relay_both_ways_across_platforms(chat: Conversation) -> None:
    ana = newcomer(chat)
    request(chat, ana)
    mei = mentor(chat)
    claim(chat, mei)
    name, where = space(chat)
    chat.say(ana, "my account was suspended after one post")
    assert chat.threads("discord", "888")[name][-1].text == (
        "Ana: my account was suspended after one post"
    )
    chat.say(mei, "Sorry to hear that! What did the post show?", where=where)
    assert ana.last().text == "Mei: Sorry to hear that! What did the post show?"
    chat.say(ana, "", attachment="photo")
    assert "sent a photo" in chat.threads("discord", "888")[name][-1].text


def test_the_bot_does_not_answer_while_a_mentor_is_attached(chat: Conversation) -> None:
    ana = newcomer(chat)
    request(chat, ana)
    claim(chat, mentor(chat))
    seen = len(ana.inbox)
    chat.say(ana, "what is the cat tax")
    assert ana.inbox[seen:] == []  # no answer, no "not sure": it all goes to the mentor
    name, _ = space(chat)
    assert chat.threads("discord", "888")[name][-1].text == "Ana: what is the cat tax"


def test_race_of_claims_has_exactly_one_winner(
    tmp_path: Path, answering: Answering, clock: Clock
) -> None:
    settings = make_settings(tmp_path)
    engine = compose(settings, Store(open_database(settings.db_path)), answering, clock=clock)
    chat = Conversation(engine, clock)
    ana = newcomer(chat)
    handoff_id = request(chat, ana)
    token = engine.store.issue("claim", {"h": handoff_id}, None, clock())
    engines = [
        compose(settings, Store(open_database(settings.db_path)), answering, clock=clock)
        for _ in range(12)
    ]
    results: list[list[str]] = [[] for _ in engines]
    barrier = threading.Barrier(len(engines))

    def press(index: int) -> None:
        sender = Sender(UserRef("discord", str(600 + index)), f"M{index}", "en", True)
        event = ButtonPress(f"race:{index}", sender, DC_ROOM, token, "mentor_room")
        barrier.wait()
        results[index] = [o.text for o in engines[index].handle(event)]

    threads = [threading.Thread(target=press, args=(i,)) for i in range(len(engines))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    winners = [r for r in results if any("You're now helping" in t for t in r)]
    losers = [r for r in results if any("already claimed" in t for t in r)]
    assert len(winners) == 1 and len(losers) == len(engines) - 1
    row = engine.store.db.execute("SELECT state, mentor_user FROM handoffs").fetchone()
    assert row[0] == "active" and row[1].startswith("6")


def test_release_puts_it_back_with_a_note_and_another_mentor_claims(chat: Conversation) -> None:
    ana = newcomer(chat)
    request(chat, ana)
    mei, joe = mentor(chat), mentor(chat, "501", "Joe")
    claim(chat, mei)
    _, where = space(chat)
    chat.say(mei, "/release she needs someone who knows appeals", where=where)
    assert "back in the queue" in ana.last().text
    again = announcement(chat, DC_ROOM)
    assert "Note from the previous mentor: she needs someone who knows appeals" in again.text
    claim(chat, joe)
    assert "Joe, a volunteer mentor, is here" in ana.last().text


def test_close_then_rating_and_comment(chat: Conversation) -> None:
    ana = newcomer(chat)
    request(chat, ana)
    mei = mentor(chat)
    claim(chat, mei)
    name, where = space(chat)
    chat.say(mei, "/close", where=where)
    assert "How helpful was it?" in ana.last().text
    assert [b.label for b in ana.buttons()] == ["1", "2", "3", "4", "5"]
    chat.press(ana, "5")
    assert "add a comment" in ana.last().text
    chat.say(ana, "Mei was lovely, thank you")
    assert "passed on" in ana.last().text
    texts = [m.text for m in chat.threads("discord", "888")[name]]
    assert any("rated" in t and "5/5" in t for t in texts)
    assert any("Mei was lovely" in t for t in texts)
    row = chat.engine.store.db.execute("SELECT state, rating, comment FROM handoffs").fetchone()
    assert tuple(row) == ("rated", 5, "Mei was lovely, thank you")
    chat.press(
        ana,
        "4",
        message=[
            m for m in ana.inbox if m.buttons and "1" in [b.label for r in m.buttons for b in r]
        ][-1],
    )
    assert "no longer works" in ana.last().text


def test_newcomer_ends_and_cancels(chat: Conversation) -> None:
    ana = newcomer(chat)
    request(chat, ana)
    chat.say(ana, "/cancel")
    assert "left the queue" in ana.last().text
    assert any("withdrawn" in e.text for e in chat.edits)
    chat.say(ana, "/cancel")
    assert "not in the queue" in ana.last().text
    request(chat, ana)
    claim(chat, mentor(chat))
    chat.say(ana, "/end")
    assert "has ended" in ana.last().text


def test_asking_twice_says_where_you_are(chat: Conversation) -> None:
    ana = newcomer(chat)
    request(chat, ana)
    chat.say(ana, "/mentor")
    assert "already in the queue" in ana.last().text


def test_unclaimed_request_is_announced_again_then_gets_an_honest_wait(
    chat: Conversation, clock: Clock
) -> None:
    mentor(chat)
    chat.say(chat.people[0], "/shift on", where=DC_ROOM)
    ana = newcomer(chat)
    request(chat, ana)
    before = len([m for m in chat.room("discord", "888") if m.buttons])
    clock.advance(minutes=11)
    chat.tick()
    assert len([m for m in chat.room("discord", "888") if m.buttons]) == before + 1
    assert "Still looking" in ana.last().text
    clock.advance(minutes=20)
    chat.tick()
    assert "taking a while" in ana.last().text
    assert ana.buttons(), "the honest message offers the closest topics"


def test_nobody_on_shift_is_said_at_once(chat: Conversation) -> None:
    mei = mentor(chat)
    chat.say(mei, "/shift off", where=DC_ROOM)
    ana = newcomer(chat)
    request(chat, ana)
    assert "No mentor is on shift" in ana.last().text


def test_silent_mentor_returns_the_request_to_the_queue(chat: Conversation, clock: Clock) -> None:
    ana = newcomer(chat)
    request(chat, ana)
    claim(chat, mentor(chat))
    clock.advance(minutes=21)
    chat.tick()
    assert "back in the queue" in ana.last().text
    state = chat.engine.store.db.execute("SELECT state FROM handoffs").fetchone()[0]
    assert state == "requested"


def test_idle_handoff_closes_with_a_notice_to_both(chat: Conversation, clock: Clock) -> None:
    ana = newcomer(chat)
    request(chat, ana)
    mei = mentor(chat)
    claim(chat, mei)
    name, where = space(chat)
    chat.say(mei, "hi Ana!", where=where)
    clock.advance(hours=25)
    chat.tick()
    assert "quiet for a while" in ana.last().text
    assert "idle" in chat.threads("discord", "888")[name][-1].text


def test_timers_survive_a_restart(tmp_path: Path, answering: Answering, clock: Clock) -> None:
    settings = make_settings(tmp_path)
    first = Conversation(
        compose(settings, Store(open_database(settings.db_path)), answering, clock=clock), clock
    )
    ana = newcomer(first)
    request(first, ana)
    clock.advance(minutes=31)
    second = Conversation(
        compose(settings, Store(open_database(settings.db_path)), answering, clock=clock), clock
    )
    second.people.append(ana)
    second.tick()
    assert "taking a while" in ana.last().text


def test_mentor_at_capacity_or_off_shift_is_refused(chat: Conversation) -> None:
    mei = mentor(chat)
    chat.say(mei, "/shift off", where=DC_ROOM)
    ana = newcomer(chat)
    request(chat, ana)
    claim(chat, mei)
    assert "off shift" in chat.room("discord", "888")[-1].text
    chat.say(mei, "/shift on", where=DC_ROOM)
    for user in ("43", "44", "45"):
        other = chat.person("telegram", user, f"N{user}")
        chat.say(other, "/mentor")
        claim(chat, mei)
    claim(chat, mei)
    assert "limit is 3" in chat.room("discord", "888")[-1].text


def test_only_the_holder_can_release_or_close(chat: Conversation) -> None:
    ana = newcomer(chat)
    request(chat, ana)
    mei, joe = mentor(chat), mentor(chat, "501", "Joe")
    claim(chat, mei)
    handoff_id = chat.engine.store.db.execute("SELECT id FROM handoffs").fetchone()[0]
    chat.say(joe, f"/close {handoff_id}", where=DC_ROOM)
    assert "held by another mentor" in chat.room("discord", "888")[-1].text
    name, where = space(chat)
    seen = len(ana.inbox)
    chat.say(joe, "let me jump in", where=where)
    assert ana.inbox[seen:] == []  # nothing of Joe's reached Ana, under any name
    assert "held by another mentor" in chat.threads("discord", "888")[name][-1].text


def test_admin_can_close_any_handoff(chat: Conversation) -> None:
    ana = newcomer(chat)
    request(chat, ana)
    claim(chat, mentor(chat))
    admin = chat.person("telegram", "1", "Admin", chat_id="-100777")
    handoff_id = chat.engine.store.db.execute("SELECT id FROM handoffs").fetchone()[0]
    chat.say(admin, f"/close {handoff_id}", where=TG_ROOM)
    assert "How helpful was it?" in ana.last().text


def test_a_newcomer_cannot_claim_or_use_mentor_buttons(chat: Conversation) -> None:
    ana = newcomer(chat)
    request(chat, ana)
    bob = chat.person("telegram", "43", "Bob")
    chat.press_token(bob, announcement(chat, DC_ROOM).buttons[0][0].token)
    assert "only" in bob.last().text.lower()
    chat.press(bob, "/cancel", message=ana.last())
    assert "can't do that" in bob.last().text
    assert chat.engine.store.db.execute("SELECT state FROM handoffs").fetchone()[0] == "requested"


def test_a_newcomer_never_reaches_another_newcomers_mentor(chat: Conversation) -> None:
    ana = newcomer(chat)
    request(chat, ana)
    mei = mentor(chat)
    claim(chat, mei)
    bob = chat.person("telegram", "43", "Bob")
    chat.say(bob, "hello mei are you there")
    name, _ = space(chat)
    assert not any("Bob" in m.text for m in chat.threads("discord", "888")[name])


def test_mentor_commands(chat: Conversation) -> None:
    mei = mentor(chat)
    chat.say(mei, "/name Mei (she/her)", where=DC_ROOM)
    assert "Mei (she/her)" in chat.room("discord", "888")[-1].text
    ana = newcomer(chat)
    request(chat, ana)
    chat.say(mei, "/queue", where=DC_ROOM)
    assert "#1 Ana" in chat.room("discord", "888")[-1].text
    chat.say(mei, "/claim 1", where=DC_ROOM)
    assert "Mei (she/her), a volunteer mentor" in ana.last().text
    chat.say(mei, "/mine", where=DC_ROOM)
    assert "#1 Ana" in chat.room("discord", "888")[-1].text
    chat.say(ana, "thanks for coming")
    chat.say(mei, "/transcript 1", where=DC_ROOM)
    assert "thanks for coming" in chat.room("discord", "888")[-1].text
    chat.say(mei, "/shift maybe", where=DC_ROOM)
    assert "Usage" in chat.room("discord", "888")[-1].text


def test_transcript_is_refused_to_a_mentor_who_never_held_it(chat: Conversation) -> None:
    ana = newcomer(chat)
    request(chat, ana)
    claim(chat, mentor(chat))
    joe = mentor(chat, "501", "Joe")
    chat.say(joe, "/transcript 1", where=DC_ROOM)
    assert "held by another mentor" in chat.room("discord", "888")[-1].text


def test_block_stops_answers_and_mentor_requests_on_every_platform(chat: Conversation) -> None:
    mei = mentor(chat)
    ana = newcomer(chat)
    chat.say(mei, "/block telegram:42", where=DC_ROOM)
    assert chat.say(ana, "what is the cat tax") == []
    assert chat.say(ana, "/mentor") == []
    chat.say(mei, "/unblock telegram:42", where=DC_ROOM)
    assert chat.say(ana, "what is the cat tax")


def test_no_mentor_rooms_means_an_honest_no(
    tmp_path: Path, answering: Answering, clock: Clock
) -> None:
    settings = make_settings(tmp_path, TELEGRAM_MENTOR_CHAT_ID="", DISCORD_MENTOR_CHANNEL_ID="")
    chat = Conversation(
        compose(settings, Store(open_database(settings.db_path)), answering, clock=clock), clock
    )
    ana = newcomer(chat)
    chat.say(ana, "/mentor")
    assert "no volunteer mentors set up" in ana.last().text


@pytest.mark.parametrize("command", ["/release", "/close"])
def test_release_or_close_without_a_handoff(chat: Conversation, command: str) -> None:
    mei = mentor(chat)
    chat.say(mei, command, where=DC_ROOM)
    assert "don't hold any" in chat.room("discord", "888")[-1].text
