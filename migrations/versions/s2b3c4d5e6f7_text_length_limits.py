"""length limits on free-text columns: CHECK (length(column) <= N), the numbers of storefront/core/limits.py

Revision ID: s2b3c4d5e6f7
Revises: s1a2b3c4d5e6
Create Date: 2026-12-03 06:30:00

Longer existing values are cut to the limit first (none can come from the forms, which had the same limits).
"""
from alembic import op
import sqlalchemy as sa


revision = 's2b3c4d5e6f7'
down_revision = 's1a2b3c4d5e6'
branch_labels = None
depends_on = None

# A copy, not an import: a migration must keep meaning what it meant when it was written.
LIMITS = {
    ("merchants", "rejection_reason"): 2000,
    ("products", "moderation_reason"): 2000,
    ("product_translations", "description"): 20000,
    ("orders", "note"): 1000,
    ("service_providers", "rejection_reason"): 2000,
    ("service_packages", "moderation_reason"): 2000,
    ("service_package_texts", "description"): 20000,
    ("service_orders", "brief"): 5000,
    ("service_order_events", "note"): 5000,
    ("service_messages", "body"): 5000,
    ("service_reviews", "body"): 5000,
    ("service_reviews", "reply"): 5000,
    ("voucher_batches", "note"): 2000,
}


def _by_table():
    tables = {}
    for (table, column), limit in LIMITS.items():
        tables.setdefault(table, []).append((column, limit))
    return tables


def upgrade():
    for table, columns in _by_table().items():
        for column, limit in columns:
            op.execute(
                sa.text(f'UPDATE "{table}" SET "{column}" = substr("{column}", 1, {limit}) '
                        f'WHERE length("{column}") > {limit}')
            )
        with op.batch_alter_table(table, schema=None) as batch_op:
            for column, limit in columns:
                batch_op.create_check_constraint(f"ck_{table}_len_{column}", f'length("{column}") <= {limit}')


def downgrade():
    for table, columns in _by_table().items():
        with op.batch_alter_table(table, schema=None) as batch_op:
            for column, _limit in columns:
                batch_op.drop_constraint(f"ck_{table}_len_{column}", type_="check")
