"""The Alembic migrations produce exactly the schema the models describe, and keep data across the variants
migration down and up."""

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from flask_migrate import downgrade, upgrade
from sqlalchemy import text

from storefront.extensions import db
from storefront.ordering.models import CartItem
from tests import factories
from tests.fixtures import BACKENDS, backend_app, make_app


def test_migrations_match_models(app):
    with app.app_context(), db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True, "render_as_batch": True})
        diff = compare_metadata(context, db.metadata)
    assert diff == []


BEFORE_VARIANTS = "k1m2a3i4l5o6"  # the downgrade walks back through every later revision too


@pytest.fixture(params=BACKENDS)
def scratch_app(request, tmp_path):
    """A separate app on its own database, for walking the migrations down and up with data in it."""
    with backend_app(request, tmp_path, "mig") as application:
        yield application


def _rows(sql: str) -> list[tuple]:
    with db.engine.connect() as conn:
        return [tuple(row) for row in conn.execute(text(sql))]


def test_variants_migration_keeps_every_product_down_and_up(scratch_app):
    """Products, stock, tiers, carts, order lines and reservations survive downgrade and upgrade again."""
    with scratch_app.test_request_context("/en/"):
        factories.rates()
        a = factories.product(stock=7, tiers=[(10, 9000)])
        b = factories.product(stock=0)
        buyer = factories.user(email="mig@example.com")
        db.session.add(CartItem(user_id=buyer.id, variant_id=b.default_variant.id, qty=2))
        factories.order([(a, 3)])
        ids = a.id, b.id
        db.session.commit()
        db.session.remove()  # no open transaction may hold a lock the migration waits for
        downgrade(revision=BEFORE_VARIANTS)
        db.session.remove()
        assert _rows("SELECT id, stock FROM products ORDER BY id") == [(ids[0], 4), (ids[1], 0)]
        assert _rows("SELECT product_id, qty FROM cart_items") == [(ids[1], 2)]
        assert _rows("SELECT product_id, min_qty, price_fen FROM price_tiers") == [(ids[0], 10, 9000)]
        assert _rows("SELECT product_id, qty FROM stock_reservations") == [(ids[0], 3)]
        upgrade(revision="heads")
        db.session.remove()
        variants = _rows("SELECT id, product_id, stock, sku FROM product_variants ORDER BY product_id")
        assert [(pid, stock, sku) for _id, pid, stock, sku in variants] == [(ids[0], 4, None), (ids[1], 0, None)]
        first = {pid: vid for vid, pid, _s, _k in variants}
        assert _rows("SELECT variant_id, qty FROM cart_items") == [(first[ids[1]], 2)]
        assert _rows("SELECT variant_id, qty FROM stock_reservations") == [(first[ids[0]], 3)]
        assert _rows("SELECT variant_id FROM order_lines") == [(first[ids[0]],)]
        assert _rows("SELECT product_id, variant_id, min_qty FROM price_tiers") == [(ids[0], None, 10)]


def test_a_migrated_database_keeps_foreign_keys_enforced(tmp_path):
    """Migrations switch SQLite's foreign keys off on their connection; the pool must not hand it on that way
    (ON DELETE SET NULL / CASCADE would silently not happen for the app's next request)."""
    application = make_app(tmp_path, f"sqlite:///{tmp_path / 'fk.sqlite3'}")
    with application.app_context():
        upgrade(revision="heads")
        try:
            for _ in range(3):  # whichever pooled connection comes back
                with db.engine.connect() as conn:
                    assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        finally:
            db.session.remove()
            db.engine.dispose()


def test_the_migrations_have_one_head():
    """`flask db upgrade` (what `tasks.py run` and deployments call) needs one head: branches merged in parallel
    must be relinked into one line, not left as siblings of the same parent."""
    config = Config()
    config.set_main_option("script_location", str(Path(__file__).resolve().parents[1] / "migrations"))
    assert len(ScriptDirectory.from_config(config).get_heads()) == 1


def test_decimal_quantities_migration_scales_weight_units_and_back(scratch_app):
    """x1a2b3c4d5e6 multiplies the quantities of kg/tonne/metre products by their scale and divides them back;
    piece products keep their numbers both ways."""
    with scratch_app.test_request_context("/en/"):
        factories.rates()
        magnesia = factories.product(unit="tonne", moq=5000, qty_step=5000, stock=600_000, tiers=[(20_000, 9000)])
        bolts = factories.product(unit="piece", moq=10, stock=70, tiers=[(100, 90)])
        buyer = factories.user(email="scale@example.com")
        db.session.add(CartItem(user_id=buyer.id, variant_id=magnesia.default_variant.id, qty=10_000))
        factories.order([(magnesia, 5000), (bolts, 20)])
        ids = magnesia.id, bolts.id
        db.session.commit()
        db.session.remove()
        downgrade(revision="i1a2b3c4d5e6")
        db.session.remove()
        products = "SELECT id, moq, qty_step FROM products ORDER BY id"
        stock = "SELECT product_id, stock FROM product_variants ORDER BY product_id"
        assert _rows(products) == [(ids[0], 5, 5), (ids[1], 10, 1)]
        assert _rows(stock) == [(ids[0], 595), (ids[1], 50)]
        assert _rows("SELECT product_id, min_qty FROM price_tiers ORDER BY product_id") == [(ids[0], 20), (ids[1], 100)]
        assert _rows("SELECT qty FROM cart_items") == [(10,)]
        assert _rows("SELECT product_id, qty FROM order_lines ORDER BY product_id") == [(ids[0], 5), (ids[1], 20)]
        assert _rows("SELECT product_id, qty FROM stock_reservations ORDER BY product_id") == [
            (ids[0], 5),
            (ids[1], 20),
        ]
        upgrade(revision="heads")
        db.session.remove()
        assert _rows(products) == [(ids[0], 5000, 5000), (ids[1], 10, 1)]
        assert _rows(stock) == [(ids[0], 595_000), (ids[1], 50)]
        assert _rows("SELECT qty FROM cart_items") == [(10_000,)]
        assert _rows("SELECT product_id, qty FROM order_lines ORDER BY product_id") == [(ids[0], 5000), (ids[1], 20)]
        assert _rows("SELECT product_id, min_qty FROM price_tiers ORDER BY product_id") == [
            (ids[0], 20_000),
            (ids[1], 100),
        ]
