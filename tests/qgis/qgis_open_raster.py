"""Open a Crossings PDF or PNG in QGIS as a raster layer, as a cartographer drops it on a map: run by
Debian's /usr/bin/python3 (python3-qgis), never by the virtualenv, which cannot import qgis.

Usage: qgis_open_raster.py FILE

Prints one JSON line: whether the layer is valid, its extent (xmin, ymin, xmax, ymax) in its CRS,
its size in pixels, and its CRS as WKT and PROJ. Exits without tearing QGIS down (its exit
crashes headless, after the answer is out).
"""

import json
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qgis.core import QgsApplication, QgsRasterLayer


def main(path: str) -> None:
    app = QgsApplication([], False)
    app.initQgis()
    layer = QgsRasterLayer(path, "map", "gdal")
    extent = layer.extent()
    crs = layer.crs()
    print(json.dumps({
        "valid": layer.isValid(),
        "extent": [extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum()],
        "size": [layer.width(), layer.height()],
        "crs_wkt": crs.toWkt(),
        "crs_proj": crs.toProj(),
    }))
    sys.stdout.flush()
    os._exit(0)


if __name__ == "__main__":
    main(sys.argv[1])
