/** --test-rules PATH: run the *.test.yaml beside a user's rules, report, exit 0 (all pass) or 1. */
import { stat } from 'node:fs/promises';
import { walkFolder } from '../ingest/index.js';
import { InputError } from '../ingest/index.js';
import { runRuleTestFile, type RuleTestResult } from '../rules/tester/run.js';
import { isRuleTestFile } from '../rules/loader.js';

import type { Io } from './program.js';

/** the test files a path names: itself, the test file beside a rule file, or every *.test.yaml under a folder */
export async function ruleTestFiles(p: string): Promise<string[]> {
  let st;
  try {
    st = await stat(p);
  } catch {
    throw new InputError(`找不到文件或目录: ${p}`);
  }
  if (st.isDirectory()) {
    const files = (await walkFolder(p, { match: /\.ya?ml$/i })).filter(isRuleTestFile);
    if (!files.length) throw new InputError(`${p} 中没有 *.test.yaml 规则测试文件`);
    return files;
  }
  if (isRuleTestFile(p)) return [p];
  const beside = p.replace(/\.ya?ml$/i, '.test.yaml');
  try {
    await stat(beside);
  } catch {
    throw new InputError(`${p} 旁边没有规则测试文件 ${beside}`);
  }
  return [beside];
}

export async function runRuleTests(p: string, tablePaths: string[] = []): Promise<RuleTestResult[]> {
  const out: RuleTestResult[] = [];
  for (const f of await ruleTestFiles(p)) out.push(await runRuleTestFile(f, tablePaths));
  return out;
}

export function passed(results: RuleTestResult[]): boolean {
  return results.every((r) => !r.problems.length && r.cases.every((c) => c.ok));
}

export function testReport(results: RuleTestResult[]): string {
  const lines: string[] = [];
  let cases = 0;
  let failed = 0;
  for (const r of results) {
    lines.push('', r.file);
    for (const c of r.cases) {
      cases++;
      const t = c.testCase;
      const head = `${t.rules.length > 3 ? `${t.rules.slice(0, 3).join('、')} 等 ${t.rules.length} 条` : t.rules.join('、')}：${t.name}（第 ${t.pos.line} 行，${t.valid ? '不报' : `报 ${t.errors.length} 个`}）`;
      if (c.ok) {
        lines.push(`  ✓ ${head}`);
        continue;
      }
      failed++;
      lines.push(`  ✗ ${head}`);
      for (const p of c.problems) lines.push(...p.split('\n').map((l) => `      ${l}`));
    }
    for (const p of r.problems) lines.push(`  ✗ ${p}`);
  }
  const strict = results.reduce((n, r) => n + r.problems.length, 0);
  const rules = results.reduce((n, r) => n + r.rules.length, 0);
  lines.push('', `规则测试：${results.length} 个文件，${rules} 条规则，${cases} 个用例：通过 ${cases - failed}，失败 ${failed}${strict ? `；另有 ${strict} 处缺用例` : ''}`);
  return lines.join('\n') + '\n';
}

export async function testRulesCommand(p: string, io: Io, format: string, tablePaths: string[] = []): Promise<number> {
  const results = await runRuleTests(p, tablePaths);
  if (format === 'json') {
    const json = results.map((r) => ({
      file: r.file,
      rules: r.rules,
      problems: r.problems,
      cases: r.cases.map((c) => ({ name: c.testCase.name, rules: c.testCase.rules, line: c.testCase.pos.line, valid: c.testCase.valid, ok: c.ok, problems: c.problems })),
    }));
    io.out.write(JSON.stringify(json, null, 2) + '\n');
  } else io.out.write(testReport(results));
  return passed(results) ? 0 : 1;
}
