#!/usr/bin/env python3
# Text as other tools extract it from the fixture PDFs, for test/extracted-texts.test.ts:
#   NAME.pdfium.txt          PDFium's page text (pypdfium2 get_text_range: what Chrome's and
#                            Foxit's copy-all give; a line per row, cells parted by one space)
#   NAME.plumber.txt         pdfplumber's extract_text() (lines by position, words by gaps)
#   NAME.plumber-layout.txt  pdfplumber's extract_text(layout=True) (character columns; a CJK
#                            character one column wide), trailing spaces stripped
# Pages are parted as pdftotext parts them (a form feed at the start of each page after the first).
# Run by hand (CI uses the committed files):
#   pip install pdfplumber pypdfium2
#   python3 scripts/extract-texts.py fixtures/pdf/final-full.libreoffice.pdf ...
import os
import re
import sys

import pdfplumber
import pypdfium2

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'fixtures', 'text', 'extracted')


def pdfium_pages(path):
    pdf = pypdfium2.PdfDocument(path)
    return [pdf[i].get_textpage().get_text_range().replace('\r\n', '\n').replace('\r', '\n') for i in range(len(pdf))]


def plumber_pages(path, layout):
    with pdfplumber.open(path) as pdf:
        pages = [p.extract_text(layout=layout) or '' for p in pdf.pages]
    return [re.sub(r'[ \t]+$', '', p, flags=re.M) for p in pages] if layout else pages


def write(path, tool, pages):
    name = os.path.basename(path)[: -len('.pdf')]
    with open(os.path.join(OUT, f'{name}.{tool}.txt'), 'w', encoding='utf-8') as out:
        out.write('\n\f'.join(p.rstrip('\n') for p in pages) + '\n')


os.makedirs(OUT, exist_ok=True)
for pdf in sys.argv[1:]:
    write(pdf, 'pdfium', pdfium_pages(pdf))
    write(pdf, 'plumber', plumber_pages(pdf, False))
    write(pdf, 'plumber-layout', plumber_pages(pdf, True))
    print('wrote', os.path.basename(pdf))
