-- Fazhi (法治) for Neovim: defines the user commands only. Nothing starts until the user
-- calls require("fazhi").setup({...}) (or, on 0.11+, vim.lsp.enable("fazhi")).
if vim.g.loaded_fazhi then
  return
end
vim.g.loaded_fazhi = true

if vim.api.nvim_create_user_command == nil then
  return -- Neovim older than 0.7
end

vim.api.nvim_create_user_command("FazhiOutline", function(opts)
  require("fazhi").outline(opts.bang)
end, { bang = true, desc = "法治：把报告大纲放入位置列表（加 ! 放入 quickfix 列表）" })

vim.api.nvim_create_user_command("FazhiInfo", function()
  require("fazhi").info()
end, { desc = "法治：显示插件、fazhi 程序和语言服务器的状态" })

vim.api.nvim_create_user_command("FazhiRestart", function()
  require("fazhi").restart()
end, { desc = "法治：重启 fazhi 语言服务器" })

vim.api.nvim_create_user_command("FazhiCheck", function()
  require("fazhi.editor").check_anyway(0)
end, { desc = "法治：仍然检查当前文档（即使它看起来不是法治政府建设报告）" })
