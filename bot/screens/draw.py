"""Numbered markers on the screenshot: an outline round each label and a numbered badge
beside it, readable on light and dark screens; returned as a PNG a chat app will take."""

from __future__ import annotations

import io
from collections.abc import Sequence

from PIL import Image, ImageDraw, ImageFont

from bot.screens.values import Item

LONG_SIDE = 1600
MAX_PNG_BYTES = 5_000_000  # Telegram takes photos up to 10 MB; stay well under
BADGE = "#E5173F"
HALO = "#FFFFFF"


def _fit(image: Image.Image, long_side: int) -> tuple[Image.Image, float]:
    scale = min(1.0, long_side / max(image.size))
    if scale < 1.0:
        size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
        image = image.resize(size, Image.Resampling.LANCZOS)
    else:
        image = image.copy()
    return image.convert("RGB"), scale


def _bounds(item: Item, scale: float) -> tuple[float, float, float, float]:
    xs = [x * scale for x, _ in item.box.box]
    ys = [y * scale for _, y in item.box.box]
    return min(xs), min(ys), max(xs), max(ys)


def _badge_place(
    box: tuple[float, float, float, float], radius: float, size: tuple[int, int]
) -> tuple[float, float]:
    """The badge's centre: left of the label if there is room, else above it, else
    below it, else over the label's left end."""
    left, top, _right, bottom = box
    middle = (top + bottom) / 2
    gap = max(3.0, radius * 0.3)
    if left - gap - 2 * radius >= 0:
        return left - gap - radius, middle
    if top - gap - 2 * radius >= 0:
        return left + radius, top - gap - radius
    if bottom + gap + 2 * radius <= size[1]:
        return left + radius, bottom + gap + radius
    return left + radius, middle


def mark(image: Image.Image, items: Sequence[Item], *, long_side: int = LONG_SIDE) -> bytes:
    """The picture, at most `long_side` pixels on its long side, with each item's label
    outlined and its number in a red badge ringed in white; PNG bytes."""
    while True:
        picture, scale = _fit(image, long_side)
        draw = ImageDraw.Draw(picture)
        unit = max(picture.size) / 1000
        line = max(2, round(2 * unit))
        for item in items:
            box = _bounds(item, scale)
            pad = line + 1
            outline = (box[0] - pad, box[1] - pad, box[2] + pad, box[3] + pad)
            draw.rounded_rectangle(outline, radius=2 * line, outline=HALO, width=line + 2)
            draw.rounded_rectangle(outline, radius=2 * line, outline=BADGE, width=line)
            height = box[3] - box[1]
            radius = min(max(height * 0.55, 12 * unit), 24 * unit)
            digits = str(item.number)
            if len(digits) > 1:
                radius *= 1.15
            cx, cy = _badge_place(box, radius, picture.size)
            disc = (cx - radius, cy - radius, cx + radius, cy + radius)
            draw.ellipse(disc, fill=BADGE, outline=HALO, width=max(2, round(radius * 0.15)))
            size = round(radius * (1.15 if len(digits) == 1 else 0.95))
            font = ImageFont.load_default(size=size)
            draw.text((cx, cy), digits, font=font, fill=HALO, anchor="mm")
        out = io.BytesIO()
        picture.save(out, format="PNG", compress_level=3)
        data = out.getvalue()
        if len(data) <= MAX_PNG_BYTES or long_side <= 400:
            return data
        long_side = round(long_side * 0.75)
