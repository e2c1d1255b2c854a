'use strict';

// The extension against the stand-in vscode module and a stand-in server (test-support/fake-server.js).

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { vscode, extension, makeContext, reset, until, fakeServer } = require('../test-support/setup');

function logFile() {
  const f = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-vsc-')), 'log.jsonl');
  process.env.FAKE_LOG = f;
  return f;
}
const received = (f) => (fs.existsSync(f) ? fs.readFileSync(f, 'utf8').trim().split('\n').filter(Boolean).map(JSON.parse) : []);

async function activated(config) {
  reset();
  vscode.__test.setConfig(Object.assign({ path: fakeServer }, config || {}));
  const context = makeContext();
  await extension.activate(context);
  return { context, client: extension._internal.getClient() };
}

test('activate starts `<path> lsp` and initializes with the settings as initializationOptions', async () => {
  const log = logFile();
  const { client } = await activated({ profile: 'default', rules: { 'stray-space': 'off' }, ignore: [{ rule: 'confusable', text: '其它' }],
    files: ['**/*报告*.txt'], trace: { server: 'off' } });
  assert.equal(extension._internal.getState(), 'running');
  assert.equal(client.options.command, fakeServer);
  assert.deepEqual(client.options.args, ['lsp']);
  const init = await until(() => received(log).find((m) => m.method === 'initialize'));
  assert.deepEqual(init.params.initializationOptions, {
    profile: 'default', rules: { 'stray-space': 'off' }, ignore: [{ rule: 'confusable', text: '其它' }], files: ['**/*报告*.txt'],
  });
  assert.equal(init.params.capabilities.experimental.fazhiStatus, true);
  assert.equal(init.params.capabilities.textDocument.publishDiagnostics.versionSupport, true);
  // The server asks for its section and the whole configuration; only server keys are answered.
  const answer = await until(() => received(log).find((m) => m.id === 'cfg'));
  assert.deepEqual(answer.result[0].rules, { 'stray-space': 'off' });
  assert.equal(answer.result[0].path, undefined);
  assert.deepEqual(answer.result[1].fazhi.profile, 'default');
  // Providers for what the server offers.
  const kinds = vscode.__test.providers.map((p) => p.kind).sort();
  assert.deepEqual(kinds, ['codeAction', 'completion', 'documentSymbol', 'foldingRange', 'hover']);
  assert.deepEqual(vscode.__test.providers.find((p) => p.kind === 'completion').rest, ['《']);
  await extension.deactivate();
  assert.ok(received(log).some((m) => m.method === 'shutdown'), 'deactivate shuts the server down');
});

test('empty settings are not sent, so .fazhi.json wins', async () => {
  const log = logFile();
  await activated({ profile: '', rules: {}, ignore: [] });
  const init = await until(() => received(log).find((m) => m.method === 'initialize'));
  assert.deepEqual(init.params.initializationOptions, {});
  await extension.deactivate();
});

test('documents: report documents are opened on the server, others are not; edits are sent incrementally', async () => {
  const log = logFile();
  await activated();
  const doc = vscode.__test.makeDocument('file:///r/%E6%8A%A5%E5%91%8A.txt', 'plaintext', '标题\n正文\n');
  vscode.__test.fire('openDocument', doc);
  vscode.__test.fire('openDocument', vscode.__test.makeDocument('file:///r/a.js', 'javascript', 'x'));
  doc.edit(new vscode.Range(1, 0, 1, 0), '新');
  const change = await until(() => received(log).find((m) => m.method === 'textDocument/didChange'));
  const opens = received(log).filter((m) => m.method === 'textDocument/didOpen');
  assert.equal(opens.length, 1);
  assert.equal(opens[0].params.textDocument.uri, 'file:///r/%E6%8A%A5%E5%91%8A.txt', 'the URI is sent as VS Code spells it');
  assert.equal(change.params.textDocument.version, 2);
  assert.deepEqual(change.params.contentChanges, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, rangeLength: 0, text: '新' }]);
  await extension.deactivate();
});

