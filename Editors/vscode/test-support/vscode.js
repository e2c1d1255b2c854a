'use strict';

// A small stand-in for the `vscode` module: just enough of the API that
// extension.js touches, recording what the extension does for the tests.

const calls = {
  applied: [],
  commands: new Map(),
  executed: [],
  statusItems: [],
  outputChannels: [],
  diagnosticCollections: [],
  watchers: [],
  messages: [],
  snippets: [],
  listeners: {},
};

let config = { path: 'fazhi', profile: '', rules: {}, ignore: [], trace: { server: 'off' } };
let diagnostics = new Map();

class Disposable {
  constructor(fn) { this._fn = fn; this.disposed = false; }
  dispose() { this.disposed = true; if (this._fn) this._fn(); }
}

class EventEmitter {
  constructor() { this.listeners = []; this.event = (l) => { this.listeners.push(l); return new Disposable(); }; }
  fire(e) { for (const l of this.listeners) l(e); }
}

function listen(name) {
  return (listener) => {
    (calls.listeners[name] = calls.listeners[name] || []).push(listener);
    return new Disposable();
  };
}

class Position { constructor(line, character) { this.line = line; this.character = character; } }
class Range {
  constructor(a, b, c, d) {
    if (a instanceof Position) { this.start = a; this.end = b; }
    else { this.start = new Position(a, b); this.end = new Position(c, d); }
  }
}
class Diagnostic {
  constructor(range, message, severity) { this.range = range; this.message = message; this.severity = severity; }
}
class Location { constructor(uri, range) { this.uri = uri; this.range = range; } }
class DiagnosticRelatedInformation { constructor(location, message) { this.location = location; this.message = message; } }
class MarkdownString {
  constructor(value) { this.value = value || ''; }
  appendText(t) { this.value += t.replace(/[\\`*_{}[\]()#+\-.!]/g, '\\$&'); return this; }
  appendMarkdown(t) { this.value += t; return this; }
  appendCodeblock(code, lang) { this.value += '\n```' + (lang || '') + '\n' + code + '\n```\n'; return this; }
}
class Hover { constructor(contents, range) { this.contents = Array.isArray(contents) ? contents : [contents]; this.range = range; } }
class CompletionItem { constructor(label, kind) { this.label = label; this.kind = kind; } }
class CompletionList { constructor(items, isIncomplete) { this.items = items || []; this.isIncomplete = !!isIncomplete; } }
class TextEdit { constructor(range, newText) { this.range = range; this.newText = newText; } }
class WorkspaceEdit {
  constructor() { this.entries = []; this.creates = []; }
  set(uri, edits) { this.entries.push([uri, edits]); }
  createFile(uri, options) { this.creates.push([uri, options]); }
}
class CodeActionKind {
  constructor(value) { this.value = value; }
  append(part) { return new CodeActionKind(this.value ? this.value + '.' + part : part); }
}
CodeActionKind.Empty = new CodeActionKind('');
CodeActionKind.QuickFix = new CodeActionKind('quickfix');
class CodeAction { constructor(title, kind) { this.title = title; this.kind = kind; } }
class DocumentSymbol {
  constructor(name, detail, kind, range, selectionRange) {
    Object.assign(this, { name, detail, kind, range, selectionRange, children: [] });
  }
}
class FoldingRange { constructor(start, end, kind) { this.start = start; this.end = end; this.kind = kind; } }
class SelectionRange { constructor(range, parent) { this.range = range; this.parent = parent; } }
class DocumentLink { constructor(range, target) { this.range = range; this.target = target; } }
class SnippetString {
  constructor(value) { this.value = value || ''; }
  appendText(s) { this.value += s.replace(/[$}\\]/g, '\\$&'); return this; }
}
// Like VS Code: file URIs are percent-encoded, and parse() keeps the string it was given.
const Uri = {
  file: (p) => ({ scheme: 'file', fsPath: p, path: p, toString: () => 'file://' + p.split('/').map(encodeURIComponent).join('/') }),
  parse: (s) => ({ scheme: s.split(':')[0], fsPath: decodeURIComponent(s.replace(/^file:\/\//, '')), toString: () => s }),
};

function workspaceConfiguration() {
  return {
    get: (key, dflt) => {
      const parts = key.split('.');
      let v = config;
      for (const p of parts) v = v == null ? undefined : v[p];
      return v === undefined ? dflt : v;
    },
    has: (key) => config[key] !== undefined,
    update: async () => {},
  };
}

const providers = [];
function registerProvider(kind) {
  return (selector, provider, ...rest) => {
    const entry = { kind, selector, provider, rest };
    providers.push(entry);
    return new Disposable(() => { const i = providers.indexOf(entry); if (i >= 0) providers.splice(i, 1); });
  };
}

const vscode = {
  version: '1.95.0',
  Disposable, EventEmitter, Position, Range, Diagnostic, SnippetString, Uri, Location, DiagnosticRelatedInformation,
  MarkdownString, Hover, CompletionItem, CompletionList, TextEdit, WorkspaceEdit, CodeActionKind, CodeAction,
  DocumentSymbol, FoldingRange, SelectionRange, DocumentLink,
  DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
  DiagnosticTag: { Unnecessary: 1, Deprecated: 2 },
  StatusBarAlignment: { Left: 1, Right: 2 },
  ProgressLocation: { SourceControl: 1, Window: 10, Notification: 15 },
  commands: {
    registerCommand: (id, fn) => { calls.commands.set(id, fn); return new Disposable(() => calls.commands.delete(id)); },
    executeCommand: async (id, ...args) => { calls.executed.push([id, ...args]); },
  },
  window: {
    activeTextEditor: undefined,
    createStatusBarItem: (alignment, priority) => {
      const item = { alignment, priority, text: '', tooltip: '', command: undefined, visible: false,
        show() { this.visible = true; }, hide() { this.visible = false; }, dispose() { this.disposed = true; } };
      calls.statusItems.push(item);
      return item;
    },
    createOutputChannel: (name) => {
      const ch = { name, lines: [], appendLine(l) { this.lines.push(l); }, append(t) { this.lines.push(t); },
        show() { this.shown = true; }, dispose() { this.disposed = true; } };
      calls.outputChannels.push(ch);
      return ch;
    },
    showErrorMessage: async (m) => { calls.messages.push(['error', m]); },
    showWarningMessage: async (m) => { calls.messages.push(['warning', m]); },
    showInformationMessage: async (m) => { calls.messages.push(['info', m]); },
    showWorkspaceFolderPick: async () => (vscode.workspace.workspaceFolders || [])[0],
    withProgress: async (_opts, task) => task({ report() {} }),
    showTextDocument: async (doc) => {
      const editor = makeEditor(doc);
      vscode.window.activeTextEditor = editor;
      return editor;
    },
    onDidChangeActiveTextEditor: listen('activeEditor'),
  },
  workspace: {
    workspaceFolders: undefined,
    getConfiguration: (section) => {
      if (section && section !== 'fazhi') throw new Error('unexpected section ' + section);
      return workspaceConfiguration();
    },
    textDocuments: [],
    applyEdit: async (edit) => { calls.applied.push(edit); return true; },
    onDidOpenTextDocument: listen('openDocument'),
    onDidCloseTextDocument: listen('closeDocument'),
    onDidSaveTextDocument: listen('saveDocument'),
    createFileSystemWatcher: (glob) => {
      const w = { glob, dispose() {}, onDidCreate: listen('fileCreate'), onDidChange: listen('fileChange'), onDidDelete: listen('fileDelete') };
      calls.watchers.push(w);
      return w;
    },
    openTextDocument: async (opts) => makeDocument('untitled:Untitled-1', (opts && opts.language) || 'plaintext'),
    onDidChangeConfiguration: listen('configuration'),
    onDidChangeTextDocument: listen('textDocument'),
  },
  languages: {
    createDiagnosticCollection: (name) => {
      const entries = new Map();
      const c = { name, entries, set: (uri, d) => entries.set(uri.toString(), d), delete: (uri) => entries.delete(uri.toString()),
        clear: () => entries.clear(), dispose() {} };
      calls.diagnosticCollections.push(c);
      return c;
    },
    getDiagnostics: (uri) => {
      const own = diagnostics.get(uri.toString()) || [];
      const collected = calls.diagnosticCollections.flatMap((c) => c.entries.get(uri.toString()) || []);
      return own.concat(collected);
    },
    registerHoverProvider: registerProvider('hover'),
    registerCompletionItemProvider: registerProvider('completion'),
    registerCodeActionsProvider: registerProvider('codeAction'),
    registerDocumentSymbolProvider: registerProvider('documentSymbol'),
    registerFoldingRangeProvider: registerProvider('foldingRange'),
    registerSelectionRangeProvider: registerProvider('selectionRange'),
    registerDocumentLinkProvider: registerProvider('documentLink'),
    registerDocumentFormattingEditProvider: registerProvider('formatting'),
    onDidChangeDiagnostics: listen('diagnostics'),
  },
};

/** A text document held in memory; `edit(range, text)` changes it and fires onDidChangeTextDocument. */
function makeDocument(uriString, languageId, text) {
  const doc = {
    uri: Uri.parse(uriString), languageId, version: 1, text: text || '',
    getText() { return this.text; },
    offsetAt(pos) {
      const lines = this.text.split('\n');
      let o = 0;
      for (let i = 0; i < pos.line && i < lines.length; i++) o += lines[i].length + 1;
      return o + Math.min(pos.character, (lines[pos.line] || '').length);
    },
    edit(range, newText) {
      const a = this.offsetAt(range.start), b = this.offsetAt(range.end);
      this.text = this.text.slice(0, a) + newText + this.text.slice(b);
      this.version += 1;
      vscode.__test.fire('textDocument', { document: this, contentChanges: [{ range, rangeLength: b - a, text: newText }] });
    },
  };
  return doc;
}

function makeEditor(document) {
  return {
    document,
    selection: { active: new Position(0, 0) },
    insertSnippet: async (snippet, where) => { calls.snippets.push({ snippet, where }); return true; },
  };
}

// Test controls (not part of the real API).
vscode.__test = {
  calls,
  setConfig: (c) => { config = Object.assign({ trace: { server: 'off' } }, c); },
  setDiagnostics: (uri, list) => diagnostics.set(uri, list),
  providers,
  provider: (kind) => (providers.find((p) => p.kind === kind) || {}).provider,
  fire: (name, e) => { for (const l of calls.listeners[name] || []) l(e); },
  makeDocument,
  makeEditor,
  reset: () => {
    calls.commands.clear();
    calls.executed.length = 0;
    calls.statusItems.length = 0;
    calls.outputChannels.length = 0;
    calls.diagnosticCollections.length = 0;
    calls.watchers.length = 0;
    calls.messages.length = 0;
    calls.snippets.length = 0;
    calls.applied.length = 0;
    calls.listeners = {};
    providers.length = 0;
    vscode.workspace.textDocuments = [];
    diagnostics = new Map();
    config = { path: 'fazhi', profile: '', rules: {}, ignore: [], trace: { server: 'off' } };
    vscode.window.activeTextEditor = undefined;
    vscode.workspace.workspaceFolders = undefined;
  },
};

module.exports = vscode;
