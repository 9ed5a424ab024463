"""Benchmark the CEB export messages: build and XSD-validate CEB303/403/505/603 for N paid orders.

Run from the repository root:  .venv/bin/python bench/clearance.py --orders 10000
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
            xml = builder(order, guid=new_guid(), app_type="1", transfer=demo.TRANSFER)
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
        f"output: {stats.bytes_out / 1_048_576:.1f} MiB, "
        f"{stats.bytes_out / max(stats.messages, 1):,.0f} B/message",
        f"build: {stats.build_seconds:.2f}s  {_rate(stats.messages, stats.build_seconds)} messages",
    ]
    if stats.validate_seconds:
        lines.append(
            f"validate: {stats.validate_seconds:.2f}s  {_rate(stats.messages, stats.validate_seconds)}"
        )
    lines.append(f"build+validate: {total:.2f}s  {_rate(stats.messages, total)} messages")
    lines.append(f"invalid: {stats.invalid}")
    lines.extend(f"  {error}" for error in stats.first_errors)
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the command line, run the benchmark, print the report; exit 1 if any message was invalid."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=10_000, help="number of paid orders (default 10000)")
    parser.add_argument("--no-validate", action="store_true", help="only build, skip XSD validation")
    parser.add_argument(
        "--xsd-dir", help=f"directory of the official XSDs (default ${xsd.ENV_VAR} or shared)"
    )
    args = parser.parse_args(argv)
    if args.orders < 1:
        parser.error("--orders must be at least 1")
    validate = not args.no_validate
    if validate:
        if not xsd.xsd_available(args.xsd_dir):
            parser.error(f"CEB XSD directory not found at {xsd.xsd_dir(args.xsd_dir)}; set {xsd.ENV_VAR}")
        xsd.load_schema(args.xsd_dir)  # compile once, outside the timings
    started = time.perf_counter()
    orders = generate_orders(args.orders)
    generated = time.perf_counter() - started
    stats = build_and_validate(orders, validate=validate, xsd_directory=args.xsd_dir)
    print(report(stats, generated))
    return 1 if stats.invalid else 0


if __name__ == "__main__":
    sys.exit(main())
