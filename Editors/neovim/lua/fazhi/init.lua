-- Neovim client for the Fazhi language server (`fazhi lsp`).
--
-- Works on Neovim 0.7 and later:
--   * 0.8+ uses vim.lsp.start() (one client per root directory, reused by name);
--   * 0.7 uses vim.lsp.start_client() + vim.lsp.buf_attach_client() and keeps its own
--     table of clients per root directory.
-- On 0.11+ users may prefer `vim.lsp.enable('fazhi')` with the config in lsp/fazhi.lua.

local M = {}

M.version = "0.1.0"

local SECTION = "fazhi"
local SERVER_KEYS = { "profile", "rules", "ignore", "files" }

M.defaults = {
  name = "fazhi",
  cmd = { "fazhi", "lsp" },
  filetypes = { "text", "markdown" },
  root_markers = { ".fazhi.json", ".git" },
  -- Either the server settings themselves ({ profile = ..., rules = ..., ignore = ... })
  -- or wrapped in their section ({ fazhi = { ... } }).
  settings = {},
  on_attach = nil,
  capabilities = nil,
  -- Buffer defaults for live checking (see lua/fazhi/editor.lua and :help fazhi-defaults); each can be
  -- set to false, e.g. defaults = { message_key = false, folding = false }.
  defaults = vim.deepcopy(require("fazhi.editor").defaults),
}

--- The active configuration (nil until setup() is called).
M.config = nil

