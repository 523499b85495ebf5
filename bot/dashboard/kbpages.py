"""The maintainers' pages: knowledge gaps, drafts waiting for review, the knowledge base."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from html import escape
from urllib.parse import urlencode

from bot.answering.knowledge import LANGUAGES, Article
from bot.dashboard.layout import Frame, Safe, esc, link, page, table
from bot.dashboard.queries import DraftView, Knowledge
from bot.maintenance.drafts import scrub
from bot.maintenance.gaps import Gap


def _summary(values: dict[str, int]) -> str:
    return ", ".join(f"{key} {count}" for key, count in values.items())


def _query(since: date, language: str | None) -> str:
    return "?" + urlencode({"since": since.isoformat(), "lang": language or ""})


def _closest(frame: Frame, closest: dict[str, object] | None) -> object:
    if not closest:
        return None
    score = float(str(closest["score"]))
    return link(frame.url(f"/articles/{closest['id']}"), f"{closest['title']} ({score:.2f})")


def _gap_filter(frame: Frame, since: date, language: str | None) -> str:
    options = [f'<option value="">{esc(frame.t("dash.gaps.all_languages"))}</option>'] + [
        f'<option value="{code}"{" selected" if code == language else ""}>{code}</option>'
        for code in LANGUAGES
    ]
    return (
        f'<form class="filter" method="get" action="{escape(frame.url("/gaps"))}">'
        f'<label>{esc(frame.t("dash.gaps.since"))} <input type="date" name="since"'
        f' value="{since.isoformat()}"></label>'
        f'<label>{esc(frame.t("dash.col.language"))} <select name="lang">{"".join(options)}'
        f'</select></label><button type="submit">{esc(frame.t("dash.show"))}</button></form>'
    )


def gaps(frame: Frame, found: Sequence[Gap], since: date, language: str | None) -> str:
    """The clusters of `guide kb gaps`, biggest first, each linked to its questions."""
    t = frame.t
    rows = []
    for number, gap in enumerate(found, start=1):
        data = gap.as_json()
        href = frame.url(f"/gaps/{number}") + _query(since, language)
        rows.append(
            [
                link(href, f"#{number}"),
                Safe("<br>".join(esc(text) for text in data["examples"])),
                _summary(data["languages"]),
                _summary(data["reasons"]),
                f"{data['first_seen']} – {data['last_seen']}",
                _closest(frame, data["closest_article"]),
                data["count"],
            ]
        )
    body = [f"<p>{esc(t('dash.gaps.intro'))}</p>", _gap_filter(frame, since, language)]
    if rows:
        headers = [
            "#",
            t("dash.col.examples"),
            t("dash.col.language"),
            t("dash.col.reasons"),
            t("dash.col.seen"),
            t("dash.col.closest"),
            t("dash.col.questions"),
        ]
        body.append(table(headers, rows, 1))
    else:
        body.append(f"<p>{esc(t('dash.gaps.none'))}</p>")
    title = t("dash.gaps.title", since=since.isoformat())
    return page(frame, title, "".join(body), active="/gaps")


def cluster(frame: Frame, number: int, gap: Gap) -> str:
    """Every question of one cluster (personal details removed), with why it counts."""
    t = frame.t
    data = gap.as_json()
    rows = [
        [
            miss.created[:16].replace("T", " "),
            miss.language,
            scrub(" ".join(miss.text.split())),
            ", ".join(sorted(miss.reasons)),
        ]
        for miss in gap.misses
    ]
    closest = _closest(frame, data["closest_article"])
    body = f"<p>{esc(t('dash.col.closest'))}: {esc(closest)}</p>" + table(
        [
            t("dash.col.asked"),
            t("dash.col.language"),
            t("dash.col.question"),
            t("dash.col.reasons"),
        ],
        rows,
    )
    title = t("dash.gaps.cluster", number=number, count=data["count"])
    return page(frame, title, body, active="/gaps")


def drafts(frame: Frame, found: Sequence[DraftView]) -> str:
    """Drafts waiting for review, rendered, with the command that moves each one."""
    t = frame.t
    viewer = frame.viewer
    waiting = [d for d in found if d.reviewed_at is None]
    done = [d for d in found if d.reviewed_at is not None]
    parts = [f"<p>{esc(t('dash.drafts.how'))}</p>"]
    if not waiting:
        parts.append(f"<p>{esc(t('dash.drafts.none'))}</p>")
    for draft in waiting:
        name = draft.info.path.name
        command = f"git mv knowledge/drafts/{name} knowledge/en/{name[11:] or name}"
        csrf = viewer.session.csrf if viewer else ""
        parts.append(
            f"<h2>{esc(draft.info.title)}</h2>"
            f"<p>{esc(draft.info.day)} · {esc(draft.info.source)}</p>"
            f"<pre>{esc(draft.text)}</pre><p><code>{esc(command)}</code></p>"
            f'<form method="post" action="{escape(frame.url("/drafts/reviewed"))}">'
            f'<input type="hidden" name="csrf" value="{escape(csrf)}">'
            f'<input type="hidden" name="name" value="{escape(name)}">'
            f'<button type="submit">{esc(t("dash.drafts.mark"))}</button></form>'
        )
    if done:
        parts.append(f"<h2>{esc(t('dash.drafts.reviewed'))}</h2>")
        parts.append(
            table(
                [t("dash.col.title"), t("dash.col.from"), t("dash.drafts.reviewed")],
                [
                    [
                        d.info.title,
                        d.info.path.name,
                        t("dash.drafts.reviewed_by", name=d.reviewed_by, day=d.reviewed_at),
                    ]
                    for d in done
                ],
            )
        )
    return page(frame, t("dash.drafts.title"), "".join(parts), active="/drafts")


def _article_link(frame: Frame, article: Article) -> Safe:
    return link(frame.url(f"/articles/{article.english_id}"), article.title or article.id)


def knowledge(frame: Frame, data: Knowledge, titles: dict[str, str]) -> str:
    """Articles per category and language, missing translations, overdue reviews, 👎."""
    t = frame.t
    s = data.summary
    counts = [[category, *(row[lang] for lang in LANGUAGES)] for category, row in s.counts.items()]
    counts.append([t("dash.col.total"), *(s.totals[lang] for lang in LANGUAGES)])
    parts = [
        table([t("dash.col.category"), *LANGUAGES], counts, len(LANGUAGES)),
        f"<p>{esc(t('dash.kb.sections', sections=s.sections, oldest=s.oldest_review or '—'))}</p>",
        f"<h2>{esc(t('dash.kb.overdue'))} ({len(s.overdue)})</h2>",
        table(
            [t("dash.col.article"), t("dash.col.language"), t("dash.col.review_by")],
            [[_article_link(frame, a), a.language, a.review_by] for a in s.overdue],
        )
        if s.overdue
        else f"<p>{esc(t('dash.none'))}</p>",
        f"<h2>{esc(t('dash.kb.disliked'))}</h2>",
        table(
            [t("dash.col.article"), "👎", "👍"],
            [
                [
                    link(
                        frame.url(f"/articles/{row['article_id']}"),
                        titles.get(row["article_id"], row["article_id"]),
                    ),
                    row["down"],
                    row["up"],
                ]
                for row in data.disliked
            ],
            2,
        )
        if data.disliked
        else f"<p>{esc(t('dash.none'))}</p>",
        f"<h2>{esc(t('dash.kb.missing'))} ({len(s.missing)})</h2>",
        table(
            [t("dash.col.article"), t("dash.col.category"), t("dash.col.missing")],
            [[_article_link(frame, a), a.category, " ".join(langs)] for a, langs in s.missing],
        ),
    ]
    title = t("dash.kb.title", count=s.total)
    return page(frame, title, "".join(parts), active="/knowledge")


def article(frame: Frame, found: Article) -> str:
    """One article as newcomers read it, with its sources and review dates."""
    t = frame.t
    sections = "".join(
        f"<h2>{esc(section.heading)}</h2><pre>{esc(section.body.strip())}</pre>"
        for section in found.sections
    )
    sources = "".join(f"<li>{esc(source)}</li>" for source in found.sources)
    reviewed = t("dash.article.reviewed", day=found.last_reviewed or "—")
    body = (
        f"<p>{esc(found.id)} · {esc(found.category)} · {esc(found.language)} · {esc(reviewed)}"
        f"</p>{sections}<h2>{esc(t('dash.article.sources'))}</h2><ul>{sources}</ul>"
    )
    return page(frame, found.title or found.id, body, active="/knowledge")
