#!/usr/bin/env python3
"""Generates a folder of invented annual reports for measuring `fazhi review` at scale.

  python3 Scripts/gen_review_corpus.py OUT_DIR [--count 1000] [--previous 300] [--seed 1]

Writes OUT_DIR/current/*.txt (reports on 2024), OUT_DIR/previous/*.txt (reports on 2023 of the first
--previous units) and OUT_DIR/manifest.json, which lists what was planted: pairs of reports sharing a
copied paragraph, units whose 2025 plans repeat their 2024 plans, late dates and left-out parts.

The units, villages and sentences are invented from small word pools (no text from real reports). Each
report mixes the drafter's own sentences with standard phrases from the knowledge base (phrases.json),
as real reports do; about a third carry one county template sentence (common wording, not copying);
about one in ten copies one or two paragraphs from another unit with the names and figures changed.
Deterministic for a given seed.
"""
import argparse, json, os, random

SYL = ("云 溪 石 桥 白 沙 青 禾 柳 塘 松 岗 梅 林 竹 园 杏 花 枫 岭 兰 亭 荷 田 桂 湾 杨 庄 泉 口 凤 凰 龙 潭 金 川 "
       "银 河 平 安 新 丰 永 宁 长 乐 东 西 南 北 中 上 下 前 后 大 小 高 低 古 城 马 鞍 牛 头 鹤 鸣 燕 归 雁 峰 玉 屏 "
       "翠 湖 碧 水 红 岩 黄 土 紫 阳 清 溪 明 月 星 光 春 秋 夏 冬 茶 山 稻 香 麦 浪 桃 李 杉 樟 榆 槐 柏 桑 麻 芦").split()
KINDS = [("镇", "镇人民政府", "镇"), ("乡", "乡人民政府", "乡"), ("街道", "街道办事处", "街道"), ("局", "局", "局")]
BUREAUS = ["司法局", "市场监督管理局", "自然资源局", "生态环境局", "交通运输局", "农业农村局", "住房和城乡建设局",
           "卫生健康局", "教育局", "民政局", "人力资源和社会保障局", "应急管理局", "文化和旅游局", "水利局", "林业局"]
WHO = ["党委", "政府", "司法所", "综合行政执法队", "便民服务中心", "综治中心", "派出所", "村两委", "网格员队伍", "驻村律师",
       "法律顾问", "调解委员会", "农业服务中心", "退役军人服务站", "自然资源所", "财政所", "社会事务办", "应急办"]
DID = ["牵头梳理了", "逐户走访了", "集中清理了", "重新修订了", "分片核查了", "专门编印了", "联合开展了", "跟踪督办了",
       "逐项复核了", "全面排查了", "试点推行了", "分批培训了", "统一登记了", "现场调处了", "上门回访了", "公开征求了"]
WHAT = ["宅基地审批档案", "山林权属台账", "土地承包合同", "集体资产清单", "村规民约条款", "渡口安全档案", "农药经营门店",
        "石材企业名单", "养殖场排污口", "小微企业诉求", "农民工工资台账", "防汛转移路线", "危房改造名册", "校车接送线路",
        "集贸市场摊位", "民宿消防设施", "古树名木档案", "河道采砂点位", "殡葬改革事项", "低保审核材料", "征地补偿方案",
        "老旧小区物业", "电动车充电棚", "农村供水工程", "乡村道路养护", "垃圾分类站点", "红白理事会章程", "文物保护标志"]
HOW = ["发现的问题当场交办整改", "群众意见逐条登记回复", "结果在村务公开栏张贴", "每月向党委会报告进展", "对照法规逐条把关",
       "整理成册分发到各村", "形成问题清单限期销号", "邀请人大代表全程监督", "录入执法信息平台留痕", "请法律顾问出具书面意见"]
