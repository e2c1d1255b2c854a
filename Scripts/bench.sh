#!/usr/bin/env bash
# Reproduces docs/performance.md: builds a release binary (Swift runtime linked statically on Linux, as
# the figures assume), runs `fazhi bench`, measures the language server from outside with
# ../shared/tools/lsp_latency.py (50 KB and 1 MB reports), the peak RSS with ten 50 KB reports open,
# the scaling of `fazhi lint` (Scripts/cli_scale.py) and of the server (Scripts/lsp_scale.py) on inputs
# of 1, 4, 16 and 64 MB (Scripts/scale_inputs.py), and writes docs/performance.md.
# `--quick` prints a short run instead (no scaling, no page).
set -euo pipefail
cd "$(dirname "$0")/.."
quick=0
[ "${1:-}" = "--quick" ] && quick=1
static=""
[ "$(uname)" = "Linux" ] && static="--static-swift-stdlib"
swift build -c release $static 2>&1 | tail -1
bin="$(swift build -c release $static --show-bin-path)/fazhi"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
"$bin" bench --write-samples "$tmp"
if [ $quick = 1 ]; then
  "$bin" bench --quick
  edits50=100; edits1m=10
else
  "$bin" bench --format json > "$tmp/bench.json"
  "$bin" bench
  edits50=1000; edits1m=60
fi
latency=../shared/tools/lsp_latency.py
if [ -f "$latency" ]; then
  python3 "$latency" --cmd "$bin lsp" --file "$tmp/report-50KB.txt" --lang plaintext --edits $edits50 | tee "$tmp/lat50.json"
  python3 "$latency" --cmd "$bin lsp" --file "$tmp/report-1MB.txt" --lang plaintext --edits $edits1m | tee "$tmp/lat1m.json"
else
  echo "note: $latency not found; skipping the external latency measurement"
fi
python3 Scripts/rss_ten_docs.py --cmd "$bin lsp" "$tmp"/open-*.txt | tee "$tmp/rss.json"
if [ $quick = 0 ]; then
  python3 Scripts/scale_inputs.py "$tmp/scale" 1 4 16 64
  python3 Scripts/cli_scale.py --bin "$bin" "$tmp/scale" > "$tmp/cli_scale.json"
  python3 Scripts/lsp_scale.py --cmd "$bin lsp" "$tmp/scale" > "$tmp/lsp_scale.json"
  python3 Scripts/perf_report.py "$tmp" > docs/performance.md
  echo "wrote docs/performance.md"
fi
