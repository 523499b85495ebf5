"""Regenerate tests/fonts/wqy-microhei-subset.ttf, the CJK font the synthetic screenshots use.

The source is WenQuanYi Micro Hei from Debian's `fonts-wqy-microhei` (Apache-2.0, or GPL-3+
with the font exception; shipped here under Apache-2.0, see LICENSE-Apache-2.0.txt). The
subset keeps printable ASCII, the symbols and the 3,755 level-1 (most common) hanzi of
GB 2312, and every Han character written in the files that render screens, so the font stays
near 1 MB. It needs fontTools, which the project does not install; run it from any venv:

    apt-get install fonts-wqy-microhei
    python -m venv /tmp/fonts && /tmp/fonts/bin/pip install fonttools
    /tmp/fonts/bin/python tests/fonts/make_subset.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SOURCE = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
TARGET = HERE / "wqy-microhei-subset.ttf"
# The files whose Chinese text is drawn: the screen generator, its tests and the benchmark.
USERS = ("tests/screenshots.py", "tests/test_screens.py", "benchmarks/ocr.py")


def gb2312(rows: range) -> str:
    """The characters of GB 2312 in the given rows (1-9 symbols, 16-55 level-1 hanzi)."""
    out = []
    for row in rows:
        for cell in range(1, 95):
            try:
                out.append(bytes([0xA0 + row, 0xA0 + cell]).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return "".join(out)


def han(text: str) -> str:
    """Every CJK character in the text (Han ideographs and CJK punctuation)."""
    return "".join(ch for ch in text if ord(ch) >= 0x2E80)


def characters() -> str:
    """What the subset keeps, sorted and without repeats."""
    wanted = set(map(chr, range(0x20, 0x7F))) | set(gb2312(range(1, 10)))
    wanted |= set(gb2312(range(16, 56)))
    for name in USERS:
        path = ROOT / name
        if path.exists():
            wanted |= set(han(path.read_text(encoding="utf-8")))
    return "".join(sorted(wanted))


def main() -> None:
    """Write the subset next to this script."""
    if not SOURCE.exists():
        sys.exit(f"{SOURCE} is missing: apt-get install fonts-wqy-microhei")
    text = characters()
    subset.main(
        [
            str(SOURCE),
            "--font-number=0",
            f"--text={text}",
            "--layout-features=*",
            "--no-hinting",
            "--desubroutinize",
            f"--output-file={TARGET}",
        ]
    )
    print(f"{TARGET.name}: {len(text)} characters, {TARGET.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
