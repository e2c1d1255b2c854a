#!/usr/bin/env python3
"""A tiny stand-in language server for testing the editor plugins without the real one.

Speaks LSP over stdio: publishes one diagnostic (source "fazhi", code "missing-part")
on open/change, answers documentSymbol with the lines that start with 一、二、三、…,
and answers hover with the last workspace/configuration answer it received, so a test
can check that the client's settings reach the server. Not a checker.
"""
import json
import re
import sys

HEADING = re.compile(r"^([一二三四五六七八九十]+、)(.*)$")
state = {"docs": {}, "config": None, "init_options": None, "next_id": 1000}


def send(msg):
    body = json.dumps(msg, ensure_ascii=False).encode("utf-8")
    sys.stdout.buffer.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    sys.stdout.buffer.flush()


def read():
    length = None
    while True:
        line = sys.stdin.buffer.readline()
        if not line:
            return None
        line = line.strip()
        if not line:
            break
        k, _, v = line.partition(b":")
        if k.lower() == b"content-length":
            length = int(v)
    return json.loads(sys.stdin.buffer.read(length))


def utf16_len(s):
    return len(s.encode("utf-16-le")) // 2


def publish(uri):
    text = state["docs"].get(uri, "")
    first = text.split("\n", 1)[0]
    send({"jsonrpc": "2.0", "method": "textDocument/publishDiagnostics", "params": {"uri": uri, "diagnostics": [{
        "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": utf16_len(first)}},
        "severity": 1, "source": "fazhi", "code": "missing-part", "message": "缺少必备部分（测试替身）"}]}})


def symbols(uri):
    out = []
    for i, line in enumerate(state["docs"].get(uri, "").split("\n")):
        m = HEADING.match(line)
        if m:
            rng = {"start": {"line": i, "character": 0}, "end": {"line": i, "character": utf16_len(line)}}
            sel = {"start": {"line": i, "character": utf16_len(m.group(1))}, "end": rng["end"]}
            out.append({"name": line, "kind": 15, "range": rng, "selectionRange": sel, "children": []})
    return out


def main():
    while True:
        msg = read()
        if msg is None:
            return
        method, mid, params = msg.get("method"), msg.get("id"), msg.get("params") or {}
        if method is None:  # a response to our request
            if mid == state.get("config_request"):
                state["config"] = msg.get("result")
            continue
        if method == "initialize":
            state["init_options"] = params.get("initializationOptions")
            send({"jsonrpc": "2.0", "id": mid, "result": {"capabilities": {
                "textDocumentSync": 1, "documentSymbolProvider": True, "hoverProvider": True},
                "serverInfo": {"name": "fake-fazhi"}}})
        elif method == "initialized":
            state["config_request"] = state["next_id"]
            send({"jsonrpc": "2.0", "id": state["next_id"], "method": "workspace/configuration",
                  "params": {"items": [{"section": "fazhi"}]}})
        elif method == "textDocument/didOpen":
            td = params["textDocument"]
            state["docs"][td["uri"]] = td["text"]
            publish(td["uri"])
        elif method == "textDocument/didChange":
            uri = params["textDocument"]["uri"]
            state["docs"][uri] = params["contentChanges"][-1]["text"]
            publish(uri)
        elif method == "textDocument/documentSymbol":
            send({"jsonrpc": "2.0", "id": mid, "result": symbols(params["textDocument"]["uri"])})
        elif method == "textDocument/hover":
            value = "config=" + json.dumps(state["config"], ensure_ascii=False) + \
                " init=" + json.dumps(state["init_options"], ensure_ascii=False)
            send({"jsonrpc": "2.0", "id": mid, "result": {"contents": {"kind": "markdown", "value": value}}})
        elif method == "shutdown":
            send({"jsonrpc": "2.0", "id": mid, "result": None})
        elif method == "exit":
            return
        elif mid is not None:
            send({"jsonrpc": "2.0", "id": mid, "error": {"code": -32601, "message": "not handled"}})


if __name__ == "__main__":
    main()
