"""The index follows committed data: edits, rollbacks, hiding, deleting, merchant status, reindex swap."""

import dataclasses
import threading

import pytest
from sqlalchemy import select, update

from storefront import search
from storefront.accounts.models import FilingStatus, Merchant
from storefront.catalog.models import Product, ProductTranslation
from storefront.catalog.taxonomy import Category
from storefront.extensions import db
from storefront.search import SearchQuery, events, kinds
from storefront.search.documents import load_docs, product_doc
from storefront.search.events import SearchEvent
from storefront.search.kinds import PRODUCTS
from storefront.search.sync import reindex_after_commit

#: These tests are about the production setting: the index follows each commit at once.
pytestmark = pytest.mark.usefixtures("index_on_commit")


def ids(text: str, lang: str = "ru") -> list[int]:
    """Ids of the first page of hits."""
    return [h.id for h in search.query(SearchQuery(text, lang)).hits]


@pytest.fixture
def swimsuit(make):
    """A committed product with a Russian name."""
    p = make.product(
        texts={
            "zh": {"name": "连体泳衣"},
            "en": {"name": "One-piece swimsuit"},
            "ru": {"name": "Слитный купальник"},
        }
    )
    db.session.commit()
    return p.id


def test_edit_of_russian_name_is_searchable_at_once(swimsuit):
    assert ids("купальник") == [swimsuit]
    db.session.get(Product, swimsuit).translations["ru"].name = "Пляжное парео"
    db.session.commit()
    assert ids("парео") == [swimsuit]
    assert ids("купальник") == []


def test_rolled_back_edit_changes_nothing(swimsuit):
    product = db.session.get(Product, swimsuit)
    product.translations["ru"].name = "Махровый халат"
    db.session.flush()
    db.session.rollback()
    assert ids("халат") == []
    assert ids("купальник") == [swimsuit]


def test_rolled_back_new_product_never_appears(make, swimsuit):
    make.product(texts={"zh": {"name": "海参"}, "en": {"name": "Dried sea cucumber"}})
    db.session.rollback()
    db.session.commit()  # a later, unrelated commit does not bring it back
    assert ids("cucumber", "en") == []


def test_released_savepoint_waits_for_the_outer_commit(make):
    with db.session.begin_nested():
        p = make.product(texts={"zh": {"name": "人参"}, "en": {"name": "Wild ginseng"}})
    assert ids("ginseng", "en") == []  # released, not committed
    db.session.commit()
    assert ids("ginseng", "en") == [p.id]


def test_rolled_back_savepoint_keeps_the_outer_changes(make):
    outer = make.product(texts={"zh": {"name": "人参"}, "en": {"name": "Wild ginseng"}})
    savepoint = db.session.begin_nested()
    make.product(texts={"zh": {"name": "海参"}, "en": {"name": "Dried sea cucumber"}})
    savepoint.rollback()
    db.session.commit()
    assert ids("ginseng", "en") == [outer.id]
    assert ids("cucumber", "en") == []


def test_seeding_rebuilds_the_index_after_commit(make):
    from storefront.search.sync import reindex_after_commit

    p = make.product(texts={"zh": {"name": "大米"}, "en": {"name": "Panjin rice"}})
    db.session.commit()
    search.clear()  # e.g. a lost index directory
    reindex_after_commit(db.session)
    assert ids("rice", "en") == []
    db.session.commit()
    assert ids("rice", "en") == [p.id]


def test_added_translation_is_indexed(swimsuit):
    product = db.session.get(Product, swimsuit)
    product.translations["ko"] = ProductTranslation(locale="ko", name="원피스 수영복", description="")
    db.session.commit()
    assert ids("수영복", "ko") == [swimsuit]


def test_hiding_removes_and_showing_restores(swimsuit):
    db.session.get(Product, swimsuit).hidden = True
    db.session.commit()
    assert ids("купальник") == []
    db.session.get(Product, swimsuit).hidden = False
    db.session.commit()
    assert ids("купальник") == [swimsuit]


def test_deleting_removes(swimsuit):
    db.session.delete(db.session.get(Product, swimsuit))
    db.session.commit()
    assert ids("купальник") == []
    assert not search.get_index().has(swimsuit)


def test_merchant_not_approved_removes_its_products(swimsuit):
    product = db.session.get(Product, swimsuit)
    merchant = db.session.get(Merchant, product.merchant_id)
    merchant.status = FilingStatus.REJECTED.value
    db.session.commit()
    assert ids("купальник") == []
    merchant.status = FilingStatus.APPROVED.value
    db.session.commit()
    assert ids("купальник") == [swimsuit]


