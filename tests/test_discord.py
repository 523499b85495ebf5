"""The Discord adapter end to end: the real discord.py client against the loopback emulator,
the real engine, store and outbox behind it. Tests read what people see in their channels."""

from __future__ import annotations

import sys
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import discord
import pytest
from conftest import make_settings

from adapters.discord import DiscordAdapter
from bot.answering.service import Answering
from bot.bootstrap import compose
from bot.commands import COMMANDS
from bot.engine import Engine
from bot.models import (
    Address,
    Button,
    Delivery,
    DeliveryError,
    Event,
    IncomingMessage,
    Outgoing,
    Sender,
    UserRef,
)
from bot.runtime import Runtime
from bot.store import open_database
from bot.store.records import Store

try:
    from tests.emulators.discord_api import DiscordEmulator, SentMessage
except ImportError:  # tests/ is not a package: pytest puts tests/ itself on sys.path
    from emulators.discord_api import DiscordEmulator, SentMessage  # type: ignore[no-redef]

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Guide:
    """The running bot: emulator, adapter, runtime, and every event key the core was given."""

    emu: DiscordEmulator
    adapter: DiscordAdapter
    runtime: Runtime
    engine: Engine
    keys: list[str] = field(default_factory=list)

    def dm(self, user: str) -> int:
        return self.emu.dm_channel_for(user)

    async def says(self, user: str, text: str, channel: int | None = None, **kw: Any) -> int:
        """`user` posts; returns the message id once the core has handled it."""
        mid = self.emu.user_sends(channel or self.dm(user), user, text, **kw)
        await self.emu.wait_for(lambda: f"discord:msg:{mid}" in self.keys)
        return mid

    async def reply_in(self, channel: int, count: int) -> SentMessage:
        """The `count`-th bot message in a channel, once everything due is delivered."""
        message = await self.emu.wait_for_sent(channel, count=count)
        assert await self.runtime.drain(5)
        return message

    async def click(self, user: str, message: SentMessage, label: str) -> int:
        iid = self.emu.click_button(user, message.id, custom_id(message, label), message.channel_id)
        await self.emu.wait_for(lambda: f"discord:int:{iid}" in self.keys)
        response = await self.emu.wait_for_interaction_response(iid)
        assert response.type == 6  # a deferred update: the click is acknowledged silently
        return iid

    def outbox_states(self) -> list[tuple[str, str]]:
        rows = self.engine.store.db.execute("SELECT state, error FROM outbox ORDER BY id")
        return [(state, error or "") for state, error in rows.fetchall()]


def labels(message: SentMessage) -> list[str]:
    return [b["label"] for row in message.components for b in row["components"]]


def custom_id(message: SentMessage, label: str) -> str:
    for row in message.components:
        for button in row["components"]:
            if label in button["label"]:
                return str(button["custom_id"])
    raise AssertionError(f"no button {label!r} in {labels(message)}")


async def start_guide(
    emu: DiscordEmulator, data_dir: Path, answering: Answering, **env: str
) -> tuple[Guide, Any]:
    """The real bot on the emulator; every event key is recorded once the core handled it."""
    settings = make_settings(
        data_dir,
        DISCORD_BOT_TOKEN="x",
        DISCORD_API_BASE_URL=emu.rest_base,
        DISCORD_GATEWAY_URL=str(emu.gateway_url),
        DISCORD_MENTOR_CHANNEL_ID=str(emu.mentor_channel_id),
        DISCORD_MENTOR_ROLE_ID=str(emu.mentor_role_id),
        DISCORD_GUILD_IDS=str(emu.guild_id),
        TELEGRAM_MENTOR_CHAT_ID="",
        **env,
    )
    db = open_database(settings.db_path)
    engine = compose(settings, Store(db), answering)
    runtime = Runtime(engine)
    guide = Guide(emu, None, runtime, engine)  # type: ignore[arg-type]
    submit = runtime.submit

    async def recording_submit(event: Event) -> list[Outgoing]:
        out = await submit(event)
        guide.keys.append(getattr(event, "key", ""))
        return out

    runtime.submit = recording_submit  # type: ignore[method-assign]
    await runtime.start(tick=False)
    guide.adapter = DiscordAdapter(
        settings, runtime, guild_ready_timeout=0.1, identify_pause=0, reconnect_delay=0.05
    )
    await guide.adapter.start()
    return guide, db


