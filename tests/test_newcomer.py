"""A newcomer talks to the bot: welcome, questions, topics, language, feedback, bad input."""

from __future__ import annotations

from pathlib import Path

from chat import Conversation
from conftest import Clock, make_settings

from bot.answering.service import Answering
from bot.bootstrap import compose
from bot.engine import Engine
from bot.models import Address, MemberJoined
from bot.store import open_database
from bot.store.records import Store


def test_start_welcomes_by_name_and_offers_topics(chat: Conversation) -> None:
    ana = chat.person("telegram", "42", "Ana")
    chat.say(ana, "/start")
    assert "Hi Ana!" in ana.last().text
    labels = [b.label for b in ana.buttons()]
    assert "Getting started" in labels and "Slang" in labels


def test_a_question_gets_the_section_that_answers_it_with_its_source(chat: Conversation) -> None:
    ana = chat.person("telegram", "42", "Ana")
    chat.say(ana, "wat is the cat tax lol")
    reply = ana.last().text
    assert "cat" in reply.lower() and '📖 Source: What is the "cat tax"?' in reply
    labels = [b.label for b in ana.buttons()]
    assert "👍" in labels and "👎" in labels and "🔗 Sources" in labels


def test_sources_button_lists_the_articles_urls_and_review_date(chat: Conversation) -> None:
    ana = chat.person("telegram", "42", "Ana")
    chat.say(ana, "what is the cat tax")
    chat.press(ana, "Sources")
    assert "https://" in ana.last().text and "2026-11-22" in ana.last().text


def test_a_question_between_two_articles_shows_and_sources_both(chat: Conversation) -> None:
    ana = chat.person("telegram", "42", "Ana")
    chat.say(ana, "can i use rednote in english and translate posts")
    reply = ana.last().text
    assert "just as close" in reply
    source_line = reply.splitlines()[-1]
    assert source_line.startswith("📖 Source:") and " · " in source_line
    chat.press(ana, "Sources")
    listing = ana.last().text
    assert listing.count("last reviewed") == 2 and listing.count("https://") >= 2


def test_a_section_too_long_to_fit_beside_the_answer_shows_the_sentences_asked_about(
    chat: Conversation,
) -> None:
    bea = chat.person("discord", "8", "Bea")
    chat.say(bea, "my dms got restricted after messaging a bunch of people, how do i contest that")
    reply = bea.last().text
    # the restriction's section is cut to its sentences about contesting it, marked as cut,
    # and the reply is still one Discord message
    assert "What is a DM restriction" in reply and "Help & Feedback" in reply
    assert "\n\n… " in reply and len(reply) <= 2000
    assert reply.splitlines()[-1].startswith("📖 Source:")


def test_spanish_question_is_answered_in_spanish(chat: Conversation) -> None:
    luis = chat.person("discord", "7", "Luis", language_code=None)
    chat.say(luis, "¿qué es el impuesto del gato?")
    assert "Fuente:" in luis.last().text


def test_chinese_question_is_answered_in_chinese(chat: Conversation) -> None:
    wei = chat.person("telegram", "8", "Wei", language_code=None)
    chat.say(wei, "我的帖子为什么被删了")
    assert "来源：" in wei.last().text


def test_language_choice_is_remembered(chat: Conversation) -> None:
    ana = chat.person("telegram", "42", "Ana")
    chat.say(ana, "/language")
    chat.press(ana, "Español")
    assert "español" in ana.last().text
    chat.say(ana, "what is the cat tax")
    assert "Fuente:" in ana.last().text


def test_unknown_language_code_is_explained(chat: Conversation) -> None:
    ana = chat.person("telegram", "42", "Ana")
    chat.say(ana, "/language klingon")
    assert "/language es" in ana.last().text


def test_topics_browse_category_article_and_section(chat: Conversation) -> None:
    ana = chat.person("telegram", "42", "Ana")
    chat.say(ana, "/topics")
    chat.press(ana, "Slang")
    assert "Slang" in ana.last().text
    chat.press(ana, "yyds")
    assert "Pick a question" in ana.last().text
    first_question = ana.buttons()[0].label
    chat.press(ana, first_question)
    assert ana.last().text.startswith(first_question)
    assert "📖 Source:" in ana.last().text


