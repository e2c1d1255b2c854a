#!/usr/bin/env python3
"""Renders docs/performance.md from the measurements Scripts/bench.sh collected in a folder."""
import datetime, json, os, platform, subprocess, sys

d = sys.argv[1]
def load(name):
    try: return json.load(open(os.path.join(d, name)))
    except Exception: return None
bench, lat50, lat1m, rss = load("bench.json"), load("lat50.json"), load("lat1m.json"), load("rss.json")
cli, lsp = load("cli_scale.json"), load("lsp_scale.json")

def cpu():
    try:
        for l in open("/proc/cpuinfo"):
            if l.startswith("model name"): return l.split(":", 1)[1].strip()
    except OSError: pass
    return platform.processor() or "unknown"
swift = subprocess.run(["swift", "--version"], capture_output=True, text=True).stdout.splitlines()[0] if True else ""

rows = []
def row(what, value, target, ok):
    rows.append(f"| {what} | {value} | {target} | {'✅ 达标' if ok else '❌ 未达标'} |")
def b(key): return bench[key]["value"] if bench and key in bench else None

if bench:
    row("单核检查吞吐量（合成报告 %.1f MB）" % bench["corpusMB"], "%.1f MB/s" % b("lintThroughputMBps"), "≥ 50 MB/s", b("lintThroughputMBps") >= 50)
    row("解析 1 MB 报告", "%.2f ms" % b("parse1MBMs"), "< 50 ms", b("parse1MBMs") < 50)
    row("知识库加载（全部数据文件；自动机在首次使用时构建）", "%.2f ms" % b("knowledgeLoadMs"), "< 20 ms", b("knowledgeLoadMs") < 20)
    if b("coldStartKnowledgeMs") is not None:
        row("冷启动：新进程首次检查比再次检查多用的时间（知识库 + 组合自动机）", "%.2f ms" % b("coldStartKnowledgeMs"), "≤ 10 ms", b("coldStartKnowledgeMs") <= 10)
    if b("folderTextMBps") is not None:
        row("文件夹 200 份 10 KB 报告，`fazhi lint` 整个进程，文本输出", "%.1f MB/s" % b("folderTextMBps"), "≥ 30 MB/s", b("folderTextMBps") >= 30)
        row("同上，JSON 输出", "%.1f MB/s" % b("folderJSONMBps"), "≥ 30 MB/s", b("folderJSONMBps") >= 30)
    if b("serverInitializeMs") is not None:
        row("进程启动到答复 initialize（fazhi bench）", "%.2f ms" % b("serverInitializeMs"), "< 30 ms", b("serverInitializeMs") < 30)
if lat50:
    row("didChange → publishDiagnostics，50 KB，p50（lsp_latency.py，%d 次编辑）" % lat50["edits"], "%.2f ms" % lat50["p50_ms"], "< 3 ms", lat50["p50_ms"] < 3)
    row("didChange → publishDiagnostics，50 KB，p99", "%.2f ms" % lat50["p99_ms"], "< 10 ms", lat50["p99_ms"] < 10)
    row("initialize 往返（lsp_latency.py，含进程启动）", "%.2f ms" % lat50["startup_ms"], "< 30 ms", lat50["startup_ms"] < 30)
if lat1m:
    row("didChange → publishDiagnostics，1 MB，p50（%d 次编辑）" % lat1m["edits"], "%.2f ms" % lat1m["p50_ms"], "≤ 30 ms", lat1m["p50_ms"] <= 30)
if rss:
    row("打开 %d 份 50 KB 报告时的峰值内存（VmHWM）" % rss["documents"], "%.1f MB" % rss["peak_rss_mb"], "< 60 MB", rss["peak_rss_mb"] < 60)

detail = []
if bench:
    for k, label in [("parse10KBMs", "解析 10 KB"), ("lint10KBMs", "解析并检查 10 KB"), ("parse50KBMs", "解析 50 KB"), ("lint50KBMs", "解析并检查 50 KB"),
                     ("lint1MBMs", "解析并检查 1 MB"), ("relintAfterEdit50KBMs", "50 KB 改一个字后重新解析并检查"),
                     ("relintAfterEdit1MBMs", "1 MB 改一个字后重新解析并检查"),
                     ("lintThroughputAllCoresMBps", "全部核心并行检查吞吐量")]:
        if k in bench: detail.append(f"| {label} | {bench[k]['value']:.2f} {bench[k]['unit']} |")
for name, l in [("50 KB", lat50), ("1 MB", lat1m)]:
    if l: detail.append(f"| {name}：首次诊断 / p90 / 最大 | {l['first_diag_ms']:.1f} / {l['p90_ms']:.2f} / {l['max_ms']:.2f} ms；单文档峰值内存 {l['peak_rss_mb']} MB |")

