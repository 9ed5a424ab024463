"""Marketplace demo data: enough providers and packages in every locale, seeded idempotently, pages render."""

from __future__ import annotations

import re

from sqlalchemy import func, select

from services_market import demo, search
from services_market.constants import CATEGORIES
from services_market.models import Package, Provider
from services_market.order_models import ServiceReview
from services_market.voucher_models import Voucher, VoucherBatch
from storefront.core.locales import LANGS
from storefront.core.validators import is_valid_uscc
from storefront.extensions import db

#: Languages the demo services are written in (Mongolian readers get the Russian text, labelled).
DEMO_LANGS = ("zh", "ru", "ko", "en")

_PACKAGE_LINK = re.compile(r'data-package="(\d+)"')


def _count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def test_demo_content_rules(demo_app):
    with demo_app.app_context():
        providers = db.session.scalars(select(Provider)).all()
        assert len(providers) >= 6 and all(p.is_approved and is_valid_uscc(p.uscc) for p in providers)
        assert all(set(p.names) == set(DEMO_LANGS) and set(p.descriptions) == set(DEMO_LANGS) for p in providers)
        packages = db.session.scalars(select(Package)).all()
        assert len(packages) >= 15 and {p.category for p in packages} == set(CATEGORIES)
        for p in packages:
            assert p.is_public and p.images, p.key
            assert set(p.texts) == set(DEMO_LANGS) and all(t.title and t.description for t in p.texts.values()), p.key
            assert 1 <= len(p.tiers) <= 3 and p.languages, p.key
            for tier in p.tiers:
                assert set(tier.deliverables) == set(DEMO_LANGS), (p.key, tier.level)
                assert len({len(items) for items in tier.deliverables.values()}) == 1, (p.key, tier.level)
        assert _count(ServiceReview) >= 5
        assert _count(VoucherBatch) >= 2 and _count(Voucher) > 20


def test_demo_pages_and_api_in_every_language(demo_client):
    for lang in LANGS:
        page = demo_client.get(f"/{lang}/services/").get_data(as_text=True)
        ids = _PACKAGE_LINK.findall(page)
        assert len(ids) >= 15
        assert demo_client.get(f"/{lang}/services/p/{ids[0]}").status_code == 200
        api = demo_client.get(f"/api/v1/services?lang={lang}&per_page=100").json
        shown_in = lang if lang in DEMO_LANGS else "ru"  # mn falls back to Russian first
        assert api["total"] >= 15 and all(item["title_lang"] == shown_in for item in api["items"])
    found = demo_client.get("/ru/services/", query_string={"q": "сертификация"}).get_data(as_text=True)
    assert len(_PACKAGE_LINK.findall(found)) >= 2


def test_seeding_twice_changes_nothing(ctx):
    first = demo.seed()
    db.session.commit()
    counts = [_count(m) for m in (Provider, Package, VoucherBatch, Voucher)]
    stems = sorted(s for (s,) in db.session.execute(db.text("SELECT stem FROM service_package_images")))
    second = demo.seed()
    db.session.commit()
    db.session.expire_all()
    assert [_count(m) for m in (Provider, Package, VoucherBatch, Voucher)] == counts
    assert sorted(s for (s,) in db.session.execute(db.text("SELECT stem FROM service_package_images"))) == stems
    assert first["service packages"] == second["service packages"] >= 15
    assert second["voucher batches added"] == 0
    search.clear()
