#!/usr/bin/env bash
# Emacs + eglot end-to-end test: Editors/emacs/test/e2e.sh path/to/fazhi
# Needs Emacs 28+ with eglot (Debian 12: apt-get install -y emacs-nox elpa-eglot elpa-markdown-mode).
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bin="${1:-${FAZHI_BIN:-}}"
if [[ -z "$bin" || ! -x "$bin" ]]; then echo "FAIL 用法：$0 <fazhi 程序路径>" >&2; exit 2; fi
[[ "$bin" == /* ]] || bin="$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")"
command -v emacs >/dev/null || { echo "FAIL 找不到 emacs（apt-get install -y emacs-nox elpa-eglot elpa-markdown-mode）" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$here/fixtures/report.txt" "$work/黄河镇2024年度法治政府建设情况报告.txt"
cp "$here/../../neovim/test/fixtures/notes.txt" "$work/notes.txt"
HOME="$work/home" FAZHI_BIN="$bin" FAZHI_E2E_DIR="$work" FAZHI_RECORD="${FAZHI_RECORD_DIR:+$FAZHI_RECORD_DIR/emacs.jsonl}" \
  timeout --kill-after=5 "${FAZHI_E2E_TIMEOUT:-120}" \
  emacs --batch -L "$here/.." -l "$here/e2e.el" </dev/null
