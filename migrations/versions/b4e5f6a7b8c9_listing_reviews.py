"""listing review: new merchants' products and customs-data changes of live products wait for an operator

Revision ID: b4e5f6a7b8c9
Revises: b3d4e5f6a7b8
Create Date: 2026-12-03 09:00:00

"""
from alembic import op
import sqlalchemy as sa


revision = 'b4e5f6a7b8c9'
down_revision = 'b3d4e5f6a7b8'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'listing_reviews',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('product_id', sa.Integer(), nullable=False),
        sa.Column('kind', sa.String(length=8), nullable=False),
        sa.Column('status', sa.String(length=10), nullable=False),
        sa.Column('proposed', sa.JSON(), nullable=False),
        sa.Column('previous', sa.JSON(), nullable=False),
        sa.Column('reason', sa.Text(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
        sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('decided_by_id', sa.Integer(), nullable=True),
        sa.CheckConstraint("kind IN ('new', 'customs')", name=op.f('ck_listing_reviews_kind_known')),
        sa.CheckConstraint("status IN ('open', 'approved', 'rejected')", name=op.f('ck_listing_reviews_status_known')),
        sa.ForeignKeyConstraint(['product_id'], ['products.id'], name=op.f('fk_listing_reviews_product_id_products'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['decided_by_id'], ['users.id'], name=op.f('fk_listing_reviews_decided_by_id_users'), ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_listing_reviews')),
    )
    with op.batch_alter_table('listing_reviews', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_listing_reviews_product_id'), ['product_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_listing_reviews_status'), ['status'], unique=False)


def downgrade():
    with op.batch_alter_table('listing_reviews', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_listing_reviews_status'))
        batch_op.drop_index(batch_op.f('ix_listing_reviews_product_id'))
    op.drop_table('listing_reviews')
