/** budget-lint's command line: configuration, file discovery, suppressions, output, exit codes (as ESLint's). */
import { CommanderError } from 'commander';
import { DOCS_URL, TOOL_NAME, TOOL_VERSION } from '../common/package-info.js';
import { fileResult, FORMAT_NAMES, formatter, isFormatName, type FileResult, type FormatContext, type FormatEntry } from '../format/index.js';
import { readDocument, warmUpPdfEngine, InputError } from '../ingest/index.js';
import { YamlFileError } from '../common/yaml-source.js';
import { ConfigError, resolveConfig, type ResolvedConfig } from '../config/index.js';
import { loadCatalog, type Catalog, type Report } from '../model/index.js';
import { describeFailure, disclosuresOf, readParts } from './lint.js';
import { lintEach } from '../batch/pool.js';
import { lintPartsToResults } from '../batch/lint-one.js';
import { partsHints } from './parts-hint.js';
import { inShard } from '../batch/shard.js';
import { readMerged } from './merge.js';
import { Progress } from './progress.js';
import type { FileLimits, Prepared, RunSetup } from '../batch/setup.js';
import { expandInputs, isIgnored, madeFromFiles, readStdin, type Input, type InputOptions } from './inputs.js';
import { program, UsageError, type Io, type Options } from './program.js';
import { loadRuleSet, type RuleSet } from './rule-set.js';
import type { Rule } from '../rules/index.js';
import { loadSuppressions, suppress } from './suppress.js';
import { colorLevel } from './color.js';
import { openOutput, type Output } from './output.js';
import { buildRulesMeta } from './rules-meta.js';
import { applySuppressions, today } from '../suppressions/apply.js';
import type { UncheckedReport } from './unchecked.js';
export { givePdfiumWasm } from '../ingest/pdfium-wasm.js';

/** --print-model: every file's model, each disclosure's where a file holds several (an array when there are several); a file that fails is said on stderr */
async function printModels(inputs: Input[], opts: Options, io: Io, catalog: Catalog): Promise<number> {
  const reports: Report[] = [];
  let failed = false;
  if (opts.parts && inputs.length > 1) {
    // the parts of one disclosure: their one model
    try {
      const { report } = await readParts(inputs.map((i) => i.file), { pdfEngine: opts.pdfEngine, maxPages: opts.maxPages, catalog });
      io.out.write(JSON.stringify(report, null, 2) + '\n');
      return 0;
    } catch (err) {
      io.err.write(`budget-lint: ${describeFailure(err, opts.debug)}\n`);
      return opts.exitOnFatalError ? 2 : 1;
    }
  }
  for (const { file, bytes } of inputs) {
    try {
      const [first, ...later] = disclosuresOf(await readDocument(file, { pdfEngine: opts.pdfEngine, maxPages: opts.maxPages, bytes }), catalog);
      // a file holding several disclosures: the model of each (an array, as for several files)
      reports.push(first, ...later.map((l) => l.report));
    } catch (err) {
      failed = true;
      io.err.write(`budget-lint: ${describeFailure(err, opts.debug)}\n`);
    }
  }
  if (reports.length) io.out.write(JSON.stringify(inputs.length > 1 || reports.length > 1 ? reports : reports[0], null, 2) + '\n');
  if (failed) return opts.exitOnFatalError ? 2 : 1;
  return 0;
}

type OnResult = (result: FileResult, report: Report | null) => Promise<void>;

/** the run's setup as data: what a worker thread loads its own rule set from */
function runSetup(opts: Options, cwd: string): RunSetup {
  const { config, configLookup, builtinRules, rules, tables, rule, quiet, maxWarnings } = opts;
  return { cwd, config, configLookup, builtinRules, rules, tables, rule, quiet, maxWarnings };
}

/** --cache: loaded only when asked for */
async function openCache(opts: Options, cwd: string, setup: RunSetup, prepared: Prepared, limits: FileLimits) {
  const { ResultCache, cacheFile } = await import('../batch/cache.js');
  return ResultCache.open(cacheFile(opts.cacheLocation, cwd), setup, prepared, limits);
}

