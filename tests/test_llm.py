"""Optional LLM phrasing with langchain's fake chat models: grounded and cited, else offline."""

from __future__ import annotations

import json
import logging
import subprocess
import sys
import types
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from chat import Conversation
from conftest import KNOWLEDGE, ROOT, Clock, make_settings
from langchain_core.language_models import BaseChatModel
from langchain_core.language_models.fake_chat_models import FakeListChatModel
from langchain_core.messages import AIMessage, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatResult
from pydantic import Field

from bot.answering.answerer import Answer, Answerer
from bot.answering.knowledge import Passage
from bot.answering.language import detect
from bot.answering.llm import LangchainPhraser, build_chat_model, build_phraser, ground
from bot.answering.service import Answering
from bot.bootstrap import build, compose
from bot.settings import Settings
from bot.store.records import Store

CAT_TAX = 'What is the "cat tax"?'
GROUNDED = "It is a photo of your cat added to a post, as a friendly thank-you to viewers [1]."


class RecordingChatModel(BaseChatModel):
    """A chat model that keeps every prompt it is sent and answers with a fixed reply."""

    reply: str = "UNSURE"
    received: list[list[BaseMessage]] = Field(default_factory=list)

    @property
    def _llm_type(self) -> str:
        return "recording"

    def _generate(
        self, messages: list[BaseMessage], stop: list[str] | None = None, **kwargs: Any
    ) -> ChatResult:
        self.received.append(list(messages))
        return ChatResult(generations=[ChatGeneration(message=AIMessage(content=self.reply))])


class UnreachableChatModel(BaseChatModel):
    """A chat model whose endpoint is down."""

    @property
    def _llm_type(self) -> str:
        return "unreachable"

    def _generate(
        self, messages: list[BaseMessage], stop: list[str] | None = None, **kwargs: Any
    ) -> ChatResult:
        raise ConnectionError("connection refused by 127.0.0.1:11434")


def phrasing(answering: Answering, chat_model: BaseChatModel) -> Answerer:
    return Answerer(answering.catalog, answering.index, phraser=LangchainPhraser(chat_model))


def replying(answering: Answering, *replies: str) -> Answerer:
    return phrasing(answering, FakeListChatModel(responses=list(replies)))


def seen(answer: Answer) -> tuple[object, ...]:
    """What a user sees of an answer, and what is logged about it."""
    passage = answer.passage.id if answer.passage else None
    return answer.action, answer.language, answer.text, answer.sources, passage, answer.related


def test_a_grounded_reply_is_used_with_the_cited_article_as_its_source(
    answering: Answering,
) -> None:
    offline = answering.answerer.answer("what is the cat tax")
    answer = replying(answering, GROUNDED).answer("what is the cat tax")
    assert answer.action == "answer"
    assert answer.text == f"{GROUNDED}\n\n📖 Source: [1] {CAT_TAX}"
    assert answer.sources[0].id == offline.sources[0].id
    assert answer.confidence == offline.confidence


def test_unsure_from_the_model_makes_the_answer_unsure(answering: Answering) -> None:
    answer = replying(answering, "UNSURE").answer("what is the cat tax")
    assert answer.action == "unsure"
    assert "not sure" in answer.text


def test_an_empty_reply_is_unsure(answering: Answering) -> None:
    assert replying(answering, "  ").answer("what is the cat tax").action == "unsure"


def test_citing_a_passage_that_was_not_given_falls_back_to_the_offline_answer(
    answering: Answering,
) -> None:
    offline = answering.answerer.answer("what is the cat tax")
    reply = "A cat tax is a cat photo [1], first seen on Reddit in 2009 [7]."
    assert seen(replying(answering, reply).answer("what is the cat tax")) == seen(offline)


def test_a_reply_that_cites_nothing_falls_back_to_the_offline_answer(
    answering: Answering,
) -> None:
    offline = answering.answerer.answer("what is the cat tax")
    reply = "A cat tax is a photo of your cat that you owe the internet."
    assert seen(replying(answering, reply).answer("what is the cat tax")) == seen(offline)


def test_a_failing_model_falls_back_with_a_warning_and_no_message_body(
    answering: Answering, caplog: pytest.LogCaptureFixture
) -> None:
    offline = answering.answerer.answer("what is the cat tax")
    with caplog.at_level(logging.WARNING):
        answer = phrasing(answering, UnreachableChatModel()).answer("what is the cat tax")
    assert seen(answer) == seen(offline)
    assert "LLM phrasing failed" in caplog.text and "ConnectionError" in caplog.text
    assert "cat tax" not in caplog.text


