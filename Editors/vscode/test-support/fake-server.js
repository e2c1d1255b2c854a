#!/usr/bin/env node
'use strict';

// A stand-in language server for the extension's unit tests: answers initialize and shutdown, asks for
// workspace/configuration, answers completion with $FAKE_COMPLETION, and appends every message it
// receives to $FAKE_LOG (one JSON per line) for the tests to read.

const fs = require('fs');
const { FrameReader, frame } = require('../lsp/rpc');

const log = process.env.FAKE_LOG;
const send = (m) => process.stdout.write(frame(m));
const reader = new FrameReader((msg) => {
  if (log) fs.appendFileSync(log, JSON.stringify(msg) + '\n');
  if (msg.method === 'initialize') {
    send({ jsonrpc: '2.0', id: msg.id, result: { capabilities: {
      textDocumentSync: { openClose: true, change: 2 }, hoverProvider: true,
      completionProvider: { triggerCharacters: ['《'], resolveProvider: true }, codeActionProvider: true,
      documentSymbolProvider: true, foldingRangeProvider: true,
    }, serverInfo: { name: 'fake' } } });
  } else if (msg.method === 'initialized') {
    send({ jsonrpc: '2.0', id: 'cfg', method: 'workspace/configuration', params: { items: [{ section: 'fazhi' }, {}] } });
  } else if (msg.method === 'textDocument/completion') {
    send({ jsonrpc: '2.0', id: msg.id, result: JSON.parse(process.env.FAKE_COMPLETION || 'null') });
  } else if (msg.method === 'shutdown') {
    send({ jsonrpc: '2.0', id: msg.id, result: null });
  } else if (msg.method === 'exit') {
    process.exit(0);
  } else if (msg.id !== undefined && msg.method) {
    send({ jsonrpc: '2.0', id: msg.id, result: null });
  }
});
process.stdin.on('data', (d) => reader.push(d));
process.stdin.on('end', () => process.exit(0));
