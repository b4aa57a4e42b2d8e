/**
 * Honest degradation of extracted text: a table the reader found but could not read, and text it
 * cannot read at all (a page turned 90°, a character a line), are said, and no table that may be
 * there is said missing (形式/必备表). The fixtures are line-by-line extractions (characters grouped
 * by baseline, a space where the gap is over 3 pt) of two real 江苏 disclosures:
 * lines-jiangsu-tables.txt is 江苏省委办公厅2017年预算公开表格 whole; rotated-pages.txt is pages 3, 6
 * and 7 of 江苏省委办公厅2019年度部门预算公开表格, whose pages 3 and 7 are turned (/Rotate 90).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFile } from '../src/cli/lint.js';
import { findRotatedText } from '../src/layout/rotated-text.js';
import { loadCatalog } from '../src/model/index.js';
import { kindsByTitle } from '../src/model/tables/kinds.js';
import { splitLines } from '../src/ingest/index.js';
import { builtinRules, FIXTURES, fixtureText, lineOf, mutate, reportOf } from './helpers.js';

const TABLES = 'text/lines-jiangsu-tables.txt';
const ROTATED = 'text/rotated-pages.txt';

async function lint(name: string, text = fixtureText(name)) {
  return lintFile(path.join(FIXTURES, name), await builtinRules(), { bytes: Buffer.from(text) });
}

const ROTATED_WHY = '是转了 90° 的页面的文字，提取时一个字一行，无法读取';
const ROTATED_FIX = '请核对 PDF，或按版面重新提取文本（如 pdftotext -layout）';

describe('a table found but not read counts as there', () => {
  it('names every kind a shared title names, and one for the others', () => {
    const catalog = loadCatalog();
    expect(kindsByTitle(catalog, '收入预算总表')).toEqual(['部门公开表2', '预算/收入来源表']);
    expect(kindsByTitle(catalog, '2019年支出预算总表')).toEqual(['部门公开表3']);
    expect(kindsByTitle(catalog, '财政拨款收支预算总表')).toEqual(['部门公开表4']);
    expect(kindsByTitle(catalog, '部门简介表')).toEqual([]);
  });

  it(`${TABLES}: the 收入预算总表 the header did not tell apart is read as 收入总表, found unread, and still there`, async () => {
    const r = reportOf(fixtureText(TABLES), TABLES);
    const income = r.tables.find((t) => t.title === '收入预算总表')!;
    expect([income.id, income.titleKinds, income.rows.length, income.unread]).toEqual([
      '部门公开表2',
      ['部门公开表2', '预算/收入来源表'],
      0,
      // its figures stand on lines of their own, under and over the names they belong to
      '提取的文本没有保留表格的版面（单元格各占一行，或一栏的数字连成一行，如 pdftotext 未加 -layout），分不出各数字属于哪一行哪一栏；请检查 PDF，或按版面提取文本（pdftotext -layout）',
    ]);
    expect(r.family?.id).toBe('部门预算（江苏十二张表）');
    const { fatal, diagnostics } = await lint(TABLES);
    expect(fatal).toBeNull();
    // as the PDF's, with the table it could not read said (and no 形式/必备表 for it); every gap of
    // the text is one space, so the parts of rows short of figures stand in no known column, and
    // the 三公 grid's figures in no known cell: said
    expect(diagnostics.map((d) => [d.ruleId, d.page, d.line])).toEqual([
      ['读取/表格未能读取', 2, 30],
      ['读取/表格未能读取', 3, 56],
      ['读取/表格未能读取', 4, 60],
      ['形式/空表说明', 7, 122],
      ['表间/机关运行经费不超过公用经费', 10, 181],
      ['读取/表格未能读取', 11, 199],
      // the 政府采购预算表's 合计 prints its figure on a line of its own, below its name (a 专项's,
      // above its name, takes the words below): a row not read, so its level sums are not checked
      ['读取/表格未能读取', 12, 210],
    ]);
    expect(diagnostics[0].message).toBe('「收入预算总表」（第 2 页）未能读取：提取的文本没有保留表格的版面（单元格各占一行，或一栏的数字连成一行，如 pdftotext 未加 -layout），分不出各数字属于哪一行哪一栏；请检查 PDF，或按版面提取文本（pdftotext -layout）；这张表的核对都已跳过');
  });

  it(`${TABLES}: without its title the table is missing, and said so`, async () => {
    const text = mutate(fixtureText(TABLES), '\f收入预算总表\n', '\f\n');
    const { diagnostics } = await lint(TABLES, text);
    expect(diagnostics.filter((d) => d.ruleId === '形式/必备表').map((d) => d.message)).toEqual(['未找到「收入预算总表（按资金来源列示）」（预算/收入来源表）']);
  });
});

describe('text of a page turned 90°, a character a line', () => {
  it(`${ROTATED}: finds both turned pages, and no line of the page between`, () => {
    const source = splitLines(ROTATED, fixtureText(ROTATED));
    const stretches = findRotatedText(source.lines).map((s) => [s.from.line, s.from.page, s.to.line, s.to.page, s.lines]);
    expect(stretches).toEqual([
      [1, 1, 73, 1, 73],
      [110, 3, 172, 3, 63],
    ]);
  });

  it(`${ROTATED}: says the stretches, reads the page between, and says no table missing`, async () => {
    const r = reportOf(fixtureText(ROTATED), ROTATED);
    expect(r.tables.map((t) => [t.id, t.rows.length, t.reading])).toEqual([['预算/财政拨款基本支出表', 32, { unplaced: 0, dropped: 0 }]]);
    // as the PDF reads it (32 rows); the turned pages' characters are no rows, claims or names
    expect([r.claims.length, r.names.every((n) => n.loc.page === 2)]).toEqual([0, true]);
    const { fatal, diagnostics } = await lint(ROTATED);
    expect(fatal).toBeNull();
    expect(diagnostics.map((d) => [d.ruleId, d.severity, d.page, d.line, d.endLine, d.message])).toEqual([
      ['text/rotated-page', 2, 1, 1, 73, `第 1–73 行（第 1 页）${ROTATED_WHY}（73 行，每行只是一个个单字），其中的表与文字都未检查，也不算缺表；${ROTATED_FIX}`],
      ['text/rotated-page', 2, 3, 110, 172, `第 110–172 行（第 3 页）${ROTATED_WHY}（63 行，每行只是一个个单字），其中的表与文字都未检查，也不算缺表；${ROTATED_FIX}`],
    ]);
  });

  it('a file that is all turned pages is not linted, and says why (two turned pages in a row are one stretch)', async () => {
    const pages = fixtureText(ROTATED).split('\f');
    const text = `${pages[0]}\f${pages[2]}`;
    const { fatal, diagnostics } = await lint(ROTATED, text);
    expect(diagnostics).toEqual([]);
    expect(fatal).toBe(`${path.join(FIXTURES, ROTATED)}: 第 1–136 行（第 1–2 页）${ROTATED_WHY}；其余部分里没有公开表，也没有预决算情况说明，未检查；${ROTATED_FIX}`);
    // apart, the first is named and the others counted
    const apart = await lint(ROTATED, `${pages[0]}\f附表\n\f${pages[2]}`);
    expect(apart.fatal).toBe(`${path.join(FIXTURES, ROTATED)}: 第 1–73 行（第 1 页）等 2 处${ROTATED_WHY}；其余部分里没有公开表，也没有预决算情况说明，未检查；${ROTATED_FIX}`);
  });

  it('the narrative beside turned pages is checked, and says the tables were not read', async () => {
    const narrative = '中共江苏省委办公厅2019年部门预算情况说明\n2019年部门预算收入合计27,664.22万元，比2018年预算增加1,000.00万元，增长3.75%。';
    const text = `${narrative}\n\f${fixtureText(ROTATED).split('\f')[2]}`;
    const { fatal, diagnostics } = await lint(ROTATED, text);
    expect(fatal).toBeNull();
    expect(diagnostics.map((d) => [d.ruleId, d.line, d.endLine])).toEqual([
      ['读取/未含公开表', 1, 1],
      ['text/rotated-page', 3, 65],
    ]);
    expect(diagnostics[0].message).toBe('有 1 处文字未能读取（见 text/rotated-page），其余部分里没有公开表，只核对了文字说明中的 2 处数字之间的关系');
  });

  it('a label printed down its cell, a column of zeros and a short run are no turned page', () => {
    const lines = (text: string) => splitLines('t.txt', text).lines;
    // 绩/效/指/标 as the corpus prints it, a column of 0 as pdfminer gives one, eleven single characters
    expect(findRotatedText(lines('绩\n效\n指\n标\n一级指标 二级指标 三级指标'))).toEqual([]);
    expect(findRotatedText(lines(Array(40).fill('0').join('\n')))).toEqual([]);
    expect(findRotatedText(lines([...'收支预算总表部门单位万'].join('\n')))).toEqual([]);
    expect(findRotatedText(lines([...'收支预算总表部门单位万元'].join('\n'))).map((s) => [s.from.line, s.to.line])).toEqual([[1, 12]]);
    // a line of words ends it
    expect(findRotatedText(lines([...'收支预算总表', '一般公共预算 拨款收入', ...'部门单位万元'].join('\n')))).toEqual([]);
    // labels set down their cells, each a block (MuPDF's text of a form): no turned page, though 15 lines run on
    expect(findRotatedText(lines([...[...'效益指标（30分）'], '', ...'社会效益指标'].join('\n')))).toEqual([]);
  });

  it("a figure's digits run together three to a line (0.0, 7.8, as PDFium's text of a turned page gives them) stay in the stretch", () => {
    const lines = (text: string) => splitLines('t.txt', text).lines;
    // 总计 32 17,307.85 down the page, among a turned header's characters
    const turned = [...'收入支出项目行次决算数', '3', '1', '0.0', '0', ...'总计', '3', '2', '1', '7', ',', '3', '0', '7.8', '5'];
    expect(findRotatedText(lines(turned.join('\n'))).map((s) => [s.from.line, s.to.line, s.lines])).toEqual([[1, 26, 24]]);
    // three characters with a Chinese one among them are words: they still end it
    expect(findRotatedText(lines([...'收支预算总表', '部门表', ...'单位万元合计'].join('\n')))).toEqual([]);
  });

  it('lines a PDF engine placed are never taken for a turned page', () => {
    const placed = [...'收支预算总表部门单位万元合计'].map((c, i) => ({ line: i + 1, text: c, pieces: [{ text: c, x0: 0, x1: 10 }] }));
    expect(findRotatedText(placed)).toEqual([]);
  });
});

describe('a title amid another table\'s lines, its own header and figures printed elsewhere', () => {
  // PDFium's page text of 江苏人大 2019's Distiller PDF: the 三公 table's title stands amid the
  // 一般公共预算基本支出表's lines, its figures before it, its header after, all jumbled
  const text = fixtureText('text/budget.txt');
  const lines = text.split('\n');
  const at = (t: string) => lines.findIndex((l) => l.trim() === t);
  const scatter = (title: string) => {
    const table7 = lines.slice(at('部门公开表7'), at('部门公开表8'));
    const rest = [...lines.slice(0, at('部门公开表7')), ...lines.slice(at('部门公开表8'))];
    const row = rest.findIndex((l) => l.trim().startsWith('99   其他对个人和家庭的补助支出'));
    // the title amid 表6's rows; the figures and the header after the document's last line
    return [...rest.slice(0, row), title, ...rest.slice(row), ...table7.filter((l) => l.trim() && !/部门公开表7|三公”经费支出表/.test(l))].join('\n');
  };

  it('is a table there but not read: said, and not said missing', async () => {
    const r = reportOf(scatter('一般公共预算“三公”经费支出表'));
    const t = r.tables.find((x) => x.id === '部门公开表7')!;
    expect([t.title, t.rows.length, t.unread]).toEqual(['一般公共预算“三公”经费支出表', 0, '标题之下没有它的表头和各行（提取的文字打乱了表格的行，它们印在别处）']);
    const { diagnostics } = await lint('text/budget.txt', scatter('一般公共预算“三公”经费支出表'));
    expect(diagnostics.filter((d) => d.ruleId === '形式/必备表')).toEqual([]);
    expect(diagnostics.filter((d) => d.ruleId === '读取/表格未能读取').map((d) => d.message)).toContain(
      '「一般公共预算“三公”经费支出表」未能读取：标题之下没有它的表头和各行（提取的文字打乱了表格的行，它们印在别处）；这张表的核对都已跳过',
    );
  });

  it('a heading over prose is none: the table is still missing', async () => {
    const text = scatter('一般公共预算“三公”经费支出表\n本表反映部门一般公共预算安排的“三公”经费支出，本部门没有此项支出。');
    expect(reportOf(text).tables.find((x) => x.id === '部门公开表7')).toBeUndefined();
    const { diagnostics } = await lint('text/budget.txt', text);
    expect(diagnostics.filter((d) => d.ruleId === '形式/必备表').map((d) => d.message)).toEqual(['未找到「一般公共预算“三公”经费支出表」（部门公开表7）']);
  });
});

describe('a table without a figure where the text lost other tables\' layout (pdfminer)', () => {
  // pdfminer's text of 江苏检察院 2019: a column's figures set as a block apart, so 公开02's names
  // came without any figure, and the table was said empty and unexplained (形式/空表说明), false
  const AMOUNT = /\s+-?\d[\d,]*\.\d+/g;
  /** the text with the lines of table `from` (up to table `to`) edited */
  const edit = (lines: string[], from: number, to: number, f: (l: string) => string) => {
    const at = (n: number) => lines.findIndex((l) => l.trim() === `部门公开表${n}`);
    return [...lines.slice(0, at(from)), ...lines.slice(at(from), at(to)).map(f), ...lines.slice(at(to))];
  };
  // 表1's figures each on a line of its own; 表3's codes and names without their figures
  const figuresApart = (l: string) => [l.replace(AMOUNT, ''), ...(l.match(AMOUNT) ?? []).map((x) => x.trim())].join('\n');
  const noFigures = (l: string) => l.replace(AMOUNT, '');
  const budget = fixtureText('text/budget.txt').split('\n');

  it('is not known to be empty: said unread, not unexplained', async () => {
    const scattered = edit(edit(budget, 1, 2, figuresApart).join('\n').split('\n'), 3, 4, noFigures).join('\n');
    const r = reportOf(scattered);
    expect(r.tables.find((t) => t.id === '部门公开表1')!.unread).toContain('提取的文本没有保留表格的版面');
    expect(r.tables.find((t) => t.id === '部门公开表3')!.unread).toContain('提取的文本没有保留表格的版面');
    const { diagnostics } = await lint('text/budget.txt', scattered);
    expect(diagnostics.filter((d) => d.ruleId === '形式/空表说明')).toEqual([]);
  });

  it('where every other table kept its layout, the table is read as printed empty', () => {
    const r = reportOf(edit(budget, 3, 4, noFigures).join('\n'));
    const t = r.tables.find((x) => x.id === '部门公开表3')!;
    expect([t.unread, t.empty]).toEqual([null, true]);
  });
});

