/**
 * The ruled lines a PDF draws (table borders): read alike by both engines, exactly where they
 * are printed; and what they tell the layout (lines between the same two rules are one row),
 * only where they enclose the lines.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../src/ingest/index.js';
import type { SourceLine } from '../src/ingest/text.js';
import { withoutGlyphStrokes } from '../src/ingest/glyph-strokes.js';
import { RulingCollector, type PageRulings } from '../src/ingest/rulings.js';
import { cellOf, joinRuledRows, withinRules } from '../src/layout/ruled-rows.js';
import { joinWrappedCells } from '../src/layout/wrap.js';
import { FIXTURES } from './helpers.js';

describe('rulings read from a PDF', () => {
  // LibreOffice Calc's 三公 table: a two-level header over eight figures, each border a stroked line
  it.each(['pdfium', 'unpdf'] as const)('%s reads every border of the 三公 table, merged into whole rules', async (engine) => {
    const doc = await readDocument(path.join(FIXTURES, 'pdf/layout-sangong-meetings.calc.pdf'), { pdfEngine: engine });
    expect(doc.rulings).toEqual([
      {
        page: 2,
        horizontal: [
          { at: 108.74, from: 94.65, to: 746.76 },
          { at: 122.88, from: 168.32, to: 610.95 },
          { at: 137.03, from: 315.69, to: 542.92 },
          { at: 163.87, from: 94.65, to: 747.01 },
          { at: 181.42, from: 94.65, to: 747.01 },
        ],
        vertical: [
          { at: 94.9, from: 108.48, to: 181.67 },
          { at: 168.58, from: 108.48, to: 181.67 },
          { at: 236.61, from: 122.63, to: 181.67 },
          { at: 315.95, from: 122.63, to: 181.67 },
          { at: 383.98, from: 136.77, to: 181.67 },
          { at: 463.32, from: 136.77, to: 181.67 },
          { at: 542.66, from: 122.63, to: 181.67 },
          { at: 610.7, from: 108.48, to: 181.67 },
          { at: 678.73, from: 108.48, to: 181.67 },
          { at: 746.76, from: 108.48, to: 181.67 },
        ],
      },
    ]);
  });

  // Writer sets bold in a one-weight font by stroking the glyphs (text render mode 2); cairo keeps
  // the text and writes each stroke as a path of its own, some 1,300 short straight edges on 16 pages
  it.each(['pdfium', 'unpdf'] as const)('%s: glyphs stroked for bold, rewritten by cairo as paths, add no rules', async (engine) => {
    const read = (f: string) => readDocument(path.join(FIXTURES, `pdf/corpus-guizhou-office-2023-final.fakebold.${f}.pdf`), { pdfEngine: engine });
    const [writer, cairo] = [await read('libreoffice'), await read('cairo')];
    const count = (d: typeof writer) => d.rulings!.reduce((n, r) => n + r.horizontal.length + r.vertical.length, 0);
    expect(count(writer)).toBe(488);
    // the same rules, each within a point of where Writer drew it (cairo rounds positions)
    expect(cairo.rulings!.map((r) => [r.page, r.horizontal.length, r.vertical.length])).toEqual(writer.rulings!.map((r) => [r.page, r.horizontal.length, r.vertical.length]));
    cairo.rulings!.forEach((r, i) => {
      for (const way of ['horizontal', 'vertical'] as const) {
        r[way].forEach((s, k) => {
          const w = writer.rulings![i][way][k];
          expect(Math.max(Math.abs(s.at - w.at), Math.abs(s.from - w.from), Math.abs(s.to - w.to))).toBeLessThan(1);
        });
      }
    });
  }, 60000);

  it('text input has no rulings', async () => {
    const doc = await readDocument(path.join(FIXTURES, 'pdf/budget.txt'));
    expect(doc.rulings).toBeUndefined();
  });
});

describe('what counts as a rule', () => {
  const collect = (add: (c: RulingCollector) => void) => {
    const c = new RulingCollector(600, 800);
    add(c);
    return c.rulings();
  };

  it('a thin filled rectangle is a rule along its middle; cell borders touching end to end are one', () => {
    const rect = (x0: number, y0: number, x1: number, y1: number) => [{ x: x0, y: y0 }, { x: x1, y: y0 }, { x: x1, y: y1 }, { x: x0, y: y1 }];
    expect(collect((c) => {
      c.add(rect(50, 100, 150, 100.5), true, false);
      c.add(rect(150.5, 100, 300, 100.5), true, false);
      c.add(rect(50, 100, 50.5, 200), true, false);
    })).toEqual({ horizontal: [{ at: 100.25, from: 50, to: 300 }], vertical: [{ at: 50.25, from: 100, to: 200 }] });
  });

  it('a stroked rectangle gives its four edges; a wide fill, a curve and a corner dot give none', () => {
    expect(collect((c) => {
      c.add([{ x: 10, y: 10 }, { x: 110, y: 10 }, { x: 110, y: 60 }, { x: 10, y: 60 }], true, true);
      c.add([{ x: 200, y: 200 }, { x: 300, y: 200 }, { x: 300, y: 260 }, { x: 200, y: 260 }], true, false);
      c.add([{ x: 400, y: 400 }, { x: 500, y: 400, curve: true }], false, true);
      c.add([{ x: 5, y: 5 }, { x: 5.5, y: 5 }, { x: 5.5, y: 5.5 }, { x: 5, y: 5.5 }], true, false);
    })).toEqual({
      horizontal: [{ at: 10, from: 10, to: 110 }, { at: 60, from: 10, to: 110 }],
      vertical: [{ at: 10, from: 10, to: 60 }, { at: 110, from: 10, to: 60 }],
    });
  });
});

describe('characters stroked as paths', () => {
  const glyph = (text: string, x0: number, y: number, size = 9) => ({ text, x0, x1: x0 + size, y, size });
  // 当年收入 on a baseline at 736.4, 9 pt; a border under the row at 740 and one over it at 725
  const glyphs = [glyph('当', 58.4, 736.4), glyph('年', 67.4, 736.4), glyph('收', 76.4, 736.4), glyph('入', 85.4, 736.4)];

  it("an edge inside a character's box, or across the boxes of neighbouring characters, is the character's outline", () => {
    const rulings = {
      horizontal: [{ at: 730.6, from: 60, to: 66 }, { at: 732.4, from: 62, to: 80 }],
      vertical: [{ at: 65.7, from: 729.7, to: 737.2 }],
    };
    expect(withoutGlyphStrokes(rulings, glyphs)).toEqual({ horizontal: [], vertical: [] });
  });

  it('a border beside, above or below the text, or running past it, is kept', () => {
    const rulings = {
      horizontal: [{ at: 740, from: 50, to: 300 }, { at: 725, from: 58, to: 94 }, { at: 732, from: 50, to: 120 }],
      vertical: [{ at: 55, from: 720, to: 745 }, { at: 70, from: 725, to: 745 }],
    };
    expect(withoutGlyphStrokes(rulings, glyphs)).toEqual(rulings);
  });
});

describe('rows the rules bound', () => {
  const line = (n: number, y: number, pieces: Array<[string, number, number]>): SourceLine => ({
    line: n, pageLine: n, page: 1, y, size: 10, text: pieces.map((p) => p[0]).join(' '),
    pieces: pieces.map(([text, x0, x1]) => ({ text, x0, x1 })),
  });
  // a header row (100–130) and two body rows (130–190, 190–220), three columns
  const grid: PageRulings = {
    page: 1,
    horizontal: [100, 130, 190, 220].map((at) => ({ at, from: 50, to: 350 })),
    vertical: [50, 150, 250, 350].map((at) => ({ at, from: 100, to: 220 })),
  };
  const lines = [
    line(1, 120, [['项目', 60, 80], ['金额', 160, 180], ['备注', 260, 280]]),
    line(2, 150, [['一、财政', 60, 100]]),
    line(3, 163, [['13,649.07', 160, 200]]),
    line(4, 176, [['拨款', 60, 80]]),
    line(5, 210, [['二、其他', 60, 100], ['5.00', 160, 180]]),
  ];

  it('a name wrapped in its cell and the figure centred beside it are one row, at the figure\'s line', () => {
    const out = joinRuledRows(lines, [grid]);
    expect(out.map((l) => [l.line, l.text, l.ruledRow ?? false])).toEqual([
      [1, '项目 金额 备注', false],
      [3, '一、财政拨款 13,649.07', true],
      [5, '二、其他 5.00', true],
    ]);
    expect(out[1].pieces!.map((p) => [p.text, p.x0, p.x1, p.column])).toEqual([['一、财政拨款', 60, 100, 1], ['13,649.07', 160, 200, 8]]);
  });

  it('lines the rules do not enclose (no rule below them) stay as printed', () => {
    const open: PageRulings = { ...grid, horizontal: grid.horizontal.slice(0, 2) };
    expect(joinRuledRows(lines, [open])).toEqual(lines);
    expect(joinRuledRows(lines, undefined)).toBe(lines);
    expect(joinRuledRows(lines, [{ ...grid, page: 2 }])).toEqual(lines);
  });

  it('a cell stacking a figure over other text is not guessed at', () => {
    const stacked = [...lines.slice(0, 3), line(4, 176, [['拨款', 60, 80], ['万元', 160, 180]]), lines[4]];
    expect(joinRuledRows(stacked, [grid]).map((l) => l.text)).toEqual(stacked.map((l) => l.text));
  });

  // AbiWord breaks a figure wider than its narrow cell: 3.3 over 5 is the score 3.35, 3070 over 2 the code 30702
  it('a figure wrapped in its cell, a line pitch apart, is one figure where its row holds another figure on one line', () => {
    const wrapped = [
      lines[0],
      line(2, 152, [['一、财政拨款', 60, 120], ['3.3', 260, 280]]),
      line(3, 163, [['13,649.07', 160, 200]]),
      line(4, 166, [['5', 260, 266]]),
      lines[4],
    ];
    const out = joinRuledRows(wrapped, [grid]);
    expect(out.map((l) => [l.line, l.text])).toEqual([[1, '项目 金额 备注'], [3, '一、财政拨款 13,649.07 3.35'], [5, '二、其他 5.00']]);
    expect(out[1].pieces!.at(-1)).toMatchObject({ text: '3.35', x0: 260, x1: 280 });
    // two figures further apart than a line pitch (a row each, under no rule), or with no other figure of the row on one line, are left as printed
    const apart = wrapped.map((l) => (l.line === 4 ? { ...l, y: 182 } : l));
    expect(joinRuledRows(apart, [grid]).map((l) => l.text)).toEqual(apart.map((l) => l.text));
    const alone = wrapped.map((l) => (l.line === 3 ? line(3, 163, [['财政', 160, 200]]) : l));
    expect(joinRuledRows(alone, [grid]).map((l) => l.text)).toEqual(alone.map((l) => l.text));
  });

  // AbiWord sets a note close under a table: a line below the table's last rule is no part of its last row
  it("a line the table's bottom rule parts from the last row is not joined to it as a wrapped name", () => {
    const table: PageRulings = { page: 1, horizontal: [100, 130].map((at) => ({ at, from: 50, to: 350 })), vertical: [50, 150, 350].map((at) => ({ at, from: 100, to: 130 })) };
    const rows = [line(1, 125, [['合计', 60, 80], ['0.00', 300, 340]]), line(2, 139, [['注：本表无数据。', 50, 200]])];
    expect(joinWrappedCells(rows, [table]).map((l) => l.text)).toEqual(['合计 0.00', '注：本表无数据。']);
    // without the rule, 14 pt under a 10 pt line is near enough to be read as the name's second line
    expect(joinWrappedCells(rows, []).map((l) => l.text)).toEqual(['合计注：本表无数据。 0.00']);
  });
});

// iText sets a row's baseline on the cell's bottom rule (qinghai's rendering: text at 207.49, the
// rule at 207.4): the rule closes the cell under the text, it does not run through it
describe('the closed cell a piece stands in', () => {
  const grid: PageRulings = {
    page: 1,
    horizontal: [195.6, 207.4, 219.2].map((at) => ({ at, from: 346, to: 808 })),
    vertical: [346.4, 474.3].map((at) => ({ at, from: 180, to: 230 })),
  };
  const piece = { text: '培训计划按期完成率', x0: 348.9, x1: 425.4 };

  it('holds text whose baseline sits on its bottom rule', () => {
    expect(cellOf(grid, piece, 207.49, 8.5)).toEqual({ top: 195.6, bottom: 207.4, left: 346.4, right: 474.3 });
  });

  it('holds text set inside it, and not text a rule runs through', () => {
    expect(cellOf(grid, piece, 204.9, 8.5)).toEqual({ top: 195.6, bottom: 207.4, left: 346.4, right: 474.3 });
    // a rule 3 pt above the baseline crosses the characters
    expect(cellOf(grid, piece, 210.4, 8.5)).toBeNull();
  });

  // LibreOffice Draw's re-export of 江苏人大 2017 set 一、一般公共服务 in a wider font: 207.7–279.8 in a cell ruled at 276
  // 贵州's form by Calc at 11 pt: 效益指标（20分 / ）, cut by the page break, its ） drawn over the page's last rule
  it('gives a piece drawn across the foot of the vertical rules, or their top, a baseline within them; no other', () => {
    const foot = 230;
    expect(withinRules(grid, 233, 11)).toBe(foot - 0.2 * 11 - 0.5);
    expect(withinRules(grid, 186, 11)).toBe(180 + 0.8 * 11 + 0.5);
    // inside the table, or wholly past its foot (a page number under it)
    expect([withinRules(grid, 205, 11), withinRules(grid, 245, 11), withinRules(grid, 170, 11)]).toEqual([null, null, null]);
  });

  it('holds text running half a character (and the leeway) past its right rule, not more', () => {
    const cell = { top: 195.6, bottom: 207.4, left: 346.4, right: 474.3 };
    expect(cellOf(grid, { ...piece, x1: 474.3 + 4 }, 204.9, 8.5)).toEqual(cell);
    expect(cellOf(grid, { ...piece, x1: 474.3 + 6 }, 204.9, 8.5)).toBeNull();
  });
});

// Word and pdfmake break a figure wider than its cell (1,215.3 / 4), set right under its head
describe('figures wrapped in their cells', () => {
  const line = (n: number, y: number, pieces: Array<[string, number, number]>): SourceLine => ({
    line: n,
    text: pieces.map((p) => p[0]).join(' '),
    page: 1,
    y,
    size: 7,
    pieces: pieces.map(([text, x0, x1]) => ({ text, x0, x1 })),
  });

  it('are read whole where the tail completes its head into a figure printed as the line’s others', () => {
    const rows = [line(1, 100, [['506', 40, 52], ['海东市', 60, 90], ['1,215.3', 160, 183], ['0.00', 200, 214], ['1,215.3', 222, 245]]), line(2, 110, [['4', 180, 183], ['4', 242, 245]])];
    const out = joinWrappedCells(rows);
    expect(out.map((l) => [l.text, l.joined])).toEqual([['506 海东市 1,215.34 0.00 1,215.34', [2]]]);
    // a tail split off at a comma, a head with no other amount beside it: 2 decimals
    expect(joinWrappedCells([line(1, 100, [['合计', 40, 52], ['1,', 170, 183]]), line(2, 110, [['215.34', 160, 183]])]).map((l) => l.text)).toEqual(['合计 1,215.34']);
  });

  it('are not taken from a row of its own under whole figures, nor from figures not set under them', () => {
    const whole = [line(1, 100, [['合计', 40, 52], ['1,215.34', 155, 183]]), line(2, 110, [['4', 180, 183]])];
    expect(joinWrappedCells(whole).map((l) => l.text)).toEqual(['合计 1,215.34', '4']);
    const elsewhere = [line(1, 100, [['合计', 40, 52], ['1,215.3', 160, 183]]), line(2, 110, [['4', 120, 123]])];
    expect(joinWrappedCells(elsewhere).map((l) => l.text)).toEqual(['合计 1,215.3', '4']);
    // a line a row pitch below is another row's
    const far = [line(1, 100, [['合计', 40, 52], ['1,215.3', 160, 183]]), line(2, 115, [['4', 180, 183]])];
    expect(joinWrappedCells(far).map((l) => l.text)).toEqual(['合计 1,215.3', '4']);
  });

  // jspdf-autotable sizes columns by their content: a name and a figure of one row both wrap
  it('are read whole beside the last words of the row’s name wrapped in its cell', () => {
    const rows = [line(1, 100, [['506001', 40, 62], ['海东市医疗保障局（本级', 70, 150], ['1,215.3', 160, 183], ['0.00', 200, 214]]), line(2, 110, [['）', 70, 77], ['4', 160, 164]])];
    expect(joinWrappedCells(rows).map((l) => [l.text, l.joined])).toEqual([['506001 海东市医疗保障局（本级） 1,215.34 0.00', [2]]]);
    // a word under a figure, or under no piece of the line above, is no name's: nothing is joined
    const underFigure = [line(1, 100, [['合计', 40, 52], ['1,215.3', 160, 183], ['0.00', 200, 214]]), line(2, 110, [['4', 160, 164], ['元', 200, 207]])];
    expect(joinWrappedCells(underFigure).map((l) => l.text)).toEqual(['合计 1,215.3 0.00', '4 元']);
    const underNothing = [line(1, 100, [['合计', 40, 52], ['1,215.3', 160, 183], ['0.00', 200, 214]]), line(2, 110, [['4', 160, 164], ['注', 100, 107]])];
    expect(joinWrappedCells(underNothing).map((l) => l.text)).toEqual(['合计 1,215.3 0.00', '4 注']);
  });

  it('take a code wrapped in its narrow column (506 / 001) only on a line that completes an amount', () => {
    const rows = [line(1, 100, [['506', 40, 52], ['海东市医疗保障', 60, 110], ['1,21', 120, 136], ['1,215.34', 150, 183]]), line(2, 110, [['001', 40, 52], ['局（本级）', 60, 95], ['5.34', 120, 136]])];
    expect(joinWrappedCells(rows).map((l) => l.text)).toEqual(['506001 海东市医疗保障局（本级） 1,215.34 1,215.34']);
    // digits under digits alone say nothing of a wrap: two rows' 行次 (1 over 2) stay two
    const lineNos = [line(1, 100, [['一、财政拨款', 40, 90], ['1', 120, 124], ['5.00', 150, 166]]), line(2, 110, [['2', 120, 124]])];
    expect(joinWrappedCells(lineNos).map((l) => l.text)).toEqual(['一、财政拨款 1 5.00', '2']);
  });
});
