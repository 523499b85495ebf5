"""The `guide` command: run the bot, chat in the console, ask, and maintain the knowledge base."""

from __future__ import annotations

import argparse
import asyncio
import importlib
import json
import logging
import os
import signal
import sys
from collections.abc import Callable, Sequence
from datetime import date

os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

import contextlib

from rich.console import Console
from rich.progress import Progress, TaskID

from bot.maintenance.people import cmd_handoffs, cmd_mentors
from bot.settings import Settings

logger = logging.getLogger("guide")


def _logging(settings: Settings, quiet: bool = False) -> None:
    from bot.ops.logs import configure

    level = logging.WARNING if quiet else getattr(logging, settings.log_level.upper(), logging.INFO)
    configure(level, settings.log_format, settings.secrets)
    for noisy in ("httpx", "chromadb", "discord", "telegram", "httpcore", "apscheduler"):
        logging.getLogger(noisy).setLevel(max(level, logging.WARNING))


class _Bar:
    """A rich progress bar on stderr, drawn only when there is work to show."""

    def __init__(self, label: str):
        self.label = label
        self.bar: Progress | None = None
        self.task: TaskID | None = None

    def __call__(self, done: int, total: int) -> None:
        if self.bar is None:
            self.bar = Progress(transient=True, console=Console(stderr=True))
            self.bar.start()
            self.task = self.bar.add_task(self.label, total=total)
        assert self.task is not None
        self.bar.update(self.task, completed=done)
        if done >= total:
            self.bar.stop()


def _progress(label: str) -> Callable[[int, int], None]:
    return _Bar(label)


def cmd_ask(args: argparse.Namespace, settings: Settings) -> int:
    """Answer one question (or one per stdin line) as `guide ask --json` objects or text."""
    from bot.bootstrap import build

    app = build(settings)
    questions = [args.question] if args.question else (line.rstrip("\n") for line in sys.stdin)
    for question in questions:
        if not question.strip():
            continue
        answer = app.answering.answerer.answer(question)
        if args.json:
            print(json.dumps(answer.as_json(), ensure_ascii=False), flush=True)
        else:
            print(answer.text + "\n", flush=True)
    return 0


def cmd_chat(args: argparse.Namespace, settings: Settings) -> int:
    """An interactive console chat through the same engine as every platform."""
    return asyncio.run(_run(settings, console_only=True))


NO_TOKEN = (
    "guide run: no platform token is set and stdin is not a terminal, so there is nothing to run."
    " Set TELEGRAM_BOT_TOKEN and/or DISCORD_BOT_TOKEN (with TELEGRAM_MENTOR_CHAT_ID,"
    " DISCORD_MENTOR_CHANNEL_ID) in the environment or .env (see .env.example);"
    " for the console chat use `guide chat`."
)


def cmd_run(args: argparse.Namespace, settings: Settings) -> int:
    """Start every adapter with a token; the console chat when none is set and stdin is a tty.

    Holds the data directory's lock while it runs: a second instance exits at once.
    """
    from bot.ops.instance import AlreadyRunning, InstanceLock

    if not settings.platforms and not sys.stdin.isatty():
        print(NO_TOKEN, file=sys.stderr)
        return 2
    try:
        with InstanceLock(settings.data_dir):
            return asyncio.run(_run(settings, console_only=False))
    except AlreadyRunning as error:
        print(f"guide run: another instance is running: {error}", file=sys.stderr)
        return 1


