"""A calibrated confidence: the chance that the best section answers the question.

The retrieval score alone is a poor probability: a question that is about nothing in the
knowledge base still has a best section, often with a high score. What tells a right answer
from a wrong one is how far the best section stands above the best section of any *other*
article (the margin), and how much closer the question is to a question the articles answer
than to the out-of-scope examples (the scope gap). A logistic model over those signals,
fitted on the evaluation set by `guide kb calibrate` and kept in `knowledge/calibration.json`,
turns them into a probability; `guide kb eval` reports how well that probability holds on
both sets (expected calibration error, Brier score).
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

CALIBRATION_FILE = "calibration.json"
# The signals, in the order of the model's weights.
FEATURES = ("score", "margin", "scope_gap", "lexical")


@dataclass(frozen=True)
class Calibration:
    """A logistic model: P(right) = sigmoid(weights · features + bias)."""

    weights: tuple[float, ...]
    bias: float
    fitted_on: str = ""
    # How it was chosen and how it held out of fold (`cross_validate`); 0 folds: not recorded.
    l2: float = 0.1
    folds: int = 0
    oof_ece: float = 0.0
    oof_brier: float = 0.0

    def probability(self, features: Sequence[float]) -> float:
        z = self.bias + sum(w * x for w, x in zip(self.weights, features, strict=True))
        return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z))))


class CalibrationError(ValueError):
    """The calibration file is not a model this version can use."""


def load(knowledge_dir: Path) -> Calibration | None:
    """The knowledge base's calibration, or None when it has none."""
    path = knowledge_dir / CALIBRATION_FILE
    if not path.exists():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        features = tuple(data["features"])
        weights = tuple(float(w) for w in data["weights"])
        bias = float(data["bias"])
    except (ValueError, KeyError, TypeError) as exc:
        raise CalibrationError(f"{path}: not a calibration ({exc})") from None
    if features != FEATURES or len(weights) != len(FEATURES):
        raise CalibrationError(
            f"{path}: made for features {list(features)}, this version uses {list(FEATURES)};"
            " run `guide kb calibrate`"
        )
    if not all(math.isfinite(x) for x in (*weights, bias)):
        raise CalibrationError(f"{path}: weights must be finite numbers")
    try:
        return Calibration(
            weights,
            bias,
            str(data.get("fitted_on", "")),
            l2=float(data.get("l2", 0.1)),
            folds=int(data.get("folds", 0)),
            oof_ece=float(data.get("oof_ece", 0.0)),
            oof_brier=float(data.get("oof_brier", 0.0)),
        )
    except (ValueError, TypeError) as exc:
        raise CalibrationError(f"{path}: not a calibration ({exc})") from None


def save(knowledge_dir: Path, calibration: Calibration) -> Path:
    path = knowledge_dir / CALIBRATION_FILE
    data = {"features": list(FEATURES), **asdict(calibration)}
    data["weights"] = [round(w, 4) for w in calibration.weights]
    data["bias"] = round(calibration.bias, 4)
    data["oof_ece"] = round(calibration.oof_ece, 4)
    data["oof_brier"] = round(calibration.oof_brier, 4)
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def fit(
    features: np.ndarray, right: np.ndarray, *, l2: float = 0.1, fitted_on: str = ""
) -> Calibration:
    """Logistic regression by Newton's method, with a small L2 penalty on the weights.

    The penalty keeps the model sane when the two classes are nearly separable (a few
    hundred questions, a few dozen of them wrong).
    """
    x = np.hstack([np.asarray(features, dtype=float), np.ones((len(features), 1))])
    y = np.asarray(right, dtype=float)
    penalty = l2 * np.diag([1.0] * (x.shape[1] - 1) + [0.0])
    w = np.zeros(x.shape[1])
    for _ in range(100):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -60, 60)))
        gradient = x.T @ (p - y) + penalty @ w
        hessian = (x * (p * (1 - p))[:, None]).T @ x + penalty
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if float(np.abs(step).max()) < 1e-8:
            break
    return Calibration(tuple(float(v) for v in w[:-1]), float(w[-1]), fitted_on, l2=l2)


