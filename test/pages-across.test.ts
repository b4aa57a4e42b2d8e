/**
 * A sheet wider than its paper printed across two pages (Gnumeric, as Excel does without fit to
 * width): the right part's columns are joined to the rows they stand level with
 * (src/layout/pages-across.ts), each figure keeping the page it is printed on.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFile } from '../src/cli/lint.js';
import type { PositionedPiece, SourceLine } from '../src/ingest/text.js';
import { withoutPageFurniture, withoutPageNumbers } from '../src/layout/page-furniture.js';
import { joinPagesAcross } from '../src/layout/pages-across.js';
import { expectTextAsPdf, readFixture } from './calc-fixtures.js';
import { builtinRules, FIXTURES, pageText } from './helpers.js';

describe('sheets printed across pages (Gnumeric)', () => {
  it('layout-codes: 部门公开表4 joined to its last three columns on the next page, read as the text version', async () => {
    // before the join, the next page's cut title (政拨款收支总表) was taken for a second disclosure
    // and every table after it was dropped
    await expectTextAsPdf('layout-codes', 'gnumeric');
    const report = await readFixture('layout-codes.gnumeric.pdf');
    expect(report.secondDisclosure).toBeUndefined();
    const total = report.tables.find((t) => t.id === '部门公开表4')!.rows.find((r) => r.key === '支出:总计')!;
    expect(Object.entries(total.cells).map(([k, c]) => [k, c.raw, c.loc.page])).toEqual([
      ['合计', '1,142.78', 4],
      ['一般公共预算财政拨款', '1,142.78', 5],
      ['政府性基金预算财政拨款', '', 5],
      ['国有资本经营预算财政拨款', '', 5],
    ]);
  });

  it('layout-spanning: the 三公 grid\'s two 决算数 columns on the next page, where they are printed', async () => {
    await expectTextAsPdf('layout-spanning', 'gnumeric');
    const report = await readFixture('layout-spanning.gnumeric.pdf');
    const grid = report.tables.find((t) => t.title.includes('三公'))!;
    const at = (k: string) => {
      const c = grid.rows[0].cells[k];
      return [c.raw, c.loc.page, c.loc.line, c.loc.column];
    };
    expect([at('决算数.公务用车购置费'), at('决算数.公务用车运行维护费'), at('决算数.公务接待费')]).toEqual([
      ['0.00', 4, 8, 48],
      ['7.62', 5, 5, 1],
      ['2.84', 5, 5, 6],
    ]);
  });

  it('layout-halves: a right part naming its own rows (公用经费\'s second half) joined where the cut title shows; the planted mistake found where its figure is printed', async () => {
    // before, the next page's cut title (算财政拨款基本支出决算明细表) was taken for a table of its own, left unread
    await expectTextAsPdf('layout-halves', 'gnumeric');
    const out = await lintFile(path.join(FIXTURES, 'pdf', 'layout-halves.gnumeric.pdf'), await builtinRules());
    const found = out.diagnostics.filter((d) => d.ruleId !== '形式/必备表').map((d) => [d.ruleId, d.page, d.line, d.column, d.row, d.tableColumn, d.actual, d.expected, d.difference]);
    expect(found).toEqual([['科目/上下级合计', 3, 7, 1, '302', '决算数', '30.00 万元', '29.00 万元', '1.00 万元']]);
    const report = await readFixture('layout-halves.gnumeric.pdf');
    const t = report.tables.find((x) => x.title.includes('基本支出决算明细表'))!;
    const cell = (key: string) => {
      const c = t.rows.find((r) => r.key === key)!.cells['决算数'];
      return [c.raw, c.loc.page, c.loc.line];
    };
    expect([cell('30101'), cell('31002')]).toEqual([
      ['60.00', 2, 9],
      ['7.50', 3, 10],
    ]);
  });
});

describe('joinPagesAcross', () => {
  let n = 0;
  const line = (page: number, y: number, ...pieces: Array<[string, number]>): SourceLine => {
    const placed: PositionedPiece[] = [];
    let text = '';
    for (const [t, x] of pieces) {
      if (text) text += ' ';
      placed.push({ text: t, x0: x, x1: x + 10 * t.length, column: text.length + 1, size: 10 });
      text += t;
    }
    n++;
    return { line: n, pageLine: n, page, y, size: 10, text, pieces: placed };
  };
  const left = () => [line(1, 50, ['部门支出总表', 200]), line(1, 80, ['项目', 40], ['合计', 300]), line(1, 100, ['行政运行', 40], ['12.00', 300]), line(1, 120, ['事业运行', 40], ['3.00', 300])];

  it('joins a page of bare figures level with the rows before, under its own header words', () => {
    const right = [line(2, 80, ['项目支出', 30]), line(2, 100, ['5.00', 30]), line(2, 120, ['-', 30])];
    const joined = joinPagesAcross([...left(), ...right]);
    expect(joined.map((l) => l.text)).toEqual(['部门支出总表', '项目 合计 项目支出', '行政运行 12.00 5.00', '事业运行 3.00 -']);
    expect(joined[2].pieces!.map((p) => [p.text, p.printed ?? null])).toEqual([
      ['行政运行', null],
      ['12.00', null],
      ['5.00', { page: 2, line: 2, column: 1 }],
    ]);
  });

  it('leaves a table continued down the next page (its rows named), and a page that starts a table', () => {
    const down = [line(2, 80, ['项目', 40], ['合计', 300]), line(2, 100, ['机关服务', 40], ['5.00', 300])];
    expect(joinPagesAcross([...left(), ...down]).map((l) => l.page)).toEqual([1, 1, 1, 1, 2, 2]);
    const titled = [line(2, 50, ['“三公”经费支出表', 200]), line(2, 80, ['合计', 30]), line(2, 100, ['5.00', 30])];
    expect(joinPagesAcross([...left(), ...titled]).map((l) => l.page)).toEqual([1, 1, 1, 1, 2, 2, 2]);
    // figures that stand level with nothing on the page before
    const apart = [line(2, 80, ['合计', 30]), line(2, 110, ['5.00', 30])];
    expect(joinPagesAcross([...left(), ...apart]).map((l) => l.page)).toEqual([1, 1, 1, 1, 2, 2]);
  });

  // a title merged across the sheet, drawn on both pages: ends at 510 on the first, at 100 on the next (shift 410)
  const titled = (page: number) => [line(page, 50, ['部门基本支出决算明细表', 400]), line(page, 80, ['科目名称', 40], ['决算数', 200]), line(page, 100, ['工资福利支出', 40], ['12.00', 200]), line(page, 120, ['基本工资', 40], ['9.00', 200])];
  const half = (page: number) => [line(page, 50, ['支出决算明细表', 30]), line(page, 80, ['科目名称', 40], ['决算数', 200]), line(page, 100, ['商品和服务支出', 40], ['5.00', 200]), line(page, 120, ['办公费', 40], ['5.00', 200])];

  it('joins a right part that names its rows where the cut title shows, its columns where a wide paper prints them', () => {
    const joined = joinPagesAcross([...titled(1), ...half(2)]);
    expect(joined.map((l) => l.text)).toEqual(['部门基本支出决算明细表', '科目名称 决算数 科目名称 决算数', '工资福利支出 12.00 商品和服务支出 5.00', '基本工资 9.00 办公费 5.00']);
    expect(joined[3].pieces!.map((p) => [p.text, p.x0, p.printed?.page ?? 1])).toEqual([
      ['基本工资', 40, 1],
      ['9.00', 200, 1],
      ['办公费', 450, 2],
      ['5.00', 610, 2],
    ]);
  });

  it('leaves it where the page before prints its own text past the cut, or no copy shows the cut', () => {
    const crowded = [...titled(1).slice(0, 3), line(1, 120, ['基本工资', 40], ['9.00', 200], ['备注', 450])];
    expect(joinPagesAcross([...crowded, ...half(2)]).map((l) => l.page)).toEqual([1, 1, 1, 1, 2, 2, 2, 2]);
    const untitled = half(2).slice(1);
    expect(joinPagesAcross([...titled(1), ...untitled]).map((l) => l.page)).toEqual([1, 1, 1, 1, 2, 2, 2]);
  });

  it('printed down, then across: the top right page joins the top left one two pages back, the page below it the page below', () => {
    const below = (page: number, name: string, figure: string) => [line(page, 40, [name, 40], [figure, 200]), line(page, 60, ['合计', 40], ['21.00', 200])];
    const joined = joinPagesAcross([...titled(1), ...below(2, '津贴补贴', '3.00'), ...half(3), ...below(4, '印刷费', '0.00')]);
    expect(joined.map((l) => [l.page, l.text])).toEqual([
      [1, '部门基本支出决算明细表'],
      [1, '科目名称 决算数 科目名称 决算数'],
      [1, '工资福利支出 12.00 商品和服务支出 5.00'],
      [1, '基本工资 9.00 办公费 5.00'],
      [2, '津贴补贴 3.00 印刷费 0.00'],
      [2, '合计 21.00 合计 21.00'],
    ]);
    expect(joined[4].pieces!.map((p) => p.printed?.page ?? 2)).toEqual([2, 2, 4, 4]);
  });

  it('puts the columns of each page below the first where the first page of their column of pages puts them, however far its own rows reach', () => {
    // pages 1-2: the sheet's left part (a title cut by the paper's edge shows where page 3 joins
    // page 1, page 4 page 2); pages 5-6: its last column, bare figures under a header on page 5
    const lines = [
      line(1, 50, ['部门基本支出决算明细表', 400]),
      line(1, 80, ['科目名称', 40], ['决算数', 200]),
      line(1, 100, ['工资福利支出', 40], ['12.00', 200]),
      line(2, 40, ['津贴补贴', 40], ['3.00', 200]),
      line(3, 50, ['支出决算明细表', 30]),
      line(3, 80, ['科目名称', 40], ['决算数', 200]),
      line(3, 100, ['一个很长很长很长的科目名称', 40], ['5.00', 200]),
      line(4, 40, ['办公费', 40]),
      line(5, 80, ['备注分值', 40]),
      line(5, 100, ['10', 40]),
      line(6, 40, ['20', 40]),
    ];
    const joined = joinPagesAcross(lines);
    const at = (text: string) => joined.flatMap((l) => l.pieces!).find((p) => p.text === text)!.x0;
    // page 6's figure stands under page 5's, though page 2's own rows end further left than page 1's
    expect(at('20')).toBe(at('10'));
  });
});

describe('withoutPageNumbers', () => {
  it('keeps a bare figure at a page\'s top or foot standing in a column of figures (a sheet\'s last column on a page of its own)', () => {
    const column = pageText([
      [1, 60, [['20', 42]]],
      [1, 90, [['10', 42]]],
      [1, 110, [['5.00', 42]]],
      [2, 60, [['部门支出表', 200]]],
      [2, 90, [['合计', 40], ['12.00', 300]]],
      [2, 800, [['3', 290]]],
    ]);
    expect(withoutPageNumbers(column.lines).map((l) => `${l.page}:${l.text}`)).toEqual(['1:20', '1:10', '1:5.00', '2:部门支出表', '2:合计 12.00']);
  });

  // iText's rendering of 临夏's 公开06 with columns fitted to their contents: the code 39909 broken
  // 3990 / 9 in its narrow cell, the 9 the page's last line, 4 pt under its row's
  it('keeps a bare figure at a page\'s foot or top set as close to its neighbour as one row\'s lines (a code wrapped in its cell)', () => {
    const page = pageText([
      [1, 40, [['3991', 564]]],
      [1, 44, [['30310', 74], ['个人农业生产补贴', 103], ['0.00', 304]]],
      [1, 536, [['3990', 564]]],
      [1, 540, [['30309', 74], ['奖励金', 103], ['17,600.00', 283]]],
      [1, 544, [['9', 578]]],
      [2, 100, [['合计', 40], ['12.00', 300]]],
      [2, 800, [['3', 290]]],
    ]);
    const kept = withoutPageNumbers(page.lines).map((l) => `${l.page}:${l.text}`);
    expect(kept).toContain('1:9');
    // a page number stands apart from the text above it, and goes
    expect(kept).not.toContain('2:3');
    // at the top, a bare number over the line it belongs to is kept too
    const top = pageText([[1, 40, [['7', 578]]], [1, 44, [['30307', 74], ['医疗费补助', 103], ['0.00', 304]]]]);
    expect(withoutPageNumbers(top.lines).map((l) => l.text)).toEqual(['7', '30307 医疗费补助 0.00']);
  });

  // MuPDF's text of a form ends each page with the 总分 row's figures, a cell to a line (100 / 97, 100 / 99 …):
  // taken for page numbers, a form lost its 得分 and the row above its figures
  it('drops only numbers that count with the pages: three pages at least, or half those ending or opening with one', () => {
    const page = (n: number, last: string): SourceLine[] => [{ line: 3 * n - 2, text: '项目支出绩效自评表', page: n }, { line: 3 * n - 1, text: '总分', page: n }, { line: 3 * n, text: last, page: n }];
    const numbered = [1, 2, 3, 4].flatMap((n) => page(n, String(n + 2)));
    expect(withoutPageNumbers(numbered).map((l) => l.text)).not.toContain('3');
    expect(withoutPageNumbers(numbered)).toHaveLength(8);
    // totals that happen to stand as far from two pages each (97 on pages 21 and 23) are no page numbers
    const totals = ['97', '97', '99', '96', '100', '99', '100'].flatMap((t, k) => page(21 + k, t));
    expect(withoutPageNumbers(totals)).toHaveLength(totals.length);
    // a single bare number at a page's foot has nothing to count with: a page number, as ever
    expect(withoutPageNumbers(page(1, '5')).map((l) => l.text)).toEqual(['项目支出绩效自评表', '总分']);
  });

  // 江苏省人大常委会2019年度部门预算公开 sets its page numbers between box-drawing lines; left in, a
  // sentence running over the page quoted 「与上年相比增加（减少）─7─0万元」
  it('drops a page number between any of the dashes producers set (─ 7 ─, — 7 —, － 7 －, - 7 -)', () => {
    const dashes = ['─ 7 ─', '— 8 —', '－ 9 －', '- 10 -', '━11━'];
    const pages = pageText(dashes.flatMap((n, k): Array<[number, number, Array<[string, number]>]> => [
      [k + 1, 100, [['与上年相比增加（减少）', 60]]],
      [k + 1, 800, [[n, 290]]],
    ]));
    expect(withoutPageNumbers(pages.lines).map((l) => l.text)).toEqual(dashes.map(() => '与上年相比增加（减少）'));
  });
});

describe('withoutPageFurniture', () => {
  const HEADINGS = ['一、部门职责', '二、机构设置', '三、收支预算', '四、其他说明'];
  type Line = [number, number, Array<[string, number]>];
  /** four pages, each: the lines given for it (page number k + 1 put in for #) */
  const pages = (each: (k: number) => Line[]) => pageText([0, 1, 2, 3].flatMap((k) => each(k).map(([, y, ps]): Line => [k + 1, y, ps.map(([t, x]) => [t.replace('#', String(k + 1)), x])])));

  it('drops a running header and footer, and a page number the footer stood under', () => {
    const doc = pages((k) => [
      [0, 28, [['江苏省人民检察院 2019 年度部门预算', 220]]],
      [0, 100, [[k % 2 ? '与上年相比增加' : '收支预算总表', 60]]],
      [0, 120, [['合计', 40], ['12.00', 300]]],
      [0, 790, [['─ # ─', 290]]],
      [0, 806, [['江苏省人民检察院', 260]]],
    ]);
    expect(withoutPageFurniture(doc.lines).map((l) => l.text)).toEqual([0, 1, 2, 3].flatMap((k) => [k % 2 ? '与上年相比增加' : '收支预算总表', '合计 12.00']));
  });

  it('drops a portal\'s stamp of the date made public, printed over every page (2025-06-30 已公开), and a browser\'s print header and footer', () => {
    const doc = pages((k) => [
      [0, 20, [['2025-06-30 已公开', 480]]],
      [0, 30, [['12/6/26,', 40], ['4:19', 72], ['AM', 92], ['上海市普陀区财政局2025年部门预算', 280]]],
      [0, 100, [[k % 2 ? '与上年相比增加' : '收支预算总表', 60]]],
      [0, 120, [['合计', 40], ['12.00', 300]]],
      [0, 820, [['https://www.example.gov.cn/xxgk/2025/0630.html', 40], ['#/4', 540]]],
    ]);
    expect(withoutPageFurniture(doc.lines).map((l) => l.text)).toEqual([0, 1, 2, 3].flatMap((k) => [k % 2 ? '与上年相比增加' : '收支预算总表', '合计 12.00']));
  });

  it('keeps what a table or form repeats page by page: its number, unit line, header row, and a 总分 row', () => {
    const doc = pages(() => [
      [0, 40, [['部门公开表#', 60]]],
      [0, 60, [['单位：万元', 500]]],
      [0, 80, [['科目编码', 40], ['科目名称', 100], ['合计', 300], ['基本支出', 360], ['项目支出', 420]]],
      [0, 100, [['合计', 40], ['12.00', 300]]],
      [0, 780, [['总分', 40], ['100', 300], ['97', 360]]],
    ]);
    expect(withoutPageFurniture(doc.lines)).toHaveLength(20);
  });

  const PROJECTS = ['医保业务能力提升', '医疗救助资金', '基金监管经费', '医保宣传经费'];
  it('keeps a label under a form\'s title that every page of forms prints (text read cell by cell)', () => {
    const doc = pages((k) => [
      [0, 40, [['项目支出绩效自评表', 260]]],
      [0, 60, [['项目名称', 40]]],
      [0, 80, [[PROJECTS[k], 40]]],
      [0, 790, [['#', 290]]],
    ]);
    expect(withoutPageFurniture(doc.lines).map((l) => l.text)).toEqual([0, 1, 2, 3].flatMap((k) => ['项目支出绩效自评表', '项目名称', PROJECTS[k]]));
  });

  it('keeps a cover title that a running header repeats, standing elsewhere', () => {
    const doc = pages((k) => [
      [0, 28, [['海东市医疗保障局2025年部门预算', 230]]],
      ...(k === 0 ? [[0, 120, [['海东市医疗保障局2025年部门预算', 164]]] as Line] : []),
      [0, 200, [[HEADINGS[k], 60]]],
    ]);
    expect(withoutPageFurniture(doc.lines).map((l) => `${l.page}:${l.text}`)).toEqual(['1:海东市医疗保障局2025年部门预算', ...HEADINGS.map((h, k) => `${k + 1}:${h}`)]);
  });
});
