"""Synthetic phone screenshots of a Chinese app, with the truth about what was drawn.

`render()` draws a status bar, a title, an optional profile header, a settings list (rows
with icons, chevrons and, with `noise`, counts, English and symbols beside the label) and a
tab bar, at phone sizes in a light or dark theme, and returns the PNG with every Chinese
label drawn and its box. The words are rendering material for tests and the benchmark, not
the app's glossary. The CJK font is a subset of WenQuanYi Micro Hei kept in tests/fonts/.
"""

from __future__ import annotations

import io
import random
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

FONT = Path(__file__).resolve().parent / "fonts" / "wqy-microhei-subset.ttf"

# Plausible generic words of a Chinese app's interface: what the screens are drawn from.
SETTINGS = (
    "帐号与安全",
    "隐私设置",
    "通用设置",
    "消息通知",
    "帮助与客服",
    "关于小红书",
    "深色模式",
    "清除缓存",
    "黑名单",
    "退出登录",
)
TABS = ("首页", "购物", "消息", "我")
HEADER = ("关注", "粉丝", "获赞与收藏")
WORDS = (
    *SETTINGS,
    *TABS,
    *HEADER,
    "发现",
    "附近",
    "设置",
    "编辑资料",
    "我的收藏",
    "浏览记录",
    "草稿箱",
    "切换帐号",
    "语言",
    "字体大小",
    "地址管理",
    "支付设置",
    "青少年模式",
    "意见反馈",
    "检查更新",
    "个人信息",
    "权限管理",
    "屏蔽设置",
    "评论",
    "点赞",
    "分享",
    "直播",
    "视频",
)
# Beside a label, what OCR may read as part of it: counts, English, symbols the font has.
NOISE = ("12", "99+", "New", "ON", "★", "☆", "●", "3", "Beta", "→")

THEMES = {
    "light": {"bg": "#FFFFFF", "text": "#222222", "soft": "#8A8A8A", "line": "#EEEEEE"},
    "dark": {"bg": "#121212", "text": "#EDEDED", "soft": "#8C8C8C", "line": "#2A2A2A"},
}
ACCENT = "#FF2442"


@dataclass(frozen=True)
class Drawn:
    """One Chinese label as drawn: its text and its box (left, top, right, bottom)."""

    text: str
    box: tuple[int, int, int, int]


@dataclass(frozen=True)
class Screen:
    """A rendered screenshot: the PNG and every Chinese label on it."""

    png: bytes
    labels: tuple[Drawn, ...]
    size: tuple[int, int]
    theme: str


@cache
def font(size: int) -> ImageFont.FreeTypeFont:
    """The subset CJK font at a size in pixels."""
    return ImageFont.truetype(str(FONT), size)


def render(
    labels: Sequence[str] = SETTINGS,
    *,
    title: str = "设置",
    tabs: Sequence[str] = TABS,
    header: Sequence[str] = (),
    size: tuple[int, int] = (720, 1280),
    theme: str = "light",
    noise: bool = False,
    seed: int = 0,
) -> Screen:
    """Draw a settings screen: `title`, an optional profile `header` of counted items,
    `labels` as list rows (those that fit) and `tabs` in the bottom bar."""
    colours = THEMES[theme]
    rng = random.Random(seed)
    width, height = size
    unit = width / 720
    image = Image.new("RGB", size, colours["bg"])
    draw = ImageDraw.Draw(image)
    drawn: list[Drawn] = []

    def text(xy: tuple[float, float], words: str, px: int, fill: str, anchor: str = "la") -> None:
        draw.text(xy, words, font=font(px), fill=fill, anchor=anchor)
        if any("\u4e00" <= ch <= "\u9fff" for ch in words):
            left, top, right, bottom = draw.textbbox(xy, words, font=font(px), anchor=anchor)
            drawn.append(Drawn(words, (round(left), round(top), round(right), round(bottom))))

    small, body, large = round(24 * unit), round(30 * unit), round(36 * unit)
    text((32 * unit, 20 * unit), "9:41", small, colours["text"])
    text((width - 32 * unit, 20 * unit), "100%", small, colours["text"], "ra")
    y = 90 * unit
    if title:
        text((width / 2, y + 30 * unit), title, large, colours["text"], "mm")
        y += 90 * unit
    if header:
        radius = 60 * unit
        draw.ellipse((40 * unit, y, 40 * unit + 2 * radius, y + 2 * radius), fill=ACCENT)
        text((190 * unit, y + 20 * unit), "Maya ★", large, colours["text"])
        text((190 * unit, y + 70 * unit), "ID 26031855", small, colours["soft"])
        y += 2 * radius + 40 * unit
        step = width / max(1, len(header))
        for index, word in enumerate(header):
            cx = step * index + step / 2
            text((cx, y), str(rng.randint(1, 999)), body, colours["text"], "mt")
            text((cx, y + 45 * unit), word, small, colours["soft"], "mt")
        y += 110 * unit
    row = 100 * unit
    bar = 130 * unit
    for word in labels:
        if y + row > height - bar:
            break
        middle = y + row / 2
        side = 40 * unit
        draw.rounded_rectangle(
            (32 * unit, middle - side / 2, 32 * unit + side, middle + side / 2),
            radius=10 * unit,
            fill=rng.choice((ACCENT, "#3D8AF7", "#34C759", "#FF9500")),
        )
        text((96 * unit, middle), word, body, colours["text"], "lm")
        if noise and rng.random() < 0.5:
            extra = rng.choice(NOISE)
            left = draw.textbbox((96 * unit, middle), word, font=font(body), anchor="lm")[2]
            text((left + 12 * unit, middle), extra, body, colours["soft"], "lm")
        chevron = width - 40 * unit
        draw.line(
            [
                (chevron - 10 * unit, middle - 12 * unit),
                (chevron, middle),
                (chevron - 10 * unit, middle + 12 * unit),
            ],
            fill=colours["soft"],
            width=max(2, round(3 * unit)),
        )
        draw.line((96 * unit, y + row, width, y + row), fill=colours["line"], width=1)
        y += row
    top = height - bar
    draw.line((0, top, width, top), fill=colours["line"], width=max(1, round(2 * unit)))
    step = width / max(1, len(tabs))
    for index, word in enumerate(tabs):
        cx = step * index + step / 2
        fill = ACCENT if index == 0 else colours["soft"]
        icon = (cx - 18 * unit, top + 18 * unit, cx + 18 * unit, top + 54 * unit)
        draw.ellipse(icon, outline=fill, width=max(2, round(3 * unit)))
        text((cx, top + 70 * unit), word, small, fill, "mt")
    out = io.BytesIO()
    image.save(out, format="PNG")
    return Screen(out.getvalue(), tuple(drawn), size, theme)


SIZES = ((720, 1280), (1080, 2340), (1080, 1920), (828, 1792))


def random_screen(seed: int) -> Screen:
    """A varied screen for the benchmark: size, theme, noise, words and layout by seed."""
    rng = random.Random(seed)
    words = list(WORDS)
    rng.shuffle(words)
    return render(
        words[:12],
        title=rng.choice(("设置", "我", "")),
        tabs=rng.choice((TABS, ("首页", "关注", "发现", "附近"), ("首页", "视频", "消息", "我"))),
        header=HEADER if rng.random() < 0.4 else (),
        size=rng.choice(SIZES),
        theme=rng.choice(("light", "dark")),
        noise=rng.random() < 0.6,
        seed=seed,
    )
