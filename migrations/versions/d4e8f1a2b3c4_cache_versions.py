"""cache versions: a counter bumped whenever public catalogue data changes (HTTP ETags)

Revision ID: d4e8f1a2b3c4
Revises: b7d41e6c2a93
Create Date: 2026-11-27 09:00:00

"""
from alembic import op
import sqlalchemy as sa


revision = 'd4e8f1a2b3c4'
down_revision = 'b7d41e6c2a93'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'cache_versions',
        sa.Column('name', sa.String(length=40), nullable=False),
        sa.Column('version', sa.BigInteger(), nullable=False),
        sa.Column('changed_at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('name', name=op.f('pk_cache_versions')),
    )


def downgrade():
    op.drop_table('cache_versions')
