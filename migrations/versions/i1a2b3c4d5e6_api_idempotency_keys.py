"""integrations: idempotency keys of the merchant REST API's write requests

Revision ID: i1a2b3c4d5e6
Revises: q1a2b3c4d5e6
Create Date: 2026-12-03 11:30:00

"""
from alembic import op
import sqlalchemy as sa


revision = 'i1a2b3c4d5e6'
down_revision = 'q1a2b3c4d5e6'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'api_idempotency_keys',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('api_key_id', sa.Integer(), nullable=False),
        sa.Column('key', sa.String(length=100), nullable=False),
        sa.Column('fingerprint', sa.String(length=64), nullable=False),
        sa.Column('status', sa.Integer(), nullable=False),
        sa.Column('body', sa.JSON(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
        sa.ForeignKeyConstraint(['api_key_id'], ['api_keys.id'], name=op.f('fk_api_idempotency_keys_api_key_id_api_keys'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_api_idempotency_keys')),
        sa.UniqueConstraint('api_key_id', 'key', name=op.f('uq_api_idempotency_keys_api_key_id')),
    )


def downgrade():
    op.drop_table('api_idempotency_keys')
