#!/usr/bin/env bash
# Installs the pinned Schemathesis (scripts/contract/requirements.txt, every package and
# version frozen) into .venv-contract at the repository root, unless it is already there at
# exactly those pins. Needs Python 3.10+ with venv; the packages come from PyPI.
set -euo pipefail
cd "$(dirname "$0")/../.."
requirements=scripts/contract/requirements.txt
venv=.venv-contract
stamp="$venv/.requirements"
if [ -x "$venv/bin/schemathesis" ] && cmp -s "$requirements" "$stamp"; then
  exit 0
fi
python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check --no-input -r "$requirements"
cp "$requirements" "$stamp"
echo "schemathesis $("$venv/bin/schemathesis" --version | awk '{print $NF}') installed in $venv"
