"""Platform and province statistics in the operator console (reads orders, catalogue, clearance and sales)."""
