/** The installed command itself (bin/budget-lint.js over dist/, built by npm ci's prepare). */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, ROOT } from './helpers.js';

const BIN = path.join(import.meta.dirname, '..', 'bin', 'budget-lint.js');

describe('bin/budget-lint.js', () => {
  it('stops quietly when the reader of its output closes the pipe (`budget-lint --print-model … | head`)', async () => {
    const child = spawn(process.execPath, [BIN, '--print-model', path.join(FIXTURES, 'pdf', 'final-full.txt')]);
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    // read the first chunk, then hang up as `head -1` does
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect({ code, err }).toEqual({ code: 0, err: '' });
  });
});

describe('the code cache (scripts/bundle.mjs)', () => {
  const text = path.join(FIXTURES, 'sample', 'budget-2025-tables.txt');
  const lint = (bin: string) =>
    spawnSync(process.execPath, [bin, '-f', 'json', '--no-config-lookup', text], { encoding: 'utf8', env: { ...process.env, BUDGET_LINT_DEBUG_CODE_CACHE: '1' } });

  it('made by the build is used by this Node', () => {
    const r = lint(BIN);
    expect(r.stderr).toBe('code cache: used\n');
    expect(JSON.parse(r.stdout)[0].errorCount).toBe(4);
  });

  it('when damaged or missing, is not used and the lint is the same', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bl-cache-'));
    for (const part of ['bin', 'dist', 'rules', 'tables', 'configs', 'package.json']) cpSync(path.join(ROOT, part), path.join(dir, part), { recursive: true });
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
    const cache = path.join(dir, 'dist/bundle/cli.cjs.cache');
    const expected = lint(BIN).stdout;
    writeFileSync(cache, readFileSync(cache).subarray(0, 1000));
    const damaged = lint(path.join(dir, 'bin/budget-lint.js'));
    expect(damaged.stderr).toBe('code cache: rejected\n');
    expect(damaged.stdout).toBe(expected);
    rmSync(cache);
    const missing = lint(path.join(dir, 'bin/budget-lint.js'));
    expect(missing.stderr).toBe('code cache: none\n');
    expect(missing.stdout).toBe(expected);
  });
});
