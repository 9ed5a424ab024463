"""Orders at volume: bulk "mark shipped" from a tracking file (row/column errors, all or nothing unless the
merchant applies the valid rows explicitly), export of the filtered list, labels and packing lists as PDF."""

from __future__ import annotations

import csv
import io
from email import policy
from email.parser import BytesParser
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from storefront.extensions import db
from storefront.ordering import bulk_ship
from storefront.ordering import operations as order_ops
from storefront.ordering.models import SubOrder
from tests.backoffice_helpers import client_as


def _paid(make, product):
    order = make.order([(product, 1)], country="RU", currency="EUR")
    order_ops.mark_paid(order, payment_ref=f"pi_{order.id}", cause="payment_succeeded", actor="test")
    return order.sub_orders[0]


@pytest.fixture
def shop(app, make):
    merchant = make.merchant()
    product = make.product(merchant, sku="SW-1", stock=100)
    subs = [_paid(make, product) for _ in range(3)]
    unpaid = make.order([(product, 1)], country="KR", currency="KRW").sub_orders[0]
    other = _paid(make, make.product(make.merchant(), sku="OTHER"))
    db.session.commit()
    return merchant, subs, unpaid, other, client_as(app, merchant.owner)


def _csv(rows, header=("订单号", "承运商", "运单号")) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8-sig")


def _upload(client, data: bytes, name="tracking.csv"):
    return client.post("/zh/merchant/orders/ship-bulk", data={"file": (io.BytesIO(data), name)},
                       content_type="multipart/form-data")  # fmt: skip


def _status(sub):
    db.session.expire_all()
    return db.session.get(SubOrder, sub.id).status


def test_clean_file_ships_every_order(shop):
    merchant, subs, _unpaid, _other, client = shop
    rows = [(s.number, "中国邮政 EMS", f"EA00000000{i}CN") for i, s in enumerate(subs)]
    checked = _upload(client, _csv(rows))
    assert checked.status_code == 200 and 'id="ship-apply"' in checked.get_data(as_text=True)
    assert all(_status(s) == "paid" for s in subs)  # a check changes nothing
    applied = client.post("/zh/merchant/orders/ship-bulk/apply")
    assert applied.status_code == 302
    assert all(_status(s) == "shipped" for s in subs)
    assert db.session.get(SubOrder, subs[0].id).tracking_no == "EA000000000CN"


def test_unknown_duplicate_and_wrong_rows_are_reported_and_nothing_applied(shop):
    merchant, subs, unpaid, other, client = shop
    rows = [
        (subs[0].number, "EMS", "EA1CN"),
        ("KJ-0000-NOPE-1", "EMS", "EA2CN"),  # unknown
        (other.number, "EMS", "EA3CN"),  # another merchant's: looks unknown
        (unpaid.number, "EMS", "EA4CN"),  # not paid
        (subs[0].number, "EMS", "EA5CN"),  # the same order twice
        (subs[1].number, "EMS", "EA1CN"),  # the same tracking number twice
        (subs[2].number, "", "EA6CN"),  # empty carrier
    ]
    report = bulk_ship.check(merchant.id, _csv(rows), "csv")
    assert [(r, c) for r, c, _m in report.errors] == [
        (3, "order"),
        (4, "order"),
        (5, "order"),
        (6, "order"),
        (7, "tracking_no"),
        (8, "carrier"),
    ]
    assert [r.row for r in report.valid] == [2]
    page = _upload(client, _csv(rows))
    text = page.get_data(as_text=True)
    assert page.status_code == 400 and "KJ-0000-NOPE-1" in text and other.number in text
    assert client.post("/zh/merchant/orders/ship-bulk/apply").status_code == 400  # not without the tick
    assert _status(subs[0]) == "paid"
    assert client.post("/zh/merchant/orders/ship-bulk/apply", data={"valid_only": "y"}).status_code == 302
    assert _status(subs[0]) == "shipped" and _status(subs[1]) == "paid" and _status(other) == "paid"


