"""product reviews: reviews by verified buyers (one per order line), their photos, and each product's figures

Revision ID: t2b3c4d5e6f7
Revises: t1a2b3c4d5e6
Create Date: 2026-12-03 09:00:00

"""
from alembic import op
import sqlalchemy as sa


revision = 't2b3c4d5e6f7'
down_revision = 't1a2b3c4d5e6'
branch_labels = None
depends_on = None

NOW = sa.text('(CURRENT_TIMESTAMP)')


def upgrade():
    op.create_table('product_ratings',
    sa.Column('product_id', sa.Integer(), nullable=False),
    sa.Column('rating_sum', sa.Integer(), nullable=False),
    sa.Column('rating_count', sa.Integer(), nullable=False),
    sa.CheckConstraint('rating_count >= 0 AND rating_sum >= rating_count', name=op.f('ck_product_ratings_figures_valid')),
    sa.ForeignKeyConstraint(['product_id'], ['products.id'], name=op.f('fk_product_ratings_product_id_products'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('product_id', name=op.f('pk_product_ratings'))
    )
    op.create_table('product_reviews',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('product_id', sa.Integer(), nullable=False),
    sa.Column('order_line_id', sa.Integer(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=True),
    sa.Column('author_name', sa.String(length=120), nullable=False),
    sa.Column('rating', sa.SmallInteger(), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('lang', sa.String(length=5), nullable=False),
    sa.Column('reply', sa.Text(), nullable=False),
    sa.Column('replied_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('moderation_reason', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=NOW, nullable=False),
    sa.CheckConstraint('rating >= 1 AND rating <= 5', name=op.f('ck_product_reviews_rating_range')),
    sa.CheckConstraint('length("body") <= 5000', name=op.f('ck_product_reviews_len_body')),
    sa.CheckConstraint('length("reply") <= 5000', name=op.f('ck_product_reviews_len_reply')),
    sa.CheckConstraint('length("moderation_reason") <= 2000', name=op.f('ck_product_reviews_len_moderation_reason')),
    sa.ForeignKeyConstraint(['author_id'], ['users.id'], name=op.f('fk_product_reviews_author_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['order_line_id'], ['order_lines.id'], name=op.f('fk_product_reviews_order_line_id_order_lines'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['product_id'], ['products.id'], name=op.f('fk_product_reviews_product_id_products'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_product_reviews')),
    sa.UniqueConstraint('order_line_id', name=op.f('uq_product_reviews_order_line_id'))
    )
    with op.batch_alter_table('product_reviews', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_product_reviews_author_id'), ['author_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_product_reviews_created_at'), ['created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_product_reviews_product_id'), ['product_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_product_reviews_status'), ['status'], unique=False)
    op.create_table('review_photos',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('review_id', sa.Integer(), nullable=False),
    sa.Column('stem', sa.String(length=40), nullable=False),
    sa.Column('width', sa.Integer(), nullable=False),
    sa.Column('height', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['review_id'], ['product_reviews.id'], name=op.f('fk_review_photos_review_id_product_reviews'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_review_photos'))
    )
    with op.batch_alter_table('review_photos', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_review_photos_review_id'), ['review_id'], unique=False)


def downgrade():
    with op.batch_alter_table('review_photos', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_review_photos_review_id'))
    op.drop_table('review_photos')
    with op.batch_alter_table('product_reviews', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_product_reviews_status'))
        batch_op.drop_index(batch_op.f('ix_product_reviews_product_id'))
        batch_op.drop_index(batch_op.f('ix_product_reviews_created_at'))
        batch_op.drop_index(batch_op.f('ix_product_reviews_author_id'))
    op.drop_table('product_reviews')
    op.drop_table('product_ratings')
