"""back office: sellers' payout bank details; merchants' appeals against a moderation hide

Revision ID: b1a2b3c4d5e6
Revises: p1a2b3c4d5e6
Create Date: 2026-12-03 08:20:00

"""
from alembic import op
import sqlalchemy as sa


revision = 'b1a2b3c4d5e6'
down_revision = 't5e6f7a8b9c0'  # relinked after merging trust (was p1a2b3c4d5e6)
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'payout_details',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('account', sa.String(length=60), nullable=False),
        sa.Column('bank_name', sa.String(length=120), nullable=False),
        sa.Column('account_name', sa.String(length=120), nullable=False),
        sa.Column('account_number', sa.String(length=40), nullable=False),
        sa.Column('swift', sa.String(length=11), server_default='', nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
        sa.Column('updated_by_id', sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(['updated_by_id'], ['users.id'], name=op.f('fk_payout_details_updated_by_id_users'), ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_payout_details')),
        sa.UniqueConstraint('account', name=op.f('uq_payout_details_account')),
    )
    op.create_table(
        'moderation_appeals',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('product_id', sa.Integer(), nullable=False),
        sa.Column('reason', sa.Text(), nullable=False),
        sa.Column('message', sa.Text(), nullable=False),
        sa.Column('status', sa.String(length=10), nullable=False),
        sa.Column('answer', sa.Text(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
        sa.Column('created_by_id', sa.Integer(), nullable=True),
        sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('decided_by_id', sa.Integer(), nullable=True),
        sa.CheckConstraint("status IN ('open', 'accepted', 'rejected')", name=op.f('ck_moderation_appeals_status_known')),
        sa.CheckConstraint('length(message) <= 2000', name=op.f('ck_moderation_appeals_len_message')),
        sa.CheckConstraint('length(answer) <= 2000', name=op.f('ck_moderation_appeals_len_answer')),
        sa.ForeignKeyConstraint(['product_id'], ['products.id'], name=op.f('fk_moderation_appeals_product_id_products'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_moderation_appeals_created_by_id_users'), ondelete='SET NULL'),
        sa.ForeignKeyConstraint(['decided_by_id'], ['users.id'], name=op.f('fk_moderation_appeals_decided_by_id_users'), ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_moderation_appeals')),
    )
    with op.batch_alter_table('moderation_appeals', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_moderation_appeals_product_id'), ['product_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_moderation_appeals_status'), ['status'], unique=False)


def downgrade():
    with op.batch_alter_table('moderation_appeals', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_moderation_appeals_status'))
        batch_op.drop_index(batch_op.f('ix_moderation_appeals_product_id'))
    op.drop_table('moderation_appeals')
    op.drop_table('payout_details')
