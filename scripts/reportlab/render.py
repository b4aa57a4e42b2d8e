#!/usr/bin/python3
"""Render a budget-lint corpus source (fixtures/pdf-src/corpus-NAME.json) with ReportLab platypus,
mirroring scripts/render-source.mjs's HTML. usage: render.py SRC.json OUT.pdf cid|ttf (see render.sh)"""
import json, os, re, sys
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib import colors
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (BaseDocTemplate, PageTemplate, Frame, Paragraph, Table, TableStyle,
                                PageBreak, NextPageTemplate, Spacer)

src, out, mode = sys.argv[1], sys.argv[2], sys.argv[3]
if mode == 'cid':
    pdfmetrics.registerFont(UnicodeCIDFont('STSong-Light'))
    FONT = 'STSong-Light'
else:
    pdfmetrics.registerFont(TTFont('WQY', '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', subfontIndex=0))
    FONT = 'WQY'

doc = json.load(open(src, encoding='utf-8'))
TS = 8  # table font size
NAME_CAP = float(os.environ.get('RL_NAMECAP', 150))  # widest a word column is set before wrapping (pt)
NUMERIC = re.compile(r'^-?[\d,]+(\.\d+)?%?$')
is_amount = lambda v: bool(NUMERIC.match(v)) or bool(re.match(r'^[-－—]$', v))
esc = lambda s: str(s).replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')

body = ParagraphStyle('body', fontName=FONT, fontSize=10.5, leading=16, firstLineIndent=21, wordWrap='CJK')
h1 = ParagraphStyle('h1', fontName=FONT, fontSize=18, leading=26, alignment=TA_CENTER, wordWrap='CJK', spaceAfter=12)
part = ParagraphStyle('part', fontName=FONT, fontSize=12, leading=18, alignment=TA_CENTER, wordWrap='CJK', spaceAfter=8)
title = ParagraphStyle('title', fontName=FONT, fontSize=13, leading=18, alignment=TA_CENTER, wordWrap='CJK', spaceAfter=2)
anchor = ParagraphStyle('anchor', fontName=FONT, fontSize=9, leading=12, alignment=TA_CENTER, wordWrap='CJK')
meta = ParagraphStyle('meta', fontName=FONT, fontSize=TS, leading=11, wordWrap='CJK', spaceAfter=3)
note = ParagraphStyle('note', fontName=FONT, fontSize=TS, leading=11, wordWrap='CJK', spaceBefore=3)
cellL = ParagraphStyle('cellL', fontName=FONT, fontSize=TS, leading=10, alignment=TA_LEFT, wordWrap='CJK')
cellC = ParagraphStyle('cellC', fontName=FONT, fontSize=TS, leading=10, alignment=TA_CENTER, wordWrap='CJK')

M_P, M_L = 15 * mm, 12 * mm
PW, PH = A4
LW, LH = landscape(A4)


