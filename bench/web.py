#!/usr/bin/env python3
"""Web benchmark: Kuajing's real pages against a bare Flask "hello" ceiling, same gunicorn settings, same load.

    .venv/bin/python bench/web.py                    # 20,000 products on SQLite, 10 s per page
    .venv/bin/python bench/web.py --products 5000 --duration 5
    DATABASE_URL=postgresql://... .venv/bin/python bench/web.py   # the same against PostgreSQL

Seeds a catalogue of N products in its own data directory (reused when already seeded), starts gunicorn with
2 workers for each app, loads them with wrk (installed with apt-get when missing) at 16 connections, and prints
requests/s, p50/p99 latency, non-2xx count and each page's ratio to the ceiling measured in the same run.
Then a mixed run: browsing while a writer updates prices and stock and checkouts run — it counts 5xx and
"database is locked" errors.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
VENV_BIN = Path(sys.executable).parent

#: page: ((min ratio, max p99 ms) with the page cache, (min ratio, max p99 ms) without it); None: no target.
TARGETS = {
    "home": ((0.30, 60), (0.10, 100)),
    "cluster listing": ((0.30, 60), (0.10, 100)),
    "listing page 10": ((0.20, None), (0.10, 100)),
    "product page": ((0.30, 60), (0.10, 100)),
    "search ru": ((0.20, 150), (0.05, 100)),
    "search ko": ((0.20, 150), (0.05, 100)),
    "search zh": ((0.20, 150), (0.05, 100)),
    "products API": ((0.25, 60), (None, None)),
}


def ensure_wrk() -> str:
    """Path of wrk, installing the Debian package when missing."""
    path = shutil.which("wrk")
    if path:
        return path
    print("installing wrk (apt-get)…", flush=True)
    subprocess.run(["apt-get", "update", "-qq"], check=False)
    subprocess.run(
        ["apt-get", "install", "-y", "-qq", "wrk"], check=True, env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    )
    return shutil.which("wrk") or sys.exit("wrk is not available")


def free_port() -> int:
    """An ephemeral loopback port."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def flask(env: dict, *args: str) -> None:
    """Run a Flask CLI command for the benchmark's data directory."""
    subprocess.run(
        [str(VENV_BIN / "flask"), "--app", "wsgi", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL
    )


def seed(env: dict, products: int) -> None:
    """Migrate, load the demo data, grow to N products and rebuild the search index (skipped when done)."""
    marker = Path(env["DATA_DIR"]) / f"bench-seeded-{products}"
    if marker.exists() and "DATABASE_URL" not in os.environ:
        print(f"reusing the seeded catalogue in {env['DATA_DIR']}")
        flask(env, "db", "upgrade")  # a catalogue seeded by an older checkout gets the newer tables
        return
    started = time.perf_counter()
    flask(env, "db", "upgrade")
    flask(env, "seed-demo")
    code = (
        "from storefront.app import create_app; from bench.catalog_gen import grow_catalog;"
        f"app = create_app();\nwith app.app_context(): print(grow_catalog({products}))"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, check=True)
    flask(env, "search", "reindex")
    marker.write_text("ok")
    print(f"seeded {products} products in {time.perf_counter() - started:.0f} s")


class Server:
    """gunicorn with the production settings file, on an ephemeral port."""

    def __init__(self, app: str, env: dict, log: Path, follower: bool = False):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = log
        env = {
            **env,
            "BIND": f"127.0.0.1:{self.port}",
            "WEB_CONCURRENCY": env.get("WEB_CONCURRENCY", "2"),
            "GUNICORN_ERROR_LOG": str(log),
        }
        self.proc = subprocess.Popen(
            [str(VENV_BIN / "gunicorn"), "-c", str(ROOT / "gunicorn.conf.py"), app],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.follower = None
        if follower:
            self.follower = subprocess.Popen(
                [str(VENV_BIN / "flask"), "--app", "wsgi", "search", "follow"],
                cwd=ROOT,
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                start_new_session=True,
            )

    def wait(self, path: str = "/") -> Server:
        """Block until the server answers (at most 60 s)."""
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                with urllib.request.urlopen(self.url + path, timeout=5) as r:  # noqa: S310
                    if r.status < 500:
                        return self
            except OSError:
                time.sleep(0.2)
        raise SystemExit(f"server on {self.url} did not start; see {self.log}")

    def stop(self) -> None:
        """Stop gunicorn and its workers (and the search follower)."""
        for proc in (self.proc, self.follower):
            if proc is not None:
                os.killpg(proc.pid, signal.SIGTERM)
                proc.wait(timeout=30)


def wrk(binary: str, url: str, duration: int, connections: int, script: str | None = None) -> dict:
    """Run wrk and parse requests/s, p50/p99 latency (ms) and the non-2xx count."""
    cmd = [binary, "-t2", f"-c{connections}", f"-d{duration}s", "--latency", "--timeout", "10s"]
    if script:
        cmd += ["-s", script]
    out = subprocess.run([*cmd, url], capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))

    def pct(p: str) -> float:
        m = re.search(rf"\s{p}%\s+([\d.]+)(us|ms|s)\b", out)
        value, unit = float(m.group(1)), m.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    errors = re.search(r"Socket errors:.*", out)
    return {
        "rps": rps,
        "p50": pct("50"),
        "p99": pct("99"),
        "non2xx": int(non2xx.group(1)) if non2xx else 0,
        "socket_errors": errors.group(0) if errors else "",
    }


def warm(url: str, workers: int) -> None:
    """Concurrent blocking requests so that each worker has paid its first-request costs before wrk starts
    (on a busy machine a worker's first search can outlast wrk's timeout)."""
    from concurrent.futures import ThreadPoolExecutor

    def get(_n: int) -> None:
        with urllib.request.urlopen(url, timeout=300) as r:  # noqa: S310
            r.read()

    with ThreadPoolExecutor(max_workers=2 * workers) as pool:
        list(pool.map(get, range(4 * workers)))


def pages(base: str) -> dict[str, str]:
    """The URLs measured, found from the API so that they exist in this catalogue."""
    with urllib.request.urlopen(base + "/api/v1/products?lang=ru&per_page=1", timeout=10) as r:  # noqa: S310
        pid = json.load(r)["items"][0]["id"]
    return {
        "home": "/ru/",
        "cluster listing": "/ru/c/swimwear/",
        "listing page 10": "/ru/c/swimwear/?page=10",
        "product page": f"/ru/p/{pid}",
        "search ru": "/ru/search?q=%D0%BA%D1%83%D0%BF%D0%B0%D0%BB%D1%8C%D0%BD%D0%B8%D0%BA",
        "search ko": "/ko/search?q=%EC%88%98%EC%98%81%EB%B3%B5",
        "search zh": "/zh/search?q=%E9%95%81%E7%A0%82",
        "products API": "/api/v1/products?lang=ru&page=3",
    }


def _verdict(r: dict, ceiling: dict, target: tuple) -> str:
    min_ratio, max_p99 = target
    if min_ratio is None:
        return "-"
    ok = r["rps"] / ceiling["rps"] >= min_ratio and (max_p99 is None or r["p99"] <= max_p99) and r["non2xx"] == 0
    return f"≥{min_ratio:.2f}" + (f"/{max_p99}ms" if max_p99 else "") + (" met" if ok else " NOT met")


def print_table(ceiling: dict, cached: dict[str, dict], uncached: dict[str, dict]) -> None:
    """Cached and uncached figures side by side, as ratios to the ceiling, with the targets."""
    print(
        f"\nceiling (hello): {ceiling['rps']:.0f} req/s, p50 {ceiling['p50']:.1f} ms, p99 {ceiling['p99']:.1f} ms; "
        f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}"
    )
    head = f"{'req/s':>7}{'ratio':>7}{'p50':>7}{'p99':>7}{'err':>5}  {'target':<17}"
    print(f"\n{'page':<17}| {'page cache on':^49}| {'page cache off (PAGE_CACHE_SIZE=0)':^49}")
    print(f"{'':<17}| {head}| {head}")
    for name in [n for n in TARGETS if n in cached or n in uncached]:
        cells = []
        for results, target in ((cached, TARGETS[name][0]), (uncached, TARGETS[name][1])):
            r = results.get(name)
            if r is None:
                cells.append(f"{'':49}")
                continue
            cells.append(
                f"{r['rps']:>7.0f}{r['rps'] / ceiling['rps']:>7.3f}{r['p50']:>7.1f}{r['p99']:>7.1f}"
                f"{r['non2xx']:>5}  {_verdict(r, ceiling, target):<17}"
            )
        print(f"{name:<17}| {cells[0]}| {cells[1]}")


