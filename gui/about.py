"""The About box: what Crossings is, and every data source and licence it ships."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

SOURCES = (
    (QT_TRANSLATE_NOOP("About", "Country boundaries"), "Natural Earth 1:10m admin-0, clipped to the region", "public domain"),
    (QT_TRANSLATE_NOOP("About", "Routes"), "schematic lines drawn for Crossings from the MMC route descriptions", "MIT, with Crossings"),
    (QT_TRANSLATE_NOOP("About", "Places"), "Natural Earth populated places and islands, names in English, French and Arabic", "public domain"),
    (QT_TRANSLATE_NOOP("About", "Figures"), "MMC Quarterly Mixed Migration Update: North Africa, Q4 2024, and the sources it cites "
                "(UNHCR, IOM Missing Migrants Project, Caminando Fronteras, …)", "cite the MMC update"),
    (QT_TRANSLATE_NOOP("About", "Fonts"), "Noto Sans, Noto Sans Arabic, Noto Sans Math (subset)", "SIL Open Font License 1.1"),
    (QT_TRANSLATE_NOOP("About", "Software"), "Qt 6 / PySide6 (LGPLv3), GDAL via pyogrio (MIT), PROJ and pyproj (MIT), "
                 "shapely and GEOS (BSD / LGPL), geopandas and pandas (BSD)", ""),
)


def about_html() -> str:
    def tr(text: str) -> str:
        return QCoreApplication.translate("About", text)

    rows = "".join(f"<tr><td><b>{tr(what)}</b></td><td>{src}</td><td><i>{lic}</i></td></tr>"
                   for what, src, lic in SOURCES)
    return (f"<h3>Crossings 0.1</h3><p>{QCoreApplication.translate('About', 'Quarterly proportional flow maps of mixed migration routes, offline.')}</p>"
            f"<table cellspacing='6'>{rows}</table>"
            f"<p>{QCoreApplication.translate('About', 'Routes are schematic. Boundaries and names do not imply official endorsement or acceptance.')}</p>")


def show_about(parent: QWidget) -> None:
    QMessageBox.about(parent, QCoreApplication.translate("About", "About Crossings"), about_html())
