"""The Telegram adapter end to end: the real python-telegram-bot client, the real core, and
the Bot API emulator on 127.0.0.1. Tests read like what people see in their chats."""

from __future__ import annotations

import asyncio
import signal
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from conftest import ROOT
from emulators.telegram_api import (
    BOT_USERNAME,
    SECRET_TOKEN_HEADER,
    TelegramEmulator,
    group_chat,
)
from telegram_fixtures import (
    ANA,
    BOB,
    MENTOR_GROUP,
    MIA,
    MakeBot,
    TelegramBot,
    button,
    guide_env,
    labels,
    seed_data_dir,
    start_guide_run,
)
from telegram_fixtures import make_bot as make_bot  # the fixture

from adapters.telegram import TelegramAdapter
from bot.answering.service import Answering
from bot.commands import listed
from bot.models import Address, Button, Outgoing

GROUP = group_chat(-4_000_000_123, "RedNote newcomers")


# --- a newcomer in private chat


async def test_a_question_gets_a_sourced_answer_with_buttons(make_bot: MakeBot) -> None:
    bot = await make_bot()
    answer = await bot.says(ANA, "what is the cat tax")
    assert "📖 Source:" in bot.text(answer)
    assert answer.params["parse_mode"] == "HTML"
    assert answer.params["link_preview_options"] == {"is_disabled": True}
    assert {"👍", "👎", "🔗 Sources"} <= set(labels(answer))

    mark = bot.emu.mark()
    bot.emu.user_presses(ANA["id"], ANA, answer.message_id or 0, button(answer, "👍"))
    thanks = await bot.reply(ANA["id"], mark)
    assert "Thanks for the 👍" in bot.text(thanks)
    await bot.emu.wait_for(lambda c: c.method == "answerCallbackQuery" and c.ok, since=mark)
    assert [a["text"] for a in bot.emu.callback_answers.values()] == [None]


async def test_topics_browse_category_article_and_question(make_bot: MakeBot) -> None:
    bot = await make_bot()
    menu = await bot.says(ANA, "/topics")
    category = await bot.presses(ANA, menu, "Slang")
    assert "Slang" in bot.text(category)
    article = await bot.presses(ANA, category, "yyds")
    assert "Pick a question" in bot.text(article)
    question = labels(article)[0]
    section = await bot.presses(ANA, article, question)
    assert bot.text(section).startswith(question) and "📖 Source:" in bot.text(section)


async def test_a_forged_button_is_refused_politely(make_bot: MakeBot) -> None:
    bot = await make_bot()
    answer = await bot.says(ANA, "what is the cat tax")
    mark = bot.emu.mark()
    bot.emu.user_presses(
        ANA["id"], ANA, answer.message_id or 0, "forged:vote:1", check_button=False
    )
    refusal = await bot.reply(ANA["id"], mark)
    assert "that button no longer works" in bot.text(refusal)
    await bot.emu.wait_for(lambda c: c.method == "answerCallbackQuery" and c.ok, since=mark)


# --- mentors


async def _claimed(bot: TelegramBot) -> tuple[int, int | None]:
    """Mia (who has /started the bot) claims Ana's request; returns where the brief went."""
    await bot.says(MIA, "/start")
    queued = await bot.says(ANA, "/mentor", containing="queue")
    assert "/cancel" in labels(queued)
    emu = bot.emu
    announcement = await emu.wait_for(
        lambda c: c.method == "sendMessage" and c.ok and c.chat_id == MENTOR_GROUP
    )
    assert "Ana" in bot.text(announcement) and labels(announcement) == ["✋ Claim"]
    mark = emu.mark()
    emu.user_sends(MENTOR_GROUP, MIA, "hi all", chat_type="supergroup")  # Mia is a member
    emu.user_presses(MENTOR_GROUP, MIA, announcement.message_id or 0, button(announcement, "Claim"))
    edited = await emu.wait_for(lambda c: c.method == "editMessageText" and c.ok, since=mark)
    assert edited.message_id == announcement.message_id
    current = emu.message(MENTOR_GROUP, announcement.message_id or 0)
    assert "claimed by Mia" in current["text"] and "reply_markup" not in current
    told = await bot.reply(ANA["id"], mark, containing="Mia")
    assert "Mia" in bot.text(told)
    brief = await emu.wait_for(
        lambda c: c.method == "sendMessage" and c.ok and "You're now helping Ana" in bot.text(c),
        since=mark,
    )
    assert brief.chat_id is not None
    return int(brief.chat_id), brief.result.get("message_thread_id")


