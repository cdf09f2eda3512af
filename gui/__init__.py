"""Crossings' Qt side: the renderer (QtGui only), exporters that paint, the CLI and the window."""
