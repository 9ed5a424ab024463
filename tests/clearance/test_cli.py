"""``flask clearance run --once | status | retry``."""

from __future__ import annotations

from storefront.clearance import xsd
from storefront.clearance.status import MessageStatus
from storefront.extensions import db
from tests.clearance.helpers import case_of, messages, paid_order


def test_run_once_status_and_retry(runner, ctx, make):
    order = paid_order(make, [(make.product(make.merchant(), stock=5), 1)])
    result = runner.invoke(args=["clearance", "run", "--once"])
    assert result.exit_code != 0 and "flask clearance keygen" in result.output  # sm2 by default
    result = runner.invoke(args=["clearance", "keygen"])
    assert result.exit_code == 0 and "sm2 key" in result.output
    result = runner.invoke(args=["clearance", "run", "--once"])
    assert result.exit_code == 0, result.output
    assert "sent 2," in result.output and "receipts 4" in result.output
    assert case_of(order.sub_orders[0]).events[-1].source == "CEB404"
    message = messages()[0]
    message.status, message.last_error = MessageStatus.DEAD.value, "boom"
    db.session.commit()
    result = runner.invoke(args=["clearance", "status"])
    assert "dead 1" in result.output and f"dead #{message.id} CEB303" in result.output
    assert runner.invoke(args=["clearance", "retry"]).exit_code != 0
    result = runner.invoke(args=["clearance", "retry", "--all"])
    assert "1 message(s) queued again" in result.output
    assert messages()[0].status == MessageStatus.PENDING


def test_worker_refuses_to_start_without_the_xsds(app, runner, tmp_path):
    """Validation is never skipped silently: no XSDs, no worker."""
    app.config["CEB_XSD_DIR"] = str(tmp_path / "nowhere")
    try:
        result = runner.invoke(args=["clearance", "run", "--once"])
    finally:
        app.config["CEB_XSD_DIR"] = str(xsd.default_xsd_dir())
    assert result.exit_code != 0 and "does not hold the official CEB XSDs" in result.output
