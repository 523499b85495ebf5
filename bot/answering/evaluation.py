"""`guide kb eval`: the evaluation set through the chat path, with baselines and thresholds."""

from __future__ import annotations

import argparse
import json
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np

from bot.answering.answerer import Answer, Answerer, Tuning
from bot.answering.calibration import CrossValidation, Reliability, cross_validate, reliability
from bot.answering.catalog import Catalog
from bot.answering.examples import EXAMPLES_GLOB, Examples
from bot.answering.language import detect
from bot.answering.safety import read
from bot.settings import Settings

ACTIONS = ("answer", "unsure", "decline", "menu", "handoff")
# A second set, written blind by someone who saw neither the first set nor the phrasings:
# reported beside the first, never used for tuning.
HOLDOUT_FILE = "holdout.jsonl"
# Blind sets (`blind*.jsonl`): written without seeing the knowledge base, with the facts a
# right answer must show instead of article ids. Only reported on: no floors, never used for
# phrasings, weights, thresholds or calibration.
BLIND_GLOB = "blind*.jsonl"
BLIND_LABEL = "blind (report only, never tuned on)"
# Development sets (`dev*.jsonl`): the same form as a blind set, written the same way by
# helpers who read neither the knowledge base nor the other sets, but their failures are read
# and worked on, so they are not blind: they show whether a fix generalises beyond the
# tuned sets' phrasings, and the blind sets show whether it generalises beyond them.
DEV_GLOB = EXAMPLES_GLOB
DEV_LABEL = "development (failures read and worked on: not blind)"
# A wrong reply stated with at least this confidence is "confidently wrong".
CONFIDENT = 0.8


@dataclass(frozen=True)
class Question:
    """One line of `knowledge/eval/questions.jsonl`."""

    id: str
    question: str
    language: str
    action: str
    expected: tuple[str, ...]
    tags: tuple[str, ...] = ()


@dataclass
class Report:
    """The metrics of one run, and the questions it got wrong."""

    metrics: dict[str, float] = field(default_factory=dict)
    per_category: dict[str, float] = field(default_factory=dict)
    baselines: dict[str, dict[str, float]] = field(default_factory=dict)
    failures: list[dict[str, Any]] = field(default_factory=list)
    reliability: Reliability | None = None
    cross_validation: CrossValidation | None = None


@dataclass(frozen=True)
class BlindQuestion:
    """One line of a blind set: the expected action and, for an answer, the fact groups the
    shown text must carry (each group is met by any one of its alternatives)."""

    id: str
    question: str
    language: str
    action: str
    facts: tuple[tuple[str, ...], ...] = ()
    source: str | None = None
    kind: str = ""


@dataclass
class BlindReport:
    """Answer-level figures for a blind set, and what it got wrong."""

    name: str
    label: str = BLIND_LABEL
    metrics: dict[str, float] = field(default_factory=dict)
    per_language: dict[str, tuple[int, int]] = field(default_factory=dict)
    per_action: dict[str, tuple[int, int]] = field(default_factory=dict)
    per_kind: dict[str, tuple[int, int]] = field(default_factory=dict)
    # Right answers among the messages a development set also holds, word for word (real
    # questions many writers find on the same public pages; "thanks!"), and among the rest.
    per_overlap: dict[str, tuple[int, int]] = field(default_factory=dict)
    failures: list[dict[str, Any]] = field(default_factory=list)


def load_blind(path: Path) -> list[BlindQuestion]:
    """Read a blind set (one JSON object a line)."""
    questions = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        row = json.loads(line)
        facts = tuple(
            tuple(str(alternative) for alternative in group)
            for group in row.get("facts") or ()
            if group
        )
        questions.append(
            BlindQuestion(
                id=str(row.get("id") or f"{path.stem}:{number}"),
                question=row["question"],
                language=row.get("language", "en"),
                action=row["action"],
                facts=facts,
                source=row.get("source"),
                kind=row.get("kind", ""),
            )
        )
    return questions


def blind_sets(eval_dir: Path) -> list[Path]:
    """Every blind set in the evaluation folder, by name."""
    return sorted(eval_dir.glob(BLIND_GLOB))


