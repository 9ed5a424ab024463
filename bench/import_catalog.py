"""Benchmark the catalogue spreadsheet import: N product rows (CSV and XLSX) into a fresh SQLite database.

Run from the repository root:  .venv/bin/python bench/import_catalog.py --rows 5000
Prints, per format: reading + checking every row (the dry run), the real import (check + write + flush),
the commit (which also updates the search index for every product), and a re-import of the export (no-op).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):  # executed as a script: make the repository root importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from storefront.app import create_app  # noqa: E402
from storefront.extensions import db  # noqa: E402


def _rows(n: int) -> list[dict]:
    """N distinct, valid product rows with four languages and two tiers."""
    rows = []
    for i in range(n):
        price = 20 + i % 80
        rows.append(
            {
                "sku": f"BENCH-{i:06d}",
                "category": "steel/bars",
                "hs_code": "7228300000",
                "customs_name": "合金钢圆钢",
                "customs_unit": "035",
                "model": f"Φ{10 + i % 90}",
                "origin_city": "dalian",
                "net_weight_g": 1000 + i % 500,
                "gross_weight_g": 1600,
                "price": f"{price}.{i % 100:02d}",
                "moq": 10,
                "stock": i % 1000,
                "hidden": "no",
                "tiers": f"100:{price - 2}.00; 1000:{price - 5}.00",
                "name_zh": f"合金钢圆钢 {i}",
                "name_en": f"Alloy steel round bar {i}",
                "name_ru": f"Пруток {i}",
                "name_ko": f"합금강 환봉 {i}",
                "description_en": "Hot-rolled, annealed.\nCut to length on request.",
                "specs_en": "Grade: 42CrMo4\nLength: 6 m",
            }
        )
    return rows


def _setup(data_dir: Path):
    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "bench",
            "DATA_DIR": str(data_dir),
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{data_dir / 'bench.sqlite3'}",
            "WTF_CSRF_ENABLED": False,
        }
    )
    from flask_migrate import upgrade

    from storefront.accounts.models import Merchant, User
    from storefront.catalog.taxonomy import Category, City, Cluster

    with app.app_context():
        upgrade(revision="heads")
        owner = User(email="bench@example.com", name="Bench", role="merchant")
        owner.set_password("bench-password")
        cluster = Cluster(slug="steel", names={"en": "Steel"}, descriptions={})
        db.session.add_all([owner, cluster, City(slug="dalian", names={"en": "Dalian"})])
        db.session.flush()
        db.session.add(Category(cluster_id=cluster.id, slug="bars", names={"en": "Bars"}))
        db.session.add(
            Merchant(
                slug="bench",
                owner=owner,
                names={"zh": "基准", "en": "Bench"},
                descriptions={},
                uscc="",
                customs_code="",
                status="approved",
            )
        )
        db.session.commit()
    return app


def run(rows: int, fmt: str) -> dict[str, float]:
    """Time one format; returns the figures in seconds."""
    from storefront.accounts.models import Merchant
    from storefront.catalog import sheet_export, sheet_import
    from storefront.catalog import spreadsheet as sheets

    with tempfile.TemporaryDirectory() as tmp:
        app = _setup(Path(tmp))
        data = sheets.write_xlsx(_rows(rows)) if fmt == "xlsx" else sheets.write_csv(_rows(rows))
        with app.test_request_context("/en/"):
            merchant = db.session.scalars(db.select(Merchant)).one()
            t0 = time.perf_counter()
            report = sheet_import.import_sheet(merchant, data, fmt, dry_run=True)
            t1 = time.perf_counter()
            assert report.ok, report.lines()[:5]
            report = sheet_import.import_sheet(merchant, data, fmt, dry_run=False)
            t2 = time.perf_counter()
            db.session.commit()
            t3 = time.perf_counter()
            assert report.created == rows
            export = sheet_export.export_sheet(merchant.id, fmt)
            t4 = time.perf_counter()
            again = sheet_import.import_sheet(merchant, export, fmt, dry_run=False)
            db.session.commit()
            t5 = time.perf_counter()
            assert again.unchanged == rows and not (again.created or again.updated)
        with app.app_context():
            db.engine.dispose()
    return {
        "dry run": t1 - t0,
        "import": t2 - t1,
        "commit + index": t3 - t2,
        "total": t3 - t1,
        "export": t4 - t3,
        "re-import (no-op)": t5 - t4,
        "bytes": len(data),
    }


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, run, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=5000)
    parser.add_argument("--formats", default="csv,xlsx")
    args = parser.parse_args(argv)
    for fmt in args.formats.split(","):
        figures = run(args.rows, fmt)
        size = figures.pop("bytes")
        print(f"{fmt}: {args.rows} rows, {size / 1024:.0f} KiB")
        for name, seconds in figures.items():
            print(f"  {name:<20} {seconds:6.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
