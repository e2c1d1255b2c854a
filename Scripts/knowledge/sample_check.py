#!/usr/bin/env python3
"""Checks `fazhi explain` against the mirrors for a fixed random sample of the catalogue.

Usage:
    python3 Scripts/knowledge/sample_check.py --lawrefbook PATH --laosheng PATH [--fazhi BIN] [--n 40] [--seed 11]

Picks N entries (fixed seed) among those whose sources cite a mirror file, runs `fazhi explain 《name》` for
each, reads every fact it prints (name, issuer, adoption, amendments, commencement, status, repeal date,
order number) and checks each one against the mirror file the entry cites, independently of the
generator: the date must stand in that file's header (or its file name, its final article, the
commencement list, or flk's valid_from), the name must be the file's title, the issuer must be the body
named in the header, and the status must agree with the in-force lists or a successor's final article.
Prints a markdown table; exits 1 when a printed fact disagrees with its source.
"""
import argparse
import json
import os
import random
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import mirrors  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CN_DATE = re.compile(r'(\d{4})年(?:(\d{1,2})月)?(?:(\d{1,2})日)?')


def iso(text):
    out = []
    for m in CN_DATE.finditer(text):
        s = m.group(1)
        if m.group(2):
            s += '-%02d' % int(m.group(2))
        if m.group(3):
            s += '-%02d' % int(m.group(3))
        out.append(s)
    return out


def explain(fazhi, name):
    r = subprocess.run([fazhi, 'explain', '《%s》' % name], capture_output=True, text=True)
    facts = {'raw': r.stdout}
    lines = r.stdout.splitlines()
    if lines:
        facts['name'] = lines[0].strip('《》')
    for line in lines:
        k, _, v = line.partition('：')
        if k in ('类别', '制定机关', '状态', '文号'):
            facts[k] = v
        elif k in ('通过或发布', '施行', '废止', '失效'):
            facts[k] = iso(v)[0] if iso(v) else v
        elif k == '修改':
            facts[k] = iso(v)
    if '状态' in facts:
        facts['状态'] = facts['状态'].split('（')[0]
    return facts


def key(n):
    n = re.sub(r'[《》〈〉<>\s\u3000]', '', n)
    return n[7:] if n.startswith('中华人民共和国') else n


class Mirrors:
    def __init__(self, a_path, b_path):
        self.a = mirrors.load_lawrefbook(a_path)
        self.b = mirrors.load_laosheng(b_path)
        self.a_docs = {d['path']: d for d in self.a['docs']}
        self.b_docs = {d['path']: d for d in self.b['texts']}
        self.b_regs = {key(n) for _, n in self.b['regs']}
        self.b_regs_short = [re.sub(r'^(国务院关于|国务院|中国人民解放军|解放军)', '', key(n)) for _, n in self.b['regs']]
        self.finals = {}
        for d in list(self.a['docs']) + list(self.b['texts']):
            when, names = mirrors.final_article(d['text'])
            for n in names:
                self.finals.setdefault(key(n), []).append((d['title'] or d['name'], when))

    def cited_file(self, sources):
        for s in sources:
            m = re.search(r'文本题注：(\S+) (\S+)', s) or re.search(r'镜像文件名，题注缺）：(\S+) (\S+)', s)
            if m:
                path = m.group(2)
                doc = self.a_docs.get(path) or self.b_docs.get(path)
                if doc:
                    return m.group(1), doc
        return None, None


