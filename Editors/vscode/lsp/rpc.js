'use strict';

// JSON-RPC 2.0 over a child process's stdio with LSP's Content-Length framing. Node only, no vscode:
// the tests drive it against the real `fazhi lsp`.

const childProcess = require('child_process');

class RpcError extends Error {
  constructor(error) {
    super(error && error.message ? error.message : String(error));
    this.code = error && error.code;
    this.data = error && error.data;
  }
}

/** Splits a byte stream into message bodies (Buffer in, parsed JSON out). */
class FrameReader {
  constructor(onMessage, onError) {
    this.buffer = Buffer.alloc(0);
    this.onMessage = onMessage;
    this.onError = onError || (() => {});
  }

  push(chunk) {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const header = this.buffer.subarray(0, headerEnd).toString('ascii');
      const m = /content-length:\s*(\d+)/i.exec(header);
      if (!m) {
        this.onError(new Error('frame without Content-Length: ' + header.slice(0, 80)));
        this.buffer = this.buffer.subarray(headerEnd + 4);
        continue;
      }
      const length = Number(m[1]);
      const start = headerEnd + 4;
      if (this.buffer.length < start + length) return;
      const body = this.buffer.subarray(start, start + length).toString('utf8');
      this.buffer = this.buffer.subarray(start + length);
      let msg;
      try {
        msg = JSON.parse(body);
      } catch (err) {
        this.onError(err);
        continue;
      }
      this.onMessage(msg);
    }
  }
}

function frame(message) {
  const body = Buffer.from(JSON.stringify(message), 'utf8');
  return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
}

/**
 * A connection to a language server process.
 *   const c = Connection.spawn('fazhi', ['lsp']);
 *   c.onNotification('textDocument/publishDiagnostics', (params) => …);
 *   c.onRequest('workspace/configuration', async (params) => …);
 *   const result = await c.request('initialize', {...});
 */
class Connection {
  constructor(input, output) {
    this.output = output;
    this.nextId = 1;
    this.pending = new Map();
    this.notificationHandlers = new Map();
    this.requestHandlers = new Map();
    this.closed = false;
    this.trace = null; // (direction, message) => void
    this.onCloseHandlers = [];
    this.reader = new FrameReader((m) => this.dispatch(m), (e) => this.log('error', e.message));
    input.on('data', (chunk) => this.reader.push(chunk));
    input.on('end', () => this.close(new Error('语言服务器已退出')));
  }

  static spawn(command, args, options) {
    const proc = childProcess.spawn(command, args, Object.assign({ stdio: ['pipe', 'pipe', 'pipe'] }, options));
    const conn = new Connection(proc.stdout, proc.stdin);
    conn.process = proc;
    proc.on('error', (err) => conn.close(err));
    proc.on('exit', (code, signal) => conn.close(new Error(`语言服务器已退出（${signal || code}）`)));
    proc.stdin.on('error', () => {});
    return conn;
  }

  log(direction, message) {
    if (this.trace) this.trace(direction, message);
  }

  send(message) {
    if (this.closed) throw new RpcError({ code: -32099, message: '与语言服务器的连接已关闭' });
    this.log('send', message);
    this.output.write(frame(message));
  }

  request(method, params, token) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, method });
      try {
        this.send({ jsonrpc: '2.0', id, method, params });
      } catch (err) {
        this.pending.delete(id);
        reject(err);
        return;
      }
      if (token && typeof token.onCancellationRequested === 'function') {
        token.onCancellationRequested(() => {
          if (this.pending.has(id) && !this.closed) this.send({ jsonrpc: '2.0', method: '$/cancelRequest', params: { id } });
        });
      }
    });
  }

  notify(method, params) {
    this.send({ jsonrpc: '2.0', method, params });
  }

  onNotification(method, handler) { this.notificationHandlers.set(method, handler); }
  onRequest(method, handler) { this.requestHandlers.set(method, handler); }
  onClose(handler) { this.onCloseHandlers.push(handler); }

  async dispatch(msg) {
    this.log('receive', msg);
    if (msg.method !== undefined && msg.id !== undefined) {
      const handler = this.requestHandlers.get(msg.method);
      let reply;
      if (!handler) {
        reply = { jsonrpc: '2.0', id: msg.id, error: { code: -32601, message: 'unhandled method ' + msg.method } };
      } else {
        try {
          const result = await handler(msg.params);
          reply = { jsonrpc: '2.0', id: msg.id, result: result === undefined ? null : result };
        } catch (err) {
          reply = { jsonrpc: '2.0', id: msg.id, error: { code: -32603, message: String(err && err.message || err) } };
        }
      }
      if (!this.closed) this.send(reply);
    } else if (msg.method !== undefined) {
      const handler = this.notificationHandlers.get(msg.method);
      if (handler) {
        try {
          handler(msg.params);
        } catch (err) {
          this.log('error', `${msg.method}: ${err.message}`);
        }
      }
    } else if (msg.id !== undefined) {
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      if (msg.error) p.reject(new RpcError(msg.error));
      else p.resolve(msg.result === undefined ? null : msg.result);
    }
  }

  close(reason) {
    if (this.closed) return;
    this.closed = true;
    for (const p of this.pending.values()) p.reject(reason instanceof Error ? reason : new Error(String(reason)));
    this.pending.clear();
    for (const h of this.onCloseHandlers) h(reason);
  }

  /** shutdown + exit; kills the process if it does not exit within `ms`. */
  async dispose(ms = 2000) {
    if (!this.closed) {
      try {
        await Promise.race([this.request('shutdown', null), new Promise((r) => setTimeout(r, ms))]);
        if (!this.closed) this.notify('exit', null);
      } catch (_) {
        // already gone
      }
    }
    const proc = this.process;
    if (proc && proc.exitCode === null && proc.signalCode === null) {
      await Promise.race([new Promise((r) => proc.once('exit', r)), new Promise((r) => setTimeout(r, ms))]);
      if (proc.exitCode === null && proc.signalCode === null) proc.kill();
    }
    this.close(new Error('已停止'));
  }
}

module.exports = { Connection, FrameReader, RpcError, frame };
