-- Live checking as a drafter sees it, against the real `fazhi lsp` (run by e2e.sh):
--   * the plugin's defaults are in place (K, omnifunc, sign column, severity sort, folding);
--   * a defect typed in insert mode is shown (sign placed) while still in insert mode;
--   * <C-x><C-o> after 《行政 offers law names that keep the typed prefix;
--   * K shows the hover float;
--   * 忽略此处 leaves .fazhi.json saved on disk with no hidden modified buffer;
--   * a notes.txt that is not a report gets no diagnostics, :FazhiCheck checks it anyway;
--   * :checkhealth fazhi runs.
-- Keys are fed with nvim_feedkeys and the checks run from timers, so that Neovim's main loop processes
-- the keys as typed input (vim.wait would not) while the test waits.
local bin = os.getenv("FAZHI_BIN")
local dir = os.getenv("FAZHI_LIVE_DIR")
local record = os.getenv("FAZHI_RECORD")
local here = debug.getinfo(1, "S").source:sub(2):match("(.*/)")
local H = dofile(here .. "harness.lua")
local out, check = H.out, H.check
local wait_ms = tonumber(os.getenv("FAZHI_E2E_WAIT_MS") or "") or 15000

local co
local function resume()
  local ok, err = coroutine.resume(co)
  if not ok then
    check("测试脚本未出错", false, tostring(err))
    H.finish()
  end
end

--- Waits (yielding to Neovim's main loop) until cond() is true or the time is up.
local function wait_for(cond, ms)
  local deadline = vim.loop.now() + (ms or wait_ms)
  while true do
    local ok, v = pcall(cond)
    if ok and v then
      return true
    end
    if vim.loop.now() > deadline then
      return false
    end
    vim.defer_fn(resume, 40)
    coroutine.yield()
  end
end

local function feed(keys)
  vim.api.nvim_feedkeys(vim.api.nvim_replace_termcodes(keys, true, false, true), "t", false)
end

local function fazhi_diags(buf, lnum)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(buf, lnum and { lnum = lnum } or nil)) do
    if d.source == "fazhi" then
      table.insert(list, d)
    end
  end
  return list
end

local function signs_on(buf, lnum)
  local placed = vim.fn.sign_getplaced(buf, { group = "*", lnum = lnum + 1 })
  return placed[1] and #placed[1].signs or 0
end

local function float_text()
  for _, w in ipairs(vim.api.nvim_list_wins()) do
    if vim.api.nvim_win_get_config(w).relative ~= "" then
      return table.concat(vim.api.nvim_buf_get_lines(vim.api.nvim_win_get_buf(w), 0, -1, false), "\n"), w
    end
  end
end

