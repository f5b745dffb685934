#!/usr/bin/env bash
# Renders a bench report.html to PNG with headless Chromium (no server: the report is self-contained).
#   benchmarks/render-report.sh runs/bench/mixtures/report.html docs/bench-mixtures.png [WIDTH,HEIGHT]
# Needs Chromium: apt-get install -y chromium
set -euo pipefail
html="${1:?usage: render-report.sh REPORT.html OUT.png [WIDTH,HEIGHT]}"
png="${2:?usage: render-report.sh REPORT.html OUT.png [WIDTH,HEIGHT]}"
size="${3:-1200,2000}"
browser="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
if [[ -z "$browser" ]]; then
  echo "render-report: no chromium found; install it with: apt-get install -y chromium" >&2
  exit 2
fi
mkdir -p "$(dirname "$png")"
abs="$(cd "$(dirname "$html")" && pwd)/$(basename "$html")"
out="$(cd "$(dirname "$png")" && pwd)/$(basename "$png")"
rm -f "$out"
# --virtual-time-budget lets the page finish laying out its inline images before the screenshot.
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --virtual-time-budget=5000 \
  --user-data-dir="$(mktemp -d)" --screenshot="$out" --window-size="$size" "file://$abs" >/dev/null 2>&1 || true
if [[ ! -s "$out" ]]; then
  echo "render-report: chromium wrote no screenshot for $abs" >&2
  exit 1
fi
echo "rendered $abs -> $out"
