"""Charts as SVG drawn on the server: stacked bars and lines, no script and no fetch.

Pure functions from numbers to markup; every label is escaped. Colours are presentation
attributes, not inline styles, so a strict Content-Security-Policy allows them.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from html import escape

WIDTH, HEIGHT = 640, 240
LEFT, RIGHT, TOP, BOTTOM = 44, 12, 28, 34
PALETTE = ("#2b6cb0", "#dd6b20", "#38a169", "#805ad5", "#d53f8c", "#718096", "#b7791f")


def _nice_max(value: float) -> float:
    """A round axis maximum at or above `value` (1, 2, 5 × a power of ten)."""
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 5, 10):
        if value <= step * power:
            return float(step * power)
    return float(10 * power)


def _steps(top: float, percent: bool) -> int:
    """How many grid steps divide the axis into round numbers (whole ones for counts)."""
    if percent:
        return 4
    leading = round(top / 10 ** math.floor(math.log10(top)))
    steps = 4 if leading == 2 else 5
    return max(1, min(steps, int(top))) if top < steps else steps


def _fmt(value: float, percent: bool) -> str:
    if percent:
        return f"{value * 100:.0f}%"
    return f"{value:g}" if value != int(value) else str(int(value))


def _frame(title: str, top: float, percent: bool, labels: Sequence[str]) -> list[str]:
    """The chart's box: its title for screen readers, grid lines and axis labels."""
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    parts = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img"'
        f' aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(title)}</title>",
    ]
    steps = _steps(top, percent)
    for step in range(steps + 1):
        value = top * step / steps
        y = TOP + plot_h - plot_h * step / steps
        parts.append(
            f'<line x1="{LEFT}" y1="{y:.1f}" x2="{WIDTH - RIGHT}" y2="{y:.1f}"'
            ' stroke="#d5dbe3" stroke-width="1"/>'
        )
        parts.append(
            f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="11"'
            f' fill="#4a5568">{escape(_fmt(value, percent))}</text>'
        )
    every = max(1, math.ceil(len(labels) / 10))
    slot = plot_w / max(1, len(labels))
    for index, label in enumerate(labels):
        if index % every:
            continue
        x = LEFT + slot * (index + 0.5)
        parts.append(
            f'<text x="{x:.1f}" y="{HEIGHT - BOTTOM + 16}" text-anchor="middle" font-size="11"'
            f' fill="#4a5568">{escape(label)}</text>'
        )
    return parts


def _legend(names: Sequence[str]) -> list[str]:
    parts, x = [], LEFT
    for index, name in enumerate(names):
        colour = PALETTE[index % len(PALETTE)]
        parts.append(f'<rect x="{x}" y="8" width="10" height="10" fill="{colour}"/>')
        parts.append(
            f'<text x="{x + 14}" y="17" font-size="12" fill="#1a202c">{escape(name)}</text>'
        )
        x += 24 + 7 * max(len(name), 3)
    return parts


def bars(title: str, labels: Sequence[str], series: Mapping[str, Sequence[float]]) -> str:
    """Stacked bars: one bar per label, one coloured segment per series."""
    totals = [sum(values[i] for values in series.values()) for i in range(len(labels))]
    top = _nice_max(max(totals, default=0))
    parts = _frame(title, top, False, labels)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_w / max(1, len(labels))
    width = max(2.0, slot * 0.7)
    for index in range(len(labels)):
        base = 0.0
        x = LEFT + slot * index + (slot - width) / 2
        for number, (name, values) in enumerate(series.items()):
            value = values[index]
            if value <= 0:
                continue
            height = plot_h * value / top
            y = TOP + plot_h - plot_h * base / top - height
            colour = PALETTE[number % len(PALETTE)]
            parts.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{width:.1f}" height="{height:.1f}"'
                f' fill="{colour}"><title>{escape(labels[index])} {escape(name)}:'
                f" {_fmt(value, False)}</title></rect>"
            )
            base += value
    parts += _legend(list(series)) if len(series) > 1 else []
    parts.append("</svg>")
    return "".join(parts)


def lines(
    title: str,
    labels: Sequence[str],
    series: Mapping[str, Sequence[float | None]],
    *,
    percent: bool = False,
) -> str:
    """One line per series; a missing value (None) breaks the line."""
    values = [v for vs in series.values() for v in vs if v is not None]
    top = 1.0 if percent else _nice_max(max(values, default=0))
    parts = _frame(title, top, percent, labels)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_w / max(1, len(labels))
    for number, (name, points) in enumerate(series.items()):
        colour = PALETTE[number % len(PALETTE)]
        run: list[str] = []
        segments: list[list[str]] = [run]
        for index, value in enumerate(points):
            if value is None:
                run = []
                segments.append(run)
                continue
            x = LEFT + slot * (index + 0.5)
            y = TOP + plot_h - plot_h * min(value, top) / top
            run.append(f"{x:.1f},{y:.1f}")
            parts.append(
                f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{colour}"><title>'
                f"{escape(labels[index])} {escape(name)}: {_fmt(value, percent)}</title></circle>"
            )
        for segment in segments:
            if len(segment) > 1:
                parts.append(
                    f'<polyline points="{" ".join(segment)}" fill="none" stroke="{colour}"'
                    ' stroke-width="2"/>'
                )
    parts += _legend(list(series))
    parts.append("</svg>")
    return "".join(parts)
