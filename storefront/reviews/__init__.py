"""Product reviews by verified buyers: stars, text and photos, the merchant's reply, operator moderation; the
figures (``storefront.catalog.ratings.ProductRating``) show on cards, product pages, JSON-LD and in search."""