def mixed(binary: str, server: Server, env: dict, urls: dict[str, str], duration: int, connections: int) -> None:
    """Browsing under load while a writer changes prices/stock and places orders; count errors."""
    script = Path(tempfile.mkstemp(suffix=".lua")[1])
    paths = ", ".join(json.dumps(u) for u in urls.values())
    script.write_text(
        "local paths = {" + paths + "}\nlocal i = 0\n"
        "request = function()\n  i = i + 1\n  return wrk.format('GET', paths[(i % #paths) + 1])\nend\n"
    )
    writer = subprocess.Popen(
        [sys.executable, str(ROOT / "bench" / "writer.py"), "--seconds", str(duration), "--base-url", server.url],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    result = wrk(binary, server.url, duration, connections, str(script))
    out, _ = writer.communicate(timeout=duration + 120)
    stats = json.loads(out.strip().splitlines()[-1])
    locked = server.log.read_text(errors="replace").count("database is locked")
    print(f"\nmixed load ({duration} s, {connections} connections browsing + 1 writer):")
    print(f"  browsing: {result['rps']:.0f} req/s, p99 {result['p99']:.1f} ms, non-2xx {result['non2xx']}")
    print(
        f"  writer: {stats['price_updates']} price/stock updates, {stats['orders']} checkouts placed, "
        f"{stats['sold_out']} refused for stock, {stats['errors']} errors"
    )
    print(f"  'database is locked' in server log: {locked}; 5xx seen by the writer: {stats['http_5xx']}")
    total = result["non2xx"] + stats["errors"] + locked + stats["http_5xx"]
    print(f"  mixed load errors: {total} ({'target met' if total == 0 else 'target NOT met'})")


def main() -> None:
    """Seed, serve, load, print."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--products", type=int, default=20_000)
    parser.add_argument("--duration", type=int, default=10, help="seconds of load per page")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--data-dir", default=None)
    parser.add_argument("--skip-mixed", action="store_true")
    parser.add_argument("--uncached-only", action="store_true", help="only the PAGE_CACHE_SIZE=0 run")
    parser.add_argument("--page", action="append", help="only these pages (by name; repeatable)")
    args = parser.parse_args()

    binary = ensure_wrk()
    backend = "postgresql" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "sqlite"
    data_dir = Path(args.data_dir or Path(tempfile.gettempdir()) / f"kuajing-bench-{backend}-{args.products}")
    data_dir.mkdir(parents=True, exist_ok=True)
    env = {
        **os.environ,
        "DATA_DIR": str(data_dir),
        "SECRET_KEY": "bench-secret-key",
        "WEB_CONCURRENCY": str(args.workers),
        "RATELIMIT_ENABLED": "0",
        "PYTHONPATH": str(ROOT),
    }
    print(
        f"backend: {backend}; data: {data_dir}; {args.products} products; {args.workers} workers; "
        f"{args.connections} connections; {args.duration} s per page"
    )
    seed(env, args.products)

    hello = Server("bench.hello_app:app", env, data_dir / "hello.log").wait()
    try:
        wrk(binary, hello.url + "/", 2, args.connections)  # warm-up
        ceiling = wrk(binary, hello.url + "/", args.duration, args.connections)
    finally:
        hello.stop()

    measured = {}
    for mode, cache_size in (("cached", env.get("PAGE_CACHE_SIZE", "512")), ("uncached", "0")):
        if mode == "cached" and args.uncached_only:
            measured[mode] = {}
            continue
        # as `tasks.py serve` runs it: a search follower writes the indexes, the web workers never do
        shop_env = {**env, "PAGE_CACHE_SIZE": cache_size, "SEARCH_INDEX_WRITES": "follower"}
        shop = Server("wsgi:app", shop_env, data_dir / f"kuajing-{mode}.log", follower=True)
        shop.wait("/healthz")
        try:
            urls = pages(shop.url)
            results = measured[mode] = {}
            for name, path in urls.items():
                if args.page and name not in args.page:
                    continue
                warm(shop.url + path, args.workers)  # every worker's first request: index, analyzers, jieba
                wrk(binary, shop.url + path, 2, args.connections)  # warm-up: caches
                results[name] = wrk(binary, shop.url + path, args.duration, args.connections)
                print(f"  {mode:<9}{name:<17}{results[name]['rps']:>7.0f} req/s", flush=True)
            if mode == "cached" and not args.skip_mixed:
                mixed(binary, shop, shop_env, urls, args.duration * 2, args.connections)
        finally:
            shop.stop()
    print_table(ceiling, measured["cached"], measured["uncached"])


if __name__ == "__main__":
    main()
