#!/usr/bin/env bash
# Measures `fazhi review` on generated folders (Scripts/gen_review_corpus.py) of growing size with
# /usr/bin/time -v (wall time, CPU time, peak resident memory) and --timings (the phases), checks the
# planted copies against what was found, and writes docs/performance-review.md.
#   bash Scripts/review_scale.sh            # 250, 500, 1000, 2000 and 4000 reports
#   SIZES="1000" bash Scripts/review_scale.sh
set -euo pipefail
cd "$(dirname "$0")/.."
sizes="${SIZES:-250 500 1000 2000 4000}"
command -v /usr/bin/time >/dev/null || { echo "needs /usr/bin/time (apt-get install -y time)"; exit 1; }
swift build -c release 2>&1 | tail -1
bin="$(swift build -c release --show-bin-path)/fazhi"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
for n in $sizes; do
  d="$tmp/n$n"
  python3 Scripts/gen_review_corpus.py "$d" --count "$n" --previous $((n * 3 / 10)) | tee "$d.gen.txt"
  # The sheet as the reviewer gets it (HTML, against the earlier year), timed from outside.
  /usr/bin/time -v "$bin" review "$d/current" --previous "$d/previous" -o "$d/审核.html" --timings 2> "$d/time.txt" || true
  # The same data as JSON, to check what copy detection found against what was planted.
  "$bin" review "$d/current" --previous "$d/previous" --format json --quiet > "$d/review.json" || true
  grep -E "用时|雷同检测" "$d/time.txt" || true
done
python3 Scripts/review_scale_report.py "$tmp" $sizes > docs/performance-review.md
echo "wrote docs/performance-review.md"
# docs/performance.md carries the time-and-memory table in its last section (Scripts/perf_report.py does the same).
python3 - <<'PY'
p, r = "docs/performance.md", open("docs/performance-review.md", encoding="utf-8").read()
start = r.find("## 时间与内存")
end = r.find("\n## ", start + 1)
table = r[start:end].split("\n", 1)[1].strip()
page = open(p, encoding="utf-8").read()
cut = page.find("\n## 批量审核（fazhi review）")
page = (page if cut < 0 else page[:cut]).rstrip("\n") + "\n"
page += ("\n## 批量审核（fazhi review）\n\n由 `bash Scripts/review_scale.sh` 测量（生成的虚构报告，HTML 审核表，对照往年报告），"
         "详见 `docs/performance-review.md`（各阶段用时、雷同检测的结果、增长在哪里）。\n\n" + table + "\n")
open(p, "w", encoding="utf-8").write(page)
PY
echo "updated the review section of docs/performance.md"
