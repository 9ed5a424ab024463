"""Who may see an order: its signed-in buyer, operators, or anyone holding the signed link from the e-mail."""

from __future__ import annotations

from flask import abort, current_app, request, session
from flask_login import current_user
from itsdangerous import BadSignature, URLSafeSerializer
from sqlalchemy import select

from storefront.extensions import db
from storefront.ordering.models import Order

_SALT = "kuajing.order-access"
_SESSION_KEY = "my_orders"


def _serializer() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt=_SALT)


def token_for(order: Order) -> str:
    """A signed token granting read access to one order (put in e-mail links)."""
    return _serializer().dumps({"o": order.number, "e": order.email})


def order_for_token(token: str | None) -> str | None:
    """The order number a token grants, or None when it is missing or forged."""
    if not token:
        return None
    try:
        data = _serializer().loads(token)
    except BadSignature:
        return None
    return data.get("o") if isinstance(data, dict) else None


def remember(order: Order) -> None:
    """Let this browser session see the order it just placed (guests included)."""
    numbers = [n for n in session.get(_SESSION_KEY, []) if n != order.number][-19:]
    session[_SESSION_KEY] = [*numbers, order.number]


def can_view(order: Order, token: str | None = None) -> bool:
    """True for the order's buyer, an operator, this session's own guest order, or a valid signed token."""
    if getattr(current_user, "is_authenticated", False):
        if order.user_id is not None and order.user_id == current_user.id:
            return True
        if current_user.has_role("operator"):
            return True
    if order.number in session.get(_SESSION_KEY, []):
        return True
    granted = order_for_token(token)
    return granted is not None and granted == order.number


def get_order_or_404(number: str) -> tuple[Order, str | None]:
    """The order if the visitor may see it (404 otherwise, so numbers cannot be probed) and the token used."""
    order = db.session.scalars(select(Order).where(Order.number == number)).first()
    token = request.values.get("t")
    if order is None or not can_view(order, token):
        abort(404)
    return order, (token if order_for_token(token) == order.number else None)
