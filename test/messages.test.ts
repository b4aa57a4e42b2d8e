/**
 * Messages that show their working: a computed expectation with the figures it comes from, a
 * grid's column with its group, {tolerance} with its unit, one diagnostic for a row that fails
 * in several columns, and no placeholder that would always print as nothing.
 */
import { describe, expect, it } from 'vitest';
import { parseRules, runRules } from '../src/rules/index.js';
import { fixtureText, mutate, reportOf } from './helpers.js';

const FINAL = 'text/final-wanyuan.txt';

function refusal(text: string): string {
  try {
    parseRules('my.yaml', text);
  } catch (e) {
    return (e as Error).message;
  }
  return 'accepted';
}

describe('messages show their working', () => {
  it('{working}: the expected figure\'s expression with the figures it was computed from', () => {
    const [rule] = parseRules(
      'my.yaml',
      '- { id: t/share, description: d, select: { each: table, tables: [公开05] }, bind: { p: { row: 合计, column: 项目支出 }, t: { row: 合计, column: 小计 } }, assert: { approx_eq: [{ var: p }, { scale: [{ var: t }, 0.5] }] }, message: "项目支出 {actual}，应为一半（{working}）{expected}，容差 {tolerance}" }\n',
    );
    const [d] = runRules(reportOf(fixtureText(FINAL)), [rule]);
    expect(d.message).toBe('项目支出 13,601.95 万元，应为一半（14,250.23 万元 × 0.5）7,125.11 万元，容差 0.007 万元');
  });

  it('a built-in rate shows the two amounts it comes from, only the branch taken, sums without their zeros', () => {
    const changed = mutate(fixtureText('pdf/final-full.txt'), '下降3.12%', '下降3.21%');
    const ds = runRules(reportOf(changed), parseRules('my.yaml', fixtureText('../rules/narrative.yaml')).filter((r) => r.id === '叙述/同比变化率'));
    expect(ds.map((d) => d.message)).toEqual(['「收支总计」变化率写 3.21%，按本年数与增减额（577.07 万元 ÷ （17,912.75 万元 + 577.07 万元） × 100%）应为 3.12%；若变化率无误，增减额应为 593.11～595.03 万元']);
  });

  it('a figure within one unit of its last digit says whether it was cut off or carried up instead of rounded', () => {
    const rate = parseRules('my.yaml', fixtureText('../rules/narrative.yaml')).filter((r) => r.id === '叙述/同比变化率');
    // 577.07 ÷ 18,489.82 is 3.121%: 3.13 is carried up, a warning
    const [up] = runRules(reportOf(mutate(fixtureText('pdf/final-full.txt'), '下降3.12%', '下降3.13%')), rate);
    expect(up.severity).toBe(1);
    expect(up.message).toMatch(/（差额小于末位一个单位，可能是进位而非四舍五入）$/);
    const [rule] = parseRules(
      'my.yaml',
      '- { id: t/cut, description: d, select: { each: table, tables: [公开05] }, bind: { p: { row: 合计, column: 项目支出 } }, assert: { approx_eq: [{ var: p }, 13601.958] }, message: "{actual} {expected}" }\n',
    );
    // 13,601.95 printed for 13,601.962: cut off
    const [cut] = runRules(reportOf(fixtureText(FINAL)), [rule]);
    expect(cut.severity).toBe(1);
    expect(cut.message).toMatch(/（差额小于末位一个单位，可能是截断而非四舍五入）$/);
  });

  it('{column} names a grid column with its group', () => {
    const [rule] = parseRules(
      'my.yaml',
      '- { id: t/grid, description: d, select: { each: group, tables: [公开09], groups: [预算数, 决算数] }, bind: { x: { column: "$group.合计" } }, assert: { approx_eq: [{ var: x }, 10] }, message: "{table}「{column}」为 {actual}" }\n',
    );
    // (both groups fail on the one row: one diagnostic, the other column listed by its key)
    expect(runRules(reportOf(fixtureText(FINAL)), [rule]).map((d) => d.message)).toEqual(['公开09表「预算数.合计」为 0.46 万元（同一行另有 1 栏也不符：「决算数.合计」0.46 万元，应为 10）']);
  });

  it('{if:name}…{/if} shows its words only where the placeholder is filled: a restated item with and without its table', () => {
    const same = parseRules('my.yaml', fixtureText('../rules/narrative.yaml')).filter((r) => r.id === '叙述/同一项两个数');
    const text = mutate(fixtureText('pdf/final-full.txt'), '下降3.12%。', '下降3.12%。住房保障支出（类）住房改革支出（款）住房公积金（项）47.89万元，主要用于住房公积金。2022年当年预算执行数为45.00万元，2023年预算安排48.00万元，比2022年预算执行数增加6.67%。');
    const withTable = runRules(reportOf(text), same).map((d) => d.message);
    expect(withTable).toEqual(['「住房保障支出（类）住房改革支出（款）住房公积金（项）」前文写 47.89 万元，其后又写作 48.00 万元，相差 0.11 万元；公开05表 2210201「小计」为 47.89 万元']);
    // the same sentences with no table to link them to: the clause about the table is left out, not printed empty
    const narrativeOnly = text.slice(text.indexOf('第三部分'));
    expect(runRules(reportOf(narrativeOnly), same).map((d) => d.message)).toEqual(['「住房保障支出（类）住房改革支出（款）住房公积金（项）」前文写 47.89 万元，其后又写作 48.00 万元，相差 0.11 万元']);
  });

  it('a row that fails in several columns is one diagnostic listing them', () => {
    const [rule] = parseRules(
      'my.yaml',
      '- { id: t/parts, description: d, select: { each: code-parent, tables: [公开05] }, assert: { approx_eq: [{ var: value }, { sum: [{ var: parts }] }] }, message: "{row}「{column}」{actual} ≠ {expected}" }\n',
    );
    const text = mutate(fixtureText(FINAL), '2080505 机关事业单位基本养老保险缴费支出 58.06 58.06 0.00\n', '2080505 机关事业单位基本养老保险缴费支出 59.06 59.06 0.00\n');
    const ds = runRules(reportOf(text), [rule]);
    expect(ds.map((d) => [d.row, d.tableColumn, d.message])).toEqual([
      ['20805', '小计', '20805 行政事业单位养老支出「小计」73.90 万元 ≠ 74.90 万元（同一行另有 1 栏也不符：「基本支出」73.90 万元，应为 74.90 万元）'],
    ]);
  });
});

