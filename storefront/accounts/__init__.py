"""Accounts: users, roles, merchant filing (备案) and authentication."""
