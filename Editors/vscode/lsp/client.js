'use strict';

// A small LSP client for `fazhi lsp`, written against the VS Code API with no npm packages: document
// sync, diagnostics, hover, completion, code actions, symbols, folding, selection ranges, links,
// configuration, and the server's status notifications. Only what Fazhi's server offers.

const { Connection } = require('./rpc');
const convert = require('./convert');

const SECTION = 'fazhi';
const LANGUAGES = ['plaintext', 'markdown'];
const SCHEMES = ['file', 'untitled'];
/** The VS Code command that runs a server command (code actions carry server commands). */
const EXECUTE_COMMAND = 'fazhi.executeServerCommand';

function clientCapabilities() {
  return {
    general: { positionEncodings: ['utf-16'] },
    textDocument: {
      synchronization: { didSave: true, dynamicRegistration: false },
      publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true,
        tagSupport: { valueSet: [1, 2] } },
      hover: { contentFormat: ['markdown', 'plaintext'] },
      completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'], preselectSupport: true },
        contextSupport: true },
      codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } },
        isPreferredSupport: true },
      documentSymbol: { hierarchicalDocumentSymbolSupport: true },
      foldingRange: { lineFoldingOnly: true },
      selectionRange: {},
      documentLink: {},
    },
    workspace: {
      configuration: true,
      didChangeConfiguration: { dynamicRegistration: false },
      workspaceFolders: true,
      workspaceEdit: { documentChanges: true, resourceOperations: ['create'] },
      executeCommand: {},
    },
    window: { showMessage: {} },
    experimental: { fazhiStatus: true },
  };
}

class FazhiClient {
  /**
   * @param vscode the VS Code API (or the tests' stand-in)
   * @param options { command, args, settings: () => object, output: OutputChannel, onStatus(uri, status) }
   */
  constructor(vscode, options) {
    this.vscode = vscode;
    this.options = options;
    this.connection = undefined;
    this.capabilities = {};
    this.disposables = [];
    this.diagnostics = vscode.languages.createDiagnosticCollection(SECTION);
    this.uris = new Map(); // URI string sent to the server -> vscode.Uri (echoed back as sent)
    this.status = new Map(); // URI string -> { checked, reason }
    this.opened = new Set();
    this.state = 'stopped';
  }

  isReportDocument(doc) {
    return !!doc && LANGUAGES.includes(doc.languageId) && SCHEMES.includes(doc.uri.scheme);
  }

  uriOf(s) {
    return this.uris.get(s) || this.vscode.Uri.parse(s);
  }

  log(line) {
    if (this.options.output) this.options.output.appendLine(line);
  }

  async start() {
    const vscode = this.vscode;
    this.state = 'starting';
    const conn = Connection.spawn(this.options.command, this.options.args || ['lsp'], { env: process.env });
    this.connection = conn;
    const spawnError = new Promise((_, reject) => conn.process.once('error', reject));
    conn.process.stderr.on('data', (d) => this.log(String(d).trimEnd()));
    if (this.options.trace) conn.trace = (dir, msg) => this.log(`[${dir}] ${JSON.stringify(msg)}`);
    conn.onClose((reason) => {
      if (this.state === 'running' || this.state === 'starting') {
        this.state = 'failed';
        this.lastError = reason && reason.message;
        if (this.options.onStateChange) this.options.onStateChange(this.state, this.lastError);
      }
    });
    this.registerHandlers(conn);
    const folders = (vscode.workspace.workspaceFolders || []).map((f) => ({ uri: f.uri.toString(), name: f.name }));
    const result = await Promise.race([spawnError, conn.request('initialize', {
      processId: process.pid,
      clientInfo: { name: 'fazhi-vscode', version: '0.1.0' },
      rootUri: folders.length ? folders[0].uri : null,
      workspaceFolders: folders.length ? folders : null,
      capabilities: clientCapabilities(),
      initializationOptions: this.options.settings(),
    })]);
    this.capabilities = (result && result.capabilities) || {};
    conn.notify('initialized', {});
    this.state = 'running';
    this.registerProviders();
    this.registerSync();
    for (const doc of vscode.workspace.textDocuments || []) this.didOpen(doc);
    return result;
  }

