"""Kuajing storefront: the platform package (app factory in ``storefront.app``, core and shop domains)."""
