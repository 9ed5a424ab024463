"""ledger: append-only double-entry ledger entries and commission rates

Revision ID: m2b1d4f6a802
Revises: m1a0c3e5f701
Create Date: 2026-12-03 06:00:00

"""
from alembic import op
import sqlalchemy as sa


revision = 'm2b1d4f6a802'
down_revision = 'm1a0c3e5f701'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('ledger_entries',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('txn', sa.String(length=40), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('account', sa.String(length=60), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('amount_minor', sa.Integer(), nullable=False),
    sa.Column('cny_fen', sa.Integer(), nullable=False),
    sa.Column('rate', sa.Numeric(precision=20, scale=8), nullable=False),
    sa.Column('payable_kind', sa.String(length=20), nullable=False),
    sa.Column('payable_id', sa.Integer(), nullable=True),
    sa.Column('sub_order_id', sa.Integer(), nullable=True),
    sa.Column('payment_ref', sa.String(length=80), nullable=False),
    sa.Column('reference', sa.String(length=80), nullable=False),
    sa.Column('memo', sa.String(length=200), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.CheckConstraint('amount_minor <> 0', name=op.f('ck_ledger_entries_amount_not_zero')),
    sa.CheckConstraint('length(currency) = 3', name=op.f('ck_ledger_entries_currency_iso')),
    sa.CheckConstraint('(amount_minor > 0 AND cny_fen >= 0) OR (amount_minor < 0 AND cny_fen <= 0)', name=op.f('ck_ledger_entries_cny_same_sign')),
    sa.CheckConstraint("kind IN ('charge', 'refund', 'commission', 'commission_reversal', 'voucher_subsidy', 'payout')", name=op.f('ck_ledger_entries_kind_known')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ledger_entries'))
    )
    with op.batch_alter_table('ledger_entries', schema=None) as batch_op:
        batch_op.create_index('ix_ledger_entries_payable', ['payable_kind', 'payable_id'], unique=False)
        batch_op.create_index('ix_ledger_entries_account_currency', ['account', 'currency'], unique=False)
        batch_op.create_index(batch_op.f('ix_ledger_entries_txn'), ['txn'], unique=False)
        batch_op.create_index(batch_op.f('ix_ledger_entries_kind'), ['kind'], unique=False)
        batch_op.create_index(batch_op.f('ix_ledger_entries_sub_order_id'), ['sub_order_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_ledger_entries_payment_ref'), ['payment_ref'], unique=False)
        batch_op.create_index(batch_op.f('ix_ledger_entries_created_at'), ['created_at'], unique=False)

    op.create_table('commission_rates',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('scope', sa.String(length=10), nullable=False),
    sa.Column('key', sa.String(length=60), nullable=False),
    sa.Column('rate_bp', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.CheckConstraint('rate_bp >= 0 AND rate_bp <= 5000', name=op.f('ck_commission_rates_rate_range')),
    sa.CheckConstraint("scope IN ('default', 'category', 'seller')", name=op.f('ck_commission_rates_scope_known')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_commission_rates')),
    sa.UniqueConstraint('scope', 'key', name=op.f('uq_commission_rates_scope'))
    )


def downgrade():
    op.drop_table('commission_rates')
    with op.batch_alter_table('ledger_entries', schema=None) as batch_op:
        for name in ('ix_ledger_entries_created_at', 'ix_ledger_entries_payment_ref', 'ix_ledger_entries_sub_order_id',
                     'ix_ledger_entries_kind', 'ix_ledger_entries_txn', 'ix_ledger_entries_account_currency',
                     'ix_ledger_entries_payable'):
            batch_op.drop_index(name)
    op.drop_table('ledger_entries')
