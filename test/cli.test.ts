import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { FIXTURES } from './helpers.js';

function sink() {
  let text = '';
  const s = new Writable({ write: (c, _e, cb) => ((text += c.toString()), cb()) });
  return { s, get text() { return text; } };
}

async function run(...args: string[]) {
  const out = sink();
  const err = sink();
  const code = await main(args, { out: out.s as any, err: err.s as any });
  return { code, out: out.text, err: err.text };
}

const SAMPLE = path.join(FIXTURES, 'sample/budget-2025-tables.txt');
const CLEAN = path.join(FIXTURES, 'text/budget.txt');

describe('cli', () => {
  it('exits 1 with errors and prints ESLint JSON with our fields', async () => {
    const r = await run('--format', 'json', SAMPLE);
    expect(r.code).toBe(1);
    const [file] = JSON.parse(r.out);
    expect(file).toMatchObject({ filePath: SAMPLE, errorCount: 5, warningCount: 0 });
    expect(file.messages[0]).toMatchObject({ ruleId: '表间/本年支出合计', severity: 2, line: 134, table: '部门公开表3', actual: '1,182.90 万元', expected: '1,215.34 万元', difference: '32.44 万元' });
    // a rule over a whole table still names the row and column of the figure it points at
    expect(file.messages[0]).toMatchObject({ row: '合计', tableColumn: '合计', column: 8, endColumn: 16 });
    expect(file.messages[1]).toMatchObject({ ruleId: '表间/功能分类类级支出', table: '部门公开表3', row: '221', tableColumn: '合计' });
  });

  it('exits 0 and prints nothing on a consistent document', async () => {
    expect(await run('--no-color', CLEAN)).toEqual({ code: 0, out: '', err: '' });
  });

  it('exits 2 with one line for a missing file, a non-disclosure, and a bad rule file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bl-'));
    const plain = path.join(dir, 'note.txt');
    writeFileSync(plain, '这是一封普通的信。\n');
    const bad = path.join(dir, 'bad.yaml');
    writeFileSync(bad, '- id: x\n  description: y\n  select: { each: nowhere }\n  assert: true\n  message: m\n');
    const missing = await run(path.join(dir, 'nope.txt'));
    expect([missing.code, missing.err]).toEqual([2, `budget-lint: 找不到文件或目录: ${path.join(dir, 'nope.txt')}\n`]);
    const notDoc = await run(plain);
    expect(notDoc.code).toBe(2);
    expect(notDoc.err).toContain('不像是部门预决算公开文件');
    const badRule = await run('--rules', bad, CLEAN);
    expect(badRule.code).toBe(2);
    expect(badRule.err).toMatch(/bad\.yaml:3:\d+: each 必须是 document \/ table/);
  });

  it('--quiet drops warnings; --max-warnings turns them into a failure', async () => {
    const tabbed = path.join(FIXTURES, 'text/final-yuan-tabbed.txt');
    expect((await run('--quiet', tabbed)).code).toBe(0);
    expect((await run('--quiet', '--format', 'json', tabbed)).out).toContain('"warningCount": 0');
    expect((await run('--max-warnings', '1', tabbed)).code).toBe(1);
    expect((await run('--max-warnings', '2', tabbed)).code).toBe(0);
  });

  it('--rule changes a rule\'s severity, and names a rule that does not exist', async () => {
    const off = await run('--format', 'json', '--rule', '科目/上下级合计:off', '--rule', '表间/本年支出合计:warn', SAMPLE);
    const [file] = JSON.parse(off.out);
    expect(file.messages.map((m: { ruleId: string; severity: number }) => [m.ruleId, m.severity])).not.toContainEqual(['科目/上下级合计', 2]);
    expect(file.messages.find((m: { ruleId: string }) => m.ruleId === '表间/本年支出合计').severity).toBe(1);
    const bad = await run('--rule', '没有这条:off', SAMPLE);
    expect([bad.code, bad.err]).toEqual([2, 'budget-lint: --rule 没有这条:off: 没有 id 为「没有这条」的规则\n']);
  });

  it('--print-model prints the report model', async () => {
    const r = await run('--print-model', CLEAN);
    expect(r.code).toBe(0);
    const model = JSON.parse(r.out);
    expect(model).toMatchObject({ kind: '预算', year: 2025, unit: '万元' });
    expect(model.tables.map((t: { id: string }) => t.id)).toContain('部门公开表6');
  });

  it('--pdf-engine picks the engine that reads PDFs, and refuses one it does not know', async () => {
    const pdf = path.join(FIXTURES, 'sample/budget-2025.pdf');
    const [pdfium, unpdf] = [await run('--format', 'json', pdf), await run('--format', 'json', '--pdf-engine', 'unpdf', pdf)];
    expect([pdfium.code, unpdf.code]).toEqual([1, 1]);
    expect(JSON.parse(unpdf.out)[0].messages).toEqual(JSON.parse(pdfium.out)[0].messages);
    const bad = await run('--pdf-engine', 'mupdf', pdf);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/应为 pdfium 或 unpdf/);
  }, 30000);
});
