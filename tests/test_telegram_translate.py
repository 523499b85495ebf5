"""Bot API payloads → core events, and core text → Bot API text: pure functions, no network."""

from __future__ import annotations

from typing import Any

import pytest
from telegram import Update

from adapters.telegram import to_event
from adapters.telegram.adapter import chat_ref, delivery_error, file_url
from adapters.telegram.render import html_parts, split_text, utf16_len
from bot.models import (
    Address,
    ButtonPress,
    IncomingMessage,
    Media,
    MemberJoined,
    Outgoing,
    Sender,
    UserRef,
)

BOT_ID = 7_000_000_001
BOT = {"id": BOT_ID, "is_bot": True, "first_name": "Guide", "username": "newcomer_guide_bot"}
ANA = {"id": 42, "is_bot": False, "first_name": "Ana", "language_code": "es"}
MENTORS = -1_001_000_000_777
PRIVATE = {"id": 42, "type": "private", "first_name": "Ana"}
GROUP = {"id": -4_000_000_001, "type": "group", "title": "Newcomers"}
FORUM = {"id": -1_002_000_000_001, "type": "supergroup", "title": "Forum", "is_forum": True}
MENTOR_ROOM = {"id": MENTORS, "type": "supergroup", "title": "Mentors", "is_forum": True}


def event(update: dict[str, Any] | Update) -> IncomingMessage | ButtonPress | None:
    return to_event(
        update, bot_username="newcomer_guide_bot", bot_id=BOT_ID, mentor_chat_id=str(MENTORS)
    )


def message(text: str = "", chat: dict[str, Any] = PRIVATE, **fields: Any) -> dict[str, Any]:
    body: dict[str, Any] = {"message_id": 5, "date": 1_700_000_000, "chat": chat, "from": ANA}
    if text:
        body["text"] = text
    body.update(fields)
    return {"update_id": 1, "message": body}


def command(text: str) -> list[dict[str, Any]]:
    name = text.split()[0]
    return [{"type": "bot_command", "offset": 0, "length": len(name)}]


def incoming(update: dict[str, Any]) -> IncomingMessage:
    result = event(update)
    assert isinstance(result, IncomingMessage)
    return result


# --- messages


def test_a_private_message_is_addressed_and_keyed_by_chat_and_message() -> None:
    got = incoming(message("what is the cat tax"))
    assert got.key == "telegram:msg:42:5"
    assert got.sender == Sender(UserRef("telegram", "42"), "Ana", "es", is_room_member=False)
    assert got.address == Address("telegram", "42")
    assert (got.chat_kind, got.addressed, got.text, got.attachment) == (
        "private",
        True,
        "what is the cat tax",
        None,
    )
    assert got.at is not None and got.at.year == 2023


def test_update_objects_translate_like_their_payloads() -> None:
    payload = message("hello")
    assert event(Update.de_json(payload, None)) == event(payload)


def test_the_mentor_group_is_the_mentor_room_and_its_members_are_reported() -> None:
    got = incoming(message("hi all", chat=MENTOR_ROOM))
    assert got.chat_kind == "mentor_room" and got.addressed and got.sender.is_room_member


def test_a_forum_topic_is_the_thread_of_the_address() -> None:
    in_topic = incoming(
        message("hello", chat=MENTOR_ROOM, message_thread_id=12, is_topic_message=True)
    )
    assert in_topic.address == Address("telegram", str(MENTORS), "12")
    reply_thread = incoming(message("/ask hi", chat=GROUP, message_thread_id=3))
    assert reply_thread.address.thread_id is None  # a reply thread is not a topic


@pytest.mark.parametrize(
    ("text", "entities", "addressed"),
    [
        ("anyone here?", [], False),
        ("/ask what is yyds", command("/ask"), True),
        ("/ask@newcomer_guide_bot what", command("/ask@newcomer_guide_bot"), True),
        ("/ask@NewComer_Guide_Bot what", command("/ask@NewComer_Guide_Bot"), True),
        ("/ask@other_bot what", command("/ask@other_bot"), False),
        ("try /ask later", [{"type": "bot_command", "offset": 4, "length": 4}], False),
        (
            "@newcomer_guide_bot what is yyds",
            [{"type": "mention", "offset": 0, "length": 19}],
            True,
        ),
        ("@someone_else hi", [{"type": "mention", "offset": 0, "length": 13}], False),
    ],
)
def test_in_groups_only_commands_and_mentions_address_the_bot(
    text: str, entities: list[dict[str, Any]], addressed: bool
) -> None:
    got = incoming(message(text, chat=GROUP, entities=entities))
    assert got.chat_kind == "group" and got.addressed is addressed


