#!/usr/bin/env bash
# All editor-integration tests, for CI:
#   Editors/test.sh path/to/fazhi
# 1. VS Code: node's test runner (stand-in vscode module; the extension's LSP client against the real
#    server), then the .vsix built offline by `node package.js` and its structure checked;
# 2. Neovim: Lua unit tests, end-to-end against the stand-in server and against the real server
#    (including live checking in insert mode, completion, K, 忽略此处, a note left unchecked);
# 3. Emacs + eglot (batch): a quick fix in a file with a Chinese name, imenu, a note left unchecked;
# 4. LSP conformance: every message the server sent in 1–3 (recorded by conformance/lsp_record.py) and in
#    a scripted session over every request is structured with the lsprotocol package's LSP 3.17 types.
# Needs node >= 18, nvim >= 0.7, emacs >= 28 with eglot, python3 with lsprotocol:
#   apt-get install -y nodejs neovim emacs-nox elpa-eglot elpa-markdown-mode python3-pip
#   python3 -m pip install lsprotocol
# Exits non-zero if any suite fails. The built .vsix is left in $FAZHI_VSIX_OUT (default: a temp folder).
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bin="${1:-${FAZHI_BIN:-}}"
if [[ -z "$bin" ]]; then
  echo "用法：$0 <fazhi 程序路径>   (usage: $0 path/to/fazhi)" >&2
  exit 2
fi
[[ "$bin" == /* ]] || bin="$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")"

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

missing=0
for tool in node nvim emacs python3 timeout; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "FAIL 找不到 $tool（Debian/Ubuntu：apt-get install -y nodejs neovim emacs-nox elpa-eglot elpa-markdown-mode python3-pip）" >&2
    missing=1
  fi
done
if ! python3 -c "import lsprotocol" >/dev/null 2>&1; then
  echo "FAIL 缺少 Python 包 lsprotocol（python3 -m pip install lsprotocol）" >&2
  missing=1
fi
[[ $missing -eq 0 ]] || exit 2

record="$(mktemp -d)"
out="${FAZHI_VSIX_OUT:-$(mktemp -d)}"
trap 'rm -rf "$record"' EXIT
export FAZHI_RECORD_DIR="$record"

run "vscode: node --test" env FAZHI_BIN="$bin" node --test "$here"/vscode/test/
vsix_check() {
  node "$here/vscode/package.js" "$out/fazhi.vsix" || return 1
  python3 - "$out/fazhi.vsix" <<'PY'
import json, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
bad = z.testzip()
names = z.namelist()
need = ["[Content_Types].xml", "extension.vsixmanifest", "extension/package.json", "extension/extension.js",
        "extension/lsp/client.js", "extension/lsp/rpc.js", "extension/lsp/convert.js", "extension/README.md"]
missing = [n for n in need if n not in names]
pkg = json.loads(z.read("extension/package.json"))
stray = [n for n in names if "/test/" in n or "test-support" in n or "node_modules" in n]
ok = bad is None and not missing and not stray and not pkg.get("dependencies")
print("vsix:", sys.argv[1], len(names), "files;", "OK" if ok else f"bad={bad} missing={missing} stray={stray} deps={pkg.get('dependencies')}")
sys.exit(0 if ok else 1)
PY
}
run "vscode: .vsix build + structure" vsix_check
run "neovim: unit" "$here/neovim/test/unit.sh"
run "neovim: e2e (stand-in server)" env FAZHI_RECORD_DIR= "$here/neovim/test/e2e.sh" --fake
run "neovim: e2e ($bin)" "$here/neovim/test/e2e.sh" "$bin"
run "emacs: eglot e2e ($bin)" "$here/emacs/test/e2e.sh" "$bin"
run "lsp: checker self-test" python3 "$here/conformance/check_lsp.py" --self-test
run "lsp: scripted session" python3 "$here/conformance/session.py" "$bin" "$record/session.jsonl"
run "lsp: conformance of every recorded server message" bash -c 'ls "$1"/*.jsonl && python3 "$2" "$1"/*.jsonl' _ "$record" "$here/conformance/check_lsp.py"

echo "editors: $suites_passed passed, $suites_failed failed"
[[ $suites_failed -eq 0 ]]
