-- Unit tests of lua/fazhi (no server needed). Run by unit.sh:
--   nvim --headless --clean --cmd "set rtp^=<plugin>" -c "luafile unit.lua"
local H = dofile(debug.getinfo(1, "S").source:sub(2):match("(.*/)") .. "harness.lua")
local out, check = H.out, H.check

local function run()
  local fazhi = require("fazhi")

  -- server_settings: wrapped or not, empty values dropped, JSON object when empty.
  local s = fazhi.server_settings({ profile = "", rules = {}, ignore = {}, path = "x" })
  check("空设置编码为 {}", vim.json.encode(s) == "{}", vim.json.encode(s))
  s = fazhi.server_settings({ fazhi = { profile = "default", rules = { a = "off" }, ignore = { { text = "××" } } } })
  check("fazhi 段内的设置", s.profile == "default" and s.rules.a == "off" and s.ignore[1].text == "××", vim.inspect(s))
  s = fazhi.server_settings({ rules = { b = "hint" }, trace = "verbose" })
  check("只保留服务器认识的键", s.rules.b == "hint" and s.trace == nil, vim.inspect(s))

  -- setup: lists replace defaults.
  fazhi.setup({ cmd = { "/nonexistent/fazhi", "lsp" }, filetypes = { "markdown" }, settings = { profile = "p" } })
  check("filetypes 替换默认值", vim.deep_equal(fazhi.config.filetypes, { "markdown" }), vim.inspect(fazhi.config.filetypes))
  check("root_markers 默认值", vim.deep_equal(fazhi.config.root_markers, { ".fazhi.json", ".git" }))
  check("FileType 自动命令已建立", #vim.api.nvim_get_autocmds({ group = "fazhi", event = "FileType" }) == 1)

  -- client_config and the workspace/configuration handler.
  local tmp = vim.fn.tempname()
  vim.fn.mkdir(tmp .. "/sub/deeper", "p")
  vim.fn.writefile({ "{}" }, tmp .. "/.fazhi.json")
  vim.cmd("edit " .. tmp .. "/sub/deeper/r.txt")
  local buf = vim.api.nvim_get_current_buf()
  check("根目录按 .fazhi.json 向上查找", fazhi.find_root(buf, { ".fazhi.json" }) == tmp, fazhi.find_root(buf, { ".fazhi.json" }))
  check("找不到标记时用文件所在目录", fazhi.find_root(buf, { ".no-such-marker" }) == tmp .. "/sub/deeper")
  local cfg = fazhi.client_config(buf)
  check("client_config 的 cmd/name", cfg.name == "fazhi" and cfg.cmd[1] == "/nonexistent/fazhi" and cfg.cmd[2] == "lsp")
  check("client_config 的 settings", cfg.settings.fazhi.profile == "p" and cfg.init_options.profile == "p")
  local handler = cfg.handlers["workspace/configuration"]
  local answer = handler(nil, { items = { { section = "fazhi" }, { section = "fazhi.profile" }, { section = "other" }, {} } }, {})
  check("workspace/configuration 应答", answer[1].profile == "p" and answer[2] == "p" and answer[3] == vim.NIL
    and answer[4].fazhi.profile == "p", vim.inspect(answer))
  check("找不到程序时不启动", fazhi.attach(buf) == nil)

  -- symbols_to_items converts UTF-16 columns to byte columns and indents children.
  vim.api.nvim_buf_set_lines(buf, 0, -1, false, { "标题", "一、举措", "（一）学法" })
  local items = fazhi.symbols_to_items({
    { name = "一、举措", range = { start = { line = 1, character = 0 } }, selectionRange = { start = { line = 1, character = 2 } },
      children = { { name = "（一）学法", selectionRange = { start = { line = 2, character = 3 } } } } },
  }, buf, "utf-16")
  check("大纲项：行号与字节列", items[1].lnum == 2 and items[1].col == 7 and items[2].lnum == 3 and items[2].col == 10,
    vim.inspect(items))
  check("大纲项：子项缩进", items[2].text == "  （一）学法", items[2].text)
  local items8 = fazhi.symbols_to_items({ { name = "x", location = { range = { start = { line = 1, character = 6 } } } } }, buf, "utf-8")
  check("SymbolInformation 与 UTF-8 列", items8[1].lnum == 2 and items8[1].col == 7, vim.inspect(items8))

  local lines = fazhi.info_lines()
  check("info_lines 指出找不到程序", table.concat(lines, "\n"):find("未找到", 1, true) ~= nil, table.concat(lines, " | "))
end

local ok, err = pcall(run)
if not ok then
  check("测试脚本未出错", false, tostring(err))
end
H.finish()
