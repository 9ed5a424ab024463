"""returns (RMA): a buyer's request to return a shipped sub-order, the merchant's answer, the refund

Revision ID: b3d4e5f6a7b8
Revises: b2c3d4e5f6a7
Create Date: 2026-12-03 08:50:00

"""
from alembic import op
import sqlalchemy as sa


revision = 'b3d4e5f6a7b8'
down_revision = 'b2c3d4e5f6a7'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'return_requests',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('sub_order_id', sa.Integer(), nullable=False),
        sa.Column('status', sa.String(length=10), nullable=False),
        sa.Column('reason', sa.Text(), nullable=False),
        sa.Column('answer', sa.Text(), nullable=False),
        sa.Column('refunded_minor', sa.Integer(), nullable=True),
        sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint("status IN ('requested', 'accepted', 'declined', 'received', 'refunded')", name=op.f('ck_return_requests_status_known')),
        sa.ForeignKeyConstraint(['sub_order_id'], ['sub_orders.id'], name=op.f('fk_return_requests_sub_order_id_sub_orders'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_return_requests')),
    )
    with op.batch_alter_table('return_requests', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_return_requests_sub_order_id'), ['sub_order_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_return_requests_status'), ['status'], unique=False)


def downgrade():
    with op.batch_alter_table('return_requests', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_return_requests_status'))
        batch_op.drop_index(batch_op.f('ix_return_requests_sub_order_id'))
    op.drop_table('return_requests')