def test_a_phraser_that_raises_cannot_break_the_answer(answering: Answering) -> None:
    class Broken:
        def phrase(self, question: str, language: str, passages: Sequence[Passage]) -> None:
            raise RuntimeError("bug in a phraser")

    offline = answering.answerer.answer("what is the cat tax")
    answerer = Answerer(answering.catalog, answering.index, phraser=Broken())
    assert seen(answerer.answer("what is the cat tax")) == seen(offline)


def test_the_prompt_holds_only_the_question_and_the_top_retrieved_passages(
    answering: Answering,
) -> None:
    model = RecordingChatModel()
    offline = answering.answerer.answer("what is the cat tax")
    phrasing(answering, model).answer("what is the cat tax")
    [messages] = model.received
    sent = "\n".join(str(message.content) for message in messages)
    given = {p.id for p in answering.catalog.passages.values() if p.text in sent}
    top = {(c.english_id, c.position) for c in offline.candidates[:3]}
    assert offline.passage is not None and offline.passage.id in given
    assert 1 <= len(given) <= 3
    assert all(answering.catalog.passages[pid].language == "en" for pid in given)
    assert {
        (p.english_id, p.position) for p in map(answering.catalog.passages.get, given) if p
    } <= top
    assert f"[{len(given)}] " in sent and f"[{len(given) + 1}] " not in sent
    assert f"[1] {CAT_TAX} — " in sent
    assert sent.count("what is the cat tax") == 1 and "UNSURE" in sent


def test_a_spanish_question_sends_the_spanish_passages_and_asks_for_spanish(
    answering: Answering,
) -> None:
    model = RecordingChatModel()
    offline = answering.answerer.answer("¿qué es el impuesto del gato?")
    phrasing(answering, model).answer("¿qué es el impuesto del gato?")
    sent = "\n".join(str(message.content) for message in model.received[0])
    assert offline.passage is not None and offline.passage.language == "es"
    assert offline.passage.text in sent and "Write in Spanish" in sent


def test_the_engine_sends_the_phrased_answer_with_its_sources_button(
    answering: Answering, settings: Settings, store: Store, clock: Clock
) -> None:
    phrased = Answering(
        KNOWLEDGE,
        answering.index,
        phraser=LangchainPhraser(FakeListChatModel(responses=[GROUNDED])),
    )
    chat = Conversation(compose(settings, store, phrased, clock=clock), clock)
    ana = chat.person("telegram", "42", "Ana")
    chat.say(ana, "what is the cat tax")
    assert ana.last().text == f"{GROUNDED}\n\n📖 Source: [1] {CAT_TAX}"
    chat.press(ana, "Sources")
    assert "https://" in ana.last().text


def _passage(article: str, position: int, title: str) -> Passage:
    return Passage(
        id=f"{article}#s{position}",
        article_id=article,
        english_id=article,
        language="en",
        category="app-how-to",
        title=title,
        heading=f"Section {position}",
        text=f"Text {position}.",
        position=position,
    )


PASSAGES = [_passage("a", 0, "Alpha"), _passage("b", 0, "Beta"), _passage("a", 1, "Alpha")]


def test_grounding_lists_each_cited_article_once_with_its_numbers() -> None:
    phrased = ground("One [3]. Two [1, 2].", PASSAGES, "es")
    assert phrased is not None and phrased.cited == (2, 0, 1)
    assert phrased.text == "One [3]. Two [1, 2].\n\n📖 Fuente: [3] [1] Alpha\n📖 Fuente: [2] Beta"


@pytest.mark.parametrize("reply", ["UNSURE", "unsure.", "`UNSURE`", "", "\n"])
def test_grounding_reads_unsure(reply: str) -> None:
    phrased = ground(reply, PASSAGES, "en")
    assert phrased is not None and phrased.unsure


@pytest.mark.parametrize(
    "reply", ["No citation.", "Zero [0].", "Out of range [4].", "Mixed [1, 9].", "Long [1]. " * 300]
)
def test_grounding_drops_replies_that_are_not_grounded(reply: str) -> None:
    assert ground(reply, PASSAGES, "en") is None


def test_no_provider_means_no_phraser(tmp_path: Path) -> None:
    settings = make_settings(tmp_path)
    assert build_chat_model(settings) is None and build_phraser(settings) is None


def _fake_package(monkeypatch: pytest.MonkeyPatch, module: str, name: str) -> dict[str, Any]:
    made: dict[str, Any] = {}

    def chat_model(**kwargs: Any) -> RecordingChatModel:
        made.update(kwargs)
        return RecordingChatModel()

    package = types.ModuleType(module)
    setattr(package, name, chat_model)
    monkeypatch.setitem(sys.modules, module, package)
    return made


