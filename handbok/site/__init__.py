"""The site layer: pages, theme adaptations and the search index, built from the validated content."""
