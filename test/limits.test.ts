import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { Deadline, TimeoutError } from '../src/ingest/index.js';
import { FIXTURES, runCli as run } from './helpers.js';

const PDF = path.join(FIXTURES, 'sample/budget-2025.pdf');
const CLEAN = path.join(FIXTURES, 'text/budget.txt');
const fatal = (message: string) => [{ ruleId: null, fatal: true, severity: 2, message }];

describe('--max-pages and --timeout', () => {
  it('a PDF longer than --max-pages is its fatal message; the other files are still linted', async () => {
    const r = await run('--format', 'json', '--max-pages', '1', PDF, CLEAN);
    expect(r.code).toBe(1);
    const [pdf, text] = JSON.parse(r.out);
    expect(pdf.messages).toEqual(fatal(`${PDF} 有 13 页，超过 --max-pages 1，未检查`));
    expect(text).toMatchObject({ filePath: CLEAN, messages: [], fatalErrorCount: 0 });
    expect((await run('--exit-on-fatal-error', '--max-pages', '1', PDF)).code).toBe(2);
    expect((await run('--max-pages', '13', CLEAN)).code).toBe(0);
  }, 30000);

  it('a file over --timeout is stopped at the next check and is its fatal message, with either engine', async () => {
    for (const engine of ['pdfium', 'unpdf']) {
      const r = await run('--format', 'json', '--pdf-engine', engine, '--timeout', '0.001', PDF);
      expect(r.code).toBe(1);
      expect(JSON.parse(r.out)[0].messages).toEqual(fatal(`${PDF} 的检查超过 --timeout 0.001 秒，已停止，未检查`));
    }
    expect((await run('--timeout', '-1', PDF)).code).toBe(2);
  }, 30000);

  it('a deadline passes until its time is up; 0 is no limit', () => {
    const longAgo = Date.now() - 10_000;
    expect(() => new Deadline('a.pdf', 5, longAgo).check()).toThrow(TimeoutError);
    expect(() => new Deadline('a.pdf', 5, longAgo).check()).toThrow('a.pdf 的检查超过 --timeout 5 秒，已停止，未检查');
    expect(() => new Deadline('a.pdf', 0, longAgo).check()).not.toThrow();
    expect(() => new Deadline('a.pdf', 60).check()).not.toThrow();
  });

  it('a page read that never settles does not hold a file past its deadline', async () => {
    const never = new Promise<number>(() => {});
    await expect(new Deadline('a.pdf', 5, Date.now() - 10_000).within(never)).rejects.toThrow('a.pdf 的检查超过 --timeout 5 秒，已停止，未检查');
    await expect(new Deadline('a.pdf', 5).within(Promise.resolve(7))).resolves.toBe(7);
    vi.useFakeTimers();
    try {
      const pending = new Deadline('b.pdf', 5).within(never);
      const outcome = expect(pending).rejects.toThrow('b.pdf 的检查超过 --timeout 5 秒，已停止，未检查');
      await vi.advanceTimersByTimeAsync(5001);
      await outcome;
    } finally {
      vi.useRealTimers();
    }
  });
});
