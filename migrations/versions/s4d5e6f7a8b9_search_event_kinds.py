"""search events per index kind: products and service packages follow the database on one path

The events gain a ``kind`` (existing rows are product events) and ``product_ids`` becomes ``ids``. Plain
``ALTER TABLE`` statements that SQLite (3.25+ rename, 3.35+ drop column) and PostgreSQL both accept: a batch
copy of the table would lose SQLite's AUTOINCREMENT, on which the event cursors rely.

Revision ID: s4d5e6f7a8b9
Revises: x1a2b3c4d5e6
Create Date: 2026-12-03 17:10:00

"""

import sqlalchemy as sa
from alembic import op

revision = "s4d5e6f7a8b9"
down_revision = "x1a2b3c4d5e6"
branch_labels = None
depends_on = None


def upgrade():
    op.add_column(
        "search_events",
        sa.Column("kind", sa.String(length=20), server_default="products", nullable=False),
    )
    op.execute("ALTER TABLE search_events RENAME COLUMN product_ids TO ids")
    op.create_index("ix_search_events_kind_id", "search_events", ["kind", "id"], unique=False)


def downgrade():
    op.drop_index("ix_search_events_kind_id", table_name="search_events")
    # Only product events existed before: other kinds' events cannot be kept (nodes rebuild those indexes).
    op.execute("DELETE FROM search_events WHERE kind <> 'products'")
    op.execute("ALTER TABLE search_events RENAME COLUMN ids TO product_ids")
    op.execute("ALTER TABLE search_events DROP COLUMN kind")
