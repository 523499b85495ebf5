"""The pages every viewer has besides the overview: sign-in, handoffs, a transcript."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape
from typing import Any

from bot.dashboard.layout import Frame, Safe, esc, link, page, table
from bot.dashboard.queries import HandoffRow
from bot.maintenance.drafts import scrub

DAY_CHOICES = (7, 14, 30, 90)


def pct(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.0f}%"


def num(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}".rstrip("0").rstrip(".")


def sign_in(frame: Frame, token: str) -> str:
    """The page a login link opens: one button, so link previews cannot use the link up."""
    body = (
        f"<p>{esc(frame.t('dash.login.intro'))}</p>"
        f'<form method="post" action="{escape(frame.url("/login"))}">'
        f'<input type="hidden" name="token" value="{escape(token)}">'
        f'<button type="submit" id="sign-in">{esc(frame.t("dash.login.button"))}</button></form>'
    )
    return page(frame, frame.t("dash.login.title"), body)


def signed_out(frame: Frame, reason: str = "dash.login.how") -> str:
    """Not signed in (any more): how to get a link."""
    text = frame.t(reason)
    if reason != "dash.login.how":
        text += " " + frame.t("dash.login.how")
    return page(frame, frame.t("dash.login.title"), f'<p class="notice">{esc(text)}</p>')


def _name(row: HandoffRow) -> str:
    return row.handoff.newcomer_name or "—"


def handoffs(frame: Frame, queue: Sequence[HandoffRow], recent: Sequence[HandoffRow]) -> str:
    """The queue with its waits, then open and recent handoffs (first names only)."""
    t = frame.t
    viewer = frame.viewer
    parts = []
    if viewer is not None and not viewer.is_admin:
        parts.append(f"<p>{esc(t('dash.handoffs.mine'))}</p>")
    parts.append(f"<h2>{esc(t('dash.handoffs.queue'))} ({len(queue)})</h2>")
    parts.append(
        table(
            [
                "#",
                t("dash.col.newcomer"),
                t("dash.col.platform"),
                t("dash.col.language"),
                t("dash.col.question"),
                t("dash.col.waiting"),
            ],
            [
                [
                    r.handoff.id,
                    _name(r),
                    r.handoff.newcomer_platform,
                    r.handoff.language,
                    scrub(r.handoff.question or "")[:160],
                    num(r.wait_minutes),
                ]
                for r in queue
            ],
            1,
        )
    )
    parts.append(f"<h2>{esc(t('dash.handoffs.recent'))}</h2>")
    parts.append(
        table(
            ["#", *_handoff_columns(t)],
            [
                [
                    link(frame.url(f"/handoffs/{r.handoff.id}"), f"#{r.handoff.id}"),
                    r.handoff.state,
                    _name(r),
                    r.handoff.newcomer_platform,
                    r.handoff.language,
                    r.handoff.mentor_name,
                    r.handoff.created[:16].replace("T", " "),
                    num(r.wait_minutes),
                    num(r.duration_minutes),
                    r.handoff.rating,
                ]
                for r in recent
            ],
            3,
        )
    )
    return page(frame, t("dash.nav.handoffs"), "".join(parts), active="/handoffs")


def _handoff_columns(t: Callable[[str], str]) -> list[str]:
    """The columns that describe a handoff, in the list and on its own page."""
    keys = ("state", "newcomer", "platform", "language", "mentor")
    return [t(f"dash.col.{key}") for key in (*keys, "created", "wait", "duration", "rating")]


def transcript(frame: Frame, row: HandoffRow, lines: Sequence[dict[str, Any]]) -> str:
    """One handoff: who, when, what was asked, and its transcript."""
    t = frame.t
    h = row.handoff
    names = {"newcomer": _name(row), "mentor": h.mentor_name or t("dash.col.mentor")}
    facts = table(
        _handoff_columns(t),
        [
            [
                h.state,
                _name(row),
                h.newcomer_platform,
                h.language,
                h.mentor_name,
                h.created[:16].replace("T", " "),
                num(row.wait_minutes),
                num(row.duration_minutes),
                h.rating,
            ]
        ],
        3,
    )
    said = (
        "".join(
            f'<p><span class="role">[{esc(line["created"][5:16].replace("T", " "))}]'
            f" {esc(names.get(line['role'], line['role']))}:</span> {esc(line['text'])}</p>"
            for line in lines
        )
        or f"<p>{esc(t('dash.handoff.empty'))}</p>"
    )
    body = (
        f"{facts}<h2>{esc(t('dash.handoff.question'))}</h2><pre>{esc(h.question or '—')}</pre>"
        f"<h2>{esc(t('dash.handoff.answer'))}</h2><pre>{esc(h.bot_answer or '—')}</pre>"
        f'<h2>{esc(t("dash.handoff.transcript"))}</h2><div class="transcript">{said}</div>'
    )
    return page(frame, t("dash.handoff.title", id=h.id), Safe(body), active="/handoffs")
