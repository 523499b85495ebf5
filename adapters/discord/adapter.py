"""The Discord adapter: a supervised discord.py client in, core events out, the outbox back."""

from __future__ import annotations

import asyncio
import contextlib
import logging

import discord
import discord.gateway
import discord.http
import yarl

from adapters.discord import files, translate
from adapters.discord.client import GuideBot
from adapters.discord.outbound import Outbound
from adapters.discord.slash import SYNC_STAMP, register, sync_if_changed
from bot.commands import REGISTRY
from bot.models import (
    ButtonPress,
    Delivery,
    IncomingMessage,
    Media,
    MemberChanged,
    Outgoing,
    UserRef,
)
from bot.runtime import Runtime
from bot.settings import Settings

logger = logging.getLogger(__name__)
STABLE_AFTER_SECONDS = 60.0
MAX_RECONNECT_DELAY = 60.0


def point_at(settings: Settings) -> None:
    """Use the REST and gateway URLs of the settings (a local emulator in the tests)."""
    if settings.discord_api_base_url:
        discord.http.Route.BASE = settings.discord_api_base_url.rstrip("/")
    if settings.discord_gateway_url:
        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(settings.discord_gateway_url)


async def sync_commands(settings: Settings) -> None:
    """`guide discord sync`: log in over REST only, sync the slash commands whatever the
    stored digest says, and record the new one."""
    point_at(settings)
    client = discord.Client(intents=discord.Intents.none())
    tree: discord.app_commands.CommandTree[discord.Client] = discord.app_commands.CommandTree(
        client
    )

    async def never(interaction: discord.Interaction, name: str, args: tuple[object, ...]) -> None:
        return None  # no gateway connection: no command ever arrives here

    register(tree, never)
    try:
        await client.login(settings.discord_bot_token.get_secret_value())
        guild_ids = [int(guild) for guild in settings.discord_guild_ids]
        await sync_if_changed(tree, guild_ids, settings.data_dir / SYNC_STAMP, force=True)
    finally:
        await client.close()


