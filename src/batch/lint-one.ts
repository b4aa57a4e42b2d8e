/** One file to its result (ESLint's shape), as in the main thread so in a worker. */
import { fatalResult, fileResult, type FileResult } from '../format/index.js';
import type { Catalog, Report } from '../model/index.js';
import type { RuleObserver } from '../rules/index.js';
import type { RuleSet } from '../cli/rule-set.js';
import { lintFile } from '../cli/lint.js';
import type { FileLimits } from './setup.js';

export interface FileOutcome {
  result: FileResult;
  report: Report | null;
}

/** never throws (lintFile does not) */
export async function lintToResult(file: string, ruleSet: RuleSet, catalog: Catalog, limits: FileLimits, extra: { bytes?: Uint8Array; observe?: RuleObserver } = {}): Promise<FileOutcome> {
  const outcome = await lintFile(file, ruleSet.forFile(file), { debug: limits.debug, catalog, pdfEngine: limits.pdfEngine, maxPages: limits.maxPages, timeoutSeconds: limits.timeoutSeconds, ...extra });
  const result = outcome.fatal !== null ? fatalResult(file, outcome.fatal) : fileResult(file, outcome.diagnostics);
  return { result, report: outcome.report };
}