def test_off_topic_question_is_unsure_and_offers_a_mentor(chat: Conversation) -> None:
    ana = chat.person("telegram", "42", "Ana")
    chat.say(ana, "what is the best pizza topping")
    assert "outside what I know" in ana.last().text
    assert any("mentor" in b.label for b in ana.buttons())
    chat.say(ana, "¿me recomiendas una serie para ver esta noche?")
    assert "fuera de lo que sé" in ana.last().text
    assert any("persona" in b.label.lower() or "mentor" in b.label.lower() for b in ana.buttons())


def test_a_live_figure_is_not_guessed(chat: Conversation) -> None:
    ana = chat.person("telegram", "42", "Ana")
    chat.say(ana, "how many users are online on rednote at the moment")
    reply = ana.last()
    assert "can't see live figures" in reply.text and "📖" not in reply.text
    assert any("mentor" in b.label for b in ana.buttons())
    assert "The closest topics" in reply.text  # a dated figure may be in one of them
    chat.say(ana, "¿cuál es el tipo de cambio del yuan hoy?")
    reply = ana.last()
    assert "No puedo ver cifras en vivo" in reply.text
    assert "temas más cercanos" not in reply.text  # markets: no topic to show
    chat.say(ana, "how many americans use rednote today")  # a dated figure is an answer
    assert "📖" in ana.last().text


def test_harmful_request_is_declined_with_the_rules(chat: Conversation) -> None:
    ana = chat.person("telegram", "42", "Ana")
    chat.say(ana, "how can i buy 10k followers cheap")
    assert "can't help" in ana.last().text


def test_political_verdict_is_not_given(chat: Conversation) -> None:
    ana = chat.person("telegram", "42", "Ana")
    chat.say(ana, "is taiwan a country yes or no")
    text = ana.last().text
    assert "don't give verdicts" in text and "See:" in text


def test_greeting_gets_the_menu_not_a_search(chat: Conversation) -> None:
    ana = chat.person("telegram", "42", "Ana")
    chat.say(ana, "hello!")
    assert ana.last().text.startswith("Hi!")
    assert len(ana.buttons()) >= 8


def test_thumbs_down_offers_a_mentor_and_is_recorded(chat: Conversation) -> None:
    ana = chat.person("telegram", "42", "Ana")
    chat.say(ana, "what is the cat tax")
    chat.press(ana, "👎")
    assert "would you like a person" in ana.last().text
    vote = chat.engine.store.db.execute("SELECT vote FROM feedback").fetchone()
    assert vote[0] == -1


def test_someone_else_cannot_vote_on_my_answer(chat: Conversation) -> None:
    ana = chat.person("telegram", "42", "Ana")
    bob = chat.person("telegram", "43", "Bob")
    chat.say(ana, "what is the cat tax")
    answer = ana.last()
    chat.press(bob, "👍", message=answer)
    assert "Only the person who asked" in bob.last().text


def test_forged_button_is_refused_politely(chat: Conversation) -> None:
    ana = chat.person("telegram", "42", "Ana")
    chat.press_token(ana, "forged-token-123")
    assert "no longer works" in ana.last().text
    chat.press_token(ana, "x" * 500)
    assert "no longer works" in ana.last().text


def test_empty_whitespace_and_invisible_messages_get_a_nudge(chat: Conversation) -> None:
    ana = chat.person("telegram", "42", "Ana")
    for text in ("", "   \n\t", "\u200b\u202e\u2066"):
        chat.say(ana, text)
        assert "didn't catch any words" in ana.last().text


def test_photo_or_sticker_is_explained(chat: Conversation) -> None:
    ana = chat.person("telegram", "42", "Ana")
    chat.say(ana, "", attachment="sticker")
    assert "can't hear voice messages or see stickers" in ana.last().text
    assert "Screenshots of the app are fine" in ana.last().text


def test_huge_message_is_cut_and_still_answered(chat: Conversation) -> None:
    ana = chat.person("telegram", "42", "Ana")
    out = chat.say(ana, "what is the cat tax " + "meow " * 20_000)
    assert "long message" in out[0].text
    assert "📖" in out[-1].text or "not sure" in out[-1].text