scaling = []
if cli:
    shapes = {"repeat": "示例报告重复拼接", "oneline": "同上去掉换行（一行）"}
    by = {}
    for r in cli["rows"]: by.setdefault((r["shape"], r["mb"]), {})[r["format"]] = r
    scaling.append("| 输入 | 大小 | 文本输出 | JSON 输出 | 峰值内存（文本 / JSON） |")
    scaling.append("| --- | --- | --- | --- | --- |")
    for (shape, mb), f in by.items():
        t, j = f["text"], f["json"]
        scaling.append(f"| {shapes.get(shape, shape)} | {mb:g} MB | {t['seconds']:.2f} s（{t['mbPerSecond']:.1f} MB/s） | "
                       f"{j['seconds']:.2f} s（{j['mbPerSecond']:.1f} MB/s） | {t['peakRssMB']:.0f} / {j['peakRssMB']:.0f} MB |")
server = []
if lsp:
    server.append("| 文档大小 | 打开到首次诊断 | 诊断条数 | 服务器峰值内存 |")
    server.append("| --- | --- | --- | --- |")
    for r in lsp["open"]:
        server.append(f"| {r['mb']:g} MB | {r['firstDiagnosticsMs'] / 1000:.2f} s | {r['diagnostics']} | {r['peakRssMB']:.0f} MB |")
    bz = lsp.get("busy")
    if bz:
        server.append("")
        server.append(f"打开 {bz['mb']:g} MB 文档后（正在检查时），对另一份小文档逐个发送 {bz['requests']} 个 hover 请求："
                      f"p50 {bz['p50Ms']:.3f} ms，p90 {bz['p90Ms']:.3f} ms，最大 {bz['maxMs']:.1f} ms；"
                      + ("全部答复都早于大文档的诊断。" if bz["allBeforeLargeDiagnostics"] else "部分答复晚于大文档的诊断。"))

print(f"""# 性能

本页由 `bash Scripts/bench.sh` 一条命令生成（{datetime.date.today().isoformat()}），请勿手工编辑。数字来自 release 构建。

## 与目标对照

| 项目 | 结果 | 目标 | |
| --- | --- | --- | --- |
{chr(10).join(rows)}

## 其他数字

| 项目 | 结果 |
| --- | --- |
{chr(10).join(detail)}

## 大输入

`fazhi lint` 整个进程的耗时和峰值常驻内存（`Scripts/cli_scale.py`；输入由 `Scripts/scale_inputs.py` 生成）。
超过 64 MB（64 MiB）的文件不检查，只给出一条说明（见 README）。

{chr(10).join(scaling)}

语言服务器（`Scripts/lsp_scale.py`；时间从发出 didOpen 到收到该版本的 publishDiagnostics，含客户端解析诊断的时间）：

{chr(10).join(server)}

## 机器与方法

- 机器：{cpu()}，{os.cpu_count()} 核；{platform.system()} {platform.release()}；{swift}。
- `fazhi bench`：在确定性生成的合成报告（结构、层次序数、数字、法律名称与常见瑕疵齐全）上计时，每项取多个样本的中位数（一个样本是持续至少 2 ms 的一批调用的平均）；
  吞吐量语料为 60 份 40–160 KB 的报告。
- `../shared/tools/lsp_latency.py`：从外部启动 `fazhi lsp`，打开报告，在中间一行交替插入、删除一个字符，
  记录每次 `didChange` 到带对应版本号的 `publishDiagnostics` 的时间。
- `Scripts/rss_ten_docs.py`：打开 10 份 50 KB 报告并各编辑一次后，读取进程的 VmHWM（峰值常驻内存）。
- 构建：`swift build -c release --static-swift-stdlib`（Linux 上静态链接 Swift 运行库，进程启动约 3 ms，动态链接约 8 ms）。
- 机器由多人共用，负载会使“整个进程”的数字波动；表中为中位数。
- 测试中不做计时断言；性能回归由本页数字发现。
- 比较两个版本的方法与最近一次对比（读懂真实报告之后的代价）见 `docs/performance-compare.md`。
""")

# Batch review (`fazhi review`) is measured separately by Scripts/review_scale.sh; its time-and-memory table is
# carried over here so this page keeps every figure.
review = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "docs", "performance-review.md")
if os.path.exists(review):
    text = open(review, encoding="utf-8").read()
    start = text.find("## 时间与内存")
    end = text.find("\n## ", start + 1)
    if start >= 0:
        table = text[start:end if end > 0 else len(text)].split("\n", 1)[1].strip()
        print("\n## 批量审核（fazhi review）\n\n由 `bash Scripts/review_scale.sh` 测量（生成的虚构报告，HTML 审核表，对照往年报告），"
              "详见 `docs/performance-review.md`（各阶段用时、雷同检测的结果、增长在哪里）。\n\n" + table)
