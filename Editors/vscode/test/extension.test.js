'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { vscode, lc, extension, makeContext, reset } = require('../test-support/setup');

const EXPECTED_SELECTOR = [
  { scheme: 'file', language: 'plaintext' },
  { scheme: 'untitled', language: 'plaintext' },
  { scheme: 'file', language: 'markdown' },
  { scheme: 'untitled', language: 'markdown' },
];

async function activated(config) {
  reset();
  if (config) vscode.__test.setConfig(config);
  const context = makeContext();
  const api = await extension.activate(context);
  return { context, api, client: lc.__test.instances[0] };
}

test('activate starts `<path> lsp` over stdio', async () => {
  const { client } = await activated();
  assert.equal(lc.__test.instances.length, 1);
  assert.equal(client.id, 'fazhi');
  assert.equal(client.name, '法治报告检查');
  for (const exec of [client.serverOptions.run, client.serverOptions.debug]) {
    assert.equal(exec.command, 'fazhi');
    assert.deepEqual(exec.args, ['lsp']);
    assert.equal(exec.transport, lc.TransportKind.stdio);
  }
  assert.ok(client.started);
  await extension.deactivate();
});

test('fazhi.path setting is used, relative paths from the workspace folder', async () => {
  reset();
  vscode.workspace.workspaceFolders = [{ name: 'ws', uri: vscode.Uri.file('/home/u/ws') }];
  vscode.__test.setConfig({ path: '.build/debug/fazhi' });
  await extension.activate(makeContext());
  assert.equal(lc.__test.instances[0].serverOptions.run.command, '/home/u/ws/.build/debug/fazhi');
  await extension.deactivate();

  const { resolveBinary } = extension._internal;
  assert.equal(resolveBinary('/opt/fazhi/bin/fazhi', '/ws'), '/opt/fazhi/bin/fazhi');
  assert.equal(resolveBinary('${workspaceFolder}/bin/fazhi', '/ws'), '/ws/bin/fazhi');
  assert.equal(resolveBinary('fazhi', '/ws'), 'fazhi');
  assert.equal(resolveBinary('', '/ws'), 'fazhi');
  assert.equal(resolveBinary(undefined, undefined), 'fazhi');
});

test('client options: selector, synchronize, initializationOptions', async () => {
  const { client } = await activated({
    path: 'fazhi', profile: 'default', rules: { 'stray-space': 'off' }, ignore: [{ rule: 'confusable', text: '其它' }],
    trace: { server: 'verbose' },
  });
  const opts = client.clientOptions;
  assert.deepEqual(opts.documentSelector, EXPECTED_SELECTOR);
  assert.equal(opts.synchronize.configurationSection, 'fazhi');
  assert.equal(opts.synchronize.fileEvents.glob, '**/.fazhi.json');
  assert.deepEqual(opts.initializationOptions, {
    profile: 'default', rules: { 'stray-space': 'off' }, ignore: [{ rule: 'confusable', text: '其它' }],
  });
  assert.ok(opts.outputChannel, 'an output channel is passed to the client');
  await extension.deactivate();
});

test('empty settings are not sent, so .fazhi.json wins', async () => {
  const { client } = await activated({ path: 'fazhi', profile: '', rules: {}, ignore: [] });
  assert.deepEqual(client.clientOptions.initializationOptions, {});
  await extension.deactivate();
});

test('workspace/configuration answers drop client-only keys', async () => {
  const { client } = await activated();
  const mw = client.clientOptions.middleware.workspace.configuration;
  const params = { items: [{ section: 'fazhi' }, { section: 'other' }, {}] };
  const next = async () => [
    { path: '/x/fazhi', trace: { server: 'off' }, profile: 'p', rules: { a: 'hint' }, ignore: [] },
    { keep: 1 },
    { fazhi: { path: 'fazhi', profile: '' }, editor: {} },
  ];
  const result = await mw(params, undefined, next);
  assert.deepEqual(result[0], { profile: 'p', rules: { a: 'hint' } });
  assert.deepEqual(result[1], { keep: 1 });
  assert.deepEqual(result[2], { fazhi: {}, editor: {} });
  await extension.deactivate();
});