async def _run(settings: Settings, *, console_only: bool) -> int:
    from bot.bootstrap import build
    from bot.ops.metrics import PrometheusMetrics, serve
    from bot.runtime import Runtime

    metrics = PrometheusMetrics() if settings.metrics_port else None
    app = build(settings, progress=_progress("Indexing the knowledge base"), metrics=metrics)
    app.answering.answerer.warm_up()
    runtime = Runtime(app.engine, decide_processes=settings.decide_processes)
    await runtime.start()
    ops = None
    dashboard, readers = None, None
    adapters = []
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(sig, stop.set)
    try:
        if metrics is not None:
            ops = await serve(runtime, metrics, settings.metrics_port)
        if settings.dashboard_port and not console_only:
            from bot.dashboard.server import serve as serve_dashboard

            dashboard, readers = await serve_dashboard(runtime)
        if not console_only:
            if "telegram" in settings.platforms:
                module = importlib.import_module("adapters.telegram")
                adapters.append(module.TelegramAdapter(settings, runtime))
            if "discord" in settings.platforms:
                module = importlib.import_module("adapters.discord")
                adapters.append(module.DiscordAdapter(settings, runtime))
        if not adapters:
            console = importlib.import_module("adapters.console")
            chat = asyncio.create_task(console.chat(runtime))
            stopper = asyncio.create_task(stop.wait())
            await asyncio.wait({chat, stopper}, return_when=asyncio.FIRST_COMPLETED)
            stopper.cancel()
            chat.cancel()
            return 0
        for adapter in adapters:
            await adapter.start()
        logger.info("running: %s", ", ".join(type(a).__name__ for a in adapters))
        await stop.wait()
        logger.info("shutting down")
        return 0
    finally:
        for adapter in reversed(adapters):
            try:
                await adapter.stop()
            except Exception:
                logger.exception("stopping %s failed", type(adapter).__name__)
        if ops is not None:
            await ops.stop()
        if dashboard is not None:
            await dashboard.stop()
        if readers is not None:
            readers.shutdown(wait=False)
        await runtime.stop()


def cmd_kb(args: argparse.Namespace, settings: Settings) -> int:
    """Knowledge-base maintenance: validate, stats, index, eval, calibrate, gaps, labels, drafts."""
    if args.kb_command == "validate":
        from bot.answering.validate import validate
        from bot.screens.glossary import GLOSSARY_FILE
        from bot.screens.glossary import validate as validate_glossary

        findings = validate(settings.knowledge_dir, max_age_days=settings.review_max_age_days)
        glossary = settings.knowledge_dir / GLOSSARY_FILE
        if glossary.exists():
            findings.extend(validate_glossary(glossary, settings.knowledge_dir))
        for finding in findings:
            print(finding)
        errors = [f for f in findings if f.level == "error"]
        warnings = len(findings) - len(errors)
        from bot.answering.knowledge import article_paths

        count = len(article_paths(settings.knowledge_dir))
        checked = f"{count} articles" + (" and the UI glossary" if glossary.exists() else "")
        print(f"{checked} checked: {len(errors)} errors, {warnings} warnings")
        return 1 if errors else 0
    if args.kb_command == "stats":
        return _kb_stats(settings)
    if args.kb_command == "index":
        from bot.answering.embedder import UniversalSentenceEncoder
        from bot.answering.index import ChromaIndex
        from bot.answering.service import Answering
        from bot.store import open_database

        db = open_database(settings.db_path)
        index = ChromaIndex(settings.chroma_dir, db, UniversalSentenceEncoder())
        answering = Answering(settings.knowledge_dir, index)
        report = answering.sync(rebuild=args.rebuild, progress=_progress("Embedding passages"))
        for label, ids in (
            ("added", report.added),
            ("updated", report.updated),
            ("removed", report.removed),
        ):
            for passage_id in ids:
                print(f"{label}: {passage_id}")
        print(
            f"index: {len(report.added)} added, {len(report.updated)} updated, "
            f"{len(report.removed)} removed, {report.unchanged} unchanged "
            f"({index.count()} passages)"
        )
        if report.out_of_scope_added or report.out_of_scope_removed:
            print(
                f"out-of-scope examples: {report.out_of_scope_added} added, "
                f"{report.out_of_scope_removed} removed"
            )
        if report.examples_added or report.examples_removed:
            print(
                f"labelled examples (the development sets): {report.examples_added} added, "
                f"{report.examples_removed} removed"
            )
        return 0
    if args.kb_command == "eval":
        from bot.answering.evaluation import run_cli

        return run_cli(settings, args)
    if args.kb_command == "calibrate":
        from bot.answering.evaluation import run_calibrate

        return run_calibrate(settings)
    if args.kb_command == "gaps":
        from bot.maintenance import gaps

        return gaps.run_cli(args, settings)
    if args.kb_command == "labels":
        from bot.maintenance import labels

        return labels.run_cli(args, settings)
    if args.kb_command == "drafts":
        from bot.maintenance import drafts

        return drafts.run_cli(args, settings)
    return 2


