"""Length limits of people's free text, in one table: the forms' ``Length(max=…)`` use the same numbers, and
each limit is also a CHECK constraint on the column (migration s2b3c4d5e6f7), so that no path — form, API,
CLI, import — can store a megabyte in a note."""

from __future__ import annotations

from sqlalchemy import CheckConstraint, MetaData, func

#: (table, column) → maximum characters.
TEXT_LIMITS: dict[tuple[str, str], int] = {
    ("merchants", "rejection_reason"): 2000,
    ("products", "moderation_reason"): 2000,
    ("product_translations", "description"): 20000,
    ("orders", "note"): 1000,
    ("service_providers", "rejection_reason"): 2000,
    ("service_packages", "moderation_reason"): 2000,
    ("service_package_texts", "description"): 20000,
    ("service_orders", "brief"): 5000,
    ("service_order_events", "note"): 5000,
    ("messages", "body"): 5000,
    ("product_reviews", "body"): 5000,
    ("product_reviews", "reply"): 5000,
    ("product_reviews", "moderation_reason"): 2000,
    ("credit_overrides", "reason"): 2000,
    ("service_reviews", "body"): 5000,
    ("service_reviews", "reply"): 5000,
    ("voucher_batches", "note"): 2000,
    ("moderation_appeals", "message"): 2000,
    ("moderation_appeals", "answer"): 2000,
}


def constraint_name(column: str) -> str:
    """The constraint's short name (the naming convention makes it ``ck_<table>_len_<column>``)."""
    return f"len_{column}"


def install(metadata: MetaData) -> None:
    """Add the CHECK constraints to the tables of ``metadata`` that are registered (idempotent; called when
    storefront's models are loaded and again when the services marketplace registers its tables)."""
    for (table_name, column), limit in TEXT_LIMITS.items():
        table = metadata.tables.get(table_name)
        if table is None:
            continue
        name = constraint_name(column)
        if any(getattr(c, "name", None) in (name, f"ck_{table_name}_{name}") for c in table.constraints):
            continue
        table.append_constraint(CheckConstraint(func.length(table.c[column]) <= limit, name=name))
