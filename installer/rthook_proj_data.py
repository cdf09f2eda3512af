# PyInstaller runtime hook: pyproj and GDAL share one PROJ database, pyogrio's (PROJ 9.8, layout 1.6),
# which pyproj's older PROJ (9.5, layout 1.4) reads as well; the spec leaves pyproj's own copy
# (9 MB) out. Set unconditionally: a PROJ_DATA left by another GIS install must not win.
import os
import sys

os.environ["PROJ_DATA"] = os.path.join(sys._MEIPASS, "pyogrio", "proj_data")
