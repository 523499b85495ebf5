"""The evaluation set runs in `make test`: the chat path must stay above the repository's floors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.answering.answerer import Answerer, Candidate, Tuning
from bot.answering.evaluation import HOLDOUT_FILE, below, evaluate, load_questions
from bot.answering.service import Answering

EVAL = Path(__file__).resolve().parent.parent / "knowledge" / "eval"


def test_the_evaluation_set_is_well_formed() -> None:
    questions = load_questions(EVAL / "questions.jsonl")
    assert len(questions) >= 250
    assert len({q.question.lower() for q in questions}) == len(questions)
    english = {p.stem for p in (EVAL.parent / "en").glob("*.md")}
    for question in questions:
        assert question.action in ("answer", "unsure", "decline", "menu", "handoff"), question.id
        assert question.language in ("en", "es", "zh"), question.id
        assert set(question.expected) <= english, question.id
        if question.action == "answer":
            assert question.expected, question.id


def test_the_held_out_set_is_well_formed_and_separate() -> None:
    first = load_questions(EVAL / "questions.jsonl")
    held = load_questions(EVAL / HOLDOUT_FILE)
    english = {p.stem for p in (EVAL.parent / "en").glob("*.md")}
    assert len(held) >= 100 and len({q.id for q in held}) == len(held)
    assert not {q.id for q in held} & {q.id for q in first}
    assert not {q.question.lower() for q in held} & {q.question.lower() for q in first}
    for question in held:
        assert question.action in ("answer", "unsure", "decline", "menu", "handoff"), question.id
        assert set(question.expected) <= english, question.id


def test_answering_stays_above_the_floors(answering: Answering) -> None:
    questions = load_questions(EVAL / "questions.jsonl")
    report = evaluate(questions, answering.answerer, baselines=False)
    thresholds = json.loads((EVAL / "thresholds.json").read_text(encoding="utf-8"))
    assert below(report, thresholds) == [], report.failures[:10]
    held = evaluate(load_questions(EVAL / HOLDOUT_FILE), answering.answerer, baselines=False)
    assert below(held, thresholds["holdout"]) == [], held.failures[:10]


def test_off_topic_messages_get_the_out_of_scope_reply(answering: Answering) -> None:
    for text in ("can you recommend a good sci-fi novel", "¿quién ganó el partido anoche?"):
        answer = answering.answerer.answer(text)
        assert (answer.action, answer.reason) == ("unsure", "out_of_scope"), text
    unbounded = Answerer(answering.catalog, answering.index, Tuning(scope_margin=1.0))
    assert unbounded.answer("can you recommend a good sci-fi novel").reason != "out_of_scope"


def test_the_confidence_threshold_decides_what_is_unsure(answering: Answering) -> None:
    strict = Answerer(answering.catalog, answering.index, Tuning(min_confidence=1.01))
    lenient = Answerer(
        answering.catalog, answering.index, Tuning(min_confidence=0.0, scope_margin=1.0)
    )
    assert answering.answerer.answer("what is the cat tax").action == "answer"
    assert strict.answer("what is the cat tax").action == "unsure"
    assert lenient.answer("what is the best pizza topping").action == "answer"


def test_exact_names_rank_their_article_first_even_alone(answering: Answering) -> None:
    # Names the embedding model does not know: the lexical side must carry them, weighed
    # against the passage's real similarity rather than against none.
    names = {
        "PIPL": "china-data-laws-explained",
        "pafaca": "tiktok-ban-timeline",
        "Pugongying": "earning-money-on-rednote",
        "yyds": "yyds",
        "对账": "duizhang-comparing-costs",
        "what is PIPL": "china-data-laws-explained",
    }
    for text, article in names.items():
        first = answering.answerer.retrieve(text, language=None)[0]
        assert first.english_id == article, text


def test_an_article_with_two_close_sections_outranks_one_close_heading(
    answering: Answering,
) -> None:
    passage = next(iter(answering.catalog.passages.values()))

    def section(article: str, position: int, score: float) -> Candidate:
        return Candidate(article, position, passage, score, dense=score, lexical=0.0)

    ranked = [section("lone", 0, 0.70), section("pair", 0, 0.66), section("pair", 1, 0.60)]
    supported = Answerer(answering.catalog, answering.index)._with_support(ranked)
    assert [(c.english_id, c.position) for c in supported] == [
        ("pair", 0),
        ("pair", 1),
        ("lone", 0),
    ]
    assert supported[0].score == pytest.approx(0.66 + 0.4 * 0.60)
    assert supported[2].score == 0.70  # a single section gets no support
    unsupported = Answerer(answering.catalog, answering.index, Tuning(article_support=0.0))
    assert unsupported._with_support(ranked)[0].english_id == "lone"
