import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { NOT_PDF, SAMPLE_TXT } from './format-helpers.js';
import { ROOT, runCli } from './helpers.js';

const NOT_A_DISCLOSURE = '这是一封普通的信。\n';

/**
 * Two copies of the sample; the first chunk written to stdout makes the second one a plain
 * letter. A format written file by file reports the second as not a disclosure (it was read
 * after the first was written); one written at the end had read it before.
 */
async function lintTwoWhileWriting(format: string) {
  const dir = mkdtempSync(path.join(tmpdir(), 'bl-stream-'));
  const [a, b] = ['a.txt', 'b.txt'].map((f) => path.join(dir, f));
  copyFileSync(path.join(ROOT, SAMPLE_TXT), a);
  copyFileSync(path.join(ROOT, SAMPLE_TXT), b);
  const chunks: string[] = [];
  const out = new Writable({
    write(chunk, _enc, cb) {
      if (!chunks.length) writeFileSync(b, NOT_A_DISCLOSURE);
      chunks.push(chunk.toString());
      cb();
    },
  });
  const code = await main(['-f', format, a, b], { out, err: new Writable({ write: (_c, _e, cb) => cb() }) });
  return { code, chunks, b };
}

describe('formats on the command line', () => {
  it('ndjson writes one JSON result a line as each file finishes', async () => {
    const { code, chunks, b } = await lintTwoWhileWriting('ndjson');
    expect(code).toBe(1);
    expect(chunks).toHaveLength(2);
    const lines = chunks.join('').trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    const [first, second] = lines.map((l) => JSON.parse(l));
    expect(first).toMatchObject({ errorCount: 4, fatalErrorCount: 0 });
    expect(first.messages[0]).toMatchObject({ ruleId: '表间/预算科目支出不少于财政拨款', expected: 32.44, unit: '万元', expectedText: '32.44 万元' });
    expect(second).toMatchObject({ filePath: b, errorCount: 1, fatalErrorCount: 1 });
    // json, written at the end, had read both files before writing anything
    const json = await lintTwoWhileWriting('json');
    expect(JSON.parse(json.chunks.join('')).map((r: { errorCount: number }) => r.errorCount)).toEqual([4, 4]);
  });

  it('stylish writes each file\'s block as it finishes, the totals at the end (the first results show at once)', async () => {
    const { code, chunks, b } = await lintTwoWhileWriting('stylish');
    expect(code).toBe(1);
    // the first file's block, the second's (read after the first was written: a plain letter), the totals
    expect(chunks).toHaveLength(3);
    expect(chunks[0]).toMatch(/^\n.*a\.txt\n  230:15 +error/);
    expect(chunks[1]).toContain(`${b}\n`);
    expect(chunks[1]).toContain('不像是部门预决算公开文件');
    expect(chunks[2]).toBe('\n✖ 6 个问题（5 个错误，1 个警告）\n');
  });

  it('json-with-metadata gives the results and, per rule, its description, why, severity, docs and source', async () => {
    const r = await runCli('-f', 'json-with-metadata', '--rule', '科目/行内分列合计:warn', SAMPLE_TXT);
    expect(r.code).toBe(1);
    const { results, metadata } = JSON.parse(r.out);
    expect(results.map((x: { warningCount: number; errorCount: number }) => [x.errorCount, x.warningCount])).toEqual([[3, 2]]);
    expect(metadata.rulesMeta['科目/行内分列合计']).toEqual({
      description: '每行的合计栏应等于其各分栏之和',
      why: '例如本年支出合计 = 基本支出 + 项目支出 + …；未填列的单元格按 0 计。',
      severity: 'warn',
      // its own section of docs/rules.md, the anchor percent-encoded
      docs: expect.stringMatching(new RegExp(`docs/rules\\.md#${encodeURIComponent('科目行内分列合计')}$`)),
      source: { file: 'rules/table-rows.yaml', line: 53, column: 5 },
    });
    expect(metadata.rulesMeta['读取/表格未能读取']).toMatchObject({ severity: 'warn', source: null, docs: expect.stringMatching(/#tables-what-is-read/) });
    // a rule switched off did not run and is not described
    const off = JSON.parse((await runCli('-f', 'json-with-metadata', '--rule', '科目/行内分列合计:off', SAMPLE_TXT)).out);
    expect(off.metadata.rulesMeta['科目/行内分列合计']).toBeUndefined();
  });

  it('-o writes the report to the file, making its folders, and prints nothing of it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bl-out-'));
    const file = path.join(dir, '报告 2025', 'sub', 'budget-lint.sarif');
    const r = await runCli('-f', 'sarif', '-o', file, SAMPLE_TXT, NOT_PDF);
    expect([r.code, r.out, r.err]).toEqual([1, '', '']);
    const log = JSON.parse(readFileSync(file, 'utf8'));
    expect(log.runs[0].results).toHaveLength(5);
    // stylish with no problem writes an empty file: an old report is not left behind
    const clean = path.join(dir, 'clean.txt');
    writeFileSync(clean, 'old');
    expect(await runCli('-o', clean, 'fixtures/text/budget.txt')).toEqual({ code: 0, out: '', err: '' });
    expect(readFileSync(clean, 'utf8')).toBe('');
  });

  it('a report that cannot be written, or an unknown format, is one line and exit 2, before any file is linted', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bl-out-'));
    expect(await runCli('-f', 'junit', '-o', dir, SAMPLE_TXT)).toEqual({ code: 2, out: '', err: `budget-lint: 无法写入输出文件 ${dir}：这是一个目录\n` });
    const blocked = path.join(dir, 'file');
    writeFileSync(blocked, '');
    const under = path.join(blocked, 'report.xml');
    expect(await runCli('-f', 'junit', '-o', under, SAMPLE_TXT)).toEqual({ code: 2, out: '', err: `budget-lint: 无法写入输出文件 ${under}：路径中有一段不是目录\n` });
    const unknown = await runCli('-f', 'checkstyle', '-o', path.join(dir, 'x.xml'), SAMPLE_TXT);
    expect(unknown).toEqual({ code: 2, out: '', err: 'budget-lint: 未知的输出格式: checkstyle（可用 stylish、json、json-with-metadata、sarif、github、junit、html、ndjson）\n' });
    expect(existsSync(path.join(dir, 'x.xml'))).toBe(false);
  });

  it('html through the command line draws the tables of each file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bl-out-'));
    const file = path.join(dir, 'report.html');
    expect((await runCli('-f', 'html', '-o', file, SAMPLE_TXT)).code).toBe(1);
    const html = readFileSync(file, 'utf8');
    expect(html.match(/<td id="[^"]+" class="num hit hit-error"/g)).toHaveLength(4);
    expect(html.match(/<details id=/g)).toHaveLength(9);
  });
});
