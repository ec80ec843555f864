"""The site layer: the validated handbook -> pages, sanitised HTML and an engine's built site."""
