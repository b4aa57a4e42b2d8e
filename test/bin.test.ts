/** The installed command itself (bin/budget-lint.js over dist/, built by npm ci's prepare). */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from './helpers.js';

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
