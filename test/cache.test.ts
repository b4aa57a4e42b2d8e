/** --cache: a file is replayed from the cache only when its content, the rules, the table kinds, its configuration and the tool version are unchanged. */
import { appendFileSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, ROOT, runCliWith } from './helpers.js';
import { cacheFile, DEFAULT_CACHE_NAME, runKey } from '../src/batch/cache.js';
import { prepare, type RunSetup } from '../src/batch/setup.js';

type Result = { filePath: string; messages: Array<{ ruleId: string | null }> };
const MARK = '测试/取自缓存';

function project(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'bl-cache-'));
  for (const sub of ['rules', 'tables']) mkdirSync(path.join(dir, sub));
  copyFileSync(path.join(FIXTURES, 'text/outline-income.txt'), path.join(dir, 'a.txt'));
  copyFileSync(path.join(FIXTURES, 'text/budget.txt'), path.join(dir, 'b.txt'));
  writeFileSync(path.join(dir, 'letter.txt'), '这是一封普通的信。\n');
  copyFileSync(path.join(ROOT, 'examples/auditor/sangong.yaml'), path.join(dir, 'rules/sangong.yaml'));
  copyFileSync(path.join(FIXTURES, 'tables/variant.yaml'), path.join(dir, 'tables/variant.yaml'));
  args(dir);
  return dir;
}

/** paths under dir (the CLI under test takes its cwd from the test, but rule and table paths from the process) */
let ARGS: string[] = [];
const args = (dir: string) => (ARGS = ['-f', 'json', '--cache', '--rules', path.join(dir, 'rules'), '--tables', path.join(dir, 'tables'), 'a.txt', 'b.txt', 'letter.txt']);

/** mark every cached result, so that a replayed one is told from a fresh one */
function mark(dir: string, file = path.join(dir, DEFAULT_CACHE_NAME)): void {
  const data = JSON.parse(readFileSync(file, 'utf8')) as { files: Record<string, { result: Result }> };
  for (const e of Object.values(data.files)) e.result.messages.push({ ruleId: MARK });
  writeFileSync(file, JSON.stringify(data));
}

/** which files were replayed (their marked count), by name */
async function replayed(dir: string, ...extra: string[]): Promise<string[]> {
  const r = await runCliWith({ cwd: dir }, ...extra, ...ARGS);
  expect(r.code).toBe(1);
  return (JSON.parse(r.out) as Result[]).filter((x) => x.messages.some((m) => m.ruleId === MARK)).map((x) => path.basename(x.filePath));
}

describe('--cache', { timeout: 60000 }, () => {
  it('replays unchanged files byte for byte; a fatal result is not kept', async () => {
    const dir = project();
    const first = await runCliWith({ cwd: dir }, ...ARGS);
    const cache = JSON.parse(readFileSync(path.join(dir, DEFAULT_CACHE_NAME), 'utf8')) as { files: Record<string, unknown> };
    expect(Object.keys(cache.files).map((k) => path.basename(k.split('\n')[0]))).toEqual(['a.txt', 'b.txt']);
    expect(await runCliWith({ cwd: dir }, ...ARGS)).toEqual(first);
    mark(dir);
    expect(await replayed(dir)).toEqual(['a.txt', 'b.txt']);
  });

  it('a change of the file, the configuration, --rule, a rule file or a table kind file invalidates', async () => {
    const dir = project();
    await runCliWith({ cwd: dir }, ...ARGS);
    mark(dir);
    appendFileSync(path.join(dir, 'a.txt'), '\n');
    expect(await replayed(dir)).toEqual(['b.txt']);
    mark(dir);
    writeFileSync(path.join(dir, 'budget-lint.config.yaml'), 'overrides:\n  - files: ["b.txt"]\n    rules:\n      形式/必备表: warn\n');
    // the configuration applies to b.txt only: a.txt's entry still holds
    expect(await replayed(dir)).toEqual(['a.txt']);
    mark(dir);
    expect(await replayed(dir, '--rule', '形式/必备表:off')).toEqual([]);
    mark(dir);
    appendFileSync(path.join(dir, 'rules/sangong.yaml'), '# 改过\n');
    expect(await replayed(dir)).toEqual([]);
    mark(dir);
    appendFileSync(path.join(dir, 'tables/variant.yaml'), '# 改过\n');
    expect(await replayed(dir)).toEqual([]);
    mark(dir);
    expect(await replayed(dir, '--pdf-engine', 'unpdf')).toEqual([]);
  });

  it('the tool version is part of the key', async () => {
    const setup: RunSetup = { cwd: ROOT, configLookup: false, builtinRules: true, rules: [], tables: [], rule: [] };
    const prepared = await prepare(setup);
    expect(runKey(setup, prepared, '0.1.0')).toBe(runKey(setup, prepared, '0.1.0'));
    expect(runKey(setup, prepared, '0.1.0')).not.toBe(runKey(setup, prepared, '0.1.1'));
  });

  it('--cache-location: a file, or a folder holding one named by the working directory; a corrupt cache is started afresh', async () => {
    const dir = project();
    await runCliWith({ cwd: dir }, '--cache-location', 'out/my.cache', ...ARGS);
    expect(existsSync(path.join(dir, 'out/my.cache'))).toBe(true);
    expect(existsSync(path.join(dir, DEFAULT_CACHE_NAME))).toBe(false);
    await runCliWith({ cwd: dir }, '--cache-location', 'caches/', ...ARGS);
    expect(readdirSync(path.join(dir, 'caches'))).toEqual([path.basename(cacheFile('caches/', dir))]);
    expect(path.basename(cacheFile('caches/', dir))).toMatch(/^\.budgetlintcache-[0-9a-f]{12}$/);
    writeFileSync(path.join(dir, 'out/my.cache'), '{ not json');
    const again = await runCliWith({ cwd: dir }, '--cache-location', 'out/my.cache', ...ARGS);
    expect([again.code, again.err]).toEqual([1, '']);
    expect(JSON.parse(readFileSync(path.join(dir, 'out/my.cache'), 'utf8')).format).toBe(1);
  });
});
