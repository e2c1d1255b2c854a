#!/usr/bin/env python3
"""Writes large inputs for the scaling measurements in docs/performance.md.

Usage: scale_inputs.py OUTDIR [MB ...]   (default sizes: 1 4 16 64)
For each size N it writes, into OUTDIR:
  repeat-NMB.txt    the example report pasted over and over (a long report with every kind of finding)
  oneline-NMB.txt   one huge line: the example's lines joined without line breaks
  tiny-NMB.txt      many very short lines ("一、" / "a" / "" / "（1）" ...)
The example is read from Examples/; nothing here is copied into the project.
"""
import os, sys

here = os.path.dirname(os.path.abspath(__file__))
example = os.path.join(here, "..", "Examples", "云溪镇2024年度法治政府建设情况报告.txt")

def fill(path, unit, size):
    n = max(1, size // len(unit))
    with open(path, "wb") as f:
        chunk = unit * max(1, min(n, (1 << 22) // len(unit)))
        written = 0
        while written + len(chunk) <= n * len(unit):
            f.write(chunk); written += len(chunk)
        while written < n * len(unit):
            f.write(unit); written += len(unit)

def main():
    out = sys.argv[1]
    sizes = [float(s) for s in sys.argv[2:]] or [1, 4, 16, 64]
    os.makedirs(out, exist_ok=True)
    data = open(example, "rb").read()
    oneline = data.replace(b"\r", b"").replace(b"\n", b"")
    tiny = "一、\na\n\n（1）\n。\n2024年\n".encode()
    for mb in sizes:
        size = int(mb * 1_000_000)
        tag = ("%g" % mb) + "MB"
        fill(os.path.join(out, "repeat-%s.txt" % tag), data, size)
        fill(os.path.join(out, "oneline-%s.txt" % tag), oneline, size)
        fill(os.path.join(out, "tiny-%s.txt" % tag), tiny, size)

main()
