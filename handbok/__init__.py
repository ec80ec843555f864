"""Kvalitetshandboken's site generator: YAML content -> typed model -> Markdown pages."""
