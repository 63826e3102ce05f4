#!/usr/bin/env bash
# The browser of the console's end-to-end suite: Debian's Chromium, driven by playwright-core
# (Playwright's own browser downloads are not used). Installs it with apt-get when neither
# CHROMIUM_PATH nor a chromium on PATH is there; where that is not possible it says so, and the
# suite fails naming the missing browser.
set -euo pipefail

if [ -n "${CHROMIUM_PATH:-}" ] && [ -x "$CHROMIUM_PATH" ]; then
  echo "browser: $CHROMIUM_PATH"
  exit 0
fi
for name in chromium chromium-browser google-chrome; do
  if command -v "$name" >/dev/null 2>&1; then
    echo "browser: $(command -v "$name") ($("$name" --version 2>/dev/null | head -1))"
    exit 0
  fi
done

if ! command -v apt-get >/dev/null 2>&1; then
  echo "WARNING: no Chromium and no apt-get: the console suite will fail (set CHROMIUM_PATH)" >&2
  exit 0
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo="sudo -n"; else
    echo "WARNING: no Chromium, and installing it needs root: the console suite will fail" >&2
    exit 0
  fi
fi
echo "browser: installing Debian's chromium"
if $sudo apt-get update -qq &&
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
    chromium fonts-liberation >/dev/null; then
  echo "browser: $(command -v chromium) ($(chromium --version 2>/dev/null | head -1))"
else
  # The other suites still run; the console's fails, naming the missing browser.
  echo "WARNING: apt-get could not install chromium: the console suite will fail" >&2
fi
