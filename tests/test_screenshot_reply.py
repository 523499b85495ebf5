"""The reply to a screenshot, built from a reading: the numbered list in the newcomer's
language, literal dictionary meanings marked, English fallbacks said, article buttons, and a
short honest reply for every reason a picture was not read. Pure: no OCR runs here."""

from __future__ import annotations

from pathlib import Path

import pytest
from chat import Conversation

from bot.models import Address
from bot.screens.values import Gloss, Item, Reading, TextBox
from bot.screenshots import Looked, Looker, items_text, reply, summary

BOX = TextBox("", ((0, 0), (10, 0), (10, 10), (0, 10)), 0.99)
SETTINGS = Gloss(
    "设置",
    "shè zhì",
    "Settings",
    "Opens the settings page.",
    article="switch-app-language-english",
)
SETTINGS_ZH = Gloss(
    "设置", "shè zhì", "设置", "打开设置页面。", article="switch-app-language-english"
)
SETTINGS_ES_FALLBACK = Gloss(
    "设置", "shè zhì", "Settings", "Opens the settings page.", fallback_en=True
)
FRIES = Gloss("大薯", "dà shǔ", "large potato", source="dictionary")


def reading(*glosses: Gloss) -> Reading:
    items = tuple(Item(n, BOX, gloss) for n, gloss in enumerate(glosses, start=1))
    return Reading(items=items, png=b"png", found=len(items), chinese=len(items))


def test_english_lines_carry_pinyin_meaning_and_what_it_does() -> None:
    text = items_text(reading(SETTINGS, FRIES).items, "en")
    assert text.splitlines() == [
        "1. 设置 (shè zhì) — Settings: Opens the settings page.",
        "2. 大薯 (dà shǔ) — literally “large potato” (dictionary)",
    ]


def test_chinese_lines_say_what_the_item_does_not_the_label_again() -> None:
    text = items_text(reading(SETTINGS_ZH).items, "zh")
    assert text == "1. 设置 — 打开设置页面。"


def test_the_reply_is_the_labelled_picture_with_its_list_and_article_buttons(
    chat: Conversation, tmp_path: Path
) -> None:
    address = Address("telegram", "42")
    looked = Looked("h", "en", reading(SETTINGS, FRIES), image=str(tmp_path / "x.png"))
    (out,) = reply(chat.engine.ctx, address, looked, "en")
    assert out.image == str(tmp_path / "x.png")
    assert out.text.startswith("I found 2 Chinese labels on your screenshot.")
    assert "word-for-word translations from CC-CEDICT" in out.text
    labels = [button.label for row in out.buttons for button in row]
    assert labels == ["Can I switch RedNote to English?"]


def test_spanish_says_when_a_meaning_is_only_in_english(chat: Conversation) -> None:
    looked = Looked("h", "es", reading(SETTINGS_ES_FALLBACK), image="/tmp/x.png")
    (out,) = reply(chat.engine.ctx, Address("telegram", "42"), looked, "es")
    assert "Encontré 1 textos" in out.text and "solo están en inglés" in out.text


@pytest.mark.parametrize(
    ("refusal", "words"),
    [
        ("too_big", "over 10 MB"),
        ("too_many_pixels", "over 20 million pixels"),
        ("not_image", "isn't a picture I can read"),
        ("unreadable", "damaged"),
        ("fetch_failed", "couldn't download"),
        ("flood", "more pictures than I can read at once"),
        ("busy", "send yours again in a minute"),
        ("unavailable", "can't read pictures right now"),
    ],
)
def test_every_refusal_gets_a_short_reply_and_the_offer_of_a_mentor(
    chat: Conversation, refusal: str, words: str
) -> None:
    looked = Looked("h", "en", refusal=refusal)  # type: ignore[arg-type]
    (out,) = reply(chat.engine.ctx, Address("telegram", "42"), looked, "en")
    assert words in out.text and out.image is None
    assert [button.label for row in out.buttons for button in row] == ["🙋 Talk to a mentor"]


def test_no_text_and_text_that_is_not_chinese_are_told_apart(chat: Conversation) -> None:
    empty = Looked("h", "en", Reading((), None, found=0, chinese=0))
    latin = Looked("h", "en", Reading((), None, found=3, chinese=0))
    ctx, address = chat.engine.ctx, Address("telegram", "42")
    assert "couldn't find any text" in reply(ctx, address, empty, "en")[0].text
    assert "isn't Chinese" in reply(ctx, address, latin, "en")[0].text


def test_the_log_keeps_the_labels_read_not_the_picture() -> None:
    assert summary(Looked("h", "en", reading(SETTINGS))) == "[screenshot] 设置"
    assert summary(Looked("h", "en", refusal="too_big")) == "[screenshot: too_big]"


def test_labelled_copies_are_deleted_once_sent_and_orphans_are_swept(tmp_path: Path) -> None:
    looker = Looker(tmp_path / "glossary.yaml", tmp_path / "media")
    looker.media_dir.mkdir()
    sent, waiting, orphan = (looker.media_dir / f"{name}.png" for name in ("a", "b", "c"))
    for file in (sent, waiting, orphan):
        file.write_bytes(b"png")
    outside = tmp_path / "keep.png"
    outside.write_bytes(b"mine")
    looker.discard(str(sent))
    looker.discard(str(outside))  # not one of ours: refused
    assert not sent.exists() and outside.exists()
    later = orphan.stat().st_mtime + 7200
    assert looker.sweep({str(waiting)}, now=later) == 1
    assert waiting.exists() and not orphan.exists()


# --- a label typed into a question


def test_a_label_quoted_in_a_question_is_named_from_the_glossary(chat: Conversation) -> None:
    ana = chat.person("telegram", "42", "Ana")
    reply = chat.say(ana, "what is 薯条? someone told me to buy it")[-1].text
    assert "📱 In the app:\n• 薯条 (shǔ tiáo) — Shutiao (paid post promotion):" in reply
    lina = chat.person("telegram", "43", "Lina", language_code="es")
    reply = chat.say(lina, "¿qué significa 隐私设置 en la app?")[-1].text
    assert "📱 En la app:\n• 隐私设置 (yǐn sī shè zhì) — Ajustes de privacidad" in reply


def test_readers_of_chinese_and_one_character_words_get_no_label_line(chat: Conversation) -> None:
    mei = chat.person("telegram", "44", "Mei", language_code="zh")
    assert "📱" not in chat.say(mei, "薯条是什么？")[-1].text
    ana = chat.person("telegram", "42", "Ana")
    assert "📱" not in chat.say(ana, "what does 我 mean on the tab bar")[-1].text


def test_labels_the_glossary_lacks_are_listed_for_maintainers(chat: Conversation) -> None:
    """A literal label is kept apart in the log, and `guide kb labels` lists it."""
    from datetime import UTC, datetime

    from bot.maintenance import labels

    looked = Looked("h", "en", reading(SETTINGS, FRIES), image=None)
    assert summary(looked) == "[screenshot] 设置 · 大薯 | not in the glossary: 大薯"
    ana = chat.person("telegram", "42", "Ana")
    db = chat.engine.store.db
    for _ in range(2):
        chat.engine.store.log(ana.ref, ana.address, "in", summary(looked), chat.clock())
    since = datetime(2000, 1, 1, tzinfo=UTC)
    assert labels.unknown_labels(db, since) == {"大薯": 2}
    assert labels.unknown_labels(db, datetime(2999, 1, 1, tzinfo=UTC)) == {}
