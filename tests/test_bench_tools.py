"""The benchmarks' data tools keep up with the schema (bench/web.py failed for a while when stock moved to
variants: its catalogue generator still wrote a product's stock)."""

from sqlalchemy import func, select

from bench.catalog_gen import grow_catalog
from storefront.catalog.models import Product, ProductVariant
from storefront.extensions import db


def test_grown_catalogue_products_have_their_default_variant_and_can_be_bought(make, client):
    make.rates()
    make.product(texts={"en": {"name": "Magnesia brick"}}, stock=40)
    db.session.commit()
    assert grow_catalog(6) == 6
    counts = db.session.execute(
        select(Product.id, func.count(ProductVariant.id)).join(ProductVariant).group_by(Product.id)
    ).all()
    assert len(counts) == 6 and all(n == 1 for _id, n in counts)
    newest = db.session.scalar(select(func.max(Product.id)))
    page = client.get(f"/en/p/{newest}")
    assert page.status_code == 200 and "Magnesia brick #" in page.get_data(as_text=True)
