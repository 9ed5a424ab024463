"""sessions that end: a per-user session version checked on every request

Revision ID: s1a2b3c4d5e6
Revises: e5f9a3b4c6d7
Create Date: 2026-12-03 06:00:00

"""
from alembic import op
import sqlalchemy as sa


revision = 's1a2b3c4d5e6'
down_revision = 'e5f9a3b4c6d7'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('session_version', sa.Integer(), nullable=False, server_default='0'))


def downgrade():
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_column('session_version')