def test_a_mention_is_stripped_but_a_command_suffix_is_kept() -> None:
    text = "😀 @newcomer_guide_bot what is the cat tax"
    mention = [{"type": "mention", "offset": 3, "length": 19}]  # UTF-16: the emoji counts 2
    assert incoming(message(text, chat=GROUP, entities=mention)).text == "😀 what is the cat tax"
    start = "@newcomer_guide_bot, what is yyds"
    mention = [{"type": "mention", "offset": 0, "length": 19}]
    assert incoming(message(start, chat=GROUP, entities=mention)).text == "what is yyds"
    cmd = "/ask@newcomer_guide_bot what"
    assert incoming(message(cmd, chat=GROUP, entities=command(cmd))).text == cmd


def test_a_text_mention_of_the_bot_addresses_it() -> None:
    entities = [{"type": "text_mention", "offset": 0, "length": 5, "user": BOT}]
    got = incoming(message("Guide what is yyds", chat=GROUP, entities=entities))
    assert got.addressed and got.text == "what is yyds"


def test_a_reply_to_the_bot_addresses_it_but_a_topic_start_does_not() -> None:
    bot_said = {"message_id": 3, "date": 0, "chat": GROUP, "from": BOT, "text": "Hi"}
    assert incoming(message("and then?", chat=GROUP, reply_to_message=bot_said)).addressed
    someone = {**bot_said, "from": {**ANA, "id": 9}}
    assert not incoming(message("and then?", chat=GROUP, reply_to_message=someone)).addressed
    topic_start = {
        **bot_said,
        "chat": FORUM,
        "forum_topic_created": {"name": "Help", "icon_color": 0},
    }
    in_topic = message(
        "chatting",
        chat=FORUM,
        message_thread_id=3,
        is_topic_message=True,
        reply_to_message=topic_start,
    )
    assert not incoming(in_topic).addressed


@pytest.mark.parametrize(
    ("field", "value", "kind"),
    [
        ("photo", [{"file_id": "a", "file_unique_id": "b", "width": 1, "height": 1}], "photo"),
        ("voice", {"file_id": "a", "file_unique_id": "b", "duration": 2}, "voice"),
        (
            "video",
            {"file_id": "a", "file_unique_id": "b", "width": 1, "height": 1, "duration": 1},
            "video",
        ),
        ("document", {"file_id": "a", "file_unique_id": "b"}, "document"),
        (
            "sticker",
            {
                "file_id": "a",
                "file_unique_id": "b",
                "type": "regular",
                "width": 1,
                "height": 1,
                "is_animated": False,
                "is_video": False,
            },
            "sticker",
        ),
    ],
)
def test_media_become_attachments_with_the_caption_as_text(
    field: str, value: Any, kind: str
) -> None:
    got = incoming(message(**{field: value, "caption": "look at this"}))
    assert got.attachment == kind
    assert got.text == "look at this"


def size(file_id: str, width: int, height: int, file_size: int | None) -> dict[str, Any]:
    found: dict[str, Any] = {"file_id": file_id, "file_unique_id": f"u{file_id}"}
    found.update(width=width, height=height)
    if file_size is not None:
        found["file_size"] = file_size
    return found


def test_a_photo_is_media_named_by_its_largest_size() -> None:
    sizes = [
        size("small", 90, 160, 1_200),
        size("big", 1080, 1920, 210_000),
        size("mid", 320, 568, None),
    ]
    got = incoming(message(photo=sizes, caption="what is this?"))
    assert (got.attachment, got.text) == ("photo", "what is this?")
    assert got.media == Media(
        platform="telegram", handle="big", size=210_000, mime="image/jpeg", width=1080, height=1920
    )


def test_a_screenshot_sent_as_a_file_is_a_photo_and_other_files_are_documents() -> None:
    document = {"file_id": "doc", "file_unique_id": "udoc", "file_size": 3_000_000}
    as_file = incoming(
        message(document={**document, "mime_type": "image/png", "file_name": "s.png"})
    )
    assert as_file.attachment == "photo"
    assert as_file.media == Media("telegram", "doc", 3_000_000, "image/png", name="s.png")
    pdf = incoming(
        message(document={**document, "mime_type": "application/pdf", "file_name": "a.pdf"})
    )
    assert pdf.attachment == "document"
    assert pdf.media == Media("telegram", "doc", 3_000_000, "application/pdf", name="a.pdf")
    bare = incoming(message(document={"file_id": "x", "file_unique_id": "y"}))
    assert (bare.attachment, bare.media) == ("document", Media("telegram", "x"))


