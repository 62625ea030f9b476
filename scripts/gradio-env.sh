#!/usr/bin/env bash
# Creates (or reuses) the venv with a real Gradio that the replay tests run their small apps in:
# .venv-gradio/ beside package.json, pinned to the fixture generator's resolution of the newest
# Gradio (tests/fixtures/gradio/6.31.0/requirements.lock.txt). Idempotent: a stamp holds the hash
# of the lock it was made from. Tests find it through FLAGDECK_GRADIO_PYTHON, else
# .venv-gradio/bin/python; without either the replay tests are skipped with that reason.
set -euo pipefail
cd "$(dirname "$0")/.."
lock=tests/fixtures/gradio/6.31.0/requirements.lock.txt
venv=.venv-gradio
stamp="$venv/.requirements.sha256"
want="$(sha256sum "$lock" | cut -d' ' -f1)"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ -x "$venv/bin/python" ]; then
  echo "gradio env: $venv is current"
  exit 0
fi
python3 -m venv "$venv"
"$venv/bin/python" -m pip install -q --disable-pip-version-check --upgrade pip
"$venv/bin/python" -m pip install -q --disable-pip-version-check --no-deps -r "$lock"
echo "$want" >"$stamp"
echo "gradio env: $venv ready ($("$venv/bin/python" -c 'import gradio, gradio_client; print("gradio", gradio.__version__, "gradio_client", gradio_client.__version__)'))"
