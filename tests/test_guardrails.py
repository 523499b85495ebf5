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
