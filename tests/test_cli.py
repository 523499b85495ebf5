"""The `guide` command as a user runs it: ask --json, piped chat, kb commands, run, backup."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = (
    "cat-tax",
    "yyds",
    "translate-button",
    "politics-and-sensitive-topics",
    "penalties-bans-and-appeals",
    "other-ban-triggers",
)


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """A small knowledge base (a few articles and their translations) and a private data dir."""
    base = tmp_path_factory.mktemp("cli")
    knowledge = base / "knowledge"
    for language in ("en", "es", "zh"):
        (knowledge / language).mkdir(parents=True)
        for name in ARTICLES:
            source = ROOT / "knowledge" / language / f"{name}.md"
            if source.exists():
                shutil.copy(source, knowledge / language / source.name)
    # (the labelled development messages would cost a minute to embed: the vote is tested
    # over the real index elsewhere)
    shutil.copytree(
        ROOT / "knowledge" / "eval",
        knowledge / "eval",
        ignore=shutil.ignore_patterns("dev*", "blind*"),
    )
    environment = {
        k: v for k, v in os.environ.items() if not k.startswith(("GUIDE_", "TELEGRAM_", "DISCORD_"))
    }
    environment.update(GUIDE_DATA_DIR=str(base / "data"), GUIDE_KNOWLEDGE_DIR=str(knowledge))
    return environment


def guide(
    env: dict[str, str], *args: str, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )


def test_ask_json_prints_one_stable_object(env: dict[str, str]) -> None:
    result = guide(env, "ask", "what is the cat tax", "--json")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1
    answer = json.loads(lines[0])
    assert set(answer) == {"action", "language", "text", "sources", "confidence"}
    assert answer["action"] == "answer" and answer["language"] == "en"
    assert answer["sources"][0]["id"] == "cat-tax"
    assert set(answer["sources"][0]) == {"id", "title", "score"}
    assert 0.5 <= answer["confidence"] <= 1


def test_ask_reads_one_question_per_line(env: dict[str, str]) -> None:
    result = guide(
        env,
        "ask",
        "--json",
        stdin="what is the cat tax\n\n¿qué significa yyds?\nhow do i hack an account\n",
    )
    rows = [json.loads(line) for line in result.stdout.strip().splitlines()]
    assert [r["action"] for r in rows] == ["answer", "answer", "decline"]
    assert rows[1]["language"] == "es"


def test_piped_chat_answers_each_line_and_exits(env: dict[str, str]) -> None:
    result = guide(env, "chat", stdin="what is the cat tax\n/help\n")
    assert result.returncode == 0, result.stderr
    assert "📖 Source:" in result.stdout and "/topics" in result.stdout


def test_piped_chat_can_press_a_button_by_number(env: dict[str, str]) -> None:
    result = guide(env, "chat", stdin="/language\n2\n")
    assert "español" in result.stdout


def test_a_screenshot_in_the_console_then_the_labels_the_glossary_lacks(
    env: dict[str, str], tmp_path: Path
) -> None:
    """This knowledge copy has no UI glossary: every label is read literally, and listed."""
    from screenshots import render

    shot = tmp_path / "settings.png"
    shot.write_bytes(render(["隐私设置", "黑名单"], title="设置", tabs=()).png)
    chat = guide(env, "chat", stdin=f"/language en\n/photo {shot} what is this?\n")
    assert chat.returncode == 0, chat.stderr
    assert "I found 3 Chinese labels" in chat.stdout and "(dictionary)" in chat.stdout
    kept = chat.stdout.split("[picture: ", 1)[1].split("]", 1)[0]
    assert Path(kept).read_bytes().startswith(b"\x89PNG")  # kept for the console user
    listed = guide(env, "kb", "labels")
    assert listed.returncode == 0, listed.stderr
    assert "隐私设置" in listed.stdout and "literally" in listed.stdout
    as_json = json.loads(guide(env, "kb", "labels", "--json").stdout)
    assert {"label": "黑名单", "seen": 1} in as_json


def test_kb_validate_and_stats(env: dict[str, str]) -> None:
    result = guide(env, "kb", "validate")
    # The small copy drops articles that others link to: validate names each broken link.
    assert result.returncode == 1 and "does not resolve to an article id" in result.stdout
    stats = guide(env, "kb", "stats")
    assert "slang" in stats.stdout and "total" in stats.stdout


def test_kb_index_is_incremental(env: dict[str, str]) -> None:
    guide(env, "kb", "index")
    again = guide(env, "kb", "index")
    assert "0 added, 0 updated, 0 removed" in again.stdout


def test_handoffs_lists_as_json(env: dict[str, str]) -> None:
    result = guide(env, "handoffs", "--json")
    assert result.returncode == 0 and json.loads(result.stdout) == []


def test_chat_is_the_console_and_stops_on_sigterm(env: dict[str, str]) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "chat"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
        cwd=ROOT,
    )
    try:
        assert process.stdin and process.stdout
        process.stdin.write("what is the cat tax\n")
        process.stdin.flush()
        assert process.stdout.readline().startswith("🤖")
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=15) == 0
    finally:
        process.kill()


def test_mentors_lists_each_mentor_with_shift_handoffs_and_confirmation(
    env: dict[str, str],
) -> None:
    from datetime import UTC, datetime

    from bot.handoff.mentors import MentorRoster
    from bot.models import UserRef
    from bot.store import open_database

    db = open_database(Path(env["GUIDE_DATA_DIR"]) / "guide.db")
    repo = MentorRoster(db)
    now = datetime(2026, 12, 6, 9, 30, tzinfo=UTC)
    repo.confirm(UserRef("discord", "500"), "Mei", now, 3)
    repo.set_mentor(UserRef("discord", "500"), languages="en zh", on_shift=0)
    repo.confirm(UserRef("telegram", "77"), "Mia", now, 3)
    repo.revoke(UserRef("telegram", "77"), now)
    db.conn.commit()
    db.close()
    rows = json.loads(guide(env, "mentors", "--json").stdout)
    by_name = {row["name"]: row for row in rows}
    assert by_name["Mei"]["languages"] == ["en", "zh"] and by_name["Mei"]["on_shift"] is False
    assert by_name["Mei"]["still_a_mentor"] and by_name["Mei"]["confirmed_at"].startswith(
        "2026-12-06T09:30"
    )
    assert by_name["Mia"]["still_a_mentor"] is False and by_name["Mia"]["open_handoffs"] == []
    table = guide(env, "mentors")
    assert table.returncode == 0 and "Mei" in table.stdout and "left" in table.stdout


def test_run_without_a_token_and_no_terminal_fails_and_names_the_settings(
    env: dict[str, str],
) -> None:
    result = guide(env, "run", stdin="what is the cat tax\n")
    assert result.returncode != 0
    for name in ("TELEGRAM_BOT_TOKEN", "DISCORD_BOT_TOKEN", "guide chat"):
        assert name in result.stderr
    assert "🤖" not in result.stdout


def test_a_second_run_on_the_same_data_dir_exits_at_once_naming_the_holder(
    env: dict[str, str], tmp_path: Path
) -> None:
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, pathlib; from bot.ops.instance import InstanceLock;"
            f"InstanceLock(pathlib.Path({str(tmp_path)!r})).acquire();"
            "print('held', flush=True); sys.stdin.read()",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    try:
        assert holder.stdout and holder.stdout.readline().strip() == "held"
        second = {
            **env,
            "GUIDE_DATA_DIR": str(tmp_path),
            "TELEGRAM_BOT_TOKEN": "123456:not-a-real-token",
            "TELEGRAM_API_BASE_URL": "http://127.0.0.1:9/bot",
        }
        result = guide(second, "run")
        assert result.returncode == 1
        assert f"pid {holder.pid}" in result.stderr and "another instance" in result.stderr
        assert not (tmp_path / "guide.db").exists()  # refused before touching anything
    finally:
        holder.kill()
        holder.wait()


def test_the_instance_lock_is_exclusive_and_freed_on_release(tmp_path: Path) -> None:
    from bot.ops.instance import AlreadyRunning, InstanceLock

    first = InstanceLock(tmp_path / "data")
    first.acquire()
    with pytest.raises(AlreadyRunning, match=f"pid {os.getpid()}"):
        InstanceLock(tmp_path / "data").acquire()
    first.release()
    with InstanceLock(tmp_path / "data"):
        pass


def test_backup_while_a_writer_is_writing_is_a_consistent_copy(tmp_path: Path) -> None:
    import sqlite3
    import threading
    from datetime import UTC, datetime

    from bot.models import Address, Outgoing
    from bot.store import open_database
    from bot.store.backup import backup
    from bot.store.records import Store

    store = Store(open_database(tmp_path / "data" / "guide.db"))
    now = datetime(2026, 12, 6, tzinfo=UTC)
    stop = threading.Event()
    written = [0]

    def write() -> None:
        while not stop.is_set():
            with store.atomic():  # two rows per transaction: a copy never holds an odd count
                store.enqueue([Outgoing(Address("telegram", "1"), "a")] * 2, now)
            written[0] += 2

    writer = threading.Thread(target=write)
    writer.start()
    try:
        while written[0] < 200:
            threading.Event().wait(0.01)
        copies = [
            backup(tmp_path / "data" / "guide.db", tmp_path / f"copy{n}.db") for n in range(3)
        ]
    finally:
        stop.set()
        writer.join()
    counts = []
    for copy in copies:
        with sqlite3.connect(copy) as db:
            assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            counts.append(db.execute("SELECT count(*) FROM outbox").fetchone()[0])
            assert db.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert all(200 <= n <= written[0] and n % 2 == 0 for n in counts), counts
    assert open_database(copies[-1]).table("outbox").count == counts[-1]  # opens as the bot would


def test_guide_backup_writes_a_dated_copy_into_a_directory(
    env: dict[str, str], tmp_path: Path
) -> None:
    from bot.store import open_database

    open_database(tmp_path / "data" / "guide.db").table("flood").insert(
        {"platform": "telegram", "user_id": "1", "stamps": "[]", "noticed": 0}
    )
    here = {**env, "GUIDE_DATA_DIR": str(tmp_path / "data")}
    (tmp_path / "backups").mkdir()
    result = guide(here, "backup", str(tmp_path / "backups"))
    assert result.returncode == 0, result.stderr
    copy = Path(result.stdout.strip())
    assert copy.parent == tmp_path / "backups" and copy.name.startswith("guide-")
    assert open_database(copy).table("flood").count == 1
    missing = guide({**env, "GUIDE_DATA_DIR": str(tmp_path / "none")}, "backup", "x.db")
    assert missing.returncode == 1 and "no database" in missing.stderr