@dataclass(frozen=True)
class Reliability:
    """How well stated confidences match how often the answers were right."""

    count: int
    ece: float  # expected calibration error: mean |confidence - accuracy| over bins
    brier: float  # mean squared error of the confidence
    bins: tuple[tuple[float, float, int, float, float], ...]  # lo, hi, n, mean conf, accuracy


def reliability(confidences: Sequence[float], right: Sequence[bool], bins: int = 5) -> Reliability:
    p = np.asarray(confidences, dtype=float)
    y = np.asarray(right, dtype=float)
    if not len(p):
        return Reliability(0, 0.0, 0.0, ())
    rows = []
    ece = 0.0
    edges = np.linspace(0.0, 1.0, bins + 1)
    for i in range(bins):
        lo, hi = float(edges[i]), float(edges[i + 1])
        mask = (p >= lo) & ((p < hi) if i < bins - 1 else (p <= hi))
        n = int(mask.sum())
        if n:
            mean, accuracy = float(p[mask].mean()), float(y[mask].mean())
            ece += n / len(p) * abs(mean - accuracy)
            rows.append((lo, hi, n, mean, accuracy))
    return Reliability(len(p), ece, float(((p - y) ** 2).mean()), tuple(rows))


# The L2 penalties cross-validation chooses from: the one with the lowest out-of-fold Brier.
L2_GRID = (0.01, 0.1, 1.0, 10.0)
FOLDS = 5


def folds(right: np.ndarray, k: int = FOLDS, seed: int = 13) -> np.ndarray:
    """A fold number for each row, stratified by outcome (each fold gets its share of the
    wrong answers, which are few) and fixed by the seed, so a rerun gives the same split."""
    y = np.asarray(right, dtype=bool)
    rng = np.random.default_rng(seed)
    assigned = np.zeros(len(y), dtype=int)
    for label in (True, False):
        rows = np.flatnonzero(y == label)
        rng.shuffle(rows)
        assigned[rows] = np.arange(len(rows)) % k
    return assigned


@dataclass(frozen=True)
class CrossValidation:
    """Out-of-fold figures: each row's confidence comes from a model not fitted on it."""

    folds: int
    l2: float
    out_of_fold: Reliability
    probabilities: tuple[float, ...] = ()


def cross_validate(
    features: np.ndarray,
    right: np.ndarray,
    *,
    k: int = FOLDS,
    grid: Sequence[float] = L2_GRID,
    seed: int = 13,
) -> CrossValidation:
    """k-fold cross-validation of the calibration: for each L2 penalty of `grid`, every row
    is scored by the model fitted on the other folds; the penalty with the lowest
    out-of-fold Brier score wins, and its out-of-fold reliability is what the fitted model
    can be expected to do on questions it was not fitted on."""
    x = np.asarray(features, dtype=float)
    y = np.asarray(right, dtype=bool)
    # Every training fold must hold both outcomes: no more folds than the rarer one has rows.
    k = min(k, int(y.sum()), int((~y).sum()))
    if k < 2:
        raise ValueError("cross-validation needs at least two right and two wrong rows")
    assigned = folds(y, k, seed)
    best: CrossValidation | None = None
    for l2 in grid:
        p = np.zeros(len(y))
        for fold in range(k):
            test = assigned == fold
            train = ~test
            if not test.any():
                continue
            model = fit(x[train], y[train], l2=l2)
            p[test] = [model.probability(row) for row in x[test]]
        found = CrossValidation(k, float(l2), reliability(p.tolist(), y.tolist()), tuple(p))
        if best is None or found.out_of_fold.brier < best.out_of_fold.brier - 1e-12:
            best = found
    assert best is not None
    return best
