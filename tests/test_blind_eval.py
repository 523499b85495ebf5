"""Blind sets: answer-level scoring on the text a user is shown, report only; and the
calibration's out-of-fold error from k-fold cross-validation."""

from __future__ import annotations

import argparse
import contextlib
import json
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest

from bot.answering import evaluation
from bot.answering.answerer import Answer, Source
from bot.answering.calibration import FEATURES, cross_validate, fit, folds, reliability
from bot.answering.evaluation import (
    BLIND_LABEL,
    BlindQuestion,
    blind_sets,
    evaluate_blind,
    load_blind,
    missing_facts,
    print_blind,
)
from bot.answering.examples import Example, Examples
from bot.answering.service import Answering


class Scripted:
    """An answerer that replies what the test says, per question."""

    def __init__(self, replies: dict[str, Answer]):
        self.replies = replies

    def answer(self, text: str) -> Answer:
        return self.replies[text]

    @contextlib.contextmanager
    def withholding(self, source: str, text: str = "") -> Iterator[None]:
        yield


def _answer(text: str, confidence: float, language: str = "en") -> Answer:
    return Answer("answer", language, text, confidence, (Source("some-article", "T", 1.0),))


def _line(**row: object) -> str:
    return json.dumps(row, ensure_ascii=False)


def test_a_blind_line_loads_with_its_fact_groups(tmp_path: Path) -> None:
    path = tmp_path / "blind-test.jsonl"
    path.write_text(
        _line(
            id="b1",
            question="q?",
            language="es",
            action="answer",
            facts=[["a", "b"], ["c"], []],
            source=None,
            kind="paraphrase",
        )
        + "\n\n"
        + _line(id="b2", question="hola", language="es", action="menu", facts=[], source=None)
        + "\n",
        encoding="utf-8",
    )
    (tmp_path / "blindly.jsonl").write_text("", encoding="utf-8")
    (tmp_path / "holdout.jsonl").write_text("", encoding="utf-8")
    first, second = load_blind(path)
    assert first == BlindQuestion(
        "b1", "q?", "es", "answer", (("a", "b"), ("c",)), None, "paraphrase"
    )
    assert second.facts == () and second.action == "menu"
    assert [p.name for p in blind_sets(tmp_path)] == ["blind-test.jsonl", "blindly.jsonl"]


def test_a_fact_group_is_met_by_any_alternative_case_insensitively() -> None:
    shown = "Spring Festival 2027 falls on 6 February.\nIt is the Year of the GOAT."
    assert missing_facts(shown, [["february 6", "6 february"], ["goat", "sheep"]]) == []
    assert missing_facts(shown, [["goat"], ["horse", "马"]]) == [["horse", "马"]]
    assert missing_facts("ＲｅｄＮｏｔｅ  is\nfree", [["rednote is free"]]) == []


