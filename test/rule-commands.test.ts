/** --list-rules, --explain, --debug-rule and --report-unchecked on the command line. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, builtinRules, fixtureText, lineOf, runCli } from './helpers.js';

const FINAL = path.join(FIXTURES, 'text/final-wanyuan.txt');

describe('--list-rules', () => {
  it('lists every rule with severity, selector, tables and description', async () => {
    const r = await runCli('--list-rules');
    expect([r.code, r.err]).toEqual([0, '']);
    const n = (await builtinRules()).length;
    expect(r.out).toContain('总表/收支总计平衡  error  each: table  公开01、公开04、部门公开表1、部门公开表4\n    收入总计应等于支出总计\n');
    expect(r.out).toContain(`\n${n} 条规则（error 101，warn 55，off 0）`);
    // severities as --rule leaves them
    expect((await runCli('--list-rules', '--rule', '自评表/资金得分:off')).out).toContain('自评表/资金得分  off  each: form\n');
  });

  it('gives JSON with -f json: the metadata other formats use', async () => {
    const list = JSON.parse((await runCli('--list-rules', '-f', 'json')).out);
    expect(list).toHaveLength((await builtinRules()).length);
    expect(list.find((m: { id: string }) => m.id === '总表/收支总计平衡')).toEqual({
      id: '总表/收支总计平衡',
      severity: 'error',
      description: '收入总计应等于支出总计',
      why: '总表两侧是同一笔资金的来源与去向，总计不等说明有数字录错或漏填。',
      docs: 'docs/rules.md#总表收支总计平衡',
      selector: 'table',
      tables: ['公开01', '公开04', '部门公开表1', '部门公开表4'],
      source: expect.stringMatching(/rules\/table-totals\.yaml:3:5$/),
    });
  });
});

describe('--explain', () => {
  it('says what the rule checks, why, the identity, a real message and how to switch it off or replace it', async () => {
    const r = await runCli('--explain', '总表/收支总计平衡');
    expect([r.code, r.err]).toEqual([0, '']);
    for (const part of [
      '总表/收支总计平衡（error，定义于 rules/table-totals.yaml:3:5）',
      '收入总计应等于支出总计',
      '为什么：总表两侧是同一笔资金的来源与去向，总计不等说明有数字录错或漏填。',
      '检查对象：each: table（每张表）；表：公开01、公开04、部门公开表1、部门公开表4',
      '  income = 本表「收入:总计」行的第一栏',
      '应成立：income = spending',
      // from the first case of rules/table-totals.test.yaml that makes it fire
      '消息示例：公开01表收入总计 17,912.75 万元，支出总计 17,912.95 万元，相差 0.20 万元',
      '文档：docs/rules.md#总表收支总计平衡',
      '  budget-lint --rule 总表/收支总计平衡:off …（或 :warn、:error）',
      '  budget-lint --rule 总表/收支总计平衡:off --rules my-rules.yaml …',
    ]) expect(r.out).toContain(part);
  });

  it('reads formulas in words', async () => {
    expect((await runCli('--explain', '自评表/资金得分')).out).toContain('应成立：fundsScore = fundsWeight × funds.年度资金总额.全年执行数 ÷ funds.年度资金总额.全年预算数（不超过 fundsWeight）');
    expect((await runCli('--explain', '总表/收入总计构成')).out).toContain('应成立：total = current + carried');
    expect((await runCli('--explain', '叙述/同比变化率')).out).toContain('只查：claim.kind = “yoy”');
  });

  it('an unknown id: did you mean, exit 2', async () => {
    expect(await runCli('--explain', '总表/收支总计平')).toEqual({ code: 2, out: '', err: 'budget-lint: 没有 id 为「总表/收支总计平」的规则（是不是「总表/收支总计平衡」？）\n' });
    expect((await runCli('--explain', 'nothing-like-it')).err).toBe('budget-lint: 没有 id 为「nothing-like-it」的规则（--list-rules 列出全部规则）\n');
  });
});

describe('--debug-rule', () => {
  it('prints each binding: the cells its bind names resolved, where they stand, and the outcome', async () => {
    const r = await runCli('--debug-rule', '总表/收支总计平衡', FINAL);
    expect([r.code, r.err]).toEqual([0, '']);
    const text = fixtureText('text/final-wanyuan.txt');
    const total = lineOf(text, '总计 31 17,912.75');
    expect(r.out).toContain(`[1] 公开01表（第 ${lineOf(text, '公开01表')} 行第 1 列）\n    income = 17,912.75 万元（第 ${total} 行第 7 列）\n    spending = 17,912.75 万元（第 ${total} 行第 23 列）\n    结果：通过（比较了 1 对数）\n`);
    expect(r.out).toContain('共 2 个检查对象：不成立 0，通过 2，没有可比的数 0，where 排除 0，出错 0');
  });

  it('says why a bind found nothing, and what the where left out', async () => {
    const r = await runCli('--debug-rule', '表间/一般公共预算类级支出', FINAL);
    expect(r.out).toContain('    budget = （空）：文件中没有 部门公开表4\n');
    expect(r.out).toContain('[1] 公开05表 合计');
    expect(r.out).toMatch(/\[1\] 公开05表 合计（第 \d+ 行第 1 列）\n {4}结果：where 条件不成立，不查\n/);
  });

  it('shows a failing binding with its message; an unknown id or no file exits 2', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bl-debug-'));
    const file = path.join(dir, 'changed.txt');
    writeFileSync(file, fixtureText('text/final-wanyuan.txt').replace('总计 31 17,912.75 总计 62 17,912.75', '总计 31 17,912.75 总计 62 17,912.95'));
    const r = await runCli('--debug-rule', '总表/收支总计平衡', file);
    expect(r.out).toMatch(/结果：不成立 → 第 \d+ 行第 7 列：公开01表收入总计 17,912\.75 万元，支出总计 17,912\.95 万元，相差 0\.20 万元/);
    expect((await runCli('--debug-rule', '总表/收支总计', file)).code).toBe(2);
    expect(await runCli('--debug-rule', '总表/收支总计平衡')).toEqual({ code: 2, out: '', err: 'budget-lint: --debug-rule 需要要检查的文件，例如 budget-lint --debug-rule 总表/收支总计平衡 决算公开.txt\n' });
  });
});

describe('--report-unchecked', () => {
  it('after the lint, per file: which rules checked something, which found nothing where their tables are, and why', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bl-unchecked-'));
    const rules = path.join(dir, 'my-rules.yaml');
    // a code the catalogue allows (a 项 of 208) that this document does not print
    writeFileSync(rules, '- { id: 我的/某项, description: d, select: { each: table, tables: [公开03] }, bind: { x: { row: "2089901", column: 基本支出 } }, assert: { approx_ge: [{ var: x }, 0] }, message: m }\n');
    const r = await runCli('--no-builtin-rules', '--rules', rules, '--report-unchecked', FINAL);
    expect([r.code, r.err]).toEqual([0, '']);
    expect(r.out).toBe(
      `\n${FINAL}：规则覆盖\n  运行 1 条规则：0 条查到了对象，1 条表格（或所查对象）在却没有查到任何对象，0 条所查的表格或对象本文件没有\n  在却没有查到：\n    我的/某项：x 没有取到：公开03 中没有行「2089901」（是不是「2080501」、「20899」、「2089999」？）\n`,
    );
  });

  it('with the built-in rules: where excluded everything, tables absent, and on stderr beside JSON', async () => {
    const r = await runCli('--report-unchecked', '-f', 'json', FINAL);
    expect(JSON.parse(r.out)[0].errorCount).toBe(0);
    expect(r.err).toContain('查到了：表间/本年收入合计（1）');
    expect(r.err).toContain('    绩效目标表/预算合计：where 条件排除了全部 1 个检查对象（where：document.targetTable ≠ 空）\n');
    expect(r.err).toContain('    文件中没有 部门公开表4：总表/收入总计构成-无本年合计行、总表/支出总计构成-无本年合计行\n');
  });

  it('with --parts: one report, of the document the parts make, under the part that hosts it', async () => {
    const [notes, tables] = ['某街道2025年部门预算-说明.txt', '某街道2025年部门预算-公开表.txt'].map((f) => path.join(FIXTURES, 'parts', f));
    const r = await runCli('--report-unchecked', '-f', 'json', '--parts', notes, tables);
    expect(r.err.match(/：规则覆盖/g)).toHaveLength(1);
    expect(r.err).toContain(`\n${notes}：规则覆盖\n`);
    // the notes' sentences checked against the tables the other part holds
    expect(r.err).toMatch(/查到了：.*叙述\/科目名称与表不符（\d+）/);
  });
});
