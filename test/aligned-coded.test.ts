/**
 * Text laid out as printed (pdftotext -layout): a coded table whose rows omit blank cells puts
 * each figure in the column whose header stands over it, measured in character columns with a
 * CJK character two wide, and only where that is unambiguous (otherwise the row keeps its total
 * and its other figures unplaced, as before); a 总表's many-level header is read by those spans
 * as a page's is by position.
 */
import { describe, expect, it } from 'vitest';
import { splitLines } from '../src/ingest/index.js';
import { tokenizeLine } from '../src/layout/tokenize.js';
import { headerSpans, placeByEdges, placeBySpans, rightEdges } from '../src/model/tables/text-columns.js';
import type { Table } from '../src/model/index.js';
import { brief, fixtureText, lintText, lineOf, mutate, reportOf } from './helpers.js';

const FILE = 'text/aligned-coded-blank-cells.txt';
const text = fixtureText(FILE);

const table03 = (t: string) => reportOf(t, FILE).tables.find((x) => x.id === '公开03')!;
/** a row's printed cells by column, and its figures left unplaced */
const printed = (t: Table, key: string) => {
  const row = t.rows.find((r) => r.key === key)!;
  const cells = Object.fromEntries(Object.entries(row.cells).filter(([, c]) => !c.blank).map(([k, c]) => [k, c.raw]));
  return { cells, unplaced: row.unplaced.map((c) => c.raw) };
};
/** the line of a row, its second figure moved so that it ends at character column `end` (0-based) */
const moveSecond = (code: string, end: number) => {
  const line = text.split('\n').find((l) => l.startsWith(code + ' '))!;
  const last = line.lastIndexOf('400.00');
  const head = line.slice(0, last).trimEnd();
  return mutate(text, line, head + ' '.repeat(end - 5 - head.length) + '400.00');
};

describe('a coded table in aligned text whose rows omit blank cells (支出决算表, pdftotext -layout)', () => {
  const t = table03(text);

  it('places each figure under its header, the wrapped 对附属单位补 / 助支出 among them', () => {
    expect(t.columns.map((c) => c.key)).toEqual(['本年支出合计', '基本支出', '项目支出', '上缴上级支出', '经营支出', '对附属单位补助支出']);
    // a row of a total and project spending only: the second figure is 项目支出, not 基本支出
    expect(printed(t, '21202')).toEqual({ cells: { 本年支出合计: '400.00', 项目支出: '400.00' }, unplaced: [] });
    expect(printed(t, '208')).toEqual({ cells: { 本年支出合计: '300.00', 基本支出: '300.00' }, unplaced: [] });
    expect(printed(t, '合计')).toEqual({ cells: { 本年支出合计: '1200.00', 基本支出: '800.00', 项目支出: '400.00' }, unplaced: [] });
    expect(t.rows.find((r) => r.key === '21202')!.cells['基本支出'].blank).toBe(true);
    expect(t.reading).toEqual({ unplaced: 0, dropped: 0 });
  });

  it('sees that the narrative took 基本支出 from the table of all funds, as the PDF reading does', async () => {
    const all = await lintText(text, FILE);
    // a two-table fixture: the other seven tables of the form are missing, and nothing else is said
    expect(all.filter((d) => d.ruleId === '形式/必备表')).toHaveLength(7);
    const ds = all.filter((d) => d.ruleId !== '形式/必备表');
    expect(ds.map(brief)).toEqual([
      { ruleId: '叙述/取自全部资金表', severity: 2, line: lineOf(text, '基本支出 800.00 万元'), actual: '800.00 万元', expected: '790.00 万元', difference: '10.00 万元' },
    ]);
    expect(ds[0].message).toContain('是全部资金的支出表中同一项的数（800.00 万元）');
  });
});

describe('a name set at the top of its cell, its tail on the line under it (2080505 机关事业单位基本养老保 / 险缴费支出)', () => {
  const NAME = '机关事业单位基本养老保险缴费支出';
  const rowName = (t: string, key: string) => reportOf(t, FILE).tables.find((x) => x.id === '公开05')!.rows.find((r) => r.key === key)!.name;

  it('joins the tail that starts where the name starts, under a first line that fills the cell', () => {
    expect(rowName(text, '2080505')).toBe(NAME);
    expect(table03(text).rows.find((r) => r.key === '2080505')!.name).toBe(NAME);
  });

  it('leaves a word apart from the name\'s column, or under a name shorter than the cell, alone', () => {
    // the tail two columns right of where the name starts: not in the name's cell
    expect(rowName(mutate(text, '290.00      0.00\n          险缴费支出', '290.00      0.00\n            险缴费支出'), '2080505')).toBe('机关事业单位基本养老保');
    // a short name (行政运行) never wraps: a word under it is not its tail
    const under = mutate(text, '2120101   行政运行           500.00       500.00      0.00\n', '2120101   行政运行           500.00       500.00      0.00\n          支出\n');
    expect(rowName(under, '2120101')).toBe('行政运行');
  });
});

