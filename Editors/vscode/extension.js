'use strict';

// VS Code client for the Fazhi language server (`fazhi lsp`, JSON-RPC over stdio).
// Plain JavaScript with no npm packages at run time (the LSP client is in ./lsp), so the extension needs
// no build step and packs offline into a .vsix (node package.js).

const fs = require('fs');
const os = require('os');
const path = require('path');
const childProcess = require('child_process');
const vscode = require('vscode');
const { FazhiClient, EXECUTE_COMMAND } = require('./lsp/client');
const { templateSnippet } = require('./template');

const SECTION = 'fazhi';
const LANGUAGES = ['plaintext', 'markdown'];
const SCHEMES = ['file', 'untitled'];
/** Settings that only the client uses; never sent to the server. */
const CLIENT_ONLY_KEYS = ['path', 'trace'];
const SERVER_KEYS = ['profile', 'rules', 'ignore', 'files'];
/** Diagnostics published by the language server carry this source. */
const SERVER_SOURCE = 'fazhi';
/** Diagnostics from "lint the whole folder" carry this one, so the status bar does not count them twice. */
const LINT_SOURCE = 'fazhi lint';

/** @type {FazhiClient | undefined} */
let client;
/** @type {vscode.StatusBarItem | undefined} */
let statusItem;
/** @type {vscode.OutputChannel | undefined} */
let outputChannel;
/** @type {vscode.DiagnosticCollection | undefined} */
let lintCollection;
let serverState = 'stopped'; // 'starting' | 'running' | 'stopped' | 'failed'
let lastError = '';

// ---------------------------------------------------------------------------
// Pure helpers (exported for tests)

/** The document selector: plain text and Markdown, on disk or unsaved. */
function documentSelector() {
  const out = [];
  for (const language of LANGUAGES) {
    for (const scheme of SCHEMES) out.push({ scheme, language });
  }
  return out;
}

/**
 * Keeps only the keys the server understands and drops empty values, so that
 * untouched editor settings never override a `.fazhi.json` file.
 * @param {any} cfg the "fazhi" configuration object (or a WorkspaceConfiguration)
 */
function serverSettings(cfg) {
  const out = {};
  if (!cfg) return out;
  const get = (key) => (typeof cfg.get === 'function' ? cfg.get(key) : cfg[key]);
  const profile = get('profile');
  if (typeof profile === 'string' && profile.trim() !== '') out.profile = profile.trim();
  const rules = get('rules');
  if (rules && typeof rules === 'object' && !Array.isArray(rules) && Object.keys(rules).length > 0) {
    out.rules = Object.assign({}, rules);
  }
  const ignore = get('ignore');
  if (Array.isArray(ignore) && ignore.length > 0) out.ignore = ignore.slice();
  const files = get('files');
  if (Array.isArray(files) && files.length > 0) out.files = files.filter((f) => typeof f === 'string' && f.trim() !== '');
  return out;
}

/**
 * Resolves the `fazhi.path` setting: `${workspaceFolder}` is expanded, `~` is the home
 * folder, and a relative path with a separator is taken from the first workspace folder.
 * A bare name ("fazhi") is looked up on PATH by the operating system.
 */
function resolveBinary(setting, workspaceFolder) {
  let p = (typeof setting === 'string' && setting.trim()) || 'fazhi';
  p = p.trim();
  if (workspaceFolder) p = p.replace(/\$\{workspaceFolder\}/g, workspaceFolder);
  if (p === '~' || p.startsWith('~/')) p = path.join(process.env.HOME || process.env.USERPROFILE || '', p.slice(1));
  if (!path.isAbsolute(p) && /[\\/]/.test(p) && workspaceFolder) p = path.join(workspaceFolder, p);
  return p;
}

/** Folders where fazhi is commonly installed. A VS Code started from the desktop menu does not see a PATH
 *  set in ~/.bashrc or ~/.profile, so these are searched as well. */
function commonLocations(home) {
  const h = home || os.homedir();
  return [path.join(h, '.local', 'bin'), '/usr/local/bin', '/opt/fazhi/bin', path.join(h, 'bin'), '/usr/bin',
    '/opt/homebrew/bin'];
}

function isExecutable(p) {
  try {
    fs.accessSync(p, fs.constants.X_OK);
    return fs.statSync(p).isFile();
  } catch (_) {
    return false;
  }
}

/**
 * The fazhi program to run: the `fazhi.path` setting when it names a file (absolute, ~, or relative to
 * the workspace folder), else `fazhi` on PATH, else in the common locations. Returns { command, searched }
 * with command undefined when nothing was found.
 */
