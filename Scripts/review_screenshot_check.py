#!/usr/bin/env python3
"""Checks what Scripts/review_screenshots.sh produced: the DOM Chromium loaded has the matrix rows, each
screenshot is a real picture of the sheet (not blank, with the matrix's green and red cells), and the PDF
has pages.

  python3 Scripts/review_screenshot_check.py --dom dom.html --rows 4 --png a.png [--png b.png] [--pdf x.pdf]

Python's standard library only: PNGs are decoded here (zlib and the five scanline filters).
"""
import argparse, re, struct, sys, zlib


def read_png(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError(f"{path}: not a PNG")
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            width, height, depth, ctype, _, _, interlace = struct.unpack(">IIBBBBB", body)
            if depth != 8 or ctype not in (2, 6) or interlace:
                raise ValueError(f"{path}: unsupported PNG (depth {depth}, colour type {ctype}, interlace {interlace})")
            bpp = 3 if ctype == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows, prev = [], bytearray(stride)
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if f == 1: line[i] = (line[i] + a) & 255
            elif f == 2: line[i] = (line[i] + b) & 255
            elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    return width, height, bpp, rows


def check_png(path):
    w, h, bpp, rows = read_png(path)
    total = nonwhite = green = red = 0
    colours = set()
    for y in range(0, h, 2):
        row = rows[y]
        for x in range(0, w, 2):
            r, g, b = row[x * bpp], row[x * bpp + 1], row[x * bpp + 2]
            total += 1
            if r < 245 or g < 245 or b < 245: nonwhite += 1
            colours.add((r >> 3, g >> 3, b >> 3))
            # The matrix's cell backgrounds: 单列 #d8f5de, 缺少 #ffe0e0 (allowing for anti-aliasing).
            if abs(r - 0xD8) < 8 and abs(g - 0xF5) < 8 and abs(b - 0xDE) < 8: green += 1
            if abs(r - 0xFF) < 6 and abs(g - 0xE0) < 8 and abs(b - 0xE0) < 8: red += 1
    share = nonwhite / max(1, total)
    problems = []
    if share < 0.03: problems.append(f"almost blank ({share:.1%} non-white)")
    if len(colours) < 20: problems.append(f"only {len(colours)} colours")
    if green < 50: problems.append("no green 单列 cells")
    if red < 20: problems.append("no red 缺少 cells")
    print(f"{path}: {w}x{h}, {share:.1%} non-white, {len(colours)} colours, green {green}, red {red}"
          + ("" if not problems else " -> " + "; ".join(problems)))
    return not problems


def check_dom(path, rows):
    dom = open(path, encoding="utf-8", errors="replace").read()
    found = len(re.findall(r'<tr id="m-\d+"', dom))
    cells = len(re.findall(r'<td class="part p-(separate|merged|mentioned|missing|optional)"', dom))
    ok = found == rows and cells >= rows * 5 and "<script" not in dom.lower()
    print(f"{path}: {found} matrix rows (expected {rows}), {cells} part cells" + ("" if ok else " -> wrong"))
    return ok


def check_pdf(path):
    data = open(path, "rb").read()
    pages = len(re.findall(rb"/Type\s*/Page[^s]", data))
    ok = data.startswith(b"%PDF-") and pages >= 2
    print(f"{path}: {len(data) // 1024} KB, {pages} pages" + ("" if ok else " -> wrong"))
    return ok


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dom")
    ap.add_argument("--rows", type=int, default=1)
    ap.add_argument("--png", action="append", default=[])
    ap.add_argument("--pdf")
    a = ap.parse_args()
    ok = True
    if a.dom: ok &= check_dom(a.dom, a.rows)
    for p in a.png: ok &= check_png(p)
    if a.pdf: ok &= check_pdf(a.pdf)
    print("screenshots: ok" if ok else "screenshots: FAILED")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
