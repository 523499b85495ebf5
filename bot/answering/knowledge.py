"""Loading the knowledge base: markdown articles with YAML front matter, split into sections."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

LANGUAGES = ("en", "es", "zh")
CATEGORIES = (
    "getting-started",
    "app-how-to",
    "translation-language",
    "rules-moderation",
    "etiquette-culture",
    "slang",
    "privacy-safety",
    "news-context",
    "creators-shopping",
    "this-community",
)
# libyaml's loader when PyYAML was built with it: ten times faster on a cold start.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# Example messages the bot must not answer from the articles (off-topic, live data, tasks).
OUT_OF_SCOPE_FILE = "out-of-scope.yaml"
_LINK = re.compile(r"\[([^\]]+)\]\(kb:([a-z0-9-]+)\)")


class ArticleError(Exception):
    """An article that cannot be read at all (no front matter, broken YAML)."""

    def __init__(self, path: Path, line: int, message: str):
        super().__init__(f"{path}:{line}: {message}")
        self.path = path
        self.line = line
        self.message = message


@dataclass(frozen=True)
class Section:
    """One `## ` section of an article: a question and its short answer."""

    heading: str
    body: str
    position: int
    line: int

    @property
    def slug(self) -> str:
        """A stable, readable anchor made from the heading."""
        return slugify(self.heading) or f"s{self.position}"


@dataclass(frozen=True)
class Article:
    """A knowledge-base article as written on disk."""

    path: Path
    meta: dict[str, Any]
    sections: tuple[Section, ...]
    body_line: int
    preamble: str = ""

    @property
    def id(self) -> str:
        return str(self.meta.get("id", ""))

    @property
    def title(self) -> str:
        return str(self.meta.get("title", ""))

    @property
    def category(self) -> str:
        return str(self.meta.get("category", ""))

    @property
    def language(self) -> str:
        return str(self.meta.get("language", ""))

    @property
    def summary(self) -> str:
        return str(self.meta.get("summary", "") or "")

    @property
    def tags(self) -> list[str]:
        tags = self.meta.get("tags") or []
        return [str(tag) for tag in tags] if isinstance(tags, list) else []

    @property
    def sources(self) -> list[str]:
        sources = self.meta.get("sources") or []
        return [str(s) for s in sources] if isinstance(sources, list) else [str(sources)]

    @property
    def asked(self) -> dict[str, list[str]]:
        """Other ways newcomers ask each section's question, by section slug (never shown)."""
        asked = self.meta.get("asked") or {}
        if not isinstance(asked, dict):
            return {}
        return {
            str(slug): [str(text).strip() for text in texts if str(text).strip()]
            for slug, texts in asked.items()
            if isinstance(texts, list)
        }

    @property
    def translation_of(self) -> str | None:
        value = self.meta.get("translation_of")
        return str(value) if value else None

    @property
    def english_id(self) -> str:
        """The id of the English article this one is (or translates)."""
        return self.translation_of or self.id

    @property
    def last_reviewed(self) -> date | None:
        return _date_field(self.meta.get("last_reviewed"))

    @property
    def review_by(self) -> date | None:
        """When the article's time-bound facts must be checked again (optional)."""
        return _date_field(self.meta.get("review_by"))

    def review_overdue(self, today: date) -> bool:
        """True when the article has a review date and it has passed."""
        return self.review_by is not None and self.review_by < today


def overdue_reviews(articles: list[Article], today: date) -> list[Article]:
    """Articles whose `review_by` date has passed, the longest overdue first."""
    late = [a for a in articles if a.review_overdue(today)]
    return sorted(late, key=lambda a: (a.review_by or today, a.language, a.id))


def _date_field(value: object) -> date | None:
    """A front-matter date: YAML reads YYYY-MM-DD as a date; accept the same as text."""
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        return None


@dataclass(frozen=True)
class Passage:
    """The unit of retrieval: one section, with what is needed to show and cite it."""

    id: str
    article_id: str
    english_id: str
    language: str
    category: str
    title: str
    heading: str
    text: str
    position: int
    tags: tuple[str, ...] = field(default=())
    summary: str = ""
    asked: tuple[str, ...] = field(default=())

    @property
    def content_hash(self) -> str:
        """Changes whenever anything embedded or searched for this passage changes."""
        material = "\x1f".join(
            [self.title, self.heading, self.text, self.summary, *self.tags, self.language]
            + (["asked", *self.asked] if self.asked else [])
        )
        return hashlib.sha256(material.encode("utf-8")).hexdigest()[:32]


def slugify(text: str) -> str:
    """Lowercase words (any script) joined by hyphens."""
    words = re.findall(r"\w+", text.lower())
    return "-".join(words)[:60]


