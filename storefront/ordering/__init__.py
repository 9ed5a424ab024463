"""Ordering: cart, checkout, orders and per-merchant sub-orders, stock reservations, shipping zones."""