function findBinary(setting, workspaceFolder, env, exists) {
  const check = exists || isExecutable;
  const environment = env || process.env;
  const resolved = resolveBinary(setting, workspaceFolder);
  if (path.isAbsolute(resolved)) return { command: check(resolved) ? resolved : undefined, searched: [resolved] };
  const dirs = (environment.PATH || '').split(path.delimiter).filter(Boolean)
    .concat(commonLocations(environment.HOME));
  const searched = [];
  for (const dir of dirs) {
    const candidate = path.join(dir, resolved);
    if (searched.includes(candidate)) continue;
    searched.push(candidate);
    if (check(candidate)) return { command: candidate, searched };
  }
  return { command: undefined, searched };
}

/** The message shown when fazhi cannot be found (the setting to fill in first). */
function notFoundMessage(setting, searched) {
  const named = typeof setting === 'string' && setting.trim() && setting.trim() !== 'fazhi';
  return named
    ? `法治报告检查：设置 fazhi.path 指向的“${setting}”不存在或不能执行。请在设置中把 fazhi.path 改为 fazhi 程序的完整路径（例如 ${path.join(os.homedir(), '.local', 'bin', 'fazhi')}）。`
    : `法治报告检查：找不到 fazhi 程序（已查找 PATH 和 ${commonLocations().slice(0, 3).join('、')} 等处）。从桌面启动的 VS Code 看不到 ~/.bashrc 等 shell 配置文件里设置的 PATH，请在设置 fazhi.path 中填写 fazhi 的完整路径，例如 ${path.join(os.homedir(), '.local', 'bin', 'fazhi')}。`;
}

function severityOf(value) {
  const S = vscode.DiagnosticSeverity;
  switch (typeof value === 'string' ? value.toLowerCase() : value) {
    case 'error': case 1: return S.Error;
    case 'warning': case 2: return S.Warning;
    case 'info': case 'information': case 3: return S.Information;
    case 'hint': case 4: return S.Hint;
    default: return S.Warning;
  }
}

/**
 * Reads the output of `fazhi lint --format json` into a list of
 * { file, line, character, endLine, endCharacter, severity, rule, message } (0-based).
 * Accepts an array of findings, `{ files: [{ path, diagnostics }] }` or `{ diagnostics: [...] }`;
 * a finding has either an LSP-style `range` (0-based) or `line`/`column` (1-based).
 */
function parseLintOutput(text, baseDir) {
  const data = JSON.parse(text);
  const findings = [];
  const push = (file, d) => {
    if (!d || typeof d !== 'object') return;
    const f = file || d.file || d.path || d.uri || d.filename;
    if (!f) return;
    let line = 0, character = 0, endLine, endCharacter;
    if (d.range && d.range.start) {
      line = d.range.start.line | 0;
      character = (d.range.start.character ?? d.range.start.column ?? 0) | 0;
      endLine = d.range.end ? d.range.end.line | 0 : line;
      endCharacter = d.range.end ? (d.range.end.character ?? d.range.end.column ?? character) | 0 : character;
    } else {
      line = Math.max(0, (d.line | 0) - 1);
      character = Math.max(0, ((d.column ?? d.character ?? 1) | 0) - 1);
      endLine = d.endLine != null ? Math.max(0, (d.endLine | 0) - 1) : line;
      endCharacter = d.endColumn != null ? Math.max(0, (d.endColumn | 0) - 1) : character + 1;
    }
    let filePath = String(f);
    if (filePath.startsWith('file://')) filePath = decodeURIComponent(filePath.slice('file://'.length));
    else if (baseDir && !path.isAbsolute(filePath)) filePath = path.join(baseDir, filePath);
    findings.push({
      file: filePath,
      line, character, endLine, endCharacter,
      severity: d.severity,
      rule: d.rule || d.code || d.ruleId || '',
      message: d.message || '',
    });
  };
  if (Array.isArray(data)) {
    for (const d of data) push(undefined, d);
  } else if (data && typeof data === 'object') {
    if (Array.isArray(data.files)) {
      for (const file of data.files) {
        const name = file.path || file.file || file.uri || file.filename;
        for (const d of file.diagnostics || file.problems || []) push(name, d);
      }
    }
    if (Array.isArray(data.diagnostics)) for (const d of data.diagnostics) push(undefined, d);
    // `fazhi lint --format json` adds { summary: { files: <number checked>, error, warning, … } }.
    if (data.summary && typeof data.summary.files === 'number') findings.checkedFiles = data.summary.files;
    else if (Array.isArray(data.files)) findings.checkedFiles = data.files.length;
  }
  return findings;
}

