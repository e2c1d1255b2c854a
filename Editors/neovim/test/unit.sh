#!/usr/bin/env bash
# Unit tests of the Neovim plugin's Lua code (no language server needed).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
plugin="$(cd "$here/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
XDG_STATE_HOME="$work/state" XDG_DATA_HOME="$work/data" XDG_CACHE_HOME="$work/cache" \
  timeout --kill-after=5 "${FAZHI_E2E_TIMEOUT:-60}" \
  nvim --headless --clean -i NONE --cmd "set rtp^=$plugin" -c "luafile $here/unit.lua" </dev/null 2>"$work/stderr" \
  || { status=$?; echo "--- nvim stderr ---"; cat "$work/stderr"; exit $status; }
