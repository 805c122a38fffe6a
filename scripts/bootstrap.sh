#!/usr/bin/env bash
# Prepares a fresh machine: a Python >= 3.12 virtual environment with LaborLens and its
# pinned dependencies, compiled translations and, for the browser tests, Debian's Chromium.
# Sourced by scripts/demo.sh and scripts/test.sh; safe to run again.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

find_python() {
  for candidate in python3.13 python3.12 python3; do
    if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then
      command -v "$candidate"; return 0
    fi
  done
  for candidate in "$HOME"/.pyenv/versions/3.1[2-9]*/bin/python3 /usr/local/bin/python3.1[2-9] /usr/bin/python3.1[2-9]; do
    if [ -x "$candidate" ] && "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then
      echo "$candidate"; return 0
    fi
  done
  return 1
}

if [ ! -x .venv/bin/python ] || ! .venv/bin/python -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then
  PYTHON=$(find_python) || { echo "LaborLens needs Python 3.12 or newer (Django 6.1); none was found." >&2; exit 1; }
  echo "==> creating .venv with $PYTHON"
  rm -rf .venv
  "$PYTHON" -m venv .venv
fi
echo "==> installing LaborLens and its pinned dependencies"
.venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip 2>&1 \
  | { grep -v "^WARNING: Location 'file:" || true; }
# (grep drops the machine's notes about unused local package folders)
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".[dev]" 2>&1 \
  | { grep -v "^WARNING: Location 'file:" || true; }
echo "==> compiling translations"
.venv/bin/pybabel compile --statistics -D django -d src/laborlens/locale 2>&1 | sed 's/^/    /'

need_browser="${LABORLENS_NEED_BROWSER:-0}"
if [ "$need_browser" = "1" ] && [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = "0" ]; then
    echo "==> installing Debian's chromium for the browser tests"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "Browser tests need Debian's chromium: sudo apt-get install -y chromium" >&2; exit 1
  fi
fi
# The funder-report test renders the PDF to images with pdftoppm (Debian's poppler-utils).
if [ "$need_browser" = "1" ] && ! command -v pdftoppm >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ]; then
    echo "==> installing Debian's poppler-utils (pdftoppm) for the report tests"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >/dev/null
  else
    echo "Report tests need pdftoppm: sudo apt-get install -y poppler-utils" >&2; exit 1
  fi
fi
