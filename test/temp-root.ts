/**
 * Vitest's global setup: the run's temporary files (mkdtemp in tests, caches and outputs of the
 * commands they spawn) under one folder of its own, removed when the run ends, so that a run
 * leaves nothing in the system's temporary folder. Workers and child processes inherit TMPDIR,
 * which os.tmpdir() reads at each call.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export default function setup(): () => void {
  const outer = process.env.TMPDIR;
  const root = mkdtempSync(path.join(tmpdir(), 'budget-lint-test-'));
  process.env.TMPDIR = root;
  return () => {
    if (outer === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = outer;
    rmSync(root, { recursive: true, force: true });
  };
}
