"""Checking a file before anything decodes it: its size, its kind by magic bytes, its pixel
count from the header alone, then a decode to upright RGB.

The decoder is given nothing it has not checked: Pillow is told which one format to expect
(the one the magic bytes name), so a file cannot reach a decoder by claiming another kind,
and the pixel count is read from the header before a single pixel is decoded.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

from PIL import Image, ImageOps

from bot.screens.values import ImageRefused

MAX_BYTES = 10_000_000
MAX_PIXELS = 20_000_000

# The formats a screenshot comes in, by their first bytes (WebP: RIFF....WEBP).
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"BM", "BMP"),
)


@dataclass(frozen=True)
class CheckedImage:
    """A picture that passed the checks: upright RGB pixels and the format it came in."""

    image: Image.Image
    format: str

    @property
    def size(self) -> tuple[int, int]:
        """Width and height in pixels."""
        return self.image.size


def sniff(data: bytes) -> str | None:
    """The image format the magic bytes name, or None for anything else."""
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "WEBP"
    for magic, name in _MAGIC:
        if data.startswith(magic):
            return name
    return None


def check(data: bytes, *, max_bytes: int = MAX_BYTES, max_pixels: int = MAX_PIXELS) -> CheckedImage:
    """Refuse what should not be decoded (raises `ImageRefused`), then decode to RGB: the
    first frame of an animation, turned upright by its EXIF orientation."""
    if len(data) > max_bytes:
        raise ImageRefused("too_big", f"{len(data):,} bytes, the limit is {max_bytes:,}")
    kind = sniff(data)
    if kind is None:
        raise ImageRefused("not_image", "not PNG, JPEG, WebP, GIF or BMP")
    # Pillow's own bomb guard, as a second line: it raises past twice this many pixels.
    Image.MAX_IMAGE_PIXELS = max_pixels
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data), formats=[kind])
    except Image.DecompressionBombError as error:
        raise ImageRefused("too_many_pixels", str(error)) from error
    except Exception as error:  # Pillow raises many kinds for a broken header
        raise ImageRefused("unreadable", f"{kind}: {error}") from error
    width, height = image.size
    if width <= 0 or height <= 0:
        raise ImageRefused("unreadable", f"{kind} of {width}x{height} pixels")
    if width * height > max_pixels:
        raise ImageRefused(
            "too_many_pixels", f"{width}x{height} pixels, the limit is {max_pixels:,}"
        )
    try:
        image.seek(0)
        image.load()
        upright = ImageOps.exif_transpose(image)
        rgb = upright.convert("RGB")
    except Exception as error:  # truncated or corrupt pixel data
        raise ImageRefused("unreadable", f"{kind}: {error}") from error
    finally:
        image.close()
    return CheckedImage(rgb, kind)
