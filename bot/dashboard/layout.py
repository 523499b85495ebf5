"""The dashboard's frame: the page around each view, tables, chart blocks and the stylesheet.

Pure functions returning HTML. Text is escaped unless it is `Safe` (markup built here).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html import escape

from bot.dashboard.auth import Viewer
from bot.i18n import t


class Safe(str):
    """Markup built by the dashboard itself, inserted as is."""

    __slots__ = ()


def esc(value: object) -> str:
    """Escape anything that is not already `Safe` markup."""
    if isinstance(value, Safe):
        return str(value)
    return escape("—" if value is None else str(value))


@dataclass(frozen=True)
class Frame:
    """What every page needs to draw its frame: language, URL prefix, the viewer."""

    lang: str
    prefix: str
    viewer: Viewer | None = None

    def url(self, path: str) -> str:
        return f"{self.prefix}{path}"

    def t(self, key: str, **values: object) -> str:
        return t(key, self.lang, **values)


def link(href: str, text: object) -> Safe:
    return Safe(f'<a href="{escape(href)}">{esc(text)}</a>')


def table(headers: Sequence[str], rows: Iterable[Sequence[object]], numeric: int = 0) -> Safe:
    """A table; the last `numeric` columns are right-aligned numbers."""
    cells = len(headers)

    def klass(index: int) -> str:
        return ' class="num"' if index >= cells - numeric else ""

    head = "".join(f"<th{klass(i)}>{esc(h)}</th>" for i, h in enumerate(headers))
    body = "".join(
        "<tr>" + "".join(f"<td{klass(i)}>{esc(c)}</td>" for i, c in enumerate(row)) + "</tr>"
        for row in rows
    )
    return Safe(f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")


def chart(title: str, svg: str, numbers: Safe) -> Safe:
    """A chart with the table of its numbers beside it."""
    return Safe(
        f'<section class="chart-block"><h2>{esc(title)}</h2><div class="pair">'
        f'<div class="figure">{svg}</div><div class="numbers">{numbers}</div></div></section>'
    )


NAV = (
    ("/", "dash.nav.overview", False),
    ("/handoffs", "dash.nav.handoffs", False),
    ("/gaps", "dash.nav.gaps", True),
    ("/drafts", "dash.nav.drafts", True),
    ("/knowledge", "dash.nav.knowledge", True),
)
ON = ' class="on"'


def page(frame: Frame, title: str, body: str, active: str = "") -> str:
    """A whole page: header with navigation and sign-out, then the view."""
    viewer = frame.viewer
    header = ""
    if viewer is not None:
        items = "".join(
            f'<a href="{escape(frame.url(path))}"{ON if path == active else ""}>'
            f"{esc(frame.t(key))}</a>"
            for path, key, admin_only in NAV
            if viewer.is_admin or not admin_only
        )
        who = frame.t(
            "dash.signed_in_as", name=viewer.name, role=frame.t(f"dash.role.{viewer.role}")
        )
        header = (
            f'<header><strong class="brand">{esc(frame.t("dash.title"))}</strong>'
            f"<nav>{items}</nav>"
            f'<form method="post" action="{escape(frame.url("/logout"))}" class="logout">'
            f'<span class="who">{esc(who)}</span>'
            f'<input type="hidden" name="csrf" value="{escape(viewer.session.csrf)}">'
            f'<button type="submit">{esc(frame.t("dash.logout"))}</button></form></header>'
        )
    return (
        f'<!doctype html><html lang="{escape(frame.lang)}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{esc(title)} · {esc(frame.t('dash.title'))}</title>"
        f'<link rel="stylesheet" href="{escape(frame.url("/style.css"))}"></head>'
        f"<body>{header}<main><h1>{esc(title)}</h1>{body}</main></body></html>"
    )


def message(frame: Frame, title: str, text: str) -> str:
    """A page with one sentence: signed out, not found, for admins only."""
    return page(frame, title, f"<p>{esc(text)}</p>")


STYLE = """
:root { color-scheme: light; --ink: #1a202c; --muted: #4a5568; --line: #d5dbe3; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", "Noto Sans",
  "PingFang SC", "Microsoft YaHei", sans-serif; color: var(--ink); background: #f7f9fb; }
header { display: flex; flex-wrap: wrap; gap: .5rem 1.2rem; align-items: center;
  padding: .6rem 1rem; background: #fff; border-bottom: 1px solid var(--line); }
header nav { display: flex; flex-wrap: wrap; gap: .2rem .9rem; flex: 1; }
header nav a { color: var(--muted); text-decoration: none; padding: .15rem 0; }
header nav a.on { color: var(--ink); border-bottom: 2px solid #2b6cb0; }
.logout { display: flex; gap: .5rem; align-items: center; margin: 0; }
.who { color: var(--muted); font-size: .9em; }
main { padding: 1rem; max-width: 1200px; margin: 0 auto; }
h1 { font-size: 1.35rem; margin: .4rem 0 1rem; }
h2 { font-size: 1.05rem; margin: 1.4rem 0 .5rem; }
table { border-collapse: collapse; width: 100%; background: #fff; font-size: .9em; }
th, td { border-bottom: 1px solid var(--line); padding: .3rem .5rem; text-align: left;
  vertical-align: top; }
th { background: #edf2f7; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.chart-block { background: #fff; border: 1px solid var(--line); border-radius: 6px;
  padding: .4rem .8rem .8rem; margin-bottom: 1rem; }
.pair { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 1rem; }
.numbers { max-height: 260px; overflow: auto; }
svg.chart { width: 100%; height: auto; }
.cards { display: flex; flex-wrap: wrap; gap: .8rem; margin-bottom: 1rem; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: .5rem .9rem; }
.card b { display: block; font-size: 1.3rem; }
form.filter { display: flex; flex-wrap: wrap; gap: .5rem; align-items: end; margin-bottom: 1rem; }
pre { white-space: pre-wrap; word-break: break-word; background: #fff;
  border: 1px solid var(--line); padding: .6rem; font-size: .85em; }
code { background: #edf2f7; padding: 0 .25rem; }
.transcript p { margin: .2rem 0; }
.role { color: var(--muted); font-size: .85em; }
button { font: inherit; padding: .25rem .7rem; cursor: pointer; }
@media (max-width: 760px) { .pair { grid-template-columns: 1fr; } main { padding: .6rem; } }
"""
