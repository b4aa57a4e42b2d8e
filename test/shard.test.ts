/** --shard i/n: each file in exactly one shard, whatever the order of the list; --merge: the shards' results as one report. */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, runCli, runCliWith } from './helpers.js';
import { inShard, parseShard, shardOf } from '../src/batch/shard.js';

function folder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'bl-shard-'));
  const pick = ['text/outline-income.txt', 'text/budget.txt', 'text/titled-budget.txt', 'text/aligned-three-pairs.txt', 'text/final-yuan-tabbed.txt', 'pdf/corpus-weihai-huancui-2023-final.txt', 'bad/truncated.pdf'];
  for (const f of pick) copyFileSync(path.join(FIXTURES, f), path.join(dir, f.replace('/', '-')));
  return dir;
}

const names = (out: string) => out.trim().split('\n').filter(Boolean).map((l) => path.basename((JSON.parse(l) as { filePath: string }).filePath));

describe('--shard', { timeout: 60000 }, () => {
  it('every file is in exactly one shard, the same one however the list is ordered', () => {
    const files = Array.from({ length: 300 }, (_, i) => `县级/县${i % 17}/部门${i}.pdf`);
    for (const n of [1, 2, 3, 7]) {
      const shards = Array.from({ length: n }, (_, k) => inShard(files.map((file) => ({ file })), { index: k + 1, count: n }, '/data').map((x) => x.file));
      expect(shards.flat().sort()).toEqual([...files].sort());
      const reversed = Array.from({ length: n }, (_, k) => inShard([...files].reverse().map((file) => ({ file })), { index: k + 1, count: n }, '/data').map((x) => x.file));
      expect(reversed.map((s) => s.sort())).toEqual(shards.map((s) => [...s].sort()));
      // no shard is left empty or takes nearly all of them
      if (n > 1) for (const s of shards) expect(s.length).toBeGreaterThan(300 / n / 2);
    }
    // by the path relative to the working directory, with / separators
    expect(shardOf('/data/县级/a.pdf', '/data', 7)).toBe(shardOf('县级/a.pdf', '/data', 7));
    expect(shardOf('/data/县级/a.pdf', '/data', 7)).toBe(shardOf('/ci/checkout/县级/a.pdf', '/ci/checkout', 7));
  });

  it('i/n with 1 ≤ i ≤ n; anything else is a usage error', async () => {
    expect([parseShard('2/4'), parseShard('4/4'), parseShard('0/3'), parseShard('4/3'), parseShard('1/0'), parseShard('a/b'), parseShard('1')]).toEqual([{ index: 2, count: 4 }, { index: 4, count: 4 }, null, null, null, null, null]);
    const bad = await runCli('--shard', '3/2', path.join(FIXTURES, 'text/budget.txt'));
    expect([bad.code, bad.err]).toEqual([2, 'budget-lint: --shard 的值「3/2」无效：应为 i/n，1 ≤ i ≤ n，如 2/4\n']);
  });

  it('the shards of a folder lint each file once; merged, json and sarif are the unsharded report byte for byte', async () => {
    const dir = folder();
    const outs: string[] = [];
    for (let i = 1; i <= 3; i++) {
      const r = await runCliWith({ cwd: dir }, '-f', i === 2 ? 'json' : 'ndjson', '--shard', `${i}/3`, '.');
      const file = path.join(dir, `shard-${i}.out`);
      writeFileSync(file, r.out);
      outs.push(file);
    }
    const each = outs.map((f, k) => {
      const text = readFileSync(f, 'utf8');
      return k === 1 ? (JSON.parse(text) as Array<{ filePath: string }>).map((r) => path.basename(r.filePath)) : names(text);
    });
    expect(each.flat().sort()).toEqual(['bad-truncated.pdf', 'pdf-corpus-weihai-huancui-2023-final.txt', 'text-aligned-three-pairs.txt', 'text-budget.txt', 'text-final-yuan-tabbed.txt', 'text-outline-income.txt', 'text-titled-budget.txt']);
    for (const format of ['json', 'sarif', 'stylish']) {
      const whole = await runCliWith({ cwd: dir }, '-f', format, '.');
      const merged = await runCliWith({ cwd: dir }, '-f', format, '--merge', ...outs);
      expect(merged).toEqual(whole);
      expect(merged.code).toBe(1);
    }
  });

  it('--merge of a file that is not a result is a one-line error', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bl-merge-'));
    writeFileSync(path.join(dir, 'x.json'), '{"a": 1}\n');
    expect(await runCli('--merge', path.join(dir, 'x.json'))).toEqual({ code: 2, out: '', err: `budget-lint: ${path.join(dir, 'x.json')}: 不是 budget-lint 的 json 或 ndjson 结果\n` });
    expect(await runCli('--merge', path.join(dir, 'none.json'))).toEqual({ code: 2, out: '', err: `budget-lint: 找不到结果文件: ${path.join(dir, 'none.json')}\n` });
  });
});