@pytest.fixture
async def emu() -> AsyncIterator[DiscordEmulator]:
    async with DiscordEmulator(newcomers=["alice", "bob"], mentors=["mia"]) as emulator:
        with emulator.patch_discord():
            yield emulator


@pytest.fixture
async def guide(emu: DiscordEmulator, tmp_path: Path, answering: Answering) -> AsyncIterator[Guide]:
    running, db = await start_guide(emu, tmp_path, answering)
    yield running
    await running.adapter.stop()
    await running.runtime.stop()
    db.close()


async def claimed_handoff(guide: Guide) -> tuple[int, SentMessage]:
    """alice asks, votes 👎, asks for a mentor; mia claims. Returns (thread id, announcement)."""
    emu, dm = guide.emu, guide.dm("alice")
    await guide.says("alice", "what is the cat tax")
    answer = await guide.reply_in(dm, 1)
    await guide.click("alice", answer, "👎")
    offer = await guide.reply_in(dm, 2)
    assert "would you like a person" in offer.content
    await guide.click("alice", offer, "Talk to a mentor")
    announcement = await guide.reply_in(emu.mentor_channel_id, 1)
    assert "Request #1" in announcement.content and labels(announcement) == ["✋ Claim"]
    await guide.click("mia", announcement, "Claim")
    await emu.wait_for(lambda: emu.threads)
    await guide.reply_in(dm, 4)
    return emu.threads[0].id, announcement


# --- newcomers


async def test_a_dm_question_gets_a_sourced_answer_with_buttons(guide: Guide) -> None:
    await guide.says("alice", "wat is the cat tax lol")
    reply = await guide.reply_in(guide.dm("alice"), 1)
    assert "📖 Source:" in reply.content and "cat" in reply.content.lower()
    assert {"👍", "👎", "🔗 Sources"} <= set(labels(reply))
    assert all(cid.startswith("ng:") for cid in reply.custom_ids())
    assert reply.allowed_mentions is not None and reply.allowed_mentions["parse"] == []


async def test_a_mention_is_answered_and_chatter_is_left_alone(guide: Guide) -> None:
    emu = guide.emu
    await guide.says("bob", "nice server! what is the cat tax anyway", emu.general_channel_id)
    await guide.says("bob", "what is the cat tax", emu.general_channel_id, mentions_bot=True)
    answer = await guide.reply_in(emu.general_channel_id, 1)
    assert "📖 Source:" in answer.content
    await guide.says("bob", "and what does yyds mean?", emu.general_channel_id, reply_to=answer.id)
    second = await guide.reply_in(emu.general_channel_id, 2)
    assert "yyds" in second.content.lower()
    assert len(emu.sent(emu.general_channel_id)) == 2


async def test_a_mentor_whose_role_is_taken_loses_the_queue_and_their_handoff(
    guide: Guide,
) -> None:
    emu, dm = guide.emu, guide.dm("alice")
    await claimed_handoff(guide)
    sent_to_alice = len(emu.sent(dm))
    emu.set_mentor_role("mia", False)
    told = await guide.reply_in(dm, sent_to_alice + 1)
    assert "no longer on the mentor team" in told.content
    again = await emu.wait_for(
        lambda: [m for m in emu.sent(emu.mentor_channel_id) if "left the mentor team" in m.content]
    )
    assert labels(again[0]) == ["✋ Claim"]
    handoff = guide.engine.ctx.handoffs.get(1)
    assert handoff is not None and handoff.state == "requested"

    await guide.says("bob", "can I talk to a human?")
    for name, options in (("queue", {}), ("claim", {"id": 2})):
        iid = emu.slash_command("mia", name, options, guild=False)
        deferred = await emu.wait_for_interaction_response(iid)
        answer = await emu.wait_for(
            lambda d=deferred: emu.message(d.message_id).get("content")  # type: ignore[misc]
        )
        assert answer == "That's for volunteer mentors only.", name
    await guide.click("mia", again[0], "Claim")  # the old button, pressed in the room
    refused = await emu.wait_for(
        lambda: [m for m in emu.sent(emu.mentor_channel_id) if "mentors only" in m.content]
    )
    assert refused
    handoff = guide.engine.ctx.handoffs.get(1)
    assert handoff is not None and handoff.state == "requested"


