"""The calibrated confidence: fitting, reliability, the file, and its use by the answerer."""

from __future__ import annotations

import dataclasses
import json
import math
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from conftest import KNOWLEDGE, ROOT

from bot.answering.answerer import Answerer
from bot.answering.calibration import (
    CALIBRATION_FILE,
    FEATURES,
    Calibration,
    CalibrationError,
    fit,
    load,
    reliability,
    save,
)
from bot.answering.evaluation import HOLDOUT_FILE, calibration_rows, load_questions
from bot.answering.service import Answering
from bot.answering.validate import validate


def test_fit_recovers_a_logistic_model() -> None:
    rng = np.random.default_rng(7)
    x = rng.normal(size=(4000, len(FEATURES)))
    truth = np.array([2.0, -1.0, 0.5, 0.0])
    right = rng.random(4000) < 1 / (1 + np.exp(-(x @ truth - 0.5)))
    model = fit(x, right, l2=0.01)
    assert np.allclose(model.weights, truth, atol=0.2) and abs(model.bias + 0.5) < 0.15
    probabilities = [model.probability(row) for row in x[:50]]
    assert all(0 < p < 1 for p in probabilities)


def test_fit_stays_finite_when_the_classes_separate() -> None:
    x = np.array([[0.1, 0, 0, 0], [0.2, 0, 0, 0], [0.8, 0, 0, 0], [0.9, 0, 0, 0]])
    model = fit(x, np.array([False, False, True, True]))
    assert all(math.isfinite(w) for w in model.weights)
    assert model.probability(x[3]) > 0.5 > model.probability(x[0])
    assert model.probability([1e9, 1e9, 1e9, 1e9]) == pytest.approx(1.0)


def test_reliability_tells_calibrated_from_overconfident() -> None:
    rng = np.random.default_rng(3)
    stated = rng.random(5000)
    honest = rng.random(5000) < stated
    assert reliability(stated, honest).ece < 0.03
    boastful = reliability(np.full(1000, 0.95), rng.random(1000) < 0.6)
    assert boastful.ece == pytest.approx(0.35, abs=0.05)
    assert reliability([1.0, 0.0], [True, True]).brier == pytest.approx(0.5)
    assert reliability([], []).count == 0


def test_the_file_round_trips_and_bad_files_are_refused(tmp_path: Path) -> None:
    assert load(tmp_path) is None
    model = Calibration((1.0, 2.0, 3.0, 4.0), -1.5, "a test")
    save(tmp_path, model)
    assert load(tmp_path) == model
    path = tmp_path / CALIBRATION_FILE
    data = json.loads(path.read_text())
    for broken in (
        "not json",
        json.dumps({**data, "features": ["score"]}),
        json.dumps({**data, "weights": [1, 2]}),
        json.dumps({k: v for k, v in data.items() if k != "bias"}),
        json.dumps({**data, "bias": "NaN"}),
    ):
        path.write_text(broken)
        with pytest.raises(CalibrationError):
            load(tmp_path)
        findings = [f for f in validate(tmp_path) if f.path == path]
        assert [f.level for f in findings] == ["error"], broken
    path.unlink()
    assert [f for f in validate(tmp_path) if f.path == path] == []  # nothing to fit it on
    (tmp_path / "eval").mkdir()
    (tmp_path / "eval" / "questions.jsonl").write_text("")
    assert [f.level for f in validate(tmp_path) if f.path == path] == ["warning"]


def test_the_answerer_states_the_calibrated_probability(answering: Answering) -> None:
    answerer = answering.answerer
    model = answering.catalog.calibration
    assert model is not None, "knowledge/calibration.json is missing: run guide kb calibrate"
    question = "what is the cat tax"
    candidates = answerer.retrieve(question)
    scope = answerer.scope(question, "en")
    stated = answerer.answer(question).confidence
    assert stated == pytest.approx(model.probability(answerer.features(candidates, 0, scope)))
    assert stated > 0.9
    assert answerer.answer("where can I buy a cheap used car").confidence < 0.3


def test_without_a_calibration_the_confidence_falls_back_to_the_score(
    answering: Answering,
) -> None:
    plain = Answerer(dataclasses.replace(answering.catalog, calibration=None), answering.index)
    answer = plain.answer("what is the cat tax")
    top = answer.candidates[0].score
    assert answer.confidence == pytest.approx(1 / (1 + math.exp(-(top - 0.43) / 0.05)))


def test_the_committed_calibration_holds_on_the_held_out_set(answering: Answering) -> None:
    held = load_questions(KNOWLEDGE / "eval" / HOLDOUT_FILE)
    _, right, stated = calibration_rows(held, answering.answerer)
    found = reliability(stated.tolist(), right.tolist())
    assert found.count > 80 and found.ece < 0.08 and found.brier < 0.1


def test_guide_kb_calibrate_fits_and_saves(tmp_path: Path) -> None:
    knowledge = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE / "en", knowledge / "en")
    # (the development and blind sets play no part in a calibration: not embedded here)
    shutil.copytree(
        KNOWLEDGE / "eval", knowledge / "eval", ignore=shutil.ignore_patterns("dev*", "blind*")
    )
    env = {
        "PATH": "/usr/bin:/bin",
        "GUIDE_DATA_DIR": str(tmp_path / "data"),
        "GUIDE_KNOWLEDGE_DIR": str(knowledge),
    }
    result = subprocess.run(
        [sys.executable, "-m", "bot.cli", "kb", "calibrate"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    model = load(knowledge)
    assert model is not None and "questions.jsonl" in model.fitted_on
    assert "ECE" in result.stdout and "not fitted on" in result.stdout
    # Its penalty and expected error come from 5-fold cross-validation on questions.jsonl.
    assert "out of fold (5-fold cross-validation on questions.jsonl" in result.stdout
    assert model.folds == 5 and 0 < model.oof_brier < 0.2 and 0 <= model.oof_ece < 0.1
