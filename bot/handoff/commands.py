"""Mentor and admin commands: queue, claim, release, close, mine, transcript, shift, and more."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from bot.answering.language import SUPPORTED
from bot.i18n import t
from bot.models import IncomingMessage, Outgoing, UserRef
from bot.store.records import iso

if TYPE_CHECKING:
    from bot.handoff.desk import HandoffDesk


def _minutes(since: str, now: datetime) -> int:
    return max(0, int((now - datetime.fromisoformat(since)).total_seconds() // 60))


def _parse_user(text: str) -> UserRef | None:
    platform, _, user_id = text.strip().partition(":")
    if platform in ("telegram", "discord", "console") and user_id.strip():
        return UserRef(platform, user_id.strip())
    return None


def mentor_command(
    desk: HandoffDesk, event: IncomingMessage, name: str, args: str, lang: str, now: datetime
) -> list[Outgoing]:
    """Run one mentor command for a sender already known to be a mentor."""
    engine, db, address, sender = desk.engine, desk.db, event.address, event.sender
    say = lambda text: [engine.reply(address, text)]  # noqa: E731
    mentor = desk._enrol(sender, now)
    if name == "mentorhelp":
        return say(t("mentor_help", lang))
    if name == "queue":
        rows = [
            f"#{row['id']} {row['newcomer_name']} ({row['newcomer_platform']}, {row['language']}),"
            f" {_minutes(row['created'], now)} min: {(row['question'] or '—')[:80]}"
            for row in db.query("SELECT * FROM handoffs WHERE state = 'requested' ORDER BY id")
        ]
        return say(
            t("mentor.queue", lang, rows="\n".join(rows)) if rows else t("mentor.queue_empty", lang)
        )
    if name == "claim":
        word = args.split()[0].lstrip("#") if args.split() else ""
        if not word.isdigit():
            return say(t("mentor.usage", lang, usage="/claim <id>  (/queue lists them)"))
        return desk.claim(sender, address, int(word), lang, now)
    if name in ("release", "close"):
        handoff, refusal, rest = desk._target(event, args, name, lang)
        if refusal is not None:
            return refusal
        assert handoff is not None
        if name == "release":
            in_space = desk._space_handoff(address) is not None
            out = desk.release(handoff, rest, now)
            return out if in_space else out + say(t("mentor.released", lang, id=handoff["id"]))
        return desk.close(handoff, now)
    if name == "mine":
        held = desk.held_by(sender.ref)
        if not held:
            return say(t("mentor.none_held", lang))
        rows = [
            f"#{h['id']} {h['newcomer_name']} ({h['newcomer_platform']}, {h['language']}),"
            f" since {h['claimed_at'][11:16]} UTC"
            for h in held
        ]
        return say(t("mentor.mine", lang, rows="\n".join(rows)))
    if name == "transcript":
        word = args.split()[0].lstrip("#") if args.split() else ""
        if not word.isdigit():
            return say(t("mentor.usage", lang, usage="/transcript <id>"))
        handoff = desk.handoff(int(word))
        author = f"mentor:{sender.ref}"
        took_part = handoff is not None and (
            (handoff["mentor_platform"], handoff["mentor_user"])
            == (sender.ref.platform, sender.ref.user_id)
            or db.execute(
                "SELECT 1 FROM handoff_messages WHERE handoff_id = ? AND author = ?",
                [handoff["id"], author],
            ).fetchone()
        )
        if handoff is None or not (took_part or desk.is_admin(sender.ref)):
            return say(t("mentor.not_yours", lang, id=word))
        lines = [
            f"[{row['created'][11:16]}] {row['author'].split(':')[0]}: {row['text']}"
            for row in db.query(
                "SELECT * FROM handoff_messages WHERE handoff_id = ? ORDER BY id", [handoff["id"]]
            )
        ]
        return say(
            t(
                "mentor.transcript",
                lang,
                id=handoff["id"],
                state=handoff["state"],
                lines="\n".join(lines) or "—",
            )
        )
    if name == "shift":
        choice = args.strip().lower()
        if choice not in ("on", "off"):
            return say(t("mentor.usage", lang, usage="/shift on|off"))
        db.execute(
            "UPDATE mentors SET on_shift = ? WHERE platform = ? AND user_id = ?",
            [int(choice == "on"), sender.ref.platform, sender.ref.user_id],
        )
        if choice == "off":
            return say(t("mentor.shift_off", lang))
        return say(t("mentor.shift_on", lang, languages=mentor["languages"]))
    if name == "languages":
        codes = [code for code in args.lower().replace(",", " ").split() if code in SUPPORTED]
        if not codes:
            return say(t("mentor.usage", lang, usage="/languages en es zh"))
        db.execute(
            "UPDATE mentors SET languages = ? WHERE platform = ? AND user_id = ?",
            [" ".join(codes), sender.ref.platform, sender.ref.user_id],
        )
        return say(t("mentor.languages_set", lang, languages=" ".join(codes)))
    if name == "name":
        display = " ".join(args.split())[:40]
        if not display:
            return say(t("mentor.usage", lang, usage="/name <display name>"))
        db.execute(
            "UPDATE mentors SET display_name = ? WHERE platform = ? AND user_id = ?",
            [display, sender.ref.platform, sender.ref.user_id],
        )
        return say(t("mentor.name_set", lang, name=display))
    if name in ("block", "unblock"):
        target = _parse_user(args)
        if target is None:
            return say(t("mentor.usage", lang, usage=f"/{name} telegram:12345 (or discord:…)"))
        desk.store.set_blocked(target, name == "block", now)
        out = say(t(f"mentor.{name}ed", lang, user=str(target)))
        if name == "block":
            handoff = desk.open_for(target)
            if handoff is not None and handoff["state"] == "requested":
                db.execute(
                    "UPDATE handoffs SET state = 'cancelled', closed_at = ? WHERE id = ?",
                    [iso(now), handoff["id"]],
                )
            elif handoff is not None:
                out += desk.close(handoff, now, by="mentor")
        return out
    if name == "reload":
        if not desk.is_admin(sender.ref):
            return say(t("mentor.only_mentors", lang))
        report = desk.answering.reload()
        return say(
            t(
                "admin.reloaded",
                lang,
                added=len(report.added),
                updated=len(report.updated),
                removed=len(report.removed),
            )
        )
    if name == "suggest":
        from bot.maintenance.suggest import suggest

        return suggest(desk, event, args, lang, now)
    return say(t("input.unknown_command", lang, command=f"/{name}"))
