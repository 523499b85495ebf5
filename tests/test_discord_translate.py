"""The Discord adapter's pure parts: payloads and messages → core events, core messages →
Discord text, mentions, buttons and errors. No network."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import aiohttp
import discord
import pytest

from adapters.discord import render
from adapters.discord.client import intents
from adapters.discord.outbound import Answers, delivery_error
from adapters.discord.translate import (
    Place,
    Posted,
    attachment_kind,
    button_token,
    command_text,
    incoming,
    locate,
    place_of,
    posted,
)
from bot.models import Address, Button, Media, Outgoing

BOT = 5
ROOM = "20"


def said(content: str = "hello", **facts: Any) -> Posted:
    values: dict[str, Any] = {
        "id": 99,
        "author_id": 10,
        "author_bot": False,
        "author_name": "Alice",
        "content": content,
        "place": Place(7, private=True),
    }
    values.update(facts)
    return Posted(**values)


def event(content: str = "hello", member: bool = False, **facts: Any) -> Any:
    return incoming(
        said(content, **facts), bot_id=BOT, mentor_channel_id=ROOM, is_room_member=member
    )


# --- where a message was posted


@pytest.mark.parametrize(
    ("place", "kind", "address"),
    [
        (Place(7, private=True), "private", Address("discord", "7")),
        (Place(20), "mentor_room", Address("discord", "20")),
        (Place(30, parent_id=20), "mentor_room", Address("discord", "20", "30")),
        (Place(40), "group", Address("discord", "40")),
        (Place(41, parent_id=40), "group", Address("discord", "40", "41")),
    ],
)
def test_places_become_chat_kinds_and_addresses(place: Place, kind: str, address: Address) -> None:
    assert locate(place, ROOM) == (kind, address)


def test_without_a_mentor_channel_everything_in_a_guild_is_a_group() -> None:
    assert locate(Place(20), "")[0] == "group"


def test_an_unknown_channel_of_an_interaction_is_placed_by_its_ids() -> None:
    assert place_of(None, 7, None) == Place(7, private=True)
    assert place_of(None, 40, 1) == Place(40)


# --- messages


def test_a_dm_is_addressed_and_keyed_by_its_message_id() -> None:
    got = event("what is the cat tax")
    assert got.key == "discord:msg:99" and got.addressed and got.chat_kind == "private"
    assert got.address == Address("discord", "7") and got.text == "what is the cat tax"
    assert (got.sender.ref.user_id, got.sender.first_name) == ("10", "Alice")


def test_bots_echoes_and_system_messages_are_dropped() -> None:
    assert event(author_bot=True) is None
    assert event(author_id=BOT) is None
    assert event(system=True) is None


def test_group_chatter_is_not_addressed() -> None:
    got = event("anyone know the cat tax?", place=Place(40))
    assert got.chat_kind == "group" and not got.addressed


@pytest.mark.parametrize(
    ("content", "facts", "text"),
    [
        ("<@5> what is the cat tax", {"mentions": frozenset({BOT})}, "what is the cat tax"),
        ("hey <@!5>, yyds?", {"mentions": frozenset({BOT})}, "hey , yyds?"),
        ("and yyds?", {"replied_to": BOT, "mentions": frozenset({BOT})}, "and yyds?"),
        ("/topics", {}, "/topics"),
    ],
)
def test_mentions_replies_and_commands_address_the_bot_in_a_group(
    content: str, facts: dict[str, Any], text: str
) -> None:
    got = event(content, place=Place(40), **facts)
    assert got.addressed and got.text == text


def test_a_reply_to_someone_else_is_not_addressed() -> None:
    assert not event("lol", place=Place(40), replied_to=11).addressed


def test_everything_in_the_mentor_room_and_its_threads_reaches_the_core() -> None:
    got = event("hi Ana", member=True, place=Place(30, parent_id=20))
    assert got.chat_kind == "mentor_room" and got.addressed and got.sender.is_room_member
    assert got.address == Address("discord", "20", "30")


@pytest.mark.parametrize(
    ("types", "sticker", "kind"),
    [
        ((), False, None),
        (("image/png",), False, "photo"),
        (("video/mp4",), False, "video"),
        (("audio/ogg",), False, "voice"),
        (("application/pdf",), False, "document"),
        (("application/pdf", "image/jpeg"), False, "photo"),
        (("",), False, "document"),
        ((), True, "sticker"),
    ],
)
def test_attachments(types: tuple[str, ...], sticker: bool, kind: str | None) -> None:
    assert attachment_kind(types, sticker) == kind
    assert event("", content_types=types, sticker=sticker).attachment == kind


def file(name: str, mime: str | None, size: int = 10) -> Media:
    return Media(
        "discord", f"https://cdn.discordapp.com/attachments/1/2/{name}", size, mime, name=name
    )


def test_the_first_image_is_the_photo_the_core_may_fetch() -> None:
    pdf, png, jpg = (
        file("a.pdf", "application/pdf"),
        file("s.png", "image/png"),
        file("b.jpg", "image/jpeg"),
    )
    got = event(
        "what is this?",
        content_types=("application/pdf", "image/png", "image/jpeg"),
        files=(pdf, png, jpg),
    )
    assert (got.attachment, got.media, got.text) == ("photo", png, "what is this?")
    other = event("", content_types=("application/pdf",), files=(pdf,))
    assert (other.attachment, other.media) == ("document", pdf)
    video = file("v.mp4", "video/mp4")
    assert event("", content_types=("video/mp4",), files=(video,)).media is None
    assert event("hello").media is None


def test_a_photo_in_a_group_is_addressed_only_by_a_mention_or_a_reply() -> None:
    png = file("s.png", "image/png")
    facts: dict[str, Any] = {"place": Place(40), "content_types": ("image/png",), "files": (png,)}
    assert not event("look", **facts).addressed
    assert event(f"<@{BOT}> what is this?", mentions=frozenset({BOT}), **facts).addressed
    assert event("", replied_to=BOT, **facts).media == png


def _state() -> Any:
    return discord.Client(intents=discord.Intents.none())._connection


def _payload(**extra: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": "99",
        "author": {"id": "10", "username": "alice", "discriminator": "0",
                   "global_name": "Alice", "avatar": None},
        "content": f"<@{BOT}> what is the cat tax",
        "timestamp": "2026-11-22T12:00:00+00:00",
        "edited_timestamp": None,
        "tts": False,
        "mention_everyone": False,
        "mentions": [{"id": str(BOT), "username": "guide", "discriminator": "0",
                      "avatar": None, "bot": True}],
        "mention_roles": [],
        "attachments": [{"id": "1", "filename": "a.png", "size": 1, "url": "https://cdn.example/a.png",
                         "proxy_url": "u", "content_type": "image/png", "width": 960,
                         "height": 2079}],
        "embeds": [],
        "pinned": False,
        "type": 0,
        "flags": 0,
    }  # fmt: skip
    data.update(extra)
    return data


def test_a_real_dm_message_is_read_from_its_payload() -> None:
    client = discord.Client(intents=discord.Intents.none())
    dm = client.get_partial_messageable(7, type=discord.ChannelType.private)
    message = discord.Message(state=client._connection, channel=dm, data=_payload(channel_id="7"))
    facts = posted(message)
    assert facts.place == Place(7, private=True) and facts.author_name == "Alice"
    assert facts.mentions == {BOT} and facts.content_types == ("image/png",)
    got = incoming(facts, bot_id=BOT, mentor_channel_id=ROOM, is_room_member=False)
    assert got is not None and got.text == "what is the cat tax" and got.attachment == "photo"
    assert got.media == Media(
        "discord", "https://cdn.example/a.png", 1, "image/png", 960, 2079, "a.png"
    )


def test_a_real_thread_message_is_placed_under_its_parent() -> None:
    state = _state()
    guild = discord.Guild(data={"id": "1", "name": "g", "roles": []}, state=state)
    thread = discord.Thread(
        guild=guild,
        state=state,
        data={
            "id": "30", "guild_id": "1", "parent_id": ROOM, "owner_id": str(BOT), "type": 11,
            "name": "#1 alice", "message_count": 0, "member_count": 1, "rate_limit_per_user": 0,
            "flags": 0, "last_message_id": None,
            "thread_metadata": {"archived": False, "auto_archive_duration": 1440,
                                "archive_timestamp": "2026-11-22T12:00:00+00:00", "locked": False},
        },
    )  # fmt: skip
    member = {"roles": [], "joined_at": "2026-11-22T12:00:00+00:00", "deaf": False,
              "mute": False, "flags": 0}  # fmt: skip
    data = _payload(channel_id="30", guild_id="1", member=member, content="hi Ana", mentions=[])
    facts = posted(discord.Message(state=state, channel=thread, data=data))
    assert facts.place == Place(30, parent_id=20)
    got = incoming(facts, bot_id=BOT, mentor_channel_id=ROOM, is_room_member=True)
    assert got is not None and got.chat_kind == "mentor_room"
    assert got.address == Address("discord", ROOM, "30")


# --- slash commands and buttons


def test_slash_commands_become_the_text_the_core_reads() -> None:
    assert command_text("topics") == "/topics"
    assert command_text("ask", "what is the cat tax ") == "/ask what is the cat tax"
    assert command_text("language", None) == "/language"
    assert command_text("claim", 3) == "/claim 3"
    assert command_text("release", "") == "/release"


def test_only_our_buttons_carry_a_token() -> None:
    assert button_token("ng:abc_-123") == "abc_-123"
    assert button_token("ng:") is None
    assert button_token("guide:helpful") is None


def test_members_intent_only_with_a_mentor_role() -> None:
    assert not intents(False).members and intents(True).members
    wanted = intents(False)
    assert wanted.guilds and wanted.guild_messages and wanted.dm_messages
    assert wanted.message_content and not wanted.presences and not wanted.guild_reactions


# --- rendering


def out(text: str, **kw: Any) -> Outgoing:
    return Outgoing(Address("discord", "7"), text, **kw)


def test_core_text_is_shown_as_typed_and_cannot_ping() -> None:
    shown = render.body(
        out("@everyone **bold** _it_ @here <@&123456789012345678> <@123456789012345678>")
    )
    assert "@everyone" not in shown and "@here" not in shown
    assert "\\*\\*bold\\*\\*" in shown and "\\_it\\_" in shown
    assert "<@123456789012345678>" not in shown and "<@&123456789012345678>" not in shown
    assert render.body(out("see https://example.com/a_b_c")) == "see https://example.com/a_b_c"


def test_requested_pings_come_first_and_are_the_only_ones_allowed() -> None:
    message = out("Request #1", meta={"mentions": "111111111111111111,222222222222222222"})
    assert render.body(message) == "<@111111111111111111> <@222222222222222222>\nRequest #1"
    allowed = render.allowed_mentions(message).to_dict()
    assert allowed == {"parse": [], "users": [111111111111111111, 222222222222222222]}
    assert render.allowed_mentions(out("x")).to_dict() == {"parse": []}


def test_long_text_is_split_at_spaces_into_parts_of_at_most_2000() -> None:
    text = " ".join(f"w{n:03d}" for n in range(420))  # 2099 characters
    parts = render.split(text)
    assert len(parts) == 2 and all(len(p) <= 2000 for p in parts)
    assert " ".join(parts) == text


def test_split_prefers_line_breaks_and_never_cuts_an_escape() -> None:
    text = "a" * 1500 + "\n" + "b" * 1000
    assert render.split(text) == ["a" * 1500, "b" * 1000]
    escaped = "x" * 1999 + "\\*" + "y" * 10
    parts = render.split(escaped)
    assert parts[0] == "x" * 1999 and parts[1].startswith("\\*")


def test_buttons_that_fit_keep_their_rows() -> None:
    rows = ((Button("A", "a"), Button("B", "b")), (Button("C", "c"),))
    assert render.pages(rows) == [[[Button("A", "a"), Button("B", "b")], [Button("C", "c")]]]
    assert render.pages(()) == []


def test_too_many_rows_are_packed_and_more_than_25_spill_over() -> None:
    seven = tuple((Button(str(n), str(n)),) for n in range(7))
    packed = render.pages(seven)
    assert len(packed) == 1 and len(packed[0]) <= 5
    assert [b.label for row in packed[0] for b in row] == [str(n) for n in range(7)]
    thirty = tuple((Button(str(n), str(n)),) for n in range(30))
    pages = render.pages(thirty)
    assert [sum(len(row) for row in page) for page in pages] == [25, 5]
    assert all(len(page) <= 5 and all(len(row) <= 5 for row in page) for page in pages)


async def test_a_view_renders_tokens_and_links_and_listens_to_nothing() -> None:
    view = render.view([[Button("x" * 100, "tok")], [Button("Docs", url="https://example.com")]])
    assert view.is_finished()
    rows: list[Any] = view.to_components()
    first, second = rows[0]["components"][0], rows[1]["components"][0]
    assert first["custom_id"] == "ng:tok" and len(first["label"]) == 80
    assert second["url"] == "https://example.com" and "custom_id" not in second


# --- errors


class Response:
    """The little of an aiohttp response that discord.py's exceptions read."""

    def __init__(self, status: int, headers: dict[str, str] | None = None) -> None:
        self.status = status
        self.reason = "test"
        self.headers = headers or {}


