"""product samples: a product may offer samples (price, most per order, lead time) bought without the MOQ

Cart items and order lines say whether they are samples. Downgrade drops sample cart lines (they cannot be
told apart from goods before this revision) and forgets which order lines were samples.

Revision ID: v2b3c4d5e6f7
Revises: v1a2b3c4d5e6
Create Date: 2026-12-03 08:57:00

"""
import sqlalchemy as sa
from alembic import op

revision = 'v2b3c4d5e6f7'
down_revision = 'v1a2b3c4d5e6'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('cart_items', schema=None) as batch_op:
        batch_op.add_column(sa.Column('sample', sa.Boolean(), server_default=sa.false(), nullable=False))
        batch_op.drop_constraint(batch_op.f('uq_cart_items_user_id'), type_='unique')
        batch_op.create_unique_constraint(batch_op.f('uq_cart_items_user_id'), ['user_id', 'variant_id', 'sample'])

    with op.batch_alter_table('order_lines', schema=None) as batch_op:
        batch_op.add_column(sa.Column('is_sample', sa.Boolean(), server_default=sa.false(), nullable=False))

    with op.batch_alter_table('products', schema=None) as batch_op:
        batch_op.add_column(sa.Column('sample_price_fen', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('sample_max_qty', sa.Integer(), server_default='1', nullable=False))
        batch_op.add_column(sa.Column('sample_lead_days', sa.Integer(), server_default='0', nullable=False))
        batch_op.create_check_constraint(batch_op.f('ck_products_sample_price_positive'),
                                         'sample_price_fen IS NULL OR sample_price_fen > 0')
        batch_op.create_check_constraint(batch_op.f('ck_products_sample_limits'),
                                         'sample_max_qty >= 1 AND sample_lead_days >= 0')


def downgrade():
    with op.batch_alter_table('products', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_products_sample_limits'), type_='check')
        batch_op.drop_constraint(batch_op.f('ck_products_sample_price_positive'), type_='check')
        batch_op.drop_column('sample_lead_days')
        batch_op.drop_column('sample_max_qty')
        batch_op.drop_column('sample_price_fen')

    with op.batch_alter_table('order_lines', schema=None) as batch_op:
        batch_op.drop_column('is_sample')

    op.execute(sa.text("DELETE FROM cart_items WHERE sample = :yes").bindparams(yes=True))
    with op.batch_alter_table('cart_items', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_cart_items_user_id'), type_='unique')
        batch_op.create_unique_constraint(batch_op.f('uq_cart_items_user_id'), ['user_id', 'variant_id'])
        batch_op.drop_column('sample')