async def test_topics_slash_command_is_answered_as_its_response(guide: Guide) -> None:
    emu = guide.emu
    iid = emu.slash_command("alice", "topics")
    deferred = await emu.wait_for_interaction_response(iid)
    assert deferred.type == 5 and not deferred.ephemeral
    edit = await emu.wait_for(lambda: [e for e in emu.edits if e.via == "interaction"])
    assert edit[0].payload["content"] == "What would you like to read about?"
    message = emu.message(edit[0].message_id)
    buttons = [b for row in message["components"] for b in row["components"]]
    assert len(buttons) >= 8 and all(b["custom_id"].startswith("ng:") for b in buttons)
    assert emu.sent() == []  # no separate channel message


async def test_a_slash_command_with_two_replies_answers_then_follows_up(guide: Guide) -> None:
    emu, dm = guide.emu, guide.dm("alice")
    off = emu.slash_command("mia", "shift", {"state": "off"}, channel_id=emu.mentor_channel_id)
    deferred = await emu.wait_for_interaction_response(off)
    await emu.wait_for(lambda: any(e.message_id == deferred.message_id for e in emu.edits))
    iid = emu.slash_command("alice", "mentor", guild=False)
    deferred = await emu.wait_for_interaction_response(iid)
    assert deferred.type == 5 and not deferred.ephemeral
    followups = await emu.wait_for(
        lambda: [m for m in emu.sent(dm, include_interactions=True) if m.via == "followup"]
    )
    assert "No mentor is on shift right now" in followups[0].content
    assert followups[0].custom_ids() and not followups[0].ephemeral
    answer = emu.message(deferred.message_id)["content"]
    assert "You're number 1 in the queue" in answer
    assert emu.sent(dm) == []  # both went out as the command's response
    announcement = await guide.reply_in(emu.mentor_channel_id, 1)
    assert labels(announcement) == ["✋ Claim"]


async def test_a_forged_button_is_refused_politely(guide: Guide) -> None:
    dm = guide.dm("alice")
    iid = guide.emu.click_button("alice", 4242, "ng:forged", dm)
    await guide.emu.wait_for(lambda: f"discord:int:{iid}" in guide.keys)
    refusal = await guide.reply_in(dm, 1)
    assert "that button no longer works" in refusal.content


# --- mentors


async def test_mentor_flow_claim_thread_relay_close_and_rating(guide: Guide) -> None:
    emu, dm = guide.emu, guide.dm("alice")
    thread, announcement = await claimed_handoff(guide)

    edited = [e for e in emu.edits if e.message_id == announcement.id]
    assert "claimed by mia" in edited[-1].payload["content"]
    assert edited[-1].payload["components"] == []  # the Claim button is gone
    record = emu.threads[0]
    assert record.parent_id == emu.mentor_channel_id and record.name == "#1 alice"
    assert "You're now helping alice" in emu.sent(emu.mentor_channel_id)[1].content
    assert "mia, a volunteer mentor, is here to help" in emu.sent(dm)[3].content

    await guide.says("alice", "my post about my cat was removed")
    relayed = await guide.reply_in(thread, 1)
    assert relayed.content == "alice: my post about my cat was removed"
    await guide.says("mia", "Sorry! What did the post show?", thread)
    to_alice = await guide.reply_in(dm, 5)
    assert to_alice.content == "mia: Sorry! What did the post show?"

    iid = emu.slash_command("mia", "close", channel_id=thread)
    assert (await emu.wait_for_interaction_response(iid)).ephemeral
    await emu.wait_for(lambda: any(d.via == "interaction" for d in emu.deletions))
    closed = await guide.reply_in(dm, 6)
    assert "has ended" in closed.content and labels(closed) == ["1", "2", "3", "4", "5"]
    assert "is closed" in (await guide.reply_in(thread, 2)).content
    await guide.click("alice", closed, "5")
    assert "Thank you!" in (await guide.reply_in(dm, 7)).content
    assert "rated #1: 5/5" in (await guide.reply_in(thread, 3)).content


