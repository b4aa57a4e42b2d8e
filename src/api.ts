/**
 * budget-lint as a library: `import { lintFiles, lintText, loadRules, formatters } from 'budget-lint'`.
 * The command line runs on the same pieces (the configuration, the rule set, the pool of worker
 * threads, the suppressions file, the formatters); a bad configuration, rule or table file, or a
 * missing path, is thrown as an Error whose message is the CLI's one-line Chinese message.
 */
import { Chalk } from 'chalk';
import { DOCS_URL, TOOL_NAME, TOOL_VERSION } from './common/package-info.js';
import { FORMAT_NAMES, formatter, type FileResult, type FormatContext, type FormatName } from './format/index.js';
import { expandInputs } from './cli/inputs.js';
import { loadSuppressions } from './cli/suppress.js';
import { buildRulesMeta } from './cli/rules-meta.js';
import { applySuppressions, today } from './suppressions/apply.js';
import { lintEach, type Concurrency } from './batch/pool.js';
import { lintPartsToResults } from './batch/lint-one.js';
import { prepare, type FileLimits, type Prepared, type RunSetup } from './batch/setup.js';
import type { PdfEngine } from './ingest/index.js';
import type { Rule, Severity } from './rules/index.js';

export type { FileResult, LintMessage, FatalMessage, SuppressedMessage, FormatName } from './format/index.js';
export type { Diagnostic, Rule, Severity } from './rules/index.js';
export type { Report } from './model/index.js';
export type { Concurrency } from './batch/pool.js';
export type { PdfEngine } from './ingest/index.js';

export interface RuleOptions {
  /** what relative paths are relative to, and where the configuration is looked for (default: process.cwd()) */
  cwd?: string;
  /** this configuration file (no lookup), as -c */
  config?: string;
  /** look for budget-lint.config.yaml from cwd upward (default true) */
  configLookup?: boolean;
  /** load the built-in rules (default true) */
  builtinRules?: boolean;
  /** your own rule files or folders, after the configuration's ruleFiles */
  rules?: string[];
  /** your own table kinds, after the configuration's tableFiles */
  tables?: string[];
  /** severities by rule id, winning over the configuration (as --rule) */
  rule?: Record<string, Severity>;
}

export interface LintOptions extends RuleOptions {
  /** a rule set loadRules gave: reused as it is (the options above are then not read again) */
  loaded?: LoadedRules;
  /** the 出错说明 file; default: looked for as the CLI does; false: none */
  suppressions?: string | false;
  /** leave out nothing the configuration's ignores take (default true: they are left out) */
  ignore?: boolean;
  /** worker threads for lintFiles: a number, 'auto' (default) or 'off' */
  concurrency?: Concurrency;
  pdfEngine?: PdfEngine;
  /** a PDF with more pages is not read (default 500) */
  maxPages?: number;
  /** time limit per file, seconds (default 60; 0 = none) */
  timeout?: number;
  /** lintFiles: the files are the parts of one disclosure (the 说明 and the 公开表 published apart), checked as one document (--parts) */
  parts?: boolean;
}

/** the rules (and table kinds and configuration) a run lints with, loaded once */
export interface LoadedRules {
  /** every rule loaded, at the severity it has outside any override */
  readonly rules: Rule[];
  /** the configuration file in use, or null */
  readonly configFile: string | null;
  /** @internal */
  readonly setup: RunSetup;
  /** @internal */
  readonly prepared: Prepared;
}

export async function loadRules(options: RuleOptions = {}): Promise<LoadedRules> {
  const rule = Object.entries(options.rule ?? {}).map(([id, s]) => `${id}:${s}`);
  const setup: RunSetup = {
    cwd: options.cwd ?? process.cwd(),
    config: options.config,
    configLookup: options.configLookup ?? true,
    builtinRules: options.builtinRules ?? true,
    rules: options.rules ?? [],
    tables: options.tables ?? [],
    rule,
  };
  const prepared = await prepare(setup);
  return { rules: prepared.ruleSet.listed(), configFile: prepared.config.file, setup, prepared };
}

