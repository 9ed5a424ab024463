"""package moderation: operators hide service packages with a reason the provider sees

Revision ID: e5f9a3b4c6d7
Revises: d4e8f1a2b3c4
Create Date: 2026-11-27 10:00:00

"""
from alembic import op
import sqlalchemy as sa


revision = 'e5f9a3b4c6d7'
down_revision = 'd4e8f1a2b3c4'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('service_packages', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column('moderated_hidden', sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch_op.add_column(sa.Column('moderation_reason', sa.Text(), nullable=False, server_default=''))


def downgrade():
    with op.batch_alter_table('service_packages', schema=None) as batch_op:
        batch_op.drop_column('moderation_reason')
        batch_op.drop_column('moderated_hidden')
