/**
 * Real PDFs of ../shared/real-pdf printed anew by other programs, as a publisher's pipeline may:
 * redrawn by cairo on a smaller page (A3 and A4 tables shrunk to A5: every position and size
 * scaled by 0.5–0.7) and turned a quarter by the page's /Rotate (qpdf). What the command says must
 * not change: the same findings, on the same pages and lines. Skipped where the PDFs, pdftocairo
 * (poppler-utils) or qpdf are absent.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lintFile } from '../src/cli/lint.js';
import { builtinRules, ROOT } from './helpers.js';

const DIR = path.resolve(ROOT, '../shared/real-pdf');
const has = (tool: string) => spawnSync(tool, ['--version'], { stdio: 'ignore' }).error === undefined;
const ready = existsSync(DIR) && has('pdftocairo') && has('qpdf');
const work = ready ? mkdtempSync(path.join(os.tmpdir(), 'budget-lint-rerendered-')) : '';
afterAll(() => work && rmSync(work, { recursive: true, force: true }));

/** a 江苏 file of A3 tables (Excel), and a 上海 budget in 元 with its narrative (Word) */
const FILES = ['江苏省委办公厅2017年预算公开表格.pdf', '上海市普陀区社会福利院2024年单位预算.pdf'];

const RENDERINGS: Record<string, (from: string, to: string) => string[]> = {
  'cairo on A5': (from, to) => ['pdftocairo', '-pdf', '-paperw', '420', '-paperh', '595', from, to],
  'turned by /Rotate': (from, to) => ['qpdf', '--rotate=+90', from, to],
};

async function findings(file: string): Promise<string[]> {
  const { diagnostics } = await lintFile(file, await builtinRules());
  return diagnostics.map((d) => `${d.ruleId}@${d.page}:${d.line} ${d.message}`);
}

describe.skipIf(!ready)('a real PDF printed anew by another program', () => {
  for (const name of FILES) {
    it(`${name}: the same findings as the published file`, async () => {
      const original = await findings(path.join(DIR, name));
      expect(original.length).toBeGreaterThan(0);
      for (const [rendering, command] of Object.entries(RENDERINGS)) {
        const out = path.join(work, `${rendering.replace(/\W+/g, '-')}-${name}`);
        const [tool, ...args] = command(path.join(DIR, name), out);
        expect(spawnSync(tool, args).status).toBe(0);
        expect([rendering, await findings(out)]).toEqual([rendering, original]);
      }
    }, 60_000);
  }
});