async def test_a_thread_discord_py_lost_track_of_is_looked_up(guide: Guide) -> None:
    thread, _ = await claimed_handoff(guide)
    guild = guide.adapter.bot.get_guild(guide.emu.guild_id)
    assert guild is not None
    guild._remove_thread(await guide.emu.wait_for(lambda: guild.get_thread(thread)))
    await guide.says("mia", "still there?", thread)
    assert (await guide.reply_in(guide.dm("alice"), 5)).content == "mia: still there?"
    assert guide.emu.count("GET", "/channels/{channel_id}") == 1


async def test_an_archived_thread_is_reopened_to_relay(guide: Guide) -> None:
    emu = guide.emu
    thread, _ = await claimed_handoff(guide)
    guild = guide.adapter.bot.get_guild(emu.guild_id)
    assert guild is not None
    cached = await emu.wait_for(lambda: guild.get_thread(thread))
    await cached.edit(archived=True)  # what Discord does after a day of silence
    await guide.says("alice", "hello again")
    assert (await guide.reply_in(thread, 1)).content == "alice: hello again"
    assert emu.channel(thread)["thread_metadata"]["archived"] is False
    assert [s for s, _ in guide.outbox_states()].count("sent") == len(guide.outbox_states())


async def test_relayed_mentions_never_ping(guide: Guide) -> None:
    thread, _ = await claimed_handoff(guide)
    await guide.says("alice", "@everyone **look** @here <@&123456789012345678>")
    relayed = await guide.reply_in(thread, 1)
    assert relayed.allowed_mentions is not None
    assert relayed.allowed_mentions["parse"] == [] and not relayed.allowed_mentions.get("users")
    assert "@everyone" not in relayed.content and "@here" not in relayed.content
    assert "\\*\\*look\\*\\*" in relayed.content
    assert guide.emu.message(relayed.id)["mention_everyone"] is False


async def test_a_mentor_on_shift_is_pinged_by_id_only(guide: Guide) -> None:
    emu = guide.emu
    mia = emu.user("mia")
    iid = emu.slash_command("mia", "shift", {"state": "on"}, channel_id=emu.mentor_channel_id)
    assert (await emu.wait_for_interaction_response(iid)).ephemeral
    answer = await emu.wait_for(
        lambda: [e for e in emu.edits if e.via == "interaction" and e.message_id]
    )
    assert "shift" in answer[0].payload["content"].lower()
    await guide.says("alice", "/mentor")
    announcement = await guide.reply_in(emu.mentor_channel_id, 1)
    assert announcement.content.startswith(f"<@{mia.id}>\n")
    assert announcement.allowed_mentions == {"parse": [], "users": [mia.id]}


async def test_a_newcomer_with_closed_dms_fails_and_the_mentor_is_told(guide: Guide) -> None:
    thread, _ = await claimed_handoff(guide)
    guide.emu.close_dms("alice")
    await guide.says("mia", "are you still there?", thread)
    notice = await guide.reply_in(thread, 1)
    assert "couldn't deliver" in notice.content and "DMs closed" in notice.content
    failed = [error for state, error in guide.outbox_states() if state == "failed"]
    assert failed == ["cannot send messages to this user (DMs closed)"]


# --- transport


async def test_a_long_message_is_split_with_buttons_on_the_last_part(guide: Guide) -> None:
    dm = guide.dm("alice")
    text = " ".join(["word"] * 420)  # 2099 characters
    delivery = await guide.adapter.send(
        Outgoing(Address("discord", str(dm)), text, buttons=((Button("OK", token="t0k"),),))
    )
    parts = guide.emu.sent(dm)
    assert [len(p.content or "") <= 2000 for p in parts] == [True, True]
    assert " ".join(p.content or "" for p in parts) == text
    assert parts[0].components == [] and parts[1].custom_ids() == ["ng:t0k"]
    assert delivery == Delivery(str(parts[1].id))


async def test_a_split_message_retried_after_its_second_part_failed_sends_only_the_rest(
    guide: Guide,
) -> None:
    dm = guide.dm("alice")
    text = " ".join(["word"] * 420)  # two parts
    message = Outgoing(Address("discord", str(dm)), text, buttons=((Button("OK", token="t0k"),),))
    guide.emu.fail_next("POST", r"/channels/\d+/messages", 503, skip=1)
    with pytest.raises(DeliveryError) as failed:
        await guide.adapter.send(message)
    assert not failed.value.permanent and len(guide.emu.sent(dm)) == 1
    delivery = await guide.adapter.send(message)  # what the dispatcher's retry does
    parts = guide.emu.sent(dm)
    assert len(parts) == 2 and " ".join(p.content or "" for p in parts) == text
    assert parts[1].custom_ids() == ["ng:t0k"] and delivery == Delivery(str(parts[1].id))
    await guide.adapter.send(message)  # the same text again later is a new message
    assert len(guide.emu.sent(dm)) == 4