test('commands are registered', async () => {
  logFile();
  const { context } = await activated();
  const ids = [...vscode.__test.calls.commands.keys()].sort();
  assert.deepEqual(ids, ['fazhi.checkDocument', 'fazhi.executeServerCommand', 'fazhi.insertTemplate', 'fazhi.lintWorkspace',
    'fazhi.restartServer', 'fazhi.showOutput']);
  assert.ok(context.subscriptions.length >= 7, 'disposables are pushed to context.subscriptions');
  await extension.deactivate();
});

test('finding the binary: setting first, then PATH, then the common places; a Chinese message names fazhi.path', () => {
  const { findBinary, resolveBinary, notFoundMessage } = extension._internal;
  const has = (set) => (p) => set.includes(p);
  assert.equal(resolveBinary('/opt/fazhi/bin/fazhi', '/ws'), '/opt/fazhi/bin/fazhi');
  assert.equal(resolveBinary('${workspaceFolder}/bin/fazhi', '/ws'), '/ws/bin/fazhi');
  assert.equal(resolveBinary('.build/debug/fazhi', '/ws'), '/ws/.build/debug/fazhi');
  assert.equal(resolveBinary('', '/ws'), 'fazhi');
  assert.equal(findBinary('/opt/x/fazhi', '/ws', { PATH: '' }, has(['/opt/x/fazhi'])).command, '/opt/x/fazhi');
  assert.equal(findBinary('/opt/x/fazhi', '/ws', { PATH: '' }, has([])).command, undefined);
  assert.equal(findBinary('fazhi', '/ws', { PATH: '/a:/b', HOME: '/home/u' }, has(['/b/fazhi', '/home/u/.local/bin/fazhi'])).command, '/b/fazhi');
  // A desktop-started VS Code with a bare PATH still finds ~/.local/bin/fazhi.
  assert.equal(findBinary('fazhi', undefined, { PATH: '/usr/bin', HOME: '/home/u' }, has(['/home/u/.local/bin/fazhi'])).command,
    '/home/u/.local/bin/fazhi');
  const miss = findBinary('fazhi', undefined, { PATH: '/usr/bin', HOME: '/home/u' }, has([]));
  assert.equal(miss.command, undefined);
  assert.ok(miss.searched.includes('/home/u/.local/bin/fazhi') && miss.searched.includes('/usr/local/bin/fazhi'));
  assert.match(notFoundMessage('fazhi', miss.searched), /fazhi\.path/);
  assert.match(notFoundMessage('fazhi', miss.searched), /桌面/);
  assert.match(notFoundMessage('/bad/fazhi', []), /\/bad\/fazhi/);
});

test('a missing binary: status warning and a message that says what to set', async () => {
  reset();
  vscode.__test.setConfig({ path: '/nonexistent/fazhi' });
  await extension.activate(makeContext());
  const item = vscode.__test.calls.statusItems[0];
  assert.equal(item.text, '法治 $(warning)');
  assert.equal(item.command, 'fazhi.showOutput');
  assert.ok(vscode.__test.calls.messages.some(([kind, m]) => kind === 'error' && /fazhi\.path/.test(m) && /完整路径/.test(m)));
  await extension.deactivate();
});

