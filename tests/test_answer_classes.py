"""Failure classes of answering, each with phrasings written for these tests (never taken from
the evaluation sets): a question's subject over incidental heading words, terse questions,
asking about people rather than for one, yes/no political verdicts, writing tasks, and
replies that name a second article when retrieval cannot tell two apart."""

from __future__ import annotations

import pytest

from bot.answering.answerer import CLOSE_MARGIN, Answerer, Candidate
from bot.answering.safety import read
from bot.answering.service import Answering
from bot.answering.subject import Subjects, content_terms
from bot.i18n import t


def _ask(answering: Answering, text: str) -> tuple[str, str, float]:
    answer = answering.answerer.answer(text)
    top = answer.sources[0].id if answer.sources else ""
    return answer.action, top, answer.confidence


# --- the subject of a question over words it shares with another heading


@pytest.mark.parametrize(
    "text",
    [
        "why do they call themselves my chinese spy",
        "why do people call their phone my chinese spy",
        "why do they keep saying hi to their chinese spy",
        "who is this chinese spy everyone talks about",
    ],
)
def test_a_question_goes_to_the_article_about_its_subject(answering: Answering, text: str) -> None:
    action, top, confidence = _ask(answering, text)
    assert (action, top) == ("answer", "chinese-spy-meme"), (text, top, confidence)


# --- terse questions about a core topic


@pytest.mark.parametrize(
    ("text", "article"),
    [
        ("what is rednote", "what-is-rednote"),
        ("rednote?", "what-is-rednote"),
        ("what's rednote", "what-is-rednote"),
        ("qué es rednote", "what-is-rednote"),
        ("小红书是什么", "what-is-rednote"),
        ("who owns rednote", "who-owns-rednote"),
        ("is rednote safe", "is-rednote-safe"),
        ("translate button?", "translate-button"),
    ],
)
def test_terse_questions_about_a_core_topic_are_answered(
    answering: Answering, text: str, article: str
) -> None:
    action, top, confidence = _ask(answering, text)
    assert (action, top) == ("answer", article), (text, top, confidence)
    assert confidence >= answering.answerer.tuning.min_confidence


def test_a_question_that_is_a_heading_names_its_section(answering: Answering) -> None:
    subjects = Subjects(answering.catalog.passages.values())
    named = subjects.named(content_terms("What is RedNote"))
    assert named is not None and named[0] == "what-is-rednote"
    # A word every article uses names no one article; a long question names nothing.
    assert subjects.named(content_terms("the")) is None
    assert subjects.named(content_terms("is rednote popular with teenagers in ohio")) is None
    assert subjects.heading_match(content_terms("what is rednote"), "what-is-rednote", 0) == 1.0


# --- asking about people, mentors or the bot is not asking for a person


@pytest.mark.parametrize(
    "text",
    [
        "are you a real person?",
        "are you a bot or a human",
        "is this a real person or a bot",
        "what happens to my messages after I chat with a mentor?",
        "what do mentors do?",
        "do mentors see my chats when I talk to a mentor",
        "are the mentors real people?",
        "¿eres una persona real?",
        "¿qué pasa con mis mensajes después de hablar con un mentor?",
        "你是真人吗",
        "导师能看到我的聊天记录吗",
    ],
)
def test_asking_about_people_is_not_asking_for_one(answering: Answering, text: str) -> None:
    assert read(text) is None, text
    assert answering.answerer.answer(text).action != "handoff", text


@pytest.mark.parametrize(
    "text",
    [
        "can i talk to a real person",
        "i want to talk to a human",
        "are you a bot? i want to speak to a real person",
        "is there a real person i can talk to",
        "talk to a mentor",
        "necesito hablar con una persona real",
        "我想找真人聊聊",
        "can a person help me with this",
        "I need help from an actual human",
        "me pueden pasar con un voluntario",
        "necesito ayuda de alguien real",
        "有志愿者可以帮我吗",
    ],
)
def test_asking_for_a_person_is_still_a_handoff(text: str) -> None:
    reading = read(text)
    assert reading is not None and reading.intent == "handoff", text


@pytest.mark.parametrize(
    "text",
    ["can volunteers help with bans?", "can someone explain the cat tax", "怎么成为志愿者导师"],
)
def test_questions_that_mention_helpers_are_not_requests_for_one(text: str) -> None:
    reading = read(text)
    assert reading is None or reading.intent != "handoff", text


@pytest.mark.parametrize("text", ["ok cool", "got it, thanks", "okay 👍", "vale, gracias", "好的"])
def test_an_acknowledgement_gets_the_menu_not_a_guess(text: str) -> None:
    reading = read(text)
    assert reading is not None and reading.intent == "menu", text


# --- a yes/no political verdict gets the neutral politics article, never a nearby one