/** Counts the language server's diagnostics of a document by severity. */
function countDiagnostics(diagnostics) {
  const S = vscode.DiagnosticSeverity;
  const counts = { errors: 0, warnings: 0, others: 0 };
  for (const d of diagnostics || []) {
    if (d.source !== SERVER_SOURCE) continue;
    if (d.severity === S.Error) counts.errors++;
    else if (d.severity === S.Warning) counts.warnings++;
    else counts.others++;
  }
  return counts;
}

// ---------------------------------------------------------------------------
// Status bar

function isReportDocument(doc) {
  return !!doc && LANGUAGES.includes(doc.languageId) && SCHEMES.includes(doc.uri.scheme);
}

function updateStatus() {
  if (!statusItem) return;
  if (serverState === 'failed') {
    statusItem.text = '法治 $(warning)';
    statusItem.tooltip = '法治报告检查：语言服务器未能启动' + (lastError ? '（' + lastError + '）' : '') + '。点击查看输出。';
    statusItem.command = 'fazhi.showOutput';
  } else if (serverState === 'starting') {
    statusItem.text = '法治 $(sync~spin)';
    statusItem.tooltip = '法治报告检查：语言服务器正在启动…';
    statusItem.command = 'fazhi.showOutput';
  } else if (serverState === 'stopped') {
    statusItem.text = '法治 $(circle-slash)';
    statusItem.tooltip = '法治报告检查：语言服务器已停止。点击重新启动。';
    statusItem.command = 'fazhi.restartServer';
  } else {
    const editor = vscode.window.activeTextEditor;
    const doc = editor && editor.document;
    const status = doc && client ? client.status.get(doc.uri.toString()) : undefined;
    if (!isReportDocument(doc)) {
      statusItem.text = '法治';
      statusItem.tooltip = '法治报告检查：语言服务器运行中';
      statusItem.command = 'workbench.actions.view.problems';
    } else if (status && !status.checked) {
      // Not a report: say so and why, instead of a count that would look like a clean report.
      statusItem.text = '法治 –';
      statusItem.tooltip = `法治报告检查：未检查此文档（${status.reason}）。点击仍然检查。`;
      statusItem.command = 'fazhi.checkDocument';
    } else {
      const c = countDiagnostics(vscode.languages.getDiagnostics(doc.uri));
      statusItem.text = c.errors === 0 ? '法治 ✓' : '法治 $(error) ' + c.errors;
      statusItem.tooltip = c.errors === 0 && c.warnings === 0 && c.others === 0
        ? '法治报告检查：没有发现问题'
        : `法治报告检查：${c.errors} 个错误，${c.warnings} 个警告，${c.others} 个提示。点击打开“问题”面板。`;
      statusItem.command = 'workbench.actions.view.problems';
    }
  }
  statusItem.show();
}

// ---------------------------------------------------------------------------
// Client lifecycle

function workspaceDir() {
  const folders = vscode.workspace.workspaceFolders || [];
  return folders.length ? folders[0].uri.fsPath : undefined;
}

async function startClient() {
  const setting = vscode.workspace.getConfiguration(SECTION).get('path');
  const found = findBinary(setting, workspaceDir());
  if (!found.command) {
    serverState = 'failed';
    lastError = '找不到 fazhi 程序';
    const message = notFoundMessage(setting, found.searched);
    if (outputChannel) outputChannel.appendLine(message + ' 已查找：' + found.searched.join('、'));
    updateStatus();
    const choice = await vscode.window.showErrorMessage(message, '打开设置');
    if (choice === '打开设置') vscode.commands.executeCommand('workbench.action.openSettings', 'fazhi.path');
    return;
  }
  const trace = vscode.workspace.getConfiguration(SECTION).get('trace.server');
  client = new FazhiClient(vscode, {
    command: found.command,
    args: ['lsp'],
    settings: () => serverSettings(vscode.workspace.getConfiguration(SECTION)),
    output: outputChannel,
    trace: trace === 'verbose' || trace === 'messages',
    onStatus: () => updateStatus(),
    onStateChange: (state, error) => {
      serverState = state;
      if (error) lastError = error;
      updateStatus();
    },
  });
  serverState = 'starting';
  updateStatus();
  try {
    await client.start();
    serverState = 'running';
    if (outputChannel) outputChannel.appendLine(`已启动语言服务器：${found.command} lsp`);
  } catch (err) {
    serverState = 'failed';
    lastError = (err && err.message) || String(err);
    if (outputChannel) outputChannel.appendLine(`无法启动语言服务器“${found.command} lsp”：${lastError}`);
    vscode.window.showErrorMessage(`法治报告检查：无法启动“${found.command} lsp”（${lastError}）。请在设置 fazhi.path 中填写 fazhi 程序的完整路径。`);
  }
  updateStatus();
}

