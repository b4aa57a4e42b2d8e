/**
 * Subject codes printed joined to their names by a hyphen (泉州台商区: 201-一般公共服务支出,
 * 20103-政府办公厅(室)及相关机构事务): the code is the row's code and the name has no hyphen, in
 * text and on a page, as if they stood apart.
 */
import { describe, expect, it } from 'vitest';
import { buildReport } from '../src/model/index.js';
import { tokenizeLine } from '../src/layout/tokenize.js';
import { fixtureText, lintText, pageText, reportOf, SPENDING_TABLE_HEAD } from './helpers.js';

const tokens = (text: string) => tokenizeLine({ line: 1, text }).tokens.map((t) => [t.kind, t.text]);

describe('a code joined to its name by a hyphen', () => {
  it('is a code token and a name token, whatever the dash', () => {
    for (const dash of ['-', '－', '—', '–']) {
      expect(tokens(`20805${dash}行政事业单位养老支出 73.90 73.90 0.00`)).toEqual([
        ['number', '20805'],
        ['label', '行政事业单位养老支出'],
        ['number', '73.90'],
        ['number', '73.90'],
        ['number', '0.00'],
      ]);
    }
    expect(tokens('301-工资福利支出 120.00')).toEqual([
      ['number', '301'],
      ['label', '工资福利支出'],
      ['number', '120.00'],
    ]);
  });

  it('is not taken where digits of another length, or a figure, stand before the hyphen', () => {
    expect(tokens('2080-行政')).toEqual([['number', '2080'], ['label', '-行政']]);
    expect(tokens('12-行政')).toEqual([['number', '12'], ['label', '-行政']]);
    expect(tokens('100.00-其他')).toEqual([['number', '100.00'], ['label', '-其他']]);
  });

  it('is not taken in a date or a time: each is one word, not a year and two negative figures', () => {
    expect(tokens('2025-06-30 已公开')).toEqual([['label', '2025-06-30已公开']]);
    expect(tokens('发布时间：2024-09-24 16:08:34')).toEqual([['label', '发布时间：2024-09-2416:08:34']]);
    expect(tokens('截至2023.12.31 合计 2025.06 -30')).toEqual([['label', '截至2023.12.31合计'], ['number', '2025.06'], ['number', '-30']]);
    // a browser's print header and footer: no amount has a slash in it
    expect(tokens('12/6/26, 4:19 AM')).toEqual([['label', '12/6/26,4:19AM']]);
    expect(tokens('file:///C:/公开.html 3/21')).toEqual([['label', 'file:///C:/公开.html3/21']]);
    // no month 13: figures as before
    expect(tokens('2025-13-01')).toEqual([['number', '2025'], ['number', '-13'], ['number', '-01']]);
  });

  const spaced = fixtureText('text/final-wanyuan.txt');
  const hyphenate = (text: string) => text.replace(/^(\d{3}|\d{5}|\d{7}) (?=[^\d\s])/gm, '$1-');

  it('reads a final account whose codes are printed so exactly as the one printed with spaces', () => {
    const hyphenated = hyphenate(spaced);
    expect(hyphenated.match(/^\d+-/gm)?.length).toBe(65);
    // the same length: every location is the same too
    expect(reportOf(hyphenated).tables).toEqual(reportOf(spaced).tables);
  });

  it('finds a misprinted figure in such a row, at its row and column', async () => {
    // 公开05表's row of 20805 (line 322): 基本支出 73.90 printed 37.90
    const misprint = (text: string) => text.replace(/^(20805.行政事业单位养老支出 73\.90 )73\.90 0\.00$/m, '$137.90 0.00');
    const wrong = hyphenate(misprint(spaced));
    expect(wrong).not.toBe(hyphenate(spaced));
    const found = await lintText(wrong);
    expect(found.map((d) => [d.ruleId, d.line, d.column])).toEqual([
      ['科目/上下级合计', 320, 22],
      ['科目/行内分列合计', 322, 18],
      ['科目/上下级合计', 322, 24],
    ]);
    expect(found.map((d) => d.message)).toEqual((await lintText(misprint(spaced))).map((d) => d.message));
  });

  it('on a page: the piece is cut where the code ends, the row keyed by its code', () => {
    const r = buildReport(
      pageText([
        ...SPENDING_TABLE_HEAD,
        [1, 163, [['合计', 44], ['100.00', 277], ['60.00', 357], ['40.00', 431]]],
        [1, 176, [['208-社会保障和就业支出', 44], ['100.00', 277], ['60.00', 357], ['40.00', 431]]],
      ]),
    );
    const t = r.tables.find((x) => x.id === '公开03')!;
    expect(t.rows.map((row) => [row.key, row.code, row.name, Object.values(row.cells).map((c) => c.raw)])).toEqual([
      ['合计', undefined, '合计', ['100.00', '60.00', '40.00']],
      ['208', '208', '社会保障和就业支出', ['100.00', '60.00', '40.00']],
    ]);
  });
});