async def test_mentor_claims_in_the_group_and_talks_in_private_both_ways(
    make_bot: MakeBot,
) -> None:
    bot = await make_bot()
    chat, thread = await _claimed(bot)
    assert (chat, thread) == (MIA["id"], None)  # no topics: the mentor's private chat

    emu = bot.emu
    tricky = "a < b & c > d, *not bold*, _not italic_, <b>no tags</b> &amp;"
    mark = emu.mark()
    emu.user_sends(ANA["id"], ANA, tricky)
    to_mia = await bot.reply(MIA["id"], mark, containing="Ana:")
    assert bot.text(to_mia) == f"Ana: {tricky}"
    assert not to_mia.result.get("entities")

    mark = emu.mark()
    emu.user_sends(MIA["id"], MIA, "Hi Ana, happy to help!")
    back = await bot.reply(ANA["id"], mark)
    assert bot.text(back) == "Mia: Hi Ana, happy to help!"

    mark = emu.mark()
    emu.user_sends(MIA["id"], MIA, "/close")
    rating = await bot.reply(ANA["id"], mark, containing="How helpful")
    assert labels(rating) == ["1", "2", "3", "4", "5"]
    thanks = await bot.presses(ANA, rating, "5")
    assert "thank" in bot.text(thanks).lower()
    await bot.reply(MIA["id"], mark, containing="5")


async def test_a_mentor_group_member_can_use_mentor_commands_in_private_first(
    make_bot: MakeBot,
) -> None:
    bot = await make_bot()
    emu = bot.emu
    emu.set_chat_member(MENTOR_GROUP, MIA, "member")
    queue = await bot.says(MIA, "/queue")  # never seen in the group before
    assert "Nobody is waiting" in bot.text(queue)
    await bot.says(MIA, "/queue")
    lookups = [c for c in emu.calls if c.method == "getChatMember"]
    assert len(lookups) == 1  # remembered, not asked for every command

    refused = await bot.says(BOB, "/queue")  # not in the mentor group
    assert "for volunteer mentors only" in bot.text(refused)
    answered = await bot.says(BOB, "what is the cat tax")  # questions never look it up
    assert "📖 Source:" in bot.text(answered)
    assert len([c for c in emu.calls if c.method == "getChatMember"]) == 2

    emu.fail_next("getChatMember", 500)
    failed = await bot.says(ANA, "/queue")  # a failed lookup is a polite no
    assert "for volunteer mentors only" in bot.text(failed)


async def test_a_mentor_removed_from_the_group_loses_mentor_rights_at_once(
    make_bot: MakeBot,
) -> None:
    bot = await make_bot()
    emu = bot.emu
    emu.set_chat_member(MENTOR_GROUP, MIA, "member")
    await _claimed(bot)  # Mia holds Ana's request
    assert "#1 Ana" in bot.text(await bot.says(MIA, "/mine"))  # in private: a member

    mark = emu.mark()
    emu.chat_member_changes(MENTOR_GROUP, MIA, "kicked", by=ANA)  # an admin removes her
    told = await bot.reply(ANA["id"], mark, containing="no longer on the mentor team")
    assert "number 1" in bot.text(told)
    again = await emu.wait_for(
        lambda c: (
            c.method == "sendMessage"
            and c.ok
            and c.chat_id == MENTOR_GROUP
            and "left the mentor team" in bot.text(c)
        ),
        since=mark,
    )
    assert labels(again) == ["✋ Claim"]

    await bot.says(BOB, "/mentor", containing="queue")
    for command in ("/queue", "/claim 2", "/mine", "/transcript 1"):
        refused = await bot.says(MIA, command)
        assert "for volunteer mentors only" in bot.text(refused), command
    asked = [c for c in emu.calls if c.method == "getChatMember"]
    assert len(asked) == 1  # the update was believed at once; nothing was looked up again


