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
from bot.screens.images import check
from bot.screens.reader import PaddleReader
from bot.screens.service import Screens, Vocabulary
from bot.screens.values import Item
from tests.screenshots import Drawn, Screen, random_screen, render

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


def glossary() -> Vocabulary | None:
    """The app's glossary when this checkout has it, else none (every label literal)."""
    if not GLOSSARY.exists():
        return None
    try:
        from bot.screens.glossary import Glossary
    except ImportError:
        return None
    return Glossary.load(GLOSSARY)  # type: ignore[no-any-return]


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
    drawn = found = matched = 0
    for screen in rendered:
        began = time.perf_counter()
        reading = screens.describe(screen.png, "en")
        elapsed = time.perf_counter() - began
        seconds.append(elapsed)
        by_width.setdefault(screen.size[0], []).append(elapsed)
        drawn += len(screen.labels)
        found += len(reading.items)
        matched += matches(reading.items, screen.labels)

    print(
        f"OCR: PP-OCRv6 {args.size}, {args.threads} onnxruntime threads, pictures scaled to a"
        f" short side of {args.short_side or 'full'} px; glossary:"
        f" {'knowledge/ui-glossary.yaml' if vocabulary else 'none (every label literal)'}"
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
