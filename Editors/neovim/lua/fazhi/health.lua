-- :checkhealth fazhi — is the server found and runnable, which Neovim features the plugin uses.
local M = {}

-- vim.health.start/ok/warn/error (0.10+), report_* (0.8–0.9), health#report_* (0.7).
local function reporter()
  local h = vim.health or {}
  if h.start then
    return h.start, h.ok, h.warn, h.error, h.info
  end
  if h.report_start then
    return h.report_start, h.report_ok, h.report_warn, h.report_error, h.report_info
  end
  local f = function(name)
    return function(...)
      vim.fn["health#" .. name](...)
    end
  end
  return f("report_start"), f("report_ok"), f("report_warn"), f("report_error"), f("report_info")
end

function M.check()
  local start, ok, warn, error, info = reporter()
  local fazhi = require("fazhi")
  local cfg = fazhi.config or fazhi.defaults
  start("法治（fazhi）")
  local v = vim.version()
  if vim.fn.has("nvim-0.7") == 1 then
    ok(string.format("Neovim %d.%d.%d", v.major, v.minor, v.patch))
  else
    error("需要 Neovim 0.7 或更新版本")
  end
  if fazhi.config then
    ok("已调用 require(\"fazhi\").setup()")
  elseif vim.lsp.config and vim.lsp.config.fazhi then
    info("未调用 setup()；使用 vim.lsp.config/vim.lsp.enable 的配置")
  else
    warn("尚未调用 require(\"fazhi\").setup()，打开报告时不会启动语言服务器")
  end
  local cmd = type(cfg.cmd) == "table" and cfg.cmd[1] or nil
  if cmd then
    local exe = vim.fn.exepath(cmd)
    if exe == "" then
      error("找不到 fazhi 程序“" .. cmd .. "”", {
        "按 README 构建并复制到 ~/.local/bin，或在 setup({ cmd = { \"/完整路径/fazhi\", \"lsp\" } }) 中写完整路径",
      })
    else
      local out = vim.fn.systemlist({ exe, "--version" })
      if vim.v.shell_error == 0 then
        ok("fazhi 程序：" .. exe .. "（" .. (out[1] or "") .. "）")
      else
        error("fazhi 程序无法运行：" .. exe, { table.concat(out, "\n") })
      end
    end
  end
  local opts = fazhi.options()
  local on = {}
  for _, k in ipairs({ "update_in_insert", "severity_sort", "signcolumn", "omnifunc", "folding", "write_unopened", "status" }) do
    table.insert(on, k .. "=" .. tostring(opts[k]))
  end
  info("缓冲区默认值：" .. table.concat(on, "，") .. "；K=" .. tostring(opts.hover_key) .. "，完整说明键=" .. tostring(opts.message_key))
  local attached = fazhi.clients(vim.api.nvim_get_current_buf())
  if #attached > 0 then
    ok("当前缓冲区已连接 fazhi 语言服务器（客户端 " .. attached[1].id .. "）")
  else
    info("当前缓冲区未连接 fazhi 语言服务器")
  end
end

return M
