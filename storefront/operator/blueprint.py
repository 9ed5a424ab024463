"""Re-export for modules written before the move: the operator blueprint lives in ``storefront.accounts.backoffice``.

New code imports ``operator_bp`` and ``operator_required`` from ``storefront.accounts.backoffice``; this module goes
once the branches in flight have merged.
"""

from storefront.accounts.backoffice import operator_bp as bp
from storefront.accounts.backoffice import operator_required

__all__ = ["bp", "operator_required"]