def dev_sets(eval_dir: Path) -> list[Path]:
    """Every development set (fact-checked like a blind set, but worked on), by name."""
    return sorted(eval_dir.glob(DEV_GLOB))


def _folded(text: str) -> str:
    """Text compared case-insensitively, with Unicode compatibility forms (full-width
    letters, ligatures) and runs of white space made one."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def missing_facts(text: str, facts: Sequence[Sequence[str]]) -> list[list[str]]:
    """The fact groups none of whose alternatives the text contains."""
    shown = _folded(text)
    return [list(group) for group in facts if not any(_folded(alt) in shown for alt in group)]


def _stated(answer: Answer) -> float:
    """How sure the reply says it is. A greeting menu, a handoff or a decline comes from a
    rule, not a probability: it is stated as a certainty (1.0), so a rule that fires on the
    wrong message counts as confidently wrong rather than hiding behind its 0.0."""
    return answer.confidence if answer.action in ("answer", "unsure") else 1.0


def evaluate_blind(
    name: str,
    questions: list[BlindQuestion],
    answerer: Answerer,
    label: str = BLIND_LABEL,
    known: Examples | None = None,
) -> BlindReport:
    """Each question through the chat path, its own set withheld from the labelled examples
    (examples.py); right when the action is the expected one and, for an answer, the text
    the user is shown carries every fact group."""
    report = BlindReport(name, label)
    right_total = confident_wrong = 0
    language_total = language_match = 0
    groups: dict[str, dict[str, list[int]]] = {
        "language": defaultdict(list),
        "action": defaultdict(list),
        "kind": defaultdict(list),
        "overlap": defaultdict(list),
    }
    for question in questions:
        # A set is never answered with its own messages among the labelled examples, nor
        # with another set's copy of the message measured.
        with answerer.withholding(Path(name).stem, question.question):
            answer = answerer.answer(question.question)
        missing = missing_facts(answer.text, question.facts) if answer.action == "answer" else []
        right = answer.action == question.action and not (question.action == "answer" and missing)
        right_total += right
        stated = _stated(answer)
        confident_wrong += (not right) and stated >= CONFIDENT
        if question.language in ("es", "zh"):
            language_total += 1
            language_match += answer.language == question.language
        groups["language"][question.language].append(int(right))
        groups["action"][question.action].append(int(right))
        groups["kind"][question.kind or "?"].append(int(right))
        if known is not None:
            held = "in a development set" if known.holds(question.question) else "in none"
            groups["overlap"][held].append(int(right))
        if not right:
            report.failures.append(
                {
                    "id": question.id,
                    "question": question.question,
                    "language": question.language,
                    "expected": question.action,
                    "got": answer.action + (f" {answer.sources[0].id}" if answer.sources else ""),
                    "confidence": round(stated, 3),
                    "missing": missing if answer.action == question.action else [],
                }
            )
    n = max(len(questions), 1)
    report.metrics = {
        "questions": float(len(questions)),
        "answer_level": right_total / n,
        "confidently_wrong": confident_wrong / n,
        "language_match": language_match / max(language_total, 1),
        "language_questions": float(language_total),
    }
    report.per_language = {k: (sum(v), len(v)) for k, v in sorted(groups["language"].items())}
    report.per_action = {k: (sum(v), len(v)) for k, v in sorted(groups["action"].items())}
    report.per_kind = {k: (sum(v), len(v)) for k, v in sorted(groups["kind"].items())}
    report.per_overlap = {k: (sum(v), len(v)) for k, v in sorted(groups["overlap"].items())}
    return report


def print_blind(report: BlindReport, failures: bool) -> None:
    """A blind or development set's figures, and its failures when asked for."""
    m = report.metrics
    print(
        f"{report.name}, {report.label}: {int(m['questions'])} questions: answer-level "
        f"{m['answer_level']:.3f} (right action, and every fact group shown)   confidently "
        f"wrong {m['confidently_wrong']:.3f} (confidence >= {CONFIDENT} and wrong; a menu, "
        f"handoff or decline counts as 1.0)   es/zh in their language "
        f"{m['language_match']:.3f} (of {int(m['language_questions'])})"
    )
    for label, table in (
        ("language", report.per_language),
        ("action", report.per_action),
        ("kind", report.per_kind),
        ("overlap with the development sets", report.per_overlap),
    ):
        cells = "  ".join(f"{k} {r}/{t} ({r / t:.2f})" for k, (r, t) in table.items() if t)
        print(f"  per {label}: {cells}")
    if failures and report.failures:
        print(f"  failures ({len(report.failures)}):")
        for failure in report.failures:
            missing = " | ".join("/".join(group) for group in failure["missing"])
            print(
                f"    {failure['id']} [{failure['language']}] {failure['question'][:80]!r}: "
                f"expected {failure['expected']}, got {failure['got']} "
                f"({failure['confidence']})" + (f"; missing {missing}" if missing else "")
            )


