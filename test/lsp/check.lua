-- Neovim's built-in LSP client against `hardock lsp` (run by run.sh: nvim --headless --clean -u check.lua).
-- For each file: open it, wait for hardock's diagnostics, compare them with the CLI's JSON for the same file,
-- then apply the "Suppress ... here" code action of the last diagnostic and check the buffer and the new
-- diagnostics. Env: HARDOCK_LSP_CMD (the server command, space-separated), HARDOCK_REPO, HARDOCK_CASES
-- ("file=cli.json;..."), HARDOCK_LSP_OUT (where the verdict goes). Exit code 0 when every check held.
local out = assert(io.open(os.getenv('HARDOCK_LSP_OUT'), 'w'))
local failures = 0
local function say(s) out:write(s .. '\n'); out:flush() end
local function fail(s) failures = failures + 1; say('FAIL ' .. s) end

local published = {}
local cmd = vim.split(os.getenv('HARDOCK_LSP_CMD'), ' ', { trimempty = true })
local client_id = vim.lsp.start_client({
  name = 'hardock',
  cmd = cmd,
  root_dir = os.getenv('HARDOCK_REPO'),
  handlers = {
    ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
      published[result.uri] = result
      return vim.lsp.handlers['textDocument/publishDiagnostics'](err, result, ctx, config)
    end,
  },
  on_exit = function(code) say('server exited with ' .. tostring(code)) end,
})
if not client_id then fail('the server did not start'); vim.cmd('cquit 1') end

local function key(rule, l, c, el, ec, msg) return string.format('%s %d:%d-%d:%d %s', rule, l, c, el, ec, msg) end

local function check(file, cli_json)
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local buf = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(buf, client_id)
  local uri = vim.uri_from_bufnr(buf)
  if not vim.wait(60000, function() return published[uri] ~= nil end, 50) then
    fail(file .. ': no diagnostics within 60 s'); return
  end
  local got = {}
  for _, d in ipairs(published[uri].diagnostics) do
    if d.source ~= 'hardock' then fail(file .. ': source ' .. tostring(d.source)) end
    if not (d.codeDescription and d.codeDescription.href:find(d.code, 1, true)) then fail(file .. ': no rule page for ' .. d.code) end
    table.insert(got, key(d.code, d.range.start.line + 1, d.range.start.character + 1, d.range['end'].line + 1,
      d.range['end'].character + 1, d.message))
  end
  local want = {}
  local cli = vim.json.decode(table.concat(vim.fn.readfile(cli_json), '\n'))
  for _, f in ipairs(cli.findings) do
    table.insert(want, key(f.ruleId, f.line, f.column, f.endLine, f.endColumn, f.message))
  end
  table.sort(got); table.sort(want)
  if #want == 0 then fail(file .. ': the CLI found nothing to compare') end
  if vim.inspect(got) ~= vim.inspect(want) then
    fail(file .. ': diagnostics differ from the CLI\n  lsp: ' .. vim.inspect(got) .. '\n  cli: ' .. vim.inspect(want))
  else
    say('ok ' .. file .. ': ' .. #got .. ' diagnostics equal to the CLI')
  end
  -- Neovim turned them into its own diagnostics
  if #vim.diagnostic.get(buf) ~= #want then fail(file .. ': vim.diagnostic has ' .. #vim.diagnostic.get(buf)) end

  -- the code action: suppress the last diagnostic here
  local diags = published[uri].diagnostics
  local target = diags[#diags]
  local params = { textDocument = { uri = uri }, range = target.range, context = { diagnostics = { target } } }
  local responses = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', params, 60000) or {}
  local action
  for _, r in pairs(responses) do
    for _, a in ipairs(r.result or {}) do
      if a.title:find('^Suppress ' .. target.code .. ' ') then action = a end
    end
  end
  if not action then fail(file .. ': no suppress action for ' .. target.code); return end
  local before = #vim.api.nvim_buf_get_lines(buf, 0, -1, false)
  published[uri] = nil
  vim.lsp.util.apply_workspace_edit(action.edit, 'utf-16')
  local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
  local directive = 'hardock-ignore ' .. target.code .. ': reason'
  local inserted = lines[target.range.start.line + 1] or ''
  local found = false
  for _, l in ipairs(lines) do if l:find(directive, 1, true) then found = true end end
  if #lines ~= before + 1 or not found then
    fail(file .. ': the buffer after the action:\n' .. table.concat(lines, '\n'))
    return
  end
  -- the edit reaches the server through incremental didChange; the finding goes, the others stay
  if not vim.wait(60000, function() return published[uri] ~= nil end, 50) then
    fail(file .. ': no diagnostics after the edit'); return
  end
  if #published[uri].diagnostics ~= #diags - 1 then
    fail(file .. ': ' .. #published[uri].diagnostics .. ' diagnostics after suppressing one of ' .. #diags)
  else
    say('ok ' .. file .. ': "' .. action.title .. '" inserted "' .. vim.trim(inserted) .. '"-style directive; ' .. (#diags - 1) .. ' left')
  end
end

for case in string.gmatch(os.getenv('HARDOCK_CASES'), '[^;]+') do
  local file, json = case:match('^(.-)=(.*)$')
  check(file, json)
end

vim.lsp.stop_client(client_id)
vim.wait(10000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 50)
say(failures == 0 and 'PASS' or ('FAILED ' .. failures))
out:close()
vim.cmd(failures == 0 and 'qall!' or 'cquit 1')
