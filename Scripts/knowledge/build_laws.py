#!/usr/bin/env python3
"""Builds Sources/FazhiKnowledge/Resources/laws.json: the catalogue of national laws and administrative
regulations taken from public mirrors of the national law database, merged with the hand-curated entries
(Party regulations, central documents, repealed names, notes, short forms, misnomers) in curated_laws.json.

Usage:
    python3 Scripts/knowledge/build_laws.py --lawrefbook PATH [--laosheng PATH] [--report FILE]

  --lawrefbook  a checkout (or bare git directory) of LawRefBook/Laws: one markdown file per law or
                regulation version, with the dated events of its header and db.sqlite3 (施行日期).
  --laosheng    a checkout of DiamonWoo/Laosheng.top: falv/flk.npc holds the database's own text exports of
                laws (newer than LawRefBook), falv/jianmu.md lists the laws and regulations in force with
                施行日期 and the repealed laws with date and successor.
  --report      writes what was reconciled: conflicts with curated facts (the source wins), facts left out
                because no source gives them, regulations not confirmed by the newer list.

Only facts are taken (names, dates, issuers, order numbers, which text repeals which); never article text.
Every generated entry names its sources (mirror, commit and path) so a reviewer can check it.
The output is deterministic: same inputs, same bytes.
"""
import argparse
import hashlib
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import mirrors  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PREFIX = '中华人民共和国'
KIND_ORDER = ['法律', '行政法规', '党内法规', '规范性文件', '部门规章', '司法解释', '地方性法规', '国家标准']
STATUS_ORDER = ['现行有效', '已废止', '已失效']


def key(name):
    """Comparison key, close to LawNames.key: no title marks or spaces, full-width parentheses, no prefix."""
    n = re.sub(r'[《》〈〉<>\s\u3000]', '', name or '')
    n = n.replace('(', '（').replace(')', '）')
    if n.startswith(PREFIX) and len(n) > len(PREFIX):
        n = n[len(PREFIX):]
    return n


def short_key(name):
    """Looser key to match the shortened names of the 2026 regulation list."""
    n = key(name)
    for p in ('国务院关于', '国务院', '中国人民解放军', '解放军'):
        if n.startswith(p):
            n = n[len(p):]
    return n


def subsequence(small, big):
    it = iter(big)
    return all(c in it for c in small)


