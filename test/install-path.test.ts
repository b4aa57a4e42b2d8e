/**
 * The package installed under a folder whose name has a space and Chinese characters: every
 * path the package finds from its own location (rules, tables, the YAML cache, package.json)
 * must be a file path, not a percent-encoded URL path. Runs the built package (dist), as npm
 * would install it.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, ROOT } from './helpers.js';

function install(): string {
  if (!existsSync(path.join(ROOT, 'dist/cli/main.js'))) throw new Error('dist/ is missing: run npm run build first');
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'bl-install-')), '预算 工具');
  for (const part of ['bin', 'dist', 'rules', 'tables', 'configs', 'package.json']) {
    if (existsSync(path.join(ROOT, part))) cpSync(path.join(ROOT, part), path.join(dir, part), { recursive: true });
  }
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  return dir;
}

function run(dir: string, cwd: string, ...args: string[]): { code: number; out: string; err: string } {
  try {
    const out = execFileSync(process.execPath, [path.join(dir, 'bin/budget-lint.js'), ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return { code: 0, out, err: '' };
  } catch (e) {
    const err = e as { status: number; stdout: string; stderr: string };
    return { code: err.status, out: err.stdout, err: err.stderr };
  }
}

describe('installed under a path with a space and Chinese characters', () => {
  it('finds its rules, tables, presets and version, and lints the sample', () => {
    const dir = install();
    const sample = path.join(FIXTURES, 'sample/budget-2025-tables.txt');
    const work = mkdtempSync(path.join(tmpdir(), 'bl-work-'));
    const r = run(dir, work, '--format', 'json', sample);
    expect(r.err).toBe('');
    expect(r.code).toBe(1);
    const [file] = JSON.parse(r.out);
    expect(file).toMatchObject({ filePath: sample, errorCount: 4, fatalErrorCount: 0 });
    expect(file.messages[0]).toMatchObject({ ruleId: '表间/预算科目支出不少于财政拨款', line: 230 });
    // a preset is a YAML file of the package
    writeFileSync(path.join(work, 'budget-lint.config.yaml'), 'extends: budget-lint:all\n');
    expect(JSON.parse(run(dir, work, '--print-config', 'a.txt').out)).toMatchObject({ builtinRules: 'all', extends: [path.join(dir, 'configs/all.yaml')] });
    expect(run(dir, work, '--version')).toEqual({ code: 0, out: `${JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version}\n`, err: '' });
  }, 30000);

  it('reads a PDF with either engine (PDFium once aborted every PDF: its runtime asserted that the program path is ASCII)', () => {
    const dir = install();
    const sample = path.join(FIXTURES, 'sample/budget-2025.pdf');
    const work = mkdtempSync(path.join(tmpdir(), 'bl-work-'));
    for (const engine of ['pdfium', 'unpdf']) {
      const r = run(dir, work, '--format', 'json', '--pdf-engine', engine, sample);
      expect(r.err).toBe('');
      expect(r.code).toBe(1);
      expect(JSON.parse(r.out)[0]).toMatchObject({ filePath: sample, errorCount: 3, fatalErrorCount: 0 });
    }
  }, 30000);
});
