"""`guide kb validate`: every check a maintainer needs before an article goes live."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import urlparse

from bot.answering.calibration import CALIBRATION_FILE, CalibrationError
from bot.answering.calibration import load as load_calibration
from bot.answering.knowledge import (
    CATEGORIES,
    LANGUAGES,
    OUT_OF_SCOPE_FILE,
    Article,
    ArticleError,
    article_paths,
    internal_links,
    load_out_of_scope,
    read_article,
)
from bot.text import HAN_CHAR

REQUIRED = ("id", "title", "category", "tags", "language", "sources", "last_reviewed", "summary")
_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
# Section length bounds per language: words for en/es, characters for zh.
LENGTH_BOUNDS = {"en": (35, 160), "es": (35, 190), "zh": (50, 400)}
# `asked`: phrasings per section, and the longest phrasing, in characters.
ASKED_PER_SECTION = 8
ASKED_MAX_CHARS = 150


@dataclass(frozen=True)
class Finding:
    """One problem in one file, at one line, with how to fix it."""

    level: str  # "error" or "warning"
    path: Path
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.level}: {self.path}:{self.line}: {self.message}"


def _field_line(article: Article, name: str) -> int:
    lines = article.path.read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines[: article.body_line], start=1):
        if line.startswith(f"{name}:"):
            return number
    return 2


def section_length(text: str, language: str) -> int:
    """Words for Latin-script languages, CJK characters plus words for Chinese."""
    if language == "zh":
        return len(HAN_CHAR.findall(text)) + len(re.findall(r"[A-Za-z0-9]+", text))
    return len(re.findall(r"\w+", text))


def validate(
    knowledge_dir: Path, *, today: date | None = None, max_age_days: int = 365
) -> list[Finding]:
    """Check every published article; return errors and warnings (empty when all is well)."""
    today = today or date.today()
    findings: list[Finding] = []
    articles: list[Article] = []
    for path in article_paths(knowledge_dir):
        try:
            articles.append(read_article(path))
        except ArticleError as exc:
            findings.append(Finding("error", exc.path, exc.line, exc.message))
    ids = Counter(article.id for article in articles)
    english = {a.id for a in articles if a.language == "en"}
    every_id = set(ids)
    for article in articles:
        findings.extend(_check(article, ids, english, every_id, knowledge_dir, today, max_age_days))
    findings.extend(_shared_phrasings(articles))
    findings.extend(_check_out_of_scope(knowledge_dir, articles))
    findings.extend(_check_calibration(knowledge_dir))
    return findings


def _normal(text: str) -> str:
    """A phrasing as compared with others: lower case, single spaces."""
    return " ".join(text.lower().split())


def _check_calibration(knowledge_dir: Path) -> list[Finding]:
    """The confidence model: readable, for this version's signals; a warning when absent
    while an evaluation set to fit it on is there."""
    path = knowledge_dir / CALIBRATION_FILE
    try:
        found = load_calibration(knowledge_dir)
    except CalibrationError as exc:
        return [Finding("error", path, 1, str(exc).removeprefix(f"{path}: "))]
    if found is None and (knowledge_dir / "eval" / "questions.jsonl").exists():
        return [
            Finding(
                "warning",
                path,
                1,
                "missing: confidences are a rough sigmoid, not probabilities;"
                " run `guide kb calibrate`",
            )
        ]
    return []


def _check_out_of_scope(knowledge_dir: Path, articles: list[Article]) -> list[Finding]:
    """The out-of-scope examples: languages mapped to messages, none an article's phrasing."""
    path = knowledge_dir / OUT_OF_SCOPE_FILE
    try:
        examples = load_out_of_scope(knowledge_dir)
    except ArticleError as exc:
        return [Finding("error", exc.path, exc.line, exc.message)]
    found: list[Finding] = []
    lines = path.read_text(encoding="utf-8").splitlines() if examples else []

    def line_of(text: str) -> int:
        return next((n for n, line in enumerate(lines, 1) if text in line), 1)

    for language in examples:
        if language not in LANGUAGES:
            found.append(
                Finding(
                    "error",
                    path,
                    line_of(f"{language}:"),
                    f"unknown language '{language}': use one of {LANGUAGES}",
                )
            )
    asked = {
        _normal(text): f"{article.id}#{slug}"
        for article in articles
        for slug, texts in article.asked.items()
        for text in texts
    }
    seen: set[str] = set()
    for texts in examples.values():
        for text in texts:
            key = _normal(text)
            if key in asked:
                found.append(
                    Finding(
                        "error",
                        path,
                        line_of(text),
                        f"'{text}' is also a phrasing of {asked[key]}: an article answers it, "
                        "so it is not out of scope",
                    )
                )
            elif key in seen:
                found.append(Finding("error", path, line_of(text), f"'{text}' is listed twice"))
            seen.add(key)
    return found


def _check_asked(article: Article, error: Callable[[str | None, str], None]) -> None:
    """`asked` maps section slugs to short lists of phrasings."""
    asked = article.meta.get("asked")
    if asked is None:
        return
    if not isinstance(asked, dict):
        error(
            "asked", "asked must map section slugs to lists of phrasings (see knowledge/README.md)"
        )
        return
    slugs = [section.slug for section in article.sections]
    for slug, texts in asked.items():
        if slug not in slugs:
            error(
                "asked",
                f"asked: '{slug}' is not a section of this article; its sections are: "
                + ", ".join(slugs),
            )
        elif not isinstance(texts, list) or not texts:
            error("asked", f"asked: '{slug}' must be a YAML list of phrasings")
        elif len(texts) > ASKED_PER_SECTION:
            error(
                "asked",
                f"asked: '{slug}' has {len(texts)} phrasings; keep at most "
                f"{ASKED_PER_SECTION} (the most different ones)",
            )
        else:
            for text in texts:
                if not isinstance(text, str) or not text.strip():
                    error("asked", f"asked: '{slug}' has an empty or non-text phrasing")
                elif len(text) > ASKED_MAX_CHARS:
                    error(
                        "asked",
                        f"asked: '{slug}' has a phrasing of {len(text)} characters; "
                        f"keep each under {ASKED_MAX_CHARS}",
                    )


