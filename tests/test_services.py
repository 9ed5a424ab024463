"""Service marketplace: provider filing, packages, browsing and search, the API, the order workflow with
vouchers, threads and files, reviews, e-mails in the recipient's language, auto-completion, the gaps panel."""

from __future__ import annotations

import email
import io
import re
import zipfile
from datetime import timedelta
from email import policy
from pathlib import Path

import pytest
from flask import g
from flask_babel import force_locale, gettext
from sqlalchemy import func, select
from werkzeug.datastructures import FileStorage

from services_market import orders, providers, reviews, search, threads
from services_market.constants import Action, OrderStatus, Party
from services_market.files import check_attachment
from services_market.gaps import catalogue_gaps
from services_market.order_models import ServiceOrder, ServiceOrderEvent
from services_market.packages import PackageData, PackageError, TierData, check, create_package
from services_market.util import now
from services_market.voucher_models import Voucher
from storefront.accounts.models import FilingStatus, Role
from storefront.catalog.models import ProductTranslation
from storefront.core.audit import AuditEntry
from storefront.extensions import db
from tests.backoffice_helpers import PDF, FreshClient
from tests.test_rfq_files import DOCX, XLSX, office


class Client(FreshClient):
    """A client that also forgets the provider cached on ``g``."""

    def open(self, *args, **kwargs):
        g.pop("provider", None)
        return super().open(*args, **kwargs)


def as_user(app, user, lang="en") -> Client:
    """A fresh client signed in as ``user``."""
    client = Client(app, app.response_class, use_cookies=True)
    with client.session_transaction() as session:  # Flask-Login's keys: the sign-in form is rate limited
        session["_user_id"] = str(user.id)
        session["_fresh"] = True
    return client


@pytest.fixture(autouse=True)
def _clean_package_index(app):
    """The package index starts empty (the database wipe bypasses the commit hooks)."""
    with app.app_context():
        search.clear()
    yield


def upload(data: bytes, name: str) -> FileStorage:
    """A file as a form would send it."""
    return FileStorage(io.BytesIO(data), filename=name)


def mails(app) -> list:
    """Every .eml the file mail backend wrote, oldest first."""
    folder = Path(app.config["DATA_DIR"]) / "mail"
    return (
        [email.message_from_bytes(f.read_bytes(), policy=policy.default) for f in sorted(folder.glob("*.eml"))]
        if folder.exists()
        else []
    )


def clear_mails(app) -> None:
    """Forget the mails written so far."""
    folder = Path(app.config["DATA_DIR"]) / "mail"
    for f in folder.glob("*.eml") if folder.exists() else ():
        f.unlink()


@pytest.fixture
def market(make):
    """A merchant (zh UI), a provider (ru UI) with a public translation package, an unrelated package."""
    make.rates()
    merchant = make.merchant(owner=make.user(Role.MERCHANT.value, locale="zh"))
    provider = make.service_provider(owner=make.user(Role.PROVIDER.value, locale="ru"))
    package = make.service_package(
        provider,
        texts={
            "zh": ("俄语产品目录翻译", "母语译员翻译您的产品目录和详情页。"),
            "ru": (
                "Перевод каталога на русский язык",
                "Носители языка переводят ваш каталог и карточки товаров.",
            ),
            "en": ("Russian catalogue translation", "Native speakers translate your catalogue."),
        },
        languages=("zh", "ru"),
    )
    other = make.service_package(
        make.service_provider(categories=["certification"]),
        category="certification",
        texts={"zh": ("欧盟CE认证辅导", "")},
        languages=("zh", "en"),
        tiers=[("basic", 500000, 30, 0)],
    )
    db.session.commit()
    return merchant, provider, package, other


# filing -------------------------------------------------------------------------------------------


