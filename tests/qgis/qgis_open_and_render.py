"""Open a Crossings GeoPackage in QGIS, as a cartographer would, and render it: run by Debian's
/usr/bin/python3 (python3-qgis), never by the virtualenv, which cannot import qgis.

Usage: qgis_open_and_render.py SPEC.json REPORT.json

SPEC names the GeoPackage, its layers from bottom to top, the frame to render (CRS as a PROJ
string, extent in its units, size in pixels, dpi), the page's sea colour (QGIS keeps a map's
background in the project, not in a layer's style), the font folder and the PNG to write. REPORT
says, for every layer, what QGIS found and loaded: its stored styles, the renderer, rules,
symbol colours and data-defined properties, labels, what it would be without its stored style,
and whether its SLD loads; where the render put the frame (visible extent, units per pixel); and
the text of every label QGIS placed, by layer, with its box in map units.
"""

import json
import os
import sqlite3
import sys
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsMapRendererCustomPainterJob,
    QgsMapSettings,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtGui import QColor, QFontDatabase, QImage, QPainter


def symbol_facts(symbol):
    """The symbol's colour, opacity and every active data-defined property of its layers."""
    layers = []
    for k in range(symbol.symbolLayerCount()):
        sl = symbol.symbolLayer(k)
        props = sl.dataDefinedProperties()
        active = {}
        for key in props.propertyKeys():
            prop = props.property(key)
            if prop.isActive():
                active[sl.propertyDefinitions()[key].name()] = prop.expressionString() or prop.field()
        layers.append({"class": sl.layerType(), "colour": sl.color().name(), "stroke": sl.strokeColor().name(),
                       "data_defined": active, "dash": sl.properties().get("customdash", ""),
                       "use_custom_dash": sl.properties().get("use_custom_dash", "0"),
                       "fitted_dash": [sl.properties().get(k, "") for k in ("align_dash_pattern",
                                                                           "tweak_dash_pattern_on_corners")],
                       "width": sl.properties().get("line_width") or sl.properties().get("outline_width"),
                       "size": sl.properties().get("size")})
    return {"opacity": symbol.opacity(), "layers": layers}


def renderer_facts(layer):
    renderer = layer.renderer()
    facts = {"type": renderer.type()}
    if renderer.type() == "RuleRenderer":
        facts["rules"] = [{"label": r.label(), "filter": r.filterExpression(),
                           "symbol": symbol_facts(r.symbol()) if r.symbol() else None}
                          for r in renderer.rootRule().children()]
    elif renderer.type() == "singleSymbol":
        facts["symbol"] = symbol_facts(renderer.symbol())
    labels = None
    if layer.labelsEnabled() and layer.labeling() is not None:
        settings = layer.labeling().settings()
        fmt = settings.format()
        dd = settings.dataDefinedProperties()
        labels = {"field": settings.fieldName, "draw": settings.drawLabels, "size": fmt.size(),
                  "family": fmt.font().family(), "bold": fmt.font().bold(), "colour": fmt.color().name(),
                  "halo": fmt.buffer().enabled(), "halo_size": fmt.buffer().size(),
                  "obstacle": settings.obstacleSettings().isObstacle(),
                  "data_defined": {settings.propertyDefinitions()[k].name(): dd.property(k).expressionString()
                                   or dd.property(k).field() for k in dd.propertyKeys() if dd.property(k).isActive()}}
    facts["labels"] = labels
    facts["opacity"] = layer.opacity()
    return facts


def main(spec_path, report_path):
    with open(spec_path, encoding="utf-8") as f:
        spec = json.load(f)
    app = QgsApplication([], False)
    app.initQgis()
    for name in sorted(os.listdir(spec["fonts"])):
        if name.endswith(".ttf"):
            QFontDatabase.addApplicationFont(os.path.join(spec["fonts"], name))
    gpkg = spec["gpkg"]
    with sqlite3.connect(gpkg) as db:
        try:
            sld = dict(db.execute("SELECT f_table_name, styleSLD FROM layer_styles WHERE useAsDefault"))
        except sqlite3.OperationalError:  # no table of styles: the report says what QGIS made of that
            sld = {}
    report = {"layers": {}}
    layers = []
    for name in spec["layers"]:
        uri = f"{gpkg}|layername={name}"
        layer = QgsVectorLayer(uri, name, "ogr")
        plain = QgsVectorLayer(uri, name, "ogr", QgsVectorLayer.LayerOptions(loadDefaultStyle=False))
        count, _, names, _, _ = layer.listStylesInDatabase()
        facts = {"valid": layer.isValid(), "features": layer.featureCount(), "stored_styles": list(names)[:count],
                 "without_stored_style": plain.renderer().type(), **renderer_facts(layer)}
        with tempfile.NamedTemporaryFile("w", suffix=".sld", delete=False, encoding="utf-8") as f:
            f.write(sld.get(name, ""))
        message, ok = plain.loadSldStyle(f.name)
        os.unlink(f.name)
        facts["sld"] = {"loaded": bool(ok), "message": message, "renderer": plain.renderer().type()}
        report["layers"][name] = facts
        layers.append(layer)

    settings = QgsMapSettings()
    settings.setLayers(list(reversed(layers)))  # QGIS lists the top layer first
    settings.setDestinationCrs(QgsCoordinateReferenceSystem.fromProj(spec["crs"]))
    settings.setTransformContext(QgsProject.instance().transformContext())
    settings.setExtent(QgsRectangle(*spec["extent"]))
    settings.setOutputSize(QSize(*spec["size"]))
    settings.setOutputDpi(spec["dpi"])
    settings.setBackgroundColor(QColor(spec["background"]))
    settings.setFlag(QgsMapSettings.Antialiasing, True)
    settings.setFlag(QgsMapSettings.DrawLabeling, True)
    image = QImage(settings.outputSize(), QImage.Format_ARGB32_Premultiplied)
    image.fill(QColor(spec["background"]))
    painter = QPainter(image)
    job = QgsMapRendererCustomPainterJob(settings, painter)
    job.start()
    job.waitForFinished()
    painter.end()
    image.save(spec["png"])
    shown = settings.visibleExtent()
    names = {layer.id(): layer.name() for layer in layers}
    placed, boxes = {}, {}
    for label in job.takeLabelingResults().allLabels():
        placed.setdefault(names[label.layerID], []).append(label.labelText)
        box = label.labelRect
        boxes.setdefault(names[label.layerID], []).append(
            [label.labelText, box.xMinimum(), box.yMinimum(), box.xMaximum(), box.yMaximum()])
    report["render"] = {"errors": [e.message for e in job.errors()], "visible_extent": [
        shown.xMinimum(), shown.yMinimum(), shown.xMaximum(), shown.yMaximum()],
        "units_per_px": settings.mapUnitsPerPixel(), "crs_valid": settings.destinationCrs().isValid(),
        "labels": placed, "label_boxes": boxes}
    with open(report_path, "w", encoding="utf-8") as f:
        json.dump(report, f, indent=1)
    del job, painter, settings, layers, layer, plain  # before QGIS goes: a layer outliving it crashes the exit
    app.exitQgis()


if __name__ == "__main__":
    main(*sys.argv[1:3])