def _kb_stats(settings: Settings) -> int:
    from rich.console import Console
    from rich.table import Table

    from bot.answering.knowledge import LANGUAGES, load_articles
    from bot.maintenance.kbstats import summarize

    today = date.today()
    summary = summarize(load_articles(settings.knowledge_dir), today)
    table = Table(title=f"Knowledge base — {summary.total} articles")
    table.add_column("category")
    for language in LANGUAGES:
        table.add_column(language, justify="right")
    for category, counts in summary.counts.items():
        table.add_row(category, *(str(counts[language]) for language in LANGUAGES))
    table.add_row("total", *(str(summary.totals[lang]) for lang in LANGUAGES), style="bold")
    Console(width=100).print(table)
    oldest = summary.oldest_review
    print(f"{summary.sections} sections; oldest review: {oldest or '—'}; today: {today}")
    if summary.overdue:
        print(f"past their review date ({len(summary.overdue)}):")
        for article in summary.overdue:
            print(f"  {article.review_by}  {article.path.parent.name}/{article.path.name}")
    else:
        print("past their review date: none")
    _glossary_stats(settings)
    return 0


def _glossary_stats(settings: Settings) -> None:
    """One line on the UI glossary: labels per area (when the file is there and readable)."""
    from collections import Counter

    from bot.screens.glossary import AREAS, GLOSSARY_FILE, Glossary, GlossaryError

    path = settings.knowledge_dir / GLOSSARY_FILE
    if not path.exists():
        return
    try:
        glossary = Glossary.load(path)
    except GlossaryError as exc:
        print(f"UI glossary: unreadable ({exc}); run `guide kb validate`")
        return
    areas = Counter(entry.area for entry in glossary.entries)
    by_area = ", ".join(f"{area} {areas[area]}" for area in AREAS if areas[area])
    print(f"UI glossary: {len(glossary)} labels ({by_area})")


def cmd_backup(args: argparse.Namespace, settings: Settings) -> int:
    """Copy the database consistently while the bot runs (the index is rebuilt, not copied)."""
    from pathlib import Path

    from bot.store.backup import BackupError, backup

    try:
        written = backup(settings.db_path, Path(args.path))
    except (BackupError, OSError) as error:
        print(f"guide backup: {error}", file=sys.stderr)
        return 1
    print(written)
    return 0


def cmd_discord(args: argparse.Namespace, settings: Settings) -> int:
    """Discord maintenance: `sync` forces the slash commands up to Discord."""
    if "discord" not in settings.platforms:
        print("guide discord sync: DISCORD_BOT_TOKEN is not set", file=sys.stderr)
        return 2
    module = importlib.import_module("adapters.discord.adapter")
    asyncio.run(module.sync_commands(settings))
    where = " ".join(settings.discord_guild_ids) or "every guild (global commands)"
    print(f"slash commands synced: {where}")
    return 0


def cmd_stats(args: argparse.Namespace, settings: Settings) -> int:
    """Usage per day, platform and language: questions, outcomes, feedback, handoffs."""
    from bot.maintenance.stats import run_cli

    return run_cli(args, settings)


