/**
 * placeByRightEdges: figures set flush right in wide cells under names set in their middles
 * (Chromium's 三线表 of province-budget's 收入总表: positions as printed, points).
 */
import { describe, expect, it } from 'vitest';
import { headerSetFlushLeft, placeByLeftEdges, placeByRightEdges, rightSetEnds } from '../src/model/tables/geometry.js';

const fig = (x0: number, x1: number) => ({ x0, x1 });
// 合计 and 一般公共预算拨款收入's figures of four rows: 1,007.60 / 945.86 / 90.36 / 25.60
const totals = [fig(265.27, 294.41), fig(271.52, 294.42), fig(275.68, 294.42), fig(275.68, 294.42)];
const grants = [fig(397.65, 426.8), fig(403.91, 426.81), fig(408.07, 426.81), fig(408.07, 426.81)];
const labels = [
  { key: '合计', x0: 261.19 },
  { key: '一般公共预算拨款收入', x0: 326.11 },
  { key: '事业收入', x0: 444.22 },
  { key: '其他收入', x0: 503.06 },
];

describe('placeByRightEdges', () => {
  it('a figure goes to the column whose name starts last before it ends, not the nearer name', () => {
    // 90.36's middle (417.4) is nearer 事业收入's (459.2) than 一般公共预算拨款收入's (363.6)
    const placed = placeByRightEdges([totals[2], grants[2]], rightSetEnds([...totals, ...grants]), labels);
    expect(placed && Object.fromEntries(placed)).toEqual({ 合计: totals[2], 一般公共预算拨款收入: grants[2] });
  });

  it('two ends of figures set right under one name (a column whose name was not found between): nothing placed', () => {
    const without = labels.filter((l) => l.key !== '一般公共预算拨款收入');
    expect(placeByRightEdges([totals[2], grants[2]], rightSetEnds([...totals, ...grants]), without)).toBeNull();
  });

  it('figures centred in their cells (ends apart) are not shown set right: nothing placed', () => {
    const centred = [fig(397.65, 426.8), fig(400.8, 423.7), fig(404.9, 419.5)];
    expect(placeByRightEdges([totals[2], centred[2]], rightSetEnds([...totals, ...centred]), labels)).toBeNull();
  });
});

describe('headerSetFlushLeft', () => {
  // Typst's sheet rendering of 海东's 财政拨款收支总表 (no rules between columns, header words
  // flush left, figures flush right): the header's lines as printed, points
  const word = (x0: number, x1: number, y: number) => ({ x0, x1, y });
  const flushHeader = [
    [word(44, 58, 100), word(221, 235, 100)],
    [word(407, 449, 110), word(456, 498, 110), word(505, 547, 110)],
    [word(44, 58, 120), word(172, 193, 120), word(221, 235, 120), word(358, 372, 120)],
    [word(407, 435, 130), word(456, 491, 130), word(505, 547, 130)],
  ];

  it('names wrapped over two lines from one x, widths apart: set flush left; figures go by the names\' starts', () => {
    expect(headerSetFlushLeft(flushHeader)).toBe(true);
    // 64.22 set right under 合计 stands nearer 一般公共预算's middle (428) than 合计's (365)
    const figures = [fig(390, 404), fig(439, 453)];
    const placed = placeByLeftEdges(figures, [{ key: '合计', x: 358 }, { key: '一般公共预算财政拨款', x: 407 }, { key: '政府性基金预算财政拨款', x: 456 }]);
    expect(placed && Object.fromEntries(placed)).toEqual({ 合计: figures[0], 一般公共预算财政拨款: figures[1] });
  });

  it('a wrapped name centred (middles one, starts apart) says the header is centred', () => {
    const centred = [...flushHeader, [word(340, 390, 140)], [word(350, 380, 150)]];
    expect(headerSetFlushLeft(centred)).toBe(false);
  });

  it('rows\' names starting where their column\'s name starts show a header that wraps none set flush left', () => {
    // target.sheet: 科目代码 / 合计 (the total row's label) and 科目名称 / 卫生健康支出 …
    const header = [[{ ...word(44, 72, 100), text: '科目代码' }, { ...word(103, 131, 100), text: '科目名称' }, { ...word(303, 317, 100), text: '合计' }]];
    const rows = [
      [{ ...word(44, 58, 110), text: '合计' }, { ...word(369, 384, 110), text: '25.39' }],
      [{ ...word(90, 100, 120), text: '210' }, { ...word(103, 145, 120), text: '卫生健康支出' }, { ...word(369, 384, 120), text: '25.39' }],
    ];
    expect(headerSetFlushLeft(header, rows)).toBe(true);
    expect(headerSetFlushLeft(header)).toBe(false);
  });

  it('figures and codes that happen to start where a centred name starts are no evidence', () => {
    // province-budget.large (Chromium): 类 over 208, 合计 over 420.00, both from one x; the header is centred
    const header = [[{ ...word(58, 69, 100), text: '类' }, { ...word(317, 337, 100), text: '合计' }]];
    const rows = [[{ ...word(58, 75, 110), text: '208' }, { ...word(317, 349, 110), text: '420.00' }]];
    expect(headerSetFlushLeft(header, rows)).toBe(false);
  });

  it('one wrapped name from one x is not evidence enough, nor names of one width', () => {
    expect(headerSetFlushLeft([[word(407, 449, 110)], [word(407, 435, 130)]])).toBe(false);
    expect(headerSetFlushLeft([[word(407, 449, 110), word(505, 547, 110)], [word(407, 449, 130), word(505, 547, 130)]])).toBe(false);
  });
});
