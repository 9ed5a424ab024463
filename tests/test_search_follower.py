"""SEARCH_INDEX_WRITES=follower (what `tasks.py serve` runs): the node's `search follow` worker writes the indexes,
requests never do; and the per-searcher map from product id to document that promoted prices are looked up through."""

import pytest
from whoosh.fields import ID, NUMERIC, Schema
from whoosh.filedb.filestore import RamStorage

from storefront import search
from storefront.catalog.models import Product
from storefront.extensions import db
from storefront.search import SearchQuery, events
from storefront.search.whoosh_run import prices_by_doc


def _ids(text: str) -> list[int]:
    return [h.id for h in search.query(SearchQuery(text, "en")).hits]


@pytest.fixture
def follower(app):
    """The app as a web process of a node whose follower keeps the indexes (built, with its cursor set)."""
    events.rebuild()
    app.config["SEARCH_INDEX_WRITES"] = "follower"
    yield app
    app.config["SEARCH_INDEX_WRITES"] = "read"


def test_with_a_follower_a_commit_and_a_search_write_nothing_until_the_follower_catches_up(make, follower):
    make.rates()
    product = make.product(texts={"en": {"name": "Zirconium widget"}})
    db.session.commit()
    assert events.lag()["events"] >= 1  # recorded for the follower ...
    assert _ids("zirconium") == []  # ... and neither the commit nor this read wrote the index
    assert events.catch_up() >= 1  # what `flask search follow` does every second
    assert events.lag()["events"] == 0
    assert _ids("zirconium") == [product.id]

    db.session.get(Product, product.id).hidden = True
    db.session.commit()
    assert _ids("zirconium") == [product.id]  # still the follower's to apply
    events.catch_up()
    assert _ids("zirconium") == []


def test_the_cli_follower_applies_pending_events(make, follower):
    make.rates()
    product_id = make.product(texts={"en": {"name": "Zirconium widget"}}).id
    db.session.commit()
    result = follower.test_cli_runner().invoke(args=["search", "follow", "--once"])
    assert result.exit_code == 0, result.output
    assert _ids("zirconium") == [product_id]


def test_promoted_prices_find_the_live_document_after_updates(make, index_on_commit):
    make.rates()
    products = [make.product(price_fen=10_000 + n, texts={"en": {"name": f"Anchor chain {n}"}}) for n in range(4)]
    db.session.commit()
    for product in products[:2]:  # each update deletes the old document and adds one in a new segment
        db.session.get(Product, product.id).price_fen += 100
        db.session.commit()
    searcher = search.get_index().store.searcher()
    wanted = {p.id: 8_000 + n for n, p in enumerate(products)} | {999_999: 1}  # and one not in the index
    expected = {searcher.document_number(id=str(p.id)): 8_000 + n for n, p in enumerate(products)}
    assert len(expected) == 4 and None not in expected
    assert prices_by_doc(searcher, wanted) == expected


def test_an_index_built_before_ids_had_a_column_is_looked_up_by_term():
    ix = RamStorage().create_index(Schema(id=ID(stored=True, unique=True), price=NUMERIC(int, sortable=True)))
    for batch in ((1, 2), (3,), (2,)):  # the last replaces product 2
        with ix.writer() as w:
            for product_id in batch:
                w.update_document(id=str(product_id), price=product_id)
    with ix.searcher() as searcher:
        assert not searcher.reader().has_column("id")
        expected = {searcher.document_number(id="2"): 500, searcher.document_number(id="3"): 700}
        assert prices_by_doc(searcher, {2: 500, 3: 700, 9: 100}) == expected


def test_a_listing_rendered_before_the_follower_caught_up_is_not_served_after(client, make, follower):
    """The listing's option facets (and an option filter's products) come from the index, which follows the
    commit a moment later: its cached fragment must not outlive that moment."""
    make.rates()
    category = make.category("swimA", cluster_slug="swimwear")
    product = make.product(category_=category, texts={"en": {"name": "Swimsuit A"}})
    make.with_variants(product, {"size": ["M"]}, stock=5)
    db.session.commit()
    events.catch_up()
    assert '<option value="M" >M (1)</option>' in client.get("/en/c/swimwear/").get_data(as_text=True)

    other = make.product(category_=category, texts={"en": {"name": "Swimsuit B"}})
    make.with_variants(other, {"size": ["XL"]}, stock=5)
    db.session.commit()
    early = client.get("/en/c/swimwear/").get_data(as_text=True)  # the index does not know XL yet
    assert f"/en/p/{other.id}" in early and 'value="XL"' not in early
    events.catch_up()  # the follower's next round; nothing changes in the database
    later = client.get("/en/c/swimwear/").get_data(as_text=True)
    assert '<option value="XL" >XL (1)</option>' in later
    filtered = client.get("/en/c/swimwear/?opt-size=XL").get_data(as_text=True)
    assert f"/en/p/{other.id}" in filtered and f"/en/p/{product.id}" not in filtered


def test_a_rebuild_by_the_follower_invalidates_every_cached_page(make, follower):
    from storefront.core import versions
    from storefront.search.sync import reindex_after_commit

    make.rates()
    make.product(texts={"en": {"name": "Zirconium widget"}})
    db.session.commit()
    events.catch_up()
    before, _at = versions.current_version(versions.GLOBAL)
    reindex_after_commit(db.session)  # as the demo seeder does: the follower rebuilds the whole index
    db.session.commit()
    events.catch_up()
    assert versions.current_version(versions.GLOBAL)[0] > before
    assert _ids("zirconium") != []


def test_search_index_writes_is_one_of_three_and_the_old_settings_are_refused():
    from storefront.config import search_index_writes

    assert search_index_writes({}) == "commit"
    assert search_index_writes({"SEARCH_INDEX_WRITES": " Follower "}) == "follower"
    with pytest.raises(ValueError, match="must be one of commit, follower, read"):
        search_index_writes({"SEARCH_INDEX_WRITES": "yes"})
    with pytest.raises(ValueError, match="set SEARCH_INDEX_WRITES=follower instead"):
        search_index_writes({"SEARCH_FOLLOWER": "1"})
    with pytest.raises(ValueError, match="SEARCH_INDEX_ON_COMMIT is no longer read"):
        search_index_writes({"SEARCH_INDEX_ON_COMMIT": "0"})