class Catalogue:
    def __init__(self, a, b):
        self.a = a
        self.b = b
        self.a_ref = 'LawRefBook/Laws@%s' % (a['tree'].commit or 'worktree')[:7]
        self.b_ref = ('DiamonWoo/Laosheng.top@%s' % (b['tree'].commit or 'worktree')[:7]) if b else None
        self.report = {'conflicts': [], 'unsourced': [], 'unconfirmedRegs': [], 'skipped': [], 'notes': []}
        self.repeals = self.collect_repeals()
        self.jm_effective = {}
        if b:
            for n, d in b['effectiveByName'].items():
                self.jm_effective[re.sub(r'（\d{4}年修正文本）$', '', key(n))] = d

    # MARK: repeals named by successors

    def collect_repeals(self):
        """key(repealed name) -> (successor name, date, where) from final articles ('…同时废止')."""
        out = {}
        texts = [(d['title'] or d['name'], d, 'a') for d in self.a['docs']]
        if self.b:
            texts += [(d['title'], d, 'b') for d in self.b['texts'] if not d['superseded']]
        for title, d, which in texts:
            when, names = mirrors.final_article(d['text'])
            if not names:
                continue
            if when == 'promulgation':
                segs = mirrors.segments(d['head'])
                when = segs[0][0] if segs else None
            where = '%s %s' % (self.a_ref if which == 'a' else self.b_ref, d['path'])
            for n in names:
                k = key(n)
                if k == key(title):
                    continue  # an older law of the same name (e.g. 1950 工会法): not a separate entry
                prev = out.get(k)
                if prev is None or (when and prev[1] and when > prev[1]):
                    out[k] = (title if title.startswith(PREFIX) or not d.get('title') else title, when, where)
        return out

    # MARK: laws

    def laws(self):
        a_groups = {}
        for d in self.a['docs']:
            if d['folder'] == mirrors.REG_FOLDER:
                continue
            name = d['name']
            if d['folder'] == '民法典':
                if name != '总则':
                    continue
                name = '民法典'
            if re.match(r'^(宪法|刑法)修正案', name):
                self.report['skipped'].append('%s（修正案，并入所修改的法律）' % d['path'])
                continue
            a_groups.setdefault(key(d['title'] or name), []).append(d)
        b_current, b_old = {}, {}
        if self.b:
            for d in self.b['texts']:
                k = key(d['title'] or d['name'])
                if k.startswith('宪法（'):
                    k = '宪法'
                if re.match(r'^刑法修正案', k):
                    self.report['skipped'].append('%s（修正案，并入所修改的法律）' % d['path'])
                    continue
                if d['superseded'] or d['file'] not in self.b['inForce']:
                    b_old.setdefault(k, []).append(d)
                else:
                    b_current.setdefault(k, []).append(d)
        out = []
        for k in sorted(set(a_groups) | set(b_current) | set(b_old)):
            a_docs = sorted(a_groups.get(k, []), key=lambda d: d['date'] or '9999')
            a_doc = a_docs[-1] if a_docs else None
            b_doc = max(b_current[k], key=lambda d: d['date']) if k in b_current else None
            b_stale = max(b_old[k], key=lambda d: d['date']) if k in b_old else None
            entry = self.law_entry(k, a_doc, b_doc, b_stale)
            if entry:
                out.append(entry)
        return out

    def law_entry(self, k, a_doc, b_doc, b_stale):
        primary = b_doc or a_doc or b_stale
        if primary is b_stale and a_doc is None:
            return None
        # A newer text in LawRefBook than in the 2026 export cannot happen for in-force laws; prefer the export.
        if b_doc is None and b_stale is not None and a_doc is not None and (a_doc['date'] or '') < b_stale['date']:
            primary = b_stale
        which = 'b' if primary in (b_doc, b_stale) else 'a'
        ref = self.b_ref if which == 'b' else self.a_ref
        name = primary['title'] if which == 'b' else (primary['title'] or primary['name'])
        if name.startswith('中华人民共和国宪法'):
            name = '中华人民共和国宪法'
        segs = mirrors.segments(primary['head'])
        if not segs and which == 'b' and a_doc is not None and mirrors.segments(a_doc['head']):
            # The export has no header line: the older mirror's header gives the same events.
            primary, which, ref = a_doc, 'a', self.a_ref
            segs = mirrors.segments(primary['head'])
        if not segs:
            self.report['unsourced'].append('%s：%s 题注无日期，未收录' % (name, primary['path']))
            return None
        adopted, first = segs[0]
        issuer = issuer_of_law(first)
        amended = []
        for d, text in segs[1:]:
            if mirrors.is_amendment(text) and d not in amended and d > adopted:
                amended.append(d)
        amended.sort()
        sources = ['国家法律法规数据库（flk.npc.gov.cn）文本题注：%s %s' % (ref, primary['path'])]
        version = amended[-1] if amended else adopted
        if primary.get('date') and primary['date'] > version and which == 'a':
            amended.append(primary['date'])
            version = primary['date']
        # Cross-check the other mirror's header.
        other = a_doc if which == 'b' else b_doc
        if other is not None:
            osegs = mirrors.segments(other['head'])
            if osegs and osegs[0][0] != adopted:
                self.report['notes'].append('%s：两个镜像的通过日期不同（%s %s；%s %s），采用前者' % (
                    name, adopted, primary['path'], osegs[0][0], other['path']))
            sources.append('交叉核对：%s %s' % (self.a_ref if which == 'b' else self.b_ref, other['path']))
        effective = None
        jm_source = '施行日期：%s falv/jianmu.md（据国家法律法规数据库）' % self.b_ref
        newer = None
        stale = [d for d in (b_stale, b_doc) if d is not None and (d['superseded'] or d['file'] in self.b['revised'])] if self.b else []
        if stale and b_doc is None:
            primary_file = stale[0]['file']
            newer = self.jm_effective.get(k)
            if newer and self.b['asOf'] and newer > self.b['asOf']:
                # Revised, but the new text takes effect later: the text described here is still the one in force.
                effective = self.b['revised'].get(primary_file)
                sources.append(jm_source)
                self.report['notes'].append('%s：已通过修改，新文本 %s 起施行（%s）；现行文本仍为 %s' % (name, newer, jm_source, primary['path']))
            else:
                self.report['notes'].append('%s：%s 标为已修改（新文本 %s 起施行），新文本未见于镜像；现行文本的施行日期与修改日期从缺' % (
                    name, self.b_ref, newer))
        elif self.b:
            jm = self.jm_effective.get(k)
            if jm and jm >= version:
                effective = jm
                sources.append(jm_source)
        if effective is None and newer is None and a_doc is not None and (which == 'a' or a_doc['date'] == primary.get('date')):
            info = self.a['db'].get((a_doc['name'], a_doc['date']))
            if info and info['validFrom'] and info['validFrom'] >= version:
                effective = info['validFrom']
                sources.append('施行日期：%s db.sqlite3（valid_from，据国家法律法规数据库）' % self.a_ref)
        when, _ = mirrors.final_article(primary['text'])
        if when == 'promulgation':
            when = adopted if not amended else None
        if newer is not None:
            when = None
        if effective is None and when and when >= version:
            effective = when
            sources.append('施行日期：同一文本末条')
        elif effective and when and when >= version and when != effective:
            self.report['notes'].append('%s：施行日期 %s 与末条 %s 不同，采用前者' % (name, effective, when))
        if effective is None and not amended and newer is None:
            for d, text in segs:
                if '施行' in text:
                    effective = d
                    sources.append('施行日期：同一文本题注')
                    break
        if newer is not None and effective is None:
            effective = None
        entry = {'name': name, 'kind': '法律', 'issuer': issuer, 'adopted': adopted}
        if amended:
            entry['amended'] = amended
        if effective:
            entry['effective'] = effective
        entry['status'] = '现行有效'
        self.apply_repeal(entry, sources)
        entry['sources'] = sources
        return entry

    def apply_repeal(self, entry, sources):
        k = key(entry['name'])
        if self.b:
            for r in self.b['repealed']:
                if key(r['name']) == k and r['successor']:
                    entry['status'] = '已废止'
                    entry['repealed'] = r['date']
                    entry['replacedBy'] = r['successor']
                    sources.append('废止：%s falv/jianmu.md 废止法律表（%s，%s）' % (self.b_ref, r['date'], r['why'].strip()))
                    break
                if key(r['name']) == k and '法律清理' in r['why']:
                    entry['status'] = '已废止'
                    entry['repealed'] = r['date']
                    sources.append('废止：%s falv/jianmu.md 废止法律表（%s，%s）' % (self.b_ref, r['date'], r['why'].strip()))
                    break
        ev = self.repeals.get(k)
        version = max([entry['adopted']] + entry.get('amended', []))
        if ev and ev[1] and ev[1] < version:
            # An older document of the same name (e.g. the 1993 国家安全法 repealed in 2014): not this one.
            ev = None
        if ev:
            succ, when, where = ev
            if entry['status'] == '现行有效' or entry.get('replacedBy') is None or key(entry.get('replacedBy')) == key(succ):
                entry['status'] = '已废止'
                entry['replacedBy'] = succ
                if when:
                    entry['repealed'] = entry.get('repealed') or when
                    if entry['repealed'] != when:
                        self.report['notes'].append('%s：废止日期 %s 与继任文本末条 %s 不同，采用前者' % (entry['name'], entry['repealed'], when))
                sources.append('废止：《%s》末条“同时废止”（%s）' % (succ, where))

    def verify_repeal(self, e):
        """Checks a hand-curated repealed entry against the successors' final articles and the repeal table."""
        k = key(e['name'])
        ev = self.repeals.get(k)
        hits = []
        if ev and ev[1]:
            hits.append((ev[0], ev[1], '废止：《%s》末条“同时废止”（%s）' % (ev[0], ev[2])))
        if self.b:
            for r in self.b['repealed']:
                if key(r['name']) == k:
                    hits.append((r['successor'], r['date'], '废止：%s falv/jianmu.md 废止法律表（%s，%s）' % (self.b_ref, r['date'], r['why'].strip())))
        for succ, when, src in hits:
            if succ and e.get('replacedBy') and key(succ) != key(e['replacedBy']):
                self.report['conflicts'].append({'name': e['name'], 'field': 'replacedBy', 'curated': e['replacedBy'], 'source': succ})
            if e.get('repealed') and e['repealed'] != when:
                self.report['conflicts'].append({'name': e['name'], 'field': 'repealed', 'curated': e['repealed'], 'source': when})
            e['repealed'] = when
            if src not in e.setdefault('sources', []):
                e['sources'].append(src)

    # MARK: administrative regulations

    def regulations(self):
        groups = {}
        for d in self.a['docs']:
            if d['folder'] != mirrors.REG_FOLDER:
                continue
            groups.setdefault(key(d['title'] or d['name']), []).append(d)
        b_regs = self.b['regs'] if self.b else []
        out = []
        for k in sorted(groups):
            docs = sorted(groups[k], key=lambda d: d['date'] or '')
            e = self.reg_entry(docs[-1], b_regs)
            if e:
                out.append(e)
        return out

    def reg_entry(self, doc, b_regs):
        name = doc['title'] or doc['name']
        excluded = {key(n): why for n, why in NOT_REGULATIONS.items()}
        if key(name) in excluded:
            self.report['skipped'].append('%s（%s）' % (doc['path'], excluded[key(name)]))
            return None
        segs = mirrors.segments(doc['head'])
        sources = ['国家法律法规数据库（flk.npc.gov.cn）文本题注：%s %s' % (self.a_ref, doc['path'])]
        adopted, adopted_i = None, None
        for i, (d, text) in enumerate(segs):
            if ('公布' in text or '发布' in text) and not mirrors.is_amendment(text):
                adopted, adopted_i = d, i
                break
        if adopted is None and segs:
            adopted, adopted_i = segs[0][0], 0
        version_from_name = False
        if adopted is None:
            if not doc['date']:
                self.report['unsourced'].append('%s：无日期，未收录' % doc['path'])
                return None
            adopted = doc['date']
            version_from_name = True
            sources[0] = '国家法律法规数据库（flk.npc.gov.cn）条目的公布日期（镜像文件名，题注缺）：%s %s' % (self.a_ref, doc['path'])
            self.report['notes'].append('%s：题注缺，通过或发布日期取镜像文件名中的公布日期 %s（若曾修订则为现行文本日期）' % (name, adopted))
        amended, amend_numbers = [], {}
        i = (adopted_i or 0) + 1
        while i < len(segs):
            d, text = segs[i]
            if mirrors.is_amendment(text) and d > adopted:
                when = d
                # "…常务会议修订通过" followed by "…令第N号公布": the amendment dates from its promulgation.
                if '通过' in text and i + 1 < len(segs) and ('公布' in segs[i + 1][1] or '发布' in segs[i + 1][1]) \
                        and not mirrors.is_amendment(segs[i + 1][1]):
                    when, text = segs[i + 1]
                    i += 1
                if when not in amended:
                    amended.append(when)
                num = order_number(text)
                if num:
                    amend_numbers[when] = num
            i += 1
        amended.sort()
        version = amended[-1] if amended else adopted
        # The file name carries the database's 公布日期 of the text in force. After a header that shows a
        # promulgation or an amendment, a later date there is a revision the header leaves out; after a
        # header with only 批准/通过, it is the first publication itself.
        promulgated = any(('公布' in t or '发布' in t) for _, t in segs)
        published = None
        if doc['date'] and doc['date'] > version:
            if promulgated or amended or int(doc['date'][:4]) - int(adopted[:4]) > 1:
                amended.append(doc['date'])
                version = doc['date']
            else:
                published = doc['date']
        entry = {'name': name, 'kind': '行政法规', 'issuer': issuer_of_regulation(segs, doc['text']), 'adopted': adopted}
        if amended:
            entry['amended'] = amended
        effective = None
        for d, text in segs:
            if '施行' in text and d >= version:
                effective = d
                sources.append('施行日期：同一文本题注')
                break
        if effective is None:
            when, _ = mirrors.final_article(doc['text'])
            if when == 'promulgation':
                when = (published or adopted) if not amended and not version_from_name else None
            if when and when >= version:
                effective = when
                sources.append('施行日期：同一文本末条')
        if effective is None:
            info = self.a['db'].get((doc['name'], doc['date']))
            if info and info['validFrom'] and info['validFrom'] >= version:
                effective = info['validFrom']
                sources.append('施行日期：%s db.sqlite3（valid_from）' % self.a_ref)
        if effective:
            entry['effective'] = effective
        entry['status'] = '现行有效'
        if version_from_name:
            # Without a header the first promulgation and the issuer are not known: a curated value wins.
            entry['_weak'] = ['adopted', 'issuer', 'amended']
        # The order number of the text in force when the header gives it, else that of the first promulgation.
        num = amend_numbers.get(version) if amended else None
        if num is None and adopted_i is not None:
            num = order_number(segs[adopted_i][1])
        if num:
            entry['docNumber'] = num
        info = self.a['db'].get((doc['name'], doc['date'])) or {}
        self.apply_repeal(entry, sources)
        if entry['status'] == '现行有效' and info.get('expired'):
            self.report['notes'].append('%s：%s 数据库标为失效，但未找到废止日期或继任文件；状态从缺，未收录' % (name, self.a_ref))
            return None
        if self.b and entry['status'] == '现行有效':
            hit = confirm_regulation(name, adopted, version, b_regs)
            if hit:
                sources.append('现行有效：%s falv/jianmu.md 行政法规清单（2026，据司法部国家行政法规库）“%s”（%s）' % (self.b_ref, hit[1], hit[0]))
            else:
                sources.append('%s 的2026年现行行政法规清单未见此名（可能已废止或改名，未核实）' % self.b_ref)
                self.report['unconfirmedRegs'].append(name)
        entry['sources'] = sources
        return entry