/** each file alone (one that cannot be linted is a result with one fatal message), on the pool unless told or unable */
async function lintAll(inputs: Input[], prepared: Prepared, opts: Options, cwd: string, note: (m: string) => void, onResult: OnResult, unchecked?: UncheckedReport, wantReports = false): Promise<FileResult[]> {
  const limits = { debug: opts.debug, pdfEngine: opts.pdfEngine, maxPages: opts.maxPages, timeoutSeconds: opts.timeout };
  const observe = unchecked && { start: (file: string) => unchecked.start(file, prepared.ruleSet.forFile(file)), finish: (file: string, report: Report | null) => unchecked.finish(file, report) };
  if (opts.parts && inputs.length > 1) {
    // one document in several files: read and checked together, here
    const files = inputs.map((i) => i.file);
    // --report-unchecked: one report, of the document the parts make, under the part that hosts it
    const outcomes = await lintPartsToResults(files, prepared.ruleSet, prepared.catalog, limits, observe?.start(files[0]));
    observe?.finish(outcomes.find((o) => o.report)?.report?.file ?? files[0], outcomes.find((o) => o.report)?.report ?? null);
    for (const o of outcomes) await onResult(o.result, o.report);
    return outcomes.map((o) => o.result);
  }
  const inProcess = Boolean(unchecked) || wantReports;
  const setup = runSetup(opts, cwd);
  // the models a report draws from, or what each rule bound, are not kept: those runs lint every file
  const cache = opts.cache && !inProcess ? await openCache(opts, cwd, setup, prepared, limits) : undefined;
  const results = await lintEach(inputs, { setup, limits, concurrency: opts.concurrency, local: async () => prepared, inProcess, observe, cache }, (o) => onResult(o.result, o.report));
  try {
    cache?.save();
  } catch (err) {
    note(`无法写入缓存文件 ${cache!.file}（${(err as NodeJS.ErrnoException).code ?? String(err)}），下次仍将全部检查`);
  }
  return results;
}

/** merged results, handed on as a run's are */
async function replay(results: FileResult[], onResult: OnResult): Promise<FileResult[]> {
  for (const r of results) await onResult(r, null);
  return results;
}

/** --quiet: errors only, as ESLint's getErrorResults */
function errorsOnly(r: FileResult): FileResult {
  const suppressed = (r.suppressedMessages ?? []).filter((m) => m.severity === 2);
  return { ...fileResult(r.filePath, r.messages.filter((m) => m.severity === 2)), suppressedMessages: suppressed, suppressedCount: suppressed.length };
}

/** warnings: counted before --quiet hides them, as ESLint counts them for --max-warnings */
function exitCode(results: FileResult[], warnings: number, opts: Options, io: Io): number {
  const fatal = results.some((r) => r.fatalErrorCount > 0);
  if (fatal && opts.exitOnFatalError) return 2;
  if (results.some((r) => r.errorCount > 0)) return 1;
  if (opts.maxWarnings !== undefined && warnings > opts.maxWarnings) {
    io.err.write(`budget-lint: 警告 ${warnings} 个，超过 --max-warnings ${opts.maxWarnings}\n`);
    return 1;
  }
  return 0;
}

function checkFormat(format: string, config: ResolvedConfig, fromConfig: boolean): void {
  if (isFormatName(format)) return;
  const message = `未知的输出格式: ${format}（可用 ${FORMAT_NAMES.join('、')}）`;
  const at = config.format?.at;
  if (fromConfig && at) throw new ConfigError(at.file, at.line, at.column, message);
  throw new InputError(message);
}

/** the rules as they run on these files (each at the severity of the first file it runs on) */
function rulesRun(ruleSet: RuleSet, inputs: Input[]): Rule[] {
  const byId = new Map<string, Rule>();
  for (const { file } of inputs) for (const r of ruleSet.forFile(file)) if (!byId.has(r.id)) byId.set(r.id, r);
  return [...byId.values()];
}

async function formatContext(rules: Rule[], opts: Options, outputFile: string | undefined, io: Io, cwd: string): Promise<FormatContext> {
  // a report written to a file is coloured only when asked for
  const level = colorLevel(opts.color, process.env, !outputFile && Boolean((io.out as NodeJS.WriteStream).isTTY));
  return {
    cwd,
    rulesMeta: buildRulesMeta(rules, cwd),
    tool: { name: TOOL_NAME, version: TOOL_VERSION, informationUri: DOCS_URL },
    color: level ? new (await import('chalk')).Chalk({ level }) : null,
  };
}

