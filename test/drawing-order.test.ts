/**
 * Text copied as a page was drawn (PDFium's page text, Chrome's or Foxit's copy-all): cells parted
 * by one space, a blank cell leaving no room, and in a spreadsheet's PDF a page's title and
 * number drawn after its rows. What such text cannot tell is said, never guessed: a table with a
 * row short of figures is left unread with why; a title drawn under its rows is its rows' title.
 */
import { describe, expect, it } from 'vitest';
import type { SourceLine } from '../src/ingest/text.js';
import { titlesFirst, type TitleLineTest } from '../src/layout/title-order.js';
import { fixtureText, reportOf } from './helpers.js';

const line = (n: number, page: number, text: string): SourceLine => ({ line: n, page, text });
const TEST: TitleLineTest = { names: (t) => /(支出|总)表$|^部门公开表\d$/.test(t), numbers: (t) => /^(部门公开表|预算)\d+表?$/.test(t) };
const order = (lines: SourceLine[]) => titlesFirst(lines, TEST).map((l) => l.line);

describe('a page whose title is drawn after its rows', () => {
  const drawn = [
    line(1, 1, '河西县农业农村局'),
    line(2, 2, '部门：河西县农业农村局 单位：万元'),
    line(3, 2, '合计 1,142.78 709.28 433.50'),
    line(4, 2, '部门公开表3'),
    line(5, 2, '部门支出总表'),
    line(6, 3, '编制单位：河西县农业农村局 金额单位：万元'),
    line(7, 3, '合计 709.28 548.18 161.10'),
    line(8, 3, '预算05表'),
    line(9, 3, '一般公共预算支出表'),
    line(10, 3, '208 社会保障和就业支出 53.76 53.76 0.00'),
    line(11, 4, '编制单位：河西县农业农村局 金额单位：万元'),
    line(12, 4, '注：本单位无政府性基金预算拨款安排的支出，故本表无数据。'),
    line(13, 4, '政府性基金预算支出表'),
  ];

  it('has its title block put back at the top of the page, a number naming no kind after the title', () => {
    expect(order(drawn)).toEqual([1, 4, 5, 2, 3, 9, 8, 6, 7, 10, 13, 11, 12]);
  });

  // PDFium's text of Jiangsu's 公开表 made in Excel (江苏省政协办公厅2017年度部门预算公开表): 表十 atop
  // the page, then the unit line and rows, the title last
  it('has its title put back under the page\'s number where the number alone stands atop the page', () => {
    const numbered: TitleLineTest = { names: (t) => /(预算|总)表$/.test(t), numbers: (t) => /^表[一二三四五六七八九十]+$/.test(t) };
    const pages = [
      line(1, 1, '表一'),
      line(2, 1, '部门：江苏省政协办公厅 单位：万元'),
      line(3, 1, '合计 9,146.79'),
      line(4, 1, '收支预算总表'),
      line(5, 2, '表十'),
      line(6, 2, '部门：江苏省政协办公厅 单位：万元'),
      line(7, 2, '302 商品和服务支出 3,253.98'),
      line(8, 2, '一般公共预算机关运行经费支出预算表'),
    ];
    expect(titlesFirst(pages, numbered).map((l) => l.line)).toEqual([4, 1, 2, 3, 8, 5, 6, 7]);
    // a number that also names a kind in another scheme (公开01表 is the national 收入支出决算总表) likewise
    const named = [line(1, 1, '部门公开表1'), line(2, 1, '部门：江苏省政协办公厅 单位：万元'), line(3, 1, '合计 10,150.48'), line(4, 1, '收支预算总表'), line(5, 1, '收入 支出')];
    expect(titlesFirst(named, TEST).map((l) => l.line)).toEqual([4, 1, 2, 5, 3]);
    // a number atop a page whose title is printed over the rows is left as it stands
    const printed = [line(1, 1, '表一'), line(2, 1, '收支预算总表'), line(3, 1, '部门：江苏省政协办公厅 单位：万元'), line(4, 1, '合计 9,146.79')];
    expect(titlesFirst(printed, numbered)).toBe(printed);
  });

  it('has the header words drawn after the title put over the first row; a row’s name or a note drawn after it stays below', () => {
    const page = [
      line(1, 1, '部门：河西县司法局 单位：万元'),
      line(2, 1, '科目编码 科目名称 合计 基本支出 项目支出'),
      line(3, 1, '合计 608.42 479.92 128.50'),
      line(4, 1, '2210201 住房公积金 34.20 34.20'),
      line(5, 1, '部门公开表5'),
      line(6, 1, '一般公共预算支出表'),
      line(7, 1, '2025年预算数'),
      line(8, 1, '1.因公出国（境）费'),
      line(9, 1, '注：本表无数据'),
    ];
    expect(order(page)).toEqual([5, 6, 1, 2, 7, 3, 4, 8, 9]);
  });

  // PDFium's text of 上海市财政局25年单位预算 (Excel 2007): a 目录 names the tables on a page of its own,
  // and the tables are in 元, their figures with no decimals (171,915,169)
  it('takes the order for the drawing’s after a 目录 naming the tables, with figures in whole 元', () => {
    const inYuan = [
      line(1, 1, '目录'),
      line(2, 1, '5．部门支出总表'),
      line(3, 2, '单位：元'),
      line(4, 2, '合计 171,915,169 127,642,039 44,273,130'),
      line(5, 2, '部门支出总表'),
      line(6, 3, '单位：元'),
      line(7, 3, '201 一般公共服务支出 127,886,849 84,861,719 43,025,130'),
      line(8, 3, '一般公共预算支出表'),
      line(9, 3, '编制单位：上海市财政局'),
    ];
    expect(order(inYuan)).toEqual([1, 2, 5, 3, 4, 8, 6, 9, 7]);
  });

  it('is left as it stands when the document first prints a title over its rows', () => {
    const read = [line(1, 1, '部门支出总表'), line(2, 1, '部门：河西县农业农村局 单位：万元'), line(3, 1, '合计 1,142.78 709.28 433.50'), ...drawn.slice(5)];
    expect(titlesFirst(read, TEST)).toBe(read);
  });

  it('is left as it stands where the page opens with anything but the table’s unit line', () => {
    const orphan = [...drawn, line(14, 5, '208 社会保障和就业支出 1.00 1.00'), line(15, 5, '国有资本经营预算支出表')];
    expect(order(orphan).slice(-2)).toEqual([14, 15]);
  });

  it('gives each table of a spreadsheet PDF copied with PDFium its own rows and number', () => {
    const file = 'text/extracted/layout-codes.calc.pdfium.txt';
    const tables = reportOf(fixtureText(file), file).tables.map((t) => [t.id, t.printedId, t.loc.line, t.rows[0]?.cells['合计']?.value ?? null]);
    expect(tables).toEqual([
      ['部门公开表1', '部门公开表1', 18, null],
      ['部门公开表3', '部门公开表3', 43, 1142.78],
      ['部门公开表4', '部门公开表4', 59, null],
      ['部门公开表5', '部门公开表5', 84, 1142.78],
      ['部门公开表6', '部门公开表6', 117, 709.28],
    ]);
  });

  it('reads a year drawn after the title as the header’s, not as a figure of the last row', () => {
    const file = 'text/extracted/layout-sangong.calc.pdfium.txt';
    const t = reportOf(fixtureText(file), file).tables.find((x) => x.id === '部门公开表5')!;
    const row = t.rows.find((r) => r.key === '2210201')!;
    expect([row.cells['合计'].value, row.unplaced.map((c) => c.value), t.years.map((y) => y.value)]).toEqual([34.2, [34.2], [2025, 2025]]);
  });

  it('takes a number drawn under its table’s rows as that table’s, not the next title’s', () => {
    const file = 'text/extracted/layout-spanning.calc.pdfium.txt';
    const report = reportOf(fixtureText(file), file);
    expect(report.tables.map((t) => [t.id, t.printedId, t.title])).toEqual([
      ['公开03', '公开03表', '支出决算表'],
      ['公开05', '公开05表', '一般公共预算财政拨款支出决算表'],
      ['公开09', '公开09表', '财政拨款“三公”经费支出决算表'],
    ]);
    const meetings = 'text/extracted/layout-sangong-meetings.calc.pdfium.txt';
    const sangong = reportOf(fixtureText(meetings), meetings);
    expect([sangong.kind, sangong.tables.map((t) => [t.id, t.printedId])]).toEqual(['预算', [['部门公开表7', '公开09表']]]);
  });
});

