#!/usr/bin/env python3
# scripts/watermark.py IN OUT [over|under] [DEGREES]: IN with a watermark, 政府信息公开 in 48 pt light
# grey, set across the middle of every page at a slant (45° by default), over the page's content or
# under it, as WPS and Word set one and as portals stamp what they publish. The font is Adobe's
# STSong-Light, not embedded (UniGB-UCS2-H): a reader maps it by its predefined CMap.
# Needs Debian's python3-pikepdf: /usr/bin/python3 scripts/watermark.py IN.pdf OUT.pdf
import math
import sys

import pikepdf

from stsong import draw_over, give_font, stsong, ucs2

pdf = pikepdf.open(sys.argv[1])
over = (sys.argv[3] if len(sys.argv) > 3 else 'over') == 'over'
slant = math.radians(float(sys.argv[4]) if len(sys.argv) > 4 else 45)
font = stsong(pdf)
text = ucs2('政府信息公开')
cos, sin = math.cos(slant), math.sin(slant)
for page in pdf.pages:
    x0, y0, x1, y1 = [float(v) for v in page.mediabox]
    give_font(page, '/BLWatermark', font)
    # the text's middle (six characters, 288 pt) at the page's middle
    x, y = (x0 + x1) / 2 - 144 * cos, (y0 + y1) / 2 - 144 * sin
    mark = f'q 0.85 g BT /BLWatermark 48 Tf {cos:.4f} {sin:.4f} {-sin:.4f} {cos:.4f} {x:.1f} {y:.1f} Tm <{text}> Tj ET Q\n'.encode()
    if over:
        draw_over(pdf, page, mark)
    else:
        page.contents_add(pikepdf.Stream(pdf, mark), prepend=True)
pdf.save(sys.argv[2])
