#!/usr/bin/env python3
"""Renders docs/performance-review.md from what Scripts/review_scale.sh measured in a folder."""
import collections, datetime, json, os, platform, re, subprocess, sys

root, sizes = sys.argv[1], [int(x) for x in sys.argv[2:]]


def time_v(path):
    t = open(path, encoding="utf-8").read()
    def num(label):
        m = re.search(re.escape(label) + r":\s*([0-9.:]+)", t)
        return m.group(1) if m else None
    wall = num("Elapsed (wall clock) time (h:mm:ss or m:ss)")
    parts = [float(x) for x in wall.split(":")] if wall else [0]
    seconds = sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
    phases = re.findall(r"用时\s+([0-9.]+) 秒\s+(.*)", t)
    stats = re.search(r"指纹 (\d+) 个，种子 (\d+) 个，段落 (\d+) 个；检测 ([0-9.]+) 秒", t)
    return {"wall": seconds, "user": float(num("User time (seconds)") or 0), "sys": float(num("System time (seconds)") or 0),
            "rss_mb": int(num("Maximum resident set size (kbytes)") or 0) / 1024, "phases": phases,
            "fingerprints": int(stats.group(1)) if stats else 0, "seeds": int(stats.group(2)) if stats else 0,
            "passages": int(stats.group(3)) if stats else 0, "detect": float(stats.group(4)) if stats else 0}


def accuracy(d):
    """Planted copies and plan repeats against what the JSON reports."""
    m = json.load(open(os.path.join(d, "manifest.json"), encoding="utf-8"))
    r = json.load(open(os.path.join(d, "review.json"), encoding="utf-8"))
    base = os.path.join(d, "")
    rel = lambda p: p[len(base):] if p.startswith(base) else p
    found = set()
    for rep in r["reports"]:
        for p in rep["copy"]["passages"]:
            if not p["other"]["previous"]:
                found.add(tuple(sorted([rel(rep["path"]), rel(p["other"]["path"])])))
    planted = set(tuple(sorted(x)) for x in m["copies"])
    # Two reports that copied from the same third one share the passage too: not a false find.
    g = collections.defaultdict(set)
    for a, b in planted:
        g[a].add(b)
        g[b].add(a)
    def linked(a, b):
        seen, todo = {a}, [a]
        while todo:
            for z in g[todo.pop()]:
                if z not in seen:
                    seen.add(z)
                    todo.append(z)
        return b in seen
    unexplained = [p for p in found - planted if not linked(*p)]
    repeats = set(rel(x["path"]) for x in r["reports"] if x["copy"]["planRepeat"])
    return {"planted": len(planted), "hit": len(planted & found), "found": len(found), "chained": len(found - planted) - len(unexplained),
            "unexplained": len(unexplained), "repeatsPlanted": len(m["planRepeats"]), "repeatsHit": len(repeats & set(m["planRepeats"])),
            "repeatsFound": len(repeats)}


def mb(d):
    c = os.path.join(d, "current")
    return sum(os.path.getsize(os.path.join(c, f)) for f in os.listdir(c)) / 1e6


def cpu():
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


rows, acc_rows, phase_rows = [], [], []
points = []  # (reports, peak RSS MB, CPU seconds, wall seconds) for the fit below
for n in sizes:
    d = os.path.join(root, f"n{n}")
    t = time_v(os.path.join(d, "time.txt"))
    a = accuracy(d)
    html = os.path.getsize(os.path.join(d, "审核.html")) / 1e6
    cpu_s = t["user"] + t["sys"]
    points.append((n, t["rss_mb"], cpu_s, t["wall"]))
    rows.append(f"| {n} | {int(n * 0.3)} | {mb(d):.1f} MB | {t['wall']:.2f} s | {cpu_s:.2f} s | {1000 * t['wall'] / n:.2f} ms | "
                f"{t['rss_mb']:.0f} MB | {1024 * t['rss_mb'] / n:.0f} KB | {html:.1f} MB |")
    acc_rows.append(f"| {n} | {a['hit']}/{a['planted']} | {a['chained']} | {a['unexplained']} | {a['repeatsHit']}/{a['repeatsPlanted']} | "
                    f"{a['repeatsFound'] - a['repeatsHit']} |")
    ph = {w.split("（")[0]: s for s, w in t["phases"]}
    phase_rows.append(f"| {n} | {float(ph.get('读取、解析、检查并准备比对', 0)):.2f} | {float(ph.get('读取并解析往年报告', 0)):.2f} | "
                      f"{t['detect']:.2f} | {float(ph.get('雷同检测与汇总', 0)):.2f} | {float(ph.get('生成 HTML', 0)):.2f} | "
                      f"{t['fingerprints']:,} | {t['seeds']:,} | {t['passages']:,} |")