async def test_with_topics_the_brief_opens_a_forum_topic_and_relays_both_ways(
    make_bot: MakeBot,
) -> None:
    bot = await make_bot(forum=True)
    chat, thread = await _claimed(bot)
    assert chat == MENTOR_GROUP and thread is not None
    assert bot.emu.topics(MENTOR_GROUP)[thread]["name"] == "#1 Ana"

    emu = bot.emu
    mark = emu.mark()
    emu.user_sends(ANA["id"], ANA, "are you there?")
    into_topic = await bot.reply(MENTOR_GROUP, mark, containing="are you there?")
    assert into_topic.params["message_thread_id"] == thread

    mark = emu.mark()
    emu.user_sends(MENTOR_GROUP, MIA, "Yes! Ask away.", thread_id=thread)
    assert "Mia: Yes! Ask away." in bot.text(await bot.reply(ANA["id"], mark, containing="Yes"))

    mark = emu.mark()
    emu.user_sends(MENTOR_GROUP, MIA, "/close", thread_id=thread)
    rating = await bot.reply(ANA["id"], mark, containing="How helpful")
    await bot.presses(ANA, rating, "4")


async def test_a_mentor_who_never_started_the_bot_gets_the_brief_in_the_group(
    make_bot: MakeBot,
) -> None:
    bot = await make_bot(strict=True)
    emu = bot.emu
    await bot.says(ANA, "/mentor", containing="queue")
    await emu.wait_for(lambda c: c.method == "sendMessage" and c.ok and c.chat_id == MENTOR_GROUP)
    mark = emu.mark()
    emu.user_sends(MENTOR_GROUP, MIA, "/claim 1", chat_type="supergroup")
    brief = await bot.reply(MENTOR_GROUP, mark, containing="You're now helping Ana")
    assert f"https://t.me/{BOT_USERNAME}" in bot.text(brief) and "press Start" in bot.text(brief)

    # the group is now Mia's space with Ana; the other mentors' chatter there stays there
    mark = emu.mark()
    emu.user_sends(MENTOR_GROUP, BOB, "morning team", chat_type="supergroup")
    emu.user_sends(MENTOR_GROUP, MIA, "Hi Ana, Mia here", chat_type="supergroup")
    assert "Mia: Hi Ana, Mia here" in bot.text(await bot.reply(ANA["id"], mark))
    assert await bot.runtime.drain(5)
    assert [bot.text(c) for c in emu.sent(MENTOR_GROUP) if c.seq > mark] == []
    assert [bot.text(c) for c in emu.sent(ANA["id"]) if c.seq > mark] == ["Mia: Hi Ana, Mia here"]


async def test_a_mentor_whose_private_chat_refuses_gets_the_brief_in_the_group(
    make_bot: MakeBot,
) -> None:
    bot = await make_bot()
    emu = bot.emu
    await bot.says(MIA, "/start")
    emu.block_user(MIA["id"])
    await bot.says(ANA, "/mentor", containing="queue")
    await emu.wait_for(lambda c: c.method == "sendMessage" and c.ok and c.chat_id == MENTOR_GROUP)
    mark = emu.mark()
    emu.user_sends(MENTOR_GROUP, MIA, "/claim 1", chat_type="supergroup")
    brief = await bot.reply(MENTOR_GROUP, mark, containing="You're now helping Ana")
    assert "press Start" in bot.text(brief)
    refused = emu.sent(MIA["id"], include_failed=True)[-1]
    assert refused.status == 403 and "now helping Ana" in (refused.text or "")