/** the whole report, once every file is linted (a streaming format has written its files already) */
async function writeReport(output: Output, entry: FormatEntry, results: FileResult[], context: FormatContext, all: FileResult[]): Promise<void> {
  if (entry.perFile) {
    for (const r of results) await output.write(entry.perFile(r, context));
    if (entry.summary) await output.write(entry.summary(all, context));
    return;
  }
  const text = entry.format(results, context);
  if (text.trim()) await output.write(text.endsWith('\n') ? text : text + '\n');
}

function inputOptions(opts: Options, config: ResolvedConfig, cwd: string, io: Io): InputOptions {
  const ignores = opts.ignore ? [...config.ignores, ...(opts.ignorePattern.length ? [{ patterns: opts.ignorePattern, base: cwd }] : [])] : [];
  return { cwd, ignores, walkAll: !opts.ignore, note: (m) => io.err.write(`budget-lint: ${m}\n`) };
}

/** the files named, or standard input under the name --stdin-filename gives */
async function collect(args: string[], opts: Options, inOpts: InputOptions, io: Io): Promise<Input[]> {
  const stdin = opts.stdin || args.includes('-');
  if (opts.stdinFilename !== undefined && !stdin) throw new InputError('--stdin-filename 只能与 --stdin（或 -）同用');
  if (!stdin) return expandInputs(args, inOpts);
  if (args.some((a) => a !== '-')) throw new InputError('从标准输入读取时不能再给出文件或目录');
  const file = opts.stdinFilename ?? '<text>';
  if (opts.stdinFilename !== undefined && isIgnored(file, inOpts)) {
    inOpts.note(`${file} 按忽略规则未检查（ignores 或 --ignore-pattern；--no-ignore 可检查它）`);
    return [];
  }
  return [{ file, bytes: await readStdin(io.in ?? process.stdin) }];
}

/** --print-config FILE: the configuration that applies to it, as JSON */
function printConfig(file: string, config: ResolvedConfig, ruleSet: RuleSet, opts: Options, inOpts: InputOptions, io: Io): number {
  const merged = {
    file,
    configFile: config.file,
    extends: config.chain.slice(0, -1),
    builtinRules: opts.builtinRules ? config.builtinRules : 'off',
    rules: Object.fromEntries(ruleSet.severities(file)),
    ruleFiles: [...config.ruleFiles, ...opts.rules],
    tableFiles: [...config.tableFiles, ...opts.tables],
    ignores: inOpts.ignores,
    ignored: isIgnored(file, inOpts),
    format: opts.format ?? config.format?.value ?? 'stylish',
    outputFile: opts.outputFile ?? config.outputFile ?? null,
  };
  io.out.write(JSON.stringify(merged, null, 2) + '\n');
  return 0;
}

