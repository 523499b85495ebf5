"""`/dashboard` and `/logout`: a one-time login link in a private chat, and signing out."""

from __future__ import annotations

from bot.context import Call, Context
from bot.dashboard.auth import LINK_TTL, Logins
from bot.i18n import t
from bot.models import Outgoing


def dashboard(ctx: Context, call: Call) -> list[Outgoing]:
    """Send a mentor or admin a single-use login link; only in a private chat."""
    if call.event.chat_kind != "private":
        return [ctx.say.reply(call.address, t("dash.cmd.private_only", call.lang))]
    base = ctx.settings.dashboard_base
    if not base:
        return [ctx.say.reply(call.address, t("dash.cmd.off", call.lang))]
    token = Logins(ctx.store.db).issue(call.sender.ref, call.now)
    minutes = int(LINK_TTL.total_seconds() // 60)
    link = f"{base}/login/{token}"
    return [ctx.say.reply(call.address, t("dash.cmd.link", call.lang, link=link, minutes=minutes))]


def logout(ctx: Context, call: Call) -> list[Outgoing]:
    """End every dashboard session of the sender."""
    count = Logins(ctx.store.db).end_all(call.sender.ref)
    return [ctx.say.reply(call.address, t("dash.cmd.logged_out", call.lang, count=count))]