def read_article(path: Path) -> Article:
    """Parse one article file; raise ArticleError when it has no readable front matter."""
    raw = path.read_text(encoding="utf-8")
    lines = raw.splitlines()
    if not lines or lines[0].strip() != "---":
        raise ArticleError(path, 1, "the file must start with '---' and YAML front matter")
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    except StopIteration:
        raise ArticleError(path, 1, "the front matter is not closed by a '---' line") from None
    try:
        meta = yaml.load("\n".join(lines[1:end]), Loader=_LOADER) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = (mark.line + 2) if mark is not None else 1
        raise ArticleError(path, line, f"the front matter is not valid YAML: {exc}") from None
    if not isinstance(meta, dict):
        raise ArticleError(path, 2, "the front matter must be a YAML mapping of fields")
    sections: list[Section] = []
    preamble: list[str] = []
    heading: str | None = None
    heading_line = 0
    body: list[str] = []
    for number, line in enumerate(lines[end + 1 :], start=end + 2):
        if line.startswith("## "):
            if heading is not None:
                sections.append(_section(heading, body, len(sections), heading_line))
            heading, heading_line, body = line[3:].strip(), number, []
        elif heading is None:
            preamble.append(line)
        else:
            body.append(line)
    if heading is not None:
        sections.append(_section(heading, body, len(sections), heading_line))
    return Article(
        path=path,
        meta=meta,
        sections=tuple(sections),
        body_line=end + 2,
        preamble="\n".join(preamble).strip(),
    )


def _section(heading: str, body: list[str], position: int, line: int) -> Section:
    return Section(heading=heading, body="\n".join(body).strip(), position=position, line=line)


def article_paths(knowledge_dir: Path) -> list[Path]:
    """Every published article file (drafts and the evaluation set are not articles)."""
    paths: list[Path] = []
    for language in LANGUAGES:
        folder = knowledge_dir / language
        if folder.is_dir():
            paths.extend(sorted(folder.glob("*.md")))
    return paths


def load_articles(knowledge_dir: Path) -> list[Article]:
    """Read every published article; unreadable ones raise ArticleError."""
    return [read_article(path) for path in article_paths(knowledge_dir)]


def load_out_of_scope(knowledge_dir: Path) -> dict[str, list[str]]:
    """The out-of-scope examples by language; empty when the file is absent.

    Raises ArticleError when the file is not a mapping of languages to lists of text.
    """
    path = knowledge_dir / OUT_OF_SCOPE_FILE
    if not path.exists():
        return {}
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise ArticleError(path, (mark.line + 1) if mark else 1, f"not valid YAML: {exc}") from None
    if not isinstance(data, dict) or not all(
        isinstance(texts, list) and all(isinstance(t, str) and t.strip() for t in texts)
        for texts in data.values()
    ):
        raise ArticleError(path, 1, "must map languages (en, es, zh) to lists of messages")
    return {str(language): [t.strip() for t in texts] for language, texts in data.items()}


def plain_text(markdown: str) -> str:
    """Turn the little markdown articles use into chat text: links keep their words."""
    text = _LINK.sub(r"\1", markdown)
    text = re.sub(r"\[([^\]]+)\]\((https?://[^)]+)\)", r"\1 (\2)", text)
    text = re.sub(r"\*\*(.+?)\*\*", r"\1", text)
    text = re.sub(r"(?<!\w)\*(?!\s)(.+?)(?<!\s)\*(?!\w)", r"\1", text)
    text = re.sub(r"`([^`]+)`", r"\1", text)
    return text.strip()


def internal_links(markdown: str) -> list[str]:
    """The article ids a text links to with `[words](kb:id)`."""
    return [match.group(2) for match in _LINK.finditer(markdown)]


def passages(articles: list[Article]) -> list[Passage]:
    """Split articles into passages, one per section, with stable `article-id#slug` ids."""
    result: list[Passage] = []
    for article in articles:
        seen: set[str] = set()
        asked = article.asked
        for section in article.sections:
            slug = section.slug
            if slug in seen:
                slug = f"{slug}-{section.position}"
            seen.add(slug)
            result.append(
                Passage(
                    id=f"{article.id}#{slug}",
                    article_id=article.id,
                    english_id=article.english_id,
                    language=article.language,
                    category=article.category,
                    title=article.title,
                    heading=section.heading,
                    text=plain_text(section.body),
                    position=section.position,
                    tags=tuple(article.tags),
                    summary=article.summary,
                    asked=tuple(asked.get(slug, ())),
                )
            )
    return result
