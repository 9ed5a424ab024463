"""The operator blueprint: every page needs the operator role."""

from __future__ import annotations

from flask import Blueprint

from storefront.accounts.models import Role
from storefront.core.security import roles_required

bp = Blueprint("operator", __name__, url_prefix="/<lang>/operator")

#: Decorator for operator views (anonymous → sign-in page, other roles → 403).
operator_required = roles_required(Role.OPERATOR.value)
