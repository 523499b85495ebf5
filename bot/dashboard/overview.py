"""The overview page: questions, outcomes, feedback and handoffs as charts beside their numbers."""

from __future__ import annotations

from html import escape

from bot.dashboard import charts
from bot.dashboard.layout import Frame, chart, esc, page, table
from bot.dashboard.pages import DAY_CHOICES, num, pct
from bot.dashboard.queries import Overview
from bot.maintenance.stats import percentile


def _cards(frame: Frame, data: Overview) -> str:
    total = data.total
    ratings = total.ratings
    cards = [
        (frame.t("dash.col.questions"), str(total.questions)),
        (frame.t("dash.col.answer"), pct(total.rate("answer"))),
        (frame.t("dash.col.unsure"), pct(total.rate("unsure"))),
        (frame.t("dash.col.decline"), pct(total.rate("decline"))),
        ("👍 / 👎", f"{total.up} / {total.down}"),
        (frame.t("dash.nav.handoffs"), str(total.handoffs)),
        ("p50 / p95 (min)", f"{num(data.claim_p50)} / {num(data.claim_p95)}"),
        (frame.t("dash.col.rating"), num(sum(ratings) / len(ratings)) if ratings else "—"),
    ]
    items = "".join(f'<div class="card">{esc(label)}<b>{esc(v)}</b></div>' for label, v in cards)
    return f'<div class="cards">{items}</div>'


def _filter(frame: Frame, days: int) -> str:
    options = "".join(
        f'<option value="{n}"{" selected" if n == days else ""}>{n}</option>' for n in DAY_CHOICES
    )
    return (
        f'<form class="filter" method="get" action="{escape(frame.url("/"))}">'
        f'<label>{esc(frame.t("dash.days"))} <select name="days">{options}</select></label>'
        f'<button type="submit">{esc(frame.t("dash.show"))}</button></form>'
    )


def render(frame: Frame, data: Overview, days: int) -> str:
    """Charts of questions, outcomes, feedback and handoffs, each beside its numbers."""
    t = frame.t
    labels = [day[5:] for day in data.days]
    buckets = [data.per_day[day] for day in data.days]
    blocks = [_filter(frame, days), _cards(frame, data)]
    if not data.total.questions and not data.total.handoffs:
        blocks.append(f"<p>{esc(t('dash.overview.empty'))}</p>")
    platforms = data.platforms or ["—"]
    per_platform = {
        p: [
            float(data.per_day_platform[(d, p)].questions)
            if (d, p) in data.per_day_platform
            else 0.0
            for d in data.days
        ]
        for p in platforms
    }
    rows = [
        [d, *(int(per_platform[p][i]) for p in platforms), b.questions]
        for i, (d, b) in enumerate(zip(data.days, buckets, strict=True))
    ]
    title = t("dash.overview.questions")
    blocks.append(
        chart(
            title,
            charts.bars(title, labels, per_platform),
            table([t("dash.col.day"), *platforms, t("dash.col.total")], rows, len(platforms) + 1),
        )
    )
    langs = data.languages.most_common()
    title = t("dash.overview.languages")
    blocks.append(
        chart(
            title,
            charts.bars(
                title, [lang for lang, _ in langs], {t("dash.col.questions"): [n for _, n in langs]}
            ),
            table([t("dash.col.language"), t("dash.col.questions")], langs, 1),
        )
    )
    rates = {
        t(f"dash.col.{a}"): [b.rate(a) for b in buckets] for a in ("answer", "unsure", "decline")
    }
    title = t("dash.overview.rates")
    blocks.append(
        chart(
            title,
            charts.lines(title, labels, rates, percent=True),
            table(
                [t("dash.col.day"), *rates],
                [[d, *(pct(v[i]) for v in rates.values())] for i, d in enumerate(data.days)],
                3,
            ),
        )
    )
    votes = {"👍": [float(b.up) for b in buckets], "👎": [float(b.down) for b in buckets]}
    title = t("dash.overview.feedback")
    blocks.append(
        chart(
            title,
            charts.bars(title, labels, votes),
            table(
                [t("dash.col.day"), "👍", "👎"],
                [[d, b.up, b.down] for d, b in zip(data.days, buckets, strict=True)],
                2,
            ),
        )
    )
    flows: dict[str, list[float | None]] = {
        t("dash.col.requested"): [float(b.handoffs) for b in buckets],
        t("dash.col.claimed"): [float(data.claimed.get(d, 0)) for d in data.days],
        t("dash.col.closed"): [float(data.closed.get(d, 0)) for d in data.days],
    }
    title = t("dash.overview.handoffs")
    blocks.append(
        chart(
            title,
            charts.lines(title, labels, flows),
            table(
                [t("dash.col.day"), *flows],
                [[d, *(int(v[i] or 0) for v in flows.values())] for i, d in enumerate(data.days)],
                3,
            ),
        )
    )
    claim: dict[str, list[float | None]] = {
        "p50": [percentile(b.claim_minutes, 50) for b in buckets],
        "p95": [percentile(b.claim_minutes, 95) for b in buckets],
    }
    title = t("dash.overview.claim")
    blocks.append(
        chart(
            title,
            charts.lines(title, labels, claim),
            table(
                [t("dash.col.day"), "p50", "p95"],
                [[d, num(claim["p50"][i]), num(claim["p95"][i])] for i, d in enumerate(data.days)],
                2,
            ),
        )
    )
    stars = [str(n) for n in range(1, 6)]
    counts = [float(data.total.ratings.count(n)) for n in range(1, 6)]
    title = t("dash.overview.ratings")
    blocks.append(
        chart(
            title,
            charts.bars(title, stars, {t("dash.col.count"): counts}),
            table(
                [t("dash.col.rating"), t("dash.col.count")],
                [[s, int(c)] for s, c in zip(stars, counts, strict=True)],
                1,
            ),
        )
    )
    hours = [f"{h:02d}" for h in range(24)]
    per_hour = [float(data.total.hours.get(h, 0)) for h in range(24)]
    title = t("dash.overview.hours")
    busiest = sorted(data.total.hours.items(), key=lambda i: (-i[1], i[0]))
    blocks.append(
        chart(
            title,
            charts.bars(title, hours, {t("dash.col.questions"): per_hour}),
            table(
                [t("dash.col.hour"), t("dash.col.questions")],
                [[f"{h:02d}:00", n] for h, n in busiest],
                1,
            ),
        )
    )
    return page(frame, t("dash.overview.title", days=days), "".join(blocks), active="/")