async function stopClient() {
  const c = client;
  client = undefined;
  if (!c) return;
  try {
    await c.dispose();
  } catch (_) {
    // The server may already be gone.
  }
  serverState = 'stopped';
}

async function restartClient() {
  await stopClient();
  lastError = '';
  await startClient();
}

// ---------------------------------------------------------------------------
// Commands

/** Asks the server for a template completion (label containing 模板); undefined if none. */
async function serverTemplate(doc, position) {
  if (!client || serverState !== 'running' || !isReportDocument(doc)) return undefined;
  client.didOpen(doc);
  const request = client.request('textDocument/completion', {
    textDocument: { uri: doc.uri.toString() },
    position: { line: position.line, character: position.character },
  });
  const timeout = new Promise((resolve) => setTimeout(() => resolve(undefined), 1500));
  let result;
  try {
    result = await Promise.race([request, timeout]);
  } catch (_) {
    return undefined;
  }
  const items = Array.isArray(result) ? result : (result && result.items) || [];
  const item = items.find((it) => /模板/.test(String(it.label || '')) || /模板/.test(String(it.detail || '')));
  if (!item) return undefined;
  const text = (item.textEdit && item.textEdit.newText) || item.insertText || (typeof item.label === 'string' ? item.label : '');
  if (!text) return undefined;
  return item.insertTextFormat === 2 ? new vscode.SnippetString(text) : text;
}

async function insertTemplate() {
  let editor = vscode.window.activeTextEditor;
  if (!editor) {
    const doc = await vscode.workspace.openTextDocument({ language: 'plaintext', content: '' });
    editor = await vscode.window.showTextDocument(doc);
  }
  const position = editor.selection ? editor.selection.active : new vscode.Position(0, 0);
  const fromServer = await serverTemplate(editor.document, position);
  if (typeof fromServer === 'string') {
    await editor.insertSnippet(new vscode.SnippetString().appendText(fromServer), position);
  } else {
    await editor.insertSnippet(fromServer || new vscode.SnippetString(templateSnippet()), position);
  }
}

function runLint(command, folder) {
  return new Promise((resolve, reject) => {
    childProcess.execFile(command, ['lint', '--format', 'json', folder], { cwd: folder, maxBuffer: 64 * 1024 * 1024 },
      (err, stdout, stderr) => {
        // Exit code 1 only means "found warnings or errors".
        if (err && (typeof err.code !== 'number' || err.code > 1)) {
          const detail = (stderr && String(stderr).trim()) || err.message;
          reject(new Error(detail));
          return;
        }
        resolve(String(stdout));
      });
  });
}

