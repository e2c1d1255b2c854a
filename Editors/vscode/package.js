#!/usr/bin/env node
'use strict';

// Packs the extension into a .vsix with node alone (no npm, no network):
//   node package.js [output.vsix]
// A .vsix is a zip holding [Content_Types].xml, extension.vsixmanifest and the extension under
// extension/ — what `code --install-extension fazhi-0.1.0.vsix` and "从 VSIX 安装…" read. Files listed in
// .vscodeignore are left out, as vsce does.

const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const root = __dirname;

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A zip archive (deflate, UTF-8 names) of [name, Buffer] entries. */
function zip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  // A fixed timestamp (1980-01-01) makes the package reproducible.
  const time = 0, date = (0 << 9) | (1 << 5) | 1;
  for (const [name, data] of entries) {
    const nameBuf = Buffer.from(name, 'utf8');
    const deflated = zlib.deflateRawSync(data, { level: 9 });
    const useDeflate = deflated.length < data.length;
    const body = useDeflate ? deflated : data;
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(useDeflate ? 8 : 0, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, nameBuf, body);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(useDeflate ? 8 : 0, 10);
    central.writeUInt16LE(time, 12);
    central.writeUInt16LE(date, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBuf);
    offset += local.length + nameBuf.length + body.length;
  }
  const centralBuf = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralBuf.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, centralBuf, end]);
}

/** .vscodeignore patterns as regular expressions over '/'-separated relative paths. */
function ignoreMatchers(text) {
  return text.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#')).map((glob) => {
    let re = '';
    for (let i = 0; i < glob.length; i++) {
      const c = glob[i];
      if (c === '*' && glob[i + 1] === '*') {
        re += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
        i += glob[i + 2] === '/' ? 2 : 1;
      } else if (c === '*') re += '[^/]*';
      else if (c === '?') re += '[^/]';
      else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
    return new RegExp('^' + re + '$');
  });
}

function listFiles(dir, rel, ignored, out) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const r = rel ? rel + '/' + entry.name : entry.name;
    if (entry.name === 'node_modules' || entry.name === '.git') continue;
    if (ignored.some((m) => m.test(r) || m.test(r + '/'))) continue;
    if (entry.isDirectory()) listFiles(path.join(dir, entry.name), r, ignored, out);
    else if (entry.isFile()) out.push(r);
  }
  return out;
}

function xml(s) {
  return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function manifest(pkg) {
  return `<?xml version="1.0" encoding="utf-8"?>
<PackageManifest Version="2.0.0" xmlns="http://schemas.microsoft.com/developer/vsx-schema/2011" xmlns:d="http://schemas.microsoft.com/developer/vsx-schema-design/2011">
  <Metadata>
    <Identity Language="en-US" Id="${xml(pkg.name)}" Version="${xml(pkg.version)}" Publisher="${xml(pkg.publisher)}" />
    <DisplayName>${xml(pkg.displayName)}</DisplayName>
    <Description xml:space="preserve">${xml(pkg.description)}</Description>
    <Tags>${xml((pkg.keywords || []).join(','))}</Tags>
    <Categories>${xml((pkg.categories || []).join(','))}</Categories>
    <GalleryFlags>Public</GalleryFlags>
    <Properties>
      <Property Id="Microsoft.VisualStudio.Code.Engine" Value="${xml(pkg.engines.vscode)}" />
      <Property Id="Microsoft.VisualStudio.Code.ExtensionDependencies" Value="" />
      <Property Id="Microsoft.VisualStudio.Code.ExtensionPack" Value="" />
      <Property Id="Microsoft.VisualStudio.Code.ExtensionKind" Value="workspace" />
      <Property Id="Microsoft.VisualStudio.Code.LocalizedLanguages" Value="" />
      <Property Id="Microsoft.VisualStudio.Services.GitHubFlavoredMarkdown" Value="true" />
      <Property Id="Microsoft.VisualStudio.Services.Content.Pricing" Value="Free" />
    </Properties>
    <License>extension/LICENSE.txt</License>
  </Metadata>
  <Installation>
    <InstallationTarget Id="Microsoft.VisualStudio.Code" />
  </Installation>
  <Dependencies />
  <Assets>
    <Asset Type="Microsoft.VisualStudio.Code.Manifest" Path="extension/package.json" Addressable="true" />
    <Asset Type="Microsoft.VisualStudio.Services.Content.Details" Path="extension/README.md" Addressable="true" />
    <Asset Type="Microsoft.VisualStudio.Services.Content.Changelog" Path="extension/CHANGELOG.md" Addressable="true" />
    <Asset Type="Microsoft.VisualStudio.Services.Content.License" Path="extension/LICENSE.txt" Addressable="true" />
  </Assets>
</PackageManifest>
`;
}

function contentTypes(names) {
  const types = { '.json': 'application/json', '.js': 'application/javascript', '.md': 'text/markdown',
    '.txt': 'text/plain', '.vsixmanifest': 'text/xml', '.png': 'image/png', '.xml': 'text/xml' };
  const exts = [...new Set(names.map((n) => path.extname(n).toLowerCase()).filter(Boolean))].sort();
  const defaults = exts.map((e) => `<Default Extension="${xml(e)}" ContentType="${types[e] || 'application/octet-stream'}"/>`).join('');
  return `<?xml version="1.0" encoding="utf-8"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">${defaults}</Types>\n`;
}

/** Builds the package; returns { file, entries }. */
function build(output) {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  if (pkg.dependencies && Object.keys(pkg.dependencies).length) {
    throw new Error('package.json 列出了运行时依赖，离线打包不会包含它们：' + Object.keys(pkg.dependencies).join(', '));
  }
  const ignorePath = path.join(root, '.vscodeignore');
  const ignored = ignoreMatchers(fs.existsSync(ignorePath) ? fs.readFileSync(ignorePath, 'utf8') : '');
  const files = listFiles(root, '', ignored, []).filter((f) => f !== 'package.js' && f !== '.vscodeignore' && !f.endsWith('.vsix'));
  const entries = [];
  for (const f of files) {
    const name = f === 'LICENSE' ? 'extension/LICENSE.txt' : 'extension/' + f;
    entries.push([name, fs.readFileSync(path.join(root, f))]);
  }
  entries.unshift(['extension.vsixmanifest', Buffer.from(manifest(pkg), 'utf8')]);
  entries.unshift(['[Content_Types].xml', Buffer.from(contentTypes(entries.map((e) => e[0])), 'utf8')]);
  const file = output || path.join(root, `${pkg.name}-${pkg.version}.vsix`);
  fs.writeFileSync(file, zip(entries));
  return { file, entries: entries.map((e) => e[0]) };
}

if (require.main === module) {
  try {
    const { file, entries } = build(process.argv[2] && path.resolve(process.argv[2]));
    console.log(`已生成 ${file}（${entries.length} 个文件）`);
    console.log('安装：code --install-extension ' + file + '，或在 VS Code 扩展视图“…”→“从 VSIX 安装…”中选择它。');
  } catch (err) {
    console.error('打包失败：' + err.message);
    process.exit(1);
  }
}

module.exports = { build, zip, crc32, ignoreMatchers };
