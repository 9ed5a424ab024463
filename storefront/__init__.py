"""Kuajing storefront: the platform package (app factory, core and shop domains)."""

from storefront.app import create_app

__all__ = ["create_app"]
