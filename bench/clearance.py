"""Benchmark the CEB export messages: build and XSD-validate CEB303/403/505/603 for N paid orders, then
summarise N released inventory lists into CEB701 summary applications (a throwaway SQLite database).

Run from the repository root:  .venv/bin/python bench/clearance.py --orders 10000 --lists 100000
(``--mode messages`` or ``--mode summarize`` runs one half only)
(or ``python -m bench.clearance``). The XSD directory is taken from ``--xsd-dir``, ``$CEB_XSD_DIR``
or the default ``<repo>/../shared/customs/ceb-2022/xsd``.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

if __package__ in (None, ""):  # executed as a script: make the repository root importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from storefront.clearance import demo, xsd  # noqa: E402
from storefront.clearance.messages import (  # noqa: E402
    Meta,
    OrderData,
    build_ceb303,
    build_ceb403,
    build_ceb505,
    build_ceb603,
    new_guid,
)

Builder = Callable[..., bytes]
BUILDERS: tuple[tuple[str, Builder], ...] = (
    ("CEB303", build_ceb303),
    ("CEB403", build_ceb403),
    ("CEB505", build_ceb505),
    ("CEB603", build_ceb603),
)
# (destination, currency) mix of the province's main export markets.
MARKETS: tuple[tuple[str, str], ...] = (
    ("KR", "KRW"),
    ("RU", "USD"),
    ("MN", "CNY"),
    ("JP", "JPY"),
    ("DE", "EUR"),
    ("KZ", "USD"),
    ("US", "USD"),
)


@dataclass
class Stats:
    """Counters and timings of one benchmark run."""

    orders: int = 0
    messages: int = 0
    bytes_out: int = 0
    invalid: int = 0
    build_seconds: float = 0.0
    validate_seconds: float = 0.0
    per_kind: dict[str, int] = field(default_factory=dict)
    first_errors: list[str] = field(default_factory=list)


def generate_orders(count: int) -> list[OrderData]:
    """Return ``count`` deterministic paid and shipped demo orders across the export markets."""
    return [
        demo.demo_order(seq, destination=dest, currency=cur, lines=1 + seq % 4)
        for seq in range(1, count + 1)
        for dest, cur in (MARKETS[seq % len(MARKETS)],)
    ]


def build_and_validate(
    orders: Sequence[OrderData], *, validate: bool = True, xsd_directory: str | None = None
) -> Stats:
    """Build the four order messages for every order and (optionally) validate each against the XSD."""
    stats = Stats(orders=len(orders))
    for order in orders:
        for kind, builder in BUILDERS:
            started = time.perf_counter()
            xml = builder(order, Meta(new_guid(), demo.TRANSFER))
            built = time.perf_counter()
            stats.build_seconds += built - started
            stats.messages += 1
            stats.bytes_out += len(xml)
            stats.per_kind[kind] = stats.per_kind.get(kind, 0) + 1
            if validate:
                errors = xsd.validate(xml, directory=xsd_directory)
                stats.validate_seconds += time.perf_counter() - built
                if errors:
                    stats.invalid += 1
                    if len(stats.first_errors) < 5:
                        stats.first_errors.append(f"{kind} {order.order_no}: {errors[0]}")
    return stats


def _rate(count: int, seconds: float) -> str:
    return f"{count / seconds:,.0f}/s" if seconds > 0 else "n/a"


def report(stats: Stats, generate_seconds: float) -> str:
    """Return a human-readable summary of a run."""
    total = stats.build_seconds + stats.validate_seconds
    lines = [
        f"orders: {stats.orders:,} (generated in {generate_seconds:.2f}s)",
        f"messages: {stats.messages:,} " + " ".join(f"{k}={v:,}" for k, v in sorted(stats.per_kind.items())),
        f"output: {stats.bytes_out / 1_048_576:.1f} MiB, {stats.bytes_out / max(stats.messages, 1):,.0f} B/message",
        f"build: {stats.build_seconds:.2f}s  {_rate(stats.messages, stats.build_seconds)} messages",
    ]
    if stats.validate_seconds:
        lines.append(f"validate: {stats.validate_seconds:.2f}s  {_rate(stats.messages, stats.validate_seconds)}")
    lines.append(f"build+validate: {total:.2f}s  {_rate(stats.messages, total)} messages")
    lines.append(f"invalid: {stats.invalid}")
    lines.extend(f"  {error}" for error in stats.first_errors)
    return "\n".join(lines)


#: HS codes and names of the summarize benchmark's lists (illustrative).
GOODS: tuple[tuple[str, str, str], ...] = (
    ("6112410000", "女式泳衣", "011"),
    ("6112490000", "泳裤", "011"),
    ("2519909100", "电熔镁砂", "035"),
    ("6815910000", "镁碳砖", "035"),
    ("8424300000", "洗车机", "001"),
    ("8425420000", "千斤顶", "001"),
    ("7228300000", "合金钢圆钢", "035"),
    ("7225400000", "合金钢板", "035"),
    ("0810100000", "鲜草莓", "035"),
    ("1006300000", "大米", "035"),
    ("0308110000", "干海参", "035"),
    ("1211209100", "人参", "035"),
)
SUMMARY_MARKETS: tuple[tuple[str, str], ...] = (("RU", "USD"), ("KR", "KRW"), ("MN", "CNY"), ("KZ", "USD"))


def seed_released_lists(count: int, merchants: int, month: str) -> int:
    """Insert ``count`` released lists (1-4 lines each) of ``merchants`` merchants; return the line count."""
    from datetime import timedelta
    from decimal import Decimal

    from storefront.accounts.models import Merchant
    from storefront.clearance.models import CaseLine, ClearanceCase
    from storefront.clearance.summary import month_bounds
    from storefront.extensions import db

    start, _end = month_bounds(month)
    db.session.execute(
        Merchant.__table__.insert(),
        [
            {
                "id": m,
                "slug": f"bench-{m}",
                "names": {"zh": f"基准{m}"},
                "descriptions": {},
                "uscc": "",
                "customs_code": f"21{m:08d}",
                "contact_email": "",
                "phone": "",
                "status": "approved",
                "rejection_reason": "",
            }
            for m in range(1, merchants + 1)
        ],
    )
    cases, lines = [], []
    for n in range(1, count + 1):
        merchant = n % merchants + 1
        destination, currency = SUMMARY_MARKETS[n % len(SUMMARY_MARKETS)]
        cases.append(
            {
                "id": n,
                "merchant_id": merchant,
                "order_no": f"B{n:012d}",
                "cop_no": f"B{n:012d}",
                "invt_no": f"0901{start.year}E{n:09d}",
                "pre_no": f"E{start.year}{n:013d}",
                "ebc_code": f"21{merchant:08d}",
                "ebc_name": f"基准{merchant}",
                "owner_code": f"21{merchant:08d}",
                "destination": destination,
                "currency": currency,
                "customs_code": "0901",
                "port_code": "0901",
                "traf_mode": "5" if n % 3 else "4",
                "goods_minor": 0,
                "freight_minor": 0,
                "pay_no": "",
                "gross_weight": Decimal("2.5"),
                "net_weight": Decimal("2"),
                "carrier": "",
                "logistics_code": "",
                "logistics_name": "",
                "logistics_no": f"LD{n:012d}",
                "status": "closed",
                "revision": 1,
                "return_info": "",
                "reject_reason": "",
                "rejected_kind": "",
                "released_at": start + timedelta(seconds=n % 2_000_000),
            }
        )
        for gnum in range(1, 2 + n % 4):
            gcode, name, unit = GOODS[(n + gnum) % len(GOODS)]
            qty = Decimal(1 + (n + gnum) % 5) if unit != "035" else Decimal((n * gnum) % 9000 + 250) / 1000
            lines.append(
                {
                    "case_id": n,
                    "gnum": gnum,
                    "item_no": f"SKU-{gnum}",
                    "item_name": name,
                    "gcode": gcode,
                    "gmodel": "-",
                    "unit": unit,
                    "qty": qty,
                    "unit1": unit,
                    "qty1": qty,
                    "total_minor": 1000 + (n * 37 + gnum * 101) % 50_000,
                }
            )
    db.session.execute(ClearanceCase.__table__.insert(), cases)
    db.session.execute(CaseLine.__table__.insert(), lines)
    db.session.commit()
    return len(lines)


def summarize_bench(count: int, merchants: int = 19, month: str = "2026-03") -> str:
    """Summarise ``count`` released lists in a fresh SQLite database; return the report."""
    import logging
    import tempfile

    from flask_migrate import upgrade

    from storefront.app import create_app
    from storefront.clearance import summary
    from storefront.extensions import db

    with tempfile.TemporaryDirectory() as tmp:
        app = create_app(
            {
                "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp}/bench.sqlite3",
                "DATA_DIR": tmp,
                "SQLALCHEMY_ENGINE_OPTIONS": {},
                "TESTING": True,
            }
        )
        with app.app_context():
            logging.disable(logging.INFO)  # the migrations' progress lines
            upgrade(revision="heads")
            logging.disable(logging.NOTSET)
            started = time.perf_counter()
            list_lines = seed_released_lists(count, merchants, month)
            seeded = time.perf_counter() - started
            started, cpu = time.perf_counter(), time.process_time()
            stats = summary.summarize(month)
            db.session.commit()
            took, cpu = time.perf_counter() - started, time.process_time() - cpu
            again = summary.summarize(month)
            db.session.rollback()
            db.engine.dispose()
    return "\n".join(
        [
            f"lists: {count:,} with {list_lines:,} lines, {merchants} merchants (seeded in {seeded:.2f}s)",
            f"summarize: {took:.2f}s (CPU {cpu:.2f}s) → {stats.applications:,} CEB701 applications, "
            f"{stats.lines:,} declaration lines, "
            f"{stats.list_lines:,} list lines linked ({count / took:,.0f} lists/s)",
            f"second run: {again.applications} applications",
        ]
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the command line, run the benchmark, print the report; exit 1 if any message was invalid."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=10_000, help="number of paid orders (default 10000)")
    parser.add_argument("--no-validate", action="store_true", help="only build, skip XSD validation")
    parser.add_argument("--lists", type=int, default=100_000, help="released lists to summarise (default 100000)")
    parser.add_argument("--mode", choices=("all", "messages", "summarize"), default="all")
    parser.add_argument("--xsd-dir", help=f"directory of the official XSDs (default ${xsd.ENV_VAR} or shared)")
    args = parser.parse_args(argv)
    if args.orders < 1:
        parser.error("--orders must be at least 1")
    validate = not args.no_validate
    if validate:
        if not xsd.xsd_available(args.xsd_dir):
            parser.error(f"CEB XSD directory not found at {xsd.xsd_dir(args.xsd_dir)}; set {xsd.ENV_VAR}")
        xsd.load_schema(args.xsd_dir)  # compile once, outside the timings
    invalid = 0
    if args.mode in ("all", "messages"):
        started = time.perf_counter()
        orders = generate_orders(args.orders)
        generated = time.perf_counter() - started
        stats = build_and_validate(orders, validate=validate, xsd_directory=args.xsd_dir)
        print(report(stats, generated))
        invalid = stats.invalid
    if args.mode in ("all", "summarize"):
        print(summarize_bench(args.lists))
    return 1 if invalid else 0


if __name__ == "__main__":
    sys.exit(main())
