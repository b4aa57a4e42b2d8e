/** The command line as ESLint's: stdin, globs and ignores, fatal files, --quiet with --max-warnings, colours, help and usage errors in Chinese, --version. */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FIXTURES, ROOT, runCli, runCliWith } from './helpers.js';
import { colorLevel } from '../src/cli/color.js';

const SAMPLE = path.join(FIXTURES, 'sample/budget-2025-tables.txt');
const CLEAN = path.join(FIXTURES, 'text/budget.txt');
const TABBED = path.join(FIXTURES, 'text/final-yuan-tabbed.txt');

type Result = { filePath: string; errorCount: number; warningCount: number; fatalErrorCount: number; messages: Array<{ ruleId: string | null; severity: number }> };
const parse = (out: string) => JSON.parse(out) as Result[];

function tree(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'bl-batch-'));
  for (const sub of ['县级/甲县', '草稿', 'node_modules/x']) mkdirSync(path.join(dir, sub), { recursive: true });
  copyFileSync(SAMPLE, path.join(dir, 'a.txt'));
  copyFileSync(CLEAN, path.join(dir, '县级/甲县/b.txt'));
  copyFileSync(CLEAN, path.join(dir, '草稿/c.txt'));
  copyFileSync(CLEAN, path.join(dir, 'node_modules/x/d.txt'));
  writeFileSync(path.join(dir, 'readme.md'), '不检查\n');
  return dir;
}

const names = (dir: string, out: string) => parse(out).map((r) => path.relative(dir, r.filePath));

describe('batch behaviour', { timeout: 30000 }, () => {
  it('a folder: node_modules is not walked; --ignore-pattern and --no-ignore', async () => {
    const dir = tree();
    expect(names(dir, (await runCliWith({ cwd: dir }, '-f', 'json', dir)).out)).toEqual(['a.txt', '县级/甲县/b.txt', '草稿/c.txt']);
    const ignored = await runCliWith({ cwd: dir }, '-f', 'json', '--ignore-pattern', '草稿', '--ignore-pattern', '县级/**/b.txt', dir);
    expect(names(dir, ignored.out)).toEqual(['a.txt']);
    const all = await runCliWith({ cwd: dir }, '-f', 'json', '--ignore-pattern', '草稿', '--no-ignore', dir);
    expect(names(dir, all.out)).toEqual(['a.txt', 'node_modules/x/d.txt', '县级/甲县/b.txt', '草稿/c.txt']);
  });

  it('globs as arguments, relative to the current directory; one that takes nothing is a usage error', async () => {
    const dir = tree();
    const r = await runCliWith({ cwd: dir }, '-f', 'json', '县级/**/*.txt', '*.txt');
    expect([r.code, names(dir, r.out)]).toEqual([1, ['县级/甲县/b.txt', 'a.txt']]);
    const none = await runCliWith({ cwd: dir }, '草稿/*.pdf');
    expect([none.code, none.err]).toEqual([2, 'budget-lint: 没有与「草稿/*.pdf」相符的 .txt 或 .pdf 文件\n']);
    const gone = await runCliWith({ cwd: dir }, '--ignore-pattern', '草稿/', '草稿/*.txt');
    expect([gone.code, gone.err]).toEqual([2, 'budget-lint: 与「草稿/*.txt」相符的文件都已被忽略（ignores 或 --ignore-pattern；--no-ignore 可检查它们）\n']);
  });

  it('a file named outright but ignored is said and skipped, exit 0', async () => {
    const dir = tree();
    const r = await runCliWith({ cwd: dir }, '--ignore-pattern', '*.txt', path.join(dir, 'a.txt'));
    expect(r).toEqual({ code: 0, out: '', err: `budget-lint: ${path.join(dir, 'a.txt')} 按忽略规则未检查（ignores 或 --ignore-pattern；--no-ignore 可检查它）\n` });
  });

  it('fatal files do not stop the others: exit 1 with only fatal errors, 2 with --exit-on-fatal-error', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bl-fatal-'));
    copyFileSync(path.join(FIXTURES, 'bad/truncated.pdf'), path.join(dir, 'cut.pdf'));
    writeFileSync(path.join(dir, 'letter.txt'), '这是一封普通的信。\n');
    copyFileSync(CLEAN, path.join(dir, 'ok.txt'));
    const r = await runCliWith({ cwd: dir }, '-f', 'json', dir);
    expect(r.code).toBe(1);
    const results = parse(r.out);
    expect(results.map((x) => [path.basename(x.filePath), x.errorCount, x.fatalErrorCount, x.messages.map((m) => m.ruleId)])).toEqual([
      ['cut.pdf', 1, 1, [null]],
      ['letter.txt', 1, 1, [null]],
      ['ok.txt', 0, 0, []],
    ]);
    expect((await runCliWith({ cwd: dir }, '--exit-on-fatal-error', dir)).code).toBe(2);
  }, 30000);

  it('reads text from standard input under --stdin-filename, which overrides and ignores see', async () => {
    const text = readFileSync(SAMPLE);
    const r = await runCliWith({ stdin: text }, '-f', 'json', '--stdin', '--stdin-filename', '县级/a.txt');
    expect(r.code).toBe(1);
    expect(parse(r.out)[0]).toMatchObject({ filePath: '县级/a.txt', errorCount: 4 });
    const dash = await runCliWith({ stdin: text }, '-f', 'json', '-');
    expect(parse(dash.out)[0]).toMatchObject({ filePath: '<text>', errorCount: 4 });
    const dir = mkdtempSync(path.join(tmpdir(), 'bl-stdin-'));
    writeFileSync(path.join(dir, 'budget-lint.config.yaml'), 'overrides:\n  - files: [县级/**]\n    rules: { 表间/预算科目支出不少于财政拨款: off, 科目/上下级合计: off }\nignores: [草稿/]\n');
    const county = await runCliWith({ cwd: dir, stdin: text }, '-f', 'json', '--stdin', '--stdin-filename', '县级/a.txt');
    expect(parse(county.out)[0]).toMatchObject({ filePath: '县级/a.txt', errorCount: 2 });
    const draft = await runCliWith({ cwd: dir, stdin: text }, '--stdin', '--stdin-filename', '草稿/a.txt');
    expect(draft).toEqual({ code: 0, out: '', err: 'budget-lint: 草稿/a.txt 按忽略规则未检查（ignores 或 --ignore-pattern；--no-ignore 可检查它）\n' });
    const both = await runCliWith({ stdin: text }, '--stdin', SAMPLE);
    expect([both.code, both.err]).toEqual([2, 'budget-lint: 从标准输入读取时不能再给出文件或目录\n']);
  });

  it('reads a PDF from standard input', async () => {
    const r = await runCliWith({ stdin: readFileSync(path.join(FIXTURES, 'sample/budget-2025.pdf')) }, '-f', 'json', '--stdin', '--stdin-filename', 'budget-2025.pdf');
    expect(r.code).toBe(1);
    const [result] = parse(r.out);
    // its two 款 out in two columns each: one diagnostic a row; the 住房公积金 omission once, at its 项
    expect(result.messages.map((m) => m.ruleId)).toEqual(['表间/预算科目支出不少于财政拨款', '科目/上下级合计', '科目/上下级合计']);
  }, 30000);

  it('--quiet --max-warnings counts the warnings it hides, as ESLint does', async () => {
    const quiet = await runCli('--quiet', '--max-warnings', '0', '-f', 'json', TABBED);
    expect([quiet.code, quiet.err]).toEqual([1, 'budget-lint: 警告 4 个，超过 --max-warnings 0\n']);
    expect(parse(quiet.out)[0]).toMatchObject({ warningCount: 0, messages: [] });
    expect((await runCli('--quiet', '--max-warnings', '4', TABBED)).code).toBe(0);
  });
});

