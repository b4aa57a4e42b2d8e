/** ndjson: one file's JSON result a line, written as each file finishes (the CLI streams it). */
import { jsonResult } from './json.js';
import type { FileResult } from './types.js';

export function ndjsonLine(result: FileResult): string {
  return JSON.stringify(jsonResult(result)) + '\n';
}

export function formatNdjson(results: FileResult[]): string {
  return results.map(ndjsonLine).join('');
}
