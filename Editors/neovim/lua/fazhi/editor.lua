-- Buffer defaults that make "check while typing" true out of the box on Neovim 0.7 → 0.11, applied when
-- the Fazhi client attaches to a report. Each can be turned off in setup({ defaults = { ... } }).
--
--   update_in_insert  diagnostics of fazhi's namespace are shown while typing (Neovim hides them in
--                     insert mode by default)
--   severity_sort     errors are drawn above warnings and hints on the same line
--   signcolumn        a window showing a report keeps its sign column ("yes" instead of "auto"), so the
--                     text does not shift each time a finding appears or goes
--   hover_key         buffer-local K → hover (before 0.10 K runs `man`), unless K is mapped already
--   message_key       buffer-local key for the full message of the finding under the cursor in a float
--                     (virtual text is cut at the window edge)
--   omnifunc          'omnifunc' → LSP completion (<C-x><C-o>) when it is not set; on 0.11 the built-in
--                     completion (vim.lsp.completion) with the server's trigger characters instead
--   folding           folds from the server's folding ranges: vim.lsp.foldexpr() on 0.11, our own
--                     foldexpr before
--   write_unopened    an edit of a .fazhi.json that is not open (忽略此处) is saved to disk at once
--   status            tell when a document is not a report and is left unchecked
local M = {}

M.defaults = {
  update_in_insert = true,
  severity_sort = true,
  signcolumn = true,
  hover_key = "K",
  message_key = "gl",
  omnifunc = true,
  folding = true,
  write_unopened = true,
  status = true,
}

local function has(v)
  return vim.fn.has("nvim-" .. v) == 1
end

local function call(client, method, ...)
  if has("0.11") then
    return client[method](client, ...)
  end
  return client[method](...)
end

--- True when `lhs` is mapped in normal mode, globally or for the buffer.
local function mapped(lhs, bufnr)
  if vim.fn.maparg(lhs, "n") ~= "" then
    return true
  end
  for _, m in ipairs(vim.api.nvim_buf_get_keymap(bufnr, "n")) do
    if m.lhs == lhs then
      return true
    end
  end
  return false
end

--- The diagnostic namespaces a client uses (push, and pull on 0.10+).
function M.namespaces(client_id)
  local out = { vim.lsp.diagnostic.get_namespace(client_id) }
  if has("0.10") then
    local ok, pull = pcall(vim.lsp.diagnostic.get_namespace, client_id, true)
    if ok and pull then
      table.insert(out, pull)
    end
  end
  return out
end

-------------------------------------------------------------------------------
-- Folding from textDocument/foldingRange

-- bufnr -> { [lnum] = "level string" } computed from the last answer.
local fold_levels = {}

--- Turns folding ranges into foldexpr values: ">N" where a range starts, N inside it.
function M.fold_levels(ranges, line_count)
  local depth, starts = {}, {}
  for l = 1, line_count do
    depth[l] = 0
  end
  for _, r in ipairs(ranges or {}) do
    local s, e = r.startLine + 1, r.endLine + 1
    if e > s then
      starts[s] = true
      for l = s, math.min(e, line_count) do
        depth[l] = (depth[l] or 0) + 1
      end
    end
  end
  local out = {}
  for l = 1, line_count do
    out[l] = (starts[l] and ">" or "") .. tostring(depth[l])
  end
  return out
end

--- 'foldexpr' for report windows before 0.11: v:lua.require'fazhi.editor'.foldexpr(v:lnum)
function M.foldexpr(lnum)
  local levels = fold_levels[vim.api.nvim_get_current_buf()]
  return levels and levels[lnum] or "0"
end

function M.refresh_folds(bufnr, client)
  if not vim.api.nvim_buf_is_loaded(bufnr) then
    return
  end
  local params = { textDocument = { uri = vim.uri_from_bufnr(bufnr) } }
  call(client, "request", "textDocument/foldingRange", params, function(err, result)
    if err or not vim.api.nvim_buf_is_loaded(bufnr) then
      return
    end
    fold_levels[bufnr] = M.fold_levels(result, vim.api.nvim_buf_line_count(bufnr))
    -- Re-evaluate the folds of windows showing the buffer.
    for _, win in ipairs(vim.fn.win_findbuf(bufnr)) do
      if vim.wo[win].foldmethod == "expr" then
        vim.api.nvim_win_call(win, function()
          vim.cmd("silent! normal! zx")
        end)
      end
    end
  end, bufnr)
end

local function set_folding(bufnr, client)
  for _, win in ipairs(vim.fn.win_findbuf(bufnr)) do
    if vim.wo[win].foldmethod == "manual" then
      vim.wo[win].foldmethod = "expr"
      vim.wo[win].foldexpr = has("0.11") and "v:lua.vim.lsp.foldexpr()" or "v:lua.require'fazhi.editor'.foldexpr(v:lnum)"
      vim.wo[win].foldlevel = 99 -- open; zc/zM close
    end
  end
  if has("0.11") then
    return
  end
  M.refresh_folds(bufnr, client)
  local group = vim.api.nvim_create_augroup("fazhi_folds_" .. bufnr, { clear = true })
  vim.api.nvim_create_autocmd({ "InsertLeave", "BufWritePost", "TextChanged" }, {
    group = group,
    buffer = bufnr,
    callback = function()
      M.refresh_folds(bufnr, client)
    end,
  })
end

-------------------------------------------------------------------------------
-- Saving edits of .fazhi.json that is not open

