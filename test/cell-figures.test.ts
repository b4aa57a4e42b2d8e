/**
 * Figures, 栏次 numbers and labels broken over lines in cells too narrow for them (jspdf-autotable
 * sizes columns by their content; Word and WPS let a row break over a page): read whole, and only
 * where the page's rules or the row's other cells say the pieces are one.
 */
import { describe, expect, it } from 'vitest';
import type { PageRulings } from '../src/ingest/rulings.js';
import type { SourceLine } from '../src/ingest/text.js';
import { joinFiguresWrappedInCells } from '../src/layout/cell-figures.js';
import { joinRuledRows } from '../src/layout/ruled-rows.js';
import { joinWrappedCells } from '../src/layout/wrap.js';

const line = (n: number, y: number, pieces: Array<[string, number, number]>, page = 1): SourceLine => ({
  line: n,
  pageLine: n,
  page,
  y,
  size: 8,
  text: pieces.map((p) => p[0]).join(' '),
  pieces: pieces.map(([text, x0, x1]) => ({ text, x0, x1 })),
});
const texts = (ls: SourceLine[]) => ls.map((l) => l.text);

describe('a figure broken over lines in its ruled cell', () => {
  // one form row (100–130): 指标 | 分值 (a character wide) | 得分
  const grid: PageRulings = {
    page: 1,
    horizontal: [100, 130].map((at) => ({ at, from: 50, to: 300 })),
    vertical: [50, 150, 160, 300].map((at) => ({ at, from: 100, to: 130 })),
  };
  const row = (weight: string[], score = '10') => [line(1, 110, [['医保基金发放准确率', 55, 145], [weight[0], 151, 159], [score, 200, 210]]), ...weight.slice(1).map((w, k) => line(2 + k, 119 + 9 * k, [[w, 151, 159]]))];

  it('is one figure, where its first part is printed', () => {
    const out = joinFiguresWrappedInCells(row(['1', '0']), [grid]);
    expect(out.map((l) => [l.line, l.text, l.joined])).toEqual([[1, '医保基金发放准确率 10 10', [2]]]);
    expect(out[0].pieces![1]).toMatchObject({ text: '10', x0: 151, x1: 159 });
    expect(texts(joinFiguresWrappedInCells(row(['80.', '09']), [grid]))).toEqual(['医保基金发放准确率 80.09 10']);
    expect(texts(joinFiguresWrappedInCells(row(['8.', '0', '0']), [grid]))).toEqual(['医保基金发放准确率 8.00 10']);
    expect(texts(joinFiguresWrappedInCells(row(['100.00', '%']), [grid]))).toEqual(['医保基金发放准确率 100.00% 10']);
  });

  it('is left as printed where no rule closes the cell, a word shares it, or the row holds no figure on one line', () => {
    expect(joinFiguresWrappedInCells(row(['1', '0']), undefined)).toEqual(row(['1', '0']));
    const open: PageRulings = { ...grid, horizontal: [grid.horizontal[0]] };
    expect(texts(joinFiguresWrappedInCells(row(['1', '0']), [open]))).toEqual(['医保基金发放准确率 1 10', '0']);
    expect(texts(joinFiguresWrappedInCells(row(['1', '分']), [grid]))).toEqual(['医保基金发放准确率 1 10', '分']);
    // a table with no rule between its rows closes one cell round a column's figures of two rows
    expect(texts(joinFiguresWrappedInCells(row(['1', '0'], '好'), [grid]))).toEqual(['医保基金发放准确率 1 好', '0']);
  });
});

