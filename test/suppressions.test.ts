/**
 * A bureau's folder as CI would lint it: a configuration with an override for a county's
 * subfolder, 出错说明 with and without justification, expired and unused, a claim named by its
 * subject, a PDF that cannot be read and a text file that is not a disclosure.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, fixtureText, mutate, runCliWith } from './helpers.js';

const SAMPLE = path.join(FIXTURES, 'sample/budget-2025-tables.txt');
const NOT_DISCLOSURE = '这是一封普通的信。\n';

const CONFIG = `# 本局的设置
rules:
  科目/上下级合计: warn
overrides:
  - files: [县级/**]
    rules: { 表间/预算科目支出不少于财政拨款: off }
ignores: [草稿]
`;

const SUPPRESSIONS = `# 本局出错说明
- rule: 科目/行内分列合计          # justified: suppresses
  file: a.txt
  table: 部门公开表5
  row: 21015
  column: 合计
  justification: 分栏另表列示，已报财政局同意（2025-03-01）
- rule: 表间/功能分类类级支出      # no justification: does not suppress
  file: "**/b.txt"
  table: 部门公开表3
  row: "221"
  column: 合计
- rule: 科目/上下级合计            # expired
  file: a.txt
  table: 部门公开表6
  row: "301"
  justification: 旧的说明
  expires: 2000-01-01
- rule: 科目/上下级合计            # matches nothing
  file: a.txt
  row: "999"
  justification: 早已更正
- rule: 叙述/占比                  # a claim, by its subject
  file: f.txt
  subject: 财政拨款收入
  justification: 说明中的占比按调整后数计算
  expires: 2999-12-31
