"""credit overrides: the grade an operator sets for a seller instead of the computed credit rating

Revision ID: t3c4d5e6f7a8
Revises: t2b3c4d5e6f7
Create Date: 2026-12-03 09:20:00

"""
from alembic import op
import sqlalchemy as sa


revision = 't3c4d5e6f7a8'
down_revision = 't2b3c4d5e6f7'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('credit_overrides',
    sa.Column('merchant_id', sa.Integer(), nullable=False),
    sa.Column('grade', sa.String(length=1), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('operator_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.CheckConstraint("grade IN ('A', 'B', 'C', 'D')", name=op.f('ck_credit_overrides_grade_known')),
    sa.CheckConstraint('length("reason") <= 2000', name=op.f('ck_credit_overrides_len_reason')),
    sa.ForeignKeyConstraint(['merchant_id'], ['merchants.id'], name=op.f('fk_credit_overrides_merchant_id_merchants'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['operator_id'], ['users.id'], name=op.f('fk_credit_overrides_operator_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('merchant_id', name=op.f('pk_credit_overrides'))
    )


def downgrade():
    op.drop_table('credit_overrides')
