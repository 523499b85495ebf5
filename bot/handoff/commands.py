"""Mentors' commands, one handler each: queue, claim, release, close, mine, transcript, and
their own settings. The registry (bot.commands) checks who may run them before they run."""

from __future__ import annotations

from bot.answering.index import IndexBusy
from bot.answering.language import SUPPORTED
from bot.context import Call, Context
from bot.handoff.briefs import minutes_since
from bot.handoff.membership import enrol, is_admin
from bot.handoff.moves import transition
from bot.handoff.requests import claim as claim_handoff
from bot.handoff.requests import end_for
from bot.handoff.states import ACTIVE, CLOSED, REQUESTED
from bot.handoff.values import Handoff
from bot.i18n import t
from bot.models import Outgoing, UserRef


def _say(ctx: Context, call: Call, text: str) -> list[Outgoing]:
    return [ctx.say.reply(call.address, text)]


def _usage(ctx: Context, call: Call, usage: str) -> list[Outgoing]:
    return _say(ctx, call, t("mentor.usage", call.lang, usage=usage))


def _number(args: str) -> int | None:
    word = args.split()[0].lstrip("#") if args.split() else ""
    return int(word) if word.isdigit() else None


def target(ctx: Context, call: Call) -> tuple[Handoff | None, list[Outgoing], str]:
    """The handoff a command is about: `#id`, the space it is typed in, or the only one held;
    with the reply to give instead when there is none the sender may act on."""
    words, rest = call.args.split(), call.args
    handoff = None
    if words and words[0].lstrip("#").isdigit():
        handoff = ctx.handoffs.get(int(words[0].lstrip("#")))
        rest = call.args[len(words[0]) :].strip()
    handoff = handoff or ctx.handoffs.in_space(call.address)
    if handoff is None:
        held = ctx.handoffs.held_by(call.sender.ref)
        if len(held) != 1:
            ids = ", ".join(f"#{h.id}" for h in held)
            key = "mentor.which" if held else "mentor.none_held"
            return None, _say(ctx, call, t(key, call.lang, command=call.name, ids=ids)), rest
        handoff = held[0]
    if handoff.state != ACTIVE or not (
        handoff.held_by(call.sender.ref) or is_admin(ctx, call.sender.ref)
    ):
        key = "mentor.not_yours" if handoff.state == ACTIVE else "mentor.not_open"
        return None, _say(ctx, call, t(key, call.lang, id=handoff.id)), rest
    return handoff, [], rest


def queue(ctx: Context, call: Call) -> list[Outgoing]:
    rows = [
        f"#{h.id} {h.newcomer_name} ({h.newcomer_platform}, {h.language}),"
        f" {minutes_since(h.created, call.now)} min: {(h.question or '—')[:80]}"
        for h in ctx.handoffs.queue()
    ]
    if not rows:
        return _say(ctx, call, t("mentor.queue_empty", call.lang))
    return _say(ctx, call, t("mentor.queue", call.lang, rows="\n".join(rows)))


def claim(ctx: Context, call: Call) -> list[Outgoing]:
    number = _number(call.args)
    if number is None:
        return _usage(ctx, call, "/claim <id>  (/queue lists them)")
    return claim_handoff(ctx, call.sender, call.address, number, call.lang, call.now)


def release(ctx: Context, call: Call) -> list[Outgoing]:
    handoff, refusal, note = target(ctx, call)
    if handoff is None:
        return refusal
    in_space = ctx.handoffs.in_space(call.address) is not None
    moved = transition(ctx, handoff, REQUESTED, call.now, by="mentor", note=note)
    if moved.handoff is None or in_space:  # in its space, the space itself is told
        return moved.out
    return moved.out + _say(ctx, call, t("mentor.released", call.lang, id=handoff.id))


def close(ctx: Context, call: Call) -> list[Outgoing]:
    handoff, refusal, _ = target(ctx, call)
    if handoff is None:
        return refusal
    return transition(ctx, handoff, CLOSED, call.now, by="mentor").out


