'use strict';

// A stand-in for `vscode-languageclient/node`: records how the extension builds
// and drives its LanguageClient instead of starting a process.

const TransportKind = { stdio: 0, ipc: 1, pipe: 2, socket: 3 };
const State = { Stopped: 1, Running: 2, Starting: 3 };

const instances = [];
let failStart = null;
let completionResult = null;

class LanguageClient {
  constructor(id, name, serverOptions, clientOptions, forceDebug) {
    this.id = id;
    this.name = name;
    this.serverOptions = serverOptions;
    this.clientOptions = clientOptions;
    this.forceDebug = forceDebug;
    this.started = false;
    this.stopped = false;
    this.requests = [];
    this.stateListeners = [];
    instances.push(this);
  }
  onDidChangeState(listener) {
    this.stateListeners.push(listener);
    return { dispose() {} };
  }
  _setState(oldState, newState) {
    for (const l of this.stateListeners) l({ oldState, newState });
  }
  async start() {
    this._setState(State.Stopped, State.Starting);
    if (failStart) {
      this._setState(State.Starting, State.Stopped);
      throw failStart;
    }
    this.started = true;
    this._setState(State.Starting, State.Running);
  }
  async stop() {
    this.stopped = true;
    this._setState(State.Running, State.Stopped);
  }
  async sendRequest(method, params) {
    this.requests.push({ method, params });
    if (method === 'textDocument/completion') return completionResult;
    return null;
  }
}

module.exports = {
  LanguageClient,
  TransportKind,
  State,
  __test: {
    instances,
    failNextStart: (err) => { failStart = err; },
    setCompletionResult: (r) => { completionResult = r; },
    reset: () => { instances.length = 0; failStart = null; completionResult = null; },
  },
};
