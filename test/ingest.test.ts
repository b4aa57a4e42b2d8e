import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeText, splitLines } from '../src/ingest/index.js';
import { buildReport } from '../src/model/index.js';
import { FIXTURES } from './helpers.js';

describe('text ingest', () => {
  it('decodes GB18030 text to the same model as its UTF-8 original', () => {
    const gbBytes = readFileSync(path.join(FIXTURES, 'text/final-wanyuan.gb18030.txt'));
    const utf8Bytes = readFileSync(path.join(FIXTURES, 'text/final-wanyuan.txt'));
    expect(gbBytes.equals(utf8Bytes)).toBe(false);
    const gb = decodeText(gbBytes);
    const utf8 = decodeText(utf8Bytes);
    expect([gb.encoding, utf8.encoding]).toEqual(['gb18030', 'utf-8']);
    expect(gb.text).toBe(utf8.text);
    expect(buildReport(splitLines('x.txt', gb.text))).toEqual(buildReport(splitLines('x.txt', utf8.text)));
  });

  it('counts pages at form feeds (as pdftotext writes them) and keeps line numbers', () => {
    const src = splitLines('x.txt', 'a\nb\n\fc\nd');
    expect(src.lines.map((l) => [l.line, l.text, l.page])).toEqual([
      [1, 'a', 1],
      [2, 'b', 1],
      [3, 'c', 2],
      [4, 'd', 2],
    ]);
  });

  it('folds the radicals a tool kept from a font (⼀般, 部⻔) one character for one, so columns stay', () => {
    const src = splitLines('x.txt', '⼀般公共预算    部⻔公开表\n⺇ 1.00');
    // ⺇'s ideograph lies beyond the BMP: it stays, and 1.00 stays in its column
    expect(src.lines.map((l) => l.text)).toEqual(['一般公共预算    部门公开表', '⺇ 1.00']);
  });

  it('handles CRLF line ends', () => {
    expect(splitLines('x.txt', '公开01表\r\n合计 1.00\r\n').lines.map((l) => l.text)).toEqual(['公开01表', '合计 1.00', '']);
  });
});

describe('PDF text', () => {
  it('folds every radical of the CJK Radicals Supplement to its ideograph (Chromium + Noto CJK: ⻣ for 骨)', async () => {
    const { normalizeText } = await import('../src/ingest/radicals.js');
    // ⻣ ⻔ ⻓ ⻨ ⻧ ⻙ ⻐ as Unicode's EquivalentUnifiedIdeograph.txt maps them; Kangxi radicals by NFKC
    expect(normalizeText('⻣科 ⻔诊 ⻓期 ⻨ ⻧ ⻙ ⻐ ⼊库')).toBe('骨科 门诊 长期 麦 卤 韦 钅 入库');
    // only radicals are touched: a 戶 printed as such stays, ⼾ is the simplified 户
    expect(normalizeText('戶 ⼾')).toBe('戶 户');
  });
});