  registerHandlers(conn) {
    const vscode = this.vscode;
    conn.onNotification('textDocument/publishDiagnostics', (p) => {
      const uri = this.uriOf(p.uri);
      this.diagnostics.set(uri, (p.diagnostics || []).map((d) => convert.diagnostic(vscode, d, (u) => this.uriOf(u))));
    });
    conn.onNotification('window/logMessage', (p) => this.log(p.message));
    conn.onNotification('window/showMessage', (p) => {
      const show = p.type === 1 ? vscode.window.showErrorMessage : p.type === 2 ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
      show('法治报告检查：' + p.message);
    });
    conn.onNotification('fazhi/status', (p) => {
      this.status.set(p.uri, { checked: !!p.checked, reason: p.reason || '' });
      if (this.options.onStatus) this.options.onStatus(p.uri, this.status.get(p.uri));
    });
    conn.onRequest('workspace/configuration', (p) => (p.items || []).map((item) => {
      const s = this.options.settings();
      if (item.section === SECTION) return s;
      if (!item.section) return { [SECTION]: s };
      if (item.section.startsWith(SECTION + '.')) return s[item.section.slice(SECTION.length + 1)] ?? null;
      return null;
    }));
    conn.onRequest('client/registerCapability', () => null);
    conn.onRequest('client/unregisterCapability', () => null);
    conn.onRequest('window/workDoneProgress/create', () => null);
    conn.onRequest('workspace/diagnostic/refresh', () => null);
    conn.onRequest('workspace/applyEdit', async (p) => {
      const applied = await vscode.workspace.applyEdit(convert.workspaceEdit(vscode, p.edit, (u) => this.uriOf(u)));
      return { applied };
    });
  }

  request(method, params, token) {
    if (!this.connection || this.state !== 'running') return Promise.resolve(null);
    return this.connection.request(method, params, token);
  }

  documentId(doc) {
    const s = doc.uri.toString();
    this.uris.set(s, doc.uri);
    return { uri: s };
  }

  didOpen(doc) {
    if (!this.isReportDocument(doc) || !this.connection || this.connection.closed) return;
    const id = this.documentId(doc);
    if (this.opened.has(id.uri)) return;
    this.opened.add(id.uri);
    this.connection.notify('textDocument/didOpen', { textDocument: { uri: id.uri, languageId: doc.languageId, version: doc.version, text: doc.getText() } });
  }

