/**
 * The rule tester (--test-rules): the built-in rules' own cases (rules/*.test.yaml) run through
 * it, one test each, and it is as strict as ESLint's RuleTester with a user's rules.
 */
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runRuleTests } from '../src/cli/test-rules.js';
import { BUILTIN_RULES_DIR } from '../src/rules/index.js';
import { parseRuleTests } from '../src/rules/tester/cases.js';
import { builtinRules, runCli } from './helpers.js';

const results = await runRuleTests(BUILTIN_RULES_DIR);

describe('the built-in rules pass their own tests', () => {
  for (const r of results) {
    describe(path.basename(r.file), () => {
      for (const c of r.cases) {
        it(`${c.testCase.rules.length > 1 ? `${c.testCase.rules.length} 条规则` : c.testCase.rules[0]}：${c.testCase.name}`, () => {
          expect(c.problems).toEqual([]);
        });
      }
      it('every rule of the file has a case that fires and a valid case where it checked something', () => {
        expect(r.problems).toEqual([]);
      });
    });
  }

  it('every built-in rule file has its test file, and every built-in rule is under test', async () => {
    const ruleFiles = readdirSync(BUILTIN_RULES_DIR).filter((f) => f.endsWith('.yaml') && !f.endsWith('.test.yaml'));
    expect(results.map((r) => path.basename(r.file)).sort()).toEqual(ruleFiles.map((f) => f.replace('.yaml', '.test.yaml')).sort());
    expect(results.flatMap((r) => r.rules).sort()).toEqual((await builtinRules()).map((r) => r.id).sort());
  });
});

/** a 公开09 (三公) table, budget then final account, as text */
const SANGONG = (final: string) => `财政拨款“三公”经费支出决算表
公开09表
单位：万元
预算数 决算数
合计 因公出国（境）费 公务用车购置及运行维护费 公务接待费 合计 因公出国（境）费 公务用车购置及运行维护费 公务接待费
小计 公务用车购置费 公务用车运行维护费 小计 公务用车购置费 公务用车运行维护费
1 2 3 4 5 6 7 8 9 10 11 12
10.00 2.00 6.00 0.00 6.00 2.00 ${final} 2.00 8.00 0.00 8.00 2.00
`;

const RULE = `- id: 我的规则/三公不超预算
  severity: warn
  description: 三公经费决算数不应超过预算数
  select: { each: table, tables: [公开09] }
  bind:
    spent: { row: 合计, column: 决算数.合计 }
    budget: { row: 合计, column: 预算数.合计 }
  assert: { approx_le: [{ var: spent }, { var: budget }] }
  message: "{table}三公经费决算 {actual}，超过预算 {expected}，超出 {difference}"
`;

function indent(text: string, by: string): string {
  return text.replace(/^(?=.)/gm, by);
}

/** a folder with my-rules.yaml and my-rules.test.yaml holding these cases */
function project(cases: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'bl-tester-'));
  writeFileSync(path.join(dir, 'my-rules.yaml'), RULE);
  writeFileSync(path.join(dir, 'my-rules.test.yaml'), cases);
  return dir;
}

const FIRES = `- rule: 我的规则/三公不超预算
  name: 决算超预算
  text: |
${indent(SANGONG('12.00'), '    ')}  errors:
    - { line: 8, message: "公开09表三公经费决算 12.00 万元，超过预算 10.00 万元，超出 2.00 万元", actual: 12.00 万元, expected: 10.00 万元 }
`;
const SILENT = `- rule: 我的规则/三公不超预算
  name: 决算在预算内
  text: |
${indent(SANGONG('9.00'), '    ')}  valid: true
`;

