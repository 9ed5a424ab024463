"""Merchant back office: the dashboard, onboarding and ``routes.py`` (each domain keeps its own merchant views)."""
