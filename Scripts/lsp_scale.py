#!/usr/bin/env python3
"""Language-server figures for large documents (docs/performance.md).

Usage: lsp_scale.py --cmd "fazhi lsp" [--sizes 1,4,16,64] [--busy 16] [--requests 2000] INPUT_DIR

INPUT_DIR holds repeat-<N>MB.txt (Scripts/scale_inputs.py).  Prints one JSON object:
  "open": for each size, ms from sending didOpen to the publishDiagnostics of that version, and the
          server's peak RSS (VmHWM) afterwards;
  "busy": with the <busy> MB document just opened (being linted), the latency of <requests> hover
          requests on a small document sent one at a time (p50/p90/max ms), and whether every answer
          came before the large document's diagnostics.
"""
import argparse, json, os, shlex, subprocess, sys, time, select

def frame(obj):
    b = json.dumps(obj, ensure_ascii=False).encode()
    return b"Content-Length: %d\r\n\r\n" % len(b) + b

class Conn:
    def __init__(self, cmd):
        self.p = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.buf = bytearray()  # (bytes += chunk would copy the whole buffer per 64 KB pipe read)
        self.id = 0
        self.log = []
    def send(self, obj):
        self.p.stdin.write(frame(obj)); self.p.stdin.flush()
    def request(self, method, params):
        self.id += 1
        self.send({"jsonrpc": "2.0", "id": self.id, "method": method, "params": params})
        return self.id
    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})
    def read(self, timeout):
        fd = self.p.stdout.fileno()
        end = time.perf_counter() + timeout
        while True:
            i = self.buf.find(b"\r\n\r\n")
            if i >= 0:
                hdr = self.buf[:i].decode()
                n = int([l.split(":")[1] for l in hdr.split("\r\n") if l.lower().startswith("content-length")][0])
                if len(self.buf) >= i + 4 + n:
                    body = bytes(self.buf[i+4:i+4+n]); del self.buf[:i+4+n]
                    return json.loads(body)
            left = end - time.perf_counter()
            if left <= 0: raise TimeoutError("no message")
            r, _, _ = select.select([fd], [], [], left)
            if r:
                chunk = os.read(fd, 1 << 22)
                if not chunk: raise EOFError("server closed")
                self.buf += chunk
    def wait(self, pred, timeout=300.0):
        while True:
            m = self.read(timeout)
            if "id" in m and "method" in m:
                self.send({"jsonrpc": "2.0", "id": m["id"], "result": None}); continue
            self.log.append(m.get("method") or ("response %s" % m.get("id")))
            if m.get("method") == "textDocument/publishDiagnostics":
                self.log[-1] += " " + m["params"]["uri"]
            if pred(m): return m
    def start(self):
        rid = self.request("initialize", {"processId": os.getpid(), "rootUri": None, "capabilities": {
            "textDocument": {"publishDiagnostics": {"versionSupport": True}}, "general": {"positionEncodings": ["utf-16"]}}})
        self.wait(lambda m: m.get("id") == rid)
        self.notify("initialized", {})
    def rss_mb(self):
        try:
            for line in open("/proc/%d/status" % self.p.pid):
                if line.startswith("VmHWM:"): return int(line.split()[1]) / 1024
        except OSError:
            return None
    def stop(self):
        try:
            rid = self.request("shutdown", None); self.wait(lambda m: m.get("id") == rid)
            self.notify("exit", None)
        except Exception:
            pass
        self.p.wait(timeout=30)

def is_diag(m, uri, version):
    return m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri and m["params"].get("version") == version

def pct(xs, q):
    xs = sorted(xs); return xs[min(len(xs) - 1, int(round(q * (len(xs) - 1))))]

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cmd", required=True); ap.add_argument("--sizes", default="1,4,16,64")
    ap.add_argument("--busy", default="16"); ap.add_argument("--requests", type=int, default=2000)
    ap.add_argument("dir")
    a = ap.parse_args()
    cmd = shlex.split(a.cmd)
    out = {"open": []}
    for size in a.sizes.split(","):
        text = open(os.path.join(a.dir, "repeat-%sMB.txt" % size), encoding="utf-8").read()
        c = Conn(cmd); c.start()
        uri = "file:///tmp/scale/repeat-%sMB.txt" % size
        t0 = time.perf_counter()
        c.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1, "text": text}})
        m = c.wait(lambda m: is_diag(m, uri, 1))
        ms = (time.perf_counter() - t0) * 1000
        out["open"].append({"mb": float(size), "firstDiagnosticsMs": round(ms, 1), "diagnostics": len(m["params"]["diagnostics"]),
                            "peakRssMB": c.rss_mb()})
        c.stop()
        print("open %s MB: %s" % (size, out["open"][-1]), file=sys.stderr, flush=True)
    # Requests on a small document while a large one is being linted.
    big = open(os.path.join(a.dir, "repeat-%sMB.txt" % a.busy), encoding="utf-8").read()
    small = open(os.path.join(a.dir, "repeat-1MB.txt"), encoding="utf-8").read()[:3000]
    c = Conn(cmd); c.start()
    su, bu = "file:///tmp/scale/small.txt", "file:///tmp/scale/big.txt"
    c.notify("textDocument/didOpen", {"textDocument": {"uri": su, "languageId": "plaintext", "version": 1, "text": small}})
    c.wait(lambda m: is_diag(m, su, 1))
    print("small document open", file=sys.stderr, flush=True)
    c.notify("textDocument/didOpen", {"textDocument": {"uri": bu, "languageId": "plaintext", "version": 1, "text": big}})
    lat = []
    for i in range(a.requests):
        t = time.perf_counter()
        rid = c.request("textDocument/hover", {"textDocument": {"uri": su}, "position": {"line": 6, "character": 2 + i % 10}})
        c.wait(lambda m: m.get("id") == rid and "method" not in m)
        lat.append((time.perf_counter() - t) * 1000)
    before = not any(l.endswith(bu) for l in c.log)
    t = time.perf_counter()
    if before:  # (otherwise they came during the requests and were read by then)
        c.wait(lambda m: is_diag(m, bu, 1))
    out["busy"] = {"mb": float(a.busy), "requests": a.requests, "p50Ms": round(pct(lat, 0.5), 3), "p90Ms": round(pct(lat, 0.9), 3),
                   "maxMs": round(max(lat), 2), "allBeforeLargeDiagnostics": before,
                   "largeDiagnosticsAfterLastRequestMs": round((time.perf_counter() - t) * 1000, 1)}
    c.stop()
    print(json.dumps(out, ensure_ascii=False))

main()