local function run()
  local v = vim.version()
  out(string.format("INFO Neovim %d.%d.%d，实时检查测试，目录 %s", v.major, v.minor, v.patch, dir))
  local cmd = { bin, "lsp" }
  if record and record ~= "" then
    cmd = { "python3", here .. "../../conformance/lsp_record.py", record, "--", bin, "lsp" }
  end
  local fazhi = require("fazhi")
  fazhi.setup({ cmd = cmd })
  local report = dir .. "/云溪镇2024年度法治政府建设情况报告.txt"
  vim.cmd("edit " .. vim.fn.fnameescape(report))
  local buf = vim.api.nvim_get_current_buf()
  if not check("语言服务器已连接中文文件名的报告", wait_for(function() return #fazhi.clients(buf) > 0 end)) then
    return
  end
  local client = fazhi.clients(buf)[1]
  wait_for(function() return client.server_capabilities ~= nil end)

  -- Defaults.
  local ns = require("fazhi.editor").namespaces(client.id)[1]
  local ncfg = vim.diagnostic.config(nil, ns) or {}
  check("fazhi 诊断在插入模式下更新（update_in_insert）", ncfg.update_in_insert == true, vim.inspect(ncfg))
  check("按严重程度排序（severity_sort）", ncfg.severity_sort == true)
  check("报告窗口固定显示标记列", vim.wo.signcolumn == "yes", vim.wo.signcolumn)
  check("omnifunc 已设置", vim.bo[buf].omnifunc ~= "", vim.bo[buf].omnifunc)
  if vim.fn.has("nvim-0.10") == 0 then
    check("缓冲区内 K 映射为悬停", vim.fn.maparg("K", "n") ~= "" or #vim.tbl_filter(function(m) return m.lhs == "K" end,
      vim.api.nvim_buf_get_keymap(buf, "n")) == 1)
  end
  check("gl 显示完整说明", #vim.tbl_filter(function(m) return m.lhs == "gl" end, vim.api.nvim_buf_get_keymap(buf, "n")) == 1)
  check("折叠使用 foldexpr", vim.wo.foldmethod == "expr", vim.wo.foldmethod)
  check("按服务器的折叠范围折叠（“一、”标题起始折叠）", wait_for(function() return vim.fn.foldlevel(6) >= 1 end),
    "foldlevel(6)=" .. vim.fn.foldlevel(6))

  -- A defect typed in insert mode is shown without leaving insert mode.
  local before = #fazhi_diags(buf)
  vim.api.nvim_win_set_cursor(0, { 10, 0 })
  feed("o　　截止目前,全镇已建成法治文化阵地3处")
  local lnum = 10 -- 0-based line of the new text
  local seen = wait_for(function()
    return vim.fn.mode() == "i" and #fazhi_diags(buf, lnum) > 0 and signs_on(buf, lnum) > 0
  end)
  check("插入模式下输入的问题立即显示（仍在插入模式）", seen and vim.fn.mode() == "i",
    string.format("mode=%s，该行诊断 %d 条，标记 %d 个，原有诊断 %d 条", vim.fn.mode(), #fazhi_diags(buf, lnum), signs_on(buf, lnum), before))
  for _, d in ipairs(fazhi_diags(buf, lnum)) do
    out("INFO 插入模式诊断：" .. d.message)
  end

  -- Completion of a law name from a typed prefix (still in insert mode).
  feed("，落实《行政<C-x><C-o>")
  local items = {}
  local shown = wait_for(function()
    if vim.fn.pumvisible() == 1 then
      items = vim.fn.complete_info({ "items" }).items
      return #items > 0
    end
  end)
  local words = vim.tbl_map(function(it) return it.word end, items)
  check("《行政 之后弹出法规名称补全", shown, "mode=" .. vim.fn.mode())
  local all_prefixed = #words > 0
  for _, w in ipairs(words) do
    all_prefixed = all_prefixed and vim.startswith(w, "行政")
  end
  check("补全项都以已输入的“行政”开头", all_prefixed, table.concat(words, " "))
  check("补全项包括“行政处罚法》”", vim.tbl_contains(words, "行政处罚法》"), table.concat(words, " "))
  -- Whether Vim already selected the first item depends on 'completeopt'; accept what is selected.
  local selected = vim.fn.complete_info({ "selected" }).selected
  feed(selected >= 0 and "<C-y>" or "<C-n><C-y>")
  wait_for(function() return vim.fn.pumvisible() == 0 end)
  local word = words[(selected >= 0 and selected or 0) + 1] or "?"
  local line = vim.api.nvim_buf_get_lines(buf, lnum, lnum + 1, false)[1]
  check("选中的法规名称已插入", line:find("《" .. word, 1, true) ~= nil, word .. " / " .. line)
  feed("<Esc>")
  wait_for(function() return vim.fn.mode() == "n" end)
  vim.cmd("silent write")

  -- K: hover on 《行政处罚法》 in line 8.
  local l8 = vim.api.nvim_buf_get_lines(buf, 7, 8, false)[1]
  local col = l8:find("行政处罚法", 1, true)
  vim.api.nvim_win_set_cursor(0, { 8, col + 2 })
  feed("K")
  local text
  check("K 显示悬停说明", wait_for(function()
    text = float_text()
    return text and text:find("行政处罚", 1, true)
  end), tostring(text))
  local _, win = float_text()
  if win then
    vim.api.nvim_win_close(win, true)
  end

  -- 忽略此处 on the typed defect: .fazhi.json saved on disk, no hidden modified buffer.
  vim.api.nvim_win_set_cursor(0, { lnum + 1, 8 })
  local target = fazhi_diags(buf, lnum)[1]
  local config = dir .. "/.fazhi.json"
  local chosen
  local original_select = vim.ui.select
  vim.ui.select = function(choices, opts, on_choice)
    for i, c in ipairs(choices) do
      local action = c.action or c[2] or c
      if type(action.title) == "string" and vim.startswith(action.title, "忽略此处") then
        chosen = action.title
        return on_choice(c, i)
      end
    end
    on_choice(nil, nil)
  end
  if target then
    vim.lsp.buf.code_action({ diagnostics = { target.user_data and target.user_data.lsp or target } })
  else
    vim.lsp.buf.code_action()
  end
  local saved = wait_for(function()
    return vim.fn.filereadable(config) == 1 and table.concat(vim.fn.readfile(config), "\n"):find('"ignore"', 1, true)
  end)
  vim.ui.select = original_select
  check("选择了“忽略此处”", chosen ~= nil, tostring(chosen))
  check("忽略此处后 .fazhi.json 已写入磁盘", saved, vim.fn.filereadable(config) == 1 and table.concat(vim.fn.readfile(config), "\n") or "不存在")
  local hidden = {}
  for _, b in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(b) and vim.bo[b].modified then
      table.insert(hidden, vim.api.nvim_buf_get_name(b))
    end
  end
  check("没有未保存的隐藏缓冲区（退出时不会 E162）", #hidden == 0, table.concat(hidden, ", "))
  check("被忽略的问题不再显示", wait_for(function()
    for _, d in ipairs(fazhi_diags(buf, lnum)) do
      if target and d.message == target.message and d.col == target.col then
        return false
      end
    end
    return true
  end))

  -- A note is not a report: nothing shown until :FazhiCheck.
  vim.cmd("edit " .. vim.fn.fnameescape(dir .. "/notes.txt"))
  local notes = vim.api.nvim_get_current_buf()
  local editor = require("fazhi.editor")
  local told = wait_for(function() return editor.status[notes] ~= nil end)
  check("notes.txt 收到“不作检查”的状态", told and editor.status[notes].checked == false, vim.inspect(editor.status[notes]))
  check("notes.txt 没有诊断", #fazhi_diags(notes) == 0, #fazhi_diags(notes) .. " 条")
  vim.cmd("FazhiCheck")
  check(":FazhiCheck 之后 notes.txt 得到检查", wait_for(function() return #fazhi_diags(notes) > 0 end))

  -- :checkhealth fazhi.
  local ok, err = pcall(vim.cmd, "checkhealth fazhi")
  local health = ok and table.concat(vim.api.nvim_buf_get_lines(0, 0, -1, false), "\n") or tostring(err)
  check(":checkhealth fazhi 找到 fazhi 程序", health:find("fazhi 程序", 1, true) ~= nil and health:find("ERROR", 1, true) == nil, health)
end

co = coroutine.create(function()
  local ok, err = pcall(run)
  if not ok then
    check("测试脚本未出错", false, tostring(err))
  end
  for _, c in ipairs((vim.lsp.get_clients or vim.lsp.get_active_clients)()) do
    if vim.fn.has("nvim-0.11") == 1 then c:stop() else c.stop() end
  end
  wait_for(function() return #(vim.lsp.get_clients or vim.lsp.get_active_clients)() == 0 end, 3000)
  H.finish()
end)
vim.schedule(resume)
