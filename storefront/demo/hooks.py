"""Demo seeding hooks: other packages (the services marketplace) add their seeder and their count of real
orders through :func:`register`, so the storefront's seeder and seed guard never import them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from flask import Flask, current_app


@dataclass
class DemoHooks:
    """What the demo seeder runs after the catalogue, and what the seed guard counts as real orders."""

    #: Each returns a dict of counts for the seed report.
    seeders: list[Callable[[], dict[str, int]]] = field(default_factory=list)
    #: Each returns how many orders (of its kind) were placed by non-demo accounts.
    real_order_counters: list[Callable[[str], int]] = field(default_factory=list)


def register(
    app: Flask,
    *,
    seeder: Callable[[], dict[str, int]] | None = None,
    real_order_counter: Callable[[str], int] | None = None,
) -> None:
    """Add a seeder and/or a real-order counter (called with the demo e-mail suffix) to the app."""
    hooks = app.extensions.setdefault("kuajing_demo", DemoHooks())
    if seeder is not None:
        hooks.seeders.append(seeder)
    if real_order_counter is not None:
        hooks.real_order_counters.append(real_order_counter)


def hooks() -> DemoHooks:
    """The current app's demo hooks (empty when nothing registered)."""
    return current_app.extensions.get("kuajing_demo") or DemoHooks()
