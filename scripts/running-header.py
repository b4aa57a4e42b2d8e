#!/usr/bin/env python3
# scripts/running-header.py IN OUT HEADER [of|dash|slash|none]: IN with a running header (HEADER in
# 9 pt, centred 28 pt under the page's top) and a footer (第 N 页 共 M 页, — N —, N/M) 20 pt over
# its foot on every upright page, as Word and WPS print 页眉 and 页脚 over a document's pages. The
# font is Adobe's STSong-Light, not embedded (UniGB-UCS2-H).
# Needs Debian's python3-pikepdf: /usr/bin/python3 scripts/running-header.py IN.pdf OUT.pdf 某局2025年部门预算 of
import sys

import pikepdf

from stsong import draw_over, give_font, stsong, ucs2

pdf = pikepdf.open(sys.argv[1])
header, style = sys.argv[3], (sys.argv[4] if len(sys.argv) > 4 else 'of')
font = stsong(pdf)
pages = len(pdf.pages)


def shown(text, size, middle, y):
    width = sum(size if ord(ch) > 0x2e80 else size / 2 for ch in text)
    return f'BT /BLRunning {size} Tf 1 0 0 1 {middle - width / 2:.1f} {y:.1f} Tm <{ucs2(text)}> Tj ET\n'


for i, page in enumerate(pdf.pages):
    if int(page.obj.get('/Rotate', 0)) % 360:
        continue
    x0, y0, x1, y1 = [float(v) for v in page.mediabox]
    give_font(page, '/BLRunning', font)
    foot = {'none': '', 'of': f'第 {i + 1} 页 共 {pages} 页', 'dash': f'— {i + 1} —', 'slash': f'{i + 1}/{pages}'}[style]
    ops = 'q 0 g ' + (shown(header, 9, (x0 + x1) / 2, y1 - 28) if header else '') + (shown(foot, 9, (x0 + x1) / 2, y0 + 20) if foot else '') + 'Q\n'
    draw_over(pdf, page, ops.encode())
pdf.save(sys.argv[2])
