#!/usr/bin/env python3
"""Set-up and run commands that work on a fresh machine with only Python installed.

    python3 tasks.py run     # venv + install + translations + migrate + demo data, serve http://127.0.0.1:5000
    python3 tasks.py test    # venv + install + translations, run the whole test suite (extra args go to pytest)
    python3 tasks.py serve   # production: migrate, then gunicorn (WEB_CONCURRENCY workers) + the clearance worker
    python3 tasks.py lock    # re-resolve requirements.lock from pyproject.toml (uv), after changing dependencies
    python3 tasks.py lock-check  # fail when requirements.lock does not satisfy pyproject.toml
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
#: Exact versions of every dependency (runtime and test), resolved by ``tasks.py lock``.
LOCK = ROOT / "requirements.lock"


def sh(*args, env=None) -> None:
    """Run a command from the project root, failing loudly."""
    subprocess.run([str(a) for a in args], check=True, cwd=ROOT, env=env)  # noqa: S603


def ensure_env() -> None:
    """Create the virtual environment and install the project when pyproject.toml changed."""
    if not PY.exists():
        print("creating virtual environment in", VENV)
        venv.EnvBuilder(with_pip=True).create(VENV)
    stamp = VENV / ".kuajing-installed"
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + LOCK.read_bytes()).hexdigest()
    if not stamp.exists() or stamp.read_text() != digest:
        sh(PY, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
        # Exact versions from the lock file, then the project itself without re-resolving.
        sh(PY, "-m", "pip", "install", "--quiet", "-r", LOCK)
        sh(PY, "-m", "pip", "install", "--quiet", "--no-deps", "-e", ".")
        stamp.write_text(digest)
    sh(PY, "-m", "babel.messages.frontend", "compile", "-d", "translations", "--statistics")


def flask(*args, env=None) -> None:
    """Run a Flask CLI command inside the venv."""
    sh(BIN / "flask", "--app", "wsgi", *args, env=env)


def _free_port(preferred: int) -> int:
    """``preferred`` if it is free on the loopback interface, else any free port."""
    import socket

    for candidate in (preferred, 0):
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", candidate))
            except OSError:
                continue
            return s.getsockname()[1]
    raise RuntimeError("no free port")


def start_dev_stripe(env: dict, app_port: str) -> subprocess.Popen | None:
    """Without a real STRIPE_SECRET_KEY: run localstripe in the background, its webhooks to the app."""
    import json
    import time
    import urllib.request

    if env.get("STRIPE_SECRET_KEY"):
        return None
    port = _free_port(int(env.get("LOCALSTRIPE_PORT", "8420")))
    base = f"http://127.0.0.1:{port}"
    env["STRIPE_API_BASE"] = base
    env.pop("STRIPE_JS_URL", None)
    env.setdefault("STRIPE_WEBHOOK_SECRET", "whsec_localstripe_dev")
    proc = subprocess.Popen([str(PY), "-m", "storefront.payments.devstripe", "--port", str(port)], cwd=ROOT)  # noqa: S603
    deadline = time.monotonic() + 30
    while True:
        try:
            with urllib.request.urlopen(base + "/js.stripe.com/v3/", timeout=2):  # noqa: S310
                break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.terminate()
                raise SystemExit("localstripe did not start") from None
            time.sleep(0.1)
    hook = json.dumps({"url": f"http://127.0.0.1:{app_port}/webhooks/stripe",
                       "secret": env["STRIPE_WEBHOOK_SECRET"],
                       "events": ["payment_intent.succeeded", "payment_intent.payment_failed"]}).encode()
    request = urllib.request.Request(f"{base}/_config/webhooks/kuajing-dev", data=hook,  # noqa: S310
                                     headers={"Content-Type": "application/json"}, method="POST")
    urllib.request.urlopen(request, timeout=5).close()  # noqa: S310
    print(f"  fake Stripe (localstripe) at {base}  (test card 4242 4242 4242 4242)")
    return proc


def run(argv: list[str]) -> None:
    """Migrate, load demo data and serve the site (development server, SQLite by default)."""
    ensure_env()
    env = dict(os.environ)
    env.setdefault("SECRET_KEY", "dev-only-" + hashlib.sha256(str(ROOT).encode()).hexdigest()[:32])
    flask("db", "upgrade", env=env)
    flask("seed-demo", env=env)
    port = env.get("PORT", "5000")
    stripe_proc = start_dev_stripe(env, port)
    print(f"\n  Kuajing is running at http://127.0.0.1:{port}/  (Ctrl+C to stop)\n")
    command = [str(BIN / "flask"), "--app", "wsgi", "run", "--host", "127.0.0.1", "--port", port, *argv]
    if stripe_proc is None:
        os.execve(command[0], command, env)  # noqa: S606
    try:
        subprocess.run(command, cwd=ROOT, env=env)  # noqa: S603
    except KeyboardInterrupt:
        pass
    finally:
        stripe_proc.terminate()
        try:
            stripe_proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            stripe_proc.kill()


def test(argv: list[str]) -> None:
    """Run the whole test suite."""
    ensure_env()
    result = subprocess.run([str(PY), "-m", "pytest", *argv], cwd=ROOT)  # noqa: S603
    sys.exit(result.returncode)


def serve(argv: list[str]) -> None:
    """Production serving: migrations, gunicorn with gunicorn.conf.py, and the clearance worker beside it."""
    import signal

    ensure_env()
    env = dict(os.environ)
    if not env.get("SECRET_KEY"):
        sys.exit("serve: set SECRET_KEY (and DATABASE_URL for PostgreSQL) first; see docs/operations.md")
    flask("db", "upgrade", env=env)
    procs = [
        subprocess.Popen([str(BIN / "gunicorn"), "-c", "gunicorn.conf.py", "wsgi:app", *argv], cwd=ROOT, env=env),  # noqa: S603
        subprocess.Popen([str(BIN / "flask"), "--app", "wsgi", "clearance", "run"], cwd=ROOT, env=env),  # noqa: S603
    ]

    def stop(*_args):
        for proc in procs:
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    try:
        while all(proc.poll() is None for proc in procs):
            try:
                procs[0].wait(timeout=1)
            except subprocess.TimeoutExpired:
                pass
    finally:
        stop()
        for proc in procs:
            proc.wait(timeout=30)
    sys.exit(max(proc.returncode or 0 for proc in procs))


def lock(argv: list[str]) -> None:
    """Re-resolve requirements.lock from pyproject.toml (runtime + test extra) with uv."""
    ensure_env()
    sh(BIN / "uv", "pip", "compile", "pyproject.toml", "--extra", "test", "--python-version", "3.11",
       "--no-header", "-q", "-o", LOCK, *argv)


def lock_check(argv: list[str]) -> None:
    """Fail when requirements.lock misses a dependency of pyproject.toml or pins a version outside its range."""
    if Path(sys.prefix).resolve() != VENV.resolve():  # needs ``packaging`` from the venv
        ensure_env()
        os.execv(PY, [str(PY), __file__, "lock-check", *argv])  # noqa: S606
    import tomllib

    from packaging.requirements import Requirement

    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = [Requirement(r) for r in project["dependencies"] + project["optional-dependencies"]["test"]]
    pins = {}
    for line in LOCK.read_text().splitlines():
        if line and not line.startswith((" ", "#")):
            name, _, version = line.partition("==")
            pins[name.strip().lower().replace("_", "-")] = version.split(";")[0].strip()
    problems = []
    for req in wanted:
        name = req.name.lower().replace("_", "-")
        if name not in pins:
            problems.append(f"{req.name}: not in requirements.lock")
        elif not req.specifier.contains(pins[name], prereleases=True):
            problems.append(f"{req.name}: locked {pins[name]} is outside {req.specifier}")
    if problems:
        sys.exit("requirements.lock is out of date (run: python3 tasks.py lock)\n  " + "\n  ".join(problems))
    print(f"requirements.lock satisfies pyproject.toml ({len(wanted)} requirements, {len(pins)} pins)")


def main() -> None:
    """Dispatch a command."""
    commands = {"run": run, "test": test, "serve": serve, "lock": lock, "lock-check": lock_check}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        print(__doc__)
        sys.exit(2)
    commands[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    main()
