#!/usr/bin/env python3
"""Set-up and run commands that work on a fresh machine with only Python installed.

python3 tasks.py run     # venv + install + translations + migrate + demo data (empty database only),
                         # serve http://127.0.0.1:5000 with localstripe, the clearance and mail workers
                         # (--reset-demo: re-apply the demo; refused when real orders exist)
python3 tasks.py test    # venv + install + translations, run the whole test suite (extra args go to pytest)
python3 tasks.py audit   # pip-audit of the venv: fails on known vulnerabilities that have a fix
python3 tasks.py serve   # production: migrate, gunicorn (WEB_CONCURRENCY workers), search follower, clearance,
                         # mail and webhook workers
python3 tasks.py lock    # re-resolve requirements.lock from pyproject.toml (uv), after changing dependencies
python3 tasks.py lock-check  # fail when requirements.lock does not satisfy pyproject.toml
"""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
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
        sh(PY, "-m", "pip", "install", "--quiet", "--upgrade", "pip", "setuptools")
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


def start_dev_stripe(env: dict, app_port: str, supervisor: Supervisor) -> subprocess.Popen | None:
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
    proc = supervisor.start("localstripe", [PY, "-m", "storefront.payments.devstripe", "--port", str(port)])
    deadline = time.monotonic() + 30
    while True:
        try:
            with urllib.request.urlopen(base + "/js.stripe.com/v3/", timeout=2):  # noqa: S310
                break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                supervisor.stop_all()
                raise SystemExit("localstripe did not start") from None
            time.sleep(0.1)
    hook = json.dumps(
        {
            "url": f"http://127.0.0.1:{app_port}/webhooks/stripe",
            "secret": env["STRIPE_WEBHOOK_SECRET"],
            "events": ["payment_intent.succeeded", "payment_intent.payment_failed"],
        }
    ).encode()
    request = urllib.request.Request(  # noqa: S310 - http to the local fake Stripe only
        f"{base}/_config/webhooks/kuajing-dev",
        data=hook,
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    urllib.request.urlopen(request, timeout=5).close()  # noqa: S310
    print(f"  fake Stripe (localstripe) at {base}  (test card 4242 4242 4242 4242)")
    return proc


class Supervisor:
    """Processes run side by side: when one ends, or on Ctrl+C / SIGTERM, all are stopped (SIGTERM, then
    SIGKILL after ``grace`` seconds) and reaped, so no orphan keeps a port or a lock. Each runs in its own
    process group, so what it started itself (e.g. the reloader's child of ``flask run --debug``) goes too."""

    def __init__(self, grace: float = 10.0):
        self.grace = grace
        self.procs: list[tuple[str, subprocess.Popen]] = []
        self.signalled = False

    def start(self, name: str, command: list, env: dict | None = None) -> subprocess.Popen:
        """Start one supervised process from the project root, in a new process group."""
        group = {"start_new_session": True} if os.name == "posix" else {}
        proc = subprocess.Popen([str(c) for c in command], cwd=ROOT, env=env, **group)  # noqa: S603
        self.procs.append((name, proc))
        return proc

    def _on_signal(self, *_args) -> None:
        self.signalled = True

    @staticmethod
    def _signal(proc: subprocess.Popen, sig: int) -> None:
        """Send ``sig`` to the process's group (POSIX) or the process."""
        try:
            if os.name == "posix":
                os.killpg(proc.pid, sig)
            elif proc.poll() is None:
                proc.send_signal(sig)
        except (ProcessLookupError, PermissionError):
            pass

    def stop_all(self) -> None:
        """SIGTERM every process group, SIGKILL what is left after the grace period, reap them all."""
        for _name, proc in self.procs:
            self._signal(proc, signal.SIGTERM)
        deadline = time.monotonic() + self.grace
        for _name, proc in self.procs:
            try:
                proc.wait(timeout=max(0.0, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                pass
        for _name, proc in self.procs:  # group members that outlived SIGTERM, leaders included
            self._signal(proc, getattr(signal, "SIGKILL", signal.SIGTERM))
            proc.wait()

    def wait(self) -> int:
        """Block until a process ends or a signal arrives, then stop the rest; the first one's exit status."""
        previous = {sig: signal.signal(sig, self._on_signal) for sig in (signal.SIGINT, signal.SIGTERM)}
        ended = None
        try:
            while not self.signalled and ended is None:
                try:
                    self.procs[0][1].wait(timeout=0.5)
                except subprocess.TimeoutExpired:
                    pass
                ended = next((proc for _name, proc in self.procs if proc.poll() is not None), None)
        finally:
            self.stop_all()
            for sig, handler in previous.items():
                signal.signal(sig, handler)
        if self.signalled or ended is None:
            return 0
        name = next(name for name, proc in self.procs if proc is ended)
        print(f"{name} stopped (exit status {ended.returncode}): stopped the others", file=sys.stderr)
        return abs(ended.returncode) or 1


def run(argv: list[str]) -> None:
    """Migrate, seed an empty database with the demo, serve the site with every worker it needs.

    ``--reset-demo`` re-applies the demo data over an existing database (refused when real orders exist)."""
    ensure_env()
    reset = "--reset-demo" in argv
    argv = [a for a in argv if a != "--reset-demo"]
    env = dict(os.environ)
    env.setdefault("SECRET_KEY", "dev-only-" + hashlib.sha256(str(ROOT).encode()).hexdigest()[:32])
    flask("db", "upgrade", env=env)
    flask("seed-demo", *(["--reset-demo"] if reset else []), env=env)
    port = env.get("PORT", "5000")
    env.setdefault("PUBLIC_BASE_URL", f"http://127.0.0.1:{port}")
    supervisor = Supervisor()
    start_dev_stripe(env, port, supervisor)
    web = [BIN / "flask", "--app", "wsgi", "run", "--host", "127.0.0.1", "--port", port, *argv]
    supervisor.start("web", web, env)
    supervisor.start("clearance worker", [BIN / "flask", "--app", "wsgi", "clearance", "run"], env)
    supervisor.start("mail worker", [BIN / "flask", "--app", "wsgi", "mail", "run"], env)
    supervisor.start("webhook worker", [BIN / "flask", "--app", "wsgi", "webhooks", "run"], env)
    print(f"\n  Kuajing is running at http://127.0.0.1:{port}/  (Ctrl+C stops the server and its workers)\n")
    sys.exit(supervisor.wait())


def test(argv: list[str]) -> None:
    """Run the whole test suite."""
    ensure_env()
    env = dict(os.environ)
    # Compiled modules are kept (``__pycache__``, ignored by git) even where the shell sets
    # PYTHONDONTWRITEBYTECODE: otherwise every test process (xdist controller and workers, the app processes
    # some tests start) compiles the project from source and pytest rewrites every test module's asserts
    # again: ≈ 6 CPU-s per process (docs/testing.md).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    result = subprocess.run([str(PY), "-m", "pytest", *argv], cwd=ROOT, env=env)  # noqa: S603
    sys.exit(result.returncode)


def audit_verdict(report: dict, strict: bool = False) -> tuple[int, list[str]]:
    """Exit status and lines for a ``pip-audit --format json`` report: 1 when a vulnerability has a fixed
    version, else 0; vulnerabilities without a fix are listed, not fatal. Packages that could not be checked
    are listed; when none could be checked at all the status is 1 only with ``strict`` (AUDIT_STRICT=1)."""
    deps = report.get("dependencies", [])
    audited = [d for d in deps if "skip_reason" not in d]
    lines, status = [f"audit: {len(audited)} of {len(deps)} installed packages checked"], 0
    for dep in audited:
        for vuln in dep.get("vulns", []):
            fixes = ", ".join(vuln.get("fix_versions") or []) or "-"
            label = "VULNERABLE, upgrade" if vuln.get("fix_versions") else "known, no fix yet"
            lines.append(f"  {label}: {dep['name']} {dep['version']}: {vuln['id']} (fixed in {fixes})")
            status = 1 if vuln.get("fix_versions") else status
    for dep in deps:
        if "skip_reason" in dep:
            lines.append(f"  not checked: {dep['name']}: {dep['skip_reason']}")
    if not audited:
        lines.append("audit: nothing could be checked (is the vulnerability service reachable?)")
        status = 1 if strict else status
    return status, lines


def fill_from_project_pages(report: dict, fetch) -> dict:
    """Check packages pip-audit skipped against PyPI's project JSON, whose ``vulnerabilities`` are those of the
    project's latest release: exact when the installed version is the latest (a fresh lock installs the latest
    versions), and left as "not checked" otherwise. ``fetch(name)`` returns the parsed page or None."""
    for dep in report.get("dependencies", []):
        if "skip_reason" not in dep or "version" not in dep and "(" not in dep["skip_reason"]:
            continue
        version = dep.get("version") or dep["skip_reason"].rsplit("(", 1)[-1].rstrip(")")
        page = fetch(dep["name"])
        if page is None:
            continue
        latest = page.get("info", {}).get("version")
        if latest != version:
            dep["skip_reason"] = f"installed {version}, latest {latest}: no per-version data from the index here"
            continue
        dep.pop("skip_reason")
        dep["version"] = version
        dep["vulns"] = [
            {"id": v.get("id", "?"), "fix_versions": v.get("fixed_in") or []}
            for v in page.get("vulnerabilities", [])
            if not v.get("withdrawn")
        ]
    return report


def _pypi_project(name: str) -> dict | None:
    """PyPI's JSON page of a project, or None when it cannot be had."""
    import json
    import urllib.request

    try:
        with urllib.request.urlopen(f"https://pypi.org/pypi/{name}/json", timeout=20) as response:  # noqa: S310
            return json.load(response)
    except (OSError, ValueError):
        return None


def audit(argv: list[str]) -> None:
    """pip-audit of the packages installed in the venv (:func:`audit_verdict`); extra args go to pip-audit."""
    import json

    ensure_env()
    command = [str(BIN / "pip-audit"), "--local", "--skip-editable", "--format", "json", "--progress-spinner"]
    command += ["off", *argv]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)  # noqa: S603
    try:
        report = json.loads(result.stdout)
    except ValueError:
        sys.exit(f"audit: pip-audit failed (exit {result.returncode}):\n{result.stderr[-2000:]}")
    status, lines = audit_verdict(
        fill_from_project_pages(report, _pypi_project), strict=os.environ.get("AUDIT_STRICT") == "1"
    )
    print("\n".join(lines))
    sys.exit(status)


def serve(argv: list[str]) -> None:
    """Production serving: migrations, gunicorn with gunicorn.conf.py, and the workers beside it."""
    ensure_env()
    env = dict(os.environ)
    if not env.get("SECRET_KEY"):
        sys.exit("serve: set SECRET_KEY (and DATABASE_URL for PostgreSQL) first; see docs/operations.md")
    if not env.get("PUBLIC_BASE_URL"):
        sys.exit("serve: set PUBLIC_BASE_URL (the public address; other hosts get 400); see docs/security.md")
    flask("db", "upgrade", env=env)
    # The search follower keeps this node's indexes current from the index events (building them on a new
    # node); with SEARCH_INDEX_WRITES=follower the web and worker processes leave index writes to it
    # (docs/search.md).
    env.setdefault("SEARCH_INDEX_WRITES", "follower")
    supervisor = Supervisor(grace=30)
    supervisor.start("gunicorn", [BIN / "gunicorn", "-c", "gunicorn.conf.py", "wsgi:app", *argv], env)
    supervisor.start("search follower", [BIN / "flask", "--app", "wsgi", "search", "follow"], env)
    supervisor.start("clearance worker", [BIN / "flask", "--app", "wsgi", "clearance", "run"], env)
    supervisor.start("mail worker", [BIN / "flask", "--app", "wsgi", "mail", "run"], env)
    supervisor.start("webhook worker", [BIN / "flask", "--app", "wsgi", "webhooks", "run"], env)
    sys.exit(supervisor.wait())


def lock(argv: list[str]) -> None:
    """Re-resolve requirements.lock from pyproject.toml (runtime + test extra) with uv."""
    ensure_env()
    sh(
        BIN / "uv",
        "pip",
        "compile",
        "pyproject.toml",
        "--extra",
        "test",
        "--python-version",
        "3.11",
        "--no-header",
        "-q",
        "-o",
        LOCK,
        *argv,
    )


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
    commands = {"run": run, "test": test, "serve": serve, "audit": audit, "lock": lock, "lock-check": lock_check}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        print(__doc__)
        sys.exit(2)
    commands[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    main()