  registerSync() {
    const vscode = this.vscode;
    const ws = vscode.workspace;
    this.disposables.push(
      ws.onDidOpenTextDocument((doc) => this.didOpen(doc)),
      ws.onDidChangeTextDocument((e) => {
        const id = this.documentId(e.document);
        if (!this.opened.has(id.uri) || e.contentChanges.length === 0) return;
        this.connection.notify('textDocument/didChange', {
          textDocument: { uri: id.uri, version: e.document.version },
          contentChanges: e.contentChanges.map((c) => ({ range: convert.lspRange(c.range), rangeLength: c.rangeLength, text: c.text })),
        });
      }),
      ws.onDidSaveTextDocument((doc) => {
        const id = this.documentId(doc);
        if (this.opened.has(id.uri)) this.connection.notify('textDocument/didSave', { textDocument: id });
      }),
      ws.onDidCloseTextDocument((doc) => {
        const id = this.documentId(doc);
        if (!this.opened.delete(id.uri)) return;
        this.connection.notify('textDocument/didClose', { textDocument: id });
        this.diagnostics.delete(doc.uri);
        this.status.delete(id.uri);
      }),
    );
    const watcher = ws.createFileSystemWatcher('**/.fazhi.json');
    const changed = (type) => (uri) => {
      if (this.connection && !this.connection.closed) {
        this.connection.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uri.toString(), type }] });
      }
    };
    if (watcher.onDidCreate) this.disposables.push(watcher.onDidCreate(changed(1)), watcher.onDidChange(changed(2)), watcher.onDidDelete(changed(3)));
    this.disposables.push(watcher);
  }

  /** Tells the server that the `fazhi` settings changed. */
  settingsChanged() {
    if (this.connection && this.state === 'running') {
      this.connection.notify('workspace/didChangeConfiguration', { settings: { [SECTION]: this.options.settings() } });
    }
  }

  registerProviders() {
    const vscode = this.vscode;
    const caps = this.capabilities;
    const selector = [];
    for (const language of LANGUAGES) for (const scheme of SCHEMES) selector.push({ scheme, language });
    const L = vscode.languages;
    const at = (doc, pos) => ({ textDocument: this.documentId(doc), position: convert.lspPosition(pos) });
    const uriOf = (u) => this.uriOf(u);
    const add = (d) => this.disposables.push(d);

    if (caps.hoverProvider) {
      add(L.registerHoverProvider(selector, {
        provideHover: async (doc, pos, token) => convert.hover(vscode, await this.request('textDocument/hover', at(doc, pos), token)),
      }));
    }
    if (caps.completionProvider) {
      const triggers = caps.completionProvider.triggerCharacters || [];
      add(L.registerCompletionItemProvider(selector, {
        provideCompletionItems: async (doc, pos, token, context) => {
          const params = at(doc, pos);
          if (context) params.context = { triggerKind: (context.triggerKind ?? 0) + 1, triggerCharacter: context.triggerCharacter };
          return convert.completionList(vscode, await this.request('textDocument/completion', params, token));
        },
        resolveCompletionItem: caps.completionProvider.resolveProvider ? async (item, token) => {
          const raw = convert.lspItems.get(item);
          if (!raw) return item;
          const r = await this.request('completionItem/resolve', raw, token);
          if (r && r.documentation) item.documentation = convert.markup(vscode, r.documentation)[0];
          return item;
        } : undefined,
      }, ...triggers));
    }
    if (caps.codeActionProvider) {
      add(L.registerCodeActionsProvider(selector, {
        provideCodeActions: async (doc, range, context, token) => {
          const params = {
            textDocument: this.documentId(doc),
            range: convert.lspRange(range),
            context: {
              diagnostics: (context.diagnostics || []).filter((d) => d.source === 'fazhi').map(convert.lspDiagnostic),
              only: context.only ? [context.only.value] : undefined,
            },
          };
          const result = await this.request('textDocument/codeAction', params, token);
          return (result || []).map((a) => convert.codeAction(vscode, a, uriOf, EXECUTE_COMMAND));
        },
      }));
    }
    if (caps.documentSymbolProvider) {
      add(L.registerDocumentSymbolProvider(selector, {
        provideDocumentSymbols: async (doc, token) => {
          const r = await this.request('textDocument/documentSymbol', { textDocument: this.documentId(doc) }, token);
          return (r || []).filter((s) => s.range).map((s) => convert.documentSymbol(vscode, s));
        },
      }, { label: '法治报告' }));
    }
    if (caps.foldingRangeProvider) {
      add(L.registerFoldingRangeProvider(selector, {
        provideFoldingRanges: async (doc, _ctx, token) => {
          const r = await this.request('textDocument/foldingRange', { textDocument: this.documentId(doc) }, token);
          return (r || []).map((f) => convert.foldingRange(vscode, f));
        },
      }));
    }
    if (caps.selectionRangeProvider) {
      add(L.registerSelectionRangeProvider(selector, {
        provideSelectionRanges: async (doc, positions, token) => {
          const r = await this.request('textDocument/selectionRange',
            { textDocument: this.documentId(doc), positions: positions.map(convert.lspPosition) }, token);
          return (r || []).map((s) => convert.selectionRange(vscode, s));
        },
      }));
    }
    if (caps.documentLinkProvider) {
      add(L.registerDocumentLinkProvider(selector, {
        provideDocumentLinks: async (doc, token) => {
          const r = await this.request('textDocument/documentLink', { textDocument: this.documentId(doc) }, token);
          return (r || []).filter((l) => l.target).map((l) => new vscode.DocumentLink(convert.range(vscode, l.range), vscode.Uri.parse(l.target)));
        },
      }));
    }
    if (caps.documentFormattingProvider) {
      add(L.registerDocumentFormattingEditProvider(selector, {
        provideDocumentFormattingEdits: async (doc, options, token) => {
          const r = await this.request('textDocument/formatting',
            { textDocument: this.documentId(doc), options: { tabSize: options.tabSize, insertSpaces: options.insertSpaces } }, token);
          return (r || []).map((e) => convert.textEdit(vscode, e));
        },
      }));
    }
  }

  /** Runs a server command (from a code action or the "check anyway" command). */
  executeCommand(command, args) {
    return this.request('workspace/executeCommand', { command, arguments: args || [] });
  }

  async stop() {
    const conn = this.connection;
    this.state = 'stopped';
    for (const d of this.disposables.splice(0)) {
      try { d.dispose(); } catch (_) { /* ignore */ }
    }
    this.diagnostics.clear();
    this.opened.clear();
    this.connection = undefined;
    if (conn) await conn.dispose();
  }

  dispose() {
    const done = this.stop();
    this.diagnostics.dispose();
    return done;
  }
}

module.exports = { FazhiClient, clientCapabilities, EXECUTE_COMMAND, LANGUAGES, SCHEMES, SECTION };