- rule: 表间/本年支出合计          # another county's file: not judged in this run
  file: 乙县/*.txt
  justification: 乙县另报
`;

function bureau(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'bl-bureau-'));
  mkdirSync(path.join(dir, '县级'));
  mkdirSync(path.join(dir, '草稿'));
  writeFileSync(path.join(dir, 'budget-lint.config.yaml'), CONFIG);
  writeFileSync(path.join(dir, 'budget-lint-suppressions.yaml'), SUPPRESSIONS);
  copyFileSync(SAMPLE, path.join(dir, 'a.txt'));
  copyFileSync(SAMPLE, path.join(dir, '县级/b.txt'));
  copyFileSync(SAMPLE, path.join(dir, '草稿/c.txt'));
  copyFileSync(path.join(FIXTURES, 'bad/not-a-pdf.pdf'), path.join(dir, 'broken.pdf'));
  writeFileSync(path.join(dir, 'note.txt'), NOT_DISCLOSURE);
  writeFileSync(path.join(dir, 'f.txt'), mutate(fixtureText('pdf/final-full.txt'), '占99.53%', '占98.53%'));
  return dir;
}

type Message = { ruleId: string | null; severity: number; line?: number; fatal?: boolean; message: string; suppressions?: unknown };
type Result = { filePath: string; messages: Message[]; suppressedMessages: Message[]; errorCount: number; warningCount: number; fatalErrorCount: number; suppressedCount: number };
const brief = (ms: Message[]) => ms.map((m) => [m.ruleId, m.severity, ...(m.line === undefined ? [] : [m.line])]);

describe('a folder linted with a configuration and 出错说明', { timeout: 30000 }, () => {
  it('gives each file its result, the suppressions file its notes, and exit 1 (2 with --exit-on-fatal-error)', async () => {
    const dir = bureau();
    const r = await runCliWith({ cwd: dir }, '-f', 'json', dir);
    expect([r.code, r.err]).toEqual([1, '']);
    const results = JSON.parse(r.out) as Result[];
    const by = (name: string) => results.find((x) => x.filePath === path.join(dir, name))!;
    expect(results.map((x) => path.relative(dir, x.filePath))).toEqual(['a.txt', 'broken.pdf', 'f.txt', 'note.txt', '县级/b.txt', 'budget-lint-suppressions.yaml']);
    const a = by('a.txt');
    expect(brief(a.messages)).toEqual([
      // the omission of 住房公积金 once, at its 项 (its 款, 类 and 合计 are off by the same 32.44)
      ['表间/预算科目支出不少于财政拨款', 2, 230],
      ['科目/上下级合计', 1, 324],
      ['科目/只印合计', 1, 363],
      ['科目/上下级合计', 1, 387], // its entry expired
    ]);
    expect(a).toMatchObject({ errorCount: 1, warningCount: 3, fatalErrorCount: 0, suppressedCount: 1 });
    expect(a.suppressedMessages).toEqual([
      expect.objectContaining({ ruleId: '科目/行内分列合计', table: '部门公开表5', row: '21015', tableColumn: '合计', suppressions: [{ kind: 'file', justification: '分栏另表列示，已报财政局同意（2025-03-01）' }] }),
    ]);
    // the county's override turned the 款/项 comparison off: the omission shows at its 类 (the 合计
    // named in its message); the unjustified entry for it suppresses nothing
    expect(brief(by('县级/b.txt').messages)).toEqual([
      ['表间/功能分类类级支出', 2, 226],
      ['科目/上下级合计', 1, 324],
      ['科目/行内分列合计', 2, 351],
      ['科目/只印合计', 1, 363],
      ['科目/上下级合计', 1, 387],
    ]);
    const f = by('f.txt');
    expect([f.messages, f.suppressedCount, f.suppressedMessages[0]]).toEqual([[], 1, expect.objectContaining({ ruleId: '叙述/占比', subject: '财政拨款收入', line: 260 })]);
    expect(by('broken.pdf')).toMatchObject({ messages: [{ ruleId: null, fatal: true, severity: 2, message: `${path.join(dir, 'broken.pdf')} 不是 PDF 文件` }], errorCount: 1, fatalErrorCount: 1 });
    expect(by('note.txt')).toMatchObject({ messages: [{ ruleId: null, fatal: true, severity: 2 }], errorCount: 1, fatalErrorCount: 1 });
    const notes = by('budget-lint-suppressions.yaml');
    expect(notes.messages.map((m) => [m.ruleId, m.severity, m.line, m.message])).toEqual([
      ['出错说明/缺少说明', 1, 8, '「表间/功能分类类级支出」的出错说明没有填写 justification（为何可以接受），不起作用'],
      ['出错说明/已过期', 1, 13, '「科目/上下级合计」的出错说明已于 2000-01-01 到期，不再起作用'],
      ['出错说明/未使用', 1, 19, '「科目/上下级合计」的出错说明本次没有与之相符的问题（可用 --prune-suppressions 删去）'],
    ]);
    expect((await runCliWith({ cwd: dir }, '--exit-on-fatal-error', dir)).code).toBe(2);
  });

  it('stylish says how many were suppressed; an unused entry can be made an error', async () => {
    const dir = bureau();
    const r = await runCliWith({ cwd: dir }, '--no-color', path.join(dir, 'f.txt'));
    expect(r).toEqual({ code: 0, out: '\n（另有 1 个问题已按出错说明抑制）\n', err: '' });
    // only f.txt was linted: the entries for a.txt and the counties are not judged
    const strict = await runCliWith({ cwd: dir }, '-f', 'json', '--report-unused-suppressions', path.join(dir, 'a.txt'));
    expect(strict.code).toBe(1);
    const notes = (JSON.parse(strict.out) as Result[]).at(-1)!;
    expect(brief(notes.messages)).toEqual([
      ['出错说明/已过期', 1, 13],
      ['出错说明/未使用', 2, 19],
    ]);
    const off = await runCliWith({ cwd: dir }, '-f', 'json', '--report-unused-suppressions-severity', 'off', path.join(dir, 'a.txt'));
    expect(brief((JSON.parse(off.out) as Result[]).at(-1)!.messages)).toEqual([['出错说明/已过期', 1, 13]]);
  });

  it('--suppress-all appends entries to fill in, keeping comments; filled in, they suppress; --prune-suppressions drops unused ones', async () => {
    const dir = bureau();
    const file = path.join(dir, 'budget-lint-suppressions.yaml');
    const first = await runCliWith({ cwd: dir }, '-f', 'json', '--suppress-all', path.join(dir, 'a.txt'));
    expect(first.code).toBe(1);
    expect(first.err).toBe(`budget-lint: 已在 ${file} 添加 3 条出错说明；请逐条填写 justification（为何可以接受），填写前它们不起作用\n`);
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith(SUPPRESSIONS)).toBe(true);
    expect(text.slice(SUPPRESSIONS.length)).toBe(
      [
        '# --suppress-all 添加：请填写 justification',
        '- rule: 表间/预算科目支出不少于财政拨款',
        '  file: a.txt',
        '  table: 部门公开表3',
        '  row: "2210201"',
        '  column: 合计',
        '  justification: ""',
        '- rule: 科目/上下级合计',
        '  file: a.txt',
        '  table: 部门公开表5',
        '  row: "20805"',
        '  column: 合计',
        '  justification: ""',
        '- rule: 科目/只印合计',
        '  file: a.txt',
        '  table: 部门公开表5',
        '  row: "2101599"',
        '  column: 合计',
        '  justification: ""',
        '',
      ].join('\n'),
    );
    // the same run again adds nothing: the findings are named, if not yet justified
    expect((await runCliWith({ cwd: dir }, '--suppress-all', path.join(dir, 'a.txt'))).err).toBe(`budget-lint: 出错说明文件 ${file} 无需改动\n`);
    writeFileSync(file, readFileSync(file, 'utf8').replaceAll('justification: ""', 'justification: 已核实'));
    const filled = await runCliWith({ cwd: dir }, '-f', 'json', path.join(dir, 'a.txt'));
    const [a, notes] = JSON.parse(filled.out) as Result[];
    expect([filled.code, brief(a.messages), a.suppressedCount]).toEqual([0, [['科目/上下级合计', 1, 387]], 4]);
    expect(brief(notes.messages)).toEqual([
      ['出错说明/已过期', 1, 13],
      ['出错说明/未使用', 1, 19],
    ]);
    const pruned = await runCliWith({ cwd: dir }, '-f', 'json', '--prune-suppressions', path.join(dir, 'a.txt'));
    expect(pruned.err).toBe(`budget-lint: 已从 ${file} 删去 1 条本次没有用到的出错说明\n`);
    expect(brief((JSON.parse(pruned.out) as Result[]).at(-1)!.messages)).toEqual([['出错说明/已过期', 1, 13]]);
    const after = readFileSync(file, 'utf8');
    expect(after).not.toContain('早已更正');
    // rewritten by yaml's Document API: the comments stay, their alignment does not
    expect(after).toContain('# 本局出错说明\n- rule: 科目/行内分列合计 # justified: suppresses\n');
    expect(after).toContain('# --suppress-all 添加：请填写 justification\n');
    expect(after).toContain('乙县另报');
  });

  it('--suppress-rule adds entries for that rule only; a page names a finding in a PDF', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bl-page-'));
    const pdf = path.join(FIXTURES, 'sample/budget-2025.pdf');
    const file = path.join(dir, 's.yaml');
    const r = await runCliWith({ cwd: dir }, '--suppressions', file, '--suppress-rule', '表间/预算科目支出不少于财政拨款', '--no-config-lookup', '-f', 'json', pdf);
    expect(r.code).toBe(1);
    const entries = readFileSync(file, 'utf8');
    expect(entries).toContain('- rule: 表间/预算科目支出不少于财政拨款\n');
    expect(entries).not.toContain('科目/上下级合计');
    writeFileSync(file, `- rule: 科目/上下级合计\n  file: budget-2025.pdf\n  page: 7\n  justification: 第 7 页的一处已说明\n`);
    const paged = await runCliWith({ cwd: dir }, '--suppressions', file, '--no-config-lookup', '-f', 'json', pdf);
    const [result] = JSON.parse(paged.out) as Result[];
    // (a 款 out in two columns is one finding)
    expect(result.suppressedMessages.map((m) => [m.ruleId, (m as { page?: number }).page])).toEqual([['科目/上下级合计', 7]]);
    expect(result.messages.filter((m) => m.ruleId === '科目/上下级合计').map((m) => (m as { page?: number }).page)).toEqual([8]);
  }, 30000);

  const invalid: Array<[string, string, string]> = [
    ['not a list', 'rule: x\n', '1:1: 出错说明文件应是列表'],
    ['unknown key', '- rule: 科目/上下级合计\n  tabel: 部门公开表5\n', '2:3: 出错说明不认识的字段 "tabel"（是不是「table」？）'],
    ['missing rule', '- justification: 说明\n', '1:3: 出错说明缺少 rule（规则 id）'],
    ['unknown rule', '- rule: 科目/上下级合记\n  justification: x\n', '1:9: 没有 id 为「科目/上下级合记」的规则（是不是「科目/上下级合计」？）'],
    ['bad date', '- rule: 科目/上下级合计\n  expires: 2026-02-30\n', '2:12: expires 必须是日期，写作 YYYY-MM-DD'],
    ['bad page', '- rule: 科目/上下级合计\n  page: 0\n', '2:9: page 必须是正整数'],
  ];
  it.each(invalid)('a malformed suppressions file is refused with file:line:col (%s), exit 2', async (_what, text, expected) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bl-supp-'));
    const file = path.join(dir, 'budget-lint-suppressions.yaml');
    writeFileSync(file, text);
    const r = await runCliWith({ cwd: dir }, '--no-config-lookup', SAMPLE);
    expect([r.code, r.out]).toEqual([2, '']);
    expect(r.err.startsWith(`budget-lint: ${file}:${expected}`)).toBe(true);
  });

  it('a missing --suppressions file is a usage error', async () => {
    const r = await runCliWith({}, '--suppressions', '/nonexistent/s.yaml', SAMPLE);
    expect([r.code, r.err]).toEqual([2, 'budget-lint: 找不到出错说明文件: /nonexistent/s.yaml\n']);
  });
});