def test_pending_merchants_products_are_never_indexed(make):
    pending = make.merchant(status=FilingStatus.PENDING.value)
    make.product(merchant_=pending, texts={"zh": {"name": "人参"}, "en": {"name": "Wild ginseng"}})
    db.session.commit()
    assert ids("ginseng", "en") == []


def test_category_rename_reaches_its_products(make, swimsuit):
    product = db.session.get(Product, swimsuit)
    category = db.session.get(Category, product.category_id)
    category.names = {**category.names, "en": "Beachwear for pools"}
    db.session.commit()
    assert ids("beachwear", "en") == [swimsuit]


def test_price_change_moves_the_price_facet(swimsuit):
    product = db.session.get(Product, swimsuit)
    product.price_fen = 2_500_000
    db.session.commit()
    result = search.query(SearchQuery("купальник", "ru", filters={"price": "10000-"}))
    assert [h.id for h in result.hits] == [swimsuit]


def test_documents_hold_every_language(swimsuit, ctx):
    product = db.session.get(Product, swimsuit)
    doc = product_doc(product)
    assert doc.names == {"zh": "连体泳衣", "en": "One-piece swimsuit", "ru": "Слитный купальник"}
    assert "Special steel" in doc.metas["en"] and "Dalian" in doc.metas["en"]
    assert [d.id for d in load_docs([swimsuit, 999_999])] == [swimsuit]


def test_reindex_command_swaps_in_a_complete_index(runner, make, swimsuit, app):
    index = search.get_index()
    before = (index.root / "CURRENT").read_text().strip()
    # Rows written behind the ORM (as the test wipe or a bulk import would) are only seen by a reindex.
    other = make.product(texts={"zh": {"name": "冷冻草莓"}, "en": {"name": "Frozen strawberries"}})
    db.session.commit()
    with db.engine.begin() as conn:
        conn.execute(
            ProductTranslation.__table__.update()
            .where(ProductTranslation.product_id == other.id, ProductTranslation.locale == "en")
            .values(name="Frozen raspberries")
        )
    assert ids("raspberries", "en") == []
    result = runner.invoke(args=["search", "reindex"])
    assert result.exit_code == 0, result.output
    assert "indexed 2 products" in result.output
    assert (index.root / "CURRENT").read_text().strip() != before
    assert ids("raspberries", "en") == [other.id]
    assert ids("купальник") == [swimsuit]
    assert index.doc_count() == 2
    status = runner.invoke(args=["search", "status"])
    assert "2 products" in status.output


def test_changes_during_a_reindex_are_replayed_into_the_new_index(make, swimsuit, app):
    later = make.product(texts={"zh": {"name": "大米"}, "en": {"name": "Panjin rice"}})
    db.session.commit()
    snapshot = load_docs([swimsuit, later.id])

    def products():
        yield snapshot[0]
        # While the new generation is being built, a buyer-visible edit is committed: it goes to the live
        # index and into the reindex journal, and the reindex replays it before swapping.
        db.session.get(Product, later.id).translations["en"].name = "Panjin crab rice"
        db.session.commit()
        assert ids("crab", "en") == [later.id]
        yield snapshot[1]

    assert search.get_index().rebuild(products(), load_docs) == 2
    assert ids("crab", "en") == [later.id]
    assert not (search.get_index().root / "REINDEX").exists()


def test_index_version_changes_with_every_index_change(swimsuit):
    before = search.index_version()
    db.session.get(Product, swimsuit).translations["ru"].name = "Пляжное парео"
    db.session.commit()
    assert search.index_version() != before


def test_clear_empties_the_index(swimsuit):
    search.clear()
    assert search.get_index().doc_count() == 0


def test_products_of_the_session_stay_consistent_with_the_database(make):
    for n in range(5):
        make.product(texts={"zh": {"name": f"圆钢{n}"}, "en": {"name": f"Round bar {n}"}})
    db.session.commit()
    public = set(db.session.scalars(select(Product.id)))
    assert {h.id for h in search.query(SearchQuery("bar", "en", per_page=50)).hits} == public


def _index_is_empty() -> bool:
    store = search.get_index().store
    return store.open(store.current_path()).is_empty()


