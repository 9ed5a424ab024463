"""registration confirms the e-mail address: users.email_verified (existing accounts count as verified)

Revision ID: s3c4d5e6f7a8
Revises: s2b3c4d5e6f7
Create Date: 2026-12-03 07:00:00

"""
from alembic import op
import sqlalchemy as sa


revision = 's3c4d5e6f7a8'
down_revision = 'c7d19e0a5b21'  # relinked at merge (was s2b3c4d5e6f7)
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('email_verified', sa.Boolean(), nullable=False, server_default=sa.true()))


def downgrade():
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_column('email_verified')
