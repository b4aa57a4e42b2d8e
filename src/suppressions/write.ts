/**
 * --suppress-all, --suppress-rule and --prune-suppressions: entries appended for the run's
 * findings (with an empty justification, which suppresses nothing until filled in) or dropped
 * when unused. The file is edited as a YAML document, so the user's comments and layout stay.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { relativePath } from '../config/globs.js';
import { yamlLib } from '../common/yaml-source.js';
import type { FileResult } from '../format/index.js';
import type { Diagnostic } from '../rules/types.js';
import { entryMatches } from './apply.js';
import type { SuppressionsFile } from './file.js';

const HEADER = [
  ' budget-lint 出错说明（suppressions）：每条写明规则、位置与为何可以接受。',
  ' justification 为空的条目不起作用；expires（YYYY-MM-DD）之后也不再起作用。',
].join('\n');

/** a new entry for a finding: its rule, file and the most telling place it gives */
function entryFor(d: Diagnostic, filePath: string, base: string): Record<string, string | number> {
  const rel = relativePath(base, filePath);
  const e: Record<string, string | number> = { rule: d.ruleId, file: rel ?? filePath };
  if (d.table !== undefined) e.table = d.table;
  if (d.row !== undefined) e.row = d.row;
  if (d.tableColumn !== undefined) e.column = d.tableColumn;
  if (d.subject !== undefined) e.subject = d.subject;
  if (d.table === undefined && d.subject === undefined && d.page !== undefined) e.page = d.page;
  e.justification = '';
  return e;
}

export interface Edit {
  /** the rules whose findings get an entry (null: every rule) */
  suppress: Set<string> | null | undefined;
  prune: boolean;
  /** what relative file paths in the results are relative to */
  cwd: string;
}

/** the findings no entry names yet, as new entries (each place once) */
function newEntries(sf: SuppressionsFile | null, base: string, results: FileResult[], rules: Set<string> | null, cwd: string): Array<Record<string, string | number>> {
  const out = new Map<string, Record<string, string | number>>();
  for (const r of results) {
    const file = path.resolve(cwd, r.filePath);
    for (const m of r.messages) {
      if ('fatal' in m || (rules && !rules.has(m.ruleId))) continue;
      if (sf?.entries.some((e) => entryMatches(e, m, file, base))) continue;
      const entry = entryFor(m, file, base);
      out.set(JSON.stringify(entry), entry);
    }
  }
  return [...out.values()];
}

/**
 * The file after the edit, or null when nothing changes; and how many entries were added and
 * dropped. Findings already named by an entry (filled in or not) get no second one. New
 * entries are appended to the text as it is (a block list stays byte for byte); pruning
 * rewrites the document through yaml's Document API, which keeps comments but not the spaces
 * that align them.
 */
export function editSuppressions(
  file: string,
  text: string | null,
  sf: SuppressionsFile | null,
  results: FileResult[],
  unused: number[],
  edit: Edit,
): { text: string | null; added: number; dropped: number } {
  const { Document, parseDocument, isSeq } = yamlLib();
  const doc = text === null ? null : parseDocument(text);
  const seq = doc?.contents ?? null;
  if (doc && seq !== null && !isSeq(seq)) return { text: null, added: 0, dropped: 0 };
  let out = text ?? '';
  let dropped = 0;
  if (edit.prune && unused.length && doc && isSeq(seq)) {
    for (const i of [...unused].sort((a, b) => b - a)) seq.items.splice(i, 1);
    dropped = unused.length;
    out = doc.toString({ lineWidth: 0 });
  }
  const base = sf?.base ?? path.dirname(path.resolve(file));
  const entries = edit.suppress === undefined ? [] : newEntries(sf, base, results, edit.suppress, edit.cwd);
  if (entries.length) {
    if (isSeq(seq) && seq.flow) {
      // a list written as [ … ] takes the entries inside it
      for (const e of entries) seq.items.push(doc!.createNode(e) as never);
      out = doc!.toString({ lineWidth: 0 });
    } else {
      const addition = new Document(entries);
      if (text === null) addition.commentBefore = HEADER;
      (addition.contents as { items: Array<{ commentBefore?: string }> }).items[0].commentBefore = ` --suppress-${edit.suppress ? 'rule' : 'all'} 添加：请填写 justification`;
      out = `${out}${out && !out.endsWith('\n') ? '\n' : ''}${addition.toString({ lineWidth: 0 })}`;
    }
  }
  if (!entries.length && !dropped) return { text: null, added: 0, dropped: 0 };
  return { text: out, added: entries.length, dropped };
}

export function writeSuppressions(file: string, text: string): void {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  writeFileSync(file, text);
}