def test_closed_dms_are_a_permanent_failure_the_core_recognises() -> None:
    error = delivery_error(discord.Forbidden(Response(403), {"code": 50007, "message": "no"}))
    assert error is not None and error.permanent
    assert error.reason == "cannot send messages to this user (DMs closed)"


@pytest.mark.parametrize(
    ("failure", "permanent", "retry_after"),
    [
        (discord.Forbidden(Response(403), {"code": 50013, "message": "Missing"}), True, None),
        (discord.NotFound(Response(404), {"code": 10003, "message": "Unknown"}), True, None),
        (discord.HTTPException(Response(400), {"code": 50035, "message": "Bad"}), True, None),
        (discord.DiscordServerError(Response(503), "down"), False, None),
        (discord.HTTPException(Response(429, {"Retry-After": "3"}), "slow"), False, 3.0),
        (discord.RateLimited(42.0), False, 42.0),
        (aiohttp.ClientConnectionError("reset"), False, None),
        (TimeoutError(), False, None),
    ],
)
def test_discord_failures_map_to_delivery_errors(
    failure: Exception, permanent: bool, retry_after: float | None
) -> None:
    error = delivery_error(failure)
    assert error is not None
    assert (error.permanent, error.retry_after) == (permanent, retry_after)


def test_a_bug_is_not_disguised_as_a_delivery_error() -> None:
    assert delivery_error(ValueError("bug")) is None


# --- slash-command answers


def test_a_commands_replies_are_matched_in_order_and_only_once() -> None:
    answers = Answers()
    alive = {"is_expired": lambda: False}  # as a discord.Interaction younger than 15 minutes
    first, second = SimpleNamespace(id=1, **alive), SimpleNamespace(id=2, **alive)
    hello = out("hello")
    answers.expect(first, [hello, out("more")], ephemeral=True)  # type: ignore[arg-type]
    answers.expect(second, [hello], ephemeral=False)  # type: ignore[arg-type]
    assert answers.take(out("something else")) is None
    taken = answers.take(hello)
    assert taken is not None and taken.interaction is first and taken.ephemeral
    answers.put_back(hello, taken)  # a failed attempt is tried again, first in line
    assert answers.take(hello) is taken
    assert answers.unanswered(first)  # type: ignore[arg-type]
    answers.answered(first)  # type: ignore[arg-type]
    assert not answers.unanswered(first)  # type: ignore[arg-type]
    again = answers.take(hello)
    assert again is not None and again.interaction is second
    assert answers.take(hello) is None