test('status bar: ✓ without errors, count with errors, “–” with the reason for a document that is not a report', async () => {
  logFile();
  const { client } = await activated();
  const item = vscode.__test.calls.statusItems[0];
  assert.ok(item.visible);
  assert.equal(item.text, '法治');
  const doc = vscode.__test.makeDocument('file:///r/报告.txt', 'plaintext');
  vscode.window.activeTextEditor = vscode.__test.makeEditor(doc);
  vscode.__test.fire('activeEditor', vscode.window.activeTextEditor);
  assert.equal(item.text, '法治 ✓');
  const E = vscode.DiagnosticSeverity;
  const mk = (sev, source) => Object.assign(new vscode.Diagnostic(new vscode.Range(0, 0, 0, 1), 'm', sev), { source });
  vscode.__test.setDiagnostics('file:///r/报告.txt', [mk(E.Error, 'fazhi'), mk(E.Error, 'fazhi'), mk(E.Warning, 'fazhi'), mk(E.Error, 'fazhi lint'), mk(E.Error, 'other')]);
  vscode.__test.fire('diagnostics', { uris: [doc.uri] });
  assert.equal(item.text, '法治 $(error) 2');
  assert.match(item.tooltip, /2 个错误，1 个警告/);
  // The server says the note is not a report.
  const note = vscode.__test.makeDocument('file:///r/notes.txt', 'plaintext');
  vscode.window.activeTextEditor = vscode.__test.makeEditor(note);
  client.connection.dispatch({ jsonrpc: '2.0', method: 'fazhi/status', params: { uri: 'file:///r/notes.txt', checked: false, reason: '没有报告的标题' } });
  assert.equal(item.text, '法治 –');
  assert.match(item.tooltip, /没有报告的标题/);
  assert.equal(item.command, 'fazhi.checkDocument');
  await extension.deactivate();
});

test('changing fazhi.path restarts the client; other fazhi settings are sent to the server', async () => {
  const log = logFile();
  const { client: first } = await activated();
  vscode.__test.setConfig({ path: fakeServer, rules: { a: 'off' } });
  vscode.__test.fire('configuration', { affectsConfiguration: (s) => s === 'fazhi' || s === 'fazhi.rules' });
  const change = await until(() => received(log).find((m) => m.method === 'workspace/didChangeConfiguration'));
  assert.deepEqual(change.params.settings.fazhi.rules, { a: 'off' });
  vscode.__test.fire('configuration', { affectsConfiguration: (s) => s === 'fazhi.path' || s === 'fazhi' });
  await until(() => extension._internal.getClient() && extension._internal.getClient() !== first && extension._internal.getState() === 'running');
  assert.equal(first.state, 'stopped');
  await extension.deactivate();
});

test('insertTemplate inserts the bundled template with five parts', async () => {
  logFile();
  delete process.env.FAKE_COMPLETION;
  await activated();
  const doc = vscode.__test.makeDocument('file:///r/新报告.txt', 'plaintext');
  vscode.window.activeTextEditor = vscode.__test.makeEditor(doc);
  await vscode.__test.calls.commands.get('fazhi.insertTemplate')();
  const { snippet } = vscode.__test.calls.snippets[0];
  assert.ok(snippet instanceof vscode.SnippetString);
  for (const part of ['主要举措和成效', '存在的不足和原因', '第一责任人职责', '主要安排', '其他需要报告的情况']) {
    assert.ok(snippet.value.includes(part), 'template has ' + part);
  }
  await extension.deactivate();
});

test('insertTemplate prefers a template completion from the server', async () => {
  const log = logFile();
  process.env.FAKE_COMPLETION = JSON.stringify({ isIncomplete: false, items: [
    { label: '一是', insertText: '一是' }, { label: '报告模板', insertText: '服务器模板${1:镇}', insertTextFormat: 2 },
  ] });
  await activated();
  delete process.env.FAKE_COMPLETION;
  const doc = vscode.__test.makeDocument('file:///r/%E6%96%B0.txt', 'plaintext');
  vscode.window.activeTextEditor = vscode.__test.makeEditor(doc);
  await vscode.__test.calls.commands.get('fazhi.insertTemplate')();
  const req = received(log).find((m) => m.method === 'textDocument/completion');
  assert.equal(req.params.textDocument.uri, 'file:///r/%E6%96%B0.txt');
  assert.equal(vscode.__test.calls.snippets[0].snippet.value, '服务器模板${1:镇}');
  await extension.deactivate();
});
