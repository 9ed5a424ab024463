"""Demo content is data: TOML files checked on load, with errors that name the file, record and key."""

import pytest

from storefront.demo import content
from storefront.demo.datafiles import DATA_DIR, DemoDataError, check_records, load


def test_every_product_file_loads_in_catalogue_order():
    files = sorted(p.stem for p in DATA_DIR.glob("products-*.toml"))
    assert sorted(f"products-{name}" for name in content.PRODUCT_FILES) == files
    assert [p["sku"] for p in content.PRODUCTS][0].startswith("HY-SW")  # swimwear first, as the shop shows it
    assert len({p["sku"] for p in content.PRODUCTS}) == len(content.PRODUCTS) >= 64


def test_broken_toml_names_the_file(tmp_path):
    bad = tmp_path / "products-x.toml"
    bad.write_text('[[products]]\nsku = "A\n', encoding="utf-8")
    with pytest.raises(DemoDataError, match="products-x.toml"):
        load(bad, "products")


def test_missing_top_level_key(tmp_path):
    path = tmp_path / "cities.toml"
    path.write_text('[towns]\na = { zh = "甲" }\n', encoding="utf-8")
    with pytest.raises(DemoDataError, match="no top-level 'cities'"):
        load(path, "cities")


@pytest.mark.parametrize(
    ("record", "message"),
    [
        ({"sku": "A"}, "record 1: missing 'stock'"),
        ({"sku": "A", "stock": "7"}, "'stock' should be int"),
        ({"sku": "A", "stock": True}, "'stock' should be int"),
    ],
)
def test_schema_errors_name_record_and_key(record, message):
    with pytest.raises(DemoDataError, match=message):
        check_records([record], {"sku": str, "stock": int}, "products-x.toml")
