/**
 * A disclosure published in parts (the 说明 in one file, the 公开表 in another): one report of
 * them all. The part that hosts (whose sentences were read against every part's tables,
 * buildReport's companions) gives the document's name, year and 目录; what each part holds is
 * joined, every value keeping the file it was read from (its location's file).
 */
import type { Report } from './types.js';

export function mergeParts(host: Report, companions: Report[]): Report {
  const all = [host, ...companions];
  const joined = <K extends 'tables' | 'claims' | 'sentences' | 'forms' | 'names' | 'notes' | 'unknownTables' | 'rotatedText'>(key: K): Report[K] =>
    all.flatMap((r) => r[key] as unknown[]) as Report[K];
  return {
    ...host,
    department: host.department ?? companions.find((c) => c.department)?.department ?? null,
    tables: joined('tables'),
    claims: joined('claims'),
    sentences: joined('sentences'),
    forms: joined('forms'),
    names: joined('names'),
    notes: joined('notes'),
    unknownTables: joined('unknownTables'),
    rotatedText: joined('rotatedText'),
    grades: { bands: all.flatMap((r) => r.grades.bands), entries: all.flatMap((r) => r.grades.entries) },
    scoringRule: host.scoringRule ?? companions.find((c) => c.scoringRule)?.scoringRule ?? null,
    targetTable: host.targetTable ?? companions.find((c) => c.targetTable)?.targetTable ?? null,
    // page numbers are each file's own: a host's unread page says nothing of a companion's page of that number
    unreadPages: host.unreadPages,
  };
}

/**
 * The part that hosts the others: the one with the most sentences to check (the 说明), of parts
 * that are one disclosure's. Parts of one disclosure agree on its kind and year where both say.
 */
export function hostPart(reports: Report[]): number {
  let best = 0;
  for (let k = 1; k < reports.length; k++) if (reports[k].claims.length > reports[best].claims.length) best = k;
  return best;
}

/** why these reports cannot be parts of one disclosure (years or kinds differ, tables in more than one), or null where they can */
export function partsDisagree(reports: Report[]): string | null {
  const said = <T>(values: Array<T | null>) => [...new Set(values.filter((v): v is T => v !== null && v !== 'unknown'))];
  const years = said(reports.map((r) => r.year));
  if (years.length > 1) return `年度不同（${years.join('、')}）`;
  const kinds = said(reports.map((r) => r.kind));
  if (kinds.length > 1) return `一份是${kinds[0]}，一份是${kinds[1]}`;
  // one disclosure's tables are published together: two files each holding tables are two disclosures
  const withTables = reports.filter((r) => r.tables.length > 0).length;
  if (withTables > 1) return `${withTables} 个文件都有公开表`;
  return null;
}