async def test_setmycommands_per_language_and_for_the_mentor_group(make_bot: MakeBot) -> None:
    bot = await make_bot()
    emu = bot.emu
    private = {"type": "all_private_chats"}
    for lang, word in (
        ("en", "Browse the guide by topic"),
        ("es", "Explorar la guía por temas"),
        ("zh", "按话题浏览指南"),
    ):
        commands = {c["command"]: c["description"] for c in emu.commands(private, lang)}
        assert list(commands) == [c.name for c in listed("newcomer", "telegram")]
        assert list(commands)[:5] == ["start", "help", "topics", "language", "mentor"]
        assert commands["topics"] == word
    assert emu.commands(private, "") == emu.commands(private, "en")
    mentor = [c["command"] for c in emu.commands({"type": "chat", "chat_id": MENTOR_GROUP})]
    assert mentor[:4] == ["queue", "claim", "release", "close"] and "unblock" in mentor
    assert mentor == [c.name for c in listed("mentor", "telegram")]
    group = [c["command"] for c in emu.commands({"type": "all_group_chats"})]
    assert group == ["help", "topics", "mentor", "ask"]
    assert bot.runtime.engine.bot_links["telegram"] == f"https://t.me/{BOT_USERNAME}"


# --- groups


async def test_in_a_group_only_commands_mentions_and_replies_get_answers(
    make_bot: MakeBot,
) -> None:
    bot = await make_bot()
    emu = bot.emu
    gid = GROUP["id"]
    mark = emu.mark()
    emu.user_sends(GROUP, BOB, "anyone know what the cat tax is?")
    emu.user_sends(GROUP, BOB, "/ask@some_other_bot what is the cat tax")
    emu.user_sends(GROUP, BOB, f"@{BOT_USERNAME} what is the cat tax")
    first = await bot.reply(gid, mark)
    assert "📖 Source:" in bot.text(first)
    assert first.seq == min(c.seq for c in emu.sent(gid))  # the two before got nothing

    answer = await bot.says(BOB, "/ask how do I sign up", chat=GROUP)
    assert "📖 Source:" in bot.text(answer)
    reply = await bot.says(BOB, "and the cat tax?", chat=GROUP, reply_to=answer.message_id)
    assert "📖 Source:" in bot.text(reply)
    go_private = await bot.says(BOB, f"/mentor@{BOT_USERNAME}", chat=GROUP)
    assert f"https://t.me/{BOT_USERNAME}?start=mentor" in bot.text(go_private)
    assert len(emu.sent(gid)) == 4


# --- failures


@pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")  # PTB's own
async def test_429_is_retried_and_the_message_arrives_exactly_once(make_bot: MakeBot) -> None:
    bot = await make_bot()
    bot.emu.fail_next("sendMessage", 429, retry_after=1, times=2)
    mark = bot.emu.mark()
    bot.emu.user_sends(ANA["id"], ANA, "what is the cat tax")
    answer = await bot.reply(ANA["id"], mark, timeout=8.0)
    calls = bot.emu.sent(ANA["id"], include_failed=True)
    assert [c.status for c in calls] == [429, 429, 200]
    assert [bot.text(c) for c in bot.emu.sent(ANA["id"])] == [bot.text(answer)]


async def test_5xx_is_retried(make_bot: MakeBot) -> None:
    bot = await make_bot()
    bot.emu.fail_next("sendMessage", 500, times=2)
    await bot.says(ANA, "what is the cat tax", containing="📖 Source:")
    assert [c.status for c in bot.emu.sent(ANA["id"], include_failed=True)] == [500, 500, 200]


async def test_a_user_who_blocked_the_bot_is_not_retried_forever(make_bot: MakeBot) -> None:
    bot = await make_bot()
    bot.emu.block_user(ANA["id"])
    bot.emu.user_sends(ANA["id"], ANA, "what is the cat tax")
    await bot.emu.wait_for(lambda c: c.method == "sendMessage" and c.status == 403)
    assert await bot.runtime.drain(5)
    assert [(s, "blocked" in e) for _, s, e in bot.outbox_states()] == [("failed", True)]
    assert len(bot.emu.sent(ANA["id"], include_failed=True)) == 1


