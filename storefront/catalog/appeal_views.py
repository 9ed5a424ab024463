"""Appeals against moderation hides: the operators' queue; restore the product or keep it hidden with an answer."""

from __future__ import annotations

from flask import abort, render_template
from flask_babel import gettext as _
from flask_login import current_user

from storefront.accounts.backoffice import decide_confirmed, decide_with_reason, operator_required
from storefront.accounts.backoffice import operator_bp as bp
from storefront.accounts.backoffice_forms import ReasonForm
from storefront.catalog import appeals
from storefront.extensions import db

#: The queue page every decision returns to.
QUEUE = "operator.moderation_appeals"


def _appeal(appeal_id: int) -> appeals.ModerationAppeal:
    return db.session.get(appeals.ModerationAppeal, appeal_id) or abort(404)


@bp.get("/moderation/appeals")
@operator_required
def moderation_appeals():
    """Merchants' appeals waiting for a decision, oldest first."""
    return render_template("operator/appeals.html", items=appeals.open_appeals(), form=ReasonForm())


@bp.post("/moderation/appeals/<int:appeal_id>/accept")
@operator_required
def appeal_accept(appeal_id: int):
    """Accept: the product is restored and the merchant told."""
    item = _appeal(appeal_id)
    restored = _("Product %(sku)s restored.", sku=item.product.sku)
    return decide_confirmed(lambda: appeals.accept(item, current_user), appeals.AppealError, restored, QUEUE)


@bp.post("/moderation/appeals/<int:appeal_id>/reject")
@operator_required
def appeal_reject(appeal_id: int):
    """Keep the product hidden, with an answer the merchant sees."""
    item = _appeal(appeal_id)
    return decide_with_reason(
        lambda reason: appeals.reject(item, current_user, reason),
        appeals.AppealError,
        _("The product stays hidden; the merchant is told why."),
        QUEUE,
        missing=_("Give an answer the merchant will see."),
    )
