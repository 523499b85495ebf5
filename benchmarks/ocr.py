"""Screenshot figures: OCR load time, time per screenshot, labels recognised against what was
drawn (precision and recall), and the memory OCR and the dictionary add.

Run with `make bench` (or `python -m benchmarks.ocr`; `--size small` for the larger model).
It renders its own screens (tests/screenshots.py: four phone sizes, light and dark, counts,
English and symbols beside labels, a profile header, a tab bar), so it needs no data. Memory
is measured in a fresh process that imports only the screenshot feature.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

from bot.screens.dictionary import CedictDictionary
from bot.screens.glossary import Glossary
from bot.screens.images import check
from bot.screens.reader import PaddleReader
from bot.screens.service import Screens
from bot.screens.values import Item
from tests.screenshots import SIZES, Drawn, Screen, random_screen, render

ROOT = Path(__file__).resolve().parent.parent
GLOSSARY = ROOT / "knowledge" / "ui-glossary.yaml"


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def rss_mb() -> tuple[float, float]:
    """This process's resident memory now and at its peak, in MB."""
    now = 0.0
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            now = int(line.split()[1]) / 1024
    return now, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def glossary() -> Glossary:
    """The app's glossary, as the bot loads it."""
    return Glossary.load(GLOSSARY)


def matches(items: tuple[Item, ...], truth: tuple[Drawn, ...]) -> int:
    """How many drawn labels an item names, at the place they were drawn."""
    left = list(truth)
    hit = 0
    for item in items:
        xs = [x for x, _ in item.box.box]
        ys = [y for _, y in item.box.box]
        cx, cy = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
        for drawn in left:
            x0, y0, x1, y1 = drawn.box
            pad = (y1 - y0) / 2
            inside = x0 - pad <= cx <= x1 + pad and y0 - pad <= cy <= y1 + pad
            if inside and item.gloss.text == drawn.text:
                left.remove(drawn)
                hit += 1
                break
    return hit


def app_screens(screens: Screens, vocabulary: Glossary, count: int) -> dict[str, int]:
    """Screens drawn from the glossary's own labels (the app's words, as a newcomer's
    screenshot would show them): how many come back recognised and glossed from it."""
    import random

    labels = [e.label for e in vocabulary.entries if 2 <= len(e.label) <= 8]
    figures = {"drawn": 0, "right": 0, "literal": 0, "found": 0}
    for seed in range(count):
        rng = random.Random(1000 + seed)
        picked = rng.sample(labels, 9)
        screen = render(
            picked[1:],
            title=picked[0],
            tabs=("首页", "商城", "消息", "我"),
            size=rng.choice(SIZES),
            theme=rng.choice(("light", "dark")),
            noise=rng.random() < 0.6,
            seed=seed,
        )
        reading = screens.describe(screen.png, "en")
        figures["drawn"] += len(screen.labels)
        figures["found"] += len(reading.items)
        glossed = tuple(i for i in reading.items if i.gloss.source == "glossary")
        figures["right"] += matches(glossed, screen.labels)
        figures["literal"] += len(reading.items) - len(glossed)
    return figures


