#!/usr/bin/env bash
# Creates (or reuses) the Python venv the round-trip tests read exports with: .venv-py/ beside
# package.json, from tests/support/python-requirements.txt. Idempotent: a stamp holds the hash of
# the requirements it was made from. Tests find it through FLAGDECK_PYTHON or .venv-py/bin/python.
set -euo pipefail
cd "$(dirname "$0")/.."
requirements=tests/support/python-requirements.txt
venv=.venv-py
stamp="$venv/.requirements.sha256"
want="$(sha256sum "$requirements" | cut -d' ' -f1)"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ -x "$venv/bin/python" ]; then
  echo "python env: $venv is current"
  exit 0
fi
python3 -m venv "$venv"
"$venv/bin/python" -m pip install -q --disable-pip-version-check --upgrade pip
"$venv/bin/python" -m pip install -q --disable-pip-version-check -r "$requirements"
echo "$want" >"$stamp"
echo "python env: $venv ready ($("$venv/bin/python" -c 'import datasets, huggingface_hub; print("datasets", datasets.__version__, "huggingface_hub", huggingface_hub.__version__)'))"
