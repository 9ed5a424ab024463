"""T/T orders cancelled after the deposit: order_instalments.cancelled_at (a cancelled balance can no longer be paid)

Revision ID: w1a2b3c4d5e6
Revises: i1a2b3c4d5e6
Create Date: 2026-12-03 14:20:00

"""
from alembic import op
import sqlalchemy as sa


revision = 'w1a2b3c4d5e6'
down_revision = 'i1a2b3c4d5e6'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('order_instalments') as batch:
        batch.add_column(sa.Column('cancelled_at', sa.DateTime(timezone=True), nullable=True))


def downgrade():
    with op.batch_alter_table('order_instalments') as batch:
        batch.drop_column('cancelled_at')
