"""Traditional Chinese is read as simplified for matching: intent rules and search."""

from __future__ import annotations

import pytest

from bot.answering.hanzi import _SIMPLIFIED, _TRADITIONAL, simplified
from bot.answering.safety import Reading, beyond_the_guide, read
from bot.answering.service import Answering


def test_the_table_maps_one_character_to_one() -> None:
    assert len(_TRADITIONAL) == len(_SIMPLIFIED)
    assert len(set(_TRADITIONAL)) == len(_TRADITIONAL)
    # No simplified form is itself rewritten again.
    assert not set(_SIMPLIFIED) & set(_TRADITIONAL)


def test_traditional_text_becomes_simplified_and_the_rest_is_kept() -> None:
    assert simplified("小紅書帳號被封了，為甚麼？") == "小红书账号被封了，为什么？"
    assert simplified("RedNote 你好 ¿qué tal?") == "RedNote 你好 ¿qué tal?"


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("麻煩幫我轉給真人導師", "handoff"),
        ("哈囉～請問這個機器人怎麼用", "menu"),
        ("謝謝你的回覆", "menu"),
        ("怎麼盜別人的帳號", "decline"),
    ],
)
def test_traditional_messages_are_read_like_simplified_ones(text: str, intent: str) -> None:
    reading = read(text)
    assert reading is not None and reading.intent == intent, text


def test_a_traditional_rumour_is_a_prediction() -> None:
    assert beyond_the_guide("聽說明年小紅書要收費，真的假的") == "prediction"


def test_a_traditional_question_finds_what_its_simplified_twin_finds(
    answering: Answering,
) -> None:
    for traditional, plain in [
        ("小紅書帳號被封禁了怎麼申訴", "小红书账号被封禁了怎么申诉"),
        ("怎麼把介面改成英文", "怎么把界面改成英文"),
    ]:
        a = answering.answerer.answer(traditional)
        b = answering.answerer.answer(plain)
        assert a.action == b.action == "answer", traditional
        assert [s.id for s in a.sources][:1] == [s.id for s in b.sources][:1], traditional
        assert a.language == "zh"
    # The search itself reads the simplified text: a character-for-character twin ranks the
    # very same sections with the very same scores (without the reading, the lexical side
    # finds no term of "小紅書" or "帳號" and the scores differ).
    for traditional, plain in [
        ("小紅書帳號被封禁了怎麼申訴", "小红书账号被封禁了怎么申诉"),
        ("怎麼關閉推薦", "怎么关闭推荐"),
    ]:
        ranked = [
            [(c.english_id, c.position, round(c.score, 6)) for c in answering.answerer.retrieve(q)]
            for q in (traditional, plain)
        ]
        assert ranked[0] == ranked[1], traditional


def test_a_vpn_to_recommend_is_beyond_the_guide_but_needing_one_is_not() -> None:
    assert beyond_the_guide("請推薦一個VPN") == "out_of_scope"
    assert beyond_the_guide("which vpn should i buy for china") == "out_of_scope"
    assert beyond_the_guide("do i need a vpn to use rednote in china") == ""
    assert read("do i need a vpn to use rednote in china") != Reading("decline", "evade_moderation")
