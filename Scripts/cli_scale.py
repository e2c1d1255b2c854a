#!/usr/bin/env python3
"""Command-line figures for large inputs (docs/performance.md): wall time and peak RSS of
`fazhi lint --format text|json FILE` for inputs written by Scripts/scale_inputs.py.

Usage: cli_scale.py --bin FAZHI [--sizes 1,4,16,64] [--shapes repeat,oneline] [--runs 3] INPUT_DIR
Prints one JSON object: {"rows": [{"shape", "mb", "format", "seconds", "peakRssMB", "mbPerSecond"}]}.
Each figure is the median of --runs processes (one run above 16 MB).
"""
import argparse, json, os, subprocess, sys, time

def run(cmd):
    t = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(p.pid, 0)
    return time.perf_counter() - t, usage.ru_maxrss / 1024

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True); ap.add_argument("--sizes", default="1,4,16,64")
    ap.add_argument("--shapes", default="repeat,oneline"); ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("dir")
    a = ap.parse_args()
    rows = []
    for shape in a.shapes.split(","):
        for size in a.sizes.split(","):
            path = os.path.join(a.dir, "%s-%sMB.txt" % (shape, size))
            mb = os.path.getsize(path) / 1e6
            for fmt in ("text", "json"):
                runs = a.runs if float(size) <= 16 else 1
                res = sorted(run([a.bin, "lint", "--format", fmt, path]) for _ in range(runs))
                secs, rss = res[len(res) // 2]
                rows.append({"shape": shape, "mb": float(size), "format": fmt, "seconds": round(secs, 3),
                             "peakRssMB": round(rss, 1), "mbPerSecond": round(mb / secs, 1)})
                print("%s %s MB %s: %.2f s, %.0f MB" % (shape, size, fmt, secs, rss), file=sys.stderr, flush=True)
    print(json.dumps({"rows": rows}, ensure_ascii=False))

main()
