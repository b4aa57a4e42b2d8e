/** Hostile input: each file fails alone, folders with link loops, text that is not quite UTF-8. */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFile } from '../src/cli/lint.js';
import { decodeText, splitLines, walkFolder } from '../src/ingest/index.js';
import { joinFigureTailsInText } from '../src/layout/text-figure-tails.js';
import type { Rule } from '../src/rules/index.js';
import { FIXTURES, builtinRules, reportOf, runCli } from './helpers.js';

const CLEAN = path.join(FIXTURES, 'text/budget.txt');
const tmp = () => mkdtempSync(path.join(tmpdir(), 'bl-robust-'));

/** a.txt and sub/b.txt, with links to the folder itself (me) and from sub to its parent (up) */
function loopedFolder(): string {
  const dir = tmp();
  mkdirSync(path.join(dir, 'sub'));
  copyFileSync(CLEAN, path.join(dir, 'a.txt'));
  copyFileSync(CLEAN, path.join(dir, 'sub/b.txt'));
  symlinkSync('..', path.join(dir, 'sub/up'));
  symlinkSync('.', path.join(dir, 'me'));
  return dir;
}

describe('folders', () => {
  it('a link to the folder itself or its parent is not followed: each file once, no hang', async () => {
    const dir = loopedFolder();
    expect(await walkFolder(dir, { match: /\.txt$/ })).toEqual([path.join(dir, 'a.txt'), path.join(dir, 'sub/b.txt')]);
  });

  it('on the command line: two files, two results', async () => {
    const dir = loopedFolder();
    const r = await runCli('--format', 'json', dir, path.join(dir, 'me/a.txt'));
    expect([r.code, r.err]).toEqual([0, '']);
    expect(JSON.parse(r.out).map((x: { filePath: string }) => x.filePath)).toEqual([path.join(dir, 'a.txt'), path.join(dir, 'sub/b.txt')]);
  });

  it('a linked file inside the tree counts once, under its own name; one outside the tree is left out', async () => {
    const outside = tmp();
    copyFileSync(CLEAN, path.join(outside, 'far.txt'));
    const dir = tmp();
    copyFileSync(CLEAN, path.join(dir, 'b.txt'));
    symlinkSync(path.join(dir, 'b.txt'), path.join(dir, 'a-link.txt'));
    symlinkSync(path.join(outside, 'far.txt'), path.join(dir, 'far.txt'));
    symlinkSync(outside, path.join(dir, 'far-dir'));
    symlinkSync(path.join(dir, 'missing.txt'), path.join(dir, 'dangling.txt'));
    expect(await walkFolder(dir, { match: /\.txt$/ })).toEqual([path.join(dir, 'b.txt')]);
  });
});

describe('text decoding', () => {
  const utf8 = readFileSync(CLEAN);

  it('UTF-8 with one bad byte at the end stays UTF-8, and says where the byte is', async () => {
    const bytes = Buffer.concat([utf8, Buffer.from([0xff])]);
    const decoded = decodeText(bytes);
    expect([decoded.encoding, decoded.invalid]).toEqual(['utf-8', { offset: utf8.length, line: utf8.toString().split('\n').length, column: 1, count: 1 }]);
    const file = path.join(tmp(), 'bad-end.txt');
    writeFileSync(file, bytes);
    const outcome = await lintFile(file, await builtinRules());
    expect(outcome.fatal).toBeNull();
    expect(outcome.diagnostics).toEqual([
      {
        ruleId: 'text/invalid-utf8',
        severity: 1,
        message: `文件不是有效的 UTF-8：第 ${utf8.length} 字节（从 0 数）起有无效字节序列，共 1 处，已按 UTF-8 读取，无效处以 � 代替`,
        file,
        line: utf8.toString().split('\n').length,
        column: 1,
        endLine: utf8.toString().split('\n').length,
        endColumn: 2,
      },
    ]);
  });

  it('the offset is that of the first invalid sequence, after a BOM and a literal replacement character', () => {
    const text = '\ufeff公开01表 �\n合计 ';
    const bytes = Buffer.concat([Buffer.from(text), Buffer.from([0xe4, 0xb8]), Buffer.from('\n'), Buffer.from([0xc0])]);
    expect(decodeText(bytes).invalid).toEqual({ offset: Buffer.byteLength(text), line: 2, column: 4, count: 2 });
  });

  it('GB18030 is chosen only when it reads the file with fewer replacement characters', () => {
    const gb = readFileSync(path.join(FIXTURES, 'text/final-wanyuan.gb18030.txt'));
    expect(decodeText(Buffer.concat([gb, Buffer.from([0xff])])).encoding).toBe('gb18030');
    expect(decodeText(gb).invalid).toBeUndefined();
  });

  it('UTF-16 with a byte-order mark is read, little- and big-endian', async () => {
    const text = readFileSync(CLEAN, 'utf8');
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    expect([decodeText(le), decodeText(be)]).toEqual([
      { text, encoding: 'utf-16le' },
      { text, encoding: 'utf-16be' },
    ]);
    const file = path.join(tmp(), 'utf16.txt');
    writeFileSync(file, be);
    expect(await lintFile(file, await builtinRules())).toMatchObject({ fatal: null, diagnostics: [] });
  });
});

