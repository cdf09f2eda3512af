"""Dialogs and the prompts the main window asks through (replaceable in tests)."""