describe('names wrapped under their rows by Apache FOP, the narrative after the table (海东 2025 一般公共预算支出表, pdftotext -layout)', () => {
  const FOP = 'text/coded-top-set-names.fop.layout.txt';
  const fop = fixtureText(FOP);
  const t = reportOf(fop, FOP).tables.find((x) => x.id === '部门公开表5')!;
  const name = (key: string) => t.rows.find((r) => r.key === key)!.name;

  it('puts every name together (行政事业单位养老支 / 出), and keeps names that fit on one line as they are', () => {
    expect(name('20805')).toBe('行政事业单位养老支出');
    expect(name('2080505')).toBe('机关事业单位基本养老保险缴费支出');
    expect(name('2101599')).toBe('其他医疗保障管理事务支出');
    expect(name('208')).toBe('社会保障和就业支出');
    expect(name('2101501')).toBe('行政运行');
  });

  it('ends the table at the narrative\'s heading (关于…部门 2025 年…情况说明, the year spaced from 年): its last row keeps its figures', () => {
    expect(t.rows.map((r) => r.key).slice(-1)).toEqual(['2210201']);
    expect(Object.values(t.rows.find((r) => r.key === '2210201')!.cells).filter((c) => !c.blank).map((c) => c.raw)).toEqual(['32.44', '32.44']);
    expect(reportOf(fop, FOP).notes).toEqual([]);
  });

  it('compares the narrative\'s 项 with its row, found by the whole name: only the real differences are said', async () => {
    const ds = await lintText(fop, FOP);
    expect(ds.map(brief)).toEqual([
      { ruleId: '科目/上下级合计', severity: 2, line: lineOf(fop, '20805 行政事业单位养老支'), actual: '63.25 万元', expected: '62.24 万元', difference: '1.01 万元' },
      { ruleId: '科目/行内分列合计', severity: 2, line: lineOf(fop, '21015 医疗保障管理事务'), actual: '1,078.45 万元', expected: '311.69 万元', difference: '766.76 万元' },
      { ruleId: '科目/行内分列合计', severity: 2, line: lineOf(fop, '2101599 其他医疗保障管理事'), actual: '640.87 万元', expected: '0.00 万元', difference: '640.87 万元' },
      { ruleId: '叙述/金额与表一致', severity: 2, line: lineOf(fop, '机关事业单位职业年金缴费支出（项）'), actual: '19.65 万元', expected: '18.54 万元', difference: '1.11 万元' },
    ]);
  });
});

describe('a header that names the total otherwise (支出合计 for 本年支出合计)', () => {
  it('reads the same columns and cells', () => {
    const other = mutate(text, '本年支出合计      基本支出', '支出合计        基本支出');
    const t = table03(other);
    expect(t.columns.map((c) => c.key)).toEqual(table03(text).columns.map((c) => c.key));
    expect(printed(t, '21202')).toEqual({ cells: { 本年支出合计: '400.00', 项目支出: '400.00' }, unplaced: [] });
  });
});

describe('a row of aligned text whose figures the header does not place unambiguously', () => {
  it('keeps a figure under two overlapping header cells (上缴上级支出 and 经营支出) unplaced', () => {
    const t = table03(moveSecond('2120201', 68));
    expect(printed(t, '2120201')).toEqual({ cells: { 本年支出合计: '400.00' }, unplaced: ['400.00'] });
    // the other rows are placed still
    expect(printed(t, '21202')).toEqual({ cells: { 本年支出合计: '400.00', 项目支出: '400.00' }, unplaced: [] });
  });

  it('keeps a figure under no header cell unplaced', () => {
    const t = table03(moveSecond('2120201', 95));
    expect(printed(t, '2120201')).toEqual({ cells: { 本年支出合计: '400.00' }, unplaced: ['400.00'] });
  });

  it('then no longer tells where the narrative took 基本支出 from: the plain mismatch is said', async () => {
    // the 合计 row's 项目支出 moved under both 上缴上级支出 and 经营支出: the whole row is unplaced
    const line = text.split('\n').find((l) => l.includes('1200.00'))!;
    const moved = mutate(text, line, line.replace('400.00', ' '.repeat(14) + '400.00'));
    expect(printed(table03(moved), '合计').unplaced).toEqual(['800.00', '400.00']);
    const ds = (await lintText(moved, FILE)).filter((d) => d.ruleId !== '形式/必备表');
    expect(ds.map((d) => d.ruleId)).toEqual(['叙述/金额与表一致']);
  });
});