async def test_malformed_updates_do_not_stop_the_loop(make_bot: MakeBot) -> None:
    bot = await make_bot()
    emu = bot.emu
    for garbage in (
        {"message": {"text": "no chat, no sender"}},
        {"message": "not even an object"},
        {"callback_query": {"id": "123"}},
        {"edited_message": {"nonsense": True}},
        {"unknown_kind": [1, 2, 3]},
    ):
        emu.push_raw_update(garbage)
    emu.user_sends(ANA["id"], ANA, "hello", edited=True)  # edits are ignored
    answer = await bot.says(ANA, "what is the cat tax")
    assert "📖 Source:" in bot.text(answer)
    assert len(emu.sent(ANA["id"])) == 1


async def test_a_crash_mid_batch_loses_nothing_and_doubles_nothing(make_bot: MakeBot) -> None:
    bot = await make_bot()
    emu, crashed = bot.emu, bot.adapter
    stuck = asyncio.Event()
    store = crashed.poller.receive

    async def receive(raw: Mapping[str, Any]) -> None:
        if "message" in raw and raw["message"]["text"] == "why was my post removed":
            stuck.set()
            await asyncio.Event().wait()  # the process dies while storing this one
        await store(raw)

    crashed.poller.receive = receive
    mark = emu.mark()
    emu.user_sends(ANA["id"], ANA, "what is the cat tax")  # one batch: both updates
    emu.user_sends(ANA["id"], ANA, "why was my post removed")
    await bot.reply(ANA["id"], mark, containing="cat")
    await stuck.wait()
    assert crashed._polling is not None
    crashed._polling.cancel()  # a crash: nothing more is confirmed
    crashed._polling = None
    assert len(emu.pending_updates()) == 2

    restarted = TelegramAdapter(bot.settings, bot.runtime)
    await restarted.start()
    try:
        await bot.reply(ANA["id"], mark, containing="removed")
        assert await bot.runtime.drain(5)
        assert len(emu.sent(ANA["id"])) == 2  # the stored one was not answered again
    finally:
        await restarted.stop()
    assert emu.pending_updates() == []


async def test_stop_is_prompt_and_confirms_what_was_stored(make_bot: MakeBot) -> None:
    bot = await make_bot()
    await bot.says(ANA, "what is the cat tax")
    polls = [c for c in bot.emu.calls if c.method == "getUpdates"]
    assert polls[0].params["allowed_updates"] == ["message", "callback_query", "chat_member"]
    began = asyncio.get_running_loop().time()
    await bot.adapter.stop()
    assert asyncio.get_running_loop().time() - began < 2
    assert bot.emu.pending_updates() == [] and bot.emu.confirmed_offset > 0


# --- formatting


async def test_markup_characters_are_escaped_and_arrive_intact(make_bot: MakeBot) -> None:
    bot = await make_bot()
    text = "1 < 2 & 3 > 2, *stars*, _under_, <b>tag</b>, &amp; and a [link](x)"
    out = Outgoing(Address("telegram", str(ANA["id"])), text)
    delivery = await bot.adapter.send(out)
    message = bot.emu.message(ANA["id"], int(delivery.message_id))
    assert message["text"] == text and "entities" not in message


async def test_a_long_message_is_split_with_buttons_on_the_last_part(make_bot: MakeBot) -> None:
    bot = await make_bot()
    paragraphs = [f"Paragraph {n}: " + "word " * 150 for n in range(14)]
    text = "\n\n".join(paragraphs)
    assert len(text) > 2 * 4096
    out = Outgoing(
        Address("telegram", str(ANA["id"])), text, buttons=((Button("OK", token="tok"),),)
    )
    delivery = await bot.adapter.send(out)
    sent = bot.emu.sent(ANA["id"])
    assert len(sent) == 3 and all(len(bot.text(c)) <= 4096 for c in sent)
    assert [bool(c.reply_markup) for c in sent] == [False, False, True]
    assert int(delivery.message_id) == sent[-1].message_id
    joined = "\n\n".join(bot.text(c) for c in sent)
    assert joined.split() == text.split()
    for part in sent[:-1]:
        assert bot.text(part).rstrip().endswith("word")  # cut between paragraphs


