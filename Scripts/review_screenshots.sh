#!/usr/bin/env bash
# Renders the reviewer's sheet for the fixture reports (Tests/FazhiReviewTests/Fixtures: 2024 against 2023)
# and looks at it with headless Chromium as a reviewer would: a screenshot at desktop width, one at the width
# of an A4 landscape page, the sheet printed to PDF (and its first page as a picture when pdftoppm is there),
# and the DOM Chromium built. Scripts/review_screenshot_check.py then checks the matrix has its rows and the
# pictures are not blank.
#   bash Scripts/review_screenshots.sh [FAZHI_BINARY] [--update-docs]
# --update-docs copies the pictures to docs/review/ (small PNGs kept in the repository).
# Needs chromium (Debian: apt-get install -y chromium) and a CJK font (fonts-wqy-microhei or fonts-noto-cjk);
# pdftoppm (poppler-utils) is optional.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=""
update=0
for a in "$@"; do
  case "$a" in
    --update-docs) update=1 ;;
    *) bin="$a" ;;
  esac
done
if [ -z "$bin" ]; then
  swift build 2>&1 | tail -1
  bin="$(swift build --show-bin-path)/fazhi"
fi
chrome=""
for c in chromium chromium-browser google-chrome; do
  if command -v "$c" >/dev/null 2>&1; then chrome="$c"; break; fi
done
if [ -z "$chrome" ]; then echo "review_screenshots: chromium not found (apt-get install -y chromium)"; exit 1; fi
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
fixtures=Tests/FazhiReviewTests/Fixtures
"$bin" review "$fixtures/2024" --previous "$fixtures/2023" -o "$out/sheet.html" --quiet
url="file://$out/sheet.html"
# --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start. Nothing is loaded from outside.
flags=(--headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 --no-first-run
       --disable-extensions --user-data-dir="$out/profile")
run() { timeout 120 "$chrome" "${flags[@]}" "$@" 2>>"$out/chromium.log"; }
run --dump-dom "$url" > "$out/dom.html"
run --window-size=1280,1100 --screenshot="$out/sheet-desktop.png" "$url"
# A4 landscape is 297 mm wide: 1123 CSS pixels.
run --window-size=1123,1400 --screenshot="$out/sheet-a4-width.png" "$url"
run --no-pdf-header-footer --print-to-pdf="$out/sheet.pdf" "$url"
pngs=("$out/sheet-desktop.png" "$out/sheet-a4-width.png")
if command -v pdftoppm >/dev/null 2>&1; then
  pdftoppm -png -r 80 -f 1 -l 1 "$out/sheet.pdf" "$out/print" && mv "$out"/print*.png "$out/sheet-print-page1.png"
  pngs+=("$out/sheet-print-page1.png")
else
  echo "note: pdftoppm not found (apt-get install -y poppler-utils); the printed page is checked as PDF only"
fi
args=(--dom "$out/dom.html" --rows 5 --pdf "$out/sheet.pdf")
for p in "${pngs[@]}"; do args+=(--png "$p"); done
python3 Scripts/review_screenshot_check.py "${args[@]}"
if [ $update = 1 ]; then
  mkdir -p docs/review
  cp "${pngs[@]}" docs/review/
  echo "copied to docs/review/: $(cd "$out" && ls sheet-*.png | tr '\n' ' ')"
fi