describe('spans and placement in character columns', () => {
  const tokens = (line: string) => tokenizeLine(splitLines('x.txt', line).lines[0]);

  it('counts a CJK character two columns wide from where the word starts, spread letters to the last one', () => {
    expect(headerSpans(tokens('  功能分类      本年支出合计'))).toEqual([
      { text: '功能分类', x0: 3, x1: 11 },
      { text: '本年支出合计', x0: 13, x1: 25 },
    ]);
    expect(headerSpans(tokens('      合  计'))).toEqual([{ text: '合计', x0: 7, x1: 12 }]);
    expect(headerSpans(tokens('      合 计'))).toEqual([{ text: '合计', x0: 7, x1: 11 }]);
  });

  it('parts names one space apart, and single letters far apart (类 款 项 over the code columns)', () => {
    expect(headerSpans(tokens('一般公共预算   政府性基金预算 国有资本经营预算'))).toEqual([
      { text: '一般公共预算', x0: 1, x1: 13 },
      { text: '政府性基金预算', x0: 10, x1: 24 },
      { text: '国有资本经营预算', x0: 18, x1: 34 },
    ]);
    expect(headerSpans(tokens('类     款    项            经营收入'))).toEqual([
      { text: '类', x0: 1, x1: 3 },
      { text: '款', x0: 7, x1: 9 },
      { text: '项', x0: 12, x1: 14 },
      { text: '经营收入', x0: 25, x1: 33 },
    ]);
  });

  it('places by overlap (a left edge is sure, a right edge is not); in order, one figure a column', () => {
    const cols = [
      { key: 'a', x0: 10, x1: 14 },
      { key: 'b', x0: 20, x1: 28 },
    ];
    const figures = (line: string) => tokens(line).tokens.filter((t) => t.kind === 'number');
    // 12.00 ends past a's narrow header but overlaps it only; 7.00 ends under b
    const placed = placeBySpans(figures('           12.00    7.00'), cols);
    expect(placed && Object.fromEntries([...placed].map(([k, t]) => [k, t.text]))).toEqual({ a: '12.00', b: '7.00' });
    expect(placeBySpans(figures('                     1.00 2.00'), cols)).toBeNull();
    expect(placeBySpans(figures('              1.00'), cols)).toBeNull();
  });

  it('a figure wider than a narrow header goes where it overlaps most, not where it ends (上海 财政拨款收支预算总表, pdfplumber layout text)', () => {
    // 合计@62 一般公共预算@72 政府性基金预算@86 over 22,186,440.80 printed from 61 and from 75
    const cols = [
      { key: '合计', x0: 62, x1: 66 },
      { key: '一般公共预算', x0: 72, x1: 84 },
      { key: '政府性基金预算', x0: 86, x1: 100 },
    ];
    const figures = tokens(`${' '.repeat(60)}22,186,440.80 22,186,440.80`).tokens.filter((t) => t.kind === 'number');
    const placed = placeBySpans(figures, cols);
    expect(placed && Object.fromEntries([...placed].map(([k, t]) => [k, t.column]))).toEqual({ 合计: 61, 一般公共预算: 75 });
  });

  it('refuses a figure overlapping two headers alike, or where two headers run into each other', () => {
    const figure = (at: number) => tokens(`${' '.repeat(at - 1)}1.00`).tokens.filter((t) => t.kind === 'number');
    // 1.00 from 13 to 17: two columns under a and two under b
    expect(placeBySpans(figure(13), [{ key: 'a', x0: 10, x1: 15 }, { key: 'b', x0: 15, x1: 25 }])).toBeNull();
    // a's span reaches past b's start: a figure there is under both
    expect(placeBySpans(figure(17), [{ key: 'a', x0: 10, x1: 20 }, { key: 'b', x0: 18, x1: 30 }])).toBeNull();
    // clear of that stretch it is placed
    expect([...placeBySpans(figure(11), [{ key: 'a', x0: 10, x1: 20 }, { key: 'b', x0: 18, x1: 30 }])!.keys()]).toEqual(['a']);
  });
});