def test_with_index_writes_on_read_a_change_waits_for_the_next_read(app, make):
    """The test suite's setting: a commit records the event but writes no index; the next read applies it
    (a rebuild too), and a read finds exactly what the after-commit path would have indexed."""
    app.config["SEARCH_INDEX_WRITES"] = "read"
    state = kinds.state(PRODUCTS)
    product = make.product(texts={"zh": {"name": "泳帽"}, "en": {"name": "Swim cap"}, "ru": {"name": "Шапочка"}})
    db.session.commit()
    assert state.retry == {product.id} and _index_is_empty()
    assert db.session.scalar(select(SearchEvent.ids).order_by(SearchEvent.id.desc())) == [product.id]
    assert ids("шапочка") == [product.id]
    assert state.retry == set() and not _index_is_empty()

    db.session.get(Product, product.id).translations["ru"].name = "Плавательная шапочка"
    reindex_after_commit(db.session)
    db.session.commit()
    assert state.rebuild_owed
    assert ids("плавательная") == [product.id]
    assert not state.rebuild_owed


def test_a_commit_never_waits_while_another_thread_writes_the_index(make):
    """The committing thread would wait holding its database connection while the writer needs one to
    re-read documents (20 buyers on a pool of 15 stood still for its 30 s timeout). It leaves its ids owed
    instead, and the writer writes them before it lets go."""
    state = kinds.state(PRODUCTS)
    first = make.product(texts={"en": {"name": "Swim fins"}, "ru": {"name": "Ласты"}})
    second = make.product(texts={"en": {"name": "Swim goggles"}, "ru": {"name": "Очки"}})
    db.session.commit()
    first_id, second_id = first.id, second.id
    real = state.kind
    writes: list[set[int]] = []

    def sync_while_another_commits(changed: set[int]) -> None:
        writes.append(set(changed))
        if len(writes) == 1:  # another thread renames the goggles and commits while this one writes
            with db.engine.begin() as connection:
                connection.execute(
                    update(ProductTranslation)
                    .where(ProductTranslation.product_id == second_id, ProductTranslation.locale == "ru")
                    .values(name="Очки для бассейна")
                )
            state.owe({second_id})
        real.sync(changed)

    assert state.lock.acquire(timeout=1)
    safety = threading.Timer(20, state.lock.release)  # a commit that waits fails below instead of hanging
    safety.start()
    try:
        db.session.get(Product, first_id).translations["ru"].name = "Ласты для бассейна"
        db.session.commit()  # returns at once: the lock is taken (here by the test itself)
        assert state.retry == {first_id}
        assert ids("бассейна") == []
    finally:
        safety.cancel()
        if state.lock.locked():
            state.lock.release()

    state.kind = dataclasses.replace(real, sync=sync_while_another_commits)
    try:
        db.session.commit()  # nothing of its own: writes what is owed, then goes round for what came meanwhile
    finally:
        state.kind = real
    assert writes == [{first_id}, {second_id}]
    assert state.retry == set()
    assert sorted(ids("бассейна")) == sorted([first_id, second_id])


def test_a_failed_write_keeps_its_ids_owed_and_lets_go_of_the_lock(make):
    state = kinds.state(PRODUCTS)
    product = make.product(texts={"en": {"name": "Kickboard"}, "ru": {"name": "Доска для плавания"}})
    product_id = product.id

    def broken(changed: set[int]) -> None:
        raise OSError("disk full")

    real = state.kind
    state.kind = dataclasses.replace(real, sync=broken)
    try:
        with pytest.raises(OSError, match="disk full"):
            db.session.commit()
    finally:
        state.kind = real
        db.session.remove()
    assert state.retry == {product_id} and not state.lock.locked()
    db.session.commit()  # the next commit retries it
    assert state.retry == set() and ids("доска") == [product_id]


def test_a_rebuild_after_commit_sets_the_cursor_so_the_node_counts_as_built(app, make):
    """The demo seeder rebuilds through the after-commit path: the node's index is then built and follows
    the events from there (it said "built": false on /healthz/search before)."""
    make.product(texts={"en": {"name": "Magnesium ingot"}, "ru": {"name": "Слиток магния"}})
    reindex_after_commit(db.session)
    db.session.commit()
    newest = db.session.scalar(select(SearchEvent.id).order_by(SearchEvent.id.desc()))
    assert events.read_cursor(kind=PRODUCTS) == newest
    assert events.lag(PRODUCTS) == {"built": True, "events": 0, "seconds": 0.0}
    health = app.test_client().get("/healthz/search").get_json()
    assert health["search_lag_by_kind"][PRODUCTS]["built"] is True
