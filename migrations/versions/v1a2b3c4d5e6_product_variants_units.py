"""product variants and units of sale: every product becomes a single-variant product, stock moves to variants

Each existing product gets one variant (no options, its SKU and price) holding its stock and an empty
list of option types; cart items,
order lines and stock reservations point at that variant. Products gain a unit of sale, a carton size and a
quantity step. Downgrade sums the variants' stock back onto the products (variants themselves cannot be
represented before this revision: a multi-variant product keeps its total stock and its first variant's cart
items).

Revision ID: v1a2b3c4d5e6
Revises: p1a2b3c4d5e6
Create Date: 2026-12-03 08:05:35

"""
import sqlalchemy as sa
from alembic import op

revision = 'v1a2b3c4d5e6'
down_revision = 'k1m2a3i4l5o6'  # relinked after merging main (was p1a2b3c4d5e6)
branch_labels = None
depends_on = None



def upgrade():
    op.create_table(
        'product_variants',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('product_id', sa.Integer(), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.Column('sku', sa.String(length=20), nullable=True),
        sa.Column('options', sa.JSON(), nullable=False),
        sa.Column('price_fen', sa.Integer(), nullable=True),
        sa.Column('stock', sa.Integer(), nullable=False),
        sa.Column('net_weight_g', sa.Integer(), nullable=True),
        sa.Column('gross_weight_g', sa.Integer(), nullable=True),
        sa.Column('length_mm', sa.Integer(), nullable=True),
        sa.Column('width_mm', sa.Integer(), nullable=True),
        sa.Column('height_mm', sa.Integer(), nullable=True),
        sa.Column('image_id', sa.Integer(), nullable=True),
        sa.Column('hs_code', sa.String(length=10), nullable=True),
        sa.Column('model', sa.String(length=250), nullable=True),
        sa.CheckConstraint('net_weight_g IS NULL OR (net_weight_g > 0 AND gross_weight_g >= net_weight_g)',
                           name=op.f('ck_product_variants_weights')),
        sa.CheckConstraint('price_fen IS NULL OR price_fen > 0', name=op.f('ck_product_variants_price_positive')),
        sa.CheckConstraint('stock >= 0', name=op.f('ck_product_variants_stock_not_negative')),
        sa.ForeignKeyConstraint(['image_id'], ['product_images.id'],
                                name=op.f('fk_product_variants_image_id_product_images'), ondelete='SET NULL'),
        sa.ForeignKeyConstraint(['product_id'], ['products.id'], name=op.f('fk_product_variants_product_id_products'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_product_variants')),
        sa.UniqueConstraint('product_id', 'sku', name=op.f('uq_product_variants_product_id')),
    )
    with op.batch_alter_table('product_variants', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_product_variants_product_id'), ['product_id'], unique=False)

    # every product becomes a single-variant product holding its stock
    op.execute(
        "INSERT INTO product_variants (product_id, position, sku, options, stock) "
        "SELECT id, 0, NULL, '{}', stock FROM products"
    )

    with op.batch_alter_table('cart_items', schema=None) as batch_op:
        batch_op.add_column(sa.Column('variant_id', sa.Integer(), nullable=True))
    # each product's only variant, just created above
    op.execute(
        "UPDATE cart_items SET variant_id = "
        "(SELECT MIN(v.id) FROM product_variants v WHERE v.product_id = cart_items.product_id)"
    )
    with op.batch_alter_table('cart_items', schema=None) as batch_op:
        batch_op.alter_column('variant_id', existing_type=sa.Integer(), nullable=False)
        batch_op.drop_index(batch_op.f('ix_cart_items_product_id'))
        batch_op.drop_constraint(batch_op.f('uq_cart_items_user_id'), type_='unique')
        batch_op.create_unique_constraint(batch_op.f('uq_cart_items_user_id'), ['user_id', 'variant_id'])
        batch_op.create_index(batch_op.f('ix_cart_items_variant_id'), ['variant_id'], unique=False)
        batch_op.drop_constraint(batch_op.f('fk_cart_items_product_id_products'), type_='foreignkey')
        batch_op.create_foreign_key(batch_op.f('fk_cart_items_variant_id_product_variants'), 'product_variants',
                                    ['variant_id'], ['id'], ondelete='CASCADE')
        batch_op.drop_column('product_id')

    with op.batch_alter_table('order_lines', schema=None) as batch_op:
        batch_op.add_column(sa.Column('variant_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('variant_names', sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column('unit', sa.String(length=10), server_default='piece', nullable=False))
    op.execute(
        "UPDATE order_lines SET variant_names = '{}', variant_id = "
        "(SELECT MIN(v.id) FROM product_variants v WHERE v.product_id = order_lines.product_id)"
    )
    with op.batch_alter_table('order_lines', schema=None) as batch_op:
        batch_op.alter_column('variant_names', existing_type=sa.JSON(), nullable=False)
        batch_op.create_index(batch_op.f('ix_order_lines_variant_id'), ['variant_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_order_lines_variant_id_product_variants'), 'product_variants',
                                    ['variant_id'], ['id'], ondelete='SET NULL')

    with op.batch_alter_table('price_tiers', schema=None) as batch_op:
        batch_op.add_column(sa.Column('variant_id', sa.Integer(), nullable=True))
        batch_op.alter_column('product_id', existing_type=sa.INTEGER(), nullable=True)
        batch_op.create_index(batch_op.f('ix_price_tiers_variant_id'), ['variant_id'], unique=False)
        batch_op.create_unique_constraint(batch_op.f('uq_price_tiers_variant_id'), ['variant_id', 'min_qty'])
        batch_op.create_foreign_key(batch_op.f('fk_price_tiers_variant_id_product_variants'), 'product_variants',
                                    ['variant_id'], ['id'], ondelete='CASCADE')
        batch_op.create_check_constraint(batch_op.f('ck_price_tiers_one_owner'),
                                         '(product_id IS NULL) <> (variant_id IS NULL)')

    with op.batch_alter_table('products', schema=None) as batch_op:
        batch_op.add_column(sa.Column('unit', sa.String(length=10), server_default='piece', nullable=False))
        batch_op.add_column(sa.Column('unit_size', sa.Integer(), server_default='1', nullable=False))
        batch_op.add_column(sa.Column('qty_step', sa.Integer(), server_default='1', nullable=False))
        batch_op.add_column(sa.Column('options', sa.JSON(), nullable=True))
        batch_op.create_check_constraint(batch_op.f('ck_products_unit_size_positive'), 'unit_size >= 1')
        batch_op.create_check_constraint(batch_op.f('ck_products_qty_step_positive'), 'qty_step >= 1')
        batch_op.drop_constraint(batch_op.f('ck_products_stock_not_negative'), type_='check')
        batch_op.drop_column('stock')
    op.execute("UPDATE products SET options = '[]'")
    with op.batch_alter_table('products', schema=None) as batch_op:
        batch_op.alter_column('options', existing_type=sa.JSON(), nullable=False)

    with op.batch_alter_table('stock_reservations', schema=None) as batch_op:
        batch_op.add_column(sa.Column('variant_id', sa.Integer(), nullable=True))
    op.execute(
        "UPDATE stock_reservations SET variant_id = "
        "(SELECT MIN(v.id) FROM product_variants v WHERE v.product_id = stock_reservations.product_id)"
    )
    with op.batch_alter_table('stock_reservations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_stock_reservations_variant_id'), ['variant_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_stock_reservations_variant_id_product_variants'),
                                    'product_variants', ['variant_id'], ['id'], ondelete='SET NULL')


def downgrade():
    with op.batch_alter_table('stock_reservations', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_stock_reservations_variant_id_product_variants'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_stock_reservations_variant_id'))
        batch_op.drop_column('variant_id')

    with op.batch_alter_table('products', schema=None) as batch_op:
        batch_op.add_column(sa.Column('stock', sa.INTEGER(), server_default='0', nullable=False))
    op.execute(
        "UPDATE products SET stock = (SELECT COALESCE(SUM(v.stock), 0) FROM product_variants v "
        "WHERE v.product_id = products.id)"
    )
    with op.batch_alter_table('products', schema=None) as batch_op:
        batch_op.alter_column('stock', existing_type=sa.INTEGER(), server_default=None)
        batch_op.create_check_constraint(batch_op.f('ck_products_stock_not_negative'), 'stock >= 0')
        batch_op.drop_constraint(batch_op.f('ck_products_qty_step_positive'), type_='check')
        batch_op.drop_constraint(batch_op.f('ck_products_unit_size_positive'), type_='check')
        batch_op.drop_column('options')
        batch_op.drop_column('qty_step')
        batch_op.drop_column('unit_size')
        batch_op.drop_column('unit')

    op.execute("DELETE FROM price_tiers WHERE product_id IS NULL")
    with op.batch_alter_table('price_tiers', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_price_tiers_one_owner'), type_='check')
        batch_op.drop_constraint(batch_op.f('fk_price_tiers_variant_id_product_variants'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('uq_price_tiers_variant_id'), type_='unique')
        batch_op.drop_index(batch_op.f('ix_price_tiers_variant_id'))
        batch_op.alter_column('product_id', existing_type=sa.INTEGER(), nullable=False)
        batch_op.drop_column('variant_id')

    with op.batch_alter_table('order_lines', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_order_lines_variant_id_product_variants'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_order_lines_variant_id'))
        batch_op.drop_column('unit')
        batch_op.drop_column('variant_names')
        batch_op.drop_column('variant_id')

    with op.batch_alter_table('cart_items', schema=None) as batch_op:
        batch_op.add_column(sa.Column('product_id', sa.INTEGER(), nullable=True))
    op.execute(
        "UPDATE cart_items SET product_id = (SELECT v.product_id FROM product_variants v "
        "WHERE v.id = cart_items.variant_id)"
    )
    # one line per product before variants: keep each buyer's first line of a product
    op.execute(
        "DELETE FROM cart_items WHERE id NOT IN (SELECT MIN(c.id) FROM cart_items c GROUP BY c.user_id, c.product_id)"
    )
    with op.batch_alter_table('cart_items', schema=None) as batch_op:
        batch_op.alter_column('product_id', existing_type=sa.INTEGER(), nullable=False)
        batch_op.drop_constraint(batch_op.f('fk_cart_items_variant_id_product_variants'), type_='foreignkey')
        batch_op.create_foreign_key(batch_op.f('fk_cart_items_product_id_products'), 'products', ['product_id'],
                                    ['id'], ondelete='CASCADE')
        batch_op.drop_index(batch_op.f('ix_cart_items_variant_id'))
        batch_op.drop_constraint(batch_op.f('uq_cart_items_user_id'), type_='unique')
        batch_op.create_unique_constraint(batch_op.f('uq_cart_items_user_id'), ['user_id', 'product_id'])
        batch_op.create_index(batch_op.f('ix_cart_items_product_id'), ['product_id'], unique=False)
        batch_op.drop_column('variant_id')

    with op.batch_alter_table('product_variants', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_product_variants_product_id'))
    op.drop_table('product_variants')
