/**
 * A font's ToUnicode map read from the file, for the characters PDFium cannot map: the file is then
 * read by pdf.js (pdf.ts). The maps PDFKit (pdfmake) writes are `bfrange` lines with arrays.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPdfFile } from '../src/ingest/pdf.js';
import { fileObjects, fontUnicode } from '../src/ingest/pdf-streams.js';
import { parseToUnicode, pdfName } from '../src/ingest/tounicode.js';
import { FIXTURES } from './helpers.js';

describe('parseToUnicode', () => {
  it('reads bfchar, a bfrange counting up and a bfrange of an array, codes of any width', () => {
    const map = parseToUnicode(`/CIDInit /ProcSet findresource begin 12 dict begin begincmap
1 begincodespacerange <0000><ffff> endcodespacerange
2 beginbfchar
<0003> <0020>
<0010><91D1>
endbfchar
2 beginbfrange
<0020> <0022> <4E00>
<0100> <0102> [<6536> <5165><d840dc00>]
endbfrange
endcmap CMapName currentdict /CMap defineresource pop end end`);
    expect([...map]).toEqual([
      [0x03, ' '],
      [0x10, '金'],
      [0x20, '一'],
      [0x21, '丁'],
      [0x22, '丂'],
      [0x100, '收'],
      [0x101, '入'],
      [0x102, '𠀀'],
    ]);
  });

  it('leaves out what it cannot read, and a range too long to be a font’s', () => {
    const map = parseToUnicode('1 beginbfchar <0001> <41> endbfchar 2 beginbfrange <00000000> <ffffffff> <0041> <0005> <0006> [<0042>] endbfrange');
    expect([...map]).toEqual([[5, 'B']]);
  });

  it('names with #xx escapes', () => {
    expect(pdfName('ABCDEF+#E5#AE#8B#E4#BD#93')).toBe('ABCDEF+宋体');
  });
});

describe('a file whose ToUnicode maps PDFium leaves unread (pdfmake)', () => {
  const file = path.join(FIXTURES, 'pdf', 'corpus-linxia-city-2023-final.pdfmake.pdf');

  it('gives its fonts’ maps by base font name', () => {
    const unicode = fontUnicode(fileObjects(readFileSync(file)));
    // PDFKit numbers a subset's glyphs in order of use: the page titles' first
    expect([1, 2, 3].map((code) => unicode('BZZZZZ+NotoSerifCJKsc-Regular', code))).toEqual(['临', '夏', '市']);
    expect(unicode('NoSuchFont', 1)).toBeUndefined();
  });

  it('is read whole under the PDFium engine, as pdf.js reads it', async () => {
    const [pdfium, unpdf] = await Promise.all([readPdfFile(file, { engine: 'pdfium' }), readPdfFile(file, { engine: 'unpdf' })]);
    expect(pdfium.problems).toEqual([]);
    expect(pdfium.lines.map((l) => l.text)).toEqual(unpdf.lines.map((l) => l.text));
    expect(pdfium.lines.some((l) => l.text.includes('中央财政医疗服务与保'))).toBe(true);
  });
});
