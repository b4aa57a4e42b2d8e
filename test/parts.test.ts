/**
 * A disclosure published in two files (the 说明 in one, the 公开表 in another), checked as one
 * document with --parts: the sentences of the one against the tables of the other, each finding
 * in the file it is in. Real pairs from ../shared/real-pdf where present.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFile, lintParts } from '../src/cli/lint.js';
import type { Diagnostic } from '../src/rules/index.js';
import { builtinRules, FIXTURES, ROOT, runCli } from './helpers.js';

const NARRATIVE = path.join(FIXTURES, 'parts/某街道2025年部门预算-说明.txt');
const TABLES = path.join(FIXTURES, 'parts/某街道2025年部门预算-公开表.txt');
const REAL = path.resolve(ROOT, '../shared/real-pdf');

const where = (d: Diagnostic) => `${d.ruleId}@${path.basename(d.file)}:${d.page ?? ''}:${d.line}`;
/** the narrative rules' bindings that compared a figure, by rule */
async function compared(lint: (observe: (t: { rule: { id: string }; passedWhere: boolean; compared: number }) => void) => Promise<unknown>) {
  const counts: Record<string, number> = {};
  await lint((t) => {
    if (t.passedWhere && t.compared > 0 && t.rule.id.startsWith('叙述/')) counts[t.rule.id] = (counts[t.rule.id] ?? 0) + 1;
  });
  return counts;
}

describe('--parts: the 说明 and the 公开表 as one document', () => {
  it('checks the 说明 against the other file’s tables, the finding in the 说明', async () => {
    const outcome = await lintParts([NARRATIVE, TABLES], await builtinRules());
    expect(outcome.fatal).toBeNull();
    const found = outcome.diagnostics.filter((d) => d.ruleId !== '形式/必备表');
    expect(found.map(where)).toEqual(['叙述/万元与表中元数@某街道2025年部门预算-说明.txt::10']);
    expect(found[0].message).toBe(
      '「社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）」文中写 35 万元，2025年部门一般公共预算支出功能分类预算表 2080505「合计」为 300,000 元，四舍五入应为 30 万元，相差 5 万元',
    );
    // the table kinds the 公开表 file leaves out are said once, of the document (the 说明 hosts it)
    const missing = outcome.diagnostics.filter((d) => d.ruleId === '形式/必备表');
    expect(missing.map((d) => path.basename(d.file))).toEqual(Array(6).fill('某街道2025年部门预算-说明.txt'));
    // the path naming 政府办公厅（室）… is read to its 项, whose 60 万元 agrees: no alarm against the 类's 100 万元
    expect(outcome.report?.tables.length).toBe(3);
  });

  it('alone, the 说明 is checked only within itself, and says so', async () => {
    const rules = await builtinRules();
    const alone = await lintFile(NARRATIVE, rules);
    expect(alone.diagnostics.map(where)).toEqual(['读取/未含公开表@某街道2025年部门预算-说明.txt::1']);
    expect(alone.diagnostics[0].message).toContain('--parts');
  });

  it('on the command line: a result for each file, in the order given', async () => {
    const r = await runCli('--no-config-lookup', '--parts', '-f', 'json', '--rule', '形式/必备表:off', NARRATIVE, TABLES);
    expect(r.code).toBe(1);
    const results = JSON.parse(r.out) as Array<{ filePath: string; messages: Array<{ ruleId: string; line: number }> }>;
    expect(results.map((x) => [path.basename(x.filePath), x.messages.map((m) => `${m.ruleId}:${m.line}`)])).toEqual([
      ['某街道2025年部门预算-说明.txt', ['叙述/万元与表中元数:10']],
      ['某街道2025年部门预算-公开表.txt', []],
    ]);
  });

  it('--print-model with --parts prints the parts’ one model, each table located in its own file', async () => {
    const r = await runCli('--no-config-lookup', '--parts', '--print-model', NARRATIVE, TABLES);
    expect(r.code).toBe(0);
    const model = JSON.parse(r.out) as { file: string; tables: Array<{ loc: { file: string } }>; claims: unknown[] };
    expect(model.file).toBe(NARRATIVE);
    expect(model.tables.map((t) => t.loc.file)).toEqual([TABLES, TABLES, TABLES]);
    expect(model.claims.length).toBeGreaterThan(0);
  });

  it('through the API: lintFiles with parts', async () => {
    const { lintFiles } = await import('../src/api.js');
    const results = await lintFiles([NARRATIVE, TABLES], { configLookup: false, parts: true, rule: { '形式/必备表': 'off' }, suppressions: false });
    expect(results.map((r) => [path.basename(r.filePath), r.messages.map((m) => `${m.ruleId}:${m.line}`)])).toEqual([
      ['某街道2025年部门预算-说明.txt', ['叙述/万元与表中元数:10']],
      ['某街道2025年部门预算-公开表.txt', []],
    ]);
  });

  it('linted apart, the run hints that the two are parts of one disclosure', async () => {
    const r = await runCli('--no-config-lookup', '-f', 'json', NARRATIVE, TABLES);
    expect(r.err).toContain(`${NARRATIVE} 没有公开表，某街道2025年部门预算-公开表.txt 像是它另行公开的表格：用 --parts 把两者合在一起检查`);
    // not with --parts, nor for a narrative-only file with no likely tables beside it
    expect((await runCli('--no-config-lookup', '--parts', '-f', 'json', NARRATIVE, TABLES)).err).toBe('');
    expect((await runCli('--no-config-lookup', '-f', 'json', NARRATIVE, path.join(FIXTURES, 'text/budget.txt'))).err).toBe('');
  });

  it('refuses files that are not parts of one disclosure, each file saying why', async () => {
    const other = path.join(FIXTURES, 'text/final-wanyuan.txt');
    const outcome = await lintParts([NARRATIVE, other], await builtinRules());
    expect(outcome.fatal).toMatch(/不像是同一份公开文件的几部分：年度不同（2025、2023）/);
    const r = await runCli('--no-config-lookup', '--parts', '-f', 'json', NARRATIVE, path.join(FIXTURES, 'text/final-wanyuan.txt'));
    const results = JSON.parse(r.out) as Array<{ fatalErrorCount: number; messages: Array<{ message: string }> }>;
    expect(results.map((x) => x.fatalErrorCount)).toEqual([1, 1]);
    expect(results[0].messages[0].message).toMatch(/不像是同一份公开文件的几部分/);
    // two files of one year each holding tables are two disclosures
    const two = await lintParts([TABLES, path.join(FIXTURES, 'text/budget.txt')], await builtinRules());
    expect(two.fatal).toMatch(/不像是同一份公开文件的几部分：2 个文件都有公开表/);
  });
});

