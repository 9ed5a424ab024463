"""merchant promotions: percentage or fixed discounts on products and/or categories for a time window

Order lines record the list price before the promotion and the promotion applied. Downgrade drops the
promotions and those two order line columns (the paid unit price stays on the lines).

Revision ID: r1a2b3c4d5e6
Revises: b6a7b8c9d0e1
Create Date: 2026-12-03 09:45:00

"""

import sqlalchemy as sa
from alembic import op

revision = "r1a2b3c4d5e6"
down_revision = "b6a7b8c9d0e1"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "promotions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("merchant_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("percent", sa.Integer(), nullable=True),
        sa.Column("amount_fen", sa.Integer(), nullable=True),
        sa.Column("starts_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ends_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column(
            "created_at", sa.DateTime(timezone=True), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False
        ),
        sa.CheckConstraint("(percent IS NULL) <> (amount_fen IS NULL)", name=op.f("ck_promotions_percent_or_amount")),
        sa.CheckConstraint(
            "percent IS NULL OR (percent >= 1 AND percent <= 90)", name=op.f("ck_promotions_percent_range")
        ),
        sa.CheckConstraint("amount_fen IS NULL OR amount_fen > 0", name=op.f("ck_promotions_amount_positive")),
        sa.CheckConstraint("ends_at > starts_at", name=op.f("ck_promotions_window")),
        sa.ForeignKeyConstraint(
            ["merchant_id"], ["merchants.id"], name=op.f("fk_promotions_merchant_id_merchants"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_promotions")),
    )
    with op.batch_alter_table("promotions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_promotions_merchant_id"), ["merchant_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_promotions_starts_at"), ["starts_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_promotions_ends_at"), ["ends_at"], unique=False)
    op.create_table(
        "promotion_products",
        sa.Column("promotion_id", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["promotion_id"],
            ["promotions.id"],
            name=op.f("fk_promotion_products_promotion_id_promotions"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["product_id"], ["products.id"], name=op.f("fk_promotion_products_product_id_products"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("promotion_id", "product_id", name=op.f("pk_promotion_products")),
    )
    with op.batch_alter_table("promotion_products", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_promotion_products_product_id"), ["product_id"], unique=False)
    op.create_table(
        "promotion_categories",
        sa.Column("promotion_id", sa.Integer(), nullable=False),
        sa.Column("category_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["promotion_id"],
            ["promotions.id"],
            name=op.f("fk_promotion_categories_promotion_id_promotions"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["category_id"],
            ["categories.id"],
            name=op.f("fk_promotion_categories_category_id_categories"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("promotion_id", "category_id", name=op.f("pk_promotion_categories")),
    )
    with op.batch_alter_table("promotion_categories", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_promotion_categories_category_id"), ["category_id"], unique=False)
    with op.batch_alter_table("order_lines", schema=None) as batch_op:
        batch_op.add_column(sa.Column("list_price_fen", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("promotion_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_order_lines_promotion_id_promotions"),
            "promotions",
            ["promotion_id"],
            ["id"],
            ondelete="SET NULL",
        )


def downgrade():
    with op.batch_alter_table("order_lines", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_order_lines_promotion_id_promotions"), type_="foreignkey")
        batch_op.drop_column("promotion_id")
        batch_op.drop_column("list_price_fen")
    with op.batch_alter_table("promotion_categories", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_promotion_categories_category_id"))
    op.drop_table("promotion_categories")
    with op.batch_alter_table("promotion_products", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_promotion_products_product_id"))
    op.drop_table("promotion_products")
    with op.batch_alter_table("promotions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_promotions_ends_at"))
        batch_op.drop_index(batch_op.f("ix_promotions_starts_at"))
        batch_op.drop_index(batch_op.f("ix_promotions_merchant_id"))
    op.drop_table("promotions")
