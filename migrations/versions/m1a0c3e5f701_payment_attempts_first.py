"""payments: attempt rows written before the gateway call (provider_ref may be NULL); webhook events keep the
object they are about and why they were rejected

Revision ID: m1a0c3e5f701
Revises: e5f9a3b4c6d7
Create Date: 2026-12-03 05:40:00

"""
from alembic import op
import sqlalchemy as sa


revision = 'm1a0c3e5f701'
down_revision = 's2b3c4d5e6f7'  # relinked at merge (was e5f9a3b4c6d7)
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('payment_intents', schema=None) as batch_op:
        batch_op.alter_column('provider_ref', existing_type=sa.String(length=80), nullable=True)
    with op.batch_alter_table('payment_events', schema=None) as batch_op:
        batch_op.add_column(sa.Column('object_ref', sa.String(length=80), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('reason', sa.Text(), nullable=False, server_default=''))


def downgrade():
    with op.batch_alter_table('payment_events', schema=None) as batch_op:
        batch_op.drop_column('reason')
        batch_op.drop_column('object_ref')
    op.execute("DELETE FROM payment_intents WHERE provider_ref IS NULL")
    with op.batch_alter_table('payment_intents', schema=None) as batch_op:
        batch_op.alter_column('provider_ref', existing_type=sa.String(length=80), nullable=False)
