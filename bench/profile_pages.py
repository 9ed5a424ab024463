#!/usr/bin/env python3
"""Where an uncached page's time goes: cProfile over the Flask test client, page cache off.

    .venv/bin/python bench/profile_pages.py                    # 3,000 products, 30 requests per page
    .venv/bin/python bench/profile_pages.py --products 5000 --requests 50 --top 30

Seeds (or reuses) the same data directory as ``bench/web.py`` for that size, then for each page prints the mean
milliseconds per request, the SQL statements per request and the functions with the most cumulative time.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    """Seed, warm, profile, print."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--products", type=int, default=3000)
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--page", action="append", help="only these pages (by name)")
    parser.add_argument("--cached", action="store_true", help="leave the page cache on")
    args = parser.parse_args()

    from bench.web import seed

    data_dir = Path(tempfile.gettempdir()) / f"kuajing-bench-sqlite-{args.products}"
    data_dir.mkdir(parents=True, exist_ok=True)
    env = {
        **os.environ,
        "DATA_DIR": str(data_dir),
        "SECRET_KEY": "bench-secret-key",
        "RATELIMIT_ENABLED": "0",
        "PYTHONPATH": str(ROOT),
    }
    seed(env, args.products)
    os.environ.update({k: env[k] for k in ("DATA_DIR", "SECRET_KEY", "RATELIMIT_ENABLED")})
    if not args.cached:
        os.environ["PAGE_CACHE_SIZE"] = "0"

    from sqlalchemy import event

    from storefront.app import create_app
    from storefront.extensions import db

    app = create_app()
    client = app.test_client()
    pid = client.get("/api/v1/products?lang=ru&per_page=1").json["items"][0]["id"]
    pages = {
        "home": "/ru/",
        "cluster listing": "/ru/c/swimwear/",
        "product page": f"/ru/p/{pid}",
        "search ru": "/ru/search?q=%D0%BA%D1%83%D0%BF%D0%B0%D0%BB%D1%8C%D0%BD%D0%B8%D0%BA",
        "search zh": "/zh/search?q=%E9%95%81%E7%A0%82",
        "products API": "/api/v1/products?lang=ru&page=3",
    }
    statements: list[str] = []
    with app.app_context():
        event.listen(db.engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
    for name, url in pages.items():
        if args.page and name not in args.page:
            continue
        for _ in range(3):
            assert client.get(url).status_code == 200, url  # warm: imports, templates, jieba, caches
        statements.clear()
        profile = cProfile.Profile()
        started = time.perf_counter()
        profile.enable()
        for _ in range(args.requests):
            client.get(url)
        profile.disable()
        elapsed = (time.perf_counter() - started) / args.requests * 1000
        print(
            f"\n=== {name} ({url}): {elapsed:.1f} ms/request (profiled), "
            f"{len(statements) / args.requests:.1f} SQL statements/request"
        )
        out = io.StringIO()
        pstats.Stats(profile, stream=out).sort_stats("cumulative").print_stats(args.top)
        print("\n".join(line for line in out.getvalue().splitlines()[6:] if line.strip()))


if __name__ == "__main__":
    main()
