#!/usr/bin/env bash
# Reproduces docs/performance.md: builds a release binary, runs `fazhi bench`, measures the language
# server from outside with ../shared/tools/lsp_latency.py (50 KB and 1 MB reports) and the peak RSS with
# ten 50 KB reports open, and writes docs/performance.md.  `--quick` prints a short run instead.
set -euo pipefail
cd "$(dirname "$0")/.."
quick=0
[ "${1:-}" = "--quick" ] && quick=1
swift build -c release 2>&1 | tail -1
bin="$(swift build -c release --show-bin-path)/fazhi"
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
  python3 Scripts/perf_report.py "$tmp" > docs/performance.md
  echo "wrote docs/performance.md"
fi
