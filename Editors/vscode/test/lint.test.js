'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { vscode, extension, makeContext, reset } = require('../test-support/setup');

const { parseLintOutput, severityOf } = extension._internal;

test('parseLintOutput reads {files:[{path, diagnostics}]} with LSP ranges', () => {
  const out = parseLintOutput(JSON.stringify({
    files: [{ path: 'a/报告.txt', diagnostics: [
      { rule: 'missing-part', severity: 'error', message: '缺少“存在的不足和原因”部分',
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } } },
    ] }],
  }), '/ws');
  assert.equal(out.checkedFiles, 1);
  assert.deepEqual([...out], [{ file: '/ws/a/报告.txt', line: 0, character: 0, endLine: 0, endCharacter: 4,
    severity: 'error', rule: 'missing-part', message: '缺少“存在的不足和原因”部分' }]);
});

test('parseLintOutput reads flat arrays with 1-based line/column', () => {
  const out = parseLintOutput(JSON.stringify([
    { file: '/abs/x.md', line: 3, column: 2, endColumn: 4, severity: 'warning', code: 'numbering', message: 'm' },
  ]));
  assert.deepEqual(out, [{ file: '/abs/x.md', line: 2, character: 1, endLine: 2, endCharacter: 3,
    severity: 'warning', rule: 'numbering', message: 'm' }]);
});

test('parseLintOutput reads {diagnostics:[...]} and skips entries without a file', () => {
  const out = parseLintOutput(JSON.stringify({ diagnostics: [{ path: 'b.txt', line: 1, message: 'x' }, { message: 'no file' }] }), '/ws');
  assert.equal(out.length, 1);
  assert.equal(out[0].file, '/ws/b.txt');
});

test('severityOf maps names and LSP numbers', () => {
  const S = vscode.DiagnosticSeverity;
  assert.equal(severityOf('error'), S.Error);
  assert.equal(severityOf('warning'), S.Warning);
  assert.equal(severityOf('info'), S.Information);
  assert.equal(severityOf('hint'), S.Hint);
  assert.equal(severityOf(1), S.Error);
  assert.equal(severityOf(4), S.Hint);
});