def test_the_blind_report_scores_actions_facts_confidence_and_language() -> None:
    questions = [
        BlindQuestion("b1", "right", "en", "answer", (("goat",), ("2027",))),
        BlindQuestion("b2", "missing a fact, confident", "en", "answer", (("goat",), ("2027",))),
        BlindQuestion("b3", "missing a fact, unsure of it", "en", "answer", (("goat",),)),
        BlindQuestion("b4", "declined, should answer", "es", "answer", (("x",),)),
        BlindQuestion("b5", "declined rightly", "zh", "decline"),
        BlindQuestion("b6", "answered, should be unsure", "zh", "unsure"),
        BlindQuestion("b7", "handed off, should answer", "en", "answer", (("x",),)),
        BlindQuestion("b8", "unsure, should answer", "en", "answer", (("x",),)),
    ]
    scripted = Scripted(
        {
            "right": _answer("The goat year, 2027", 0.95),
            "missing a fact, confident": _answer("The goat year", 0.9),
            "missing a fact, unsure of it": _answer("The horse year", 0.6),
            "declined, should answer": Answer("decline", "es", "No.", 1.0),
            "declined rightly": Answer("decline", "zh", "不行。", 1.0),
            "answered, should be unsure": _answer("something", 0.85, language="en"),
            # A rule's reply carries no probability (0.0) but is stated as a certainty.
            "handed off, should answer": Answer("handoff", "en", "A mentor…", 0.0),
            "unsure, should answer": Answer("unsure", "en", "Not sure…", 0.3),
        }
    )
    report = evaluate_blind("blind-x.jsonl", questions, scripted)  # type: ignore[arg-type]
    m = report.metrics
    assert m["questions"] == 8
    assert m["answer_level"] == pytest.approx(2 / 8)
    # b2 (0.9), b4 (a decline), b6 (0.85) and b7 (a handoff) are wrong with confidence >= 0.8;
    # b3 (0.6) and b8 (an unsure at 0.3) are wrong but not confidently.
    assert m["confidently_wrong"] == pytest.approx(4 / 8)
    assert m["language_match"] == pytest.approx(2 / 3) and m["language_questions"] == 3
    assert report.per_language == {"en": (1, 5), "es": (0, 1), "zh": (1, 2)}
    assert report.per_action == {"answer": (1, 6), "decline": (1, 1), "unsure": (0, 1)}
    failures = {f["id"]: f for f in report.failures}
    assert set(failures) == {"b2", "b3", "b4", "b6", "b7", "b8"}
    assert failures["b7"]["confidence"] == 1.0 and failures["b8"]["confidence"] == 0.3
    assert failures["b2"]["missing"] == [["2027"]] and failures["b2"]["confidence"] == 0.9
    assert failures["b4"]["got"].startswith("decline") and failures["b4"]["missing"] == []
    assert failures["b6"]["expected"] == "unsure"
    assert report.per_overlap == {}
    # Told which messages a development set also holds, it scores those apart.
    known = Examples([Example("Right", "answer", "dev-x"), Example("declined  rightly", "x", "d")])
    split = evaluate_blind("blind-x.jsonl", questions, scripted, known=known)  # type: ignore[arg-type]
    assert split.per_overlap == {"in a development set": (2, 2), "in none": (0, 6)}


def test_the_blind_report_is_labelled_and_lists_failures_only_when_asked(
    capsys: pytest.CaptureFixture[str],
) -> None:
    questions = [BlindQuestion("b1", "q", "en", "answer", (("goat",), ("2027",)))]
    report = evaluate_blind(
        "blind-x.jsonl",
        questions,
        Scripted({"q": _answer("goat", 0.9)}),  # type: ignore[arg-type]
    )
    print_blind(report, failures=False)
    quiet = capsys.readouterr().out
    assert (
        BLIND_LABEL in quiet
        and "answer-level 0.000" in quiet
        and "confidently wrong 1.000" in quiet
    )
    assert "'q'" not in quiet
    print_blind(report, failures=True)
    listed = capsys.readouterr().out
    assert "b1" in listed and "missing 2027" in listed and "(0.9)" in listed


