/**
 * 上海's unit budget (上海市财政局 2025, text laid out as printed): its 编制说明 names the
 * 收支总表's wholes and incomes (收入预算, 财政拨款收入), 财政拨款 by fund and classes as
 * “一般公共服务支出”科目; its tables are in 元, the narrative in whole 万元. The 三公 table ends a
 * page and the next opens with unnumbered and numbered headings (其他相关情况说明 /
 * 一、2025年“三公”经费预算情况说明) and no punctuation: they were read as the table's last lines,
 * the 三公 section was lost and none of its figures was checked. Its 财政拨款收支预算总表 prints
 * the 支出 header's last two cells one space apart (政府性基金预算 国有资本经营预算): read as one
 * word, no column of that side could be placed and each row's fund figures were left unplaced, so
 * the 一般公共预算拨款支出预算 of the 说明 was checked against nothing. Three figures are planted
 * wrong.
 */
import { describe, expect, it } from 'vitest';
import { brief, fixtureText, lineOf, lintText, mutate, reportOf } from './helpers.js';

const FIXTURE = 'text/shanghai-unit-budget.txt';
const narrative = (ds: Awaited<ReturnType<typeof lintText>>) => ds.filter((d) => d.ruleId.startsWith('叙述/')).map(brief);

describe('上海 unit budget: the 编制说明 and the 三公 section against the tables', () => {
  const text = fixtureText(FIXTURE);

  it('links each figure of the 编制说明 to its table cell', () => {
    const links = Object.fromEntries(
      reportOf(text, FIXTURE)
        .claims.filter((c) => c.kind === 'amount' && c.link)
        .map((c) => [c.subject, `${c.link!.table} ${c.link!.row} ${c.link!.column}`]),
    );
    expect(links).toMatchObject({
      上海市财政局收入预算: '部门公开表1 收入:总计 收入金额',
      财政拨款收入: '部门公开表1 收入:财政拨款收入 收入金额',
      支出预算: '部门公开表1 支出:总计 支出金额',
      财政拨款支出预算: '部门公开表4 支出:总计 合计',
      一般公共预算拨款支出预算: '部门公开表4 支出:总计 一般公共预算财政拨款',
      '“住房保障支出”科目': '部门公开表4 支出:住房保障支出 合计',
      '2025年“三公”经费预算数': '部门公开表7 合计 本年预算数.合计',
      '因公出国（境）费': '部门公开表7 合计 本年预算数.因公出国（境）费',
    });
  });

  it('finds the three planted figures, each at its line', async () => {
    expect(narrative(await lintText(text, FIXTURE))).toEqual([
      { ruleId: '叙述/万元与表中元数', severity: 2, line: lineOf(text, '收入预算17,193'), actual: '17,193 万元', expected: '17,192 万元', difference: '1 万元' },
      { ruleId: '叙述/万元与表中元数', severity: 2, line: lineOf(text, '科目476'), actual: '476 万元', expected: '467 万元', difference: '9 万元' },
      // the 三公 section's 其中 opens a sentence of its own: its three items no longer add up to the 346.30 before it
      { ruleId: '叙述/分项之和', severity: 1, line: lineOf(text, '预算数为346.30'), actual: '346.30 万元', expected: '345.94 万元', difference: '0.36 万元' },
      { ruleId: '叙述/金额与表一致', severity: 2, line: lineOf(text, '公务接待费25.04'), actual: '25.04 万元', expected: '25.40 万元', difference: '0.36 万元' },
    ]);
  });

  it('is silent once they are put right', async () => {
    let fixed = mutate(text, '收入预算17,193', '收入预算17,192');
    fixed = mutate(fixed, '科目476', '科目467');
    fixed = mutate(fixed, '公务接待费25.04', '公务接待费25.40');
    expect(narrative(await lintText(fixed, FIXTURE))).toEqual([]);
  });

  it('reads each fund column of the 财政拨款收支预算总表 and checks the 说明 against it', async () => {
    const table = reportOf(text, FIXTURE).tables.find((t) => t.id === '部门公开表4')!;
    const row = table.rows.find((r) => r.key === '支出:一般公共服务支出')!;
    expect(Object.fromEntries(Object.entries(row.cells).map(([k, c]) => [k, c.blank ? '' : c.raw]))).toEqual({
      合计: '127,886,849',
      一般公共预算财政拨款: '127,886,849',
      政府性基金预算财政拨款: '',
      国有资本经营预算财政拨款: '',
    });
    expect(table.reading).toEqual({ unplaced: 0, dropped: 0 });
    const wrong = mutate(text, '一般公共预算拨款\n支出预算17,192', '一般公共预算拨款\n支出预算17,129');
    expect(narrative(await lintText(wrong, FIXTURE))).toContainEqual({
      ruleId: '叙述/万元与表中元数',
      severity: 2,
      line: lineOf(wrong, '支出预算17,129'),
      actual: '17,129 万元',
      expected: '17,192 万元',
      difference: '63 万元',
    });
  });
});

describe('上海 unit budget: the 收入预算总表 in aligned text, its header wrapped over three lines', () => {
  const text = fixtureText(FIXTURE);
  const TOTAL = '                  合计            171,915,169    171,915,169';

  it('reads the columns where the header names them (事业单位 / 经营收入 wrapped; 类 款 项 far apart)', () => {
    const table = reportOf(text, FIXTURE).tables.find((t) => t.id === '部门公开表2')!;
    expect(table.columns.map((c) => c.key)).toEqual(['合计', '一般公共预算拨款收入', '事业收入', '事业单位经营收入', '其他收入']);
    const cells = table.rows.find((r) => r.key === '2080505')!.cells;
    expect([cells['合计'].raw, cells['一般公共预算拨款收入'].raw, cells['事业收入'].blank]).toEqual(['8,000,000', '8,000,000', true]);
    expect(table.reading).toEqual({ unplaced: 0, dropped: 0 });
  });

  it('names the column whose total is wrong, and shows the sum in whole 元', async () => {
    const wrong = mutate(text, TOTAL, TOTAL.replace(/171,915,169$/, '171,951,169'));
    const ds = (await lintText(wrong, FIXTURE)).filter((d) => d.ruleId.startsWith('科目/')).map(brief);
    const line = lineOf(wrong, '171,951,169');
    expect(ds).toEqual([
      { ruleId: '科目/行内分列合计', severity: 2, line, actual: '171,915,169 元', expected: '171,951,169 元', difference: '36,000 元' },
      { ruleId: '科目/上下级合计', severity: 2, line, actual: '171,951,169 元', expected: '171,915,169 元', difference: '36,000 元' },
    ]);
  });
});

describe('上海 unit budget: the 财务收支预算总表 whose amount columns are headed 本年预算', () => {
  it('reads the same cells as under 预算数', () => {
    const text = fixtureText(FIXTURE);
    const cells = (t: string) =>
      reportOf(t, FIXTURE)
        .tables.find((x) => x.id === '部门公开表1')!
        .rows.flatMap((r) => Object.entries(r.cells).filter(([, c]) => !c.blank).map(([k, c]) => `${r.key} ${k} ${c.raw}`));
    const head = text.split('\n').findIndex((l) => l.includes('2025年预算单位财务收支预算总表'));
    const lines = text.split('\n');
    for (let i = head; i < head + 8; i++) lines[i] = lines[i].replace(/预算数/g, '本年预算');
    const other = lines.join('\n');
    expect(other).not.toEqual(text);
    expect(cells(other)).toEqual(cells(text));
    expect(cells(text)).toHaveLength(20);
  });
});
