"""Core: locales and content fallback, money and exchange rates, security helpers."""