def test_provider_filing_is_checked_and_approved_through_the_queue(make):
    owner = make.user(Role.PROVIDER.value)
    data = providers.ProviderData(
        names={"zh": "大连译通", "en": "Dalian Yitong"},
        uscc="123",
        categories=["x"],
        languages=[],
        regions=["russia"],
        contact_name="",
        contact_email="bad",
    )
    errors = providers.check(data.normalized())
    assert set(errors) == {"uscc", "categories", "languages", "contact_name", "contact_email"}
    data.uscc, data.categories, data.languages = make.valid_uscc(77), ["translation"], ["ru", "zh"]
    data.contact_name, data.contact_email = "Wang Fang", "Wang@Example.com"
    provider = providers.submit(owner, data)
    assert provider.status == FilingStatus.PENDING.value and provider.contact_email == "wang@example.com"
    package = make.service_package(provider)
    db.session.commit()
    assert not package.is_public

    from storefront.filing.queue import KINDS

    kind = KINDS["provider"]
    assert kind.counts()["pending"] == 1 and kind.rows("pending", "en")[0].id == provider.id
    operator = make.user(Role.OPERATOR.value)
    with pytest.raises(providers.ProviderError):
        kind.reject(provider, operator, "  ")
    kind.approve(provider, operator)
    db.session.commit()
    assert package.is_public
    actions = db.session.scalars(select(AuditEntry.action).where(AuditEntry.target_type == "service_providers"))
    assert list(actions) == ["provider.submit", "provider.approve"]


def test_provider_signs_up_through_the_form(app, make):
    owner = make.user(Role.PROVIDER.value)
    make.city("dalian")
    db.session.commit()
    client = as_user(app, owner)
    assert client.get("/en/services/provider/").status_code == 302
    form = {
        "name_zh": "大连译通翻译",
        "name_en": "Dalian Yitong Translation",
        "uscc": make.valid_uscc(99),
        "categories": ["translation", "promotion"],
        "languages": ["zh", "ru"],
        "regions": ["russia"],
        "contact_name": "Wang Fang",
        "contact_email": "wang@example.com",
        "city_slug": "dalian",
    }
    bad = client.post("/en/services/provider/filing", data={**form, "uscc": "91210200MA0000000X"})
    assert bad.status_code == 200 and b"not a valid unified social credit code" in bad.data
    ok = client.post("/en/services/provider/filing", data=form)
    assert ok.status_code == 302
    provider = providers.provider_of(owner)
    assert provider.categories == ["promotion", "translation"] and provider.city_slug == "dalian"
    assert client.get("/en/services/provider/").status_code == 200
    licence = {"documents": [(io.BytesIO(PDF), "营业执照.pdf")]}
    assert (
        client.post(
            "/en/services/provider/filing/documents", data=licence, content_type="multipart/form-data"
        ).status_code
        == 302
    )
    fake = {"documents": [(io.BytesIO(b"MZ\x90\x00"), "licence.pdf")]}
    client.post("/en/services/provider/filing/documents", data=fake, content_type="multipart/form-data")
    assert as_user(app, make.merchant().owner).get("/en/services/provider/filing").status_code == 403

    operator = as_user(app, make.user(Role.OPERATOR.value))
    queue = operator.get("/en/operator/filings/?kind=provider").get_data(as_text=True)
    assert "Dalian Yitong Translation" in queue
    detail = operator.get(f"/en/operator/filings/provider/{provider.id}").get_data(as_text=True)
    assert "营业执照.pdf" in detail and "licence.pdf" not in detail and provider.uscc in detail
    assert operator.post(f"/en/operator/filings/provider/{provider.id}/approve").status_code == 302
    db.session.expire_all()
    assert providers.provider_of(owner).is_approved


# packages -----------------------------------------------------------------------------------------


def test_package_rules(make):
    provider = make.service_provider()
    data = PackageData(
        category="nope",
        texts={"en": ("Only English", "")},
        languages=[],
        tiers=[TierData("basic", 0, 0, -1, {"en": ["x"]}), TierData("basic", 100, 1, 0, {})],
    )
    errors = check(data.normalized())
    assert {
        "category",
        "title_zh",
        "languages",
        "tiers",
        "basic_price",
        "basic_days",
        "basic_revisions",
        "basic_deliverables_zh",
    } <= set(errors)
    with pytest.raises(PackageError):
        create_package(provider, data)
    good = make.service_package(provider, tiers=[("premium", 300000, 10, 3), ("basic", 50000, 3, 0)])
    assert [t.level for t in good.tiers] == ["basic", "premium"]
    assert (good.min_price_fen, good.min_delivery_days) == (50000, 3)


