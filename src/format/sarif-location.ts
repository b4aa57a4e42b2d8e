/**
 * Where a SARIF result is: the file as a URI under %SRCROOT% (the working directory), the
 * region of the line (on a PDF, the line of its page), the table/row/column as a logical
 * location, and a fingerprint that stays the same when lines move.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from '../rules/types.js';
import { pathInside } from './paths.js';

export const SRCROOT = '%SRCROOT%';

export interface ArtifactLocation {
  uri: string;
  uriBaseId?: string;
}

/**
 * A path as a URI: relative to the working directory, each segment percent-encoded (a URI
 * holds no space or Chinese character as such); a file outside it as an absolute file: URI.
 */
export function artifactLocation(file: string, cwd: string): ArtifactLocation {
  const rel = pathInside(file, cwd);
  if (rel === null) return { uri: pathToFileURL(path.resolve(cwd, file)).href };
  return { uri: rel.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

/** %SRCROOT% as an absolute URI, as SARIF wants it: ending in a slash */
export function srcRoot(cwd: string): { uri: string } {
  const href = pathToFileURL(cwd).href;
  return { uri: href.endsWith('/') ? href : `${href}/` };
}

export function region(d: Diagnostic) {
  const r = { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn };
  // an empty or reversed span is not a region: keep its start
  if (r.endLine < r.startLine || (r.endLine === r.startLine && r.endColumn <= r.startColumn)) return { startLine: d.line, startColumn: d.column };
  return r;
}

/** the table cell a finding is about, as a logical location: 部门公开表5 › 20805 › 合计 */
export function logicalLocations(d: Diagnostic) {
  if (!d.table) return undefined;
  const parts = [d.table, d.row, d.tableColumn].filter((p): p is string => p !== undefined && p !== '');
  return [{ name: parts[parts.length - 1], fullyQualifiedName: parts.join(' › '), kind: 'element' }];
}

export const FINGERPRINT_KEY = 'budgetLint/v1';

/**
 * What a finding is, not where its line falls nor what its figures now are: the rule, the file,
 * the table cell, and the message's words with every number masked. A line inserted above, a
 * page added before, or a figure corrected while the difference remains: the same finding, so
 * an alert dismissed once stays dismissed. Findings alike in all this are told apart by their
 * order in the file (`…:2`), as GitHub's own line hash does.
 */
export function fingerprints(findings: Diagnostic[], uri: string): Map<Diagnostic, string> {
  const ordered = [...findings].sort((a, b) => (a.page ?? 0) - (b.page ?? 0) || a.line - b.line || a.column - b.column);
  const seen = new Map<string, number>();
  const out = new Map<Diagnostic, string>();
  for (const d of ordered) {
    const words = d.message.replace(/\d+(?:[.,]\d+)*/g, '#');
    const key = [d.ruleId, uri, d.table ?? '', d.row ?? '', d.tableColumn ?? '', words].join('\u0000');
    const hash = createHash('sha256').update(key).digest('hex').slice(0, 32);
    const n = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, n);
    out.set(d, `${hash}:${n}`);
  }
  return out;
}
