/** One file to its result (ESLint's shape), as in the main thread so in a worker. */
import { fatalResult, fileResult, type FileResult } from '../format/index.js';
import type { Catalog, Report } from '../model/index.js';
import type { RuleObserver } from '../rules/index.js';
import type { RuleSet } from '../cli/rule-set.js';
import { lintFile, lintParts } from '../cli/lint.js';
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

/**
 * The parts of one disclosure (--parts) checked as one document: a result for each file, holding
 * the findings located in it; a part that cannot be read makes every part's result fatal.
 */
export async function lintPartsToResults(files: string[], ruleSet: RuleSet, catalog: Catalog, limits: FileLimits, observe?: RuleObserver): Promise<FileOutcome[]> {
  const outcome = await lintParts(files, ruleSet.forFile(files[0]), { debug: limits.debug, catalog, pdfEngine: limits.pdfEngine, maxPages: limits.maxPages, timeoutSeconds: limits.timeoutSeconds, observe });
  if (outcome.fatal !== null) return files.map((file) => ({ result: fatalResult(file, outcome.fatal!), report: null }));
  const host = outcome.report?.file;
  return files.map((file) => ({ result: fileResult(file, outcome.diagnostics.filter((d) => (d.file || host) === file)), report: file === host ? outcome.report : null }));
}
