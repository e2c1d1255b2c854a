#!/usr/bin/env python3
"""Opens several documents in a stdio language server, waits for their diagnostics, edits each once,
and prints the server's peak resident set size (VmHWM) as JSON."""
import argparse, json, os, select, shlex, subprocess, time

def frame(obj):
    b = json.dumps(obj, ensure_ascii=False).encode()
    return b"Content-Length: %d\r\n\r\n" % len(b) + b

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cmd", required=True)
    ap.add_argument("files", nargs="+")
    a = ap.parse_args()
    p = subprocess.Popen(shlex.split(a.cmd), stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    buf = b""
    def send(o):
        p.stdin.write(frame(o)); p.stdin.flush()
    def read(timeout=30):
        nonlocal buf
        end = time.time() + timeout
        while True:
            i = buf.find(b"\r\n\r\n")
            if i >= 0:
                n = int([l.split(b":")[1] for l in buf[:i].split(b"\r\n") if l.lower().startswith(b"content-length")][0])
                if len(buf) >= i + 4 + n:
                    body = buf[i + 4:i + 4 + n]; buf = buf[i + 4 + n:]
                    return json.loads(body)
            r, _, _ = select.select([p.stdout.fileno()], [], [], max(0, end - time.time()))
            if not r: raise TimeoutError
            chunk = os.read(p.stdout.fileno(), 1 << 20)
            if not chunk: raise EOFError
            buf += chunk
    def wait(pred):
        while True:
            m = read()
            if "id" in m and "method" in m:
                send({"jsonrpc": "2.0", "id": m["id"], "result": None if m["method"] != "workspace/configuration" else [None] * len(m["params"]["items"])})
                continue
            if pred(m): return m
    send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"processId": os.getpid(), "rootUri": None, "capabilities": {}}})
    wait(lambda m: m.get("id") == 1)
    send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
    uris = []
    for f in a.files:
        uri = "file://" + os.path.abspath(f); uris.append(uri)
        send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1, "text": open(f, encoding="utf-8").read()}}})
        wait(lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri)
    for uri in uris:
        send({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"range": {"start": {"line": 3, "character": 0}, "end": {"line": 3, "character": 0}}, "text": "法"}]}})
        wait(lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri)
    hwm = None
    for l in open(f"/proc/{p.pid}/status"):
        if l.startswith("VmHWM:"): hwm = int(l.split()[1])
    send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"}); wait(lambda m: m.get("id") == 2)
    send({"jsonrpc": "2.0", "method": "exit"})
    p.wait(5)
    print(json.dumps({"documents": len(a.files), "bytes": sum(os.path.getsize(f) for f in a.files), "peak_rss_mb": round(hwm / 1024, 1) if hwm else None}))

if __name__ == "__main__":
    main()