WHEN = ["春节前", "汛期前", "秋收后", "年中", "三月份", "国庆前后", "每季度末", "开学前", "冬修期间", "赶集日"]
RESULT = ["群众反映的{n}个问题全部办结", "化解纠纷{n}件", "纠正不规范做法{n}处", "受益群众{n}人次", "补齐缺失材料{n}份",
          "收回欠款{n}万元", "清退违规事项{n}项", "新增持证人员{n}名", "减少重复检查{n}次", "完成整改{n}项"]
TEMPLATE = "根据县委依法治县办的统一部署，我们对照年初印发的工作要点逐月自查，确保各项任务按时间节点推进到位并留存台账备查。"


def name(rng, n=2):
    return "".join(rng.choice(SYL) for _ in range(n))


def sentence(rng, village):
    # Random names inside keep the fixed pieces short, as the drafters' own words are in real reports.
    return (f"{rng.choice(WHEN)}，{rng.choice(WHO)}在{village}村{rng.choice(DID)}{name(rng, 2)}片{rng.choice(WHAT)}，"
            f"{rng.choice(HOW)}，{name(rng, 2)}组{rng.choice(RESULT).format(n=rng.randint(2, 380))}。")


def paragraph(rng, villages, k):
    return "".join(sentence(rng, rng.choice(villages)) for _ in range(k))


def standard(phrases, context, rng, k):
    pool = [p["text"] for p in phrases if context in p["contexts"] and "\n" not in p["text"]
            and "如下" not in p["text"] and not p["text"].startswith("（")]
    return rng.sample(pool, min(k, len(pool)))


def make_unit(rng, i, county):
    kind, org, self_word = KINDS[i % 4] if i % 7 else KINDS[3]
    if kind == "局":
        return {"name": f"{county}县{BUREAUS[i % len(BUREAUS)]}{'' if i < len(BUREAUS) else name(rng, 1) + '分局'}",
                "org": "", "self": "局", "kind": "局"}
    base = name(rng, 2)
    return {"name": f"{county}县{base}{kind}", "org": org[len(kind):] if kind != "街道" else "办事处", "self": self_word, "kind": kind}