def fit(ys):
    """Least-squares line through (reports, y): intercept and slope per report."""
    xs = [p[0] for p in points]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    sxx = sum((x - mx) ** 2 for x in xs) or 1
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sxx
    return my - slope * mx, slope

rss0, rss1 = fit([p[1] for p in points])
cpu0, cpu1 = fit([p[2] for p in points])
wall0, wall1 = fit([p[3] for p in points])
swift = subprocess.run(["swift", "--version"], capture_output=True, text=True).stdout.splitlines()[0]
print(f"""# 批量审核（`fazhi review`）的性能

本页由 `bash Scripts/review_scale.sh` 生成（{datetime.date.today().isoformat()}），请勿手工编辑。数字来自 release 构建。
报告由 `Scripts/gen_review_corpus.py` 生成：虚构的单位和村名，每份约 7–8 KB（约 2,500 字），正文混有知识库中的标准表述；
约三分之一的报告带同一句县里的模板句（通用表述），约十分之一的报告从另一单位抄了一两段（改了村名和数字），
往年报告为前 30% 单位的上一年度报告，其中约三成单位的下一年度安排照搬了上年。每次运行生成 HTML 审核表并对照往年报告。

## 时间与内存（/usr/bin/time -v）

| 报告数 | 往年报告 | 报告总大小 | 墙钟时间 | CPU 时间（用户+系统） | 每份报告 | 峰值内存（RSS） | 每份报告的内存 | 审核表大小 |
| --- | --- | --- | --- | --- | --- | --- | --- | --- |
""" + "\n".join(rows) + f"""

## 时间花在哪里（秒，`fazhi review --timings`）

| 报告数 | 读取、解析、检查、准备比对（并行） | 往年报告 | 雷同检测 | 雷同检测与汇总合计 | 生成 HTML | 指纹 | 种子 | 雷同段落 |
| --- | --- | --- | --- | --- | --- | --- | --- | --- |
""" + "\n".join(phase_rows) + f"""

## 雷同检测的结果与埋设的对照

| 报告数 | 埋设的抄袭对找到 | 经共同来源连带的对 | 无法由埋设解释的对 | 照搬上年安排找到 | 误报的照搬安排 |
| --- | --- | --- | --- | --- | --- |
""" + "\n".join(acc_rows) + f"""

“经共同来源连带的对”：两份报告抄了同一份报告的同一段，它们之间也确有相同段落。“无法由埋设解释的对”是生成器
词库太小造成的巧合（固定的小标题、一句标准表述和固定的短句连在一起，约六十字），真实报告中少见。

## 增长在哪里

- **时间**：读取、解析和检查每份报告各自独立，在所有核心上并行，随报告数线性增长，是主要开销。雷同检测单线程：
  全部指纹（约每 5 个字一个）按哈希排序（n log n），同一指纹只在不超过 20 份报告中出现时才两两配对（超过即视为通用表述），
  所以种子数随指纹数线性增长，不会随报告数平方增长；之后逐对延伸并合并为段落，与找到的段落总长成正比。
- **内存**：常驻的是每份报告的原文（为显示雷同段落）、规范化字符（每字 2 字节）、标记（每字 1 字节）、指纹（每个 16 字节）
  和审核表条目（问题及其原句）；检查时的报告模型按每批 64 份处理后即释放。审核表本身（HTML 字符串）也在内存中。
- **拟合**（最小二乘，上表各行）：峰值内存 ≈ {rss0:.0f} MB + 每份报告 {1024 * rss1:.0f} KB；
  CPU 时间 ≈ {max(0, cpu0):.2f} s + 每份报告 {1000 * cpu1:.2f} ms；墙钟时间 ≈ {max(0, wall0):.2f} s + 每份报告 {1000 * wall1:.2f} ms（{os.cpu_count()} 核）。
  按此推算，一万份报告约需 {(rss0 + 10000 * rss1) / 1024:.1f} GB 内存、{wall0 + 10000 * wall1:.0f} 秒。
- **规模**：一个省每年数万份报告时，建议按县（或按市）分别生成审核表——几百至几千份一张表，内存在几百 MB 以内，
  用时十几秒以内；一张包含数万份报告的 HTML 本身就有数百 MB，浏览器难以打开。需要全省汇总时用 `--format json`
  分别输出后合并；若要在全省范围查找互相抄袭，只需保留指纹（每字约 3 字节），可按哈希分片处理。

## 机器

- {cpu()}，{os.cpu_count()} 核；{platform.system()} {platform.release()}；{swift}。
- 测量时机器上还有其他进程在运行（与其他构建共享 2 核），墙钟时间偏大；CPU 时间更能反映工作量。
""")
