/**
 * Lint many files, on a pool of worker threads or in this thread: results come back in the
 * input order whatever order the files finish in, each handed on as soon as it and every
 * file before it are done (a streaming format writes it at once).
 *
 * The pool is piscina's: each worker loads the rule set once from the run's setup (data, not
 * functions); a worker that dies takes only its file down, as that file's fatal message.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { fatalResult, type FileResult } from '../format/index.js';
import type { RuleObserver } from '../rules/index.js';
import { DEFAULT_PDF_ENGINE } from '../ingest/index.js';
import type { Report } from '../model/index.js';
import { lintToResult, type FileOutcome } from './lint-one.js';
import type { FileLimits, Prepared, RunSetup } from './setup.js';
import type { WorkerTask } from './worker.js';

export type Concurrency = number | 'auto' | 'off';

/** the worker's module beside this one: absent when running from the TypeScript sources (tests), then files are linted here */
const WORKER = new URL('./worker.js', import.meta.url);

export function parseConcurrency(value: string): Concurrency | null {
  if (value === 'auto' || value === 'off') return value;
  const n = Number(value);
  return value.trim() !== '' && Number.isInteger(n) && n >= 1 ? n : null;
}

/**
 * How many worker threads: none for fewer than two files (starting a worker, which loads the
 * rules again, costs more than one file); auto: one per core, at most one per two files
 * (a worker's start-up is then paid back), and none when that is fewer than two.
 */
export function threadsFor(concurrency: Concurrency, files: number, cores = availableParallelism()): number {
  if (concurrency === 'off' || files < 2) return 0;
  if (concurrency === 'auto') {
    const n = Math.min(cores, Math.floor(files / 2));
    return n >= 2 ? n : 0;
  }
  return Math.min(concurrency, files);
}

export interface LintInput {
  file: string;
  /** standard input's content */
  bytes?: Uint8Array;
}

export interface LintPlan {
  setup: RunSetup;
  limits: FileLimits;
  concurrency: Concurrency;
  /** this thread's rule set, for files linted here */
  local: () => Promise<Prepared>;
  /** the report models or a rule observer are wanted: they exist only in this thread */
  inProcess?: boolean;
  observe?: { start(file: string, prepared: Prepared): RuleObserver | undefined; finish(file: string, report: Report | null): void };
  /** --cache: previous results replayed, new ones kept */
  cache?: { get(file: string): FileResult | undefined; set(file: string, result: FileResult): void };
}

export type OnOutcome = (outcome: FileOutcome) => Promise<void> | void;

export async function lintEach(inputs: LintInput[], plan: LintPlan, onOutcome: OnOutcome): Promise<FileResult[]> {
  const { cache } = plan;
  const hits = inputs.map((i) => (i.bytes || !cache ? undefined : cache.get(i.file)));
  const misses = hits.filter((h) => !h).length;
  const threads = plan.inProcess || inputs.some((i) => i.bytes) || !existsSync(fileURLToPath(WORKER)) ? 0 : threadsFor(plan.concurrency, misses);
  const handOn: OnOutcome = (o) => {
    if (cache && !hits[results.length]) cache.set(o.result.filePath, o.result);
    results.push(o.result);
    return onOutcome(o);
  };
  const results: FileResult[] = [];
  await (threads > 0 ? lintOnPool(inputs, hits, plan, threads, handOn) : lintHere(inputs, hits, plan, handOn));
  return results;
}

async function lintHere(inputs: LintInput[], hits: Array<FileResult | undefined>, plan: LintPlan, onOutcome: OnOutcome): Promise<void> {
  const prepared = hits.every(Boolean) ? null : await plan.local();
  for (const [k, { file, bytes }] of inputs.entries()) {
    const hit = hits[k];
    if (hit || !prepared) {
      await onOutcome({ result: hit!, report: null });
      continue;
    }
    const observe = plan.observe?.start(file, prepared);
    const outcome = await lintToResult(file, prepared.ruleSet, prepared.catalog, plan.limits, { bytes, observe });
    plan.observe?.finish(file, outcome.report);
    await onOutcome(outcome);
  }
}

function crashed(file: string, err: unknown): FileResult {
  const why = err instanceof Error ? err.message : String(err);
  return fatalResult(file, `内部错误：检查这个文件的工作线程意外退出（${why}）`);
}

async function lintOnPool(inputs: LintInput[], hits: Array<FileResult | undefined>, plan: LintPlan, threads: number, onOutcome: OnOutcome): Promise<void> {
  const { Piscina } = await import('piscina');
  const pool = new Piscina<WorkerTask, FileResult>({ filename: WORKER.href, minThreads: threads, maxThreads: threads, workerData: plan.setup });
  try {
    // PDFium compiled here once, while the workers start, and shared with them: a module's code
    // (and what V8 optimizes of it as it runs) is not copied nor compiled again per worker
    const pdfiumWasm = await pdfiumForWorkers(inputs, plan.limits);
    // every file is queued at once; each is awaited in turn, so the output keeps the input order
    const pending = inputs.map(({ file }, k) => hits[k] ?? pool.run({ file, limits: plan.limits, pdfiumWasm }).catch((err: unknown) => crashed(file, err)));
    for (const p of pending) await onOutcome({ result: await p, report: null });
  } finally {
    await pool.destroy();
  }
}

/** the compiled PDFium wasm, where PDFs are to be read with it (a failed compile is left to each file's lint to report) */
async function pdfiumForWorkers(inputs: LintInput[], limits: FileLimits): Promise<WebAssembly.Module | undefined> {
  if ((limits.pdfEngine ?? DEFAULT_PDF_ENGINE) !== 'pdfium' || !inputs.some((i) => /\.pdf$/i.test(i.file))) return undefined;
  return (await import('../ingest/pdf-pdfium.js')).compiledPdfium().catch(() => undefined);
}