async def test_resume_replay_does_not_answer_twice(guide: Guide) -> None:
    emu, dm = guide.emu, guide.dm("alice")
    mid = await guide.says("alice", "what is the cat tax")
    await guide.reply_in(dm, 1)
    frame = next(i for i, f in enumerate(emu.dispatched) if f["d"].get("id") == str(mid))
    emu.force_reconnect(resume=True, replay_last=len(emu.dispatched) - frame)
    await emu.wait_for(lambda: emu.resume_count == 1)
    await emu.wait_for(lambda: guide.keys.count(f"discord:msg:{mid}") == 2)
    await guide.says("alice", "what does yyds mean")
    await guide.reply_in(dm, 2)
    assert len(emu.sent(dm)) == 2 and emu.identify_count == 1


async def test_a_crashed_gateway_is_reconnected(guide: Guide) -> None:
    emu = guide.emu
    emu.push_raw_dispatch("MESSAGE_CREATE", {"id": "1", "channel_id": "2"})
    await emu.wait_for(lambda: emu.identify_count == 2 and guide.adapter.bot.is_ready())
    assert guide.adapter.crashes == 1
    await guide.says("alice", "what is the cat tax")
    assert "📖 Source:" in (await guide.reply_in(guide.dm("alice"), 1)).content


async def test_a_rate_limited_send_is_retried_by_discord_py(guide: Guide) -> None:
    emu = guide.emu
    emu.fail_next("POST", r"/channels/\d+/messages", 429, retry_after=0.1)
    await guide.says("alice", "what is the cat tax")
    assert "📖 Source:" in (await guide.reply_in(guide.dm("alice"), 1)).content
    assert [s for s, _ in guide.outbox_states()] == ["sent"]


# --- across platforms


@dataclass
class RecordingTelegram:
    """The Telegram side in memory: records what the core sends there."""

    name: str = "telegram"
    sent: list[Outgoing] = field(default_factory=list)

    async def send(self, message: Outgoing) -> Delivery:
        self.sent.append(message)
        return Delivery(str(len(self.sent)))

    async def edit(self, message: Outgoing, target: Delivery) -> None:
        self.sent.append(message)


async def test_a_telegram_newcomer_is_helped_by_a_discord_mentor(guide: Guide) -> None:
    emu = guide.emu
    telegram = RecordingTelegram()
    guide.runtime.attach(telegram)
    ana = Sender(UserRef("telegram", "42"), "Ana", "es")
    chat = Address("telegram", "42")

    async def ana_says(text: str, n: int) -> None:
        event = IncomingMessage(f"telegram:{n}", ana, chat, text)
        await guide.runtime.submit(event)
        assert await guide.runtime.drain(5)

    await ana_says("/mentor", 1)
    announcement = await guide.reply_in(emu.mentor_channel_id, 1)
    assert "Ana (telegram, es)" in announcement.content
    await guide.click("mia", announcement, "Claim")
    await emu.wait_for(lambda: emu.threads)
    thread = emu.threads[0].id
    await emu.wait_for(lambda: any("mia" in m.text for m in telegram.sent))
    await ana_says("hola, ¿me ayudas con mi cuenta?", 2)
    assert (await guide.reply_in(thread, 1)).content == "Ana: hola, ¿me ayudas con mi cuenta?"
    await guide.says("mia", "¡Claro! ¿Qué pasa?", thread)
    await guide.emu.wait_for(lambda: telegram.sent[-1].text == "mia: ¡Claro! ¿Qué pasa?")
    assert telegram.sent[-1].address == chat


