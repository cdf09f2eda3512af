"""Bundled fonts, registered once, so every machine lays the map out identically."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase

from geo.paths import resource_path

_loaded = False
# Noto Sans Math (a subset) supplies the ≥ and ≤ of qualified figures, which Noto Sans lacks.
FAMILIES = ["Noto Sans", "Noto Sans Arabic", "Noto Sans Math"]


def ensure_fonts() -> None:
    """Register the fonts in resources/fonts (needs a QGuiApplication)."""
    global _loaded
    if _loaded:
        return
    for path in sorted(resource_path("fonts").glob("*.ttf")):
        QFontDatabase.addApplicationFont(str(path))
    _loaded = True


def map_font(size_pt: float, dpi: float, device_dpi: float, *, bold: bool = False, italic: bool = False,
             letter_spacing: float = 0.0) -> QFont:
    """A font whose size is ``size_pt`` points on a page of ``dpi``, whatever the paint device's dpi."""
    ensure_fonts()
    font = QFont()
    font.setFamilies(FAMILIES)
    font.setPointSizeF(size_pt * dpi / device_dpi)
    font.setBold(bold)
    font.setItalic(italic)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    if letter_spacing:
        font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 100.0 + letter_spacing)
    return font