def test_guide_kb_eval_reports_every_blind_set_without_floors(
    tmp_path: Path,
    answering: Answering,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    eval_dir = tmp_path / "eval"
    eval_dir.mkdir()
    (eval_dir / "questions.jsonl").write_text(
        "\n".join(
            _line(id=f"q{i}", question=q, language="en", action=a, expected=e)
            for i, (q, a, e) in enumerate(
                [
                    ("what is the cat tax", "answer", ["cat-tax"]),
                    ("where can I buy a cheap used car", "unsure", []),
                    ("hello", "menu", []),
                ]
            )
        ),
        encoding="utf-8",
    )
    (eval_dir / "thresholds.json").write_text("{}", encoding="utf-8")
    cat_tax = answering.answerer.answer("what is the cat tax").text
    word = next(w for w in cat_tax.split() if len(w) > 5)
    (eval_dir / "blind-synthetic.jsonl").write_text(
        "\n".join(
            [
                _line(
                    id="s1",
                    question="what is the cat tax",
                    language="en",
                    action="answer",
                    facts=[[word.upper(), "zzz"]],
                    source=None,
                    kind="paraphrase",
                ),
                _line(
                    id="s2",
                    question="what is the cat tax",
                    language="en",
                    action="answer",
                    facts=[["a fact no article has, qqq"]],
                    source=None,
                    kind="paraphrase",
                ),
                _line(
                    id="s3",
                    question="hola",
                    language="es",
                    action="menu",
                    facts=[],
                    source="https://example.org/thread",
                    kind="real",
                ),
            ]
        ),
        encoding="utf-8",
    )
    settings = SimpleNamespace(knowledge_dir=tmp_path)
    monkeypatch.setattr(
        "bot.bootstrap.build", lambda _settings: SimpleNamespace(answering=answering)
    )
    code = evaluation.run_cli(settings, argparse.Namespace(json=False, failures=None))  # type: ignore[arg-type]
    out = capsys.readouterr().out
    assert code == 0  # a blind set has no floors, whatever it scores
    assert f"blind-synthetic.jsonl, {BLIND_LABEL}: 3 questions: answer-level 0.667" in out
    assert "s2" not in out  # failures only with --failures
    evaluation.run_cli(settings, argparse.Namespace(json=False, failures=-1))  # type: ignore[arg-type]
    out = capsys.readouterr().out
    assert "s2 [en]" in out and "missing a fact no article has, qqq" in out
    evaluation.run_cli(settings, argparse.Namespace(json=True, failures=None))  # type: ignore[arg-type]
    payload = json.loads(capsys.readouterr().out)
    blind = payload["blind"]["blind-synthetic.jsonl"]
    assert blind["label"] == BLIND_LABEL and blind["metrics"]["answer_level"] == pytest.approx(
        2 / 3
    )
    assert "below_thresholds" in payload and payload["below_thresholds"] == []


def test_folds_are_stratified_and_fixed() -> None:
    right = np.array([True] * 40 + [False] * 10)
    assigned = folds(right, 5)
    assert (assigned == folds(right, 5)).all()
    for fold in range(5):
        assert (right[assigned == fold] == False).sum() == 2  # noqa: E712
        assert (assigned == fold).sum() == 10


def test_cross_validation_scores_each_row_out_of_fold_and_is_honest() -> None:
    rng = np.random.default_rng(11)
    x = rng.normal(size=(600, len(FEATURES)))
    right = rng.random(600) < 1 / (1 + np.exp(-(x @ np.array([2.0, -1.0, 0.5, 0.0]))))
    checked = cross_validate(x, right)
    assert checked.folds == 5 and checked.l2 in (0.01, 0.1, 1.0, 10.0)
    assert len(checked.probabilities) == 600
    # Out of fold, a well-specified model stays calibrated...
    assert checked.out_of_fold.ece < 0.06
    # ...and is never better than the same model scored on the rows it was fitted on.
    in_sample = fit(x, right, l2=checked.l2)
    stated = [in_sample.probability(row) for row in x]
    assert checked.out_of_fold.brier >= reliability(stated, right.tolist()).brier - 1e-9


def test_cross_validation_exposes_a_model_that_memorises() -> None:
    # Noise labels, many features: in sample a weak penalty looks better than it is; out of
    # fold the truth (no signal) shows, and the chosen penalty is the strongest.
    rng = np.random.default_rng(5)
    x = rng.normal(size=(60, len(FEATURES)))
    right = rng.random(60) < 0.5
    checked = cross_validate(x, right)
    loose = fit(x, right, l2=0.01)
    in_sample = reliability([loose.probability(r) for r in x], right.tolist()).brier
    assert checked.out_of_fold.brier > in_sample
    assert checked.l2 == 10.0


def test_every_blind_and_development_set_is_listed_in_writing_md() -> None:
    """WRITING.md says who wrote each set and how: a set added without a word there, or a line
    of its table left for a set that is gone, is caught here."""
    import re

    from conftest import KNOWLEDGE

    folder = KNOWLEDGE / "eval"
    writing = (folder / "WRITING.md").read_text(encoding="utf-8")
    on_disk = {p.name for p in folder.glob("blind*.jsonl")} | {
        p.name for p in folder.glob("dev*.jsonl")
    }
    named = set(re.findall(r"`((?:blind|dev)[\w-]*\.jsonl)`", writing))
    rows = set(re.findall(r"^\| `((?:blind|dev)[\w-]*\.jsonl)` \|", writing, re.MULTILINE))
    assert on_disk - named == set(), "sets WRITING.md does not describe"
    assert rows - on_disk == set(), "lines in WRITING.md for sets that are gone"
