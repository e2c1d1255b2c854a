#!/usr/bin/env python3
"""Checks that every message a server sent in recorded sessions (lsp_record.py logs) is valid LSP 3.17:
each is structured with the `lsprotocol` package's converter into the type the specification gives
(responses by the method of the request they answer), then unstructured again; a key that does not survive
the round trip is not a field of that type (a misspelt field) and fails too.

    check_lsp.py LOG...            (pip install lsprotocol)
Prints one line per failure and closes with 'N passed, N failed'. Custom methods (fazhi/…) are skipped.
"""
import json
import sys

try:
    from lsprotocol import converters, types
except ImportError:
    sys.stderr.write("需要 Python 包 lsprotocol：python3 -m pip install lsprotocol\n")
    sys.exit(2)

CONVERTER = converters.get_converter()
# Keys whose value is LSPAny (free-form by the specification): not compared.
FREE = {"data", "initializationOptions", "settings", "experimental", "arguments"}


def extra_keys(sent, back, path="$"):
    """Keys present in what was sent but lost in the round trip (fields the type does not have)."""
    out = []
    if isinstance(sent, dict) and isinstance(back, dict):
        for k, v in sent.items():
            if k in FREE:
                continue
            if k not in back:
                if v is not None:
                    out.append(f"{path}.{k}")
            else:
                out += extra_keys(v, back[k], f"{path}.{k}")
    elif isinstance(sent, list) and isinstance(back, list):
        for i, (a, b) in enumerate(zip(sent, back)):
            out += extra_keys(a, b, f"{path}[{i}]")
    return out


def check(msg, requests):
    """Returns None when valid, else a reason."""
    if "method" in msg:
        method = msg["method"]
        if method.startswith("fazhi/") or method.startswith("$/"):
            return "skip"
        entry = types.METHOD_TO_TYPES.get(method)
        if entry is None:
            return f"unknown method {method}"
        cls = entry[0]
    elif "error" in msg and msg.get("error") is not None:
        cls = types.ResponseErrorMessage
    else:
        method = requests.get(json.dumps(msg.get("id")))
        if method is None:
            return "response to an unknown request id"
        if method.startswith("fazhi/"):
            return "skip"
        entry = types.METHOD_TO_TYPES.get(method)
        if entry is None or entry[1] is None:
            return f"no response type for {method}"
        cls = entry[1]
    if cls is types.CodeActionResponse and isinstance(msg.get("result"), list):
        # (Command | CodeAction)[]: the converter picks the union member by shape and takes a CodeAction
        # that carries a command for a Command; a CodeAction's `command` is an object, a Command's a string.
        for i, item in enumerate(msg["result"]):
            member = types.Command if isinstance(item.get("command"), str) else types.CodeAction
            lost = extra_keys(item, CONVERTER.unstructure(CONVERTER.structure(item, member), member), f"$.result[{i}]")
            if lost:
                return "not fields of " + member.__name__ + ": " + ", ".join(lost[:5])
        return None
    obj = CONVERTER.structure(msg, cls)
    back = CONVERTER.unstructure(obj, cls)
    lost = extra_keys(msg, back)
    if lost:
        return "not fields of " + cls.__name__ + ": " + ", ".join(lost[:5])
    return None


def main(paths):
    passed = failed = skipped = 0
    for path in paths:
        requests = {}  # client request id -> method
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                rec = json.loads(line)
                msg = rec["msg"]
                if rec["dir"] == "c2s":
                    if "method" in msg and "id" in msg:
                        requests[json.dumps(msg["id"])] = msg["method"]
                    continue
                what = msg.get("method") or "response to " + str(requests.get(json.dumps(msg.get("id")), "?"))
                try:
                    reason = check(msg, requests)
                except Exception as e:  # cattrs raises a group of structuring errors
                    reason = f"{type(e).__name__}: {e}"
                    if hasattr(e, "exceptions"):
                        reason += " — " + "; ".join(str(x) for x in e.exceptions[:3])
                if reason == "skip":
                    skipped += 1
                elif reason is None:
                    passed += 1
                else:
                    failed += 1
                    print(f"FAIL {path}:{n} {what}: {reason}")
    print(f"lsp conformance: {passed} passed, {failed} failed, {skipped} skipped")
    return 1 if failed or passed == 0 else 0


def self_test():
    """The checker must reject what it is for: the initialize result fazhi sent before (diagnosticProvider
    without interFileDependencies), a misspelt field, a severity out of range."""
    req = {json.dumps(1): "initialize", json.dumps(2): "textDocument/hover"}
    bad = [
        {"jsonrpc": "2.0", "id": 1, "result": {"capabilities": {"diagnosticProvider": {
            "identifier": "fazhi", "interDocumentDependencies": False, "workspaceDiagnostics": False}}}},
        {"jsonrpc": "2.0", "id": 2, "result": {"contents": {"kind": "markdown", "value": "x"}, "rnage": None,
                                                "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "charcter": 1}}}},
        {"jsonrpc": "2.0", "method": "textDocument/publishDiagnostics", "params": {"uri": "file:///a", "diagnostics": [
            {"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 1}}, "severity": 7, "message": "m"}]}},
    ]
    good = {"jsonrpc": "2.0", "id": 1, "result": {"capabilities": {"diagnosticProvider": {
        "identifier": "fazhi", "interFileDependencies": False, "workspaceDiagnostics": False}}}}
    failures = 0
    for msg in bad:
        try:
            accepted = check(msg, req) is None
        except Exception:
            accepted = False
        if accepted:
            failures += 1
            print("self-test: accepted an invalid message:", json.dumps(msg, ensure_ascii=False))
    if check(good, req) is not None:
        failures += 1
        print("self-test: rejected a valid initialize result")
    print(f"check_lsp self-test: {len(bad) + 1 - failures} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    if sys.argv[1:] == ["--self-test"]:
        sys.exit(self_test())
    if len(sys.argv) < 2:
        sys.stderr.write("usage: check_lsp.py LOG...\n")
        sys.exit(2)
    sys.exit(main(sys.argv[1:]))