describe('text laid out as printed: a 总表 whose spending side prints more columns than its amount (上海财政局 2025, pdftotext -layout)', () => {
  // 支出 预算数 over 合计 | 基本支出 (人员经费 | 公用经费) | 项目支出: the header's leaf cells by their spans
  const text = [
    '                           2025年预算单位财务收支预算总表',
    '编制单位：上海市财政局                                                                             单位：元',
    '            本年收入                                   本年支出',
    '                                                                  预算数',
    '     项目            预算数                项目                          基本支出',
    '                                              合计                                      项目支出',
    '                                                           人员经费          公用经费',
    '一、财政拨款收入           171,915,169 一、一般公共服务支出    127,886,849    60,330,260   24,531,459   43,025,130',
    '  1、一般公共预算资金       171,915,169 二、社会保障和就业支出    17,560,320    15,714,000      646,320    1,200,000',
    '  2、政府性基金                        三、卫生健康支出      4,668,000     4,620,000                    48,000',
    '  3、国有资本经营预算                     四、住房保障支出     21,800,000    21,800,000',
    '二、事业收入',
    '三、事业单位经营收入',
    '四、其他收入',
    '    收入总计           171,915,169       支出总计    171,915,169   102,464,260   25,177,779   44,273,130',
    '',
  ].join('\n');

  it('reads each figure into the column whose leaf header cell stands over it, as on the page', async () => {
    const t = reportOf(text).tables.find((x) => x.id === '部门公开表1')!;
    expect(t.columns.map((c) => c.key)).toEqual(['收入金额', '支出金额', '人员经费', '公用经费', '项目支出']);
    const raw = (key: string) => Object.fromEntries(Object.entries(t.rows.find((r) => r.key === key)!.cells).map(([k, c]) => [k, c.blank ? '' : c.raw]));
    expect(raw('支出:卫生健康支出')).toEqual({ 支出金额: '4,668,000', 人员经费: '4,620,000', 公用经费: '', 项目支出: '48,000' });
    expect(raw('支出:总计')).toEqual({ 支出金额: '171,915,169', 人员经费: '102,464,260', 公用经费: '25,177,779', 项目支出: '44,273,130' });
    expect(t.reading).toEqual({ unplaced: 0, dropped: 0 });
    // every figure read, and its sums hold
    expect((await lintText(text)).filter((d) => d.ruleId.startsWith('读取/') || d.ruleId.startsWith('总表/'))).toEqual([]);
  });
});

describe('aligned text whose later rows pdftotext closed up (上海 万里街道 2024 收入预算总表, from its second page)', () => {
  // the header wraps 事业单位 / 经营收入; the first page's rows stand under the names, the second
  // page's are set three spaces apart wherever they fall
  const CLOSED = 'text/aligned-closed-up-rows.txt';
  const closed = fixtureText(CLOSED);
  const table = (t: string) => reportOf(t, CLOSED).tables.find((x) => x.id === '部门公开表2')!;
  const own = async (t: string) => (await lintText(t, CLOSED)).filter((d) => d.ruleId !== '形式/必备表');

  it('names the columns by the first page and reads a closed-up row that prints every column by order', async () => {
    const t = table(closed);
    expect(t.columns.map((c) => c.key)).toEqual(['合计', '一般公共预算拨款收入', '事业收入', '事业单位经营收入', '其他收入']);
    expect(printed(t, '2101101')).toEqual({ cells: { 合计: '1,422,233', 一般公共预算拨款收入: '1,422,233' }, unplaced: [] });
    expect(printed(t, '合计')).toEqual({ cells: { 合计: '3,773,657', 一般公共预算拨款收入: '3,773,657' }, unplaced: [] });
    expect(t.rows.every((r) => r.unplaced.length === 0)).toBe(true);
    expect(await own(closed)).toEqual([]);
  });

  it('finds a wrong figure in a closed-up row, in its row and in its column', async () => {
    const wrong = mutate(closed, '事业单位医疗             1,601,424   1,601,424', '事业单位医疗             1,601,424   1,610,424');
    const ds = await own(wrong);
    expect(ds.map(brief)).toEqual([
      { ruleId: '科目/上下级合计', severity: 2, line: lineOf(wrong, '行政事业单位医疗'), actual: '3,023,657 元', expected: '3,032,657 元', difference: '9,000 元' },
      { ruleId: '科目/行内分列合计', severity: 2, line: lineOf(wrong, '210   11   02'), actual: '1,601,424 元', expected: '1,610,424 元', difference: '9,000 元' },
    ]);
  });

  it('keeps the parts of a closed-up row that omits blanks and stands under no name unplaced; the other rows are read', async () => {
    const moved = closed.replace(/^(210   07   17   计划生育服务) +200,000 +200,000 .*$/m, '$1   200,000   200,000');
    const t = table(moved);
    expect(printed(t, '2100717')).toEqual({ cells: { 合计: '200,000' }, unplaced: ['200,000'] });
    expect(printed(t, '2101102')).toEqual({ cells: { 合计: '1,601,424', 一般公共预算拨款收入: '1,601,424' }, unplaced: [] });
    expect(await own(moved)).toEqual([]);
  });

  it('does not take the names where more than one row in ten stands under none of them', () => {
    let moved = closed;
    for (const code of ['210   07   17', '210   07   ', '207   03   08']) moved = moved.replace(new RegExp(`^(${code}\\S*\\s+\\S+) +(\\S+) +(\\S+) .*$`, 'm'), '$1   $2   $3');
    const t = table(moved);
    // the catalogue's columns, not the header's: 上年结转 is not printed here
    expect(t.columns.map((c) => c.key)).toContain('上年结转');
    expect(printed(t, '2101101')).toEqual({ cells: { 合计: '1,422,233' }, unplaced: ['1,422,233', '0', '0', '0'] });
  });
});