def test_openai_provider_builds_a_time_boxed_chat_model(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = _fake_package(monkeypatch, "langchain_openai", "ChatOpenAI")
    settings = make_settings(
        tmp_path,
        GUIDE_LLM_PROVIDER="OpenAI",
        GUIDE_LLM_MODEL="qwen2.5-7b-instruct",
        GUIDE_LLM_BASE_URL="http://127.0.0.1:8000/v1",
    )
    assert isinstance(build_phraser(settings), LangchainPhraser)
    assert made["model"] == "qwen2.5-7b-instruct"
    assert made["base_url"] == "http://127.0.0.1:8000/v1"
    assert made["timeout"] <= 30 and made["max_retries"] <= 1


def test_ollama_provider_uses_its_default_url_when_none_is_set(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = _fake_package(monkeypatch, "langchain_ollama", "ChatOllama")
    settings = make_settings(tmp_path, GUIDE_LLM_PROVIDER="ollama", GUIDE_LLM_MODEL="llama3.1")
    build_chat_model(settings)
    assert made["model"] == "llama3.1" and made["base_url"] is None
    assert made["client_kwargs"]["timeout"] <= 30


def test_a_missing_provider_package_names_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "langchain_openai", None)
    settings = make_settings(tmp_path, GUIDE_LLM_PROVIDER="openai", GUIDE_LLM_MODEL="gpt-4o-mini")
    with pytest.raises(RuntimeError, match="pip install langchain-openai"):
        build(settings)


@pytest.mark.parametrize(
    ("provider", "model", "message"),
    [("anthropic", "x", "openai or ollama"), ("ollama", "", "GUIDE_LLM_MODEL")],
)
def test_a_wrong_llm_setting_is_explained(
    tmp_path: Path, provider: str, model: str, message: str
) -> None:
    settings = make_settings(tmp_path, GUIDE_LLM_PROVIDER=provider, GUIDE_LLM_MODEL=model)
    with pytest.raises(ValueError, match=message):
        build_chat_model(settings)


_OFFLINE = """
import json, sys
from bot.answering.answerer import Answerer
from bot.answering.catalog import Catalog

class Snapshot:
    def __init__(self, dense, lexical, scope):
        self._dense, self._lexical, self._scope = dense, lexical, scope
    def embed_query(self, text):
        return []
    def dense(self, vector, k=30, also=()):
        return self._dense
    def lexical(self, text, k=30):
        return self._lexical
    def scope(self, vector):
        return tuple(self._scope)
    def example_vectors(self, texts):
        import numpy
        return numpy.zeros((len(texts), 0))

cases = json.load(sys.stdin)
catalog = Catalog.load(__import__("pathlib").Path(sys.argv[1]))
answers = []
for case in cases:
    snapshot = Snapshot(case["dense"], case["lexical"], case["scope"])
    answer = Answerer(catalog, snapshot).answer(case["q"])
    answers.append([answer.action, answer.text, [s.id for s in answer.sources],
                    answer.passage.id if answer.passage else None])
loaded = sorted(m for m in sys.modules if m.startswith(("bot.answering.llm", "langchain")))
print(json.dumps({"answers": answers, "loaded": loaded}))
"""


def test_the_offline_answer_is_the_same_with_and_without_the_llm_module(
    answering: Answering,
) -> None:
    questions = [
        "what is the cat tax",
        "¿qué es el impuesto del gato?",
        "我的帖子为什么被删了",
        "how do i sign up for rednote",
        "what is the best pizza topping",
    ]
    index = answering.index

    def searched(q: str) -> str:  # what the answerer looks up: English typos repaired
        return answering.catalog.speller.text(q) if detect(q) in (None, "en") else q

    cases = [
        {
            "q": q,
            "dense": index.dense(index.embed_query(searched(q)), 40),
            "lexical": index.lexical(searched(q), 40),
            "scope": index.scope(index.embed_query(searched(q))),
        }
        for q in questions
    ]
    run = subprocess.run(
        [sys.executable, "-c", _OFFLINE, str(KNOWLEDGE)],
        input=json.dumps(cases),
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    alone = json.loads(run.stdout)
    assert alone["loaded"] == []
    assert "bot.answering.llm" in sys.modules
    answerer = Answerer(answering.catalog, answering.index, phraser=None)
    here = []
    for q in questions:
        answer = answerer.answer(q)
        passage = answer.passage.id if answer.passage else None
        here.append([answer.action, answer.text, [s.id for s in answer.sources], passage])
    assert alone["answers"] == here
    assert [a[0] for a in here] == ["answer", "answer", "answer", "answer", "unsure"]
