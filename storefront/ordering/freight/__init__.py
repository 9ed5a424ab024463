"""Freight: packed shipments, transport modes, rate cards, quotes per mode, Incoterms and landed cost.

Modes, lanes, default rates and duty rules are data (``data/*.toml``); logistics providers of the services
marketplace publish their own cards (:mod:`storefront.ordering.freight.models`). docs/freight.md explains it.
"""