def test_browse_filters_sort_and_fallback(app, client, market):
    merchant, provider, package, other = market
    page = client.get("/ru/services/").get_data(as_text=True)
    assert "Перевод каталога на русский язык" in page and "欧盟CE认证辅导" in page
    assert 'lang="zh-Hans"' in page  # the Chinese-only title is marked as a fallback
    only_cert = client.get("/en/services/c/certification/").get_data(as_text=True)
    assert "欧盟CE认证辅导" in only_cert and "Russian catalogue translation" not in only_cert
    assert client.get("/en/services/c/nothing/").status_code == 404
    cheap = client.get("/zh/services/?max_price=1000").get_data(as_text=True)  # CNY in the zh UI
    assert "俄语产品目录翻译" in cheap and "欧盟CE认证辅导" not in cheap
    fast = client.get("/en/services/?days=10&currency=CNY").get_data(as_text=True)
    assert "Russian catalogue translation" in fast and "欧盟CE认证辅导" not in fast
    russian = client.get("/en/services/?language=ru").get_data(as_text=True)
    assert "Russian catalogue translation" in russian and "欧盟CE认证辅导" not in russian
    bad = client.get("/en/services/?days=abc")
    assert bad.status_code == 200 and b"whole number of days" in bad.data
    by_price = client.get("/en/services/?sort=price_desc").get_data(as_text=True)
    assert by_price.index("欧盟CE认证辅导") < by_price.index("Russian catalogue translation")


def test_search_uses_the_shared_analyzers(client, market):
    merchant, provider, package, other = market
    for lang, query in (
        ("zh", "翻译"),
        ("ru", "переводы каталогов"),
        ("en", "translations"),
        ("ko", "러시아어"),
    ):
        page = client.get(f"/{lang}/services/", query_string={"q": query}).get_data(as_text=True)
        if lang != "ko":
            assert f'data-package="{package.id}"' in page, (lang, query)
        assert f'data-package="{other.id}"' not in page, (lang, query)
    assert f'data-package="{other.id}"'.encode() in client.get("/zh/services/?q=认证").data


def test_hidden_and_unapproved_packages_are_not_public(client, make, market):
    merchant, provider, package, other = market
    provider.status = FilingStatus.REJECTED.value
    db.session.commit()
    assert client.get(f"/en/services/p/{package.id}").status_code == 404
    assert b"Russian catalogue translation" not in client.get("/en/services/?q=translation").data
    assert client.get(f"/en/services/providers/{provider.slug}").status_code == 404


def test_package_page_and_api(client, market):
    merchant, provider, package, other = market
    page = client.get(f"/ko/services/p/{package.id}").get_data(as_text=True)
    assert 'data-tier="basic"' in page and 'data-tier="standard"' in page
    api = client.get("/api/v1/services?lang=ru&category=translation").json
    assert api["total"] == 1
    item = api["items"][0]
    assert item["title"] == "Перевод каталога на русский язык" and item["title_lang"] == "ru"
    assert [t["level"] for t in item["tiers"]] == ["basic", "standard"]
    assert item["tiers"][0]["price"] == {"amount": "800.00", "currency": "CNY", "minor": 80000}
    assert item["tiers"][0]["deliverables_lang"] == "en"  # no Russian deliverables: English fallback
    assert item["provider"]["slug"] == provider.slug and item["url"].endswith(f"/ru/services/p/{package.id}")
    assert item["rating"] == {"average": None, "count": 0}
    assert client.get("/api/v1/services?category=bogus").status_code == 400
    assert client.get("/api/v1/services?page=9").status_code == 404
    assert client.get(f"/api/v1/services/{other.id}?lang=ko").json["title_lang"] == "zh"


# the workflow -------------------------------------------------------------------------------------


def _events(order):
    return [
        (e.action, e.from_status, e.to_status, e.party)
        for e in db.session.scalars(
            select(ServiceOrderEvent).where(ServiceOrderEvent.order_id == order.id).order_by(ServiceOrderEvent.id)
        )
    ]


