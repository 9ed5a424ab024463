"""Page arithmetic shared by every paged result (catalogue queries, search results, back-office lists)."""

from __future__ import annotations


class Paged:
    """Mixin for a page of results that has ``page`` (from 1), ``per_page`` and ``total`` attributes."""

    page: int
    per_page: int
    total: int

    @property
    def pages(self) -> int:
        """Number of pages (at least 1)."""
        return max(1, -(-self.total // self.per_page))

    @property
    def has_prev(self) -> bool:
        """True when there is a previous page."""
        return self.page > 1

    @property
    def has_next(self) -> bool:
        """True when there is a next page."""
        return self.page < self.pages
