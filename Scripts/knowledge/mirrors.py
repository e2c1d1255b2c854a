"""Readers for the public mirrors of the national law database that build_laws.py uses.

Only facts are taken from the mirrors (names, dates, issuers, order numbers, which text repeals which);
no article text is copied into the project. Both readers accept a checkout (work tree) or a bare git
directory, so the same command works on a clone and on a mirror without a work tree.
"""
import os
import re
import subprocess
import threading


class Tree:
    """The files of one repository snapshot, read from a work tree or from a git directory's HEAD."""

    def __init__(self, path):
        self.path = os.path.abspath(path)
        self.gitdir = None
        if os.path.isdir(os.path.join(self.path, '.git')):
            self.gitdir = os.path.join(self.path, '.git')
        elif os.path.isfile(os.path.join(self.path, 'HEAD')) and os.path.isdir(os.path.join(self.path, 'objects')):
            self.gitdir = self.path
        self.commit = None
        if self.gitdir:
            self.commit = self._git('rev-parse', 'HEAD').strip()

    def _git(self, *args):
        return subprocess.run(['git', '--git-dir', self.gitdir, '-c', 'core.quotepath=off'] + list(args),
                              capture_output=True, check=True).stdout.decode('utf-8')

    def read_all(self, keep):
        """{relative path: text} for every file whose path satisfies keep(path)."""
        if self.gitdir is None or os.path.isdir(os.path.join(self.path, '.git')) and self._worktree_has_files():
            return self._read_worktree(keep)
        entries = []
        for line in self._git('ls-tree', '-r', 'HEAD').splitlines():
            meta, path = line.split('\t', 1)
            _, typ, sha = meta.split()
            if typ == 'blob' and keep(path):
                entries.append((path, sha))
        proc = subprocess.Popen(['git', '--git-dir', self.gitdir, 'cat-file', '--batch'],
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        feed = ''.join(sha + '\n' for _, sha in entries).encode()
        writer = threading.Thread(target=lambda: (proc.stdin.write(feed), proc.stdin.close()))
        writer.start()
        out = {}
        for path, _ in entries:
            size = int(proc.stdout.readline().split()[2])
            data = proc.stdout.read(size)
            proc.stdout.read(1)
            out[path] = data.decode('utf-8', errors='replace')
        writer.join()
        proc.wait()
        return out

    def _worktree_has_files(self):
        return any(not n.startswith('.') for n in os.listdir(self.path))

    def _read_worktree(self, keep):
        out = {}
        for root, dirs, files in os.walk(self.path):
            dirs[:] = [d for d in dirs if not d.startswith('.')]
            for f in files:
                rel = os.path.relpath(os.path.join(root, f), self.path)
                if keep(rel):
                    with open(os.path.join(root, f), encoding='utf-8', errors='replace') as fh:
                        out[rel] = fh.read()
        return out


DATE = re.compile(r'(\d{4})年(\d{1,2})月(\d{1,2})日')


def iso(m):
    return '%04d-%02d-%02d' % (int(m.group(1)), int(m.group(2)), int(m.group(3)))


def segments(header):
    """Splits a header ("1996年3月17日 …通过　根据2009年8月27日 …修正") into (date, event text) pairs."""
    ms = list(DATE.finditer(header))
    out = []
    for i, m in enumerate(ms):
        end = ms[i + 1].start() if i + 1 < len(ms) else len(header)
        text = header[m.end():end]
        # "根据2019年…决定》修正": the event words follow the date, "根据" belongs to it.
        out.append((iso(m), text.strip().rstrip('根据').strip()))
    return out


AMEND_WORDS = ('修正', '修订', '修改')


def is_amendment(text):
    return any(w in text for w in AMEND_WORDS) or '修正案' in text


def is_effective_only(text):
    return '施行' in text and not any(w in text for w in ('通过', '公布', '发布', '批准') + AMEND_WORDS)


FINAL = re.compile(r'(?:本法|本条例|本规定|本办法|本细则|本决定|本规则|本准则)自(?:(\d{4})年(\d{1,2})月(\d{1,2})日|(公布|发布)之日)起施行')


def final_article(text):
    """(date or 'promulgation', repealed names) from the last 'this … takes effect' sentence of a text."""
    ms = list(FINAL.finditer(text))
    if not ms:
        return None, []
    m = ms[-1]
    when = '%04d-%02d-%02d' % (int(m.group(1)), int(m.group(2)), int(m.group(3))) if m.group(1) else 'promulgation'
    rest = text[m.end():m.end() + 600].split('\n')[0]
    repealed = []
    if '同时废止' in rest:
        sentence = rest.split('同时废止')[0]
        for name in re.findall(r'《([^》]+)》', sentence):
            repealed.append(name)
    return when, repealed


# MARK: LawRefBook/Laws

LAW_FOLDERS = ['宪法', '宪法相关法', '民法典', '民法商法', '社会法', '经济法', '行政法', '刑法', '诉讼与非诉讼程序法']
REG_FOLDER = '行政法规'


def load_lawrefbook(path):
    """Files of LawRefBook/Laws: one markdown file per law or regulation version, `名称(YYYY-MM-DD).md`,
    a header of dated events up to `<!-- INFO END -->`, and db.sqlite3 with flk's 施行日期 (valid_from)."""
    tree = Tree(path)
    files = tree.read_all(lambda p: p.endswith('.md') and p.split('/')[0] in LAW_FOLDERS + [REG_FOLDER]
                          and not p.endswith('_index.md'))
    docs = []
    for p, text in files.items():
        stem = p.split('/')[-1][:-3]
        m = re.search(r'\((\d{4}-\d{2}-\d{2})\)$', stem)
        title = None
        for line in text.splitlines():
            if line.startswith('# '):
                title = line[2:].strip()
                break
        head = text.split('<!-- INFO END -->')[0]
        head = '\n'.join(l for l in head.splitlines() if not l.startswith('#'))
        docs.append({'path': p, 'folder': p.split('/')[0], 'name': stem[:m.start()] if m else stem,
                     'date': m.group(1) if m else None, 'title': title, 'head': head, 'text': text})
    valid_from = {}
    db = os.path.join(path, 'db.sqlite3')
    blob = None
    if os.path.isfile(db):
        with open(db, 'rb') as fh:
            blob = fh.read()
    elif tree.gitdir:
        blob = subprocess.run(['git', '--git-dir', tree.gitdir, 'show', 'HEAD:db.sqlite3'], capture_output=True).stdout
    if blob and blob.startswith(b'SQLite format 3'):
        import sqlite3
        import tempfile
        with tempfile.NamedTemporaryFile(suffix='.sqlite3') as tmp:
            tmp.write(blob)
            tmp.flush()
            con = sqlite3.connect(tmp.name)
            for name, publish, vf, expired, level in con.execute('select name, publish, valid_from, expired, level from law'):
                valid_from[(name, publish)] = {'validFrom': vf or None, 'expired': bool(expired), 'level': level}
            con.close()
    return {'tree': tree, 'docs': docs, 'db': valid_from}


# MARK: Laosheng.top (flk.npc exports and the 中国法律简目 page)

def load_laosheng(path):
    """falv/flk.npc/<全称>_<YYYYMMDD>.txt: the database's own text exports of laws (a leading '-' marks a
    superseded version); falv/jianmu.md: in-force laws with 施行日期, in-force regulations by year (names
    shortened by the page's author), and repealed laws with date and successor."""
    tree = Tree(path)
    files = tree.read_all(lambda p: p.startswith('falv/flk.npc/') or p == 'falv/jianmu.md')
    jm = files.pop('falv/jianmu.md', '')
    texts = []
    for p, text in files.items():
        f = p.split('/')[-1]
        m = re.match(r'^(-?)(.*)_(\d{8})\.txt$', f)
        if not m:
            continue
        d = m.group(3)
        lines = [l.strip().lstrip('\ufeff') for l in text.splitlines() if l.strip().lstrip('\ufeff')]
        # The title may wrap over several lines; the file name carries the full official name.
        title = m.group(2)
        head = ''
        for k in range(1, min(len(lines), 8)):
            if lines[k].startswith('（'):
                head = lines[k]
                j = k + 1
                while not head.endswith('）') and j < len(lines) and j < k + 5:
                    head += lines[j]
                    j += 1
                break
        texts.append({'path': p, 'file': f, 'name': m.group(2), 'superseded': m.group(1) == '-',
                      'date': '%s-%s-%s' % (d[:4], d[4:6], d[6:]), 'title': title, 'head': head, 'text': text})
    in_force, effective_by_name, revised = {}, {}, {}
    for line in jm.splitlines():
        m = re.match(r'^\s*\u3000?\t(\d{4}-\d{2}-\d{2})\t[^\t]*\t(.*?)\t(.*)$', line)
        if not m:
            continue
        cell = m.group(2).strip()
        link = re.search(r'\]\(flk\.npc/[?]?([^)]*)\)', cell)
        if cell.startswith('-'):
            if link:
                revised[link.group(1)] = m.group(1)
            continue
        if link:
            in_force[link.group(1)] = m.group(1)
            full = re.sub(r'_\d{8}\.txt$', '', link.group(1))
        else:
            t = re.search(r"'([^']+)'\)", cell) or re.search(r'\[([^\]]+)\]', cell)
            full = t.group(1) if t else cell
        effective_by_name[full] = m.group(1)
    regs = [(y, n) for y, n, _ in re.findall(
        r'\u3000(\d{4}) \[([^\]]+)\]\(https://xzfg\.moj\.gov\.cn/SearchTitleFront\?QueryAll=([^)]*?)ZVING1\)', jm)]
    repealed = []
    for d, name, why in re.findall(r'^\t\t(\d{8})\t(\S+)\t\t(.*)$', jm, re.M):
        succ = re.search(r'被《([^》]+)》废止', why)
        repealed.append({'date': '%s-%s-%s' % (d[:4], d[4:6], d[6:]), 'name': name, 'successor': succ.group(1) if succ else None,
                         'why': why.strip()})
    as_of = tree._git('log', '-1', '--format=%cs').strip() if tree.gitdir else None
    return {'tree': tree, 'asOf': as_of, 'texts': texts, 'inForce': in_force, 'effectiveByName': effective_by_name, 'revised': revised,
            'regs': regs, 'repealed': repealed}
