/** The configuration file: lookup, extends and presets, overrides, validation at file:line:col, --print-config. */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, runCliWith } from './helpers.js';

const SAMPLE = path.join(FIXTURES, 'sample/budget-2025-tables.txt');
// the 住房公积金 omission once, at its 项 (its 款, 类 and the 合计 are off by the same amount)
const SAMPLE_RULES = [
  ['表间/预算科目支出不少于财政拨款', 2],
  ['科目/上下级合计', 2],
  ['科目/行内分列合计', 2],
  ['科目/只印合计', 1],
  ['科目/上下级合计', 2],
];

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'bl-config-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

type Message = { ruleId: string | null; severity: number };
const ruleIds = (out: string, i = 0) => (JSON.parse(out)[i].messages as Message[]).map((m) => [m.ruleId, m.severity]);

describe('configuration file', { timeout: 30000 }, () => {
  it('is found from the current directory upward; its rules and an override for a subfolder apply', async () => {
    const dir = folder({
      'budget-lint.config.yaml': '# 本局设置\nrules:\n  科目/上下级合计: warn\noverrides:\n  - files: [县级/**]\n    rules:\n      表间/预算科目支出不少于财政拨款: off\n      科目/上下级合计: 0\n',
    });
    mkdirSync(path.join(dir, '县级/甲县'), { recursive: true });
    copyFileSync(SAMPLE, path.join(dir, 'a.txt'));
    copyFileSync(SAMPLE, path.join(dir, '县级/b.txt'));
    const r = await runCliWith({ cwd: path.join(dir, '县级/甲县') }, '-f', 'json', path.join(dir, 'a.txt'), path.join(dir, '县级/b.txt'));
    expect([r.code, r.err]).toEqual([1, '']);
    expect(ruleIds(r.out, 0)).toEqual([
      ['表间/预算科目支出不少于财政拨款', 2],
      ['科目/上下级合计', 1],
      ['科目/行内分列合计', 2],
      ['科目/只印合计', 1],
      ['科目/上下级合计', 1],
    ]);
    // with the 项 comparison off there, the omission is reported at its 类
    expect(ruleIds(r.out, 1)).toEqual([
      ['表间/功能分类类级支出', 2],
      ['科目/行内分列合计', 2],
      ['科目/只印合计', 1],
    ]);
    // the command line wins over the file; --no-config-lookup and -c
    const cli = await runCliWith({ cwd: dir }, '-f', 'json', '--rule', '科目/上下级合计:error', path.join(dir, 'a.txt'));
    expect(ruleIds(cli.out)).toEqual(SAMPLE_RULES);
    expect(ruleIds((await runCliWith({ cwd: dir }, '-f', 'json', '--no-config-lookup', path.join(dir, 'a.txt'))).out)).toEqual(SAMPLE_RULES);
    const other = folder({ 'mine.yaml': 'rules: { 科目/行内分列合计: off }\n' });
    expect(ruleIds((await runCliWith({ cwd: dir }, '-f', 'json', '-c', path.join(other, 'mine.yaml'), path.join(dir, 'a.txt'))).out)).toEqual([
      ['表间/预算科目支出不少于财政拨款', 2],
      ['科目/上下级合计', 2],
      ['科目/只印合计', 1],
      ['科目/上下级合计', 2],
    ]);
  });

  it('extends a file beside it and a preset; budget-lint:all makes every built-in rule an error', async () => {
    const dir = folder({
      '.budgetlintrc.yaml': 'extends: [base/county.yaml]\nrules:\n  表间/功能分类类级支出: off\n',
      'base/county.yaml': 'extends: budget-lint:all\nrules:\n  科目/上下级合计: warn\n  表间/功能分类类级支出: warn\n',
    });
    const r = await runCliWith({ cwd: dir }, '-f', 'json', SAMPLE);
    expect(ruleIds(r.out)).toEqual([
      ['表间/预算科目支出不少于财政拨款', 2],
      ['科目/上下级合计', 1],
      ['科目/行内分列合计', 2],
      ['科目/只印合计', 2],
      ['科目/上下级合计', 1],
    ]);
    const printed = JSON.parse((await runCliWith({ cwd: dir }, '--print-config', 'x.txt')).out);
    expect(printed).toMatchObject({ configFile: path.join(dir, '.budgetlintrc.yaml'), builtinRules: 'all', format: 'stylish', outputFile: null, ignored: false });
    expect(printed.extends.map((f: string) => path.basename(f))).toEqual(['all.yaml', 'county.yaml']);
    // a warn rule of the built-in files is an error under budget-lint:all
    expect(printed.rules['形式/空表说明']).toBe('error');
    expect(printed.rules['表间/功能分类类级支出']).toBe('off');
  });

  it('--print-config FILE shows the override that applies to that file, and whether it is ignored', async () => {
    const dir = folder({
      'budget-lint.config.yaml': 'rules:\n  形式/金额单位: error\noverrides:\n  - files: ["县级/"]\n    rules: { 形式/金额单位: off }\nignores: ["草稿/**", "*.bak.txt"]\nformat: json\noutputFile: out/report.json\nruleFiles: rules.yaml\n',
      'rules.yaml': '[]\n',
    });
    const print = async (file: string) => {
      const r = await runCliWith({ cwd: dir }, '--print-config', file);
      expect([r.code, r.err]).toEqual([0, '']);
      return JSON.parse(r.out);
    };
    const top = await print('a.txt');
    expect(top).toMatchObject({ file: 'a.txt', builtinRules: 'recommended', format: 'json', outputFile: path.join(dir, 'out/report.json'), ruleFiles: [path.join(dir, 'rules.yaml')], ignored: false });
    expect(top.rules['形式/金额单位']).toBe('error');
    expect(top.rules['形式/空表说明']).toBe('warn');
    expect((await print('县级/乙县/b.txt')).rules['形式/金额单位']).toBe('off');
    expect((await print('草稿/c.txt')).ignored).toBe(true);
    expect((await print('x/old.bak.txt')).ignored).toBe(true);
  });

  it('format and outputFile from the configuration: the report is written to the file', async () => {
    const dir = folder({ 'budget-lint.config.yaml': 'format: json\noutputFile: out/report.json\n' });
    const r = await runCliWith({ cwd: dir }, SAMPLE);
    expect([r.code, r.out, r.err]).toEqual([1, '', '']);
    expect(JSON.parse(readFileSync(path.join(dir, 'out/report.json'), 'utf8'))[0]).toMatchObject({ filePath: SAMPLE, errorCount: 4 });
    expect((await runCliWith({ cwd: dir }, '-f', 'stylish', '--no-color', SAMPLE)).code).toBe(1);
    expect(readFileSync(path.join(dir, 'out/report.json'), 'utf8')).toMatch(/✖ 5 个问题/);
  });

  const invalid: Array<[string, string, string]> = [
    ['unknown key', 'rule:\n  x: off\n', '1:1: 配置文件不认识的字段 "rule"（是不是「rules」？）（可用：extends, builtinRules, rules, ruleFiles, tableFiles, overrides, ignores, format, outputFile）'],
    ['unknown rule id', 'rules:\n  形式/金额单位: warn\n  科目/上下级合记: off\n', '3:3: 没有 id 为「科目/上下级合记」的规则（是不是「科目/上下级合计」？）'],
    ['unknown rule id in an override', 'overrides:\n  - files: [a/**]\n    rules:\n      没有这条: off\n', '4:7: 没有 id 为「没有这条」的规则'],
    ['bad severity', 'rules:\n  形式/金额单位: warning\n', '2:12: 规则「形式/金额单位」的级别必须是 error、warn 或 off（或 2、1、0）'],
    ['wrong type', 'ignores: 3\n', '1:10: ignores 必须是非空字符串或其列表'],
    ['override without files', 'overrides:\n  - rules: {}\n', '2:5: overrides 项缺少 files（通配符列表）'],
    ['missing rule file', 'ruleFiles: [nope.yaml]\n', '1:13: ruleFiles 中的 "nope.yaml" 找不到'],
    ['unknown preset', 'extends: budget-lint:recomended\n', '1:10: 没有名为「budget-lint:recomended」的预设（是不是「budget-lint:recommended」？）'],
    ['YAML syntax', 'rules:\n  a: [\n', '3:1: YAML 语法错误'],
    ['unknown format', 'format: sarif2\n', '1:9: 未知的输出格式: sarif2'],
    ['bad builtinRules', 'builtinRules: some\n', '1:15: builtinRules 必须是 recommended、all、off'],
  ];
  it.each(invalid)('is refused with file:line:col (%s), exit 2', async (_what, text, expected) => {
    const dir = folder({ 'budget-lint.config.yaml': text });
    const r = await runCliWith({ cwd: dir }, SAMPLE);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.startsWith(`budget-lint: ${path.join(dir, 'budget-lint.config.yaml')}:${expected}`)).toBe(true);
    expect(r.err.split('\n')).toHaveLength(2);
  });

  it('refuses an extends cycle, at the entry that closes it', async () => {
    const dir = folder({ 'budget-lint.config.yaml': 'extends: a.yaml\n', 'a.yaml': 'extends: [b.yaml]\n', 'b.yaml': 'rules: {}\nextends: a.yaml\n' });
    const r = await runCliWith({ cwd: dir }, SAMPLE);
    expect([r.code, r.err]).toEqual([2, `budget-lint: ${path.join(dir, 'b.yaml')}:2:10: extends 构成循环：a.yaml → b.yaml → a.yaml\n`]);
  });

  it('a missing -c file is a usage error', async () => {
    const r = await runCliWith({}, '-c', '/nonexistent/budget-lint.config.yaml', SAMPLE);
    expect([r.code, r.err]).toEqual([2, 'budget-lint: 找不到配置文件: /nonexistent/budget-lint.config.yaml\n']);
  });
});
