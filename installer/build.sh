#!/usr/bin/env bash
# One command for the Linux one-folder bundle: installer/dist/crossings/ (run installer/dist/crossings/crossings).
#
#   bash installer/build.sh [PYTHON]      # or: make bundle
#
# PYTHON is the interpreter of a virtualenv where Crossings is installed (pip install -e .); default: the
# active virtualenv, else .venv/bin/python, else python3. PyInstaller (pinned below) is installed into it
# from PyPI if missing. Needs binutils (readelf, strip, as, ld): installed with apt-get when missing.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
PYINSTALLER=(pyinstaller==6.22.3 pyinstaller-hooks-contrib==2026.9)

PY=${1:-}
if [ -z "$PY" ]; then
  if [ -n "${VIRTUAL_ENV:-}" ]; then PY=$VIRTUAL_ENV/bin/python
  elif [ -x "$ROOT/.venv/bin/python" ]; then PY=$ROOT/.venv/bin/python
  else PY=python3; fi
fi

if ! command -v readelf >/dev/null || ! command -v as >/dev/null || ! command -v objdump >/dev/null; then
  SUDO=$([ "$(id -u)" = 0 ] || echo sudo)
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends binutils >/dev/null
fi
want=${PYINSTALLER[0]#pyinstaller==}
have=$("$PY" -c "import PyInstaller; print(PyInstaller.__version__)" 2>/dev/null || true)
if [ "$have" != "$want" ]; then
  echo "build.sh: installing ${PYINSTALLER[*]} into $("$PY" -c 'import sys; print(sys.prefix)')"
  "$PY" -m pip install -q "${PYINSTALLER[@]}"
fi

cd "$ROOT"
start=$(date +%s)
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath installer/dist --workpath installer/build installer/crossings.spec
echo "bundle: installer/dist/crossings, $(du -sh installer/dist/crossings | cut -f1) unpacked, built in $(( $(date +%s) - start )) s"
echo "run:    installer/dist/crossings/crossings render   (or: installer/dist/crossings/crossings  for the window)"
