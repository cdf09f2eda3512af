"""Crossings domain: data loading, validation, the flow join, projection and flow geometry.

Nothing in this package imports Qt, so every piece is usable and testable without a display.
"""