def test_wrong_columns_and_unreadable_files(shop):
    merchant, subs, _unpaid, _other, client = shop
    report = bulk_ship.check(merchant.id, _csv([(subs[0].number, "EA1")], header=("order", "tracking")), "csv")
    assert [(r, c) for r, c, _m in report.errors] == [(1, "carrier")]
    assert bulk_ship.check(merchant.id, b"\xff\xfe\x00garbage", "xlsx").errors[0][0] == 0
    assert _upload(client, b"order,carrier,tracking_no\n", "t.txt").status_code == 400
    wb = Workbook()
    wb.active.append(["order", "carrier", "tracking_no"])
    wb.active.append([subs[0].number, "SF", "SF123"])
    out = io.BytesIO()
    wb.save(out)
    assert bulk_ship.check(merchant.id, out.getvalue(), "xlsx").valid[0].tracking_no == "SF123"


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_export_follows_the_filters_in_the_pages_language(shop, fmt):
    merchant, subs, unpaid, other, client = shop
    response = client.get(f"/zh/merchant/orders/export.{fmt}?status=paid")
    assert response.status_code == 200 and "attachment" in response.headers["Content-Disposition"]
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(response.data.decode("utf-8-sig"))))
    else:
        rows = [[c.value for c in r] for r in load_workbook(io.BytesIO(response.data)).active.iter_rows()]
    numbers = {r[0] for r in rows[1:]}
    assert numbers == {s.number for s in subs} and unpaid.number not in numbers and other.number not in numbers
    assert rows[0][0] == "订单" and rows[1][2] == "已付款"  # labels, not codes (the code is in its own column)


def test_labels_and_packing_list_pdfs(shop):
    merchant, subs, _unpaid, other, client = shop
    labels = client.get("/zh/merchant/orders/labels.pdf")
    assert labels.status_code == 200 and labels.data.startswith(b"%PDF")
    packing = client.get(f"/zh/merchant/orders/{subs[0].id}/packing-list.pdf")
    assert packing.status_code == 200 and packing.data.startswith(b"%PDF")
    assert client.get(f"/zh/merchant/orders/{other.id}/packing-list.pdf").status_code == 404


def test_each_shipped_parcel_mails_the_buyer_in_their_language(app, make):
    merchant, other = make.merchant(), make.merchant()
    a, b = make.product(merchant, sku="SHIP-A", stock=5), make.product(other, sku="SHIP-B", stock=5)
    order = make.order([(a, 1), (b, 1)], country="RU", currency="EUR", lang="ru")
    order_ops.mark_paid(order, payment_ref="pi_ship_mail", cause="payment_succeeded", actor="test")
    db.session.commit()
    first = order.sub_orders[0]
    mail_dir = Path(app.config["DATA_DIR"]) / "mail"
    before = set(mail_dir.glob("*.eml"))
    assert order_ops.ship_order(first, "中国邮政 EMS", "EA123456785CN", actor="test")
    db.session.rollback()  # shipping rolled back: no mail
    assert _shipped_mails(mail_dir, before, order) == []
    assert order_ops.ship_order(first, "中国邮政 EMS", "EA123456785CN", actor="test")
    db.session.commit()
    (mail,) = _shipped_mails(mail_dir, before, order)
    text = mail.get_content()
    assert f"Заказ {order.number} отправлен" == str(mail["Subject"])
    assert "EA123456785CN" in text and "Посылка от" in text  # one of two parcels
    assert f"/ru/orders/{order.number}/tracking?t=" in text
    assert not order_ops.ship_order(first, "EMS", "EA999", actor="test")  # shipped already: no second mail
    db.session.commit()
    assert len(_shipped_mails(mail_dir, before, order)) == 1


def _shipped_mails(mail_dir, before, order):
    found = []
    for path in sorted(set(mail_dir.glob("*.eml")) - before):
        msg = BytesParser(policy=policy.default).parsebytes(path.read_bytes())
        if msg["To"] == order.email and str(msg["Subject"]).endswith("отправлен"):
            found.append(msg)
    return found
