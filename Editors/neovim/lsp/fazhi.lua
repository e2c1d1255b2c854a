-- Configuration for Neovim 0.11+'s built-in LSP configs:
--   vim.lsp.config("fazhi", { settings = { fazhi = { rules = { ["stray-space"] = "off" } } } })
--   vim.lsp.enable("fazhi")
-- Neovim merges this table with what vim.lsp.config("fazhi", ...) gives.
return {
  cmd = { "fazhi", "lsp" },
  filetypes = { "text", "markdown" },
  root_markers = { ".fazhi.json", ".git" },
  -- Answered to workspace/configuration requests for the "fazhi" section; same keys as
  -- .fazhi.json, e.g. settings = { fazhi = { profile = "default", rules = { ... }, ignore = { ... } } }.
  -- Left empty here so that .fazhi.json decides.
  settings = {},
  -- The plugin's buffer defaults (live checking in insert mode, severity sort, K, folding, …) and its
  -- status messages; see :help fazhi-defaults.
  on_attach = function(client, bufnr)
    require("fazhi").on_attach()(client, bufnr)
  end,
  -- Neovim's own capabilities plus the fazhi/status notification (0.10 does not merge a partial table).
  capabilities = vim.tbl_deep_extend("force", vim.lsp.protocol.make_client_capabilities(),
    { experimental = { fazhiStatus = true } }),
  handlers = { ["fazhi/status"] = function(...) return require("fazhi.editor").status_handler(...) end },
  -- Also send the settings as initializationOptions: Neovim pulls diagnostics as soon as a
  -- report opens, before the server has asked for workspace/configuration, and (0.11) does
  -- not advertise diagnostic refresh, so settings given only through workspace/configuration
  -- would apply from the next edit on.
  before_init = function(params, config)
    local s = config.settings and config.settings.fazhi
    if params.initializationOptions == nil and type(s) == "table" and next(s) ~= nil then
      params.initializationOptions = s
    end
  end,
}
