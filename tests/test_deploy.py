"""deploy/: the systemd unit verifies, and the unit, Dockerfile, compose file and README agree
on the command, the health port and path, and the data directory."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"
UNIT = DEPLOY / "newcomer-guide.service"
DATA = "/var/lib/newcomer-guide"
PORT = "9108"
COMMAND = ["guide", "run"]


def _unit() -> dict[str, list[str]]:
    settings: dict[str, list[str]] = {}
    for line in UNIT.read_text(encoding="utf-8").splitlines():
        if "=" in line and not line.startswith("#"):
            key, value = line.split("=", 1)
            settings.setdefault(key, []).append(value)
    return settings


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="no systemd-analyze here")
def test_the_systemd_unit_verifies(tmp_path: Path) -> None:
    # verify insists that ExecStart's program exists: point it at a stand-in, nothing else.
    stand_in = tmp_path / "guide"
    stand_in.write_text("#!/bin/sh\n")
    stand_in.chmod(0o755)
    text = UNIT.read_text(encoding="utf-8")
    original = "ExecStart=/opt/newcomer-guide/.venv/bin/guide run"
    assert original in text
    copy = tmp_path / UNIT.name
    copy.write_text(text.replace(original, f"ExecStart={stand_in} run"))
    result = subprocess.run(
        ["systemd-analyze", "verify", str(copy)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert "newcomer-guide.service" not in result.stderr, result.stderr


def test_the_unit_runs_as_its_own_user_restarts_on_failure_and_reads_an_env_file() -> None:
    unit = _unit()
    assert unit["User"] == ["newcomer-guide"] and unit["Restart"] == ["on-failure"]
    assert unit["EnvironmentFile"] == ["/etc/newcomer-guide/env"]
    assert f"GUIDE_DATA_DIR={DATA}" in unit["Environment"]
    assert f"GUIDE_METRICS_PORT={PORT}" in unit["Environment"]
    assert unit["StateDirectory"] == [DATA.rsplit("/", 1)[1]]
    assert unit["ExecStart"] == ["/opt/newcomer-guide/.venv/bin/guide run"]


def test_dockerfile_compose_and_readme_name_the_same_command_port_and_data_path() -> None:
    dockerfile = (DEPLOY / "Dockerfile").read_text(encoding="utf-8")
    assert re.search(r"^FROM python:3\.11-slim$", dockerfile, re.M)
    assert "--require-hashes -r requirements/runtime.lock" in dockerfile
    assert "pip install --no-deps ." in dockerfile
    user = re.findall(r"^USER (\S+)$", dockerfile, re.M)
    assert user and user[-1] not in ("root", "0")
    assert f"GUIDE_DATA_DIR={DATA}" in dockerfile and f"GUIDE_METRICS_PORT={PORT}" in dockerfile
    assert f'VOLUME ["{DATA}"]' in dockerfile and f"EXPOSE {PORT}" in dockerfile
    assert f"http://127.0.0.1:{PORT}/healthz" in dockerfile.split("HEALTHCHECK", 1)[1]
    assert 'CMD ["guide", "run"]' in dockerfile

    compose = yaml.safe_load((DEPLOY / "compose.yaml").read_text(encoding="utf-8"))
    service = compose["services"]["guide"]
    assert service["command"] == COMMAND
    assert service["build"]["dockerfile"] == "deploy/Dockerfile"
    assert service["environment"]["GUIDE_DATA_DIR"] == DATA
    assert service["environment"]["GUIDE_METRICS_PORT"] == PORT
    assert any(volume.endswith(f":{DATA}") for volume in service["volumes"])
    assert any(port.endswith(f":{PORT}:{PORT}") for port in service["ports"])

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Running it for a community", 1)[1].split("\n## ", 1)[0]
    for needle in ("guide run", DATA, PORT, "/healthz", "deploy/Dockerfile", "compose.yaml"):
        assert needle in section, needle
    assert "not built in CI" in section


def test_the_health_path_is_the_one_the_bot_serves() -> None:
    source = (ROOT / "bot" / "ops" / "metrics.py").read_text(encoding="utf-8")
    assert 'add_get("/healthz"' in source and 'add_get("/metrics"' in source