async def test_every_slash_command_is_synced_to_the_guild_only(guide: Guide) -> None:
    commands = {c["name"]: c for c in guide.emu.synced_commands[guide.emu.guild_id]}
    assert set(commands) == {c.name for c in COMMANDS if "discord" in c.platforms}
    assert {"ask", "mentor", "queue", "claim", "unblock", "suggest"} <= set(commands)
    assert "start" not in commands  # a Telegram convention
    claim = commands["claim"]["options"][0]
    assert (claim["name"], claim["type"], claim["required"]) == ("id", 4, True)
    shift = commands["shift"]["options"][0]
    assert [choice["value"] for choice in shift["choices"]] == ["on", "off"]
    assert commands["queue"]["description"].startswith("(mentors)")
    assert None not in guide.emu.synced_commands
    intents = discord.Intents._from_value(guide.emu.identify_payloads[0]["intents"])
    assert intents == guide.adapter.bot.intents and intents.members and intents.message_content


def test_the_load_benchmark_runs_without_loss(
    answering: Answering, capsys: pytest.CaptureFixture[str]
) -> None:
    if str(ROOT) not in sys.path:
        sys.path.append(str(ROOT))
    from benchmarks import discord_load

    assert discord_load.main(["--users", "10", "--questions", "2"], answering=answering) == 0
    out = capsys.readouterr().out
    assert "answered 20" in out and "lost 0, duplicated 0" in out and "p99" in out


# --- housekeeping: slash-command sync, dynamic buttons, interaction expiry


async def test_slash_commands_are_synced_only_when_their_definition_changed(
    guide: Guide, tmp_path: Path
) -> None:
    from adapters.discord.adapter import sync_commands
    from adapters.discord.slash import SYNC_STAMP

    emu, settings = guide.emu, guide.adapter.settings
    first = len(emu.command_syncs)
    assert first >= 1 and (tmp_path / SYNC_STAMP).is_file()
    await guide.adapter.stop()
    again = DiscordAdapter(
        settings, guide.runtime, guild_ready_timeout=0.1, identify_pause=0, reconnect_delay=0.05
    )
    await again.start()
    await again.stop()
    assert len(emu.command_syncs) == first  # a restart with the same commands syncs nothing
    (tmp_path / SYNC_STAMP).write_text("an older definition\n")
    changed = DiscordAdapter(
        settings, guide.runtime, guild_ready_timeout=0.1, identify_pause=0, reconnect_delay=0.05
    )
    await changed.start()
    await changed.stop()
    assert len(emu.command_syncs) == 2 * first
    await sync_commands(settings)  # `guide discord sync` forces it
    assert len(emu.command_syncs) == 3 * first
    names = {command["name"] for command in emu.command_syncs[-1].commands}
    assert {"topics", "ask", "claim"} <= names
    guide.adapter = again  # already stopped; the fixture's stop() is harmless


async def test_buttons_are_dynamic_items_carrying_the_opaque_token(guide: Guide) -> None:
    from adapters.discord import render
    from adapters.discord.buttons import TokenButton

    view = render.view([[Button("OK", token="t0k"), Button("Docs", url="https://example.org")]])
    token_buttons = [item for item in view.children if isinstance(item, TokenButton)]
    assert [b.token for b in token_buttons] == ["t0k"] and token_buttons[0].custom_id == "ng:t0k"
    dm = guide.dm("alice")
    await guide.says("alice", "what is the cat tax")
    answer = await guide.reply_in(dm, 1)
    await guide.click("alice", answer, "👍")  # routed by discord.py to TokenButton.callback
    thanks = await guide.reply_in(dm, 2)
    assert thanks.content


def test_a_slash_answer_waits_only_while_its_interaction_is_alive() -> None:
    from adapters.discord.outbound import Answers

    class FakeInteraction:
        def __init__(self, ident: int, expired: bool) -> None:
            self.id, self.expired = ident, expired

        def is_expired(self) -> bool:
            return self.expired

    answers = Answers()
    fresh, stale = FakeInteraction(1, False), FakeInteraction(2, True)
    reply_a = Outgoing(Address("discord", "9"), "a")
    reply_b = Outgoing(Address("discord", "9"), "b")
    answers.expect(fresh, [reply_a], ephemeral=False)  # type: ignore[arg-type]
    answers.expect(stale, [reply_b], ephemeral=False)  # type: ignore[arg-type]
    assert answers.take(reply_b) is None  # expired: it goes out as an ordinary message
    assert not answers.unanswered(stale)  # type: ignore[arg-type]
    waiting = answers.take(reply_a)
    assert waiting is not None and waiting.interaction is fresh
