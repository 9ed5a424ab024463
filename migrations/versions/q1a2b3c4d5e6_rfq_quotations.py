"""requests for quotation, quotations and their lines, order instalments (T/T deposit and balance)

Revision ID: q1a2b3c4d5e6
Revises: g1a2b3c4d5e6
Create Date: 2026-12-03 11:50:00

"""
from alembic import op
import sqlalchemy as sa


revision = 'q1a2b3c4d5e6'
down_revision = 'g1a2b3c4d5e6'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'rfqs',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('buyer_id', sa.Integer(), nullable=False),
        sa.Column('merchant_id', sa.Integer(), nullable=False),
        sa.Column('product_id', sa.Integer(), nullable=True),
        sa.Column('variant_id', sa.Integer(), nullable=True),
        sa.Column('need', sa.Text(), nullable=False),
        sa.Column('quantity', sa.Integer(), nullable=False),
        sa.Column('unit', sa.String(length=10), nullable=False),
        sa.Column('target_price_minor', sa.Integer(), nullable=True),
        sa.Column('target_currency', sa.String(length=3), nullable=False),
        sa.Column('country', sa.String(length=2), nullable=False),
        sa.Column('incoterm', sa.String(length=3), nullable=False),
        sa.Column('required_by', sa.Date(), nullable=True),
        sa.Column('status', sa.String(length=10), nullable=False),
        sa.Column('lang', sa.String(length=5), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
        sa.CheckConstraint('quantity > 0', name=op.f('ck_rfqs_quantity_positive')),
        sa.CheckConstraint('target_price_minor IS NULL OR target_price_minor > 0', name=op.f('ck_rfqs_target_positive')),
        sa.CheckConstraint("status IN ('open', 'quoted', 'accepted', 'closed', 'expired')", name=op.f('ck_rfqs_status_known')),
        sa.ForeignKeyConstraint(['buyer_id'], ['users.id'], name=op.f('fk_rfqs_buyer_id_users'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['merchant_id'], ['merchants.id'], name=op.f('fk_rfqs_merchant_id_merchants'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['product_id'], ['products.id'], name=op.f('fk_rfqs_product_id_products'), ondelete='SET NULL'),
        sa.ForeignKeyConstraint(['variant_id'], ['product_variants.id'], name=op.f('fk_rfqs_variant_id_product_variants'), ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_rfqs')),
    )
    with op.batch_alter_table('rfqs', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_rfqs_buyer_id'), ['buyer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_rfqs_merchant_id'), ['merchant_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_rfqs_status'), ['status'], unique=False)
        batch_op.create_index(batch_op.f('ix_rfqs_created_at'), ['created_at'], unique=False)
    op.create_table(
        'quotations',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('rfq_id', sa.Integer(), nullable=False),
        sa.Column('currency', sa.String(length=3), nullable=False),
        sa.Column('freight_minor', sa.Integer(), nullable=False),
        sa.Column('incoterm', sa.String(length=3), nullable=False),
        sa.Column('named_place', sa.String(length=120), nullable=False),
        sa.Column('pay_terms', sa.String(length=4), nullable=False),
        sa.Column('deposit_percent', sa.Integer(), nullable=True),
        sa.Column('valid_until', sa.Date(), nullable=False),
        sa.Column('note', sa.Text(), nullable=False),
        sa.Column('status', sa.String(length=10), nullable=False),
        sa.Column('order_id', sa.Integer(), nullable=True),
        sa.Column('created_by_id', sa.Integer(), nullable=True),
        sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
        sa.CheckConstraint('freight_minor >= 0', name=op.f('ck_quotations_freight_not_negative')),
        sa.CheckConstraint("pay_terms IN ('card', 'tt')", name=op.f('ck_quotations_pay_terms_known')),
        sa.CheckConstraint('deposit_percent IS NULL OR (deposit_percent >= 10 AND deposit_percent <= 90)', name=op.f('ck_quotations_deposit_range')),
        sa.CheckConstraint("status IN ('offered', 'accepted', 'expired', 'withdrawn')", name=op.f('ck_quotations_status_known')),
        sa.ForeignKeyConstraint(['rfq_id'], ['rfqs.id'], name=op.f('fk_quotations_rfq_id_rfqs'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name=op.f('fk_quotations_order_id_orders'), ondelete='SET NULL'),
        sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_quotations_created_by_id_users'), ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_quotations')),
        sa.UniqueConstraint('order_id', name=op.f('uq_quotations_order_id')),
    )
    with op.batch_alter_table('quotations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_quotations_rfq_id'), ['rfq_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_quotations_status'), ['status'], unique=False)
    op.create_table(
        'quotation_lines',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('quotation_id', sa.Integer(), nullable=False),
        sa.Column('variant_id', sa.Integer(), nullable=False),
        sa.Column('qty', sa.Integer(), nullable=False),
        sa.Column('unit_price_minor', sa.Integer(), nullable=False),
        sa.CheckConstraint('qty > 0', name=op.f('ck_quotation_lines_qty_positive')),
        sa.CheckConstraint('unit_price_minor > 0', name=op.f('ck_quotation_lines_price_positive')),
        sa.ForeignKeyConstraint(['quotation_id'], ['quotations.id'], name=op.f('fk_quotation_lines_quotation_id_quotations'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['variant_id'], ['product_variants.id'], name=op.f('fk_quotation_lines_variant_id_product_variants'), ondelete='RESTRICT'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_quotation_lines')),
    )
    with op.batch_alter_table('quotation_lines', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_quotation_lines_quotation_id'), ['quotation_id'], unique=False)
    op.create_table(
        'order_instalments',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('order_id', sa.Integer(), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.Column('kind', sa.String(length=10), nullable=False),
        sa.Column('percent', sa.Integer(), nullable=False),
        sa.Column('amount_minor', sa.Integer(), nullable=False),
        sa.Column('currency', sa.String(length=3), nullable=False),
        sa.Column('due', sa.Date(), nullable=True),
        sa.Column('paid_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('payment_ref', sa.String(length=80), nullable=False),
        sa.CheckConstraint('amount_minor > 0', name=op.f('ck_order_instalments_amount_positive')),
        sa.CheckConstraint("kind IN ('deposit', 'balance')", name=op.f('ck_order_instalments_kind_known')),
        sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name=op.f('fk_order_instalments_order_id_orders'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_order_instalments')),
        sa.UniqueConstraint('order_id', 'position', name=op.f('uq_order_instalments_order_id')),
    )
    with op.batch_alter_table('order_instalments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_order_instalments_order_id'), ['order_id'], unique=False)


def downgrade():
    op.drop_table('order_instalments')
    op.drop_table('quotation_lines')
    op.drop_table('quotations')
    op.drop_table('rfqs')