def probe(size: str, threads: int) -> None:
    """Print, as JSON, the memory of a fresh process before and after loading OCR and
    after a screenshot that needs the dictionary."""
    figures = {"imported": rss_mb()[0]}
    reader, words = PaddleReader(size, threads=threads), CedictDictionary()
    screens = Screens(reader=reader, dictionary=words)
    screens.warm()
    figures["ocr"] = rss_mb()[0]
    for seed in range(3):
        reader.read(check(random_screen(seed).png).image)
    reader.read(check(render(size=(1080, 2340)).png).image)
    figures["reading"] = rss_mb()[0]
    words.load()
    figures["dictionary"] = rss_mb()[0]
    screens.describe(render(size=(1080, 2340)).png, "en")
    figures["described"], figures["peak"] = rss_mb()
    print(json.dumps(figures))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--screens", type=int, default=60)
    parser.add_argument("--size", default="tiny", choices=("tiny", "small"))
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--short-side", type=int, default=736, help="0: OCR at full size")
    parser.add_argument("--probe", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.probe:
        probe(args.size, args.threads)
        return

    memory = json.loads(
        subprocess.run(
            [sys.executable, "-m", "benchmarks.ocr", "--probe", "--size", args.size,
             "--threads", str(args.threads)],
            cwd=ROOT, capture_output=True, text=True, check=True,
        ).stdout.splitlines()[-1]
    )  # fmt: skip
    reader = PaddleReader(args.size, threads=args.threads, short_side=args.short_side or None)
    words = CedictDictionary()
    vocabulary = glossary()
    screens = Screens(glossary=vocabulary, reader=reader, dictionary=words)
    screens.warm()
    began = time.perf_counter()
    words.load()
    dictionary_seconds = time.perf_counter() - began

    rendered: list[Screen] = [random_screen(seed) for seed in range(args.screens)]
    seconds: list[float] = []
    by_width: dict[int, list[float]] = {}
    drawn = found = matched = glossary_hits = 0
    for screen in rendered:
        began = time.perf_counter()
        reading = screens.describe(screen.png, "en")
        elapsed = time.perf_counter() - began
        seconds.append(elapsed)
        by_width.setdefault(screen.size[0], []).append(elapsed)
        drawn += len(screen.labels)
        found += len(reading.items)
        matched += matches(reading.items, screen.labels)
        glossary_hits += sum(item.gloss.source == "glossary" for item in reading.items)

    print(
        f"OCR: PP-OCRv6 {args.size}, {args.threads} onnxruntime threads, pictures scaled to a"
        f" short side of {args.short_side or 'full'} px; glossary:"
        f" knowledge/ui-glossary.yaml ({len(vocabulary)} labels)"
    )
    print(
        f"load: OCR {reader.load_seconds:.2f} s, CC-CEDICT + jieba + pypinyin"
        f" {dictionary_seconds:.2f} s"
    )
    print(
        f"per screenshot (check, OCR, gloss, mark), {len(seconds)} screens: p50"
        f" {percentile(seconds, 0.5):.2f} s, p95 {percentile(seconds, 0.95):.2f} s; by width: "
        + ", ".join(
            f"{width} px p50 {percentile(times, 0.5):.2f} s"
            for width, times in sorted(by_width.items())
        )
    )
    print(
        f"labels: {drawn} drawn, {found} recognised, {matched} right:"
        f" precision {matched / max(1, found):.3f}, recall {matched / max(1, drawn):.3f}"
    )
    if vocabulary:
        glossed = app_screens(screens, vocabulary, args.screens)
        print(
            f"screens drawn from glossary labels ({args.screens}, same sizes and themes):"
            f" {glossed['drawn']} labels drawn, {glossed['right']} recognised and glossed from"
            f" the glossary (recall {glossed['right'] / max(1, glossed['drawn']):.3f}),"
            f" {glossed['literal']} only literally, {glossed['found']} items in all"
        )
        print(
            f"on the generic screens above, {glossary_hits} of {found} items were glossed from"
            " the glossary; the rest are literal dictionary meanings"
        )
    print(
        f"memory (RSS of a fresh process, MB): {memory['imported']:.0f} imported;"
        f" {memory['ocr']:.0f} with OCR loaded (+{memory['ocr'] - memory['imported']:.0f});"
        f" {memory['reading']:.0f} after reading 4 screenshots"
        f" (+{memory['reading'] - memory['ocr']:.0f});"
        f" {memory['dictionary']:.0f} with the dictionary"
        f" (+{memory['dictionary'] - memory['reading']:.0f});"
        f" {memory['described']:.0f} after a labelled reading; peak {memory['peak']:.0f}"
    )


if __name__ == "__main__":
    main()