async function lintWorkspace() {
  const folders = vscode.workspace.workspaceFolders || [];
  if (folders.length === 0) {
    vscode.window.showWarningMessage('法治报告检查：请先打开一个文件夹。');
    return;
  }
  const folder = folders.length === 1
    ? folders[0]
    : await vscode.window.showWorkspaceFolderPick({ placeHolder: '选择要检查的文件夹' });
  if (!folder) return;
  const dir = folder.uri.fsPath;
  const setting = vscode.workspace.getConfiguration(SECTION).get('path');
  const found = findBinary(setting, dir);
  if (!found.command) {
    vscode.window.showErrorMessage(notFoundMessage(setting, found.searched));
    return;
  }
  const command = found.command;
  let stdout;
  try {
    stdout = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `法治报告检查：正在检查 ${folder.name}…` },
      () => runLint(command, dir));
  } catch (err) {
    outputChannel.appendLine(`运行“${command} lint --format json ${dir}”失败：${err.message}`);
    vscode.window.showErrorMessage('法治报告检查：检查文件夹失败，详见输出面板。');
    return;
  }
  let findings;
  try {
    findings = parseLintOutput(stdout, dir);
  } catch (err) {
    outputChannel.appendLine('无法读取 fazhi lint 的输出：' + err.message);
    vscode.window.showErrorMessage('法治报告检查：无法读取检查结果，详见输出面板。');
    return;
  }
  lintCollection.clear();
  // Documents open in the editor are checked live by the server; their findings from the folder run
  // would be shown twice.
  const open = new Set((vscode.workspace.textDocuments || []).filter(isReportDocument).map((d) => d.uri.fsPath));
  const byFile = new Map();
  let errors = 0, warnings = 0;
  for (const f of findings) {
    const range = new vscode.Range(f.line, f.character, f.endLine, f.endCharacter);
    const diag = new vscode.Diagnostic(range, f.message, severityOf(f.severity));
    diag.source = LINT_SOURCE;
    if (f.rule) diag.code = f.rule;
    if (diag.severity === vscode.DiagnosticSeverity.Error) errors++;
    else if (diag.severity === vscode.DiagnosticSeverity.Warning) warnings++;
    if (!byFile.has(f.file)) byFile.set(f.file, []);
    byFile.get(f.file).push(diag);
    outputChannel.appendLine(`${path.relative(dir, f.file) || f.file}:${f.line + 1}:${f.character + 1}: [${f.rule}] ${f.message}`);
  }
  for (const [file, diags] of byFile) if (!open.has(file)) lintCollection.set(vscode.Uri.file(file), diags);
  const checked = typeof findings.checkedFiles === 'number' ? `检查了 ${findings.checkedFiles} 个文件，` : '';
  const summary = `法治报告检查：${folder.name} 中${checked}${byFile.size} 个文件有问题，共 ${errors} 个错误、${warnings} 个警告、${findings.length - errors - warnings} 个提示。`;
  outputChannel.appendLine(summary);
  if (findings.length > 0) await vscode.commands.executeCommand('workbench.actions.view.problems');
  vscode.window.showInformationMessage(findings.length > 0 ? summary : `法治报告检查：${folder.name} 中${checked}没有发现问题。`);
}

/** Checks the active document even though the server judged it not to be a report. */
async function checkDocument() {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !client || serverState !== 'running') {
    vscode.window.showWarningMessage('法治报告检查：请先打开要检查的文档（语言服务器须在运行）。');
    return;
  }
  client.didOpen(editor.document);
  await client.executeCommand('fazhi.checkDocument', [{ uri: editor.document.uri.toString() }]);
  updateStatus();
}

// ---------------------------------------------------------------------------
// Entry points

async function activate(context) {
  outputChannel = vscode.window.createOutputChannel('法治报告检查');
  lintCollection = vscode.languages.createDiagnosticCollection('fazhi-lint');
  statusItem = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Right, 100);
  statusItem.name = '法治报告检查';
  context.subscriptions.push(outputChannel, lintCollection, statusItem);

  context.subscriptions.push(
    vscode.commands.registerCommand('fazhi.insertTemplate', insertTemplate),
    vscode.commands.registerCommand('fazhi.lintWorkspace', lintWorkspace),
    vscode.commands.registerCommand('fazhi.restartServer', restartClient),
    vscode.commands.registerCommand('fazhi.showOutput', () => outputChannel.show(true)),
    vscode.commands.registerCommand('fazhi.checkDocument', checkDocument),
    // Code actions carry server commands (e.g. fazhi.ignore); they run through this one.
    vscode.commands.registerCommand(EXECUTE_COMMAND, (command, args) => client && client.executeCommand(command, args)),
    vscode.languages.onDidChangeDiagnostics(() => updateStatus()),
    vscode.window.onDidChangeActiveTextEditor(() => updateStatus()),
    // Folder-lint results go stale as soon as the file is edited; the server takes over.
    vscode.workspace.onDidChangeTextDocument((e) => lintCollection && lintCollection.delete(e.document.uri)),
    // An opened file is checked by the server; its folder-run findings would be shown twice.
    vscode.workspace.onDidOpenTextDocument((doc) => lintCollection && isReportDocument(doc) && lintCollection.delete(doc.uri)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('fazhi.path')) restartClient();
      else if (e.affectsConfiguration('fazhi') && client) client.settingsChanged();
    }),
  );

  await startClient();
  return { getClient: () => client };
}

async function deactivate() {
  await stopClient();
}

module.exports = {
  activate,
  deactivate,
  // For tests.
  _internal: {
    documentSelector, serverSettings, resolveBinary, findBinary, commonLocations, notFoundMessage,
    parseLintOutput, countDiagnostics, severityOf,
    getStatusItem: () => statusItem,
    getState: () => serverState,
    getClient: () => client,
  },
};