async function run(args: string[], opts: Options, io: Io): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  const config = resolveConfig({ config: opts.config, lookup: opts.configLookup, cwd });
  const format = opts.format ?? config.format?.value ?? 'stylish';
  checkFormat(format, config, opts.format === undefined);
  const inOpts = inputOptions(opts, config, cwd, io);
  // the engine loads while the catalogue and rules do
  if ([opts.printModel ?? '', opts.stdinFilename ?? '', ...args].some((a) => /\.pdf$/i.test(a))) warmUpPdfEngine(opts.pdfEngine);
  const catalog = loadCatalog([...config.tableFiles, ...opts.tables]);
  // the files asked for are printed, ignored or not
  if (opts.printModel) return await printModels(await expandInputs([opts.printModel, ...args], { ...inOpts, ignores: [] }), opts, io, catalog);
  const ruleSet = await loadRuleSet(config, opts, cwd, catalog);
  if (opts.printConfig) return printConfig(opts.printConfig, config, ruleSet, opts, inOpts, io);
  // the commands about rules are loaded only when asked for: start-up stays short
  if (opts.listRules || opts.explain !== undefined || opts.testRules !== undefined || opts.debugRule !== undefined) {
    const { ruleCommand } = await import('./rule-commands.js');
    return ruleCommand({ ...opts, format }, args, io, catalog, ruleSet, (inputs) => expandInputs(inputs, inOpts).then((found) => found.map((i) => i.file)));
  }
  // --merge: the shards' results, already suppressed, are reported as one run's
  const merged = opts.merge ? await readMerged(args) : null;
  if (!merged && args.length === 0 && !opts.stdin) throw new InputError('请给出要检查的文件或目录，例如 budget-lint 决算公开.txt');
  let ignoredAny = false;
  let inputs = merged ? merged.map((r) => ({ file: r.filePath })) : await collect(args, opts, { ...inOpts, note: (m) => ((ignoredAny = true), inOpts.note(m)) }, io);
  if (!merged && !inputs.length) {
    if (ignoredAny) return 0;
    const madeFrom = await madeFromFiles(args, inOpts);
    throw new InputError(`没有找到可检查的 .txt 或 .pdf 文件${madeFrom ? `（有 ${madeFrom} 个 Word、Excel、WPS 或 OFD 文件：请把它们导出为 PDF 再检查）` : ''}`);
  }
  if (opts.shard && !merged) inputs = inShard(inputs, opts.shard, cwd);
  const suppressions = merged ? { file: '', text: null, sf: null } : loadSuppressions(opts, config.dir, cwd, ruleSet.known);
  const entry = formatter(format as (typeof FORMAT_NAMES)[number]);
  const outputFile = opts.outputFile ?? config.outputFile;
  const output = await openOutput(outputFile, io);
  let progress: Progress | null = null;
  try {
    const context = await formatContext(rulesRun(ruleSet, inputs), opts, outputFile, io, cwd);
    progress = merged ? null : Progress.open(io.err, opts.progress, inputs.map((i) => i.file));
    const reports = new Map<string, Report>();
    const applyOptions = { today: today(), unusedSeverity: 'off' as const, cwd };
    const unchecked = opts.reportUnchecked ? new (await import('./unchecked.js')).UncheckedReport() : undefined;
    const onResult: OnResult = async (result, report) => {
      // a streaming format writes each file as it finishes, its suppressions applied
      if (entry.perFile) {
        progress?.clear();
        const [shown] = merged ? [result] : applySuppressions([result], suppressions.sf, applyOptions).results;
        await output.write(entry.perFile(opts.quiet ? errorsOnly(shown) : shown, context));
      }
      if (entry.needsReports && report) reports.set(result.filePath, report);
      progress?.tick();
    };
    const linted = merged ? await replay(merged, onResult) : await lintAll(inputs, { config, catalog, ruleSet }, opts, cwd, inOpts.note, onResult, unchecked, entry.needsReports);
    const outcome = merged ? { results: linted, report: null } : suppress(linted, suppressions, opts, cwd, inOpts.note);
    let results = outcome.report ? [...outcome.results, outcome.report] : outcome.results;
    const warnings = results.reduce((n, r) => n + r.warningCount, 0);
    if (opts.quiet) results = results.map(errorsOnly);
    // streamed: only what the whole run adds (the notes on the suppressions file) is left to write
    const rest = entry.perFile ? (outcome.report ? [opts.quiet ? errorsOnly(outcome.report) : outcome.report] : []) : results;
    await writeReport(output, entry, rest, entry.needsReports ? { ...context, reports } : context, results);
    // after the report: beside stylish on standard output; elsewhere on stderr (a report stays parseable)
    if (unchecked) (format === 'stylish' && !outputFile ? io.out : io.err).write(unchecked.text());
    if (!merged && !opts.parts) for (const hint of partsHints(linted)) inOpts.note(hint);
    return exitCode(results, warnings, opts, io);
  } finally {
    progress?.clear();
    await output.close();
  }
}

export async function main(argv: string[], io: Io = { out: process.stdout, err: process.stderr }): Promise<number> {
  const cli = program(io);
  try {
    cli.parse(argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    if (err instanceof UsageError) {
      io.err.write(`budget-lint: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
  const opts = cli.opts<Options>();
  try {
    return await run(cli.args, opts, io);
  } catch (err) {
    // a usage or configuration error, a malformed YAML file: one line, exit 2
    const known = err instanceof InputError || err instanceof YamlFileError;
    io.err.write(`budget-lint: ${known ? (err as Error).message : describeFailure(err, opts.debug)}\n`);
    return 2;
  }
}
