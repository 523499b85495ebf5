"""Pictures on Telegram: the bytes of a file a newcomer sent, and a picture to send back."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from pathlib import Path

from telegram import Bot, InlineKeyboardMarkup, InputFile, Message
from telegram.constants import ParseMode
from telegram.error import BadRequest, TelegramError

from adapters.telegram.translate import PLATFORM
from bot.delivery import read_picture
from bot.models import Media
from bot.ports import MediaError

logger = logging.getLogger(__name__)
# Bot API refusals of a picture as a photo that a file would not meet.
NOT_A_PHOTO = ("PHOTO_INVALID_DIMENSIONS", "IMAGE_PROCESS_FAILED", "PHOTO_SAVE_FILE_INVALID")


def _too_big(size: int, limit: int) -> MediaError:
    return MediaError(f"the file has {size} bytes, more than {limit}", too_big=True)


async def fetch(bot: Bot, media: Media, limit: int) -> bytes:
    """The bytes of a user's file: getFile, then its download URL, into memory. Refused
    (too_big) when Telegram reports more than `limit` bytes or more arrive; Telegram itself
    lets bots download 20 MB at most."""
    if media.platform != PLATFORM:
        raise MediaError(f"not a Telegram file: {media.platform}")
    if media.size is not None and media.size > limit:
        raise _too_big(media.size, limit)
    try:
        found = await bot.get_file(media.handle)
        if found.file_size is not None and found.file_size > limit:
            raise _too_big(found.file_size, limit)
        data = await found.download_as_bytearray()
    except BadRequest as error:
        if "too big" in str(error).lower():
            raise MediaError(
                f"Telegram will not hand over the file: {error}", too_big=True
            ) from error
        raise MediaError(f"Telegram refused the file: {error}") from error
    except TelegramError as error:  # network trouble, timeouts, 5xx, a download answering 404
        raise MediaError(f"could not fetch the file from Telegram: {error}") from error
    except RuntimeError as error:  # getFile answered without a file_path
        raise MediaError(f"Telegram gave no path for the file: {error}") from error
    if len(data) > limit:
        raise _too_big(len(data), limit)
    return bytes(data)


async def send_picture(
    bot: Bot,
    chat_id: int | str,
    path: str,
    *,
    caption: str | None,
    reply_markup: InlineKeyboardMarkup | None,
    message_thread_id: int | None,
) -> Message:
    """Send a picture as a photo; one Telegram will not make a photo of (too long or wide, or
    unreadable to it) goes as a file instead, with the same caption and buttons."""

    async def attempt(send: Callable[..., Awaitable[Message]]) -> Message:
        return await send(
            chat_id,
            await picture(path),
            caption=caption,
            parse_mode=ParseMode.HTML,
            reply_markup=reply_markup,
            message_thread_id=message_thread_id,
        )

    try:
        return await attempt(bot.send_photo)
    except BadRequest as error:
        if not any(reason in str(error).upper() for reason in NOT_A_PHOTO):
            raise
        logger.info("Telegram would not take a picture as a photo (%s); sending a file", error)
    return await attempt(bot.send_document)


async def picture(path: str) -> InputFile:
    """The picture an Outgoing names, read into memory to upload."""
    return InputFile(await read_picture(path), filename=Path(path).name)
