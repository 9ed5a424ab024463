"""Service marketplace: providers sell packages to merchants, paid by card or with government vouchers.

``storefront`` knows this package only through :func:`services_market.setup.init_app`, which registers the
blueprints, the package search hook, the payable kind, the provider filings queue, the CLI group and a few template
helpers.
"""
