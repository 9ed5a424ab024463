"""The operator edits a landed-cost rule (audited, all or nothing); checkout estimates follow at once."""

from decimal import Decimal

from sqlalchemy import select

from storefront.accounts.models import Role
from storefront.core.audit import AuditEntry
from storefront.core.money import SEED_RATES
from storefront.extensions import db
from storefront.ordering.freight import duty_rules, landed
from storefront.ordering.freight.models import DutyRuleOverride
from tests.backoffice_helpers import client_as

FORM = {
    "source": "Korea Customs Service notice 2027-12 (test)",
    "effective": "2027-01-01",
    "free_limit": "200.00",
    "free_weight_g": "0",
    "duty_pct": "8",
    "vat_pct": "10",
    "excess_pct": "0",
    "excess_min_per_kg": "0",
}


def test_operator_raises_the_korean_limit_and_the_estimate_follows(app, make):
    operator = make.user(Role.OPERATOR.value)
    db.session.commit()
    client = client_as(app, operator)
    assert "kr-personal" in client.get("/en/operator/duties/").get_data(as_text=True)
    value = 1_300_00  # 1,300 CNY ≈ 181 USD: above 150 USD, below 200 USD
    before = landed.estimate("KR", [("6112410000", value)], 0, 3_000, SEED_RATES, duty_rules.current())
    assert not before.under_limit and before.total_fen > 0
    response = client.post("/en/operator/duties/kr-personal", data=FORM)
    assert response.status_code == 302
    rule = duty_rules.by_key()["kr-personal"]
    assert rule.free_limit == 20_000 and rule.source.startswith("Korea Customs Service notice")
    after = landed.estimate("KR", [("6112410000", value)], 0, 3_000, SEED_RATES, duty_rules.current())
    assert after.under_limit and after.total_fen == 0 and after.rule.effective.year == 2027
    entry = db.session.scalars(select(AuditEntry).where(AuditEntry.action == "duty_rule.edit")).one()
    assert entry.target_id == "kr-personal" and entry.after["free_limit"] == 20_000


def test_bad_values_are_refused_with_messages_and_nothing_changes(app, make):
    operator = make.user(Role.OPERATOR.value)
    db.session.commit()
    client = client_as(app, operator)
    bad = dict(FORM, free_limit="-5", vat_pct="250", effective="yesterday", source="x")
    page = client.post("/en/operator/duties/kr-personal", data=bad)
    assert page.status_code == 400
    text = page.get_data(as_text=True)
    for message in ("Enter an amount in USD", "percentage from 0 to 100", "took effect", "Name the source"):
        assert message in text
    assert db.session.scalar(select(DutyRuleOverride.key)) is None
    assert duty_rules.by_key()["kr-personal"].vat_pct == Decimal(10)
    assert client.post("/en/operator/duties/nowhere", data=FORM).status_code == 404


def test_only_operators_edit_rules(app, make):
    buyer = make.user()
    db.session.commit()
    assert client_as(app, buyer).post("/en/operator/duties/kr-personal", data=FORM).status_code == 403
