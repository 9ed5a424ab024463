"""`tasks.py run` starts the web server and every worker the app needs under one supervisor (whose stopping of
all processes together is tested in test_security_seeding)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import tasks  # noqa: E402


class RecordingSupervisor:
    """Stands in for tasks.Supervisor: remembers what would be started, starts nothing."""

    instances: list[RecordingSupervisor] = []

    def __init__(self, grace: float = 10.0):
        self.started: list[tuple[str, list[str]]] = []
        self.stopped = False
        RecordingSupervisor.instances.append(self)

    def start(self, name, command, env=None):
        self.started.append((name, [str(c) for c in command]))

    def wait(self) -> int:
        return 0

    def stop_all(self) -> None:
        self.stopped = True


@pytest.mark.parametrize("command", ["run", "serve"])
def test_run_and_serve_start_the_clearance_worker_under_the_same_supervisor(monkeypatch, command):
    RecordingSupervisor.instances.clear()
    monkeypatch.setattr(tasks, "Supervisor", RecordingSupervisor)
    monkeypatch.setattr(tasks, "ensure_env", lambda: None)
    monkeypatch.setattr(tasks, "flask", lambda *args, env=None: None)
    monkeypatch.setattr(tasks, "start_dev_stripe", lambda env, port, supervisor: None)
    monkeypatch.setenv("SECRET_KEY", "x" * 32)
    monkeypatch.setenv("PUBLIC_BASE_URL", "http://127.0.0.1:5000")
    with pytest.raises(SystemExit) as ended:
        getattr(tasks, command)([])
    assert ended.value.code == 0
    [supervisor] = RecordingSupervisor.instances  # one supervisor: stopping it stops every process
    names = [name for name, _command in supervisor.started]
    assert names[0] in ("web", "gunicorn")
    workers = {name: cmd for name, cmd in supervisor.started if name.endswith("worker")}
    assert workers["clearance worker"][-2:] == ["clearance", "run"]
    assert workers["webhook worker"][-2:] == ["webhooks", "run"]  # every worker the app needs