class DiscordAdapter:
    """Runs the bot on Discord: translates events for the core and delivers its outbox."""

    name = "discord"

    def __init__(
        self,
        settings: Settings,
        runtime: Runtime,
        *,
        guild_ready_timeout: float = 2.0,
        identify_pause: float = 5.0,
        reconnect_delay: float = 1.0,
        ready_timeout: float = 60.0,
    ) -> None:
        self.settings = settings
        self.runtime = runtime
        self.mentor_channel_id = settings.discord_mentor_channel_id
        self.mentor_role_id = int(settings.discord_mentor_role_id or 0)
        self.reconnect_delay = reconnect_delay
        self.ready_timeout = ready_timeout
        self.crashes = 0
        self.bot = GuideBot(
            self,
            guild_ids=[int(guild) for guild in settings.discord_guild_ids],
            with_members=bool(self.mentor_role_id),
            sync_stamp=settings.data_dir / SYNC_STAMP,
            guild_ready_timeout=guild_ready_timeout,
            identify_pause=identify_pause,
        )
        self.outbound = Outbound(self.bot)
        self._supervisor: asyncio.Task[None] | None = None

    # --- lifecycle
    async def start(self) -> None:
        """Log in, connect in the background and return once the bot is ready."""
        point_at(self.settings)
        try:
            await self.bot.login(self.settings.discord_bot_token.get_secret_value())
        except BaseException:
            await self.bot.close()
            raise
        self._supervisor = asyncio.create_task(self._supervise(), name="discord-gateway")
        ready = asyncio.create_task(self.bot.wait_until_ready())
        done, _ = await asyncio.wait(
            {ready, self._supervisor}, timeout=self.ready_timeout, return_when="FIRST_COMPLETED"
        )
        if ready not in done:
            ready.cancel()
            await self.stop()
            if self._supervisor in done and self._supervisor.exception():
                raise RuntimeError("Discord connection failed") from self._supervisor.exception()
            raise RuntimeError("Discord did not become ready in time")
        self.runtime.attach(self)
        logger.info("connected to Discord as %s", self.bot.user)

    async def stop(self) -> None:
        """Close the connection; what is still in the outbox waits for the next start."""
        if self.runtime.platforms.get(self.name) is self:
            del self.runtime.platforms[self.name]
        await self.bot.close()
        if self._supervisor is not None:
            with contextlib.suppress(Exception, asyncio.CancelledError):
                await asyncio.wait_for(self._supervisor, 5)

    async def _supervise(self) -> None:
        """Keep the gateway connected: discord.py reconnects by itself, except when a
        malformed event makes its parser raise; then connect again, with backoff."""
        loop = asyncio.get_running_loop()
        delay = self.reconnect_delay
        while not self.bot.is_closed():
            began = loop.time()
            try:
                await self.bot.connect(reconnect=True)
            except (discord.PrivilegedIntentsRequired, discord.LoginFailure):
                logger.critical("Discord refused the bot's token or intents; not reconnecting")
                raise
            except Exception:
                self.crashes += 1
                logger.exception("the Discord gateway connection crashed; reconnecting")
            if self.bot.is_closed():
                return
            if self.bot.ws is not None:
                with contextlib.suppress(Exception):
                    await self.bot.ws.close()
            if loop.time() - began > STABLE_AFTER_SECONDS:
                delay = self.reconnect_delay
            await asyncio.sleep(delay)
            delay = min(delay * 2, MAX_RECONNECT_DELAY)

    # --- the Platform port
    async def send(self, message: Outgoing) -> Delivery:
        return await self.outbound.send(message)

    async def edit(self, message: Outgoing, target: Delivery) -> None:
        """Replace a message's text and buttons; a picture it carries stays as it is."""
        await self.outbound.edit(message, target)

    # --- the MediaSource port
    async def fetch(self, media: Media, limit: int) -> bytes:
        """The bytes of an attachment a user posted, at most `limit` of them (MediaError)."""
        api_base = self.settings.discord_api_base_url
        return await files.fetch(self.bot.http, media, limit, api_base)

    # --- inbound
    def _mentor_room(self) -> discord.TextChannel | None:
        if not self.mentor_channel_id:
            return None
        room = self.bot.get_channel(int(self.mentor_channel_id))
        return room if isinstance(room, discord.TextChannel) else None

    def _member(self, user: discord.abc.User, room: discord.TextChannel) -> discord.Member | None:
        if isinstance(user, discord.Member) and user.guild.id == room.guild.id:
            return user
        return room.guild.get_member(user.id)

    def is_room_member(self, user: discord.abc.User, member: discord.Member | None = None) -> bool:
        """Whether a user can read and post in the mentor channel (and has the mentor role
        when one is configured)."""
        room = self._mentor_room()
        if room is None:
            return False
        member = member or self._member(user, room)
        if member is None:
            return False
        allowed = room.permissions_for(member)
        if not (allowed.view_channel and allowed.send_messages):
            return False
        return not self.mentor_role_id or member.get_role(self.mentor_role_id) is not None

    async def _fetch_member(self, user: discord.abc.User) -> discord.Member | None:
        room = self._mentor_room()
        if room is None or self._member(user, room) is not None:
            return None
        try:
            return await room.guild.fetch_member(user.id)
        except discord.HTTPException:
            return None

    async def on_message(self, message: discord.Message) -> None:
        me = self.bot.user
        if me is None or message.author.bot:
            return
        place = translate.place_of(message.channel)
        if isinstance(message.channel, discord.PartialMessageable) and not place.private:
            place = await self._fetch_place(place)
        event = translate.incoming(
            translate.posted(message, place),
            bot_id=me.id,
            mentor_channel_id=self.mentor_channel_id,
            is_room_member=self.is_room_member(message.author),
        )
        if event is not None:
            await self._submit(event)

    async def _fetch_place(self, place: translate.Place) -> translate.Place:
        """A guild channel discord.py has not cached (a thread it missed): ask Discord."""
        try:
            return translate.place_of(await self.bot.fetch_channel(place.channel_id))
        except discord.HTTPException:
            return place

    async def on_command(
        self, interaction: discord.Interaction, name: str, args: tuple[object, ...]
    ) -> None:
        """A slash command: acknowledge it, then hand `/name args` to the core. Its replies
        in this channel become the command's response (see Outbound.Answers)."""
        place = translate.place_of(
            interaction.channel, interaction.channel_id, interaction.guild_id
        )
        registered = REGISTRY.get(name)
        ephemeral = registered is not None and registered.who != "newcomer" and not place.private
        try:
            await interaction.response.defer(ephemeral=ephemeral, thinking=True)
            acknowledged = True
        except discord.HTTPException:
            logger.warning("could not acknowledge the slash command %s in time", interaction.id)
            acknowledged = False
        member = await self._fetch_member(interaction.user) if place.private else None
        sender = translate.interaction_sender(
            interaction.user, interaction.locale, self.is_room_member(interaction.user, member)
        )
        event = translate.command_event(
            interaction.id,
            sender,
            place,
            self.mentor_channel_id,
            translate.command_text(name, *args),
            interaction.created_at,
        )
        out = await self._submit(event)
        if not acknowledged:
            return
        replies = [
            reply
            for reply in out
            if reply.address == event.address
            and not (
                reply.ref or reply.edit_ref or reply.new_thread or reply.meta.get("thread_ref")
            )
        ]
        if replies:
            self.outbound.answers.expect(interaction, replies, ephemeral)
        else:
            with contextlib.suppress(discord.HTTPException):
                await interaction.delete_original_response()

    async def on_press(self, interaction: discord.Interaction, token: str) -> None:
        """A click on one of the core's buttons: acknowledge it and pass its token on; the
        core refuses forged and stale tokens."""
        try:
            await interaction.response.defer()
        except discord.HTTPException:
            logger.warning("could not acknowledge the button click %s in time", interaction.id)
        place = translate.place_of(
            interaction.channel, interaction.channel_id, interaction.guild_id
        )
        sender = translate.interaction_sender(
            interaction.user, interaction.locale, self.is_room_member(interaction.user)
        )
        await self._submit(
            translate.press_event(
                interaction.id, sender, place, self.mentor_channel_id, token, interaction.created_at
            )
        )

    # --- mentor rights
    async def on_member_change(
        self, before: discord.Member | None, after: discord.Member | None, user_id: int
    ) -> None:
        """A member's roles changed, or they left the server: tell the core when that makes
        them a mentor or ends it (their open handoffs then go back to the queue)."""
        room = self._mentor_room()
        if room is None or (after is not None and after.guild.id != room.guild.id):
            return
        was = before is None or self.is_room_member(before, before)
        now = after is not None and self.is_room_member(after, after)
        if was == now:
            return
        stamp = discord.utils.utcnow().isoformat()
        name = after.display_name if after is not None else ""
        event = MemberChanged(
            key=f"discord:member:{user_id}:{stamp}",
            ref=UserRef("discord", str(user_id)),
            mentor=now,
            first_name=name,
        )
        try:
            await self.runtime.submit(event)
        except Exception:
            logger.exception("the core failed on Discord member change %s", event.key)

    async def mentor_status(self, user_id: str) -> bool | None:
        """Whether a user is a mentor now (mentor channel access and role); None if unknown."""
        room = self._mentor_room()
        if room is None:
            return None
        member = room.guild.get_member(int(user_id))
        if member is None:
            try:
                member = await room.guild.fetch_member(int(user_id))
            except discord.NotFound:
                return False
            except discord.HTTPException:
                return None
        return self.is_room_member(member, member)

    async def _submit(self, event: IncomingMessage | ButtonPress) -> list[Outgoing]:
        try:
            return await self.runtime.submit(event)
        except Exception:
            logger.exception("the core failed on Discord event %s", event.key)
            return []