# Files in the regulation folder that are not 国务院 administrative regulations.
NOT_REGULATIONS = {
    '信访工作条例': '中共中央、国务院印发的党内法规，另行手工收录',
    # Ministry documents filed in the mirror's regulation folder (their headers carry a ministry's number).
    '工资支付暂行规定': '原劳动部文件（劳部发〔1994〕489号），不是行政法规',
    '国家机关、事业单位贯彻《国务院关于职工工作时间的规定》的实施办法': '原人事部文件（人薪发〔1995〕32号），不是行政法规',
    '互联网信息服务算法推荐管理规定': '国家互联网信息办公室等部门的部门规章，不是行政法规',
}


def order_number(text):
    m = re.search(r'((?:中华人民共和国)?国务院(?:、(?:中华人民共和国)?中央军事委员会)?令第[0-9０-９]+号)', text)
    if not m:
        return None
    return m.group(1).replace('中华人民共和国', '')


def issuer_of_law(text):
    if '常务委员会' in text:
        return '全国人民代表大会常务委员会'
    if '全国人民代表大会' in text:
        return '全国人民代表大会'
    return '全国人民代表大会常务委员会'


def issuer_of_regulation(segs, text):
    first = ' '.join(t for _, t in segs[:2])
    if '中央军事委员会' in first or '中央军委' in first:
        return '国务院、中央军事委员会'
    if '政务院' in first:
        return '政务院'
    return '国务院'