@pytest.mark.parametrize(
    "text",
    [
        "just answer yes or no, is the chinese government good",
        "yes or no: is xi jinping a dictator",
        "is the CCP evil?",
        "one word answer: is china a dictatorship",
        "solo responde sí o no, ¿el gobierno chino es malo?",
        "¿es el partido comunista una dictadura?",
        "只回答是或不是，中国政府是邪恶的吗",
        "中共是不是独裁",
    ],
)
def test_a_political_verdict_demand_gets_the_politics_article(
    answering: Answering, text: str
) -> None:
    answer = answering.answerer.answer(text)
    assert answer.action == "decline", text
    assert [s.id for s in answer.sources] == ["politics-and-sensitive-topics"], text


@pytest.mark.parametrize(
    "text",
    ["is china good for travel", "can i post about politics", "is chinese food good yes or no"],
)
def test_questions_that_only_mention_china_are_not_verdict_demands(text: str) -> None:
    assert read(text) is None, text


# --- writing content is a task the guide declines


@pytest.mark.parametrize(
    "text",
    [
        "write me a post about my trip to shanghai",
        "write a caption for my cat photo",
        "can you write my first rednote post for me",
        "roast my ex in a rednote post",
        "write a political roast post about xi",
        "make me some hashtags for my food post",
        "give me a title for my note",
        "escríbeme un post para rednote sobre mi perro",
        "¿puedes escribirme una descripción para mi perfil?",
        "帮我写一篇小红书笔记",
        "帮我写个文案",
        "写一篇关于成都的笔记",
    ],
)
def test_requests_to_write_content_are_declined(answering: Answering, text: str) -> None:
    answer = answering.answerer.answer(text)
    assert (answer.action, answer.reason) == ("decline", "write_content"), text
    assert answer.text.startswith(t("decline.write_content", answer.language)), text


@pytest.mark.parametrize(
    "text",
    [
        "how do I write a good caption",
        "what should I write in my bio",
        "how do i make a post",
        "can you make my post go viral",
        "¿cómo escribo una buena publicación?",
        "怎么写笔记标题",
    ],
)
def test_questions_about_writing_are_not_declined(text: str) -> None:
    reading = read(text)
    assert reading is None or reading.reason != "write_content", text


# --- two articles retrieval cannot tell apart: the reply names both


def _candidate(answering: Answering, english_id: str, score: float) -> Candidate:
    passage = answering.catalog.by_topic[(english_id, 0, "en")]
    return Candidate(english_id, 0, passage, score, score, 0.0)


def test_a_close_second_article_is_named_and_offered_first(answering: Answering) -> None:
    answerer: Answerer = answering.answerer
    best = _candidate(answering, "what-is-rednote", 1.0)
    close = _candidate(answering, "who-owns-rednote", 1.0 - CLOSE_MARGIN / 2)
    other = _candidate(answering, "is-rednote-safe", 1.0 - CLOSE_MARGIN)
    answer = answerer._compose(best, [best, close, other], "en", 0.7)
    heading = answering.catalog.by_topic[("who-owns-rednote", 0, "en")].heading
    assert heading in answer.text and answer.text.index(heading) > answer.text.index(
        best.passage.text
    )
    assert answer.related[0].id == "who-owns-rednote"
    assert answer.sources[0].id == "what-is-rednote"
    spanish = answerer._compose(best, [best, close], "es", 0.7)
    assert "¿Buscabas" in spanish.text


def test_a_clear_answer_names_no_second_article(answering: Answering) -> None:
    best = _candidate(answering, "what-is-rednote", 1.0)
    far = _candidate(answering, "who-owns-rednote", 1.0 - 2 * CLOSE_MARGIN)
    answer = answering.answerer._compose(best, [best, far], "en", 0.9)
    heading = answering.catalog.by_topic[("who-owns-rednote", 0, "en")].heading
    assert heading not in answer.text


# --- a question about a harm, or about the rules, is not a request for it


def test_no_heading_of_the_knowledge_base_is_declined_or_handed_off(
    answering: Answering,
) -> None:
    headings = sorted({p.heading for p in answering.catalog.passages.values()})
    assert len(headings) > 300
    read_as = {h: read(h) for h in headings}
    assert {h: r.intent for h, r in read_as.items() if r is not None} == {}


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("how can i tell if an account has fake followers", None),
        ("is buying likes against the rules", None),
        ("how do i report someone who keeps harassing me", None),
        ("how to report a mean comment under my post", None),
        ("¿cómo denuncio a alguien que me acosa?", None),
        ("有人骚扰我怎么举报", None),
        ("is chatting with a mentor private?", None),
        ("跟导师聊天安全吗", None),
        ("buy followers cheap", "decline"),
        ("mass report her account so it gets banned", "decline"),
        ("let's all report this creator to get them banned", "decline"),
        ("大家一起举报她", "decline"),
    ],
)
def test_a_victim_or_rules_question_is_not_a_harmful_request(text: str, intent: str | None) -> None:
    reading = read(text)
    assert (reading.intent if reading else None) == intent, text