def test_only_photos_and_files_carry_media() -> None:
    voice = incoming(message(voice={"file_id": "a", "file_unique_id": "b", "duration": 2}))
    assert (voice.attachment, voice.media) == ("voice", None)
    assert incoming(message("hello")).media is None


@pytest.mark.parametrize(
    ("caption", "entities", "reply_to", "addressed"),
    [
        ("what is this?", [], None, False),
        (
            "@newcomer_guide_bot what is this?",
            [{"type": "mention", "offset": 0, "length": 19}],
            None,
            True,
        ),
        ("", [], {"message_id": 3, "date": 0, "chat": GROUP, "from": BOT, "text": "Hi"}, True),
    ],
)
def test_a_photo_in_a_group_is_addressed_by_its_caption_or_a_reply(
    caption: str, entities: list[dict[str, Any]], reply_to: dict[str, Any] | None, addressed: bool
) -> None:
    fields: dict[str, Any] = {"photo": [size("p", 800, 800, 48_000)]}
    if caption:
        fields.update(caption=caption, caption_entities=entities)
    if reply_to:
        fields["reply_to_message"] = reply_to
    got = incoming(message(chat=GROUP, **fields))
    assert got.addressed is addressed and got.media is not None
    assert got.text == ("what is this?" if caption else "")


@pytest.mark.parametrize(
    "update",
    [
        message("I am a bot", **{"from": {**BOT, "id": 5, "username": "other_bot"}}),
        message("myself", **{"from": BOT}),
        {"update_id": 1, "edited_message": message("edited")["message"]},
        {
            "update_id": 1,
            "channel_post": message("news", chat={"id": -100, "type": "channel"})["message"],
        },
        message(new_chat_members=[ANA]),
        message(pinned_message={"message_id": 1, "date": 0, "chat": PRIVATE}),
        {"update_id": 1, "message": {"text": "no chat"}},
        {"update_id": 1, "message": "not an object"},
        {"update_id": 1, "message": {"message_id": "x", "date": "y", "chat": 5}},
        {"update_id": 1, "callback_query": {"id": 3}},
        {"update_id": 1, "callback_query": "nope"},
        {"update_id": 1, "poll": {"weird": True}},
        {"update_id": 1},
        {},
    ],
)
def test_ignored_and_malformed_updates_give_none(update: dict[str, Any]) -> None:
    assert event(update) is None


# --- button presses


def press(data: str | None, chat: dict[str, Any], **message_fields: Any) -> dict[str, Any]:
    on = {"message_id": 9, "date": 0, "chat": chat, "from": BOT, "text": "x", **message_fields}
    query: dict[str, Any] = {"id": "4100", "from": ANA, "chat_instance": "1", "message": on}
    if data is not None:
        query["data"] = data
    return {"update_id": 2, "callback_query": query}


def test_a_button_press_carries_its_token_and_the_chat_it_was_in() -> None:
    got = event(press("tok123", PRIVATE))
    assert got == ButtonPress(
        key="telegram:cb:4100",
        sender=Sender(UserRef("telegram", "42"), "Ana", "es"),
        address=Address("telegram", "42"),
        token="tok123",
        chat_kind="private",
    )


def test_a_claim_in_a_topic_of_the_mentor_room() -> None:
    got = event(press("claim", MENTOR_ROOM, message_thread_id=7, is_topic_message=True))
    assert isinstance(got, ButtonPress)
    assert got.address == Address("telegram", str(MENTORS), "7")
    assert got.chat_kind == "mentor_room" and got.sender.is_room_member


def test_a_press_without_data_is_an_empty_token_and_a_bot_press_is_ignored() -> None:
    got = event(press(None, PRIVATE))
    assert isinstance(got, ButtonPress) and got.token == ""
    robot = press("x", PRIVATE)
    robot["callback_query"]["from"] = {**BOT, "id": 8}
    assert event(robot) is None


def test_a_press_on_an_inaccessible_message_still_has_its_chat() -> None:
    gone = press("tok", GROUP)
    gone["callback_query"]["message"] = {"message_id": 9, "date": 0, "chat": GROUP}
    got = event(gone)
    assert isinstance(got, ButtonPress) and got.address == Address("telegram", str(GROUP["id"]))


# --- rendering


