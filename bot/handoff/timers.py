"""Handoff deadlines: rows in the handoffs table, fired by the tick, so they survive restarts."""

from __future__ import annotations

import statistics
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from bot.handoff.briefs import announce
from bot.i18n import t
from bot.models import Outgoing
from bot.store.records import iso

if TYPE_CHECKING:
    from bot.handoff.desk import HandoffDesk


def nobody_on_shift(desk: HandoffDesk) -> bool:
    """True only when mentors are known and every one of them is off shift."""
    row = desk.db.execute("SELECT COUNT(*), SUM(on_shift) FROM mentors").fetchone()
    return bool(row and row[0] and not row[1])


def expected_wait(desk: HandoffDesk) -> tuple[str, int]:
    """Which wait message to give, and the median minutes to claim lately."""
    rows = desk.db.execute(
        "SELECT created, claimed_at FROM handoffs WHERE claimed_at IS NOT NULL"
        " ORDER BY id DESC LIMIT 50"
    ).fetchall()
    waits = [
        (datetime.fromisoformat(c2) - datetime.fromisoformat(c1)).total_seconds() / 60
        for c1, c2 in rows
    ]
    if nobody_on_shift(desk):
        return "wait_none_on_shift", 0
    if waits:
        return "wait_known", max(1, round(statistics.median(waits)))
    return "wait_unknown", 0


def slow_notice(desk: HandoffDesk, handoff: dict[str, Any], now: datetime) -> list[Outgoing]:
    """The honest message about the wait, with the closest topics."""
    lang = handoff["language"]
    key, minutes = expected_wait(desk)
    wait = t(f"handoff.{key}", lang, minutes=minutes)
    desk.db.execute("UPDATE handoffs SET give_up_notice_at = NULL WHERE id = ?", [handoff["id"]])
    candidates = desk.answering.answerer.retrieve(handoff["question"] or "")
    seen: list[str] = []
    for candidate in candidates:
        if candidate.english_id not in seen:
            seen.append(candidate.english_id)
    buttons = [
        [desk.engine.button(desk.engine._title(english_id, lang), "art", None, id=english_id)]
        for english_id in seen[:3]
    ]
    return [desk._newcomer(handoff, t("handoff.slow", lang, wait=wait), buttons)]


def tick(desk: HandoffDesk, now: datetime) -> list[Outgoing]:
    """Fire every deadline that has passed; rows, not sleeping tasks, hold the timers."""
    out: list[Outgoing] = []
    stamp = iso(now)
    for handoff in list(
        desk.db.query(
            "SELECT * FROM handoffs WHERE state = 'requested' AND"
            " (announce_again_at <= ? OR give_up_notice_at <= ?) ORDER BY id",
            [stamp, stamp],
        )
    ):
        if handoff["announce_again_at"] and handoff["announce_again_at"] <= stamp:
            desk.db.execute(
                "UPDATE handoffs SET announce_again_at = ? WHERE id = ?",
                [iso(now + timedelta(minutes=desk.settings.reannounce_minutes)), handoff["id"]],
            )
            out += announce(desk, handoff, now)
        if handoff["give_up_notice_at"] and handoff["give_up_notice_at"] <= stamp:
            out += slow_notice(desk, handoff, now)
        else:
            position = desk.position(handoff["id"])
            still = t("handoff.still_waiting", handoff["language"], position=position)
            out.append(desk._newcomer(handoff, still))
    for handoff in list(
        desk.db.query(
            "SELECT * FROM handoffs WHERE state = 'active' AND mentor_silent_at <= ?", [stamp]
        )
    ):
        out += desk.release(handoff, "", now, silent=True)
    for handoff in list(
        desk.db.query(
            "SELECT * FROM handoffs WHERE state = 'active' AND idle_close_at <= ?", [stamp]
        )
    ):
        out += desk._close(handoff, now, by="idle")
    return out
