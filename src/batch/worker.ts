/**
 * A worker thread of the pool: loads the rule set once (from the run's setup, given as data
 * in workerData) and lints each file it is handed, returning the file's result.
 */
import { workerData } from 'node:worker_threads';
import { givePdfiumWasm } from '../ingest/pdfium-wasm.js';
import { lintToResult } from './lint-one.js';
import { prepare, type FileLimits, type Prepared, type RunSetup } from './setup.js';

export interface WorkerTask {
  file: string;
  limits: FileLimits;
  /** PDFium's wasm as the pool's thread compiled it */
  pdfiumWasm?: WebAssembly.Module;
}

let prepared: Promise<Prepared> | null = null;

export default async function lintTask(task: WorkerTask) {
  // tests make a worker die on one file, to see that only that file fails and the run ends
  const dieOn = process.env.BUDGET_LINT_TEST_WORKER_EXIT;
  if (dieOn && task.file.endsWith(dieOn)) process.exit(3);
  if (task.pdfiumWasm) givePdfiumWasm(Promise.resolve(task.pdfiumWasm));
  prepared ??= prepare(workerData as RunSetup);
  const { ruleSet, catalog } = await prepared;
  return (await lintToResult(task.file, ruleSet, catalog, task.limits)).result;
}
