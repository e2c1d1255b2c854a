'use strict';

// Makes `require('vscode')` and `require('vscode-languageclient/node')` resolve to the
// stand-ins in ./stubs, then loads the extension. Shared by the test files.

const Module = require('module');
const path = require('path');

const STUBS = {
  'vscode': path.join(__dirname, 'vscode.js'),
  'vscode-languageclient/node': path.join(__dirname, 'languageclient.js'),
};

const originalResolve = Module._resolveFilename;
Module._resolveFilename = function (request, parent, isMain, options) {
  if (Object.prototype.hasOwnProperty.call(STUBS, request)) return STUBS[request];
  return originalResolve.call(this, request, parent, isMain, options);
};

const vscode = require('vscode');
const lc = require('vscode-languageclient/node');
const extension = require('../extension.js');

function makeContext() {
  return { subscriptions: [], extensionPath: path.join(__dirname, '..'), globalState: { get() {}, update() {} } };
}

function reset() {
  vscode.__test.reset();
  lc.__test.reset();
}

module.exports = { vscode, lc, extension, makeContext, reset, root: path.join(__dirname, '..') };
