"""search events: every node's search index follows committed changes from this table

Revision ID: p1a2b3c4d5e6
Revises: s3c4d5e6f7a8
Create Date: 2026-12-03 06:00:00

"""
from alembic import op
import sqlalchemy as sa


revision = 'p1a2b3c4d5e6'
down_revision = 's3c4d5e6f7a8'  # relinked after merging main (was e5f9a3b4c6d7)
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'search_events',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('product_ids', sa.JSON(), nullable=False),
        sa.Column('full', sa.Boolean(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_search_events')),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table('search_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_search_events_created_at'), ['created_at'], unique=False)


def downgrade():
    with op.batch_alter_table('search_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_search_events_created_at'))
    op.drop_table('search_events')
