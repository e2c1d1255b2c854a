'use strict';

// A small stand-in for the `vscode` module: just enough of the API that
// extension.js touches, recording what the extension does for the tests.

const calls = {
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
class SnippetString {
  constructor(value) { this.value = value || ''; }
  appendText(s) { this.value += s.replace(/[$}\\]/g, '\\$&'); return this; }
}
const Uri = {
  file: (p) => ({ scheme: 'file', fsPath: p, path: p, toString: () => 'file://' + p }),
  parse: (s) => ({ scheme: s.split(':')[0], fsPath: s.replace(/^file:\/\//, ''), toString: () => s }),
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

const vscode = {
  version: '1.95.0',
  Disposable, EventEmitter, Position, Range, Diagnostic, SnippetString, Uri,
  DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
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
    createFileSystemWatcher: (glob) => {
      const w = { glob, dispose() {} };
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
    getDiagnostics: (uri) => diagnostics.get(uri.toString()) || [],
    onDidChangeDiagnostics: listen('diagnostics'),
  },
};

function makeDocument(uriString, languageId) {
  return { uri: Uri.parse(uriString), languageId };
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
    calls.listeners = {};
    diagnostics = new Map();
    config = { path: 'fazhi', profile: '', rules: {}, ignore: [], trace: { server: 'off' } };
    vscode.window.activeTextEditor = undefined;
    vscode.workspace.workspaceFolders = undefined;
  },
};

module.exports = vscode;