describe('--test-rules with a user\'s rules', () => {
  it('passes a case that fires as expected and one that stays silent (exit 0)', async () => {
    const dir = project(FIRES + SILENT);
    const r = await runCli('--test-rules', dir);
    expect([r.code, r.err]).toEqual([0, '']);
    expect(r.out).toContain('✓ 我的规则/三公不超预算：决算超预算（第 1 行，报 1 个）');
    expect(r.out).toContain('✓ 我的规则/三公不超预算：决算在预算内');
    expect(r.out).toContain('规则测试：1 个文件，1 条规则，2 个用例：通过 2，失败 0');
    // a rule file given by name finds the test file beside it; -f json gives the results as data
    const json = JSON.parse((await runCli('--test-rules', path.join(dir, 'my-rules.yaml'), '-f', 'json')).out);
    expect(json[0].cases.map((c: { name: string; ok: boolean }) => [c.name, c.ok])).toEqual([
      ['决算超预算', true],
      ['决算在预算内', true],
    ]);
  });

  it('fails a case whose diagnostics differ: the line, a figure, one too many (exit 1)', async () => {
    const wrongLine = FIRES.replace('line: 8', 'line: 7');
    let r = await runCli('--test-rules', project(wrongLine + SILENT));
    expect(r.code).toBe(1);
    expect(r.out).toContain('✗ 我的规则/三公不超预算：决算超预算');
    expect(r.out).toContain('行：期望 7，实际 8');
    r = await runCli('--test-rules', project(FIRES.replace('expected: 10.00 万元', 'expected: 11.00 万元') + SILENT));
    expect(r.out).toContain('expected：期望 "11.00 万元"，实际 "10.00 万元"');
    // a severity not written is the rule's own (warn)
    r = await runCli('--test-rules', project(FIRES.replace('{ line: 8,', '{ line: 8, severity: error,') + SILENT));
    expect(r.out).toContain('severity：期望 2，实际 1');
    // a valid case on which the rule fires
    r = await runCli('--test-rules', project(FIRES + SILENT.replace("'9.00'", '').replace('9.00 2.00 8.00', '12.00 2.00 8.00')));
    expect(r.code).toBe(1);
    expect(r.out).toContain('应当不报，却报了：8:');
  });

  it('is strict: every rule needs a case that fires and a valid case that checked something', async () => {
    let r = await runCli('--test-rules', project(FIRES));
    expect(r.code).toBe(1);
    expect(r.out).toContain('✗ 规则 我的规则/三公不超预算 没有不报错的用例（valid: true）');
    r = await runCli('--test-rules', project(SILENT));
    expect(r.out).toContain('✗ 规则 我的规则/三公不超预算 没有会报错的用例（errors）');
    // a valid case where the table is not there proves nothing
    const elsewhere = `- rule: 我的规则/三公不超预算\n  text: |\n    收入决算表\n    公开02表\n  valid: true\n`;
    r = await runCli('--test-rules', project(FIRES + elsewhere));
    expect(r.out).toContain('✗ 规则 我的规则/三公不超预算 的 valid 用例中它都没有查到对象（表格不在或取不到数），不能说明它不误报');
  });

  it('refuses a case without an expectation, or naming a rule not under test, at file:line:col', async () => {
    const dir = project(FIRES + `- rule: 我的规则/三公不超预算\n  text: x\n`);
    const r = await runCli('--test-rules', dir);
    expect([r.code, r.err]).toEqual([2, `budget-lint: ${path.join(dir, 'my-rules.test.yaml')}:14:3: 用例没有写期望：不报错的写 valid: true，会报错的写 errors（所期望的诊断）\n`]);
    const typo = await runCli('--test-rules', project(FIRES + SILENT.replace('rule: 我的规则/三公不超预算', 'rule: 我的规则/三公不超预')));
    expect(typo.code).toBe(1);
    expect(typo.out).toMatch(/my-rules\.test\.yaml:14:9: 规则「我的规则\/三公不超预」不在所测的规则文件中（是不是「我的规则\/三公不超预算」？）/);
  });

  it('reads what a case may say, and refuses what it may not', () => {
    const bad = (text: string) => {
      try {
        parseRuleTests('t.test.yaml', text);
      } catch (e) {
        return (e as Error).message;
      }
      return 'accepted';
    };
    expect(bad('- { rule: a, text: x, valid: true, errors: [{ line: 1, message: m }] }')).toBe('t.test.yaml:1:3: 用例不能既写 valid: true 又写 errors');
    expect(bad('- { rule: a, text: x, errors: [] }')).toBe('t.test.yaml:1:31: errors 必须是非空列表（不报错的用例写 valid: true）');
    expect(bad('- { rule: a, text: x, errors: [{ message: m }] }')).toBe('t.test.yaml:1:32: 期望的诊断要写位置：line、at（所在行含的文字）或 page');
    expect(bad('- { rule: a, text: x, errors: [{ line: 3 }] }')).toBe('t.test.yaml:1:32: 期望的诊断要写内容：message、actual、expected、difference 至少一项');
    expect(bad('- { rule: a, text: x, file: y.txt, valid: true }')).toBe('t.test.yaml:1:3: 用例要有 text（文件内容）或 file（文件路径），只能一个');
    expect(bad('- { rule: a, txt: x, valid: true }')).toBe('t.test.yaml:1:19: 用例不认识的字段 "txt"（是不是「text」？）（可用：name, rule, text, file, replace, valid, errors）');
    expect(bad('- { rule: [a, b], text: x, errors: [{ line: 1, message: m }] }')).toBe('t.test.yaml:1:37: 这个用例测几条规则：每个期望的诊断要写 rule');
    expect(bad('- { rule: a, file: y.txt, replace: [{ from: a }], valid: true }')).toBe('t.test.yaml:1:37: to 必须是字符串（可以为空）');
  });
});