def test_short_texts_are_one_part_and_long_ones_cut_at_paragraphs() -> None:
    assert split_text("hello") == ["hello"]
    paragraphs = ["a" * 3000, "b" * 3000, "c" * 100]
    parts = split_text("\n\n".join(paragraphs))
    assert parts == ["a" * 3000, "b" * 3000 + "\n\n" + "c" * 100]


def test_cuts_fall_back_to_lines_then_words_then_characters() -> None:
    line = "x" * 100
    assert split_text("\n".join([line] * 50)) == ["\n".join([line] * 40), "\n".join([line] * 10)]
    words = " ".join(["word"] * 1000)
    first, second = split_text(words)
    assert first.endswith("word") and second.startswith("word")
    assert (first + " " + second) == words
    one_word = "y" * 10_000
    assert split_text(one_word) == ["y" * 4096, "y" * 4096, "y" * 1808]


def test_limits_count_utf16_units() -> None:
    emoji = "😀" * 3000  # 6000 UTF-16 units
    parts = split_text(emoji)
    assert [utf16_len(p) for p in parts] == [4096, 1904]


def test_text_is_escaped_for_html() -> None:
    out = Outgoing(Address("telegram", "1"), "a < b & c > d <b>x</b>")
    assert html_parts(out) == ["a &lt; b &amp; c &gt; d &lt;b&gt;x&lt;/b&gt;"]


def test_file_url_follows_the_base_url() -> None:
    assert file_url("https://api.telegram.org/bot") == "https://api.telegram.org/file/bot"
    assert file_url("http://127.0.0.1:81/bot/") == "http://127.0.0.1:81/file/bot"
    assert chat_ref("-100123") == -100123 and chat_ref("@group") == "@group"


def test_errors_map_to_permanent_or_retried_deliveries() -> None:
    from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TimedOut

    blocked = delivery_error(Forbidden("Forbidden: bot was blocked by the user"))
    assert blocked.permanent and "blocked" in blocked.reason
    assert delivery_error(BadRequest("Bad Request: chat not found")).permanent
    assert delivery_error(BadRequest("Bad Request: can't parse entities")).permanent
    assert not delivery_error(TimedOut()).permanent
    assert not delivery_error(NetworkError("Bad Gateway")).permanent
    with pytest.warns(Warning):
        limited = delivery_error(RetryAfter(3))
    assert not limited.permanent and limited.retry_after == 3.0


def test_people_joining_a_group_become_one_member_joined_event() -> None:
    other_bot = {**BOT, "id": 6, "username": "other_bot"}
    joined = to_event(
        message(chat=GROUP, new_chat_members=[ANA, other_bot]),
        bot_username=BOT["username"],
        bot_id=BOT["id"],
        mentor_chat_id="",
    )
    assert isinstance(joined, MemberJoined)
    assert joined.names == ("Ana",) and joined.address.chat_id == str(GROUP["id"])
    only_bots = message(chat=GROUP, new_chat_members=[BOT])
    assert (
        to_event(only_bots, bot_username=BOT["username"], bot_id=BOT["id"], mentor_chat_id="")
        is None
    )


def test_rendering_uses_ptbs_own_limit_and_mention_helper() -> None:
    import inspect

    from telegram.constants import MessageLimit
    from telegram.helpers import mention_html

    from adapters.telegram import render

    assert render.MAX_CHARS is MessageLimit.MAX_TEXT_LENGTH
    assert render.mention_links(["5", "6"]) == " ".join(
        mention_html(uid, render.MENTION_LABEL) for uid in (5, 6)
    )
    assert "tg://" not in inspect.getsource(render)
    message = Outgoing(Address("telegram", "1"), "x" * 5000, meta={"mentions": "5"})
    parts = html_parts(message)
    assert all(utf16_len(p) <= MessageLimit.MAX_TEXT_LENGTH for p in parts)
    assert parts[-1].endswith(mention_html(5, render.MENTION_LABEL))


def test_the_keyboard_sent_as_json_is_the_one_ptb_would_send() -> None:
    """Replies are sent through do_api_request with the keyboard as JSON: the same JSON as
    PTB's own InlineKeyboardMarkup, link and callback buttons alike, empty rows dropped."""
    from adapters.telegram.render import keyboard, keyboard_json
    from bot.models import Button

    rows = [
        [Button("👍", "tok-up"), Button("", "tok-blank")],
        [],
        [Button("Open", url="https://example.org/a")],
    ]
    markup = keyboard(rows)
    assert markup is not None
    assert keyboard_json(rows) == markup.to_dict()
    assert keyboard_json([[], []]) is None and keyboard([]) is None
