/** The progress line: on stderr only when it is a terminal, never with --no-progress, wiped before output and at the end. */
import path from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { Progress } from '../src/cli/progress.js';
import { FIXTURES } from './helpers.js';
import { width } from '../src/format/index.js';

const CLEAR = '\r\x1b[K';

/** a stream that says it is a terminal, as process.stderr does on one */
function fakeTty(isTTY = true, columns = 200) {
  const s = Object.assign(new Writable({ write: (c, _e, cb) => ((s.text += c.toString()), cb()) }), { text: '', isTTY, columns });
  return s;
}

describe('progress', { timeout: 60000 }, () => {
  it('files done, elapsed, estimate and the file waited for; wiped when done', () => {
    const tty = fakeTty();
    let now = 1000;
    const p = Progress.open(tty, true, ['a.txt', '县级/b.pdf', 'c.txt'], () => now)!;
    expect(tty.text).toBe(`${CLEAR}已检查 0/3（0%），已用 0 秒，正在检查 a.txt`);
    now += 2000;
    tty.text = '';
    p.tick();
    expect(tty.text).toBe(`${CLEAR}已检查 1/3（33%），已用 2 秒，预计还需 4 秒，正在检查 县级/b.pdf`);
    tty.text = '';
    p.clear();
    p.clear();
    expect(tty.text).toBe(CLEAR);
    p.redraw();
    p.tick();
    tty.text = '';
    p.tick();
    expect(tty.text).toBe(CLEAR);
  });

  it('a long path is cut from the left to fit the terminal', () => {
    const tty = fakeTty(true, 60);
    Progress.open(tty, true, ['/很长的/目录/县级/某某县财政局/2024年部门决算公开.pdf', 'b.txt'], () => 0);
    const line = tty.text.slice(CLEAR.length);
    expect(line).toMatch(/^已检查 0\/2（0%），已用 0 秒，正在检查 …[^/]*年部门决算公开\.pdf$/);
    // one cell short of the terminal's width, so the cursor never wraps
    expect(width(line)).toBe(59);
  });

  it('none when stderr is not a terminal, when turned off, or for one file', () => {
    expect(Progress.open(fakeTty(false), true, ['a', 'b'])).toBeNull();
    expect(Progress.open(fakeTty(), false, ['a', 'b'])).toBeNull();
    expect(Progress.open(fakeTty(), true, ['a'])).toBeNull();
  });

  it('the command line: on a terminal stderr only, never in the report, not with --no-progress', async () => {
    const files = ['text/outline-income.txt', 'text/budget.txt', 'text/titled-budget.txt'].map((f) => path.join(FIXTURES, f));
    const run = async (err: ReturnType<typeof fakeTty>, ...extra: string[]) => {
      const out = fakeTty(false);
      const code = await main(['-f', 'ndjson', ...extra, ...files], { out, err });
      return { code, out: out.text, err: err.text };
    };
    const plain = await run(fakeTty(false));
    expect(plain.err).toBe('');
    const tty = await run(fakeTty());
    expect(tty.out).toBe(plain.out);
    expect(tty.code).toBe(plain.code);
    expect(tty.err.split(CLEAR).filter(Boolean).map((l) => l.replace(/，已用.*$/, ''))).toEqual(['已检查 0/3（0%）', '已检查 1/3（33%）', '已检查 2/3（66%）']);
    expect(tty.err.endsWith(CLEAR)).toBe(true);
    expect((await run(fakeTty(), '--no-progress')).err).toBe('');
  });
});