def confirm_regulation(name, adopted, version, b_regs):
    """The (year, name) of the 2026 list that denotes this regulation: same year as its current or first
    version, and the listed (shortened) name equal to or a subsequence of the full name."""
    full = short_key(name)
    years = {adopted[:4], version[:4]}
    for y, n in b_regs:
        if y not in years:
            continue
        s = short_key(n)
        if s == full or subsequence(s, full) and len(s) >= len(full) * 0.6:
            return (y, n)
    for y, n in b_regs:
        if short_key(n) == full:
            return (y, n)
    return None


# MARK: merge with the curated entries

FACT_FIELDS = ['name', 'kind', 'issuer', 'adopted', 'amended', 'effective', 'status', 'repealed', 'replacedBy', 'docNumber']
FIELD_ORDER = ['id', 'name', 'short', 'kind', 'issuer', 'adopted', 'amended', 'effective', 'status', 'repealed', 'replacedBy',
               'docNumber', 'citedRank', 'note', 'sources']


def stable_id(entry):
    prefix = {'法律': 'law', '行政法规': 'reg'}.get(entry['kind'], 'doc')
    return '%s-%s' % (prefix, hashlib.sha1(entry['name'].encode('utf-8')).hexdigest()[:8])


def merge(generated, curated, report, cat=None):
    by_key = {key(e['name']): e for e in generated}
    used = set()
    out = []
    for c in curated['laws']:
        g = by_key.get(key(c['name']))
        if g is None:
            for s in c.get('alsoMatches', []):
                g = by_key.get(key(s))
                if g:
                    break
        if g is None and 'kind' not in c:
            report['unsourced'].append('%s：手工补充项（只有名称和排名）在镜像中找不到' % c['name'])
            continue
        if g is None:
            e = {k: v for k, v in c.items() if k not in ('pin', 'alsoMatches')}
            if not e.get('sources'):
                report['unsourced'].append('%s：手工条目缺少 sources' % c['name'])
            if e.get('status') != '现行有效' and cat is not None:
                cat.verify_repeal(e)
            out.append(e)
            continue
        used.add(key(g['name']))
        pins = set(c.get('pin', []))
        e = dict(g)
        # A curated stub may carry only a name and a rank: it keeps the generated id.
        e['id'] = c.get('id') or stable_id(g)
        weak = set(g.get('_weak', []))
        for f in FACT_FIELDS:
            cv, gv = c.get(f), g.get(f)
            if f in weak and cv is not None:
                e[f] = cv
                if cv != gv:
                    report['notes'].append('%s：镜像无题注，%s 采用手工值 %s（镜像文件名为 %s）' % (g['name'], f, cv, gv))
                continue
            if f in pins:
                if cv is None:
                    e.pop(f, None)
                else:
                    e[f] = cv
                if cv != gv:
                    report['notes'].append('%s：%s 采用手工值 %s（镜像为 %s），理由见 sources' % (g['name'], f, cv, gv))
                continue
            if cv is not None and gv is not None and cv != gv:
                report['conflicts'].append({'name': g['name'], 'field': f, 'curated': cv, 'source': gv})
            if gv is None and cv is not None:
                # The source is silent: keep the hand-curated fact only when it says where it comes from.
                if c.get('sources'):
                    e[f] = cv
                else:
                    report['unsourced'].append('%s：%s=%s 无来源，已删去' % (g['name'], f, cv))
        shorts = list(g.get('short', []))
        for s in c.get('short', []):
            if s not in shorts:
                shorts.append(s)
        e['short'] = shorts
        for f in ('note', 'citedRank'):
            if c.get(f) is not None:
                e[f] = c[f]
        e['sources'] = g['sources'] + [s for s in c.get('sources', []) if s not in g['sources']]
        out.append(e)
    for g in generated:
        if key(g['name']) in used:
            continue
        e = dict(g)
        e['id'] = stable_id(g)
        out.append(e)
    for e in out:
        if e['kind'] in ('法律', '行政法规') and e['name'].startswith(PREFIX):
            bare = e['name'][len(PREFIX):]
            if bare not in e.get('short', []):
                e['short'] = [bare] + list(e.get('short', []))
        e.setdefault('short', [])
    return out