test('fazhi.lintWorkspace runs `<path> lint --format json <folder>` and fills the Problems panel', async (t) => {
  if (process.platform === 'win32') { t.skip('uses a shell script as the fake binary'); return; }
  reset();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-vscode-'));
  const argsFile = path.join(dir, 'args.txt');
  const fake = path.join(dir, 'fake-fazhi');
  // The shape printed by `fazhi lint --format json` (LintOutput.json in Sources/fazhi).
  const report = JSON.stringify({ version: 1, files: [
    { path: path.join(dir, '青禾镇.txt'), diagnostics: [
      { rule: 'missing-part', severity: 'error', message: '缺少部分',
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 2 } },
        fixes: [{ title: '插入', edits: [{ range: { start: { line: 9, character: 0 }, end: { line: 9, character: 0 } }, newText: '三、' }] }] },
      { rule: 'numbering', severity: 'warning', message: '编号',
        range: { start: { line: 4, character: 0 }, end: { line: 4, character: 2 } }, fixes: [] },
    ] },
    { path: path.join(dir, '规范.txt'), diagnostics: [] },
  ], summary: { files: 2, error: 1, warning: 1, info: 0, hint: 0, missingParts: [{ path: path.join(dir, '青禾镇.txt'), parts: ['leadership'] }] } });
  fs.writeFileSync(fake, `#!/bin/sh\nprintf '%s\\n' "$@" > '${argsFile}'\ncat <<'JSON'\n${report}\nJSON\nexit 1\n`, { mode: 0o755 });
  vscode.workspace.workspaceFolders = [{ name: 'reports', uri: vscode.Uri.file(dir) }];
  vscode.__test.setConfig({ path: fake });
  await extension.activate(makeContext());
  // (The fake cannot serve LSP; only the folder run matters here.)
  vscode.__test.calls.messages.length = 0;
  await vscode.__test.calls.commands.get('fazhi.lintWorkspace')();

  assert.deepEqual(fs.readFileSync(argsFile, 'utf8').trim().split('\n'), ['lint', '--format', 'json', dir]);
  const coll = vscode.__test.calls.diagnosticCollections.find((c) => c.name === 'fazhi-lint');
  const diags = coll.entries.get(vscode.Uri.file(path.join(dir, '青禾镇.txt')).toString());
  assert.equal(diags.length, 2);
  assert.equal(diags[0].source, 'fazhi lint');
  assert.equal(diags[0].code, 'missing-part');
  assert.equal(diags[0].severity, vscode.DiagnosticSeverity.Error);
  assert.equal(diags[1].range.start.line, 4);
  assert.ok(vscode.__test.calls.executed.some(([id]) => id === 'workbench.actions.view.problems'));
  assert.ok(vscode.__test.calls.messages.some(([kind, m]) => kind === 'info' && /检查了 2 个文件，1 个文件有问题，共 1 个错误、1 个警告/.test(m)));
  const channel = vscode.__test.calls.outputChannels[0];
  assert.ok(channel.lines.some((l) => l.startsWith('青禾镇.txt:5:1: [numbering]')));

  // A file open in the editor is checked by the server: the folder run must not show it a second time,
  // and opening a file drops its folder-run findings.
  vscode.workspace.textDocuments = [vscode.__test.makeDocument(vscode.Uri.file(path.join(dir, '青禾镇.txt')).toString(), 'plaintext')];
  vscode.workspace.textDocuments[0].uri = vscode.Uri.file(path.join(dir, '青禾镇.txt'));
  await vscode.__test.calls.commands.get('fazhi.lintWorkspace')();
  assert.equal(coll.entries.get(vscode.Uri.file(path.join(dir, '青禾镇.txt')).toString()), undefined);
  vscode.workspace.textDocuments = [];
  await vscode.__test.calls.commands.get('fazhi.lintWorkspace')();
  assert.equal(coll.entries.get(vscode.Uri.file(path.join(dir, '青禾镇.txt')).toString()).length, 2);
  const opened = vscode.__test.makeDocument('x', 'plaintext');
  opened.uri = vscode.Uri.file(path.join(dir, '青禾镇.txt'));
  vscode.__test.fire('openDocument', opened);
  assert.equal(coll.entries.get(vscode.Uri.file(path.join(dir, '青禾镇.txt')).toString()), undefined);
  await extension.deactivate();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('fazhi.lintWorkspace reports a failing binary (exit code 2)', async (t) => {
  if (process.platform === 'win32') { t.skip('uses a shell script as the fake binary'); return; }
  reset();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-vscode-'));
  const fake = path.join(dir, 'fake-fazhi');
  fs.writeFileSync(fake, '#!/bin/sh\necho "fazhi: 未知选项" >&2\nexit 2\n', { mode: 0o755 });
  vscode.workspace.workspaceFolders = [{ name: 'reports', uri: vscode.Uri.file(dir) }];
  vscode.__test.setConfig({ path: fake });
  await extension.activate(makeContext());
  vscode.__test.calls.messages.length = 0;
  await vscode.__test.calls.commands.get('fazhi.lintWorkspace')();
  assert.ok(vscode.__test.calls.messages.some(([kind, m]) => kind === 'error' && /检查文件夹失败/.test(m)));
  assert.ok(vscode.__test.calls.outputChannels[0].lines.some((l) => l.includes('未知选项')));
  await extension.deactivate();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('fazhi.lintWorkspace without a folder only warns', async () => {
  reset();
  await extension.activate(makeContext());
  await vscode.__test.calls.commands.get('fazhi.lintWorkspace')();
  assert.ok(vscode.__test.calls.messages.some(([kind, m]) => kind === 'warning' && /文件夹/.test(m)));
  await extension.deactivate();
});