describe('text whose every gap is one space', () => {
  const budget = (rows: string[]) =>
    ['2025年部门预算', '一般公共预算支出表', '部门：河西县农业农村局 单位：万元', '科目编码 科目名称 合计 基本支出 项目支出', ...rows, ''].join('\n');
  const full = ['合计 120.00 100.00 20.00', '213 农林水支出 120.00 100.00 20.00', '21301 农业农村 120.00 100.00 20.00'];

  it('reads a table whose every row prints a figure for each column', () => {
    const t = reportOf(budget(full)).tables[0];
    expect([t.unread, t.rows.map((r) => [r.key, r.cells['合计'].value, r.cells['基本支出'].value, r.cells['项目支出'].value])]).toEqual([
      null,
      [
        ['合计', 120, 100, 20],
        ['213', 120, 100, 20],
        ['21301', 120, 100, 20],
      ],
    ]);
  });

  it('reads a row printing fewer figures than columns by its total, and says its parts are in no column', () => {
    const t = reportOf(budget([...full.slice(0, 2), '21301 农业农村 120.00 100.00'])).tables[0];
    const row = t.rows.find((r) => r.key === '21301')!;
    expect([t.unread, t.reading, Object.keys(row.cells), row.cells['合计'].value, row.unplaced.map((c) => c.value)]).toEqual([null, { unplaced: 1, dropped: 0 }, ['合计'], 120, [100]]);
  });

  it('still places figures by the gaps where the text leaves room for blank cells', () => {
    const laid = budget(['合计          120.00     100.00      20.00', '213 农林水支出    120.00     100.00      20.00', '21301 农业农村   120.00                 20.00']);
    const t = reportOf(laid).tables[0];
    expect([t.unread, t.reading.unplaced, t.rows.map((r) => [r.key, Object.keys(r.cells).length, r.unplaced.length])]).toEqual([
      null,
      0,
      [
        ['合计', 3, 0],
        ['213', 3, 0],
        ['21301', 1, 1],
      ],
    ]);
  });

  it('places a full row by the header’s order when the header names every column', () => {
    const file = 'text/extracted/layout-spanning.calc.pdfium.txt';
    const t = reportOf(fixtureText(file), file).tables.find((x) => x.id === '公开05')!;
    const row = t.rows.find((r) => r.key === '2013816')!;
    expect([t.columns.map((c) => c.key), row.cells['基本支出'].value, row.cells['项目支出'].value, row.cells['小计'].value]).toEqual([['基本支出', '项目支出', '小计'], 0, 37.65, 36.75]);
  });
});