describe('command line', { timeout: 30000 }, () => {
  const env = { ...process.env };
  afterEach(() => {
    process.env = { ...env };
  });

  it('honours FORCE_COLOR and --color when the output is not a terminal, NO_COLOR and --no-color', async () => {
    delete process.env.NO_COLOR;
    process.env.FORCE_COLOR = '1';
    expect((await runCli(TABBED)).out).toContain('\u001b[33mwarning\u001b[39m');
    expect((await runCli('--no-color', TABBED)).out).not.toContain('\u001b[');
    process.env.FORCE_COLOR = '0';
    expect((await runCli(TABBED)).out).not.toContain('\u001b[');
    expect((await runCli('--color', TABBED)).out).toContain('\u001b[');
    expect([colorLevel(undefined, { FORCE_COLOR: '3' }, false), colorLevel(undefined, { NO_COLOR: '1' }, true), colorLevel(undefined, {}, true), colorLevel(undefined, {}, false)]).toEqual([3, 0, 1, 0]);
  });

  it('-v prints the version of package.json', async () => {
    const version = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;
    expect(await runCli('--version')).toEqual({ code: 0, out: `${version}\n`, err: '' });
    expect((await runCli('-v')).out).toBe(`${version}\n`);
  });

  it('help and usage errors are in Chinese, exit 2', async () => {
    const help = await runCli('--help');
    expect(help.code).toBe(0);
    expect(help.out.startsWith('用法：budget-lint [选项] <文件|目录|通配符>...\n')).toBe(true);
    expect(help.out).toContain('\n选项：\n');
    expect(help.out).toMatch(/ {2}-h, --help +显示本帮助\n/);
    expect(help.out).not.toMatch(/Usage|Options|display help|default:/);
    expect(await runCli('--formt', 'json', SAMPLE)).toEqual({ code: 2, out: '', err: 'budget-lint: 未知选项 --formt，是不是 --format？（budget-lint --help 列出所有选项）\n' });
    expect(await runCli('--max-warnings')).toEqual({ code: 2, out: '', err: 'budget-lint: 选项 --max-warnings <n> 缺少值\n' });
    expect(await runCli('--max-warnings', 'x', SAMPLE)).toEqual({ code: 2, out: '', err: 'budget-lint: --max-warnings 的值「x」无效：应为非负整数\n' });
    expect(await runCli('--rule', '科目/上下级合记:off', SAMPLE)).toEqual({ code: 2, out: '', err: 'budget-lint: --rule 科目/上下级合记:off: 没有 id 为「科目/上下级合记」的规则（是不是「科目/上下级合计」？）\n' });
  });
});