function limitsOf(options: LintOptions): FileLimits {
  return { pdfEngine: options.pdfEngine, maxPages: options.maxPages, timeoutSeconds: options.timeout };
}

function suppressed(results: FileResult[], loaded: LoadedRules, options: LintOptions): FileResult[] {
  const { config, ruleSet } = loaded.prepared;
  if (options.suppressions === false) return applySuppressions(results, null, { today: today(), unusedSeverity: 'off', cwd: loaded.setup.cwd }).results;
  const s = loadSuppressions({ suppressions: options.suppressions, suppressRule: [] }, config.dir, loaded.setup.cwd, ruleSet.known);
  return applySuppressions(results, s.sf, { today: today(), unusedSeverity: 'off', cwd: loaded.setup.cwd }).results;
}

/** files, folders and globs, as the CLI takes them: one result per file, in order (a file that cannot be linted has one fatal message) */
export async function lintFiles(paths: string | string[], options: LintOptions = {}): Promise<FileResult[]> {
  const loaded = options.loaded ?? (await loadRules(options));
  const keep = options.ignore ?? true;
  const inputs = await expandInputs(typeof paths === 'string' ? [paths] : paths, {
    cwd: loaded.setup.cwd,
    ignores: keep ? loaded.prepared.config.ignores : [],
    walkAll: !keep,
    note: () => {},
  });
  if (options.parts && inputs.length > 1) {
    const outcomes = await lintPartsToResults(inputs.map((i) => i.file), loaded.prepared.ruleSet, loaded.prepared.catalog, limitsOf(options));
    return suppressed(outcomes.map((o) => o.result), loaded, options);
  }
  const plan = { setup: loaded.setup, limits: limitsOf(options), concurrency: options.concurrency ?? 'auto', local: async () => loaded.prepared };
  return suppressed(await lintEach(inputs, plan, () => {}), loaded, options);
}

/** one document given as text (or as PDF bytes), named filePath in the result, for overrides and 出错说明 (default <text>) */
export async function lintText(text: string | Uint8Array, options: LintOptions & { filePath?: string } = {}): Promise<FileResult> {
  const loaded = options.loaded ?? (await loadRules(options));
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  const plan = { setup: loaded.setup, limits: limitsOf(options), concurrency: 'off' as const, local: async () => loaded.prepared };
  const results = await lintEach([{ file: options.filePath ?? '<text>', bytes }], plan, () => {});
  return suppressed(results, loaded, options)[0];
}

export interface FormatterOptions {
  /** paths in the report are made relative to it (default: process.cwd()) */
  cwd?: string;
  /** the rules the results came from: their descriptions and docs links in SARIF, json-with-metadata, html */
  loaded?: LoadedRules;
  /** colours (stylish): a chalk level 1–3; default none */
  color?: 0 | 1 | 2 | 3;
}

export type FormatterFunction = (results: FileResult[], options?: FormatterOptions) => string;

function contextOf(options: FormatterOptions): FormatContext {
  const cwd = options.cwd ?? process.cwd();
  return {
    cwd,
    rulesMeta: buildRulesMeta(options.loaded?.prepared.ruleSet.listed() ?? [], cwd),
    tool: { name: TOOL_NAME, version: TOOL_VERSION, informationUri: DOCS_URL },
    color: options.color ? new Chalk({ level: options.color }) : null,
  };
}

/** every output format of -f, by name: results to the report's text */
export const formatters: Readonly<Record<FormatName, FormatterFunction>> = Object.freeze(
  Object.fromEntries(FORMAT_NAMES.map((name) => [name, (results: FileResult[], options: FormatterOptions = {}) => formatter(name).format(results, contextOf(options))])) as Record<FormatName, FormatterFunction>,
);
