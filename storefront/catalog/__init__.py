"""Catalogue: industry clusters, categories, products, translations, images and customs data."""
