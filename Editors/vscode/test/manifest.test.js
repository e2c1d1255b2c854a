'use strict';

// Checks package.json against what extension.js registers and what VS Code expects.

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

test('manifest basics', () => {
  assert.equal(pkg.name, 'fazhi');
  assert.equal(pkg.displayName, '法治报告检查');
  assert.ok(pkg.publisher);
  assert.equal(pkg.main, './extension.js');
  assert.ok(fs.existsSync(path.join(root, pkg.main)));
  // Nothing to install at run time: the LSP client is in lsp/ and uses only node and the vscode API.
  assert.equal(pkg.dependencies, undefined);
  assert.equal(pkg.devDependencies, undefined);
  assert.match(pkg.engines.vscode, /^\^1\.\d+\./);
  assert.equal(pkg.scripts.package, 'node package.js');
  for (const f of ['README.md', 'CHANGELOG.md', 'LICENSE', '.vscodeignore']) {
    assert.ok(fs.existsSync(path.join(root, f)), f + ' exists');
  }
});

test('activation events', () => {
  assert.deepEqual(pkg.activationEvents.sort(), [
    'onLanguage:markdown', 'onLanguage:plaintext', 'workspaceContains:**/.fazhi.json',
  ]);
});

test('every setting is contributed with a Chinese description', () => {
  const props = pkg.contributes.configuration.properties;
  assert.deepEqual(Object.keys(props).sort(),
    ['fazhi.files', 'fazhi.ignore', 'fazhi.path', 'fazhi.profile', 'fazhi.rules', 'fazhi.trace.server']);
  assert.equal(Object.keys(props)[0], 'fazhi.path', 'the binary path comes first');
  for (const [key, p] of Object.entries(props)) {
    const text = p.markdownDescription || p.description;
    assert.match(text, /[\u4e00-\u9fff]/, key + ' has a Chinese description');
    assert.ok('default' in p, key + ' has a default');
  }
  assert.equal(props['fazhi.path'].default, 'fazhi');
  assert.deepEqual(props['fazhi.rules'].additionalProperties.enum, ['error', 'warning', 'info', 'hint', 'off']);
  assert.deepEqual(props['fazhi.trace.server'].enum, ['off', 'messages', 'verbose']);
});

test('commands in the manifest match the registered ones, with Chinese titles', async () => {
  const titles = Object.fromEntries(pkg.contributes.commands.map((c) => [c.command, c.title]));
  assert.equal(titles['fazhi.insertTemplate'], '插入报告模板');
  assert.equal(titles['fazhi.lintWorkspace'], '检查整个文件夹');
  for (const t of Object.values(titles)) assert.match(t, /[\u4e00-\u9fff]/);
  const { vscode, extension, makeContext, reset } = require('../test-support/setup');
  reset();
  await extension.activate(makeContext());
  // fazhi.executeServerCommand is internal (code actions use it), not for the command palette.
  const registered = [...vscode.__test.calls.commands.keys()].filter((c) => c !== 'fazhi.executeServerCommand');
  assert.deepEqual(registered.sort(), Object.keys(titles).sort());
  await extension.deactivate();
});

test('.vscodeignore keeps tests out and the runtime in', () => {
  const ignore = fs.readFileSync(path.join(root, '.vscodeignore'), 'utf8').split('\n').map((l) => l.trim());
  assert.ok(ignore.includes('test/**'));
  assert.ok(ignore.includes('test-support/**'));
  assert.ok(!ignore.some((l) => l === '*.js' || l === '**/*.js'));
});

test('every module the extension requires is node built-in, vscode, or a file of the extension', () => {
  const builtin = new Set(require('module').builtinModules);
  const files = ['extension.js', 'template.js', ...fs.readdirSync(path.join(root, 'lsp')).map((f) => 'lsp/' + f)];
  for (const f of files) {
    const src = fs.readFileSync(path.join(root, f), 'utf8');
    for (const m of src.matchAll(/require\('([^']+)'\)/g)) {
      const name = m[1];
      assert.ok(builtin.has(name) || name === 'vscode' || name.startsWith('./') || name.startsWith('../'), `${f} requires ${name}`);
    }
  }
});
