/**
 * No silent typos: everything a rule names (tables, rows, columns, groups, codes, var paths) and
 * every operation's arguments are checked when the file is loaded, against the catalogue the
 * rules run with; each mistake is one error at file:line:col with the nearest known names.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance, nearestAll } from '../src/common/suggest.js';
import { loadCatalog } from '../src/model/tables/catalog.js';
import { BUILTIN_RULES_DIR, loadRules, parseRules } from '../src/rules/index.js';
import { runCli } from './helpers.js';

/** a rule on 公开09 (the 三公 table), with parts replaced */
function rule(over: { select?: string; bind?: string; assert?: string; message?: string } = {}): string {
  const bind = over.bind ?? '    spent: { row: 合计, column: 决算数.合计 }\n    budget: { row: 合计, column: 预算数.合计 }';
  return [
    '- id: 我的规则/三公不超预算',
    '  description: 三公经费决算数不应超过预算数',
    `  select: ${over.select ?? '{ each: table, tables: [公开09] }'}`,
    ...(bind ? ['  bind:', bind] : []),
    `  assert: ${over.assert ?? '{ approx_le: [{ var: spent }, { var: budget }] }'}`,
    `  message: "${over.message ?? '三公经费决算超过预算'}"`,
    '',
  ].join('\n');
}

