'use strict';

// The .vsix built by `node package.js`: a zip with [Content_Types].xml, extension.vsixmanifest and the
// extension under extension/, nothing from the tests, and an extension that loads from the unpacked
// files alone (no node_modules).

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const os = require('os');
const path = require('path');
const zlib = require('zlib');
const { build, crc32 } = require('../package.js');

/** Reads a zip's central directory and inflates every entry (checking each CRC). */
function unzip(buf) {
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(end >= 0, 'end of central directory');
  const count = buf.readUInt16LE(end + 10);
  let p = buf.readUInt32LE(end + 16);
  const files = new Map();
  for (let i = 0; i < count; i++) {
    assert.equal(buf.readUInt32LE(p), 0x02014b50);
    const method = buf.readUInt16LE(p + 10), crc = buf.readUInt32LE(p + 16), size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28), extraLen = buf.readUInt16LE(p + 30), commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    const dataStart = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(dataStart, dataStart + size);
    const data = method === 8 ? zlib.inflateRawSync(raw) : raw;
    assert.equal(crc32(data), crc, 'crc of ' + name);
    files.set(name, data);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return files;
}

test('the .vsix has the layout VS Code installs from', () => {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-vsix-')), 'fazhi.vsix');
  build(out);
  const files = unzip(fs.readFileSync(out));
  const names = [...files.keys()];
  assert.equal(names[0], '[Content_Types].xml');
  for (const n of ['extension.vsixmanifest', 'extension/package.json', 'extension/extension.js', 'extension/template.js',
    'extension/lsp/client.js', 'extension/lsp/rpc.js', 'extension/lsp/convert.js', 'extension/README.md',
    'extension/CHANGELOG.md', 'extension/LICENSE.txt']) {
    assert.ok(files.has(n), n + ' is packed');
  }
  assert.ok(!names.some((n) => n.includes('/test/') || n.includes('test-support') || n.endsWith('.vsix') || n.includes('node_modules')), names.join(' '));
  const pkg = JSON.parse(files.get('extension/package.json'));
  const manifest = files.get('extension.vsixmanifest').toString('utf8');
  assert.match(manifest, new RegExp(`<Identity Language="en-US" Id="${pkg.name}" Version="${pkg.version}" Publisher="${pkg.publisher}"`));
  assert.match(manifest, /Microsoft\.VisualStudio\.Code\.Manifest" Path="extension\/package\.json"/);
  assert.match(manifest, new RegExp(`Code\\.Engine" Value="\\${pkg.engines.vscode}"`));
  const types = files.get('[Content_Types].xml').toString('utf8');
  for (const ext of ['.js', '.json', '.md', '.txt', '.vsixmanifest']) assert.ok(types.includes(`Extension="${ext}"`), ext);

  // Unpacked, the extension loads with only node and vscode.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-vsix-x-'));
  for (const [name, data] of files) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), data);
  }
  require('../test-support/setup');
  const ext = require(path.join(dir, 'extension', pkg.main));
  assert.equal(typeof ext.activate, 'function');
  assert.equal(typeof ext.deactivate, 'function');
});

test('the package is reproducible', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-vsix-r-'));
  build(path.join(dir, 'a.vsix'));
  build(path.join(dir, 'b.vsix'));
  assert.ok(fs.readFileSync(path.join(dir, 'a.vsix')).equals(fs.readFileSync(path.join(dir, 'b.vsix'))));
});
