#!/usr/bin/env python3
"""Set-up and run commands that work on a fresh machine with only Python installed.

    python3 tasks.py run     # venv + install + translations + migrate + demo data, serve http://127.0.0.1:5000
    python3 tasks.py test    # venv + install + translations, run the whole test suite (extra args go to pytest)
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = Path(os.environ.get("KUAJING_VENV", ROOT / ".venv"))
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / "python"


def sh(*args, env=None) -> None:
    """Run a command from the project root, failing loudly."""
    subprocess.run([str(a) for a in args], check=True, cwd=ROOT, env=env)  # noqa: S603


def ensure_env() -> None:
    """Create the virtual environment and install the project when pyproject.toml changed."""
    if not PY.exists():
        print("creating virtual environment in", VENV)
        venv.EnvBuilder(with_pip=True).create(VENV)
    stamp = VENV / ".kuajing-installed"
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if not stamp.exists() or stamp.read_text() != digest:
        sh(PY, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
        sh(PY, "-m", "pip", "install", "--quiet", "-e", ".[test]")
        stamp.write_text(digest)
    sh(PY, "-m", "babel.messages.frontend", "compile", "-d", "translations", "--statistics")


def flask(*args, env=None) -> None:
    """Run a Flask CLI command inside the venv."""
    sh(BIN / "flask", "--app", "wsgi", *args, env=env)


def run(argv: list[str]) -> None:
    """Migrate, load demo data and serve the site (development server, SQLite by default)."""
    ensure_env()
    env = dict(os.environ)
    env.setdefault("SECRET_KEY", "dev-only-" + hashlib.sha256(str(ROOT).encode()).hexdigest()[:32])
    flask("db", "upgrade", env=env)
    flask("seed-demo", env=env)
    port = env.get("PORT", "5000")
    print(f"\n  Kuajing is running at http://127.0.0.1:{port}/  (Ctrl+C to stop)\n")
    os.execve(str(BIN / "flask"), [str(BIN / "flask"), "--app", "wsgi", "run", "--host", "127.0.0.1",
                                    "--port", port, *argv], env)


def test(argv: list[str]) -> None:
    """Run the whole test suite."""
    ensure_env()
    result = subprocess.run([str(PY), "-m", "pytest", *argv], cwd=ROOT)  # noqa: S603
    sys.exit(result.returncode)


def main() -> None:
    """Dispatch ``run`` or ``test``."""
    commands = {"run": run, "test": test}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        print(__doc__)
        sys.exit(2)
    commands[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    main()
