'use strict';

// The extension's own LSP client (lsp/client.js) against the real `fazhi lsp`, with the stand-in vscode
// module playing the editor: diagnostics for a report with a Chinese file name and none for a note,
// hover, law-name completion that keeps the typed prefix, code actions whose edits name the document
// exactly as VS Code does, symbols, folding, and "check anyway".
// Needs FAZHI_BIN (Editors/test.sh sets it); skipped without it.

const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('path');
const { vscode, until } = require('../test-support/setup');
const { FazhiClient, EXECUTE_COMMAND } = require('../lsp/client');

const bin = process.env.FAZHI_BIN;
const record = process.env.FAZHI_RECORD_DIR;

const REPORT = [
  '云溪镇人民政府关于2024年度法治政府建设情况的报告',
  '',
  '县人民政府：',
  '　　2024年，云溪镇推进法治政府建设。现将有关情况报告如下：',
  '一、2024年推进法治政府建设的主要举措和成效',
  '　　严格执行《行政处罚法》，截止目前,全镇执法人员全部持证上岗。',
  '二、2024年推进法治政府建设存在的不足和原因',
  '　　执法力量不足。原因主要是人员偏少。',
  '',
].join('\n');

test('the client against the real fazhi lsp', { skip: !bin && 'FAZHI_BIN is not set' }, async () => {
  vscode.__test.reset();
  const reportUri = 'file:///tmp/fazhi-vsc-e2e/%E4%BA%91%E6%BA%AA%E9%95%87%E6%8A%A5%E5%91%8A.txt';
  const report = vscode.__test.makeDocument(reportUri, 'plaintext', REPORT);
  const notes = vscode.__test.makeDocument('file:///tmp/fazhi-vsc-e2e/notes.txt', 'plaintext', '周会记录\n1、值班安排,截止目前未定。\n');
  vscode.workspace.textDocuments = [report, notes];
  const statuses = [];
  const command = record ? 'python3' : bin;
  const args = record
    ? [path.join(__dirname, '../../conformance/lsp_record.py'), path.join(record, 'vscode-client.jsonl'), '--', bin, 'lsp']
    : ['lsp'];
  const client = new FazhiClient(vscode, { command, args, settings: () => ({}), onStatus: (uri, s) => statuses.push([uri, s]) });
  try {
    await client.start();
    const entries = client.diagnostics.entries;
    const diags = await until(() => (entries.get(reportUri) || []).length > 0 && entries.get(reportUri), 15000, 'diagnostics');
    assert.ok(diags.every((d) => d.source === 'fazhi'));
    const confusable = diags.find((d) => /截至/.test(d.message));
    assert.ok(confusable, diags.map((d) => d.message).join(' | '));
    assert.equal(typeof confusable.code.value, 'string');

    // The note: no findings, and a status saying why.
    await until(() => statuses.find(([u]) => u === notes.uri.toString()), 15000, 'status of notes.txt');
    assert.deepEqual(entries.get(notes.uri.toString()) || [], []);
    assert.equal(statuses.find(([u]) => u === notes.uri.toString())[1].checked, false);

    // Hover on 《行政处罚法》.
    const hover = await vscode.__test.provider('hover').provideHover(report, new vscode.Position(5, 10), {});
    assert.ok(hover && hover.contents.some((m) => /行政处罚/.test(m.value)));

    // Completion after "《行政" typed at the end of line 7.
    const end = new vscode.Position(7, REPORT.split('\n')[7].length);
    report.edit(new vscode.Range(end, end), '落实《行政');
    const at = new vscode.Position(7, end.character + 5);
    const list = await vscode.__test.provider('completion').provideCompletionItems(report, at, {}, { triggerKind: 0 });
    assert.ok(list.items.length > 0);
    for (const item of list.items) {
      assert.ok(String(item.insertText).startsWith('行政'), item.insertText);
      assert.ok(item.filterText.startsWith('行政'));
    }
    assert.ok(list.items.some((i) => i.insertText === '行政处罚法》'), list.items.map((i) => i.insertText).join(' '));
    const resolved = await vscode.__test.provider('completion').resolveCompletionItem(list.items[0], {});
    assert.ok(resolved.documentation && resolved.documentation.value.length > 0);

    // Code actions for the confusable: a fix whose edit names the document as VS Code does, and 忽略此处
    // running the server command through the extension's command.
    const actions = await vscode.__test.provider('codeAction').provideCodeActions(report, confusable.range,
      { diagnostics: [confusable], only: undefined }, {});
    const fix = actions.find((a) => /截至/.test(a.title));
    assert.ok(fix && fix.edit, actions.map((a) => a.title).join(' | '));
    assert.equal(fix.edit.entries[0][0], report.uri, 'the edit names the very Uri object of the document');
    assert.equal(fix.edit.entries[0][1][0].newText.includes('截至'), true);
    const ignore = actions.find((a) => a.title.startsWith('忽略此处'));
    assert.equal(ignore.command.command, EXECUTE_COMMAND);
    assert.equal(ignore.command.arguments[0], 'fazhi.ignore');

    // Outline and folding.
    const symbols = await vscode.__test.provider('documentSymbol').provideDocumentSymbols(report, {});
    assert.equal(symbols[0].kind, 0); // File: the title
    assert.ok(symbols[0].children.length >= 2);
    const folds = await vscode.__test.provider('foldingRange').provideFoldingRanges(report, {}, {});
    assert.ok(folds.some((f) => f.start === 4));

    // Check the note anyway.
    await client.executeCommand('fazhi.checkDocument', [{ uri: notes.uri.toString() }]);
    await until(() => (entries.get(notes.uri.toString()) || []).length > 0, 15000, 'diagnostics of notes.txt');
  } finally {
    await client.dispose();
  }
  assert.equal(client.connection, undefined);
});
