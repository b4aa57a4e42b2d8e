/** The programmatic API, imported from the package's entry as a user's code does (dist/, built by npm ci's prepare). */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatters, lintFiles, lintText, loadRules } from 'budget-lint';
import { FIXTURES, ROOT, runCli } from './helpers.js';

const OUTLINE = path.join(FIXTURES, 'text/outline-income.txt');
const CLEAN = path.join(FIXTURES, 'text/budget.txt');
const ids = (r: { messages: Array<{ ruleId: string | null }> }) => r.messages.map((m) => m.ruleId);

describe('programmatic API', { timeout: 60000 }, () => {
  it('lintFiles gives what the CLI gives, as json formats it byte for byte', async () => {
    const results = await lintFiles([OUTLINE, CLEAN], { concurrency: 'off' });
    expect(results.map((r) => [r.filePath, r.errorCount])).toEqual([[OUTLINE, 10], [CLEAN, 0]]);
    const cli = await runCli('-f', 'json', OUTLINE, CLEAN);
    expect(formatters.json(results)).toBe(cli.out.trimEnd());
    const sarif = await runCli('-f', 'sarif', OUTLINE, CLEAN);
    expect(formatters.sarif(results, { loaded: await loadRules() })).toBe(sarif.out.trimEnd());
  });

  it('lintFiles on a pool of workers equals the serial run', async () => {
    const files = [OUTLINE, CLEAN, path.join(FIXTURES, 'text/titled-budget.txt'), path.join(FIXTURES, 'text/aligned-three-pairs.txt')];
    const serial = await lintFiles(files, { concurrency: 'off' });
    expect(await lintFiles(files, { concurrency: 2 })).toEqual(serial);
  });

  it('lintText: a document given as text, named for the report; a loaded rule set is reused', async () => {
    const loaded = await loadRules({ rule: { '形式/必备表': 'off' } });
    expect(loaded.rules.find((r) => r.id === '形式/必备表')?.severity).toBe('off');
    const text = readFileSync(OUTLINE, 'utf8');
    const all = await lintText(text, { filePath: 'x/收入.txt' });
    expect(all.filePath).toBe('x/收入.txt');
    expect(ids(all)).toEqual(ids((await lintFiles(OUTLINE, { concurrency: 'off' }))[0]));
    const without = await lintText(text, { loaded });
    expect(without.filePath).toBe('<text>');
    expect(ids(without)).toEqual(ids(all).filter((id) => id !== '形式/必备表'));
    expect(ids(without).length).toBeLessThan(ids(all).length);
  });

  it('a bad configuration is thrown with the CLI message', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bl-api-'));
    writeFileSync(path.join(dir, 'budget-lint.config.yaml'), 'rules:\n  没有这条规则: off\n');
    await expect(loadRules({ cwd: dir })).rejects.toThrow(/没有这条规则/);
    await expect(lintFiles(path.join(dir, 'missing.txt'), { configLookup: false })).rejects.toThrow('找不到文件或目录');
  });

  it('the package names its entry and its type declarations', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { types: string; exports: Record<string, { types: string; default: string }> };
    const types = readFileSync(path.join(ROOT, pkg.exports['.'].types), 'utf8');
    expect(pkg.types).toBe(pkg.exports['.'].types.slice(2));
    for (const name of ['lintFiles', 'lintText', 'loadRules', 'formatters']) expect(types).toMatch(new RegExp(`export (declare )?(async )?(function|const) ${name}\\b`));
    expect(existsSync(path.join(ROOT, pkg.exports['.'].default))).toBe(true);
  });
});
