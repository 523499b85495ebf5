"""Pictures on Discord: the bytes of an attachment a user posted (from Discord's CDN only),
and a picture to upload with a message."""

from __future__ import annotations

import asyncio
import io
from pathlib import Path
from urllib.parse import urlsplit

import aiohttp
import discord

from adapters.discord.translate import PLATFORM
from bot.delivery import read_picture
from bot.models import Media
from bot.ports import MediaError

CDN_HOSTS = frozenset({"cdn.discordapp.com", "media.discordapp.net"})
ATTACHMENT_PATHS = ("/attachments/", "/ephemeral-attachments/")
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
FETCH_TIMEOUT = 60.0


def trusted(url: str, api_base_url: str = "") -> bool:
    """Whether a URL is an attachment on Discord's CDN (https, default port), or on the same
    loopback origin as a local API base URL (the emulator in tests). Anything else, a
    forged URL in particular, is never fetched."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return False
    if parts.username or parts.password or not parts.path.startswith(ATTACHMENT_PATHS):
        return False
    if parts.scheme == "https" and parts.hostname in CDN_HOSTS and port in (None, 443):
        return True
    if not api_base_url:
        return False
    base = urlsplit(api_base_url)
    return base.hostname in LOOPBACK_HOSTS and (parts.scheme, parts.hostname, port) == (
        base.scheme,
        base.hostname,
        base.port,
    )


def _too_big(size: int, limit: int) -> MediaError:
    return MediaError(f"the file has {size} bytes, more than {limit}", too_big=True)


async def fetch(
    http: discord.http.HTTPClient, media: Media, limit: int, api_base_url: str = ""
) -> bytes:
    """The bytes of an attachment, through discord.py's HTTP session, into memory; refused
    (too_big) when Discord reports more than `limit` bytes or more arrive."""
    if media.platform != PLATFORM:
        raise MediaError(f"not a Discord attachment: {media.platform}")
    if not trusted(media.handle, api_base_url):
        raise MediaError("not an attachment URL on Discord's CDN")
    if media.size is not None and media.size > limit:
        raise _too_big(media.size, limit)
    try:
        data = await asyncio.wait_for(http.get_from_cdn(media.handle), FETCH_TIMEOUT)
    except discord.HTTPException as error:
        raise MediaError(f"Discord refused the file ({error.status})") from error
    except (aiohttp.ClientError, OSError, TimeoutError) as error:
        raise MediaError(
            f"could not fetch the file from Discord: {type(error).__name__}"
        ) from error
    if len(data) > limit:
        raise _too_big(len(data), limit)
    return data


async def picture(path: str) -> discord.File:
    """The picture an Outgoing names, read into memory to upload."""
    return discord.File(io.BytesIO(await read_picture(path)), filename=Path(path).name)