def test_full_workflow_with_a_voucher(app, make, market):
    merchant, provider, package, other = market
    voucher = make.voucher(merchant, kind="full", categories=["translation"])
    db.session.commit()
    clear_mails(app)
    brief = [check_attachment(upload(PDF, "catalogue.pdf"))]
    order = orders.place_order(
        merchant.owner,
        merchant,
        package,
        "standard",
        "Translate 40 products",
        brief,
        voucher.code.lower().replace("-", " "),
    )
    db.session.commit()
    assert order.status == OrderStatus.REQUESTED.value
    assert (order.price_fen, order.voucher_fen, order.card_fen) == (150000, 150000, 0)
    assert db.session.get(Voucher, voucher.id).service_order_id == order.id
    [new_order_mail] = mails(app)
    assert new_order_mail["To"] == provider.owner.email and new_order_mail["Content-Language"] == "ru"
    with force_locale("ru"):
        assert new_order_mail["Subject"] == gettext("New service order %(number)s", number=order.number)

    m_party, p_party = orders.party_of(order, merchant.owner), orders.party_of(order, provider.owner)
    assert (m_party, p_party) == (Party.MERCHANT, Party.PROVIDER)
    with pytest.raises(orders.OrderError):
        orders.transition(order, Action.ACCEPT, merchant.owner, m_party)
    orders.transition(order, Action.ACCEPT, provider.owner, p_party)
    assert order.due_at is not None
    orders.transition(order, Action.START, provider.owner, p_party)
    with pytest.raises(orders.OrderError):
        orders.deliver(order, provider.owner, p_party, "", [])
    orders.deliver(order, provider.owner, p_party, "First draft", [check_attachment(upload(b"hello", "ru.txt"))])
    orders.transition(order, Action.REVISE, merchant.owner, m_party, "Please fix the sizes")
    orders.deliver(order, provider.owner, p_party, "Fixed", [check_attachment(upload(PDF, "ru-v2.pdf"))])
    orders.transition(order, Action.REVISE, merchant.owner, m_party)
    orders.deliver(order, provider.owner, p_party, "", [check_attachment(upload(PDF, "ru-v3.pdf"))])
    with pytest.raises(orders.OrderError) as no_more:
        orders.transition(order, Action.REVISE, merchant.owner, m_party)
    assert no_more.value.code == "no_revisions"
    orders.transition(order, Action.APPROVE, merchant.owner, m_party)
    db.session.commit()
    assert order.status == OrderStatus.COMPLETED.value and order.revisions_used == 2
    assert [f.delivery_round for f in orders.files_of(order, "delivery")] == [1, 2, 3]
    assert [e[0] for e in _events(order)] == [
        "placed",
        "accept",
        "start",
        "deliver",
        "revise",
        "deliver",
        "revise",
        "deliver",
        "approve",
    ]
    assert all(e[3] in ("merchant", "provider") for e in _events(order))

    review = reviews.create(order, merchant.owner, m_party, 5, "准确、及时", "zh")
    with pytest.raises(orders.OrderError):
        reviews.create(order, merchant.owner, m_party, 4, "again", "zh")
    reviews.reply(review, provider.owner, p_party, "Спасибо!")
    with pytest.raises(orders.OrderError):
        reviews.reply(review, provider.owner, p_party, "Ещё раз")
    db.session.commit()
    db.session.refresh(package)
    assert (package.rating, package.rating_count, package.completed_count) == (5.0, 1, 1)

    sent = mails(app)
    to_merchant = [m for m in sent if m["To"] == merchant.owner.email]
    assert {m["Content-Language"] for m in to_merchant} == {"zh"}
    with force_locale("zh"):
        from services_market.constants import STATUS_LABELS

        delivered = gettext(
            "Service order %(number)s: %(status)s",
            number=order.number,
            status=str(STATUS_LABELS[OrderStatus.DELIVERED]),
        )
    assert sum(1 for m in to_merchant if m["Subject"] == delivered) == 3
    assert all(m["Content-Language"] == "ru" for m in sent if m["To"] == provider.owner.email)


def test_cancel_and_decline_give_the_voucher_back(make, market):
    merchant, provider, package, other = market
    voucher = make.voucher(merchant)
    first = orders.place_order(merchant.owner, merchant, package, "basic", "Brief", [], voucher.code)
    orders.transition(first, Action.CANCEL, merchant.owner, Party.MERCHANT, "changed my mind")
    db.session.commit()
    assert db.session.get(Voucher, voucher.id).redeemed_at is None
    second = orders.place_order(merchant.owner, merchant, package, "basic", "Brief", [], voucher.code)
    orders.transition(second, Action.DECLINE, provider.owner, Party.PROVIDER, "fully booked")
    db.session.commit()
    assert db.session.get(Voucher, voucher.id).redeemed_at is None
    assert (first.status, second.status) == ("cancelled", "declined")
    third = orders.place_order(merchant.owner, merchant, package, "basic", "Brief", [], voucher.code)
    orders.transition(third, Action.ACCEPT, provider.owner, Party.PROVIDER)
    with pytest.raises(orders.OrderError):
        orders.transition(third, Action.CANCEL, merchant.owner, Party.MERCHANT)


