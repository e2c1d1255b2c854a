-- End-to-end test of the Neovim plugin against a running Fazhi language server.
-- Run by e2e.sh as:
--   nvim --headless --clean --cmd "set rtp^=<plugin>" -c "luafile e2e.lua"
-- Environment: FAZHI_BIN (server binary), FAZHI_SAMPLE (report to open),
-- FAZHI_E2E_FAKE=1 when FAZHI_BIN is the stand-in server (extra settings checks).
-- Prints one PASS/FAIL line per check and exits non-zero if any check failed.

local bin = os.getenv("FAZHI_BIN")
local sample = os.getenv("FAZHI_SAMPLE")
local fake = os.getenv("FAZHI_E2E_FAKE") == "1"
-- "setup": require("fazhi").setup(); "enable": Neovim 0.11's vim.lsp.config + vim.lsp.enable with lsp/fazhi.lua.
local mode = os.getenv("FAZHI_E2E_MODE") or "setup"
local wait_ms = tonumber(os.getenv("FAZHI_E2E_WAIT_MS") or "") or 15000

local H = dofile(debug.getinfo(1, "S").source:sub(2):match("(.*/)") .. "harness.lua")
local out, check = H.out, H.check
local finish = H.finish

local function run()
  local v = vim.version()
  out(string.format("INFO Neovim %d.%d.%d, mode %s, server %s, sample %s", v.major, v.minor, v.patch, mode, tostring(bin),
    tostring(sample)))
  if not check("FAZHI_BIN 可执行", bin and vim.fn.executable(bin) == 1, tostring(bin)) then
    return
  end
  if not check("样例报告存在", sample and vim.fn.filereadable(sample) == 1, tostring(sample)) then
    return
  end

  check("plugin/fazhi.lua 已加载（命令已定义）", vim.fn.exists(":FazhiOutline") == 2 and vim.fn.exists(":FazhiInfo") == 2)

  local fazhi = require("fazhi")
  -- missing-part is an error by default; the settings lower it, so the check below sees them arrive.
  local settings = { rules = { ["missing-part"] = "warning" }, profile = "" }
  if mode == "enable" then
    out("INFO 使用 vim.lsp.config/vim.lsp.enable 与 lsp/fazhi.lua")
    local base = vim.lsp.config.fazhi
    check("lsp/fazhi.lua 提供默认配置", base and base.cmd and base.cmd[2] == "lsp"
      and vim.deep_equal(base.filetypes, { "text", "markdown" }), vim.inspect(base))
    -- Here Neovim itself answers workspace/configuration from `settings` (no empty-value filtering).
    vim.lsp.config("fazhi", { cmd = { bin, "lsp" }, settings = { fazhi = { rules = settings.rules } } })
    vim.lsp.enable("fazhi")
  else
    fazhi.setup({ cmd = { bin, "lsp" }, settings = settings })
    check("setup() 使用默认的 filetypes", vim.deep_equal(fazhi.config.filetypes, { "text", "markdown" }))
  end

  vim.cmd("edit " .. vim.fn.fnameescape(sample))
  local buf = vim.api.nvim_get_current_buf()
  check("报告的文件类型为 text", vim.bo[buf].filetype == "text", vim.bo[buf].filetype)

  local attached = vim.wait(wait_ms, function()
    return #fazhi.clients(buf) > 0
  end, 50)
  if not check("语言服务器已连接当前缓冲区", attached) then
    return
  end
  local client = fazhi.clients(buf)[1]
  vim.wait(wait_ms, function()
    return client.initialized ~= false and client.server_capabilities ~= nil
  end, 50)

  -- Diagnostics.
  local function fazhi_diagnostics()
    local list = {}
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      if d.source == "fazhi" then
        table.insert(list, d)
      end
    end
    return list
  end
  vim.wait(wait_ms, function()
    return #fazhi_diagnostics() > 0
  end, 50)
  local diags = fazhi_diagnostics()
  check("收到来源为 fazhi 的诊断", #diags > 0, "共 " .. #vim.diagnostic.get(buf) .. " 条诊断")
  local function code_of(d)
    if d.code ~= nil then
      return d.code
    end
    local lsp = d.user_data and d.user_data.lsp
    return lsp and lsp.code
  end
  local codes = {}
  for _, d in ipairs(diags) do
    local code = tostring(code_of(d))
    codes[code] = (codes[code] or 0) + 1
    out(string.format("INFO 诊断 %d:%d [%s] %s", d.lnum + 1, d.col + 1, code, (d.message:gsub("\n", " "))))
  end
  check("诊断包含缺少部分（missing-part）", codes["missing-part"] ~= nil, vim.inspect(codes))
  if not fake then
    -- Settings may arrive after the first diagnostics (through workspace/configuration); wait for the re-check.
    local severities
    local function lowered()
      severities = {}
      for _, d in ipairs(fazhi_diagnostics()) do
        if tostring(code_of(d)) == "missing-part" then
          table.insert(severities, d.severity)
        end
      end
      -- The required part becomes a warning; the optional one stays info or lower.
      local ok = #severities > 0
      for _, sev in ipairs(severities) do
        ok = ok and sev ~= vim.diagnostic.severity.ERROR
      end
      return ok
    end
    check("设置 rules 生效（missing-part 降为警告）", vim.wait(wait_ms, lowered, 50), vim.inspect(severities))
  end
  local numbering_lines = 0
  for _, d in ipairs(diags) do
    if d.lnum >= 5 and d.lnum <= 7 then
      numbering_lines = numbering_lines + 1
    end
  end
  out("INFO “1、”编号所在的第 6—8 行有 " .. numbering_lines .. " 条诊断")

  -- Outline.
  local symbols, c = fazhi.request_outline(buf, wait_ms)
  if check("documentSymbol 有结果", type(symbols) == "table", symbols == nil and tostring(c) or nil) then
    -- The headings 一、二、三、 are either the top level or the children of one title node.
    local top = symbols
    if #symbols == 1 and type(symbols[1].children) == "table" and #symbols[1].children > 0 then
      top = symbols[1].children
    end
    local names = {}
    for _, s in ipairs(top) do
      table.insert(names, s.name)
      out("INFO 大纲 " .. s.name)
    end
    local all = table.concat(names, "\n")
    check("大纲包含三个一级标题",
      all:find("主要举措和成效", 1, true) and all:find("存在的不足和原因", 1, true) and all:find("主要安排", 1, true),
      vim.inspect(names))

    -- Hover on the first top-level heading.
    local first = top[1]
    if check("大纲第一项有位置", first and (first.selectionRange or first.range or first.location)) then
      local range = first.selectionRange or first.range or first.location.range
      local params = { textDocument = { uri = vim.uri_from_bufnr(buf) }, position = range.start }
      local responses = vim.lsp.buf_request_sync(buf, "textDocument/hover", params, wait_ms) or {}
      local r = responses[client.id] or {}
      local result = r.result
      local text = ""
      if type(result) == "table" then
        local contents = result.contents
        if type(contents) == "string" then
          text = contents
        elseif type(contents) == "table" then
          if contents.value then
            text = contents.value
          else
            for _, part in ipairs(contents) do
              text = text .. (type(part) == "string" and part or (part.value or ""))
            end
          end
        end
      end
      check("标题上的悬停有内容", text ~= "", vim.inspect(r))
      out("INFO 悬停 " .. vim.fn.strcharpart((text:gsub("\n", " ")), 0, 80))
      if fake and mode == "setup" then
        check("服务器收到的 workspace/configuration 只含有效设置", text:find('config=[{"rules": {"missing-part": "warning"}}]', 1, true) ~= nil, text)
        check("initializationOptions 含设置", text:find('init={"rules": {"missing-part": "warning"}}', 1, true) ~= nil, text)
      end
    end
  end

  -- :FazhiOutline fills the location list.
  vim.cmd("FazhiOutline")
  -- :lopen moved the cursor into the list window, where getloclist(0) is the report window's list.
  local loclist = vim.fn.getloclist(0)
  check(":FazhiOutline 填充位置列表", #loclist >= 3, "共 " .. #loclist .. " 项")
  local heading_item
  for _, item in ipairs(loclist) do
    if item.text:find("主要举措和成效", 1, true) then
      heading_item = item
      break
    end
  end
  check("位置列表中“一、”标题指向第 5 行", heading_item and heading_item.lnum == 5,
    heading_item and ("lnum=" .. heading_item.lnum) or vim.inspect(loclist))
  vim.cmd("lclose")

  -- :FazhiInfo.
  local ok, lines = pcall(fazhi.info_lines)
  check(":FazhiInfo 正常", ok and table.concat(lines, "\n"):find("客户端", 1, true) ~= nil, ok and table.concat(lines, " | ") or tostring(lines))
end

local ok, err = pcall(run)
if not ok then
  check("测试脚本未出错", false, tostring(err))
end
-- Stop the server cleanly before quitting.
for _, c in ipairs((vim.lsp.get_clients or vim.lsp.get_active_clients)()) do
  if vim.fn.has("nvim-0.11") == 1 then
    c:stop()
  else
    c.stop()
  end
end
vim.wait(2000, function()
  return #(vim.lsp.get_clients or vim.lsp.get_active_clients)() == 0
end, 50)
finish()