def _shared_phrasings(articles: list[Article]) -> list[Finding]:
    """One phrasing listed for two sections points retrieval two ways: an error."""
    owners: dict[tuple[str, str], str] = {}
    found: list[Finding] = []
    for article in articles:
        for slug, texts in article.asked.items():
            for text in texts:
                key = (article.language, _normal(text))
                owner = f"{article.id}#{slug}"
                if key in owners and owners[key] != owner:
                    found.append(
                        Finding(
                            "error",
                            article.path,
                            _field_line(article, "asked"),
                            f"asked: '{text}' is also listed for {owners[key]}: keep it in one "
                            "section",
                        )
                    )
                owners.setdefault(key, owner)
    return found


def _check(
    article: Article,
    ids: Counter[str],
    english: set[str],
    every_id: set[str],
    knowledge_dir: Path,
    today: date,
    max_age_days: int,
) -> list[Finding]:
    found: list[Finding] = []

    def error(field: str | None, message: str, line: int | None = None) -> None:
        where = line if line is not None else (_field_line(article, field) if field else 1)
        found.append(Finding("error", article.path, where, message))

    meta = article.meta
    for name in REQUIRED:
        if meta.get(name) in (None, "", []):
            error(None, f"missing required field '{name}': add `{name}:` to the front matter")
    if article.id and not _ID.match(article.id):
        error("id", f"id '{article.id}' must be lowercase letters, digits and hyphens")
    if ids[article.id] > 1:
        error("id", f"id '{article.id}' is used by {ids[article.id]} articles: ids must be unique")
    folder = article.path.parent.name
    if article.language not in LANGUAGES:
        error("language", f"unknown language '{article.language}': use one of {LANGUAGES}")
    elif folder in LANGUAGES and folder != article.language:
        error("language", f"language '{article.language}' but the file is in {folder}/")
    if article.category not in CATEGORIES:
        error(
            "category",
            f"unknown category '{article.category}': use one of {', '.join(CATEGORIES)}",
        )
    _check_asked(article, error)
    if not isinstance(meta.get("tags", []), list):
        error("tags", "tags must be a YAML list, e.g. `tags: [cat tax, pets]`")
    if article.language and article.language != "en":
        target = article.translation_of
        if not target:
            error(None, "a translation needs `translation_of: <the English article's id>`")
        elif target not in english:
            error("translation_of", f"translation_of '{target}' is not an English article's id")
    elif article.translation_of:
        error("translation_of", "an English article is not a translation: remove translation_of")
    for source in article.sources:
        if source.startswith("repo:"):
            if not (knowledge_dir.parent / source[5:]).exists():
                error("sources", f"source '{source}' names a repository file that does not exist")
            continue
        parsed = urlparse(source)
        if parsed.scheme not in ("http", "https") or "." not in parsed.netloc or " " in source:
            error("sources", f"source '{source}' is not a well-formed http(s) URL")
    reviewed = article.last_reviewed
    if meta.get("last_reviewed") and reviewed is None:
        error("last_reviewed", "last_reviewed must be a date written YYYY-MM-DD")
    elif reviewed is not None:
        if reviewed > today:
            error("last_reviewed", f"last_reviewed {reviewed} is in the future")
        elif (today - reviewed).days > max_age_days:
            found.append(
                Finding(
                    "warning",
                    article.path,
                    _field_line(article, "last_reviewed"),
                    f"last reviewed {(today - reviewed).days} days ago: check it against its "
                    "sources and update last_reviewed",
                )
            )
    _check_review_by(article, today, found)
    if not article.sections:
        error(
            None,
            "no sections: write the body as `## Question` headings with short answers",
            article.body_line,
        )
    low, high = LENGTH_BOUNDS.get(article.language, LENGTH_BOUNDS["en"])
    unit = "characters" if article.language == "zh" else "words"
    for section in article.sections:
        size = section_length(section.body, article.language)
        if not low <= size <= high:
            error(
                None,
                f"section '{section.heading}' has {size} {unit}; keep it between {low} and "
                f"{high} (split a long section, merge or extend a short one)",
                section.line,
            )
        for target in internal_links(section.body):
            if target not in every_id:
                error(None, f"link to kb:{target} does not resolve to an article id", section.line)
    return found


def _check_review_by(article: Article, today: date, found: list[Finding]) -> None:
    """`review_by` (optional): a date, not before last_reviewed; past today is a warning."""
    if article.meta.get("review_by") in (None, ""):
        return
    line = _field_line(article, "review_by")
    due = article.review_by
    if due is None:
        found.append(
            Finding("error", article.path, line, "review_by must be a date written YYYY-MM-DD")
        )
        return
    reviewed = article.last_reviewed
    if reviewed is not None and due < reviewed:
        found.append(
            Finding(
                "error",
                article.path,
                line,
                f"review_by {due} is before last_reviewed {reviewed}: a review date comes "
                "after the last review",
            )
        )
    elif article.review_overdue(today):
        found.append(
            Finding(
                "warning",
                article.path,
                line,
                f"review_by {due} has passed ({(today - due).days} days ago): re-check its "
                "time-bound facts, then update last_reviewed and review_by",
            )
        )
