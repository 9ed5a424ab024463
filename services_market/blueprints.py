"""The marketplace's blueprints; the route modules attach their views to them."""

from flask import Blueprint

#: Public pages and the merchant/provider order pages: /<lang>/services/…
bp = Blueprint("services", __name__, url_prefix="/<lang>/services")
#: The provider's dashboard, filing and packages: /<lang>/services/provider/…
provider_bp = Blueprint("services_provider", __name__, url_prefix="/<lang>/services/provider")
#: Operator pages: provider filings, vouchers and the voucher report: /<lang>/operator/…
operator_bp = Blueprint("services_operator", __name__, url_prefix="/<lang>/operator")
#: JSON read API: /api/v1/services
api_bp = Blueprint("services_api", __name__, url_prefix="/api/v1/services")