test('commands are registered', async () => {
  const { context } = await activated();
  const ids = [...vscode.__test.calls.commands.keys()].sort();
  assert.deepEqual(ids, ['fazhi.insertTemplate', 'fazhi.lintWorkspace', 'fazhi.restartServer', 'fazhi.showOutput']);
  assert.ok(context.subscriptions.length >= 7, 'disposables are pushed to context.subscriptions');
  await extension.deactivate();
});

test('status bar: ✓ without errors, count with errors, warning when the server fails', async () => {
  await activated();
  const item = vscode.__test.calls.statusItems[0];
  assert.ok(item, 'a status bar item is created');
  assert.equal(item.alignment, vscode.StatusBarAlignment.Right);
  assert.ok(item.visible);
  assert.equal(item.text, '法治');

  const doc = vscode.__test.makeDocument('file:///r/报告.txt', 'plaintext');
  vscode.window.activeTextEditor = vscode.__test.makeEditor(doc);
  vscode.__test.fire('activeEditor', vscode.window.activeTextEditor);
  assert.equal(item.text, '法治 ✓');

  const E = vscode.DiagnosticSeverity;
  const mk = (sev, source) => Object.assign(new vscode.Diagnostic(new vscode.Range(0, 0, 0, 1), 'm', sev), { source });
  vscode.__test.setDiagnostics('file:///r/报告.txt', [
    mk(E.Error, 'fazhi'), mk(E.Error, 'fazhi'), mk(E.Warning, 'fazhi'), mk(E.Error, 'fazhi lint'), mk(E.Error, 'other'),
  ]);
  vscode.__test.fire('diagnostics', { uris: [doc.uri] });
  assert.equal(item.text, '法治 $(error) 2');
  assert.match(item.tooltip, /2 个错误，1 个警告/);
  assert.equal(item.command, 'workbench.actions.view.problems');
  await extension.deactivate();

  reset();
  lc.__test.failNextStart(new Error('spawn fazhi ENOENT'));
  await extension.activate(makeContext());
  const failed = vscode.__test.calls.statusItems[0];
  assert.equal(failed.text, '法治 $(warning)');
  assert.match(failed.tooltip, /ENOENT/);
  assert.equal(failed.command, 'fazhi.showOutput');
  assert.ok(vscode.__test.calls.messages.some(([kind, m]) => kind === 'error' && /fazhi\.path/.test(m)));
  await extension.deactivate();
});

test('deactivate stops the client', async () => {
  const { client } = await activated();
  assert.equal(client.stopped, false);
  await extension.deactivate();
  assert.equal(client.stopped, true);
  // A second deactivate is harmless.
  await extension.deactivate();
});

test('changing fazhi.path restarts the client', async () => {
  await activated();
  vscode.__test.setConfig({ path: '/new/fazhi' });
  vscode.__test.fire('configuration', { affectsConfiguration: (s) => s === 'fazhi.path' || s === 'fazhi' });
  await new Promise((r) => setImmediate(r));
  await new Promise((r) => setImmediate(r));
  assert.equal(lc.__test.instances.length, 2);
  assert.ok(lc.__test.instances[0].stopped);
  assert.equal(lc.__test.instances[1].serverOptions.run.command, '/new/fazhi');
  await extension.deactivate();
});

test('insertTemplate inserts the bundled template with five parts', async () => {
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
  await activated();
  lc.__test.setCompletionResult({ isIncomplete: false, items: [
    { label: '一是', insertText: '一是' },
    { label: '报告模板', insertText: '服务器模板${1:镇}', insertTextFormat: 2 },
  ] });
  const doc = vscode.__test.makeDocument('file:///r/新报告.txt', 'plaintext');
  vscode.window.activeTextEditor = vscode.__test.makeEditor(doc);
  await vscode.__test.calls.commands.get('fazhi.insertTemplate')();
  const client = lc.__test.instances[0];
  assert.equal(client.requests[0].method, 'textDocument/completion');
  assert.equal(client.requests[0].params.textDocument.uri, 'file:///r/新报告.txt');
  assert.equal(vscode.__test.calls.snippets[0].snippet.value, '服务器模板${1:镇}');
  await extension.deactivate();
});
