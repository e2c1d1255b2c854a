-- Shared by unit.lua and e2e.lua: PASS/FAIL lines, a closing "N passed, N failed" line and the exit code.
local M = { passed = 0, failed = 0 }

function M.out(line)
  io.stdout:write(line .. "\n")
  io.stdout:flush()
end

function M.check(name, ok, detail)
  if ok then
    M.passed = M.passed + 1
    M.out("PASS " .. name)
  else
    M.failed = M.failed + 1
    M.out("FAIL " .. name .. (detail and ("：" .. detail) or ""))
  end
  return ok
end

function M.finish()
  M.out(string.format("%d passed, %d failed", M.passed, M.failed))
  vim.cmd(M.failed > 0 and "cquit 1" or "qall!")
end

return M