def resolve_successors(entries, report):
    """replacedBy names the successor's full name as catalogued (the repeal table uses short names)."""
    full = {}
    for e in entries:
        full.setdefault(key(e['name']), e['name'])
    for e in entries:
        for s in e.get('short', []):
            full.setdefault(key(s), e['name'])
    for e in entries:
        r = e.get('replacedBy')
        if r and key(r) in full and full[key(r)] != r:
            e['replacedBy'] = full[key(r)]
        elif r and key(r) not in full:
            report['unsourced'].append('%s：replacedBy “%s” 不在目录中' % (e['name'], r))
    return entries


def order(entries):
    def rank(e):
        return (KIND_ORDER.index(e['kind']) if e['kind'] in KIND_ORDER else 99,
                STATUS_ORDER.index(e['status']) if e['status'] in STATUS_ORDER else 9,
                e.get('citedRank') or 99, e['name'])
    return sorted(entries, key=rank)


def write(path, entries, misnomers, extra):
    lines = ['{', '  "version": 1,']
    for k, v in extra.items():
        lines.append('  %s: %s,' % (json.dumps(k), json.dumps(v, ensure_ascii=False)))
    lines.append('  "laws": [')
    for i, e in enumerate(entries):
        obj = {f: e[f] for f in FIELD_ORDER if f in e and e[f] is not None}
        lines.append('    ' + json.dumps(obj, ensure_ascii=False, separators=(', ', ': ')) + (',' if i + 1 < len(entries) else ''))
    lines.append('  ],')
    lines.append('  "misnomers": [')
    for i, m in enumerate(misnomers):
        lines.append('    ' + json.dumps(m, ensure_ascii=False, separators=(', ', ': ')) + (',' if i + 1 < len(misnomers) else ''))
    lines.append('  ]')
    lines.append('}')
    with open(path, 'w', encoding='utf-8') as fh:
        fh.write('\n'.join(lines) + '\n')


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--lawrefbook', required=True)
    ap.add_argument('--laosheng')
    ap.add_argument('--curated', default=os.path.join(ROOT, 'Scripts/knowledge/curated_laws.json'))
    ap.add_argument('--out', default=os.path.join(ROOT, 'Sources/FazhiKnowledge/Resources/laws.json'))
    ap.add_argument('--report')
    args = ap.parse_args()
    a = mirrors.load_lawrefbook(args.lawrefbook)
    b = mirrors.load_laosheng(args.laosheng) if args.laosheng else None
    cat = Catalogue(a, b)
    generated = cat.laws() + cat.regulations()
    with open(args.curated, encoding='utf-8') as fh:
        curated = json.load(fh)
    entries = order(resolve_successors(merge(generated, curated, cat.report, cat), cat.report))
    extra = {k: curated[k] for k in ('ambiguousShort',) if k in curated}
    write(args.out, entries, curated.get('misnomers', []), extra)
    kinds = {}
    for e in entries:
        kinds.setdefault((e['kind'], e['status']), 0)
        kinds[(e['kind'], e['status'])] += 1
    print('wrote %s: %d entries' % (os.path.relpath(args.out), len(entries)))
    for (k, s), n in sorted(kinds.items(), key=lambda x: (KIND_ORDER.index(x[0][0]), x[0][1])):
        print('  %s %s: %d' % (k, s, n))
    r = cat.report
    print('conflicts with curated facts: %d; unsourced: %d; regulations not in the 2026 list: %d' % (
        len(r['conflicts']), len(r['unsourced']), len(r['unconfirmedRegs'])))
    if args.report:
        with open(args.report, 'w', encoding='utf-8') as fh:
            json.dump(r, fh, ensure_ascii=False, indent=1)


if __name__ == '__main__':
    main()
