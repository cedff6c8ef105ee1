"""Render a Report to HTML (Jinja2) and PDF (WeasyPrint)."""
