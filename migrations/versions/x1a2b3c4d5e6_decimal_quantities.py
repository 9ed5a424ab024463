"""catalog/ordering: quantities of weight and length units stored in steps of the unit's scale

Every quantity of a product sold by kg or tonne (×1000: grams, kilograms) or metre (×100: centimetres) is
multiplied by its unit's scale: MOQ, step, sample limit, tier breaks, variant stock, cart lines, order lines,
stock reservations, quotation lines and RFQ quantities. Piece-like units (scale 1) keep their numbers. The
scales are written out here (not imported) so that this revision stays what it was when storefront changes.

Revision ID: x1a2b3c4d5e6
Revises: w1a2b3c4d5e6
Create Date: 2026-12-03 14:30:00

"""

from alembic import op


revision = "x1a2b3c4d5e6"
down_revision = "w1a2b3c4d5e6"
branch_labels = None
depends_on = None

#: Unit code → stored steps per unit, as introduced by this revision.
SCALES = {"kg": 1000, "tonne": 1000, "metre": 100}

_PRODUCTS = "SELECT id FROM products WHERE unit = '{unit}'"
_VARIANTS = "SELECT id FROM product_variants WHERE product_id IN (" + _PRODUCTS + ")"

#: (table, column, condition naming the rows of a product in ``{unit}``).
_COLUMNS = (
    ("products", "moq", "unit = '{unit}'"),
    ("products", "qty_step", "unit = '{unit}'"),
    ("products", "sample_max_qty", "unit = '{unit}'"),
    ("price_tiers", "min_qty", "product_id IN (" + _PRODUCTS + ") OR variant_id IN (" + _VARIANTS + ")"),
    ("product_variants", "stock", "product_id IN (" + _PRODUCTS + ")"),
    ("cart_items", "qty", "variant_id IN (" + _VARIANTS + ")"),
    ("order_lines", "qty", "unit = '{unit}'"),
    (
        "stock_reservations",
        "qty",
        "variant_id IN (" + _VARIANTS + ") OR (variant_id IS NULL AND product_id IN (" + _PRODUCTS + "))",
    ),
    ("quotation_lines", "qty", "variant_id IN (" + _VARIANTS + ")"),
    ("rfqs", "quantity", "unit = '{unit}'"),
)


def _rescale(operator: str) -> None:
    for unit, factor in SCALES.items():
        for table, column, where in _COLUMNS:
            op.execute(f"UPDATE {table} SET {column} = {column} {operator} {factor} WHERE " + where.format(unit=unit))


def upgrade():
    _rescale("*")


def downgrade():
    # Quantities finer than a whole unit cannot go back to whole units: they are rounded down, but never
    # below one unit where the column must stay positive (stock may become 0).
    for unit, factor in SCALES.items():
        for table, column, where in _COLUMNS:
            floor = "0" if column == "stock" else "1"
            op.execute(
                f"UPDATE {table} SET {column} = CASE WHEN {column} / {factor} < {floor} THEN {floor} "
                f"ELSE {column} / {factor} END WHERE " + where.format(unit=unit)
            )