// 江苏 publishes its budget's 说明 and its 公开表 as two PDFs: every pair in ../shared/real-pdf
const PAIRS: Array<[narrative: string, tables: string, amounts: number, found: string[]]> = [
  // the 公开表's 机关运行经费 合计 above the 公用经费, which the 说明 explains (p.17: 项目支出中部分预算开支金额统计在行政运行经费中): no warning
  ['江苏省政协办公厅2017年度部门预算.pdf', '江苏省政协办公厅2017年度部门预算公开表.pdf', 42, []],
  // pp.12–13: the template's （按“部门预算公开06表 财政拨款基本支出预算表”中实际发生经济分类支出事项填写）, twice, and with 08表, twice
  ['江苏省政协办公厅2018年度部门预算.pdf', '江苏省政协办公厅2018度部门预算公开表.pdf', 40, [
    '形式/模板残留@江苏省政协办公厅2018年度部门预算.pdf:12:17',
    '形式/模板残留@江苏省政协办公厅2018年度部门预算.pdf:12:22',
    '形式/模板残留@江苏省政协办公厅2018年度部门预算.pdf:13:15',
    '形式/模板残留@江苏省政协办公厅2018年度部门预算.pdf:13:20',
    '叙述/同比变化率@江苏省政协办公厅2018年度部门预算.pdf:15:8',
  ]],
  // its path 一般公共服务（类）1．党委办公厅（室）及相关机构事务（款）行政运行（项） is read to the 项 (6,106.99 万元, as the table);
  // p.2's 部门：中国共产党江苏省委员会办 / 公厅 (its cell wrapped) is the document's 中共江苏省委办公厅 cut short; its 机关运行经费
  // 合计 above the 公用经费 is explained in the 说明 (p.11: 2017年“机关运行经费”统计口径发生调整): no warning
  ['江苏省委办公厅2017年部门预算.pdf', '江苏省委办公厅2017年预算公开表格.pdf', 34, [
    '形式/目录与正文标题不一致@江苏省委办公厅2017年部门预算.pdf:2:6',
    '叙述/同比变化率@江苏省委办公厅2017年部门预算.pdf:8:17',
  ]],
  // its 机关运行经费 2232.91 万元 against the table's 合计, printed spaced out (合    计)
  ['江苏省委办公厅2019年度部门预算公开文件.pdf', '江苏省委办公厅2019年度部门预算公开表格.pdf', 37, [
    '叙述/同比变化率@江苏省委办公厅2019年度部门预算公开文件.pdf:8:3',
    '叙述/同比变化率@江苏省委办公厅2019年度部门预算公开文件.pdf:9:16',
    // 占“三公”经费的 80.92%: of the 公开表's 三公经费小计 (411.20 ÷ 508.20 = 80.913%), not of its 合计 with 会议费 and 培训费
    '叙述/占比@江苏省委办公厅2019年度部门预算公开文件.pdf:12:9',
  ]],
  // its five 项 said under their 款 marked （类） (行政事业单位离退休（类）未归口管理的行政单位离退休支出（项）) are compared too
  // (37 before), and each such marker is said (pp.14: a 款 is no 类); the file's own findings, as alone: 2018 for 2019 in
  // its scope, the template's 增加（减少）, an amount left blank
  ['江苏省人大常委会2019年度部门预算公开.pdf', '江苏省人大常委会办公厅2019年部门预算公开表.pdf', 45, [
    '形式/编制范围年度@江苏省人大常委会2019年度部门预算公开.pdf:5:4',
    '形式/模板残留@江苏省人大常委会2019年度部门预算公开.pdf:9:14',
    '形式/模板残留@江苏省人大常委会2019年度部门预算公开.pdf:9:15',
    '形式/模板残留@江苏省人大常委会2019年度部门预算公开.pdf:9:16',
    '形式/模板残留@江苏省人大常委会2019年度部门预算公开.pdf:9:17',
    '形式/模板残留@江苏省人大常委会2019年度部门预算公开.pdf:9:18',
    '形式/模板残留@江苏省人大常委会2019年度部门预算公开.pdf:9:19',
    '形式/模板残留@江苏省人大常委会2019年度部门预算公开.pdf:9:20',
    '形式/模板残留@江苏省人大常委会2019年度部门预算公开.pdf:10:1',
    '叙述/科目级次标注@江苏省人大常委会2019年度部门预算公开.pdf:14:1',
    '叙述/科目级次标注@江苏省人大常委会2019年度部门预算公开.pdf:14:4',
    '叙述/科目级次标注@江苏省人大常委会2019年度部门预算公开.pdf:14:7',
    '叙述/科目级次标注@江苏省人大常委会2019年度部门预算公开.pdf:14:10',
    '叙述/科目级次标注@江苏省人大常委会2019年度部门预算公开.pdf:14:13',
    '形式/模板残留@江苏省人大常委会2019年度部门预算公开.pdf:16:5',
    '形式/模板残留@江苏省人大常委会2019年度部门预算公开.pdf:16:8',
    '形式/模板残留@江苏省人大常委会2019年度部门预算公开.pdf:16:19',
    '形式/模板残留@江苏省人大常委会2019年度部门预算公开.pdf:16:20',
    '形式/模板残留@江苏省人大常委会2019年度部门预算公开.pdf:16:20',
  ]],
];

describe.skipIf(!existsSync(REAL))('--parts on real pairs (../shared/real-pdf)', () => {
  for (const [narrative, tables, amounts, found] of PAIRS) {
    it(`${narrative} + ${tables}`, async () => {
      const files = [path.join(REAL, narrative), path.join(REAL, tables)];
      const rules = await builtinRules();
      let outcome: Awaited<ReturnType<typeof lintParts>> | undefined;
      const counts = await compared(async (observe) => (outcome = await lintParts(files, rules, { observe })));
      // the 说明's amounts (by 类/款/项, and its 三公 items) are now checked against the 公开表, and agree
      expect(counts['叙述/金额与表一致']).toBe(amounts);
      expect(outcome!.diagnostics.map(where)).toEqual(found);
      const alone = await compared((observe) => lintFile(files[0], rules, { observe }));
      expect(alone['叙述/金额与表一致']).toBeUndefined();
    });
  }
});
