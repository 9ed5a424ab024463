"""One Kuajing app node in its own process: a real HTTP server on an ephemeral port (for the multi-node test)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

#: Runs in the child: build the app from the environment, serve it, report the port on stdout.
_SERVE = """
from werkzeug.serving import make_server
from storefront.app import create_app
from storefront.search import events
app = create_app()
with app.app_context():
    events.rebuild()  # what deploying a node runs: `flask search reindex`
server = make_server("127.0.0.1", 0, app, threaded=True)
print(server.server_port, flush=True)
server.serve_forever()
"""


class Node:
    """An app process configured by environment variables, as a deployment would be."""

    def __init__(self, name: str, env: dict[str, str]):
        self.name = name
        self.log = Path(env["DATA_DIR"]) / "node.log"
        Path(env["DATA_DIR"]).mkdir(parents=True, exist_ok=True)
        with self.log.open("w") as log:
            self.proc = subprocess.Popen(  # noqa: S603
                [sys.executable, "-c", _SERVE],
                cwd=ROOT,
                env={**os.environ, **env, "PYTHONPATH": str(ROOT)},
                stdout=subprocess.PIPE,
                stderr=log,
                text=True,
            )
        line = self.proc.stdout.readline()  # blocks until the server listens (or the process dies)
        if not line.strip().isdigit():
            self.stop()
            raise RuntimeError(f"node {name} did not start: {self.log.read_text(errors='replace')[-2000:]}")
        self.url = f"http://127.0.0.1:{int(line)}"

    def stop(self) -> None:
        """Stop the process."""
        self.proc.terminate()
        self.proc.wait(timeout=20)
        self.proc.stdout.close()
