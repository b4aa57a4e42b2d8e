/** Linting on a pool of worker threads: the same output byte for byte as a serial run, in the input order; a worker that dies is its file's fatal result. */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFiles } from 'budget-lint';
import { FIXTURES, ROOT, runCli } from './helpers.js';
import { parseConcurrency, threadsFor } from '../src/batch/pool.js';

const BIN = path.join(ROOT, 'bin', 'budget-lint.js');

/** the built command (workers run dist/), its exit code and output */
function bin(args: string[], env: Record<string, string> = {}): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, maxBuffer: 64 << 20 }, (error, out, err) => {
      resolve({ code: error ? Number(error.code) : 0, out, err });
    });
  });
}

/** texts and PDFs, clean, with findings, fatal (a truncated PDF, a letter) */
function folder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'bl-par-'));
  const pick = ['text/outline-income.txt', 'text/budget.txt', 'text/titled-budget.txt', 'pdf/corpus-linxia-city-2023-final.chromium.pdf', 'bad/truncated.pdf', 'pdf/budget.chromium.pdf', 'pdf/corpus-weihai-huancui-2023-final.txt'];
  for (const f of pick) copyFileSync(path.join(FIXTURES, f), path.join(dir, f.replace('/', '-')));
  writeFileSync(path.join(dir, 'letter.txt'), '这是一封普通的信。\n');
  return dir;
}

describe('parallel linting', { timeout: 120000 }, () => {
  it('json, stylish and ndjson: serial and parallel output are the same byte for byte', async () => {
    const dir = folder();
    for (const format of ['json', 'stylish', 'ndjson']) {
      const serial = await bin(['-f', format, '--concurrency', 'off', dir]);
      const parallel = await bin(['-f', format, '--concurrency', '2', dir]);
      expect(serial.code).toBe(1);
      expect(serial.out.length).toBeGreaterThan(1000);
      expect(parallel).toEqual(serial);
    }
    // the order is the input order, whatever order the workers finish in
    const json = JSON.parse((await bin(['-f', 'json', '--concurrency', '3', dir])).out) as Array<{ filePath: string; fatalErrorCount: number }>;
    expect(json.map((r) => path.basename(r.filePath))).toEqual(['bad-truncated.pdf', 'letter.txt', 'pdf-budget.chromium.pdf', 'pdf-corpus-linxia-city-2023-final.chromium.pdf', 'pdf-corpus-weihai-huancui-2023-final.txt', 'text-budget.txt', 'text-outline-income.txt', 'text-titled-budget.txt']);
    expect(json.map((r) => r.fatalErrorCount)).toEqual([1, 1, 0, 0, 0, 0, 0, 0]);
  });

  it('a worker that dies takes only its file down, and the run ends', async () => {
    const dir = folder();
    const r = await bin(['-f', 'json', '--concurrency', '2', dir], { BUDGET_LINT_TEST_WORKER_EXIT: 'text-budget.txt' });
    const results = JSON.parse(r.out) as Array<{ filePath: string; messages: Array<{ fatal?: boolean; message: string }> }>;
    const dead = results.find((x) => x.filePath.endsWith('text-budget.txt'))!;
    expect(dead.messages).toEqual([expect.objectContaining({ fatal: true, message: expect.stringMatching(/^内部错误：检查这个文件的工作线程意外退出（.+）$/) })]);
    expect(results.find((x) => x.filePath.endsWith('text-outline-income.txt'))!.messages.length).toBe(10);
    expect(r.code).toBe(1);
    // the same through the API (workers are then those of the test's process)
    process.env.BUDGET_LINT_TEST_WORKER_EXIT = 'text-titled-budget.txt';
    try {
      const api = await lintFiles(dir, { concurrency: 2 });
      expect(api.filter((x) => x.messages.some((m) => 'fatal' in m && m.message.includes('工作线程意外退出'))).map((x) => path.basename(x.filePath))).toEqual(['text-titled-budget.txt']);
    } finally {
      delete process.env.BUDGET_LINT_TEST_WORKER_EXIT;
    }
  });

  it('--concurrency: a number, auto or off; anything else is a usage error', async () => {
    expect([parseConcurrency('4'), parseConcurrency('auto'), parseConcurrency('off'), parseConcurrency('0'), parseConcurrency('1.5'), parseConcurrency('')]).toEqual([4, 'auto', 'off', null, null, null]);
    const bad = await runCli('--concurrency', 'many', path.join(FIXTURES, 'text/budget.txt'));
    expect([bad.code, bad.err]).toEqual([2, 'budget-lint: --concurrency 的值「many」无效：应为正整数、auto 或 off\n']);
  });

  it('threads: none for one file or off; auto one per core, at most one per two files', () => {
    expect(threadsFor('off', 100, 8)).toBe(0);
    expect(threadsFor('auto', 1, 8)).toBe(0);
    expect(threadsFor(4, 1, 8)).toBe(0);
    expect(threadsFor('auto', 3, 8)).toBe(0);
    expect(threadsFor('auto', 4, 8)).toBe(2);
    expect(threadsFor('auto', 100, 8)).toBe(8);
    expect(threadsFor('auto', 100, 1)).toBe(0);
    expect(threadsFor(3, 2, 8)).toBe(2);
    expect(threadsFor(3, 100, 2)).toBe(3);
  });
});