def load_questions(path: Path) -> list[Question]:
    """Read the evaluation set."""
    questions = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        questions.append(
            Question(
                id=row["id"],
                question=row["question"],
                language=row.get("language", "en"),
                action=row["action"],
                expected=tuple(row.get("expected") or ()),
                tags=tuple(row.get("tags") or ()),
            )
        )
    return questions


def _ranked_articles(answer: Answer) -> list[str]:
    seen: list[str] = []
    for candidate in answer.candidates:
        if candidate.english_id not in seen:
            seen.append(candidate.english_id)
    return seen


def calibration_rows(
    questions: list[Question], answerer: Answerer
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For each question that reaches retrieval (labelled `answer` or `unsure`, and not read
    as a greeting, a request for a person or a harmful request): the calibration's signals
    for the best section, whether that section answers it, and the stated confidence."""
    features, right, stated = [], [], []
    for question in questions:
        if question.action not in ("answer", "unsure") or read(question.question) is not None:
            continue
        language = detect(question.question)
        candidates = answerer.retrieve(question.question, language=language)
        if not candidates:
            continue
        scope = answerer.scope(question.question, language)
        features.append(answerer.features(candidates, 0, scope))
        right.append(question.action == "answer" and candidates[0].english_id in question.expected)
        stated.append(answerer.confidence(candidates, 0, scope))
    return np.asarray(features, dtype=float), np.asarray(right, dtype=bool), np.asarray(stated)


def _retrieval(questions: list[Question], answerer: Answerer) -> dict[str, float]:
    """hit@1, hit@3 and MRR of the ranking alone, for in-scope questions."""
    hits1 = hits3 = 0
    reciprocal = 0.0
    scoped = [q for q in questions if q.action == "answer" and q.expected]
    for question in scoped:
        ranked: list[str] = []
        # As the chat path does: typos are repaired only in questions written in English.
        language = detect(question.question)
        for candidate in answerer.retrieve(question.question, language=language):
            if candidate.english_id not in ranked:
                ranked.append(candidate.english_id)
        rank = next((i for i, a in enumerate(ranked) if a in question.expected), None)
        if rank is not None:
            hits1 += rank == 0
            hits3 += rank < 3
            reciprocal += 1 / (rank + 1)
    n = max(len(scoped), 1)
    return {"hit@1": hits1 / n, "hit@3": hits3 / n, "mrr": reciprocal / n}


def evaluate(
    questions: list[Question],
    answerer: Answerer,
    *,
    baselines: bool = True,
    cross_validated: bool = False,
) -> Report:
    """Run every question through `Answerer.answer` exactly as a chat message is answered."""
    report = Report()
    in_scope = [q for q in questions if q.action == "answer" and q.expected]
    hit1 = hit3 = 0
    reciprocal = 0.0
    wrongly_refused = 0
    by_category: dict[str, list[int]] = defaultdict(list)
    predicted: dict[str, int] = defaultdict(int)
    expected_count: dict[str, int] = defaultdict(int)
    correct: dict[str, int] = defaultdict(int)
    language_total = language_match = 0
    latencies: list[float] = []
    catalog: Catalog = answerer.catalog
    for question in questions:
        answer = answerer.answer(question.question)
        latencies.append(answer.latency_ms)
        predicted[answer.action] += 1
        expected_count[question.action] += 1
        if answer.action == question.action:
            correct[question.action] += 1
        ok = answer.action == question.action
        if question.action == "answer" and question.expected:
            ranked = _ranked_articles(answer)
            rank = next((i for i, a in enumerate(ranked) if a in question.expected), None)
            top = answer.sources[0].id if answer.sources and answer.action == "answer" else None
            first = top in question.expected
            hit1 += first
            hit3 += rank is not None and rank < 3 and answer.action == "answer"
            reciprocal += 1 / (rank + 1) if rank is not None else 0.0
            wrongly_refused += answer.action in ("unsure", "decline")
            article = catalog.variant(question.expected[0], "en")
            by_category[article.category if article else "?"].append(int(first))
            ok = first
            if question.language != "en":
                language_total += 1
                language_match += answer.language == question.language
        if not ok:
            report.failures.append(
                {
                    "id": question.id,
                    "question": question.question,
                    "expected": question.action
                    + (f" {'|'.join(question.expected)}" if question.expected else ""),
                    "got": answer.action + (f" {answer.sources[0].id}" if answer.sources else ""),
                    "confidence": round(answer.confidence, 3),
                }
            )
    n = max(len(in_scope), 1)
    metrics = {
        "questions": float(len(questions)),
        "in_scope": float(len(in_scope)),
        "hit@1": hit1 / n,
        "hit@3": hit3 / n,
        "mrr": reciprocal / n,
        "wrongly_refused": wrongly_refused / n,
        "language_match": language_match / max(language_total, 1),
    }
    for action in ("decline", "unsure", "menu", "handoff"):
        metrics[f"{action}_recall"] = correct[action] / max(expected_count[action], 1)
        metrics[f"{action}_precision"] = correct[action] / max(predicted[action], 1)
    refusals = expected_count["decline"] + expected_count["unsure"]
    metrics["refusal_recall"] = (correct["decline"] + correct["unsure"]) / max(refusals, 1)
    ordered = sorted(latencies)
    if ordered:
        metrics["latency_p50_ms"] = ordered[len(ordered) // 2]
        metrics["latency_p95_ms"] = ordered[int(len(ordered) * 0.95) - 1]
    report.metrics = metrics
    report.per_category = {c: sum(v) / len(v) for c, v in sorted(by_category.items())}
    ranking = _retrieval(questions, answerer)
    metrics.update({f"retrieval_{name}": value for name, value in ranking.items()})
    rows, right, stated = calibration_rows(questions, answerer)
    report.reliability = reliability(stated.tolist(), right.tolist())
    metrics["calibration_ece"] = report.reliability.ece
    metrics["calibration_brier"] = report.reliability.brier
    if cross_validated and min(int(right.sum()), int((~right).sum())) >= 2:
        # What a calibration fitted on these questions does on questions it was not fitted
        # on: each row scored by the model fitted on the other folds.
        report.cross_validation = cross_validate(rows, right)
        metrics["calibration_oof_ece"] = report.cross_validation.out_of_fold.ece
        metrics["calibration_oof_brier"] = report.cross_validation.out_of_fold.brier
    if baselines:
        base = answerer.tuning
        for name, tuning in (
            ("lexical only", Tuning(**{**base.__dict__, "lexical_only": True})),
            ("dense only", Tuning(**{**base.__dict__, "dense_only": True})),
        ):
            variant = Answerer(catalog, answerer.index, tuning)
            report.baselines[name] = _retrieval(questions, variant)
        report.baselines["hybrid"] = ranking
    return report


def below(report: Report, thresholds: dict[str, float]) -> list[str]:
    """The metrics that miss their threshold (`*_max` names are upper bounds)."""
    misses = []
    for name, limit in thresholds.items():
        if name.startswith("_") or not isinstance(limit, int | float):
            continue
        if name.endswith("_max"):
            metric = name[: -len("_max")]
            if report.metrics.get(metric, 0.0) > limit:
                misses.append(f"{metric} = {report.metrics.get(metric, 0):.3f} > {limit}")
        elif report.metrics.get(name, 0.0) < limit:
            misses.append(f"{name} = {report.metrics.get(name, 0):.3f} < {limit}")
    return misses


def print_reliability(name: str, found: Reliability | None) -> None:
    """How well the stated confidence matched how often the best section was right."""
    if found is None or not found.count:
        return
    bins = "  ".join(
        f"[{lo:.1f}-{hi:.1f}] n={n} said {mean:.2f} was {accuracy:.2f}"
        for lo, hi, n, mean, accuracy in found.bins
    )
    print(
        f"confidence calibration, {name} ({found.count} questions reaching retrieval): "
        f"ECE {found.ece:.3f}, Brier {found.brier:.3f}\n  {bins}"
    )


def print_holdout(report: Report, failures: int) -> None:
    """The held-out set: written blind, never tuned against, so it shows overfitting."""
    m = report.metrics
    print(
        f"held-out set ({HOLDOUT_FILE}, {int(m['questions'])} questions, never tuned on): "
        f"hit@1 {m['hit@1']:.3f}  hit@3 {m['hit@3']:.3f} (ranking {m['retrieval_hit@1']:.3f}"
        f" / {m['retrieval_hit@3']:.3f})  wrongly refused "
        f"{m['wrongly_refused']:.3f}  refusal recall {m['refusal_recall']:.3f}  "
        f"language match {m['language_match']:.3f}"
    )
    print_failures(report.failures[:failures])


def print_failures(failures: list[dict[str, Any]]) -> None:
    for failure in failures:
        print(
            f"  {failure['id']}: {failure['question'][:70]!r} expected {failure['expected']},"
            f" got {failure['got']} ({failure['confidence']})"
        )


def print_report(report: Report, failures: int) -> None:
    """The human-readable report."""
    m = report.metrics
    print(f"questions: {int(m['questions'])} ({int(m['in_scope'])} in scope)")
    print(
        f"chat path: hit@1 {m['hit@1']:.3f}   hit@3 {m['hit@3']:.3f}   MRR {m['mrr']:.3f}   "
        f"wrongly refused {m['wrongly_refused']:.3f}   language match {m['language_match']:.3f}"
    )
    print(
        f"ranking:   hit@1 {m['retrieval_hit@1']:.3f}   hit@3 {m['retrieval_hit@3']:.3f}   "
        f"MRR {m['retrieval_mrr']:.3f}   (an unsure still ranks its topics)"
    )
    for action in ("decline", "unsure", "menu", "handoff"):
        precision, recall = m[f"{action}_precision"], m[f"{action}_recall"]
        print(f"{action:8} precision {precision:.3f}  recall {recall:.3f}")
    print(f"refusal recall (decline + unsure): {m['refusal_recall']:.3f}")
    if "latency_p50_ms" in m:
        print(f"answer latency p50 {m['latency_p50_ms']:.1f} ms, p95 {m['latency_p95_ms']:.1f} ms")
    print("hit@1 per category:")
    for category, value in report.per_category.items():
        print(f"  {category:22} {value:.3f}")
    if report.baselines:
        print("retrieval baselines (in-scope questions):")
        for name, values in report.baselines.items():
            print(
                f"  {name:13} hit@1 {values['hit@1']:.3f}  hit@3 {values['hit@3']:.3f}  "
                f"MRR {values['mrr']:.3f}"
            )
    if report.failures and failures:
        print(f"failures ({len(report.failures)}, first {min(failures, len(report.failures))}):")
        print_failures(report.failures[:failures])


def _listed(args: argparse.Namespace) -> int:
    """How many failures to list for the tuned sets: `--failures N`, all with a bare
    `--failures`, else 25."""
    chosen = getattr(args, "failures", None)
    if chosen is None:
        return 25
    return 10**9 if chosen < 0 else int(chosen)


def print_cross_validation(found: CrossValidation | None) -> None:
    if found is None:
        return
    fit_ = found.out_of_fold
    print(
        f"confidence calibration, out of fold ({found.folds}-fold cross-validation on "
        f"questions.jsonl, L2 {found.l2:g}; each question scored by a model not fitted on it):"
        f" ECE {fit_.ece:.3f}, Brier {fit_.brier:.3f}"
    )


def run_cli(settings: Settings, args: argparse.Namespace) -> int:
    """The `guide kb eval` command."""
    from bot.bootstrap import build

    eval_dir = settings.knowledge_dir / "eval"
    questions = load_questions(eval_dir / "questions.jsonl")
    app = build(settings)
    answerer = app.answering.answerer
    report = evaluate(questions, answerer, cross_validated=True)
    holdout_path = eval_dir / HOLDOUT_FILE
    held = (
        evaluate(load_questions(holdout_path), answerer, baselines=False)
        if holdout_path.exists()
        else None
    )
    known = answerer.catalog.examples
    blind = [
        evaluate_blind(path.name, load_blind(path), answerer, known=known)
        for path in blind_sets(eval_dir)
    ]
    dev = [
        evaluate_blind(path.name, load_blind(path), answerer, DEV_LABEL)
        for path in dev_sets(eval_dir)
    ]
    thresholds = json.loads((eval_dir / "thresholds.json").read_text(encoding="utf-8"))
    misses = below(report, thresholds)
    if held is not None:
        misses += [f"held-out {miss}" for miss in below(held, thresholds.get("holdout", {}))]
    listed = _listed(args)
    if args.json:
        payload: dict[str, Any] = {
            "metrics": report.metrics,
            "per_category": report.per_category,
            "baselines": report.baselines,
            "failures": report.failures,
            "below_thresholds": misses,
        }
        if held is not None:
            payload["holdout"] = {"metrics": held.metrics, "failures": held.failures}
        for key, found_sets, shown in (
            ("blind", blind, args.failures is not None),
            ("dev", dev, True),
        ):
            if found_sets:
                payload[key] = {
                    found.name: {
                        "label": found.label,
                        "metrics": found.metrics,
                        "per_language": found.per_language,
                        "per_action": found.per_action,
                        "per_kind": found.per_kind,
                        "per_overlap": found.per_overlap,
                        "failures": found.failures if shown else [],
                    }
                    for found in found_sets
                }
        print(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        print_report(report, listed)
        print_reliability("questions.jsonl", report.reliability)
        print_cross_validation(report.cross_validation)
        if held is not None:
            print_holdout(held, listed)
            print_reliability(HOLDOUT_FILE, held.reliability)
        for found in dev:
            print_blind(found, failures=listed > 0)
        for found in blind:
            print_blind(found, failures=args.failures is not None)
        for miss in misses:
            print(f"BELOW THRESHOLD: {miss}")
    return 1 if misses else 0


def run_calibrate(settings: Settings) -> int:
    """The `guide kb calibrate` command: fit the confidence on questions.jsonl (never the
    held-out or blind sets), with its L2 penalty and its expected error found by k-fold
    cross-validation, and save it."""
    from datetime import date

    from bot.answering.calibration import FEATURES, fit, save
    from bot.bootstrap import build

    eval_dir = settings.knowledge_dir / "eval"
    questions = load_questions(eval_dir / "questions.jsonl")
    app = build(settings)
    features, right, _ = calibration_rows(questions, app.answering.answerer)
    wrong = int((~right).sum())
    if min(wrong, len(right) - wrong) < 2:
        print(
            "cannot calibrate: the evaluation set needs at least two questions whose best"
            " section is right and two whose best section is wrong (or that no article answers)"
        )
        return 1
    checked = cross_validate(features, right)
    fitted = fit(
        features,
        right,
        l2=checked.l2,
        fitted_on=f"questions.jsonl, {len(right)} questions ({wrong} with no right best"
        f" section), {date.today().isoformat()}",
    )
    model = replace(
        fitted,
        folds=checked.folds,
        oof_ece=checked.out_of_fold.ece,
        oof_brier=checked.out_of_fold.brier,
    )
    path = save(settings.knowledge_dir, model)
    weights = ", ".join(f"{n} {w:+.2f}" for n, w in zip(FEATURES, model.weights, strict=True))
    print(f"fitted on {model.fitted_on}: {weights}, bias {model.bias:+.2f}")
    print_cross_validation(checked)
    print(f"saved to {path}; the bot uses it from its next knowledge reload")
    app.answering.reload()
    sets = [("questions.jsonl (fitted on: in-sample)", questions)]
    if (eval_dir / HOLDOUT_FILE).exists():
        sets.append((HOLDOUT_FILE + ", not fitted on", load_questions(eval_dir / HOLDOUT_FILE)))
    for name, chosen in sets:
        _, right, stated = calibration_rows(chosen, app.answering.answerer)
        print_reliability(name, reliability(stated.tolist(), right.tolist()))
    return 0
