/**
 * --shard i/n: a deterministic share of the files, by a hash of each file's path relative to
 * the working directory, so a file lands in the same shard however the list is ordered or
 * split among machines; every file is in exactly one shard.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';

export interface Shard {
  index: number;
  count: number;
}

export function parseShard(value: string): Shard | null {
  const m = /^(\d+)\/(\d+)$/.exec(value.trim());
  if (!m) return null;
  const index = Number(m[1]);
  const count = Number(m[2]);
  return count >= 1 && index >= 1 && index <= count ? { index, count } : null;
}

/** 1..count; the path with / separators, so that a shard is the same on Windows and Linux */
export function shardOf(file: string, cwd: string, count: number): number {
  const rel = path.relative(cwd, path.resolve(cwd, file)).split(path.sep).join('/');
  const h = createHash('sha256').update(rel).digest();
  return (h.readUInt32BE(0) % count) + 1;
}

export function inShard<T extends { file: string }>(inputs: T[], shard: Shard, cwd: string): T[] {
  return inputs.filter((i) => shardOf(i.file, cwd, shard.count) === shard.index);
}