describe('a figure over three lines, with no rule to go by', () => {
  it('is read whole where its parts stand at an edge and complete it as the row prints its amounts', () => {
    const rows = [line(1, 100, [['12.', 40, 55], ['0.00', 90, 105], ['8.', 116, 123], ['8.00', 197, 212]]), line(2, 109, [['50', 46, 55], ['0', 118, 123]]), line(3, 118, [['0', 118, 123]])];
    expect(texts(joinWrappedCells(rows))).toEqual(['12.50 0.00 8.00 8.00']);
    const unit = [line(1, 100, [['506', 40, 52], ['海东市医疗保', 60, 110], ['1,2', 131, 142], ['1,215.34', 187, 217]]), line(2, 109, [['001', 40, 52], ['障局（本级）', 60, 110], ['15.', 131, 142]]), line(3, 118, [['34', 133, 142]])];
    expect(texts(joinWrappedCells(unit))).toEqual(['506001 海东市医疗保障局（本级） 1,215.34 1,215.34']);
    // a third line whose digits stand under no part (a row of its own): 8. / 0 completes no amount as the row prints them, nothing is joined
    const apart = [rows[0], rows[1], line(3, 118, [['0', 160, 165]])];
    expect(texts(joinWrappedCells(apart))).toEqual(['12. 0.00 8. 8.00', '50 0', '0']);
  });
});

describe('a 栏次 line, a blank 合计 and a row broken over a page', () => {
  it('a 栏次 number wrapped in its header cell (10 1 12 over 1) completes the 栏次 line', () => {
    const numbers = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '1', '12'].map((n, k): [string, number, number] => [n, 60 + 20 * k, 64 + 20 * k]);
    const out = joinWrappedCells([line(1, 100, [['栏次', 40, 56], ...numbers]), line(2, 109, [['1', 260, 264]])]);
    expect(texts(out)).toEqual(['栏次 1 2 3 4 5 6 7 8 9 10 11 12']);
    // digits under digits that make no 栏次 line are two rows' own
    expect(texts(joinWrappedCells([line(1, 100, [['一、财政', 40, 70], ['1', 140, 144]]), line(2, 109, [['2', 140, 144]])]))).toEqual(['一、财政 1', '2']);
  });

  it('under a 栏次 line outside the rules, a blank first row (合 / 计) is a body row, its cell read whole', () => {
    const grid: PageRulings = { page: 1, horizontal: [120, 150, 180].map((at) => ({ at, from: 40, to: 300 })), vertical: [40, 70, 300].map((at) => ({ at, from: 120, to: 180 })) };
    const numbering = line(1, 110, [['栏次', 42, 60], ['1', 100, 104], ['2', 200, 204]]);
    const body = [line(2, 130, [['合', 42, 50]]), line(3, 139, [['计', 42, 50]]), line(4, 165, [['506', 42, 60], ['1,215.34', 150, 190], ['0.00', 250, 270]])];
    expect(joinRuledRows([numbering, ...body], [grid]).map((l) => [l.text, l.ruledRow ?? false])).toEqual([
      ['栏次 1 2', false],
      ['合计', true],
      ['506 1,215.34 0.00', true],
    ]);
    // with no 栏次 line above, rows above the first figures are the header's, left to its own reading
    expect(texts(joinRuledRows(body, [grid]))).toEqual(['合', '计', '506 1,215.34 0.00']);
  });

  it('the rest of a row’s figures at the next page’s head, under the header printed again, completes them', () => {
    const header = (n: number, page: number) => [line(n, 60, [['项目', 40, 60], ['决算数', 150, 180]], page), line(n + 1, 70, [['栏次', 40, 56], ['1', 160, 164], ['2', 250, 254]], page)];
    const lines = [...header(1, 1), line(3, 700, [['年初财政拨款结转和结', 40, 120], ['28', 130, 138], ['4,999.', 150, 180], ['3,057.', 240, 270]], 1), ...header(4, 2), line(6, 90, [['余', 40, 48], ['06', 172, 180], ['62', 262, 270]], 2)];
    const out = joinWrappedCells(lines);
    expect(out.find((l) => l.line === 3)!.text).toBe('年初财政拨款结转和结余 28 4,999.06 3,057.62');
    expect(out.some((l) => l.line === 6)).toBe(false);
  });
});
