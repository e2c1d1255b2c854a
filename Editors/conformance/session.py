#!/usr/bin/env python3
"""A scripted editor session against the real `fazhi lsp`, recorded for check_lsp.py: every request the
server answers, with a push client and a pull client, so that each kind of message the server can send
is checked against the LSP 3.17 types (the editors' end-to-end tests cover what real clients send).

    session.py FAZHI LOG
Standard library only. Exits non-zero when a request is not answered.
"""
import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))

REPORT = """云溪镇人民政府关于2024年度法治政府建设情况的报告

县人民政府：
　　2024年，我镇深入学习贯彻习近平法治思想。现将有关情况报告如下：
一、2024年推进法治政府建设的主要举措和成效
（一）严格规范执法
　　严格执行《行政处罚法》,全年办理案件12余件，办结率95%。
二、存在的不足和原因
　　截止目前，普法宣传仍有短板。
　　特此报告。

云溪镇人民政府
2025年1月10日
"""


class Client:
    def __init__(self, fazhi, log):
        self.p = subprocess.Popen([sys.executable, os.path.join(HERE, "lsp_record.py"), log, "--", fazhi, "lsp"],
                                  stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.next_id = 0
        self.pending = []

    def send(self, msg):
        body = json.dumps(msg, ensure_ascii=False).encode("utf-8")
        self.p.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.p.stdin.flush()

    def read(self):
        length = None
        while True:
            line = self.p.stdout.readline()
            if not line:
                raise EOFError("server closed its output")
            line = line.strip()
            if not line:
                break
            k, _, v = line.partition(b":")
            if k.lower() == b"content-length":
                length = int(v)
        return json.loads(self.p.stdout.read(length))

    def answer_server_request(self, msg):
        method = msg["method"]
        if method == "workspace/configuration":
            result = [{"rules": {"stray-space": "hint"}} for _ in msg["params"]["items"]]
        else:
            result = None
        self.send({"jsonrpc": "2.0", "id": msg["id"], "result": result})

    def request(self, method, params):
        self.next_id += 1
        rid = self.next_id
        self.send({"jsonrpc": "2.0", "id": rid, "method": method, "params": params})
        deadline = time.time() + 20
        while time.time() < deadline:
            msg = self.read()
            if "method" in msg and "id" in msg:
                self.answer_server_request(msg)
            elif "method" not in msg and msg.get("id") == rid:
                return msg
        raise TimeoutError(method)

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def close(self):
        self.request("shutdown", None)
        self.notify("exit", None)
        self.p.stdin.close()
        return self.p.wait(timeout=20)


def caps(pull):
    td = {
        "synchronization": {"didSave": True},
        "publishDiagnostics": {"versionSupport": True, "relatedInformation": True},
        "documentSymbol": {"hierarchicalDocumentSymbolSupport": not pull},
        "hover": {"contentFormat": ["markdown", "plaintext"] if pull else ["plaintext"]},
        "completion": {"completionItem": {"snippetSupport": pull, "documentationFormat": ["markdown"]}},
        "codeAction": {"codeActionLiteralSupport": {"codeActionKind": {"valueSet": ["quickfix", "source"]}}},
        "semanticTokens": {"requests": {"full": True}},
    }
    if pull:
        td["diagnostic"] = {"dynamicRegistration": False}
    return {
        "general": {"positionEncodings": ["utf-8", "utf-16"] if pull else ["utf-16"]},
        "textDocument": td,
        "workspace": {"configuration": True, "didChangeConfiguration": {"dynamicRegistration": True},
                      "didChangeWatchedFiles": {"dynamicRegistration": True}, "diagnostics": {"refreshSupport": True},
                      "workspaceEdit": {"documentChanges": pull, "resourceOperations": ["create"]}},
        "experimental": {"fazhiStatus": True},
    }


def run(fazhi, log, pull, folder):
    c = Client(fazhi, log)
    root = "file://" + urllib.parse.quote(folder)
    init = c.request("initialize", {"processId": os.getpid(), "rootUri": root, "capabilities": caps(pull),
                                    "workspaceFolders": [{"uri": root, "name": "ws"}]})
    assert "capabilities" in init["result"], init
    c.notify("initialized", {})
    uri = root + "/" + urllib.parse.quote("云溪镇2024年度报告.txt")
    notes = root + "/notes.txt"
    c.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1, "text": REPORT}})
    c.notify("textDocument/didOpen", {"textDocument": {"uri": notes, "languageId": "plaintext", "version": 1, "text": "周会记录\n1、值班安排。\n"}})
    c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2},
                                        "contentChanges": [{"range": {"start": {"line": 6, "character": 0}, "end": {"line": 6, "character": 0}}, "text": ""}]})
    doc = {"textDocument": {"uri": uri}}
    at = lambda l, ch: dict(doc, position={"line": l, "character": ch})
    everything = {"start": {"line": 0, "character": 0}, "end": {"line": 15, "character": 0}}
    diags = []
    if pull:
        r = c.request("textDocument/diagnostic", doc)
        diags = r["result"]["items"]
        c.request("textDocument/diagnostic", dict(doc, previousResultId=r["result"]["resultId"]))
    c.request("textDocument/documentSymbol", doc)
    c.request("workspace/symbol", {"query": "举措"})
    c.request("textDocument/foldingRange", doc)
    c.request("textDocument/selectionRange", dict(doc, positions=[{"line": 6, "character": 8}]))
    for line, ch in [(4, 3), (6, 8), (6, 24), (5, 2)]:
        c.request("textDocument/hover", at(line, ch))
    for line, ch in [(6, 9), (8, 0), (9, 0)]:
        r = c.request("textDocument/completion", at(line, ch))
        items = r["result"]["items"] if isinstance(r["result"], dict) else (r["result"] or [])
        if items:
            c.request("completionItem/resolve", items[0])
    c.request("textDocument/codeAction", dict(doc, range=everything, context={"diagnostics": diags}))
    c.request("textDocument/codeAction", dict(doc, range=everything, context={"diagnostics": [], "only": ["source.fixAll"]}))
    c.request("textDocument/semanticTokens/full", doc)
    c.request("textDocument/documentLink", doc)
    c.request("textDocument/inlayHint", dict(doc, range=everything))
    c.request("workspace/executeCommand", {"command": "fazhi.checkDocument", "arguments": [{"uri": notes}]})
    c.request("textDocument/hover", {"textDocument": 1})  # malformed: an error response
    c.notify("workspace/didChangeConfiguration", {"settings": {}})
    c.request("textDocument/documentSymbol", doc)
    c.notify("textDocument/didClose", doc)
    return c.close()


def main():
    if len(sys.argv) != 3:
        sys.stderr.write("usage: session.py FAZHI LOG\n")
        return 2
    fazhi, log = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory(prefix="fazhi-conf-") as folder:
        codes = [run(fazhi, log, pull, folder) for pull in (False, True)]
    if any(codes):
        print("server exit codes:", codes)
        return 1
    print("session recorded:", log)
    return 0


if __name__ == "__main__":
    sys.exit(main())
