"""The sentences of a section shown when the whole does not fit (bot/answering/excerpt.py)."""

from __future__ import annotations

from bot.answering.excerpt import ELLIPSIS, MAX_EXCERPT, MIN_EXCERPT, excerpt, sentences
from bot.answering.subject import content_terms

SECTION = (
    "Deleting an account is done from the app's settings, and it cannot be undone. "
    "Guides describe a waiting period before the account is gone for good. "
    "Your notes, comments and followers disappear with it. "
    "A banned account usually has to go through customer service instead of the usual route. "
    "Copies of your messages stay with the people you sent them to."
)


def _weight(term: str) -> float:
    # every term counts the same, but "account", which every sentence has, counts little
    return 0.1 if term == "account" else 1.0


def test_sentences_split_at_full_stops_but_not_after_abbreviations() -> None:
    assert sentences("TikTok dejó de funcionar en EE. UU. el 18 de enero. Después volvió.") == [
        "TikTok dejó de funcionar en EE. UU. el 18 de enero.",
        "Después volvió.",
    ]
    assert sentences("The U.S. law (e.g. the ban) passed. Then? It paused! Later, a deal.") == [
        "The U.S. law (e.g. the ban) passed.",
        "Then?",
        "It paused!",
        "Later, a deal.",
    ]
    # Chinese sentences end at 。！？ with no space after them
    assert sentences("先关注对方。对方回关后就能发图片！为什么？") == [
        "先关注对方。",
        "对方回关后就能发图片！",
        "为什么？",
    ]
    # a decimal point or a full stop inside a word ends nothing
    assert sentences("Version 8.5 added it. See rednote.com for more.") == [
        "Version 8.5 added it.",
        "See rednote.com for more.",
    ]


def test_the_sentences_sharing_the_rarest_words_are_shown_in_their_order() -> None:
    asked = content_terms("what happens to my followers if i'm banned?")
    shown = excerpt(SECTION, asked, _weight, room=400)
    assert "customer service" in shown and "followers disappear" in shown
    assert shown.index("followers disappear") < shown.index("customer service")
    # what was left out is marked where it was, and nothing is reworded
    assert shown.startswith(ELLIPSIS) and shown.endswith(ELLIPSIS)
    assert "waiting period" not in shown
    for sentence in sentences(shown.replace(ELLIPSIS, "")):
        assert sentence in SECTION


def test_an_excerpt_stays_within_its_room_and_drops_the_weaker_sentences() -> None:
    asked = content_terms("banned account customer service followers notes")
    roomy = excerpt(SECTION, asked, _weight, room=len(SECTION))
    tight = excerpt(SECTION, asked, _weight, room=140)
    assert len(tight) <= 140 < len(roomy)
    # the sentence with the most (and rarest) shared words is the one kept
    assert "customer service" in tight and "followers" not in tight


def test_no_excerpt_when_nothing_is_shared_or_too_little_fits() -> None:
    assert excerpt(SECTION, content_terms("what is the cat tax"), _weight, room=800) == ""
    assert excerpt(SECTION, set(), _weight, room=800) == ""
    asked = content_terms("banned account customer service")
    assert excerpt(SECTION, asked, _weight, room=MIN_EXCERPT - 1) == ""
    assert excerpt("Banned, yes. It is over now.", content_terms("banned"), _weight, room=800) == ""
    # a section of one sentence is shown whole or not at all, never cut
    one = "Deleting an account from a banned phone goes through customer service, guides say."
    assert excerpt(one, asked, _weight, room=800) == ""


def test_a_chinese_question_finds_chinese_sentences() -> None:
    section = (
        "小红书会限制给未关注你的人发私信。"
        "短时间内给很多陌生人发私信，可能会触发验证码。"
        "私信里带二维码或微信号，可能被判定为引流，导致私信被禁言。"
        "被禁言后，可以在帮助与反馈里申诉，一般一到三个工作日内有答复。"
    )
    shown = excerpt(section, content_terms("私信被禁言了怎么申诉"), lambda term: 1.0, room=200)
    assert "申诉" in shown and "禁言" in shown
    assert len(shown) <= 200


def test_an_excerpt_is_a_few_sentences_however_much_room_is_left() -> None:
    long_section = " ".join(
        f"Sentence {n} says the banned account waits for customer service." for n in range(40)
    )
    shown = excerpt(long_section, content_terms("banned account"), _weight, room=5000)
    assert MIN_EXCERPT <= len(shown) <= MAX_EXCERPT
