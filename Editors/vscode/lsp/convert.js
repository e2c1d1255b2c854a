'use strict';

// Conversions between LSP values and the VS Code API. Every function takes the `vscode` module as its
// first argument so that the tests can pass their stand-in.

/** LSP diagnostic of each VS Code diagnostic we created (sent back in codeAction requests). */
const lspDiagnostics = new WeakMap();
/** LSP completion item of each VS Code item (for completionItem/resolve). */
const lspItems = new WeakMap();

const position = (vscode, p) => new vscode.Position(p.line, p.character);
const range = (vscode, r) => new vscode.Range(position(vscode, r.start), position(vscode, r.end));
const lspPosition = (p) => ({ line: p.line, character: p.character });
const lspRange = (r) => ({ start: lspPosition(r.start), end: lspPosition(r.end) });

function severity(vscode, s) {
  const S = vscode.DiagnosticSeverity;
  return { 1: S.Error, 2: S.Warning, 3: S.Information, 4: S.Hint }[s] ?? S.Error;
}

function diagnostic(vscode, d, uriOf) {
  const out = new vscode.Diagnostic(range(vscode, d.range), d.message, severity(vscode, d.severity));
  if (d.source) out.source = d.source;
  if (d.code !== undefined) {
    out.code = d.codeDescription && d.codeDescription.href
      ? { value: d.code, target: vscode.Uri.parse(d.codeDescription.href) } : d.code;
  }
  if (Array.isArray(d.relatedInformation) && vscode.DiagnosticRelatedInformation) {
    out.relatedInformation = d.relatedInformation.map((ri) => new vscode.DiagnosticRelatedInformation(
      new vscode.Location(uriOf(ri.location.uri), range(vscode, ri.location.range)), ri.message));
  }
  if (Array.isArray(d.tags) && vscode.DiagnosticTag) {
    out.tags = d.tags.map((t) => (t === 1 ? vscode.DiagnosticTag.Unnecessary : vscode.DiagnosticTag.Deprecated));
  }
  lspDiagnostics.set(out, d);
  return out;
}

function lspDiagnostic(d) {
  return lspDiagnostics.get(d) || {
    range: lspRange(d.range), message: d.message, severity: d.severity + 1, source: d.source,
    code: typeof d.code === 'object' && d.code ? d.code.value : d.code,
  };
}

function markup(vscode, contents) {
  if (contents == null) return [];
  if (typeof contents === 'string') return [new vscode.MarkdownString(contents)];
  if (Array.isArray(contents)) return contents.flatMap((c) => markup(vscode, c));
  if (contents.kind === 'plaintext') {
    const m = new vscode.MarkdownString();
    m.appendText(contents.value);
    return [m];
  }
  if (contents.kind === 'markdown') return [new vscode.MarkdownString(contents.value)];
  if (contents.language !== undefined) return [new vscode.MarkdownString().appendCodeblock(contents.value, contents.language)];
  return [];
}

function hover(vscode, h) {
  if (!h) return undefined;
  return new vscode.Hover(markup(vscode, h.contents), h.range ? range(vscode, h.range) : undefined);
}

function completionItem(vscode, item) {
  const out = new vscode.CompletionItem(item.label, item.kind ? item.kind - 1 : undefined);
  if (item.detail) out.detail = item.detail;
  if (item.documentation) out.documentation = markup(vscode, item.documentation)[0];
  if (item.sortText) out.sortText = item.sortText;
  if (item.filterText) out.filterText = item.filterText;
  if (item.preselect) out.preselect = true;
  const text = item.textEdit ? item.textEdit.newText : item.insertText;
  if (text !== undefined) out.insertText = item.insertTextFormat === 2 ? new vscode.SnippetString(text) : text;
  if (item.textEdit && item.textEdit.range) out.range = range(vscode, item.textEdit.range);
  lspItems.set(out, item);
  return out;
}

function completionList(vscode, result) {
  if (!result) return undefined;
  const items = Array.isArray(result) ? result : result.items || [];
  return new vscode.CompletionList(items.map((i) => completionItem(vscode, i)), !Array.isArray(result) && !!result.isIncomplete);
}

function textEdit(vscode, e) {
  return new vscode.TextEdit(range(vscode, e.range), e.newText);
}

function workspaceEdit(vscode, we, uriOf) {
  const out = new vscode.WorkspaceEdit();
  if (!we) return out;
  if (Array.isArray(we.documentChanges)) {
    for (const change of we.documentChanges) {
      if (change.kind === 'create') out.createFile(uriOf(change.uri), { ignoreIfExists: !!(change.options && change.options.ignoreIfExists) });
      else if (change.kind) throw new Error('不支持的修改：' + change.kind);
      else out.set(uriOf(change.textDocument.uri), change.edits.map((e) => textEdit(vscode, e)));
    }
  } else if (we.changes) {
    for (const [uri, edits] of Object.entries(we.changes)) out.set(uriOf(uri), edits.map((e) => textEdit(vscode, e)));
  }
  return out;
}

function codeAction(vscode, a, uriOf, commandId) {
  if (typeof a.command === 'string') {
    // A bare Command.
    const out = new vscode.CodeAction(a.title);
    out.command = { title: a.title, command: commandId, arguments: [a.command, a.arguments || []] };
    return out;
  }
  const out = new vscode.CodeAction(a.title, a.kind ? vscode.CodeActionKind.Empty.append(a.kind) : undefined);
  if (a.isPreferred) out.isPreferred = true;
  if (a.edit) out.edit = workspaceEdit(vscode, a.edit, uriOf);
  if (a.command) out.command = { title: a.command.title, command: commandId, arguments: [a.command.command, a.command.arguments || []] };
  if (Array.isArray(a.diagnostics)) out.diagnostics = a.diagnostics.map((d) => diagnostic(vscode, d, uriOf));
  return out;
}

function documentSymbol(vscode, s) {
  const out = new vscode.DocumentSymbol(s.name, s.detail || '', s.kind - 1, range(vscode, s.range), range(vscode, s.selectionRange));
  out.children = (s.children || []).map((c) => documentSymbol(vscode, c));
  return out;
}

function foldingRange(vscode, f) {
  const kinds = { comment: 1, imports: 2, region: 3 };
  return new vscode.FoldingRange(f.startLine, f.endLine, kinds[f.kind]);
}

function selectionRange(vscode, s) {
  return new vscode.SelectionRange(range(vscode, s.range), s.parent ? selectionRange(vscode, s.parent) : undefined);
}

module.exports = {
  position, range, lspPosition, lspRange, severity, diagnostic, lspDiagnostic, markup, hover,
  completionItem, completionList, lspItems, textEdit, workspaceEdit, codeAction, documentSymbol, foldingRange, selectionRange,
};
