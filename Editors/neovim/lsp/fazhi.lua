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
}
