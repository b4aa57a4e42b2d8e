#!/usr/bin/env python3
# scripts/sideways.py IN OUT: IN with every page drawn a quarter turn counter-clockwise in a box of
# swapped sides and given /Rotate 90 more, so that a viewer shows it as before. Adobe's PDF printer
# and print-to-PDF drivers save landscape pages so: a portrait page, its text running up the page.
# Fonts and text are left as they are (only a `cm` is put before each page's content).
# Needs Debian's python3-pikepdf: /usr/bin/python3 scripts/sideways.py IN.pdf OUT.pdf
import sys

import pikepdf

pdf = pikepdf.open(sys.argv[1])
for page in pdf.pages:
    x0, y0, x1, y1 = [float(v) for v in page.mediabox]
    w, h = x1 - x0, y1 - y0
    # (x, y) -> (h - (y - y0), x - x0): the page's foot becomes its left side
    page.contents_add(pikepdf.Stream(pdf, f'0 1 -1 0 {h + y0} {-x0} cm\n'.encode()), prepend=True)
    page.obj.MediaBox = pikepdf.Array([0, 0, h, w])
    for box in ('/CropBox', '/TrimBox', '/BleedBox', '/ArtBox'):
        if box in page.obj:
            del page.obj[box]
    page.obj.Rotate = (int(page.obj.get('/Rotate', 0)) + 90) % 360
pdf.save(sys.argv[2])
