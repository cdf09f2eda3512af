# Two entry points for a fresh Debian machine (run as root, or with sudo available):
#   make map    system libraries + virtualenv, then the regional flow map (PNG + GeoJSON) in out/
#   make test   the same plus the test tools, then the whole test suite
PY     ?= python3
VENV   ?= .venv
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# Qt's offscreen platform and fonts.
APT_RUN  = libgl1 libegl1 libxkbcommon0 libfontconfig1 libfreetype6 libglib2.0-0 libdbus-1-3 fonts-dejavu-core
# A real window under Xvfb (xcb), screenshots, a browser for the web-map tests, pdffonts/pdftoppm, and QGIS's
# Python bindings: tests/qgis opens the exported GeoPackage in QGIS as cartographers do.
APT_TEST = xvfb xauth xdotool x11-utils imagemagick libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 \
           libxkbcommon-x11-0 libxcb-image0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 chromium \
           poppler-utils strace python3-qgis inkscape
# (inkscape: tests/browser/test_svg_fonts.py draws the exported SVG in Inkscape, as cartographers finish it)
APT_TEST += gdal-bin
# (gdal-bin: gdalinfo reads the georeferencing of the GeoPDF and of the PNG's world file, tests/gui/gis_clients.py)

.PHONY: map test setup setup-test bench clean

map: setup
	mkdir -p out
	cd out && ../$(VENV)/bin/crossings render

test: setup-test
	$(VENV)/bin/python -m pytest

bench: setup-test
	$(VENV)/bin/python -m bench

# The review gallery (tools/gallery.py): every bundled period x metric, OD, small multiples, change, A3 portrait,
# French, Arabic and three projections, with 100 % crops of the dense areas; open out/gallery/index.html
.PHONY: gallery
gallery: setup
	$(VENV)/bin/python -m tools.gallery --out out/gallery

# The offline installer's Linux one-folder bundle (installer/README.md): installer/dist/crossings/
.PHONY: bundle
bundle: setup
	bash installer/build.sh $(abspath $(VENV))/bin/python
	tar czf installer/dist/crossings-linux-x86_64.tar.gz -C installer/dist crossings
	@echo "archive: installer/dist/crossings-linux-x86_64.tar.gz ($$(du -h installer/dist/crossings-linux-x86_64.tar.gz | cut -f1))"

setup: $(VENV)/.run-installed
setup-test: $(VENV)/.test-installed

define apt_install
	dpkg -s $(1) >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $(1) >/dev/null; }
endef

$(VENV)/.run-installed: pyproject.toml
	$(call apt_install,$(APT_RUN))
	[ -x $(VENV)/bin/python ] || $(PY) -m venv $(VENV)
	$(VENV)/bin/python -m pip install -q --upgrade pip
	$(VENV)/bin/python -m pip install -q -e .
	touch $@

$(VENV)/.test-installed: pyproject.toml $(VENV)/.run-installed
	$(call apt_install,$(APT_TEST))
	$(VENV)/bin/python -m pip install -q -e '.[test,bench]'
	touch $@

clean:
	rm -rf $(VENV) out .pytest_cache