def parser() -> argparse.ArgumentParser:
    """The command line, documented in the README (a test keeps the two in step)."""
    main = argparse.ArgumentParser(prog="guide", description=__doc__)
    sub = main.add_subparsers(dest="command", required=True)
    sub.add_parser("run", help="start the bot on every configured platform (console if none)")
    sub.add_parser("chat", help="chat with the bot in this terminal")
    ask = sub.add_parser("ask", help="answer a question, or one per line of stdin")
    ask.add_argument("question", nargs="?", help="the question (omit to read stdin)")
    ask.add_argument("--json", action="store_true", help="print one JSON object per question")
    kb = sub.add_parser("kb", help="maintain the knowledge base")
    kb_sub = kb.add_subparsers(dest="kb_command", required=True)
    kb_sub.add_parser("validate", help="check every article")
    kb_sub.add_parser(
        "stats", help="articles per category and language; those past their review_by date"
    )
    index = kb_sub.add_parser("index", help="update the search index (incremental)")
    index.add_argument("--rebuild", action="store_true", help="start the index over")
    evaluate = kb_sub.add_parser("eval", help="run the evaluation set through the chat path")
    evaluate.add_argument(
        "--failures",
        type=int,
        nargs="?",
        const=-1,
        default=None,
        help=(
            "list failures (N of each tuned set; all without N; development sets always;"
            " blind sets only with it)"
        ),
    )
    evaluate.add_argument("--json", action="store_true", help="print the metrics as JSON")
    kb_sub.add_parser(
        "calibrate", help="fit the answer confidence on the evaluation set (calibration.json)"
    )
    gaps = kb_sub.add_parser("gaps", help="questions the bot failed lately, clustered")
    gaps.add_argument("--since", help="YYYY-MM-DD (default: 30 days ago)")
    gaps.add_argument("--threshold", type=float, default=0.6, help="cosine to join a cluster")
    gaps_format = gaps.add_mutually_exclusive_group()
    gaps_format.add_argument("--json", action="store_true")
    gaps_format.add_argument("--markdown", action="store_true", help="for a GitHub issue")
    labels = kb_sub.add_parser(
        "labels", help="labels read on screenshots that the UI glossary lacks, most seen first"
    )
    labels.add_argument("--since", help="YYYY-MM-DD (default: 30 days ago)")
    labels.add_argument("--json", action="store_true")
    kb_sub.add_parser("drafts", help="drafts made from mentor answers, waiting for review")
    handoffs = sub.add_parser("handoffs", help="list open and recent handoffs")
    handoffs.add_argument("--days", type=int, default=7)
    handoffs.add_argument("--limit", type=int, default=50)
    handoffs.add_argument("--json", action="store_true")
    mentors = sub.add_parser("mentors", help="mentors per platform, their shifts and handoffs")
    mentors.add_argument("--json", action="store_true")
    discord = sub.add_parser("discord", help="Discord maintenance")
    discord_sub = discord.add_subparsers(dest="discord_command", required=True)
    discord_sub.add_parser(
        "sync", help="sync the slash commands now (the bot syncs only when they changed)"
    )
    backup = sub.add_parser("backup", help="copy the database safely while the bot runs")
    backup.add_argument("path", help="the file to write, or a directory for a dated file")
    stats = sub.add_parser("stats", help="usage per day, platform and language")
    stats.add_argument("--days", type=int, default=7)
    stats.add_argument("--json", action="store_true")
    return main


COMMANDS = {
    "run": cmd_run,
    "chat": cmd_chat,
    "ask": cmd_ask,
    "kb": cmd_kb,
    "handoffs": cmd_handoffs,
    "mentors": cmd_mentors,
    "stats": cmd_stats,
    "backup": cmd_backup,
    "discord": cmd_discord,
}


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    settings = Settings()
    quiet = args.command in ("ask",) or (args.command == "kb" and args.kb_command != "index")
    _logging(settings, quiet=quiet)
    from bot.answering.embedder import ModelIntegrityError

    try:
        return COMMANDS[args.command](args, settings)
    except ModelIntegrityError as error:
        print(f"guide: {error}", file=sys.stderr)
        return 3


if __name__ == "__main__":
    sys.exit(main())
