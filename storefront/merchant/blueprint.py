"""Re-export for modules written before the move: the merchant blueprint lives in ``storefront.accounts.backoffice``.

New code imports from ``storefront.accounts.backoffice`` (and ``storefront.catalog.owned``); this module goes once
the branches in flight have merged.
"""

from storefront.accounts.backoffice import bp, current_merchant, has_endpoint, merchant_required
from storefront.catalog.owned import own_product

__all__ = ["bp", "current_merchant", "has_endpoint", "merchant_required", "own_product"]