def test_auto_complete_after_fourteen_days(app, runner, make, market):
    merchant, provider, package, other = market
    order = orders.place_order(merchant.owner, merchant, package, "basic", "Brief", [], make.voucher(merchant).code)
    for action in (Action.ACCEPT, Action.START):
        orders.transition(order, action, provider.owner, Party.PROVIDER)
    orders.deliver(order, provider.owner, Party.PROVIDER, "", [check_attachment(upload(PDF, "a.pdf"))])
    fresh = orders.place_order(merchant.owner, merchant, package, "basic", "Brief", [], make.voucher(merchant).code)
    for action in (Action.ACCEPT, Action.START):
        orders.transition(fresh, action, provider.owner, Party.PROVIDER)
    orders.deliver(fresh, provider.owner, Party.PROVIDER, "", [check_attachment(upload(PDF, "b.pdf"))])
    order.delivered_at = now() - timedelta(days=14, minutes=1)
    db.session.commit()
    result = runner.invoke(args=["services", "auto-complete"])
    assert result.exit_code == 0, result.output
    assert order.number in result.output and fresh.number not in result.output
    db.session.expire_all()
    assert db.session.get(ServiceOrder, order.id).status == "completed"
    assert db.session.get(ServiceOrder, fresh.id).status == "delivered"
    assert _events(order)[-1] == ("auto_complete", "delivered", "completed", "system")
    assert "0 order(s)" in runner.invoke(args=["services", "auto-complete"]).output


# threads and files --------------------------------------------------------------------------------


def test_attachments_are_checked_by_content_and_size(app, make):
    from storefront.core.uploads import UploadRejected

    assert check_attachment(upload(PDF, "brief.pdf")).kind.name == "pdf"
    assert check_attachment(upload("Привет, 你好".encode(), "notes.txt")).kind.name == "txt"
    assert check_attachment(upload(DOCX, "brief.docx")).kind.name == "docx"
    for data, name in (
        (b"MZ\x90\x00\x03\x00\x00\x00\x04\x00", "tool.exe"),
        (PDF, "brief.docx"),
        (b"hello", "hello.pdf"),
        (b"", "empty.txt"),
        (b"PK\x03\x04broken", "x.zip"),
        (_zip({"word/document.xml": b"<w:document/>"}), "brief.docx"),  # no content types: not a document
    ):
        with pytest.raises(UploadRejected):
            check_attachment(upload(data, name))
    app.config["SERVICE_FILE_MAX_BYTES"] = 100
    try:
        with pytest.raises(UploadRejected):
            check_attachment(upload(b"x" * 101, "big.txt"))
    finally:
        app.config["SERVICE_FILE_MAX_BYTES"] = 10 * 1024 * 1024