--- The buffer defaults in force (setup's `defaults` over the built-in ones).
function M.options()
  local cfg = M.config or M.defaults
  return vim.tbl_extend("force", require("fazhi.editor").defaults, cfg.defaults or {})
end

--- Client capabilities: Neovim's, the user's, and the `fazhi/status` notification this plugin shows.
function M.make_capabilities(extra)
  local caps = vim.lsp.protocol.make_client_capabilities()
  if extra then
    caps = vim.tbl_deep_extend("force", caps, extra)
  end
  caps.experimental = vim.tbl_extend("force", caps.experimental or {}, { fazhiStatus = true })
  return caps
end

--- on_attach: the buffer defaults, then the user's on_attach.
function M.on_attach(user_on_attach)
  return function(client, bufnr)
    local ok, err = pcall(require("fazhi.editor").on_attach, client, bufnr)
    if not ok then
      vim.notify("法治：设置缓冲区默认值失败：" .. tostring(err), vim.log.levels.WARN)
    end
    if user_on_attach then
      user_on_attach(client, bufnr)
    end
  end
end

-- 0.7 only: root_dir -> client id.
local legacy_clients = {}
local warned_missing = false

-- Client methods are called with ':' from 0.11 on and with '.' before.
local function call(client, method, ...)
  if vim.fn.has("nvim-0.11") == 1 then
    return client[method](client, ...)
  end
  return client[method](...)
end

local function notify(msg, level)
  vim.notify("法治：" .. msg, level or vim.log.levels.INFO)
end

local function is_list(t)
  if type(t) ~= "table" then
    return false
  end
  if vim.islist then
    return vim.islist(t)
  end
  return vim.tbl_islist(t)
end

local function is_empty(v)
  return v == nil or v == vim.NIL or (type(v) == "table" and next(v) == nil) or (type(v) == "string" and vim.trim(v) == "")
end

--- Returns the "fazhi" section from a settings table (wrapped or not).
local function section_of(settings)
  if type(settings) ~= "table" then
    return {}
  end
  if type(settings[SECTION]) == "table" then
    return settings[SECTION]
  end
  return settings
end

--- The settings the server understands, without empty values (so that an untouched
--- editor setting never overrides a `.fazhi.json` file). JSON-safe: an empty result is
--- an empty object, not an empty array.
function M.server_settings(settings)
  local src = section_of(settings)
  local out = {}
  for _, key in ipairs(SERVER_KEYS) do
    local v = src[key]
    if not is_empty(v) then
      out[key] = v
    end
  end
  if next(out) == nil then
    return vim.empty_dict()
  end
  return out
end

--- Answers workspace/configuration items from `settings`.
local function configuration_handler(settings)
  return function(_, params, _)
    local result = {}
    for i, item in ipairs((params and params.items) or {}) do
      local section = item.section
      if section == SECTION then
        result[i] = M.server_settings(settings)
      elseif section == nil or section == "" then
        result[i] = { [SECTION] = M.server_settings(settings) }
      elseif section:sub(1, #SECTION + 1) == SECTION .. "." then
        local v = M.server_settings(settings)[section:sub(#SECTION + 2)]
        result[i] = v == nil and vim.NIL or v
      else
        result[i] = vim.NIL
      end
    end
    return result
  end
end

local function path_exists(p)
  return (vim.loop or vim.uv).fs_stat(p) ~= nil
end

local function dirname(p)
  local d = p:match("^(.*)/[^/]*$")
  if d == nil or d == "" then
    return "/"
  end
  return d
end

--- Searches `markers` upwards from the buffer's folder; falls back to the buffer's folder
--- (or the current directory for unnamed buffers).
function M.find_root(bufnr, markers)
  local name = vim.api.nvim_buf_get_name(bufnr or 0)
  if name == "" or name:match("^%a+://") then
    return vim.fn.getcwd()
  end
  local start = dirname(vim.fn.fnamemodify(name, ":p"))
  local dir = start
  for _ = 1, 64 do
    for _, marker in ipairs(markers or {}) do
      if path_exists(dir .. "/" .. marker) then
        return dir
      end
    end
    local parent = dirname(dir)
    if parent == dir then
      break
    end
    dir = parent
  end
  return start
end

--- All running Fazhi clients, or those attached to `bufnr`.
function M.clients(bufnr)
  local name = (M.config or M.defaults).name
  local list
  if bufnr ~= nil then
    if vim.lsp.get_clients then
      list = vim.lsp.get_clients({ bufnr = bufnr })
    else
      list = vim.tbl_values(vim.lsp.buf_get_clients(bufnr))
    end
  else
    list = (vim.lsp.get_clients or vim.lsp.get_active_clients)()
  end
  local out = {}
  for _, c in ipairs(list) do
    if c.name == name or c.name == "fazhi" then
      table.insert(out, c)
    end
  end
  return out
end

--- The client configuration for a buffer.
function M.client_config(bufnr)
  local cfg = M.config or M.defaults
  local settings = { [SECTION] = M.server_settings(cfg.settings) }
  local init_options = M.server_settings(cfg.settings)
  local client = {
    name = cfg.name,
    cmd = cfg.cmd,
    root_dir = M.find_root(bufnr, cfg.root_markers),
    settings = settings,
    handlers = {
      ["workspace/configuration"] = configuration_handler(cfg.settings),
      ["fazhi/status"] = require("fazhi.editor").status_handler,
    },
    on_attach = M.on_attach(cfg.on_attach),
    capabilities = M.make_capabilities(cfg.capabilities),
  }
  if next(init_options) ~= nil then
    client.init_options = init_options
  end
  return client
end

local function executable_ok(cmd)
  if type(cmd) ~= "table" or type(cmd[1]) ~= "string" then
    return true -- a function or something the user knows better
  end
  if vim.fn.executable(cmd[1]) == 1 then
    return true
  end
  if not warned_missing then
    warned_missing = true
    notify("找不到 fazhi 程序“" .. cmd[1] .. "”。请安装 fazhi，或在 setup({ cmd = { \"/路径/fazhi\", \"lsp\" } }) 中填写其路径。",
      vim.log.levels.ERROR)
  end
  return false
end

--- Starts (or reuses) the client for the buffer's root directory and attaches the buffer.
function M.attach(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  if not vim.api.nvim_buf_is_valid(bufnr) or vim.bo[bufnr].buftype ~= "" then
    return nil
  end
  local cfg = M.config or M.defaults
  if not executable_ok(cfg.cmd) then
    return nil
  end
  local config = M.client_config(bufnr)
  if vim.lsp.start then
    return vim.lsp.start(config, { bufnr = bufnr })
  end
  -- Neovim 0.7.
  local id = legacy_clients[config.root_dir]
  local client = id and vim.lsp.get_client_by_id(id)
  if client == nil or call(client, "is_stopped") then
    id = vim.lsp.start_client(config)
    if id == nil then
      notify("无法启动语言服务器：" .. table.concat(config.cmd, " "), vim.log.levels.ERROR)
      return nil
    end
    legacy_clients[config.root_dir] = id
  end
  vim.lsp.buf_attach_client(bufnr, id)
  return id
end

local function copy_list(v)
  return is_list(v) and vim.deepcopy(v) or v
end

--- Sets up the plugin. Options (all optional):
---   cmd          = { "fazhi", "lsp" }
---   filetypes    = { "text", "markdown" }
---   settings     = { profile = "...", rules = { ... }, ignore = { ... } }   (or { fazhi = { ... } })
---   root_markers = { ".fazhi.json", ".git" }
---   on_attach, capabilities (passed to the client)
function M.setup(opts)
  opts = opts or {}
  local cfg = vim.tbl_deep_extend("force", vim.deepcopy(M.defaults), opts)
  -- Lists replace the defaults instead of being merged index by index.
  for _, key in ipairs({ "cmd", "filetypes", "root_markers" }) do
    if opts[key] ~= nil then
      cfg[key] = copy_list(opts[key])
    end
  end
  if opts.settings ~= nil then
    cfg.settings = vim.deepcopy(opts.settings)
  end
  M.config = cfg
  warned_missing = false

  local group = vim.api.nvim_create_augroup("fazhi", { clear = true })
  vim.api.nvim_create_autocmd("FileType", {
    group = group,
    pattern = cfg.filetypes,
    callback = function(args)
      M.attach(args.buf)
    end,
    desc = "法治：为报告启动 fazhi 语言服务器",
  })
  -- Buffers that were already open when setup() ran.
  for _, buf in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(buf) and vim.tbl_contains(cfg.filetypes, vim.bo[buf].filetype) then
      M.attach(buf)
    end
  end
  return M
end

--- Sends new settings to the running clients (workspace/didChangeConfiguration).
function M.update_settings(settings)
  if M.config == nil then
    M.setup({ settings = settings })
  else
    M.config.settings = vim.deepcopy(settings)
  end
  for _, c in ipairs(M.clients()) do
    c.config.settings = { [SECTION] = M.server_settings(settings) }
    if c.handlers then
      c.handlers["workspace/configuration"] = configuration_handler(settings)
    end
    call(c, "notify", "workspace/didChangeConfiguration", { settings = c.config.settings })
  end
end

-------------------------------------------------------------------------------
-- Outline

local function byte_col(line_text, character, encoding)
  if character == nil or character <= 0 then
    return 0
  end
  if encoding == "utf-8" then
    return math.min(character, #line_text)
  end
  local ok, col = pcall(vim.str_byteindex, line_text, character, encoding ~= "utf-32")
  if ok and col then
    return col
  end
  return #line_text
end

--- Turns a documentSymbol result into location-list items, indented by depth.
function M.symbols_to_items(symbols, bufnr, encoding)
  local items = {}
  local lines_cache = {}
  local function line_text(lnum)
    if lines_cache[lnum] == nil then
      lines_cache[lnum] = vim.api.nvim_buf_get_lines(bufnr, lnum, lnum + 1, false)[1] or ""
    end
    return lines_cache[lnum]
  end
  local function walk(list, depth)
    for _, s in ipairs(list or {}) do
      local range = s.selectionRange or s.range or (s.location and s.location.range)
      local start = range and range.start or { line = 0, character = 0 }
      local text = string.rep("  ", depth) .. (s.name or "")
      if s.detail and s.detail ~= "" and s.detail ~= vim.NIL then
        text = text .. "  — " .. s.detail
      end
      table.insert(items, {
        bufnr = bufnr,
        lnum = start.line + 1,
        col = byte_col(line_text(start.line), start.character, encoding) + 1,
        text = text,
      })
      walk(s.children, depth + 1)
    end
  end
  walk(symbols, 0)
  return items
end

--- Requests the outline of a buffer; returns (symbols, client) or (nil, error message).
function M.request_outline(bufnr, timeout_ms)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  local clients = M.clients(bufnr)
  if #clients == 0 then
    return nil, "当前缓冲区没有连接 fazhi 语言服务器"
  end
  local params = { textDocument = { uri = vim.uri_from_bufnr(bufnr) } }
  local responses = vim.lsp.buf_request_sync(bufnr, "textDocument/documentSymbol", params, timeout_ms or 3000)
  if responses == nil then
    return nil, "获取大纲超时"
  end
  for _, c in ipairs(clients) do
    local r = responses[c.id]
    if r ~= nil then
      if r.err or r.error then
        local e = r.err or r.error
        return nil, "获取大纲失败：" .. tostring(e.message or vim.inspect(e))
      end
      return r.result or {}, c
    end
  end
  return nil, "语言服务器没有返回大纲"
end

--- :FazhiOutline — the report's headings into the location list (quickfix with a bang).
function M.outline(use_quickfix)
  local bufnr = vim.api.nvim_get_current_buf()
  local symbols, client = M.request_outline(bufnr)
  if symbols == nil then
    notify(client, vim.log.levels.WARN)
    return nil
  end
  local items = M.symbols_to_items(symbols, bufnr, client.offset_encoding or "utf-16")
  local what = { title = "法治大纲：" .. vim.fn.fnamemodify(vim.api.nvim_buf_get_name(bufnr), ":t"), items = items }
  if use_quickfix then
    vim.fn.setqflist({}, " ", what)
    vim.cmd("copen")
  else
    vim.fn.setloclist(0, {}, " ", what)
    vim.cmd("lopen")
  end
  if #items == 0 then
    notify("没有找到标题")
  end
  return items
end

-------------------------------------------------------------------------------
-- Info

--- Lines describing the plugin, the server binary and the attached clients.
function M.info_lines()
  local cfg = M.config or M.defaults
  local v = vim.version()
  local lines = {
    "法治（fazhi）Neovim 插件 " .. M.version,
    string.format("Neovim：%d.%d.%d（%s）", v.major, v.minor, v.patch,
      vim.lsp.start and "使用 vim.lsp.start" or "使用 vim.lsp.start_client"),
    "已调用 setup()：" .. (M.config and "是" or "否"),
    "命令：" .. table.concat(type(cfg.cmd) == "table" and cfg.cmd or { tostring(cfg.cmd) }, " "),
  }
  if type(cfg.cmd) == "table" and type(cfg.cmd[1]) == "string" then
    local exe = vim.fn.exepath(cfg.cmd[1])
    if exe == "" then
      table.insert(lines, "程序：未找到 " .. cfg.cmd[1])
    else
      table.insert(lines, "程序：" .. exe)
      local out = vim.fn.systemlist({ exe, "--version" })
      if vim.v.shell_error == 0 and out[1] then
        table.insert(lines, "版本：" .. out[1])
      end
    end
  end
  table.insert(lines, "文件类型：" .. table.concat(cfg.filetypes, "、"))
  table.insert(lines, "根目录标记：" .. table.concat(cfg.root_markers, "、"))
  table.insert(lines, "设置：" .. vim.json.encode(M.server_settings(cfg.settings)))
  local bufnr = vim.api.nvim_get_current_buf()
  local attached = M.clients(bufnr)
  if #attached == 0 then
    table.insert(lines, "当前缓冲区：未连接语言服务器")
  end
  for _, c in ipairs(attached) do
    table.insert(lines, string.format("当前缓冲区：客户端 %d，根目录 %s，位置编码 %s", c.id, tostring(c.config.root_dir),
      tostring(c.offset_encoding)))
  end
  local all = M.clients()
  table.insert(lines, "运行中的 fazhi 客户端：" .. #all)
  return lines
end

function M.info()
  local lines = M.info_lines()
  vim.api.nvim_echo({ { table.concat(lines, "\n"), "Normal" } }, true, {})
  return lines
end

--- :FazhiRestart — stops the Fazhi clients and attaches the open reports again.
function M.restart()
  local clients = M.clients()
  for _, c in ipairs(clients) do
    call(c, "stop")
  end
  legacy_clients = {}
  local cfg = M.config or M.defaults
  vim.defer_fn(function()
    for _, buf in ipairs(vim.api.nvim_list_bufs()) do
      if vim.api.nvim_buf_is_loaded(buf) and vim.tbl_contains(cfg.filetypes, vim.bo[buf].filetype) then
        M.attach(buf)
      end
    end
  end, 500)
end

return M
