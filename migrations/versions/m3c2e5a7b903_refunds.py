"""refunds (card and bank, one sequence per payable) and the operator's queue of refund proposals

Revision ID: m3c2e5a7b903
Revises: m2b1d4f6a802
Create Date: 2026-12-03 06:30:00

"""
from alembic import op
import sqlalchemy as sa


revision = 'm3c2e5a7b903'
down_revision = 'm2b1d4f6a802'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('refunds',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('payable_kind', sa.String(length=20), nullable=False),
    sa.Column('payable_id', sa.Integer(), nullable=False),
    sa.Column('sequence', sa.Integer(), nullable=False),
    sa.Column('sub_order_id', sa.Integer(), nullable=True),
    sa.Column('payment_ref', sa.String(length=80), nullable=False),
    sa.Column('method', sa.String(length=8), nullable=False),
    sa.Column('amount_minor', sa.Integer(), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('idempotency_key', sa.String(length=80), nullable=False),
    sa.Column('provider_ref', sa.String(length=80), nullable=True),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('actor', sa.String(length=40), nullable=False),
    sa.Column('restocked', sa.Boolean(), nullable=False),
    sa.Column('failure', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.CheckConstraint('amount_minor > 0', name=op.f('ck_refunds_amount_positive')),
    sa.CheckConstraint("method IN ('card', 'bank')", name=op.f('ck_refunds_method_known')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_refunds')),
    sa.UniqueConstraint('idempotency_key', name=op.f('uq_refunds_idempotency_key')),
    sa.UniqueConstraint('provider_ref', name=op.f('uq_refunds_provider_ref')),
    sa.UniqueConstraint('payable_kind', 'payable_id', 'sequence', name=op.f('uq_refunds_payable_kind'))
    )
    with op.batch_alter_table('refunds', schema=None) as batch_op:
        batch_op.create_index('ix_refunds_payable', ['payable_kind', 'payable_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_refunds_status'), ['status'], unique=False)

    op.create_table('refund_proposals',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('payable_kind', sa.String(length=20), nullable=False),
    sa.Column('payable_id', sa.Integer(), nullable=False),
    sa.Column('sub_order_id', sa.Integer(), nullable=True),
    sa.Column('payment_ref', sa.String(length=80), nullable=False),
    sa.Column('amount_minor', sa.Integer(), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('cause', sa.String(length=24), nullable=False),
    sa.Column('detail', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('refund_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.CheckConstraint('amount_minor > 0', name=op.f('ck_refund_proposals_amount_positive')),
    sa.ForeignKeyConstraint(['refund_id'], ['refunds.id'], name=op.f('fk_refund_proposals_refund_id_refunds')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_refund_proposals'))
    )
    with op.batch_alter_table('refund_proposals', schema=None) as batch_op:
        batch_op.create_index('ix_refund_proposals_payable', ['payable_kind', 'payable_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_refund_proposals_status'), ['status'], unique=False)


def downgrade():
    with op.batch_alter_table('refund_proposals', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_refund_proposals_status'))
        batch_op.drop_index('ix_refund_proposals_payable')
    op.drop_table('refund_proposals')
    with op.batch_alter_table('refunds', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_refunds_status'))
        batch_op.drop_index('ix_refunds_payable')
    op.drop_table('refunds')
