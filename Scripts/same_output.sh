#!/usr/bin/env bash
# Checks that an optimisation changed no output: runs two fazhi binaries over the shared corpus, its
# openings, Examples and (optionally) extra files, in every lint format plus outline and fix --dry-run,
# and compares the outputs byte for byte.
#   Scripts/same_output.sh OLD_FAZHI NEW_FAZHI [EXTRA_FILE ...]
# Exit status 0 when every output is identical.
set -uo pipefail
cd "$(dirname "$0")/.."
old="$1"; new="$2"; shift 2
files=(Examples/*.txt Tests/FazhiDocxTests/Fixtures/*.docx)
for f in ../shared/corpus/*.txt ../shared/corpus/openings/*.txt; do [ -f "$f" ] && files+=("$f"); done
files+=("$@")
dirs=(Examples)
[ -d ../shared/corpus ] && dirs+=(../shared/corpus ../shared/corpus/openings)
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
fail=0
compare() { # label, command args...
  local label="$1"; shift
  "$old" "$@" > "$tmp/a" 2>&1; echo "exit $?" >> "$tmp/a"
  "$new" "$@" > "$tmp/b" 2>&1; echo "exit $?" >> "$tmp/b"
  if ! cmp -s "$tmp/a" "$tmp/b"; then echo "DIFFERENT: $label"; fail=1; fi
}
for d in "${dirs[@]}"; do
  for fmt in text json sarif; do compare "lint --format $fmt $d" lint --format "$fmt" "$d"; done
done
for f in "${files[@]}"; do
  for fmt in text json sarif; do compare "lint --format $fmt $f" lint --format "$fmt" "$f"; done
  compare "outline $f" outline "$f"
  compare "outline --format json $f" outline --format json "$f"
  compare "fix --dry-run $f" fix --dry-run "$f"
done
n=$(( ${#dirs[@]} * 3 + ${#files[@]} * 6 ))
[ $fail = 0 ] && echo "identical: $n outputs (${#files[@]} files, ${#dirs[@]} folders)"
exit $fail
