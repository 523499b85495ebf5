"""The state of the knowledge base: articles per category and language, missing
translations, reviews past their date, and the answers that got the most 👎.

Shared by `guide kb stats` and the dashboard's Knowledge page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlite_utils import Database

from bot.answering.knowledge import CATEGORIES, LANGUAGES, Article, overdue_reviews


@dataclass
class KnowledgeSummary:
    """What `guide kb stats` prints and the Knowledge page shows."""

    total: int
    counts: dict[str, dict[str, int]]  # category → language → articles
    totals: dict[str, int]  # language → articles
    sections: int
    oldest_review: date | None
    overdue: list[Article]
    missing: list[tuple[Article, list[str]]] = field(default_factory=list)


def summarize(articles: list[Article], today: date) -> KnowledgeSummary:
    """Count the articles; list overdue reviews and English articles lacking a translation."""
    counts = {
        category: {
            language: sum(1 for a in articles if a.category == category and a.language == language)
            for language in LANGUAGES
        }
        for category in CATEGORIES
    }
    totals = {language: sum(row[language] for row in counts.values()) for language in LANGUAGES}
    written: dict[str, set[str]] = {}
    for article in articles:
        written.setdefault(article.english_id, set()).add(article.language)
    missing = [
        (article, [lang for lang in LANGUAGES if lang not in written.get(article.id, set())])
        for article in sorted(articles, key=lambda a: (a.category, a.id))
        if article.language == "en"
    ]
    return KnowledgeSummary(
        total=len(articles),
        counts=counts,
        totals=totals,
        sections=sum(len(a.sections) for a in articles),
        oldest_review=min((a.last_reviewed for a in articles if a.last_reviewed), default=None),
        overdue=overdue_reviews(articles, today),
        missing=[(article, langs) for article, langs in missing if langs],
    )


def most_disliked(db: Database, limit: int = 10) -> list[dict[str, Any]]:
    """The articles whose answers got the most 👎 (with their 👍 for scale)."""
    return list(
        db.query(
            "SELECT q.article_id AS article_id, SUM(f.vote < 0) AS down, SUM(f.vote > 0) AS up"
            " FROM feedback f JOIN questions q ON q.id = f.question_id"
            " WHERE COALESCE(q.article_id, '') != ''"
            " GROUP BY q.article_id HAVING SUM(f.vote < 0) > 0"
            " ORDER BY down DESC, up ASC, article_id LIMIT ?",
            [limit],
        )
    )
