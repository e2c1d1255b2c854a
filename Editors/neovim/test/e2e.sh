#!/usr/bin/env bash
# End-to-end test of the Neovim plugin against the fazhi language server.
#
#   Editors/neovim/test/e2e.sh [path/to/fazhi]      (or FAZHI_BIN=path/to/fazhi)
#   Editors/neovim/test/e2e.sh --fake               (against the stand-in server in fake_server.py)
#
# Runs `nvim --headless --clean` with the plugin on the runtimepath, opens a sample report with
# known defects and checks diagnostics, the outline, hover, :FazhiOutline and :FazhiInfo.
# Prints PASS/FAIL lines; exits non-zero on any failure. Never runs longer than $FAZHI_E2E_TIMEOUT s.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
plugin="$(cd "$here/.." && pwd)"
timeout_s="${FAZHI_E2E_TIMEOUT:-90}"

fake=0
bin="${FAZHI_BIN:-}"
if [[ "${1:-}" == "--fake" ]]; then
  fake=1
  bin="$here/fake_server.py"
elif [[ -n "${1:-}" ]]; then
  bin="$1"
fi

if [[ -z "$bin" ]]; then
  echo "FAIL 用法：$0 <fazhi 程序路径>（或设置 FAZHI_BIN，或用 --fake）" >&2
  exit 2
fi
if [[ "$bin" != /* ]]; then
  bin="$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")"
fi
if [[ ! -x "$bin" ]]; then
  echo "FAIL fazhi 程序不存在或不可执行：$bin" >&2
  exit 2
fi
if ! command -v nvim >/dev/null 2>&1; then
  echo "FAIL 找不到 nvim（Debian/Ubuntu：apt-get install -y neovim）" >&2
  exit 2
fi

# Copy the sample into a scratch folder: the plugin looks for .fazhi.json/.git upwards from it,
# and the repository's own files must not decide the root.
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$here/fixtures/qinghe-2024.txt" "$work/qinghe-2024.txt"
log="$work/nvim.log"

run_mode() {
  local mode="$1" rc
  set +e
  FAZHI_BIN="$bin" FAZHI_SAMPLE="$work/qinghe-2024.txt" FAZHI_E2E_FAKE="$fake" FAZHI_E2E_MODE="$mode" \
    XDG_STATE_HOME="$work/state" XDG_DATA_HOME="$work/data" XDG_CACHE_HOME="$work/cache" \
    timeout --kill-after=5 "$timeout_s" \
    nvim --headless --clean -i NONE --cmd "set rtp^=$plugin" -c "luafile $here/e2e.lua" </dev/null 2>"$log"
  rc=$?
  set -e
  if [[ $rc -eq 124 || $rc -eq 137 ]]; then
    echo "FAIL 超时：nvim 在 ${timeout_s} 秒内没有结束"
  fi
  if [[ -s "$log" ]]; then
    echo "--- nvim stderr ($mode) ---"
    cat "$log"
  fi
  return $rc
}

run_live() {
  local rc live="$work/live"
  mkdir -p "$live"
  cp "$here/fixtures/live-report.txt" "$live/云溪镇2024年度法治政府建设情况报告.txt"
  cp "$here/fixtures/notes.txt" "$live/notes.txt"
  set +e
  FAZHI_BIN="$bin" FAZHI_LIVE_DIR="$live" FAZHI_RECORD="${FAZHI_RECORD_DIR:+$FAZHI_RECORD_DIR/neovim-live.jsonl}" \
    XDG_STATE_HOME="$work/state" XDG_DATA_HOME="$work/data" XDG_CACHE_HOME="$work/cache" HOME="$work/home" \
    timeout --kill-after=5 "$timeout_s" \
    nvim --headless --clean -i NONE --cmd "set rtp^=$plugin" -c "luafile $here/live.lua" </dev/null 2>"$log"
  rc=$?
  set -e
  if [[ $rc -eq 124 || $rc -eq 137 ]]; then
    echo "FAIL 超时：nvim 在 ${timeout_s} 秒内没有结束"
  fi
  if [[ -s "$log" ]]; then
    echo "--- nvim stderr (live) ---"
    cat "$log"
  fi
  return $rc
}

status=0
run_mode setup || status=$?
if [[ $fake -eq 0 ]]; then
  run_live || status=$?
fi
# Neovim 0.11+ also reads lsp/fazhi.lua through vim.lsp.config / vim.lsp.enable.
if nvim --headless --clean -c 'lua io.stdout:write(vim.fn.has("nvim-0.11"))' -c 'qa!' 2>/dev/null | grep -q 1; then
  run_mode enable || status=$?
else
  echo "INFO 此 Neovim 早于 0.11，跳过 vim.lsp.enable 方式"
fi
if [[ $status -eq 0 ]]; then
  echo "Neovim e2e: OK"
else
  echo "Neovim e2e: FAILED (exit $status)"
fi
exit $status
