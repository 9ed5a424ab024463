"""Operator: requests for quotation per merchant — how many, how many quoted and accepted, and the median time
to the merchant's first answer (a quotation or a message in the thread)."""

from __future__ import annotations

from flask import render_template

from storefront.accounts.backoffice import operator_bp as bp
from storefront.accounts.backoffice import operator_required
from storefront.messaging import rfq
from storefront.ordering import quotations


@bp.get("/rfqs")
@operator_required
def rfq_stats():
    """RFQ volume and median first-response time per merchant."""
    return render_template("operator/rfq_stats.html", rows=quotations.response_stats(rfq.first_replies()))