def report(rng, unit, year, phrases, body_paras, plans, template, drop_leadership, late, copied=None):
    me = unit["self"]
    villages = [name(rng, 2) for _ in range(6)]
    lines = [f"{unit['name']}{unit['org']}", f"关于{year}年度法治政府建设情况的报告", "", f"{unit['name'][:unit['name'].index('县') + 1]}人民政府："]
    opening = standard(phrases, "opening", rng, 1)[0].replace("2025", str(year)).replace("我镇", "我" + me)
    lines.append(opening + "现将有关情况报告如下：")
    lines.append(f"一、{year}年推进法治政府建设的主要举措和成效")
    titles = ["强化组织领导", "规范行政决策", "严格规范执法", "化解矛盾纠纷", "深化普法宣传", "推进政务公开", "加强队伍建设", "优化营商环境"]
    for n, para in enumerate(body_paras):
        extra = " ".join(standard(phrases, "measures", rng, 1)).replace("我镇", "我" + me)
        t = template if (template and n == 0) else ""
        lines.append(f"（{'一二三四五六七八九十'[n]}）{titles[n % len(titles)]}。{extra}{t}{para}")
    n = 2
    if not drop_leadership:
        lines.append(f"二、党政主要负责人履行推进法治建设第一责任人职责情况")
        lines.append(" ".join(standard(phrases, "leadership", rng, 2)).replace("镇", me) + paragraph(rng, villages, 2))
        n = 3
    cn = "一二三四五六"
    lines.append(f"{cn[n - 1]}、{year}年推进法治政府建设存在的不足和原因")
    lines.append(paragraph(rng, villages, 1) + "原因是" + rng.choice(WHO) + "力量不足，" + rng.choice(HOW) + "的机制还不健全。")
    lines.append(f"{cn[n]}、{year + 1}年推进法治政府建设的主要安排")
    lines.extend(plans)
    lines.append(f"{cn[n + 1]}、其他需要报告的情况")
    lines.append("无。")
    lines += ["", "特此报告。", "", f"{unit['name']}{unit['org']}",
              f"{year + 1}年{rng.choice([4, 5]) if late else rng.choice([1, 2, 3])}月{rng.randint(1, 28)}日"]
    return "\n".join(lines) + "\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--previous", type=int, default=300)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--paragraphs", type=int, default=7, help="paragraphs in the measures part (size of a report)")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    here = os.path.dirname(os.path.abspath(__file__))
    phrases = json.load(open(os.path.join(here, "../Sources/FazhiKnowledge/Resources/phrases.json"), encoding="utf-8"))["phrases"]
    county = "青禾"
    units, seen = [], set()
    while len(units) < a.count:
        u = make_unit(rng, len(units), county)
        if u["name"] not in seen:
            seen.add(u["name"])
            units.append(u)
    os.makedirs(os.path.join(a.out, "current"), exist_ok=True)
    os.makedirs(os.path.join(a.out, "previous"), exist_ok=True)
    manifest = {"copies": [], "planRepeats": [], "late": [], "missingLeadership": [], "templates": 0}
    bodies, unit_villages = [], []
    for i, u in enumerate(units):
        villages = [name(rng, 2) for _ in range(6)]
        unit_villages.append(villages)
        bodies.append([paragraph(rng, villages, rng.randint(3, 6)) for _ in range(a.paragraphs)])
    plans_by_unit = {}
    # Earlier-year reports for the first --previous units: their 2024 plans.
    for i, u in enumerate(units[:a.previous]):
        villages = [name(rng, 2) for _ in range(4)]
        plans = [f"（{'一二三'[k]}）" + paragraph(rng, villages, 2) for k in range(3)]
        plans_by_unit[i] = plans
        body = [paragraph(rng, villages, rng.randint(3, 6)) for _ in range(a.paragraphs)]
        text = report(rng, u, 2023, phrases, body, plans, None, False, False)
        open(os.path.join(a.out, "previous", f"p{i:05d}.txt"), "w", encoding="utf-8").write(text)
    for i, u in enumerate(units):
        body = bodies[i]
        copied_from = None
        if i > 0 and rng.random() < 0.1:
            j = rng.randrange(i)
            copied_from = j
            # Copy one or two of j's paragraphs, a village renamed and a figure changed as a drafter would.
            for k in range(rng.choice([1, 2])):
                src = bodies[j][rng.randrange(len(bodies[j]))]
                for v in unit_villages[j]:
                    if v + "村" in src:
                        src = src.replace(v + "村", unit_villages[i][0] + "村", 1)
                        break
                body[k] = src.replace("1", "7", 1)
            manifest["copies"].append([f"current/r{j:05d}.txt", f"current/r{i:05d}.txt"])
        template = TEMPLATE if rng.random() < 0.33 else None
        if template: manifest["templates"] += 1
        if i in plans_by_unit and rng.random() < 0.3:
            plans = plans_by_unit[i]
            manifest["planRepeats"].append(f"current/r{i:05d}.txt")
        else:
            villages = [name(rng, 2) for _ in range(4)]
            plans = [f"（{'一二三'[k]}）" + paragraph(rng, villages, 2) for k in range(3)]
        drop = rng.random() < 0.08
        late = rng.random() < 0.12
        if drop: manifest["missingLeadership"].append(f"current/r{i:05d}.txt")
        if late: manifest["late"].append(f"current/r{i:05d}.txt")
        text = report(rng, u, 2024, phrases, body, plans, template, drop, late)
        open(os.path.join(a.out, "current", f"r{i:05d}.txt"), "w", encoding="utf-8").write(text)
    json.dump(manifest, open(os.path.join(a.out, "manifest.json"), "w", encoding="utf-8"), ensure_ascii=False, indent=1)
    total = sum(os.path.getsize(os.path.join(a.out, "current", f)) for f in os.listdir(os.path.join(a.out, "current")))
    print(f"{a.count} reports ({total / 1e6:.1f} MB), {a.previous} earlier-year reports, "
          f"{len(manifest['copies'])} planted copies, {len(manifest['planRepeats'])} repeated plans")


if __name__ == "__main__":
    main()