def _zip(members: dict[str, bytes], compression=zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


_PPTX_MAIN = "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
_PPTM_MAIN = "application/vnd.ms-powerpoint.presentation.macroenabled.main+xml"


def test_service_files_go_through_the_one_upload_check(app):
    """Briefs and deliveries take decks, archives and text as well, held to the same rules as RFQ files: an
    Office document by its declared main part and without macros, an archive without bombs or climbing names."""
    from storefront.core.uploads import UploadRejected

    with app.test_request_context():
        accepted = {
            "brief.docx": (DOCX, "docx"),
            "prices.xlsx": (XLSX, "xlsx"),
            "pitch.pptx": (office("ppt/presentation.xml", _PPTX_MAIN), "pptx"),
            "photos.zip": (_zip({"label/front.jpg": b"\xff\xd8\xff" + b"1" * 100, "notes.txt": b"ok"}), "zip"),
            "keywords.csv": ("ключевые слова;키워드".encode(), "txt"),
        }
        for name, (data, kind) in accepted.items():
            checked = check_attachment(upload(data, name))
            assert checked.kind.name == kind and checked.kind.content_type
        refused = {
            "macro.docx": office("word/document.xml", "application/vnd.ms-word.document.macroenabled.main+xml"),
            "macro.pptx": office("ppt/presentation.xml", _PPTM_MAIN),
            "vba.zip": _zip({"a/vbaProject.bin": b"x"}),
            "climb.zip": _zip({"../../etc/cron.d/job": b"* * * * * root sh"}),
            "bomb.zip": _zip({"zeros.bin": b"\0" * (6 * 1024 * 1024)}),
            "many.zip": _zip({f"f{n}.txt": b"" for n in range(2001)}, zipfile.ZIP_STORED),
            "deck.zip": office("ppt/presentation.xml", _PPTX_MAIN),  # a deck named as an archive
        }
        with force_locale("ru"):
            messages = {}
            for name, data in refused.items():
                with pytest.raises(UploadRejected) as caught:
                    check_attachment(upload(data, name))
                messages[name] = str(caught.value.message)
        assert "макрос" in messages["macro.docx"] and "макрос" in messages["vba.zip"]
        assert "Архив" in messages["climb.zip"] and "Архив" in messages["bomb.zip"], messages
        assert ".zip" in messages["deck.zip"]


def test_thread_and_downloads_over_http(app, make, market):
    merchant, provider, package, other = market
    order = orders.place_order(merchant.owner, merchant, package, "basic", "Brief", [], make.voucher(merchant).code)
    db.session.commit()
    m = as_user(app, merchant.owner, "zh")
    sent = m.post(
        f"/zh/services/orders/{order.number}/messages",
        data={"body": "请看附件", "files": [(io.BytesIO(PDF), "规格.pdf")]},
        content_type="multipart/form-data",
    )
    assert sent.status_code == 302
    rejected = m.post(
        f"/zh/services/orders/{order.number}/messages",
        data={"body": "x", "files": [(io.BytesIO(b"MZ\x90\x00"), "virus.pdf")]},
        content_type="multipart/form-data",
        follow_redirects=True,
    )
    assert rejected.status_code == 200 and len(threads.thread(order)) == 1
    [message] = threads.thread(order)
    [attachment] = message.files
    p = as_user(app, provider.owner, "ru")
    page = p.get(f"/ru/services/orders/{order.number}").get_data(as_text=True)
    assert "请看附件" in page and "规格.pdf" in page
    # message attachments are served by the conversation component, to the thread's participants
    download = p.get(f"/ru/messages/{message.conversation_id}/files/{attachment.id}")
    assert download.status_code == 200 and download.data == PDF
    assert download.headers["Content-Disposition"].startswith("attachment")
    assert download.headers["X-Content-Type-Options"] == "nosniff"
    download.close()
    stored = Path(app.config["DATA_DIR"]) / "message_files" / attachment.stored_name
    assert stored.is_file() and "static" not in str(stored.relative_to(app.config["DATA_DIR"]))


def test_workflow_over_http_with_csrf_free_forms(app, make, market):
    merchant, provider, package, other = market
    voucher = make.voucher(merchant)
    db.session.commit()
    m = as_user(app, merchant.owner, "zh")
    form = m.get(f"/zh/services/p/{package.id}/order/basic").get_data(as_text=True)
    assert voucher.code in form
    placed = m.post(
        f"/zh/services/p/{package.id}/order/basic",
        data={
            "brief": "翻译40个产品",
            "voucher": voucher.code,
            "attachments": [(io.BytesIO(PDF), "目录.pdf")],
        },
        content_type="multipart/form-data",
    )
    assert placed.status_code == 302
    order = db.session.scalars(select(ServiceOrder)).one()
    p = as_user(app, provider.owner, "ru")
    assert p.post(f"/ru/services/orders/{order.number}/do/accept", data={"note": ""}).status_code == 302
    assert p.post(f"/ru/services/orders/{order.number}/do/start").status_code == 302
    assert (
        p.post(
            f"/ru/services/orders/{order.number}/deliver",
            data={"note": "Готово", "files": [(io.BytesIO(PDF), "перевод.pdf")]},
            content_type="multipart/form-data",
        ).status_code
        == 302
    )
    assert m.post(f"/zh/services/orders/{order.number}/do/approve").status_code == 302
    assert m.post(f"/zh/services/orders/{order.number}/review", data={"rating": "4", "body": "很好"}).status_code == 302
    db.session.expire_all()
    assert db.session.get(ServiceOrder, order.id).status == "completed"
    assert "很好" in m.get(f"/zh/services/p/{package.id}").get_data(as_text=True)
    assert p.post(f"/ru/services/orders/{order.number}/do/pay").status_code == 404
    assert p.post(f"/ru/services/orders/{order.number}/do/bogus").status_code == 404


# gaps ---------------------------------------------------------------------------------------------


def test_gaps_panel_links_products_to_packages(app, make, market):
    merchant, provider, package, other = market
    full = {
        "zh": {"name": "泳衣"},
        "ru": {"name": "Купальник"},
        "ko": {"name": "수영복"},
        "en": {"name": "Swimsuit", "specs": [["Certification", "OEKO-TEX"]]},
    }
    make.product(merchant, texts=full)
    no_ko = make.product(merchant, texts={"zh": {"name": "镁砖"}, "ru": {"name": "Магнезит"}})
    db.session.commit()
    gaps = {g_.key: g_ for g_ in catalogue_gaps(merchant.id, "en")}
    assert set(gaps) == {"missing_ko", "no_certification"}
    assert gaps["missing_ko"].products == [no_ko] and gaps["no_certification"].products == [no_ko]
    assert gaps["missing_ko"].packages == []  # no package is delivered in Korean
    assert gaps["no_certification"].packages == [other]
    assert "/en/services/c/translation/?language=ko" in gaps["missing_ko"].url
    page = as_user(app, merchant.owner).get("/en/merchant/").get_data(as_text=True)
    assert 'data-gap="missing_ko"' in page and f"/en/services/p/{other.id}" in page


def test_gaps_follow_every_product_change_and_list_five_of_many(app, make, market):
    """The figures are kept in the shared cache: a product change shows at once; a large catalogue is counted
    in full and five of its products are named."""
    merchant, provider, package, other = market
    made = [
        make.product(merchant, texts={"zh": {"name": f"泳帽{n}"}, "ru": {"name": f"Шапочка {n}"}}) for n in range(7)
    ]
    db.session.commit()
    gaps = {g_.key: g_ for g_ in catalogue_gaps(merchant.id, "ru")}
    assert gaps["missing_ko"].count == 7 and [p.id for p in gaps["missing_ko"].products] == [p.id for p in made[:5]]
    page = as_user(app, merchant.owner).get("/ru/merchant/").get_data(as_text=True)
    assert "Шапочка 0" in page and "Шапочка 5" not in page and "…" in page

    for product in made:
        product.translations["ko"] = ProductTranslation(locale="ko", name="수영모")
    made[0].translations["ru"].specs = [["Сертификат", "ЕАС"]]
    db.session.commit()
    gaps = {g_.key: g_ for g_ in catalogue_gaps(merchant.id, "ru")}
    assert set(gaps) == {"no_certification"} and gaps["no_certification"].count == 6
    assert made[0].id not in [p.id for p in gaps["no_certification"].products]


def test_counts_stay_consistent(make, market):
    merchant, provider, package, other = market
    orders.place_order(merchant.owner, merchant, package, "basic", "Brief", [], make.voucher(merchant).code)
    db.session.commit()
    assert db.session.scalar(select(func.count(ServiceOrder.id))) == 1


def test_provider_order_page_has_one_deliver_button_and_every_button_works(app, make, market):
    """The provider's order page once showed "deliver" twice; the second posted to the action route: a 404."""
    merchant, provider, package, other = market
    order = orders.place_order(merchant.owner, merchant, package, "basic", "Brief", [], make.voucher(merchant).code)
    orders.transition(order, Action.ACCEPT, provider.owner, Party.PROVIDER, "")
    orders.transition(order, Action.START, provider.owner, Party.PROVIDER, "")
    db.session.commit()
    p = as_user(app, provider.owner, "zh")
    page = p.get(f"/zh/services/orders/{order.number}").get_data(as_text=True)
    assert page.count('data-action="deliver"') == 1
    assert f"/orders/{order.number}/do/deliver" not in page
    for target in re.findall(r'<form method="post"[^>]*action="([^"]+)"', page):
        if "/do/" in target:  # each remaining button posts to a route that exists
            assert p.post(target, data={"note": ""}).status_code != 404, target
