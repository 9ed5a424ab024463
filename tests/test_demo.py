"""Demo data: content rules and idempotent seeding."""

from flask import current_app
from sqlalchemy import func, select

from storefront.accounts.models import Merchant
from storefront.catalog.models import Product, ProductTranslation
from storefront.catalog.taxonomy import Cluster
from storefront.core.validators import is_valid_hs_code, is_valid_uscc
from storefront.extensions import db
from storefront.search import events as search_events
from storefront.search import kinds, sync


def _count(model):
    return db.session.scalar(select(func.count()).select_from(model))


def test_seed_twice_leaves_one_copy(runner, ctx):
    first = runner.invoke(args=["seed-demo"])
    assert first.exit_code == 0, first.output
    for kind in kinds.states():  # the seed rebuilds every index (here when it is next read, as tests run)
        sync.before_read(current_app._get_current_object(), kind)
    assert {kind: lag["built"] for kind, lag in search_events.lag_by_kind().items()} == {
        "products": True,
        "packages": True,
    }
    counts = [_count(m) for m in (Cluster, Merchant, Product, ProductTranslation)]
    images = sorted(s for (s,) in db.session.execute(db.text("SELECT stem FROM product_images")))
    second = runner.invoke(args=["seed-demo", "--reset-demo"])
    assert second.exit_code == 0, second.output
    db.session.expire_all()
    assert [_count(m) for m in (Cluster, Merchant, Product, ProductTranslation)] == counts
    assert sorted(s for (s,) in db.session.execute(db.text("SELECT stem FROM product_images"))) == images


def test_demo_content_rules(demo_app):
    with demo_app.app_context():
        assert _count(Cluster) == 5
        merchants = db.session.scalars(select(Merchant)).all()
        assert len(merchants) >= 8
        assert all(is_valid_uscc(m.uscc) for m in merchants)
        assert len({m.cluster_id for m in merchants}) == 5
        products = db.session.scalars(select(Product)).all()
        assert len(products) >= 60
        for p in products:
            assert p.images, p.sku
            assert is_valid_hs_code(p.hs_code) and len(p.hs_code) == 10, p.sku
            assert {"zh", "en"} <= set(p.translations), p.sku
        both = [p for p in products if {"ru", "ko"} <= set(p.translations)]
        assert len(both) >= 50
        assert any("ko" not in p.translations or "ru" not in p.translations for p in products)


def test_demo_pages_render_in_every_language(demo_client):
    for lang in ("zh", "ru", "ko", "en"):
        assert demo_client.get(f"/{lang}/").status_code == 200
    api = demo_client.get("/api/v1/products?lang=ru&per_page=100").json
    assert api["total"] >= 60
    assert sum(1 for item in api["items"] if item["name_lang"] == "ru") >= 50
    product_id = api["items"][0]["id"]
    for lang in ("zh", "ru", "ko", "en"):
        assert demo_client.get(f"/{lang}/p/{product_id}").status_code == 200


def test_demo_prices_per_locale(demo_client):
    ru = demo_client.get("/ru/").get_data(as_text=True)
    assert "₽" in ru and "≈" in ru and "¥" in ru
    ko = demo_client.get("/ko/").get_data(as_text=True)
    assert "₩" in ko
    import re

    assert not re.search(r"₩[\d,]+\.\d", ko)


def test_demo_catalogue_has_variants_in_every_family(demo_app):
    """Every cluster has a product with options; each combination is a variant with its own SKU and stock."""
    from sqlalchemy import select

    from storefront.catalog.models import Product

    with demo_app.app_context():
        products = [p for p in db.session.scalars(select(Product)) if p.has_options]
        clusters = {p.category.cluster.slug for p in products}
        assert clusters == {"swimwear", "magnesium", "auto-maintenance", "special-steel", "agriculture"}
        for p in products:
            combos = 1
            for option in p.option_types:
                combos *= len(option.value_codes)
            assert len(p.variants) == combos and len({v.sku for v in p.variants}) == combos
        magnesia = next(p for p in products if p.sku == "HM-MG-3001")
        assert magnesia.unit == "tonne" and {v.base_price_fen for v in magnesia.variants} == {432000, 468000, 526000}