describe('aligned text whose short headers stand off their figures (海东 一般公共预算基本支出表 set by XeLaTeX, pdftotext -layout)', () => {
  // 合计, 人员经费 and 公用经费 centred over wide columns, the figures flush right: no figure stands
  // under its header's name, but each column's figures end at one place
  const EDGES = 'text/aligned-right-edges.txt';
  const edges = fixtureText(EDGES);
  const table = (t: string) => reportOf(t, EDGES).tables.find((x) => x.id === '部门公开表6')!;

  it('places each figure in the column whose figures end where it ends', async () => {
    const t = table(edges);
    expect(printed(t, '30101')).toEqual({ cells: { 合计: '79.27', 人员经费: '79.27' }, unplaced: [] });
    expect(printed(t, '30201')).toEqual({ cells: { 合计: '2.88', 公用经费: '2.88' }, unplaced: [] });
    expect(t.rows.every((r) => r.unplaced.length === 0)).toBe(true);
    expect((await lintText(edges, EDGES)).filter((d) => d.ruleId !== '形式/必备表')).toEqual([]);
  });

  it('keeps the parts of a row whose figure ends elsewhere unplaced (a row pdftotext closed up)', () => {
    const moved = mutate(edges, '2.88                        2.88', '2.88                     2.88');
    expect(printed(table(moved), '30201')).toEqual({ cells: { 合计: '2.88' }, unplaced: ['2.88'] });
    expect(printed(table(moved), '30205')).toEqual({ cells: { 合计: '1.44', 公用经费: '1.44' }, unplaced: [] });
  });

  it('finds right edges only where two figures or more share them, between headers', () => {
    const tokens = (line: string) => tokenizeLine(splitLines('x.txt', line).lines[0]).tokens.filter((t) => t.kind === 'number');
    const rows = ['        1.00      2.00', '       10.00     20.00', '        3.00            9.00'].map(tokens);
    const cols = [
      { key: 'a', x0: 6 },
      { key: 'b', x0: 16 },
      { key: 'c', x0: 24 },
    ];
    // a's and b's figures end at 13 and 23; c's one figure sets no edge
    expect(rightEdges(rows, cols)).toEqual(new Map([['a', 13], ['b', 23]]));
    const placed = placeByEdges(rows[1], cols, rightEdges(rows, cols));
    expect(placed && Object.fromEntries([...placed].map(([k, t]) => [k, t.text]))).toEqual({ a: '10.00', b: '20.00' });
    expect(placeByEdges(rows[2], cols, rightEdges(rows, cols))).toBeNull();
  });
});

describe('a page number amid a table\'s rows, from its first column (贵州 set by XeLaTeX, pdftotext -layout)', () => {
  // pdflscape turns a wide table's page and keeps its number upright: pdftotext sets it as a line
  // of its own amid the rows. It opened no row of this table, and the rows after it, whose 行次
  // and item look like a misprinted code, went to the 支出决算表 before: 8 of the 26 items read, and
  // 本年支出合计 14,250.23 said to be off their sum 357.81
  const STRAY = 'text/aligned-stray-page-number.txt';
  const stray = fixtureText(STRAY);

  it('is no row of either table: the 总表 reads every item and says nothing', async () => {
    const report = reportOf(stray, STRAY);
    const t04 = report.tables.find((x) => x.id === '公开04')!;
    expect(t04.rows.filter((r) => r.side === '支出' && r.kind === 'item')).toHaveLength(26);
    expect(t04.rows.find((r) => r.key === '支出:卫生健康支出')!.cells['合计'].raw).toBe('13,844.54');
    expect(report.notes.filter((n) => n.message.startsWith('公开03'))).toEqual([]);
    expect((await lintText(stray, STRAY)).filter((d) => d.ruleId !== '形式/必备表')).toEqual([]);
  });
});
