"""fx settlements (收结汇) per released inventory list

Revision ID: m5e4a7c9d105
Revises: m4d3f6b8c004
Create Date: 2026-12-03 07:10:00

"""
from alembic import op
import sqlalchemy as sa


revision = 'm5e4a7c9d105'
down_revision = 'm4d3f6b8c004'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('fx_settlements',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('merchant_id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('order_no', sa.String(length=60), nullable=False),
    sa.Column('invt_no', sa.String(length=20), nullable=False),
    sa.Column('sum_no', sa.String(length=18), nullable=False),
    sa.Column('amount_minor', sa.Integer(), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('settled_on', sa.Date(), nullable=False),
    sa.Column('rate', sa.Numeric(precision=20, scale=8), nullable=False),
    sa.Column('cny_fen', sa.Integer(), nullable=False),
    sa.Column('bank_ref', sa.String(length=60), nullable=False),
    sa.Column('recorded_by', sa.String(length=40), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.CheckConstraint('amount_minor > 0', name=op.f('ck_fx_settlements_amount_positive')),
    sa.CheckConstraint('rate > 0', name=op.f('ck_fx_settlements_rate_positive')),
    sa.ForeignKeyConstraint(['case_id'], ['clearance_cases.id'], name=op.f('fk_fx_settlements_case_id_clearance_cases')),
    sa.ForeignKeyConstraint(['merchant_id'], ['merchants.id'], name=op.f('fk_fx_settlements_merchant_id_merchants')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_fx_settlements')),
    sa.UniqueConstraint('case_id', 'bank_ref', name=op.f('uq_fx_settlements_case_id'))
    )
    with op.batch_alter_table('fx_settlements', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_fx_settlements_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_fx_settlements_merchant_id'), ['merchant_id'], unique=False)


def downgrade():
    with op.batch_alter_table('fx_settlements', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_fx_settlements_merchant_id'))
        batch_op.drop_index(batch_op.f('ix_fx_settlements_case_id'))
    op.drop_table('fx_settlements')
