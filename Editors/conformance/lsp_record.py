#!/usr/bin/env python3
"""Records an LSP session: runs a server, passes stdin/stdout through unchanged, and appends every
message of both directions to a JSON-lines log, for check_lsp.py.

    lsp_record.py LOG -- fazhi lsp
Each log line is {"dir": "c2s" | "s2c", "msg": <the JSON-RPC message>}. Standard library only.
"""
import json
import os
import subprocess
import sys
import threading


class FrameTap:
    """Splits a byte stream into Content-Length frames and logs each body."""

    def __init__(self, direction, log, lock):
        self.direction, self.log, self.lock = direction, log, lock
        self.buf = b""

    def feed(self, data):
        self.buf += data
        while True:
            end = self.buf.find(b"\r\n\r\n")
            if end < 0:
                return
            length = None
            for line in self.buf[:end].split(b"\r\n"):
                name, _, value = line.partition(b":")
                if name.strip().lower() == b"content-length":
                    try:
                        length = int(value.strip())
                    except ValueError:
                        length = None
            if length is None:
                self.buf = self.buf[end + 4:]
                continue
            if len(self.buf) < end + 4 + length:
                return
            body = self.buf[end + 4:end + 4 + length]
            self.buf = self.buf[end + 4 + length:]
            try:
                msg = json.loads(body.decode("utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError):
                msg = {"unparsable": body.decode("utf-8", "replace")}
            with self.lock:
                self.log.write(json.dumps({"dir": self.direction, "msg": msg}, ensure_ascii=False) + "\n")
                self.log.flush()


def pump(src, dst, tap):
    while True:
        data = os.read(src, 65536)
        if not data:
            break
        tap.feed(data)
        try:
            os.write(dst, data)
        except OSError:
            break


def main():
    if len(sys.argv) < 4 or sys.argv[2] != "--":
        sys.stderr.write("usage: lsp_record.py LOG -- SERVER [ARGS...]\n")
        return 2
    log = open(sys.argv[1], "a", encoding="utf-8")
    lock = threading.Lock()
    server = subprocess.Popen(sys.argv[3:], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    to_server = threading.Thread(target=lambda: (pump(0, server.stdin.fileno(), FrameTap("c2s", log, lock)), server.stdin.close()),
                                 daemon=True)
    to_server.start()
    pump(server.stdout.fileno(), 1, FrameTap("s2c", log, lock))
    return server.wait()


if __name__ == "__main__":
    sys.exit(main())
