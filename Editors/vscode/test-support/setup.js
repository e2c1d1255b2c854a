'use strict';

// Makes `require('vscode')` resolve to the stand-in in ./vscode.js, then loads the extension. Shared by
// the test files. The extension needs nothing else: its LSP client is plain node (../lsp).

const Module = require('module');
const path = require('path');

const STUBS = { vscode: path.join(__dirname, 'vscode.js') };

const originalResolve = Module._resolveFilename;
Module._resolveFilename = function (request, parent, isMain, options) {
  if (Object.prototype.hasOwnProperty.call(STUBS, request)) return STUBS[request];
  return originalResolve.call(this, request, parent, isMain, options);
};

const vscode = require('vscode');
const extension = require('../extension.js');

const fakeServer = path.join(__dirname, 'fake-server.js');

function makeContext() {
  return { subscriptions: [], extensionPath: path.join(__dirname, '..'), globalState: { get() {}, update() {} } };
}

function reset() {
  vscode.__test.reset();
}

/** Polls until cond() is truthy (or fails after ms). */
async function until(cond, ms = 10000, what = 'condition') {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await cond();
    if (v) return v;
    if (Date.now() > deadline) throw new Error('timed out waiting for ' + what);
    await new Promise((r) => setTimeout(r, 20));
  }
}

module.exports = { vscode, extension, makeContext, reset, until, fakeServer, root: path.join(__dirname, '..') };