class Doc(BaseDocTemplate):
    def __init__(self, fn):
        super().__init__(fn, pagesize=A4, title=doc['department'] + doc['title'], author=doc['department'])
        fp = Frame(M_P, M_P, PW - 2 * M_P, PH - 2 * M_P, id='fp', leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        fl = Frame(M_L, M_L, LW - 2 * M_L, LH - 2 * M_L, id='fl', leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        self.addPageTemplates([PageTemplate('P', [fp], pagesize=A4, onPage=self.footer),
                               PageTemplate('L', [fl], pagesize=landscape(A4), onPage=self.footer)])

    @staticmethod
    def footer(canv, d):
        canv.saveState(); canv.setFont(FONT, 8)
        canv.drawCentredString(canv._pagesize[0] / 2, 7 * mm, '- %d -' % canv.getPageNumber()); canv.restoreState()


def place(rows):
    """HTML table placement: rows of cells {text, colspan, rowspan} (or strings) → grid dict, spans, ncols"""
    occupied, grid, spans = set(), {}, []
    for r, row in enumerate(rows):
        c = 0
        for v in row:
            cell = {'text': v} if isinstance(v, str) else v
            while (r, c) in occupied: c += 1
            cs, rs = cell.get('colspan') or 1, cell.get('rowspan') or 1
            grid[(r, c)] = cell['text']
            for i in range(rs):
                for j in range(cs): occupied.add((r + i, c + j))
            if cs > 1 or rs > 1: spans.append(((c, r), (c + cs - 1, r + rs - 1), cs, rs))
            c += cs
    ncols = max([c + 1 for (_, c) in occupied] or [0])
    nrows = max([r + 1 for (r, _) in occupied] or [0])
    return grid, spans, ncols, nrows


def widths(columns_text, avail, numeric_cols, cap=None):
    cap = cap or NAME_CAP
    """content-based column widths: figures as wide as their widest, words up to a cap; scaled to avail"""
    sw = lambda s: pdfmetrics.stringWidth(s, FONT, TS) + 8
    need = []
    for c, vs in enumerate(columns_text):
        w = max([sw(v) for v in vs if v] or [20])
        need.append(max(24, w) if c in numeric_cols else max(30, min(cap, w)))
    total = sum(need)
    if total <= avail and cap < 150 and numeric_cols:  # narrow variant: spare width to the figure columns only
        extra = (avail - total) / len(numeric_cols)
        return [w + extra if c in numeric_cols else w for c, w in enumerate(need)]
    if total <= avail:
        return [w * avail / total for w in need]
    # shrink the word columns first
    fixed = sum(w for c, w in enumerate(need) if c in numeric_cols)
    words = total - fixed
    if fixed < avail * 0.85 and words:
        k = (avail - fixed) / words
        return [w if c in numeric_cols else w * k for c, w in enumerate(need)]
    return [w * avail / total for w in need]


def grid_table(t):
    avail = (LW - 2 * M_L) if t.get('wide') else (PW - 2 * M_P)
    hgrid, hspans, hcols, hrows = place(t['header'])
    ncols = max(hcols, max((len(r) for r in t['rows']), default=0))
    columns = [[r[c] for r in t['rows'] if c < len(r)] for c in range(ncols)]
    numeric = {c for c, vs in enumerate(columns) if vs and all(is_amount(v) or v == '' for v in vs) and any(v for v in vs)}
    # header words without a span also count toward a column's need (but may wrap: cap at 4 chars)
    for (r, c), v in hgrid.items():
        if not any(s[0] == (c, r) and s[2] > 1 for s in hspans): columns[c].append(v[:4])
    cw = widths(columns, avail, numeric)
    data = [[Paragraph(esc(hgrid.get((r, c), '')), cellC) if (r, c) in hgrid else '' for c in range(ncols)] for r in range(hrows)]
    style = [('FONT', (0, 0), (-1, -1), FONT, TS), ('GRID', (0, 0), (-1, -1), 0.5, colors.black),
             ('VALIGN', (0, 0), (-1, -1), 'MIDDLE'), ('LEFTPADDING', (0, 0), (-1, -1), 3), ('RIGHTPADDING', (0, 0), (-1, -1), 3),
             ('TOPPADDING', (0, 0), (-1, -1), 2), ('BOTTOMPADDING', (0, 0), (-1, -1), 2)]
    for (c0, r0), (c1, r1), _, _ in hspans: style.append(('SPAN', (c0, r0), (c1, r1)))
    for i, row in enumerate(t['rows']):
        r = hrows + i
        out = []
        for c in range(ncols):
            v = row[c] if c < len(row) else ''
            if is_amount(v):
                out.append(v); style.append(('ALIGN', (c, r), (c, r), 'RIGHT'))
            else:
                out.append(Paragraph(esc(v), cellL) if v else '')
        data.append(out)
    if os.environ.get('RL_WRAPS'):  # report body cells whose text wraps onto more than one line
        for i, row in enumerate(data[hrows:]):
            for c, v in enumerate(row):
                if isinstance(v, Paragraph) and len(v.breakLines(cw[c] - 6).lines) > 1:
                    print('WRAP', t['id'], 'row', i, 'col', c, repr(t['rows'][i][c]), file=sys.stderr)
    tbl = Table(data, colWidths=cw, repeatRows=hrows, hAlign='CENTER')
    tbl.setStyle(TableStyle(style))
    return tbl


def form_table(f):
    avail = (LW - 2 * M_L) if f.get('wide') else (PW - 2 * M_P)
    grid, spans, ncols, nrows = place(f['rows'])
    columns = [[grid.get((r, c), '') for r in range(nrows) if not any(s[0] == (c, r) and s[2] > 1 for s in spans)] for c in range(ncols)]
    cw = widths(columns, avail, set(), cap=150)  # forms keep the default widths
    data = [[Paragraph(esc(grid[(r, c)]), cellL) if grid.get((r, c)) else '' for c in range(ncols)] for r in range(nrows)]
    style = [('FONT', (0, 0), (-1, -1), FONT, TS), ('GRID', (0, 0), (-1, -1), 0.5, colors.black),
             ('VALIGN', (0, 0), (-1, -1), 'MIDDLE'), ('LEFTPADDING', (0, 0), (-1, -1), 3), ('RIGHTPADDING', (0, 0), (-1, -1), 3),
             ('TOPPADDING', (0, 0), (-1, -1), 2), ('BOTTOMPADDING', (0, 0), (-1, -1), 2)]
    for (c0, r0), (c1, r1), _, _ in spans: style.append(('SPAN', (c0, r0), (c1, r1)))
    if f.get('bodies'):  # row groups a page break does not part
        at = 0
        for n in f['bodies']:
            if n > 1: style.append(('NOSPLIT', (0, at), (-1, at + n - 1)))
            at += n
    tbl = Table(data, colWidths=cw, hAlign='CENTER')
    tbl.setStyle(TableStyle(style))
    return tbl


story = [Spacer(1, 60), Paragraph(esc(doc['department'] + doc['title']), h1),
         Paragraph('第二部分　%s年度部门%s表' % (doc['year'], '预算' if doc['kind'] == '预算' else '决算'), part)]
cur = 'P'


def new_page(wide):
    global cur
    want = 'L' if wide else 'P'
    if want != cur: story.append(NextPageTemplate(want)); cur = want
    story.append(PageBreak())


for t in doc['tables']:
    new_page(t.get('wide'))
    if t.get('above'): story.append(Paragraph(esc(t['above']), anchor))
    story.append(Paragraph(esc(t['title']), title))
    if t.get('anchor'): story.append(Paragraph(esc(t['anchor']), anchor))
    lines = t.get('meta') or [['部门：' + doc['department'], '金额单位：' + (t.get('unit') or doc['unit'])]]
    for l in lines:
        story.append(Paragraph(esc('　　'.join(l) if isinstance(l, list) else l), meta))
    story.append(grid_table(t))
    for n in t['notes']: story.append(Paragraph(esc(n), note))

new_page(False)
story.append(Paragraph('第三部分　情况说明', body))
for p in doc['narrative']: story.append(Paragraph(esc(p), body))
for f in doc.get('forms') or []:
    new_page(f.get('wide'))
    story.append(Paragraph(esc(f['title']), title))
    story.append(Spacer(1, 4))
    story.append(form_table(f))

Doc(out).build(story)