def test_unknown_command_points_to_help(chat: Conversation) -> None:
    ana = chat.person("telegram", "42", "Ana")
    chat.say(ana, "/hack_the_planet now")
    assert "/hack_the_planet" in ana.last().text and "/help" in ana.last().text


def test_mentor_command_from_a_newcomer_is_refused(chat: Conversation) -> None:
    ana = chat.person("telegram", "42", "Ana")
    chat.say(ana, "/claim 1")
    assert "only" in ana.last().text.lower()


def test_group_message_not_addressed_to_the_bot_is_ignored(chat: Conversation) -> None:
    ana = chat.person("telegram", "42", "Ana", chat_id="-500")
    out = chat.say(ana, "what is the cat tax", kind="group", addressed=False, where=ana.address)
    assert out == []


def test_the_same_event_twice_is_answered_once(chat: Conversation) -> None:
    ana = chat.person("telegram", "42", "Ana")
    first = chat.say(ana, "what is the cat tax", key="telegram:42:1")
    again = chat.say(ana, "what is the cat tax", key="telegram:42:1")
    assert first and again == []
    assert len(ana.inbox) == 1


def test_flood_gets_one_notice_then_silence(chat: Conversation, clock: Clock) -> None:
    ana = chat.person("telegram", "42", "Ana")
    for _ in range(8):
        chat.say(ana, "hi")
    replies = [chat.say(ana, "hi") for _ in range(5)]
    assert "faster than I can read" in replies[0][0].text
    assert all(r == [] for r in replies[1:])
    clock.advance(seconds=31)
    assert chat.say(ana, "hi")


def test_the_console_has_no_flood_limit_but_chat_platforms_keep_theirs(
    chat: Conversation,
) -> None:
    local = chat.person("console", "you", "", chat_id="local")
    replies = [chat.say(local, "what is the cat tax") for _ in range(12)]
    assert all(r and "faster than I can read" not in r[0].text for r in replies)
    for platform in ("telegram", "discord"):
        someone = chat.person(platform, "7", "Bo")
        texts = [m.text for _ in range(10) for m in chat.say(someone, "what is the cat tax")]
        assert any("faster than I can read" in text for text in texts), platform


def test_privacy_and_forget(chat: Conversation) -> None:
    ana = chat.person("telegram", "42", "Ana")
    chat.say(ana, "what is the cat tax")
    chat.say(ana, "/privacy")
    assert "90 days" in ana.last().text
    chat.say(ana, "/forget")
    chat.press(ana, "Keep my data")
    assert "nothing was deleted" in ana.last().text
    chat.say(ana, "/forget")
    chat.press(ana, "Yes, delete")
    assert "has been deleted" in ana.last().text
    db = chat.engine.store.db
    for table in ("users", "messages", "questions", "feedback", "conversations"):
        count = db.execute(f"SELECT COUNT(*) FROM {table} WHERE user_id = '42'").fetchone()[0]
        assert count == 0, table


def test_ask_command_in_a_group(chat: Conversation) -> None:
    ana = chat.person("telegram", "42", "Ana", chat_id="-500")
    chat.say(ana, "/ask what does yyds mean", kind="group", where=ana.address)
    assert "yyds" in ana.last().text.lower()


def test_group_welcome_is_off_by_default_and_short_when_on(
    engine: Engine, clock: Clock, tmp_path: Path, answering: Answering
) -> None:
    joined = MemberJoined("telegram:join:-500:9", Address("telegram", "-500"), ("Ana", "Bo"))
    assert engine.handle(joined) == []
    settings = make_settings(tmp_path / "on", TELEGRAM_GROUP_WELCOME="true")
    welcoming = compose(
        settings,
        Store(open_database(settings.db_path)),
        answering,
        clock=clock,
        bot_links={"telegram": "https://t.me/newcomer_guide_bot"},
    )
    [welcome] = welcoming.handle(joined)
    assert welcome.text.startswith("Welcome, Ana, Bo!") and welcome.address.chat_id == "-500"
    assert welcome.buttons[0][0].url == "https://t.me/newcomer_guide_bot"
    assert welcoming.handle(joined) == []