function loadError(text: string, catalog = loadCatalog()): string {
  try {
    parseRules('my.yaml', text, new Set(), catalog);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('the rule was accepted');
}

describe('edit distance and "did you mean"', () => {
  it('counts a Chinese character as one edit', () => {
    expect(editDistance('决算数.合记', '决算数.合计')).toBe(1);
    expect(editDistance('公开9', '公开09')).toBe(1);
    expect(editDistance('总计', '合计')).toBe(1);
    expect(editDistance('', '公开01')).toBe(4);
    expect(editDistance('abc', 'abc')).toBe(0);
  });

  it('suggests only the nearest names within a typo\'s reach', () => {
    expect(nearestAll('公开9', ['公开01', '公开09', '公开19', '部门公开表9'])).toEqual(['公开09', '公开19']);
    expect(nearestAll('完全不同的名字', ['公开01', '合计'])).toEqual([]);
    expect(didYouMean('aprox_eq', ['approx_eq', 'approx_le'])).toBe('（是不是「approx_eq」？）');
  });
});

describe('the issue\'s silent typos are load errors with "did you mean"', () => {
  it('a column key: 决算数.合记', () => {
    expect(loadError(rule({ bind: '    spent: { row: 合计, column: 决算数.合记 }' }))).toMatch(/^my\.yaml:5:31: 「公开09」没有列「决算数\.合记」（是不是「决算数\.合计」？）（有：预算数\.合计、/);
  });

  it('a row key the table does not have: 总计 in the 三公 table', () => {
    expect(loadError(rule({ bind: '    spent: { row: 总计, column: 决算数.合计 }' }))).toMatch(/^my\.yaml:5:19: 「公开09」没有行「总计」（是不是「合计」？）/);
  });

  it('a table id: 公开9', () => {
    expect(loadError(rule({ select: '{ each: table, tables: [公开9] }' }))).toBe('my.yaml:3:35: 没有 id 为「公开9」的表种类（是不是「公开09」？）；自己的表种类用 --tables 加入');
  });

  it('a var path: indicator.scor', () => {
    const text = rule({ select: '{ each: indicator }', bind: '', assert: '{ approx_ge: [{ var: indicator.scor }, 0] }' });
    expect(loadError(text)).toBe('my.yaml:4:32: indicator 没有字段 "scor"（是不是顶层的「score」？它不在 indicator 之下）（有：name、section、level2、target、actual、weightText、quantity）');
  });

  it('at: a path the binding does not have, and one it has', () => {
    const text = rule({ select: '{ each: form }', bind: '', assert: '{ present: [{ var: fundsScore }] }' }) + '  at: fundsWieght\n';
    expect(loadError(text)).toMatch(/^my\.yaml:6:7: 字段 "fundsWieght" 不存在（是不是.*fundsWeight/);
    const ok = rule({ select: '{ each: form }', bind: '', assert: '{ present: [{ var: fundsScore }] }' }) + '  at: fundsWeight\n';
    expect(parseRules('my.yaml', ok, new Set(), loadCatalog())[0].at).toBe('fundsWeight');
  });

  it('approx_le with one argument, and with "abc"', () => {
    expect(loadError(rule({ assert: '{ approx_le: [{ var: spent }] }' }))).toBe('my.yaml:7:24: approx_le 需要 2 个参数（approx_le(金额, 金额)），这里有 1 个');
    expect(loadError(rule({ assert: '{ approx_le: [{ var: spent }, "abc"] }' }))).toBe('my.yaml:7:41: approx_le 的第 2 个参数应是金额（单元格、数或金额运算的结果），这里是 "abc"（文字）');
  });

  it('scale on a table', () => {
    expect(loadError(rule({ assert: '{ approx_le: [{ scale: [{ var: table }, 100] }, { var: budget }] }' }))).toBe(
      'my.yaml:7:35: scale 的第 1 个参数应是金额（单元格、数或金额运算的结果），这里是 {var: table}（对象 table）',
    );
    // and its factor is a plain number, not another figure
    expect(loadError(rule({ assert: '{ approx_le: [{ scale: [{ var: spent }, { var: budget }] }, 1] }' }))).toMatch(/scale 的第 2 个参数应是数（如 100），这里是 \{var: budget\}（金额（单元格或金额运算的结果））；乘以另一个金额请用 scale_by_ratio$/);
  });

  it('json-logic\'s own comparisons of printed figures are refused, with the interval operation to use', () => {
    const indicator = (assert: string) => rule({ select: '{ each: indicator }', bind: '', assert });
    expect(loadError(indicator('{ ">=": [{ var: score }, 0] }'))).toBe(
      'my.yaml:4:20: json-logic 的 ">=" 不能比较印出的金额（{var: score} 是金额，要按四舍五入区间比较）：请用 approx_ge（approx_le ≤、approx_ge ≥、approx_eq =），或用 nominal 取印出的数值',
    );
    expect(loadError(indicator('{ ">": [{ var: score }, 0] }'))).toContain('请用 approx_ge');
    expect(loadError(indicator('{ "<": [0, { var: weight }] }'))).toMatch(/^my\.yaml:4:22: json-logic 的 "<" .*请用 approx_le/);
    expect(loadError(indicator('{ "<=": [{ sum: [{ var: score }] }, 10] }'))).toContain('{sum: …} 是金额');
    expect(loadError(indicator('{ "===": [{ var: score }, 10] }'))).toContain('请用 approx_eq，或用 nominal 取印出的数值、present 问是否印出');
    expect(loadError(indicator('{ "==": [{ var: score }, 10] }'))).toContain('不允许宽松比较 "=="（会先转换类型）：文字和数用 ===，印出的金额用 approx_eq');
    expect(loadError(indicator('{ "!=": [{ var: score }, 10] }'))).toContain('文字和数用 !==');
    // plain numbers, printed text and "is it printed" stay allowed
    for (const ok of ['{ ">=": [{ nominal: [{ var: score }] }, 0] }', '{ "===": [{ var: score.raw }, "10"] }', '{ "!==": [{ var: score }, null] }', '{ "<=": [1, { var: document.tableCount }, 3] }']) {
      expect(parseRules('my.yaml', indicator(ok))).toHaveLength(1);
    }
  });
});

describe('what a rule names is checked against the catalogue', () => {
  it('a grid\'s column named without its group', () => {
    expect(loadError(rule({ bind: '    spent: { row: 合计, column: 合计 }' }))).toMatch(/没有列「合计」（这张表的列分栏组，是不是「预算数\.合计」、「决算数\.合计」？）/);
  });

  it('a column in several tables: it must be in one of them', () => {
    const text = rule({ select: '{ each: table, tables: [公开05, 部门公开表5] }', bind: '    basic: { row: 合计, column: 基本之出 }', assert: '{ present: [{ var: basic }] }' });
    expect(loadError(text)).toMatch(/^my\.yaml:5:31: 所选的表（公开05、部门公开表5）没有列「基本之出」（是不是「基本支出」？）/);
  });

  it('rows: keys, codes, sides, kinds', () => {
    const bind = (q: string) => rule({ select: '{ each: table, tables: [公开06] }', bind: `    x: ${q}`, assert: '{ present: [{ var: x }] }' });
    expect(loadError(bind('{ row: 人员经费小计 }'))).toMatch(/「公开06」没有行「人员经费小计」（是不是「人员经费合计」？）/);
    expect(parseRules('my.yaml', bind('{ row: "30217" }'))).toHaveLength(1);
    expect(parseRules('my.yaml', bind('{ row: 30217 }'))).toHaveLength(1);
    expect(loadError(bind('{ rows: { code: ["301", "2080505"] } }'))).toMatch(/^my\.yaml:5:32: 编码「2080505」不是「公开06」的科目编码（\^3/);
    expect(loadError(bind('{ rows: { side: 收入 } }'))).toMatch(/只有两栏总表的行分收入、支出两侧，「公开06」不是/);
    const summary = (q: string) => rule({ select: '{ each: table, tables: [公开01] }', bind: `    x: ${q}`, assert: '{ present: [{ var: x }] }' });
    expect(loadError(summary('{ rows: { side: 收人 } }'))).toMatch(/rows\.side 只能是 收入 \/ 支出（是不是「收入」？）/);
    expect(loadError(summary('{ rows: { kind: carry_detail } }'))).toMatch(/rows\.kind 只能是 total \/ item \/ carry \/ carry-detail \/ detail（是不是「carry-detail」？）/);
    expect(loadError(summary('{ row: "收入:本年收入小计" }'))).toMatch(/「公开01」没有行「收入:本年收入小计」（是不是「收入:本年收入合计」？）/);
    // a function class on the 支出 side is a row of every two-sided table, and a repeated row is key#2
    expect(parseRules('my.yaml', summary('{ row: "支出:教育支出" }'))).toHaveLength(1);
    expect(parseRules('my.yaml', summary('{ row: "收入:总计#2" }'))).toHaveLength(1);
  });

  it('groups, ids and the fields a selector does not read', () => {
    expect(loadError(rule({ select: '{ each: group, tables: [公开09], groups: [决算] }', bind: '    x: { column: "$group.合计" }', assert: '{ present: [{ var: x }] }' }))).toMatch(
      /^my\.yaml:3:51: 所选的表没有栏组「决算」（是不是「决算数」？）/,
    );
    expect(loadError(rule({ select: '{ each: group, tables: [公开09], groups: [决算数] }', bind: '    x: { column: "$group.合记" }', assert: '{ present: [{ var: x }] }' }))).toMatch(/没有列「\$group\.合记」（是不是「\$group\.合计」？）/);
    expect(loadError(rule({ select: '{ each: table-id, ids: [公开8] }', bind: '', assert: '{ var: present }' }))).toMatch(/^my\.yaml:3:35: 没有 id 为「公开8」的表种类（是不是「公开08」？）/);
    expect(loadError(rule({ select: '{ each: claim, tables: [公开01] }', bind: '', assert: 'true' }))).toBe('my.yaml:3:34: select.tables 只用于 each: table / row / group / code-parent / row-parts / cell / change，each: claim 不看它');
    expect(loadError(rule({ select: '{ each: tabel }', bind: '', assert: 'true' }))).toMatch(/each 必须是 document \/ .*（是不是「table」？）/);
  });

  it('a query that could only ever find nothing', () => {
    expect(loadError(rule({ select: '{ each: form }', bind: '    x: { row: 合计 }', assert: '{ present: [{ var: x }] }' }))).toBe('my.yaml:5:8: each: form 不绑定表格：bind 查询要写 table（如 { table: 公开01, row: "收入:总计" }）');
    expect(loadError(rule({ bind: '    x: { column: 决算数.合计 }', assert: '{ present: [{ var: x }] }' }))).toBe('my.yaml:5:8: each: table 不绑定行：bind 查询要写 row（如 row: 合计）或 rows');
    expect(loadError(rule({ select: '{ each: row, tables: [公开03] }', bind: '    x: { table: 公开05 }', assert: '{ present: [{ var: x }] }' }))).toMatch(/当前行不在「公开05」中：查另一张表要写 row、rows、sameCode 或 sameLineNo/);
    expect(loadError(rule({ bind: '    x: { column: $column, row: 合计 }', assert: '{ present: [{ var: x }] }' }))).toMatch(/\$column 是当前列，each: table 不绑定列/);
    expect(loadError(rule({ bind: '    x: { link: true }', assert: '{ present: [{ var: x }] }' }))).toMatch(/link 只用于 each: claim/);
    expect(loadError(rule({ select: '{ each: row, tables: [公开05] }', bind: '    x: { table: 公开09, sameLineNo: true }', assert: '{ present: [{ var: x }] }' }))).toMatch(/行次只在两栏总表中有，「公开09」没有/);
  });

  it('sentences: groups of words to find in the narrative, a list of texts json-logic can ask of', () => {
    const bind = (q: string, select = '{ each: table, tables: [公开10] }') => rule({ select, bind: `    said: ${q}`, assert: '{ "!!": [{ var: said }] }' });
    expect(parseRules('my.yaml', bind('{ sentences: [[运行经费], [口径, 统计在]] }'))).toHaveLength(1);
    // a word alone is a group of one; any selector may ask (the narrative names no table)
    expect(parseRules('my.yaml', bind('{ sentences: [运行经费, [口径]] }', '{ each: document }'))).toHaveLength(1);
    expect(loadError(bind('{ sentences: [] }'))).toMatch(/^my\.yaml:5:\d+: sentences 必须是词组的列表/);
    expect(loadError(bind('{ sentences: [[运行经费], []] }'))).toMatch(/sentences 的每一组必须是词组的列表/);
    expect(loadError(bind('{ sentences: [[运行经费, 3]] }'))).toMatch(/sentences 的词必须是不空的文字/);
    expect(loadError(bind('{ sentences: [[运行经费]], row: 合计 }'))).toMatch(/sentences 找文字说明中的句子，不能再写 row/);
    // what it gives is a list of texts, no figure: an amount's operation is refused on it
    expect(loadError(rule({ select: '{ each: table, tables: [公开10] }', bind: '    said: { sentences: [[运行经费]] }', assert: '{ approx_le: [{ var: said }, 1] }' }))).toMatch(/said/);
  });

  it('each: cell and columnMap: the bound column under its name in another table', () => {
    const cell = (bind: string, select = '{ each: cell, tables: [公开03], columns: [本年支出合计] }') => rule({ select, bind, assert: '{ approx_ge: [{ var: value }, { var: x }] }' });
    expect(parseRules('my.yaml', cell('    x: { table: 公开05, sameCode: true, column: $column, columnMap: { 本年支出合计: 小计 } }'))).toHaveLength(1);
    expect(loadError(cell('    x: { table: 公开05, sameCode: true, column: 小计, columnMap: { 本年支出合计: 小计 } }'))).toMatch(/^my\.yaml:5:62: columnMap 只与 column: \$column 同用/);
    expect(loadError(cell('    x: { table: 公开05, sameCode: true, column: $column, columnMap: { 本年支出合计: 小记 } }'))).toMatch(/「公开05」没有列「小记」（是不是「小计」？）/);
    expect(loadError(cell('    x: { table: 公开05, sameCode: true, column: $column, columnMap: { 本年支出: 小计 } }'))).toMatch(/「公开03」没有列「本年支出」/);
    expect(loadError(cell('    x: { table: 公开05, sameCode: true, column: $column, columnMap: [小计] }'))).toMatch(/columnMap 必须是对象/);
    expect(loadError(cell('    x: { table: 公开05, sameCode: true, column: $column }', '{ each: cell, tables: [公开03], columns: [本年支出] }'))).toMatch(/「公开03」没有列「本年支出」/);
    expect(loadError(cell('    x: { table: 公开05, row: 合计 }', '{ each: table, tables: [公开03], columns: [本年支出合计] }'))).toMatch(/select\.columns 只用于 each: code-parent \/ cell/);
    // parts: a row's part cells, a list
    expect(parseRules('my.yaml', rule({ select: '{ each: cell, tables: [公开03] }', bind: '    x: { table: 公开05, sameCode: true, parts: true }', assert: '{ approx_eq: [{ var: value }, { sum_present: [{ var: x }] }] }' }))).toHaveLength(1);
    expect(loadError(cell('    x: { table: 公开05, sameCode: true, parts: true, column: 小计 }'))).toMatch(/parts 取一行的各分栏（列表），不能再写 rows 或 column/);
    expect(loadError(cell('    x: { table: 公开05, sameCode: true, parts: yes }'))).toMatch(/parts 必须是 true 或 false/);
  });

  it('rowMap: the row of another table that holds the bound column\'s figure', () => {
    const select = '{ each: cell, tables: [公开09], columns: [决算数.公务接待费] }';
    const cell = (bind: string, sel = select) => rule({ select: sel, bind, assert: '{ approx_ge: [{ var: value }, { var: x }] }' });
    expect(parseRules('my.yaml', cell('    x: { table: 公开06, asNamed: true, rowMap: { 决算数.公务接待费: 30217 } }'))).toHaveLength(1);
    expect(loadError(cell('    x: { table: 公开06, rowMap: { 决算数.公务招待费: "30217" } }'))).toMatch(/「公开09」没有列「决算数\.公务招待费」（是不是「决算数\.公务接待费」？）/);
    expect(loadError(cell('    x: { table: 公开06, rowMap: { 决算数.公务接待费: 公务接待 } }'))).toMatch(/「公开06」没有行「公务接待」/);
    expect(loadError(cell('    x: { table: 公开06, rowMap: [30217] }'))).toMatch(/rowMap 必须是对象/);
    expect(loadError(cell('    x: { table: 公开06, row: "30217", rowMap: { 决算数.公务接待费: "30217" } }'))).toMatch(/row \/ rows、rowMap、sameCode、sameLineNo 只能选一个/);
    expect(loadError(cell('    x: { table: 公开06, rowMap: { 决算数.公务接待费: "30217" } }', '{ each: table, tables: [公开09] }'))).toMatch(/rowMap 按当前列找行，each: table 不绑定列/);
  });

  it('reportAtDeepest: a flag, for rules over tables only', () => {
    const flagged = (value: string, select?: string) => `${rule({ select })}  reportAtDeepest: ${value}\n`;
    expect(parseRules('my.yaml', flagged('true'))[0].reportAtDeepest).toBe(true);
    expect(parseRules('my.yaml', flagged('false'))[0].reportAtDeepest).toBeUndefined();
    expect(loadError(flagged('yes'))).toMatch(/^my\.yaml:9:20: reportAtDeepest 必须是 true 或 false$/);
    const claimRule = rule({ select: '{ each: claim }', bind: '', assert: 'true' }) + '  reportAtDeepest: true\n';
    expect(loadError(claimRule)).toMatch(/reportAtDeepest 只用于查表格的规则（each: table \/ row \/ group \/ code-parent \/ row-parts \/ cell \/ change），each: claim 的诊断没有所在的行/);
  });

  it('var paths, field by field, in where, assert and message', () => {
    const form = (assert: string, message?: string) => rule({ select: '{ each: form }', bind: '', assert, message });
    expect(loadError(form('{ present: [{ var: funds.年度资金总额.全年执行 }] }'))).toMatch(/funds\.年度资金总额 没有字段 "全年执行"（是不是「全年执行数」？）/);
    expect(loadError(form('{ present: [{ var: fund.年度资金总额.全年执行数 }] }'))).toMatch(/字段 "fund" 不存在（是不是「funds」？）/);
    // inside filter / all, a var reads the list's element
    expect(loadError(form('{ all: [{ var: indicators }, { present: [{ var: scor }] }] }'))).toMatch(/字段 "scor" 不存在（是不是「score」？）（列表的每一项可用：name、section、target、actual、weight、score）/);
    expect(loadError(form('true', '「{subject}」{var:indicators.0.nam}'))).toMatch(/^my\.yaml:5:12: 占位符 \{var:indicators\.0\.nam\}：indicators\.0 没有字段 "nam"（是不是「name」？）/);
    expect(loadError(form('{ present: [{ var: fundsScore.rwa }] }'))).toMatch(/fundsScore 没有字段 "rwa"（是不是「raw」？）/);
    expect(loadError(form('{ "===": [{ var: form.kind.name }, 1] }'))).toMatch(/form\.kind 是文字，没有字段 "name"/);
  });

  it('values: each an expression the assert could be, and every {value:…} / {range:…} naming one', () => {
    const withValues = (values: string, message: string) => rule({ message }).replace('  message:', `  values:\n${values}\n  message:`);
    expect(loadError(withValues('    over: { difference: [{ var: spent }, { var: budget }] }', '超出 {value:ovr}'))).toMatch(/占位符 \{value:ovr\}：values 中没有「ovr」（有：over）/);
    expect(loadError(withValues('    over: { diference: [{ var: spent }, { var: budget }] }', '超出 {value:over}'))).toMatch(/^my\.yaml:\d+:\d+: .*不认识或不允许的运算 "diference"（是不是「difference」？）/);
    expect(loadError(rule({ message: '超出 {range:over}' }))).toMatch(/占位符 \{range:over\}：values 中没有「over」/);
    expect(loadError(rule().replace('  message:', '  values: [1]\n  message:'))).toMatch(/values 必须是对象/);
    const [loaded] = parseRules('my.yaml', withValues('    over: { difference: [{ var: spent }, { var: budget }] }', '超出 {value:over}（{range:over}）'), new Set(), loadCatalog());
    expect(loaded.values).toEqual({ over: { difference: [{ var: 'spent' }, { var: 'budget' }] } });
  });

  it('operations: their names, and each argument\'s kind', () => {
    expect(loadError(rule({ assert: '{ aprox_le: [{ var: spent }, { var: budget }] }' }))).toMatch(/不认识或不允许的运算 "aprox_le"（是不是「approx_le」？）/);
    expect(loadError(rule({ assert: '{ approx_le: [{ var: spent }, { var: budget }, 1] }' }))).toMatch(/approx_le 需要 2 个参数/);
    expect(loadError(rule({ assert: '{ approx_eq: [{ sum: [{ var: table.title }] }, 1] }' }))).toMatch(/sum 的第 1 个参数应是金额或金额的列表，这里是 \{var: table\.title\}（文字）/);
    expect(loadError(rule({ assert: '{ "<": [{ count: [{ var: spent }] }, 1] }' }))).toMatch(/count 的第 1 个参数应是列表/);
    expect(loadError(rule({ assert: '{ approx_eq: [{ min: [{ var: spent }, 1] }, 1] }' }))).toMatch(/"min" 不能用于印出的金额.*取较小者请用 capped/);
    expect(loadError(rule({ select: '{ each: indicator }', bind: '', assert: '{ target_met: [{ var: weight }, { var: indicator.actual }] }' }))).toMatch(/target_met 的第 1 个参数应是文字/);
  });

  it('a rule on a kind of the user\'s own is checked against the catalogue it runs with', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bl-check-'));
    const tables = path.join(dir, 'my-tables.yaml');
    writeFileSync(tables, 'kinds:\n  - id: 本省/专项资金表\n    name: 专项资金预算表\n    document: 预算\n    titles: [专项资金预算表]\n    layout: code\n    codes: function\n    columns:\n      - { key: 合计, total: true }\n      - { key: 基本支出 }\n    rows: [小计]\n');
    const rules = path.join(dir, 'my-rules.yaml');
    writeFileSync(rules, rule({ select: '{ each: table, tables: [本省/专项资金表] }', bind: '    x: { row: 小计, column: 基本支出 }', assert: '{ present: [{ var: x }] }' }));
    expect(await loadRules([rules], loadCatalog([tables]))).toHaveLength(1);
    await expect(loadRules([rules])).rejects.toThrow(/my-rules\.yaml:3:35: 没有 id 为「本省\/专项资金表」的表种类/);
    // and on the command line, --tables is read before the rules are checked
    const doc = path.join(dir, 'doc.txt');
    writeFileSync(doc, '公开01表\n');
    const withTables = await runCli('--no-builtin-rules', '--tables', tables, '--rules', rules, doc);
    expect(withTables.err).not.toMatch(/my-rules/);
    const without = await runCli('--no-builtin-rules', '--rules', rules, doc);
    expect(without.code).toBe(2);
    expect(without.err).toMatch(new RegExp(`^budget-lint: ${rules.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3:35: 没有 id 为「本省/专项资金表」的表种类（有：部门公开表1、.*公开09、.*）；自己的表种类用 --tables 加入\n$`));
  });

  it('every built-in rule passes', async () => {
    const rules = await loadRules([BUILTIN_RULES_DIR], loadCatalog());
    expect(rules.length).toBeGreaterThan(60);
    expect(rules.every((r) => r.docs?.startsWith('docs/rules.md#'))).toBe(true);
  });
});
