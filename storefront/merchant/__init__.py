"""Merchant back office: filing, products, spreadsheets, orders and the dashboard."""
