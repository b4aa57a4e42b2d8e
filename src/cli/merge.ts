/**
 * --merge: the results of several runs (the shards of a CI matrix), as -f json, ndjson or
 * json-with-metadata wrote them, read back into one report in any format. Files are ordered by
 * path, whatever the order of the shards.
 */
import { readFile } from 'node:fs/promises';
import { InputError } from '../ingest/index.js';
import { fileResult, type FileResult, type LintMessage, type SuppressedMessage } from '../format/index.js';
import type { Diagnostic } from '../rules/index.js';

type Json = Record<string, unknown>;

/** the inverse of the JSON formats' message: figures back under values, the printed texts back as expected/actual/difference */
function message(m: Json): LintMessage {
  if (m.fatal === true) return m as unknown as LintMessage;
  const { expected, actual, difference, unit, expectedText, actualText, differenceText, ...rest } = m;
  const d: Json = { ...rest };
  if (expectedText !== undefined) d.expected = expectedText;
  if (actualText !== undefined) d.actual = actualText;
  if (differenceText !== undefined) d.difference = differenceText;
  if (unit !== undefined) d.values = { expected, actual, difference, unit };
  return d as unknown as Diagnostic;
}

function result(r: Json, file: string): FileResult {
  if (typeof r.filePath !== 'string' || !Array.isArray(r.messages)) throw new InputError(`${file}: 不是 budget-lint 的 json 或 ndjson 结果`);
  const out = fileResult(r.filePath, (r.messages as Json[]).map(message));
  if (!Array.isArray(r.suppressedMessages)) return out;
  const suppressed = (r.suppressedMessages as Json[]).map((m) => {
    const { suppressions, ...d } = m;
    return { ...(message(d) as Diagnostic), suppressions } as SuppressedMessage;
  });
  return { ...out, suppressedMessages: suppressed, suppressedCount: suppressed.length };
}

function parse(text: string, file: string): Json[] {
  const trimmed = text.trim();
  if (!trimmed) return [];
  try {
    if (trimmed.startsWith('[')) return JSON.parse(trimmed) as Json[];
    if (trimmed.startsWith('{"results"') || trimmed.startsWith('{\n')) {
      const whole = JSON.parse(trimmed) as Json;
      if (Array.isArray(whole.results)) return whole.results as Json[];
    }
    return trimmed.split('\n').map((line) => JSON.parse(line) as Json);
  } catch {
    throw new InputError(`${file}: 不是 budget-lint 的 json 或 ndjson 结果（无法解析为 JSON）`);
  }
}

export async function readMerged(files: string[]): Promise<FileResult[]> {
  if (!files.length) throw new InputError('--merge 需要给出各分片的结果文件（-f json 或 ndjson 的输出）');
  const results: FileResult[] = [];
  for (const file of files) {
    const text = await readFile(file, 'utf8').catch(() => {
      throw new InputError(`找不到结果文件: ${file}`);
    });
    for (const r of parse(text, file)) results.push(result(r, file));
  }
  return results.sort((a, b) => (a.filePath < b.filePath ? -1 : a.filePath > b.filePath ? 1 : 0));
}