def mine(ctx: Context, call: Call) -> list[Outgoing]:
    held = ctx.handoffs.held_by(call.sender.ref)
    if not held:
        return _say(ctx, call, t("mentor.none_held", call.lang))
    rows = [
        f"#{h.id} {h.newcomer_name} ({h.newcomer_platform}, {h.language}),"
        f" since {(h.claimed_at or '')[11:16]} UTC"
        for h in held
    ]
    return _say(ctx, call, t("mentor.mine", call.lang, rows="\n".join(rows)))


def transcript(ctx: Context, call: Call) -> list[Outgoing]:
    """A handoff's transcript, for the mentors who took part in it and admins."""
    number = _number(call.args)
    if number is None:
        return _usage(ctx, call, "/transcript <id>")
    ref = call.sender.ref
    handoff = ctx.handoffs.get(number)
    took_part = handoff is not None and ctx.handoffs.mentor_of(handoff, ref)
    if handoff is None or not (took_part or is_admin(ctx, ref)):
        return _say(ctx, call, t("mentor.not_yours", call.lang, id=number))
    lines = [
        f"[{row['created'][11:16]}] {row['author'].split(':')[0]}: {row['text']}"
        for row in ctx.handoffs.transcript(handoff.id)
    ]
    text = t(
        "mentor.transcript",
        call.lang,
        id=handoff.id,
        state=handoff.state,
        lines="\n".join(lines) or "—",
    )
    return _say(ctx, call, text)


def shift(ctx: Context, call: Call) -> list[Outgoing]:
    choice = call.args.strip().lower()
    if choice not in ("on", "off"):
        return _usage(ctx, call, "/shift on|off")
    mentor = enrol(ctx, call.sender, call.now)
    ctx.mentors.set_mentor(call.sender.ref, on_shift=int(choice == "on"))
    if choice == "off":
        return _say(ctx, call, t("mentor.shift_off", call.lang))
    return _say(ctx, call, t("mentor.shift_on", call.lang, languages=mentor.languages))


def languages(ctx: Context, call: Call) -> list[Outgoing]:
    codes = [code for code in call.args.lower().replace(",", " ").split() if code in SUPPORTED]
    if not codes:
        return _usage(ctx, call, "/languages en es zh")
    ctx.mentors.set_mentor(call.sender.ref, languages=" ".join(codes))
    return _say(ctx, call, t("mentor.languages_set", call.lang, languages=" ".join(codes)))


def name(ctx: Context, call: Call) -> list[Outgoing]:
    display = " ".join(call.args.split())[:40]
    if not display:
        return _usage(ctx, call, "/name <display name>")
    ctx.mentors.set_mentor(call.sender.ref, display_name=display)
    return _say(ctx, call, t("mentor.name_set", call.lang, name=display))


def _user(text: str) -> UserRef | None:
    platform, _, user_id = text.strip().partition(":")
    if platform in ("telegram", "discord", "console") and user_id.strip():
        return UserRef(platform, user_id.strip())
    return None


def block(ctx: Context, call: Call) -> list[Outgoing]:
    """Stop a user everywhere; whatever they have open is cancelled or closed."""
    user = _user(call.args)
    if user is None:
        return _usage(ctx, call, "/block telegram:12345 (or discord:…)")
    ctx.store.set_blocked(user, True, call.now)
    return _say(ctx, call, t("mentor.blocked", call.lang, user=str(user))) + end_for(
        ctx, user, call.now, by="block"
    )


def unblock(ctx: Context, call: Call) -> list[Outgoing]:
    user = _user(call.args)
    if user is None:
        return _usage(ctx, call, "/unblock telegram:12345 (or discord:…)")
    ctx.store.set_blocked(user, False, call.now)
    return _say(ctx, call, t("mentor.unblocked", call.lang, user=str(user)))


def reload(ctx: Context, call: Call) -> list[Outgoing]:
    """Admins: load changed articles now rather than at the next watch round."""
    try:
        report = ctx.answering.reload(wait=False)
    except IndexBusy:
        return _say(ctx, call, t("admin.index_busy", call.lang))
    text = t(
        "admin.reloaded",
        call.lang,
        added=len(report.added),
        updated=len(report.updated),
        removed=len(report.removed),
    )
    return _say(ctx, call, text)