local function is_config_uri(uri)
  return type(uri) == "string" and uri:match("/%.fazhi%.json$") ~= nil
end

local function edit_uris(edit)
  local uris = {}
  for uri in pairs(edit.changes or {}) do
    table.insert(uris, uri)
  end
  for _, change in ipairs(edit.documentChanges or {}) do
    local uri = change.textDocument and change.textDocument.uri or change.uri
    if uri then
      table.insert(uris, uri)
    end
  end
  return uris
end

local wrapped = false

--- Wraps vim.lsp.util.apply_workspace_edit once: a .fazhi.json that was not loaded before the edit is
--- written to disk and its buffer wiped, so that 忽略此处 is saved and no hidden modified buffer is left.
function M.wrap_apply_workspace_edit()
  if wrapped then
    return
  end
  wrapped = true
  local util = vim.lsp.util
  local original = util.apply_workspace_edit
  util.apply_workspace_edit = function(edit, ...)
    local unopened = {}
    if type(edit) == "table" then
      for _, uri in ipairs(edit_uris(edit)) do
        if is_config_uri(uri) then
          local buf = vim.fn.bufnr(vim.uri_to_fname(uri))
          if buf == -1 or not vim.api.nvim_buf_is_loaded(buf) then
            table.insert(unopened, uri)
          end
        end
      end
    end
    local result = original(edit, ...)
    for _, uri in ipairs(unopened) do
      local fname = vim.uri_to_fname(uri)
      local buf = vim.fn.bufnr(fname)
      if buf ~= -1 and vim.api.nvim_buf_is_loaded(buf) and vim.bo[buf].modified then
        local ok, err = pcall(vim.api.nvim_buf_call, buf, function()
          vim.cmd("silent noautocmd keepalt write")
        end)
        if ok then
          pcall(vim.api.nvim_buf_delete, buf, { force = false })
        else
          vim.notify("法治：无法保存 " .. fname .. "：" .. tostring(err), vim.log.levels.ERROR)
        end
      end
    end
    return result
  end
end

-------------------------------------------------------------------------------
-- Status: documents that are not reports

-- bufnr -> { checked = bool, reason = string }
M.status = {}

function M.status_handler(_, params)
  if type(params) ~= "table" or type(params.uri) ~= "string" then
    return
  end
  local bufnr = vim.uri_to_bufnr(params.uri)
  local before = M.status[bufnr]
  M.status[bufnr] = { checked = params.checked == true, reason = params.reason or "" }
  local cfg = require("fazhi").options()
  if cfg.status and not params.checked and not (before and before.checked == false) then
    local name = vim.fn.fnamemodify(vim.uri_to_fname(params.uri), ":t")
    vim.notify(string.format("法治：%s——%s。如需检查，执行 :FazhiCheck。", name, params.reason or ""), vim.log.levels.INFO)
  end
end

-------------------------------------------------------------------------------
-- Attach

function M.on_attach(client, bufnr)
  local cfg = require("fazhi").options()
  for _, ns in ipairs(M.namespaces(client.id)) do
    vim.diagnostic.config({ update_in_insert = cfg.update_in_insert, severity_sort = cfg.severity_sort }, ns)
  end
  if cfg.signcolumn then
    for _, win in ipairs(vim.fn.win_findbuf(bufnr)) do
      if vim.wo[win].signcolumn == "auto" then
        vim.wo[win].signcolumn = "yes"
      end
    end
  end
  -- 0.10+ maps K to hover itself; earlier versions run 'keywordprg' (man).
  if cfg.hover_key and not has("0.10") and not mapped(cfg.hover_key, bufnr) then
    vim.keymap.set("n", cfg.hover_key, vim.lsp.buf.hover, { buffer = bufnr, desc = "法治：悬停说明" })
  end
  if cfg.message_key and not mapped(cfg.message_key, bufnr) then
    vim.keymap.set("n", cfg.message_key, function()
      vim.diagnostic.open_float({ scope = "cursor", source = false, border = "rounded" })
    end, { buffer = bufnr, desc = "法治：显示光标处问题的完整说明" })
  end
  if cfg.omnifunc then
    if has("0.11") and vim.lsp.completion then
      vim.lsp.completion.enable(true, client.id, bufnr, { autotrigger = true })
    elseif vim.bo[bufnr].omnifunc == "" then
      vim.bo[bufnr].omnifunc = "v:lua.vim.lsp.omnifunc"
    end
  end
  if cfg.folding and client.server_capabilities and client.server_capabilities.foldingRangeProvider then
    set_folding(bufnr, client)
  end
  if cfg.write_unopened then
    M.wrap_apply_workspace_edit()
  end
end

--- :FazhiCheck — check the current document even if it does not look like a report.
function M.check_anyway(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  local clients = require("fazhi").clients(bufnr)
  if #clients == 0 then
    vim.notify("法治：当前缓冲区没有连接 fazhi 语言服务器", vim.log.levels.WARN)
    return
  end
  local params = { command = "fazhi.checkDocument", arguments = { { uri = vim.uri_from_bufnr(bufnr) } } }
  call(clients[1], "request", "workspace/executeCommand", params, function(err)
    if err then
      vim.notify("法治：" .. tostring(err.message or err), vim.log.levels.ERROR)
    else
      M.status[bufnr] = { checked = true, reason = "已选择“仍然检查此文档”" }
    end
  end, bufnr)
end

return M
