"""Renderers: the parsed model -> Markdown files (relative path -> content)."""