describe('one file, one outcome', () => {
  it('an internal error is the file\'s fatal message, with the stack only under --debug', async () => {
    const broken = {
      [Symbol.iterator]() {
        throw new Error('规则表坏了');
      },
    } as unknown as Rule[];
    expect(await lintFile(CLEAN, broken)).toEqual({ report: null, diagnostics: [], fatal: '内部错误：规则表坏了' });
    const debug = await lintFile(CLEAN, broken, { debug: true });
    expect(debug.fatal).toMatch(/^内部错误：规则表坏了\nError: 规则表坏了\n {4}at /);
  });
});

describe('cost of hostile text', () => {
  it('a sentence of 20,000 year-on-year changes: each change finds its current amount from the end (quadratic before)', () => {
    const sentence = Array(20_000).fill('本年收入10.00万元，比上年增加1.00万元，增长5%').join('，');
    const claims = reportOf(`${readFileSync(CLEAN, 'utf8')}\n${sentence}。\n`).claims.filter((c) => c.kind === 'yoy');
    expect(claims).toHaveLength(20_000);
    // each is measured against the amount just before it, never against the change before that
    expect([claims[0].figures.current?.raw, claims[1].figures.current?.raw, claims[19_999].figures.current?.raw]).toEqual(['10.00', '10.00', '10.00']);
  }, 20_000);

  it('20,000 lines of prose amid a form\'s indicator rows are read in linear time (they took 48 s)', () => {
    const prose = Array.from({ length: 20_000 }, (_, i) => `本项目主要用于保障单位正常运转第${i}行`);
    const text = ['项目支出绩效自评表', '项目名称 办公经费', '一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分', ...prose, '产出指标 数量指标 保障人数 10人 10人 50 50', '总分 100 90'].join('\n');
    const [form] = reportOf(text).forms;
    expect(form.project).toBe('办公经费');
    expect(form.indicators.map((x) => [x.weightText, x.target, x.actual, x.name.endsWith('第19999行产出指标数量指标保障人数')])).toEqual([['50', '10人', '10人', true]]);
  }, 20_000);

  it('100,000 blank lines in a text printing amounts are read in linear time (a figure\'s tails looked ahead over each: 47 s)', () => {
    const text = ['某局2025年部门预算', '收入总计 1,215.34 万元，支出总计 1,215.34 万元，结余 0.00 万元。', ...Array.from({ length: 100_000 }, () => ''), '合计 1,215.3', '         4', '以上。'].join('\n');
    const lines = splitLines('x.txt', text).lines;
    expect(joinFigureTailsInText(lines).map((l) => l.text).slice(-2)).toEqual(['合计 1,215.34', '以上。']);
  }, 20_000);

  it('a line of 20,000 numbers amid a 绩效目标表\'s indicators is read in linear time (it was quadratic: 16 s)', () => {
    const lines = readFileSync(CLEAN, 'utf8').split('\n');
    const title = lines.findIndex((l) => l.includes('部门预算项目支出绩效目标表'));
    const long = Array.from({ length: 20_000 }, (_, i) => `${(i % 997) + 1}.${String(i % 89).padStart(2, '0')}`).join(' ');
    const text = [...lines.slice(0, title + 80), long, ...lines.slice(title + 80)].join('\n');
    const weights = (t: string) => reportOf(t).forms.map((f) => [f.project, f.indicators.map((x) => x.weightText)]);
    const before = weights(lines.join('\n'));
    expect(weights(text)).toEqual(before);
  });
});
