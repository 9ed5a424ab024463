"""Integrations for merchants' own systems: API keys, the merchant REST API, outbound webhooks and their worker."""