describe('placeholders that could never be filled are refused', () => {
  const rule = (select: string, assert: string, message: string) => `- { id: t/x, description: d, select: ${select}, assert: ${assert}, message: "${message}" }\n`;
  it('{group}, {id}, {subject}, {linked}, {grade} outside their selectors', () => {
    expect(refusal(rule('{ each: table }', 'true', '{group}'))).toBe('my.yaml:1:78: 占位符 {group} 只用于 each: group，在 each: table 的消息中总是空的');
    expect(refusal(rule('{ each: table }', 'true', '{id}'))).toMatch(/占位符 \{id\} 只用于 each: table-id/);
    expect(refusal(rule('{ each: row }', 'true', '{subject}'))).toMatch(/占位符 \{subject\} 只用于 each: claim \/ form/);
  });

  it('{actual}, {expected}, {difference}, {tolerance}, {working} without a comparison of figures', () => {
    expect(refusal(rule('{ each: table }', '{ "!": [{ var: table.empty }] }', '{table} {actual}'))).toMatch(/占位符 \{actual\} 由金额比较（approx_eq、approx_le、approx_ge）填写，这条规则的 assert 不比较金额；要显示取到的值请用 \{var:路径\}/);
  });

  it('{if:name} of no placeholder, or without its {/if}', () => {
    expect(refusal(rule('{ each: claim }', 'true', '{subject}{if:linkd}；{linked}{/if}'))).toMatch(/\{if:linkd\} 中的占位符不存在/);
    expect(refusal(rule('{ each: claim }', 'true', '{subject}{if:linked}；{linked}'))).toMatch(/\{if:占位符\} 与 \{\/if\} 须成对出现/);
  });

  it('{table}, {row}, {column} where no table cell is read', () => {
    expect(refusal(rule('{ each: form }', '{ approx_eq: [{ var: fundsScore }, 1] }', '{table} {actual}'))).toMatch(/占位符 \{table\} 是表格的表，each: form 的规则不取表格中的数，它总是空的/);
  });
});