def check(entry, facts, mir):
    """[(field, printed, verdict)] for every fact printed; verdict 'ok' or an explanation."""
    ref, doc = mir.cited_file(entry.get('sources', []))
    if doc is None:
        return [('来源', '', '找不到所引镜像文件')]
    header = doc['head']
    hdates = [d for d, _ in mirrors.segments(header)]
    out = []
    # Name: the mirror file's title (the export's file name carries the full name).
    title = doc['title'] or doc['name']
    title = re.sub(r'（\d{4}年修正文本）$', '', title)
    out.append(('名称', facts.get('name', ''), 'ok' if key(facts.get('name', '')) == key(title) else '题名为“%s”' % title))
    # Issuer: the body named in the first events of the header.
    issuer = facts.get('制定机关', '')
    segs = mirrors.segments(header)
    # The adopting body: the first event (for regulations, the first promulgation may be the second line).
    first = ' '.join(t for _, t in segs[:2]) if entry['kind'] != '法律' else (segs[0][1] if segs else '')
    if issuer == '全国人民代表大会常务委员会':
        ok = '常务委员会' in first
    elif issuer == '全国人民代表大会':
        ok = '全国人民代表大会' in first and '常务委员会' not in first
    elif issuer == '国务院、中央军事委员会':
        ok = '中央军事委员会' in first or '中央军委' in first
    elif issuer == '国务院':
        ok = ('国务院' in first or '国务院' in title or not re.search(r'[部委局院署]', first)) and '中央军' not in first
    else:
        ok = issuer.split('、')[0] in header
    out.append(('制定机关', issuer, 'ok' if ok else '题注为“%s”' % first[:30]))
    # Adoption: the first dated event of the header, or the file name's date when the header is missing.
    adopted = facts.get('通过或发布', '')
    ok = (hdates and adopted in hdates) or (not hdates and adopted == doc.get('date'))
    out.append(('通过或发布', adopted, 'ok' if ok else '题注日期 %s' % hdates[:2]))
    # Amendments: each one in the header or the version date in the file name.
    for d in facts.get('修改', []):
        ok = d in hdates or d == doc.get('date')
        out.append(('修改', d, 'ok' if ok else '题注无此日期'))
    # Commencement: the header, the final article, the commencement list or flk's valid_from.
    if '施行' in facts:
        d = facts['施行']
        cands = set(dd for dd, t in mirrors.segments(header) if '施行' in t)
        when, _ = mirrors.final_article(doc['text'])
        if when and when != 'promulgation':
            cands.add(when)
        if when == 'promulgation':
            cands.update(hdates)
            if doc.get('date'):
                cands.add(doc['date'])  # the database's 公布日期, in the file name
        for n, date in mir.b['effectiveByName'].items():
            if key(n) == key(title):
                cands.add(date)
        for f, date in list(mir.b['inForce'].items()) + list(mir.b['revised'].items()):
            if doc.get('file') == f:
                cands.add(date)
        info = mir.a['db'].get((doc['name'], doc.get('date')))
        if info and info['validFrom']:
            cands.add(info['validFrom'])
        out.append(('施行', d, 'ok' if d in cands else '来源中的施行日期 %s' % sorted(cands)))
    # Status.
    status = facts.get('状态', '')
    finals = mir.finals.get(key(title), [])
    repealed_listed = [r for r in mir.b['repealed'] if key(r['name']) == key(title)]
    if status == '现行有效':
        if entry['kind'] == '法律':
            listed = {re.sub(r'（\d{4}年修正文本）$', '', key(n)) for n in mir.b['effectiveByName']}
            ok = key(title) in listed and not repealed_listed
        else:
            short = re.sub(r'^(国务院关于|国务院|中国人民解放军|解放军)', '', key(title))
            ok = key(title) in mir.b_regs or any(mirrors_subseq(s, short) for s in mir.b_regs_short)
            if not ok and any('未见此名' in s for s in entry.get('sources', [])):
                ok = 'flagged'
        out.append(('状态', status, 'ok' if ok is True else ('ok（来源已注明新清单未见）' if ok == 'flagged' else '新清单未列')))
    else:
        ok = bool(finals) or bool(repealed_listed)
        out.append(('状态', status, 'ok' if ok else '未找到废止依据'))
        rd = facts.get('废止') or facts.get('失效')
        if rd:
            cands = {r['date'] for r in repealed_listed} | {w for _, w in finals if w}
            out.append(('废止', rd, 'ok' if rd in cands or not cands else '来源 %s' % sorted(cands)))
    if '文号' in facts:
        num = facts['文号']
        out.append(('文号', num, 'ok' if num.replace('国务院', '') in header.replace('中华人民共和国', '').replace('国务院', '') else '题注无此令号'))
    # A fact a curated entry takes from elsewhere (a pinned date or number) is checked against the source
    # line that names it, not against the mirror.
    others = [x for x in entry.get('sources', []) if '文本题注' not in x and '题注缺' not in x]
    checked = []
    for field, value, verdict in out:
        if not verdict.startswith('ok') and value and any(value in x for x in others):
            verdict = 'ok（取自所引非镜像来源）'
        checked.append((field, value, verdict))
    return checked


def mirrors_subseq(small, big):
    it = iter(big)
    return len(small) >= len(big) * 0.6 and all(c in it for c in small)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--lawrefbook', required=True)
    ap.add_argument('--laosheng', required=True)
    ap.add_argument('--fazhi', default=os.path.join(ROOT, '.build/release/fazhi'))
    ap.add_argument('--laws', default=os.path.join(ROOT, 'Sources/FazhiKnowledge/Resources/laws.json'))
    ap.add_argument('--n', type=int, default=40)
    ap.add_argument('--seed', type=int, default=11)
    args = ap.parse_args()
    with open(args.laws, encoding='utf-8') as fh:
        laws = json.load(fh)['laws']
    pool = [e for e in laws if any('文本题注' in s or '题注缺' in s for s in e.get('sources', []))]
    sample = random.Random(args.seed).sample(pool, args.n)
    mir = Mirrors(args.lawrefbook, args.laosheng)
    print('| # | 名称 | 类别 | 通过或发布 | 修改 | 施行 | 状态 | 制定机关 | 文号 | 核对 |')
    print('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |')
    bad = 0
    checked = 0
    for i, e in enumerate(sample, 1):
        f = explain(args.fazhi, e['name'])
        results = check(e, f, mir)
        checked += len(results)
        wrong = [(k, v, r) for k, v, r in results if not r.startswith('ok')]
        bad += len(wrong)
        verdict = '全部一致（%d 项）' % len(results) if not wrong else '；'.join('%s %s：%s' % w for w in wrong)
        print('| %d | %s | %s | %s | %s | %s | %s | %s | %s | %s |' % (
            i, f.get('name', e['name']), f.get('类别', ''), f.get('通过或发布', ''), '、'.join(f.get('修改', [])) or '—',
            f.get('施行', '—'), f.get('状态', '') + ((' ' + (f.get('废止') or f.get('失效'))) if f.get('废止') or f.get('失效') else ''),
            f.get('制定机关', ''), f.get('文号', '—'), verdict))
    print()
    print('样本 %d 件（种子 %d，取自 %d 件有镜像出处的条目），核对事实 %d 项，不一致 %d 项。' % (args.n, args.seed, len(pool), checked, bad))
    sys.exit(1 if bad else 0)


if __name__ == '__main__':
    main()