async def test_mentions_are_links_appended_to_the_text(make_bot: MakeBot) -> None:
    bot = await make_bot()
    out = Outgoing(
        Address("telegram", str(MENTOR_GROUP)), "New request", meta={"mentions": "77,78,x"}
    )
    delivery = await bot.adapter.send(out)
    message = bot.emu.message(MENTOR_GROUP, int(delivery.message_id))
    assert message["text"].startswith("New request")
    mentioned = [e["user"]["id"] for e in message["entities"] if e["type"] == "text_mention"]
    assert mentioned == [77, 78]


# --- webhook mode


async def test_webhook_mode_with_the_secret_token(make_bot: MakeBot) -> None:
    bot = await make_bot(webhook=True)
    hook = bot.emu.webhook
    secret = bot.settings.telegram_webhook_secret.get_secret_value()
    assert hook is not None and hook["secret_token"] == secret
    assert hook["allowed_updates"] == ["message", "callback_query", "chat_member"]
    answer = await bot.says(ANA, "what is the cat tax")
    assert "📖 Source:" in bot.text(answer)
    assert {d.status for d in bot.emu.webhook_deliveries} == {200}

    update = {"update_id": 1, "message": {"message_id": 9, "date": 0, "text": "hi"}}
    async with aiohttp.ClientSession() as session:
        for headers in ({SECRET_TOKEN_HEADER: "wrong"}, {}):
            async with session.post(hook["url"], json=update, headers=headers) as response:
                assert response.status == 403


async def test_webhook_mode_without_a_secret_refuses_to_start(make_bot: MakeBot) -> None:
    with pytest.raises(RuntimeError, match="TELEGRAM_WEBHOOK_SECRET"):
        await make_bot(webhook=True, TELEGRAM_WEBHOOK_SECRET="")


# --- the real command


@pytest.mark.slow
async def test_guide_run_serves_a_newcomer_and_exits_on_sigterm(
    tmp_path: Path, answering: Answering
) -> None:
    seed_data_dir(answering, tmp_path / "data")
    async with TelegramEmulator() as emu:
        env = guide_env(emu, tmp_path / "data")
        log = tmp_path / "guide.log"
        process = await start_guide_run(env, log)
        try:
            # deleteWebhook comes right before the first long poll (recorded only when done)
            await emu.wait_for(lambda c: c.method == "deleteWebhook", timeout=90)
            mark = emu.mark()
            emu.user_sends(ANA["id"], ANA, "what is the cat tax")
            answer = await emu.wait_for(
                lambda c: c.method == "sendMessage" and c.ok and c.chat_id == ANA["id"],
                timeout=20,
                since=mark,
            )
            assert "📖 Source:" in answer.result["text"]
        finally:
            if process.returncode is None:
                process.send_signal(signal.SIGTERM)
            code = await asyncio.wait_for(process.wait(), timeout=20)
        output = log.read_text()
        assert code == 0, output
        assert "Traceback" not in output, output


def test_the_load_benchmark_runs_small(
    answering: Answering, capsys: pytest.CaptureFixture[str]
) -> None:
    if str(ROOT) not in sys.path:
        sys.path.append(str(ROOT))
    from benchmarks import telegram_load

    assert telegram_load.main(["--users", "20", "--questions", "2"], answering=answering) == 0
    printed = capsys.readouterr().out
    assert "messages/s" in printed and "p95" in printed and "lost 0, duplicated 0" in printed
    assert "announcements 1/1" in printed
