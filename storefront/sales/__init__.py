"""The merchant's orders and sales: order list and page, bulk shipping and exports, sales reports."""
