#!/usr/bin/env bash
# All editor-integration tests, for CI:
#   Editors/test.sh path/to/fazhi
# 1. VS Code extension: node's test runner with stand-in vscode modules (no npm install needed);
# 2. Neovim plugin: Lua unit tests, then the e2e test against the stand-in server and against
#    the real `fazhi lsp` given as $1 (or $FAZHI_BIN).
# Needs node >= 18 and nvim >= 0.7 on PATH. Exits non-zero if any suite fails.
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bin="${1:-${FAZHI_BIN:-}}"
if [[ -z "$bin" ]]; then
  echo "用法：$0 <fazhi 程序路径>   (usage: $0 path/to/fazhi)" >&2
  exit 2
fi

suites_passed=0
suites_failed=0
run() {
  local name="$1"
  shift
  echo "=== $name"
  if "$@"; then
    suites_passed=$((suites_passed + 1))
    echo "=== $name: PASS"
  else
    suites_failed=$((suites_failed + 1))
    echo "=== $name: FAIL"
  fi
}

for tool in node nvim timeout; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "FAIL 找不到 $tool（Debian/Ubuntu：apt-get install -y nodejs neovim）" >&2
    exit 2
  fi
done

run "vscode: node --test" node --test "$here"/vscode/test/*.test.js
run "neovim: unit" "$here/neovim/test/unit.sh"
if command -v python3 >/dev/null 2>&1; then
  run "neovim: e2e (stand-in server)" "$here/neovim/test/e2e.sh" --fake
fi
run "neovim: e2e ($bin)" "$here/neovim/test/e2e.sh" "$bin"

echo "editors: $suites_passed passed, $suites_failed failed"
[[ $suites_failed -eq 0 ]]
